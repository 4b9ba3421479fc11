"""Pagefind, the optional search for large libraries: the setting, the build step, its output."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.config import load_settings
from briefgen.errors import ConfigError
from briefgen.analysis import analyse_file
from briefgen.search import build_pagefind, search_page
from briefgen.site import QUIET_ENV
from tests.project import new_project



def config_with(tmp_path: Path, search: str | None) -> Path:
    """A mkdocs.yml whose extra.briefgen block sets ``search`` (or leaves it out)."""
    line = f"\n    search: {search}" if search else ""
    path = tmp_path / "mkdocs.yml"
    path.write_text(f"site_name: X\nextra:\n  briefgen:\n    seeds: seeds{line}\n", encoding="utf-8")
    return path


def test_search_defaults_to_lunr_so_nothing_changes(tmp_path: Path) -> None:
    settings = load_settings(config_with(tmp_path, None))
    assert (settings.search, settings.pagefind) == ("lunr", False)


@pytest.mark.parametrize("value", ["pagefind", "both"])
def test_pagefind_or_both_turn_the_step_on(tmp_path: Path, value: str) -> None:
    assert load_settings(config_with(tmp_path, value)).pagefind


def test_an_unknown_search_engine_names_the_key_and_the_choices(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"extra\.briefgen\.search must be one of lunr, pagefind, both"):
        load_settings(config_with(tmp_path, "algolia"))


def test_search_page_loads_pagefind_from_the_site_itself() -> None:
    page = search_page("Briefings <A&B>")
    assert 'src="../pagefind/pagefind-ui.js"' in page and 'href="../pagefind/pagefind-ui.css"' in page
    assert "http" not in page  # no third-party host, and no absolute URL that breaks a sub-path
    assert "Briefings &lt;A&amp;B&gt;" in page


def fragments(bundle: Path) -> list[dict]:
    """Each indexed page as Pagefind stores it (gzip, a 12-byte signature, then JSON)."""
    return [json.loads(gzip.decompress(p.read_bytes())[len(b"pagefind_dcd"):]) for p in sorted((bundle / "fragment").iterdir())]


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(folder)).encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed library built with the default settings: Material's search only."""
    root = new_project(tmp_path_factory.mktemp("search") / "p")
    proc = subprocess.run([sys.executable, "-m", "briefgen", "build", "--quiet"], cwd=root, capture_output=True,
                          text=True, env={**os.environ, **QUIET_ENV}, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    # What the default build left, recorded now: later tests build again with Pagefind.
    site = root / "site"
    DEFAULT_BUILD.update(lunr=(site / "search" / "search_index.json").is_file(),
                         pagefind=(site / "pagefind").exists() or (site / "find").exists())
    return root


# Filled in by the ``project`` fixture from the default build, before any Pagefind build.
DEFAULT_BUILD: dict[str, bool] = {}


@pytest.mark.slow
def test_default_build_has_no_pagefind(project: Path) -> None:
    assert DEFAULT_BUILD == {"lunr": True, "pagefind": False}


@pytest.mark.slow
def test_build_with_pagefind_indexes_every_briefing_page_by_its_article_text(project: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "briefgen", "build", "--quiet", "--pagefind"], cwd=project,
                          capture_output=True, text=True, env={**os.environ, **QUIET_ENV}, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    site = project / "site"
    assert "Pagefind indexed" in proc.stderr
    assert json.loads((site / "pagefind" / "pagefind-entry.json").read_text())["languages"]
    assert (site / "find" / "index.html").is_file() and (site / "pagefind" / "pagefind-ui.js").is_file()
    pages = {f["url"]: f for f in fragments(site / "pagefind")}
    for seed in sorted((project / "seeds").glob("*.txt")):
        briefing = analyse_file(seed)
        titles = {f["meta"]["title"] for url, f in pages.items() if url.startswith(f"/{briefing.slug}/")}
        assert {a.title for a in briefing.areas} <= titles
    # Only the article is indexed: Material's header and navigation repeat on every page.
    assert not any("Skip to content" in f["content"] for f in pages.values())
    # The search page is not a result of its own search.
    assert "/find/" not in pages


@pytest.mark.slow
def test_pagefind_gives_the_same_bundle_for_the_same_site(project: Path) -> None:
    site = project / "site"
    first = build_pagefind(site)
    before = digest(first.bundle)
    second = build_pagefind(site)
    assert digest(second.bundle) == before and second.pages_indexed == first.pages_indexed > 0
