"""End to end: seeds → briefgen generate → a strict MkDocs build, and the same config with Zensical."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from briefgen.pdf.relink import relink_pdf_buttons
from briefgen.analysis import analyse_file
from briefgen.seeds import find_seeds
from briefgen.site import QUIET_ENV, build_command
from tests.project import new_project
from tests.test_render import HOSTILE, briefing, render_site

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, **QUIET_ENV}


def run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=ENV, timeout=300)


def warnings(proc: subprocess.CompletedProcess[str]) -> list[str]:
    return [ln for ln in (proc.stderr + proc.stdout).splitlines() if re.search(r"WARNING|ERROR|Error", ln)]


def area_pages(docs: Path) -> list[Path]:
    return sorted(p for p in docs.glob("*/*.md") if re.match(r"\d+-", p.name))


def search_texts(index: Path) -> str:
    data = json.loads(index.read_text(encoding="utf-8"))
    items = data["docs"] if "docs" in data else data["items"]
    return unescape(" ".join(f"{d['title']} {d['text']}" for d in items))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The seeds generated once, then built by MkDocs and (in a copy) by Zensical."""
    project = new_project(tmp_path_factory.mktemp("site") / "p")
    gen = run([sys.executable, "-m", "briefgen", "generate"], project)
    assert gen.returncode == 0, gen.stderr
    twin = tmp_path_factory.mktemp("zensical") / "p"
    shutil.copytree(project, twin)
    mk = run(build_command(project / "mkdocs.yml"), project)
    zs = run(build_command(twin / "mkdocs.yml", engine="zensical"), twin)
    return {"project": project, "twin": twin, "mkdocs": mk, "zensical": zs}


def expected_content(project: Path) -> tuple[list[str], list[str]]:
    """Area titles and statement speakers of every seed, from the analysis itself."""
    titles: list[str] = []
    speakers: list[str] = []
    for seed in find_seeds(project / "seeds"):
        b = analyse_file(seed)
        titles += [a.title for a in b.areas]
        speakers += [q.speaker for q in b.quotes if q.kind == "statement" and q.speaker]
    return titles, speakers


def test_mkdocs_strict_build_has_no_warnings(built: dict) -> None:
    proc = built["mkdocs"]
    assert proc.returncode == 0, proc.stderr
    assert warnings(proc) == []


def test_every_area_page_is_in_the_site(built: dict) -> None:
    project: Path = built["project"]
    pages = area_pages(project / "docs")
    assert pages
    for page in pages:
        assert (project / "site" / page.parent.name / page.stem / "index.html").is_file(), page


def test_search_index_holds_every_area_title_and_statement_speaker(built: dict) -> None:
    text = search_texts(built["project"] / "site" / "search" / "search_index.json")
    titles, speakers = expected_content(built["project"])
    assert titles
    for value in titles + speakers:
        assert value in text, value


def test_zensical_builds_the_same_config_strictly(built: dict) -> None:
    proc = built["zensical"]
    assert proc.returncode == 0, proc.stderr + proc.stdout
    assert warnings(proc) == []
    twin: Path = built["twin"]
    for page in area_pages(twin / "docs"):
        assert (twin / "site" / page.parent.name / page.stem / "index.html").is_file(), page
    text = search_texts(twin / "site" / "search.json")
    titles, speakers = expected_content(twin)
    for value in titles + speakers:
        assert value in text, value


# --- a synthetic briefing: tags, grid cards, hostile text, through both engines ----------


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A briefing with entities and hostile source text, rendered and built by both engines."""
    out: dict[str, Path] = {}
    b = briefing()
    hostile = briefing(slug="hostile", title="<script>alert(1)</script> {{ x }}")
    hostile = type(hostile)(**{**hostile.__dict__, "quotes": (
        hostile.quotes[0].__class__(HOSTILE, "p2", "statement", speaker="<img src=x onerror=alert(1)>"),
    ) + hostile.quotes[1:]})
    for engine in ("mkdocs", "zensical"):
        project = tmp_path_factory.mktemp(engine) / "p"
        project.mkdir()
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        for page in render_site((b, hostile)):
            target = project / "docs" / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.content, encoding="utf-8")
        proc = run(build_command(project / "mkdocs.yml", engine=engine), project)  # type: ignore[arg-type]
        assert proc.returncode == 0 and warnings(proc) == [], proc.stderr + proc.stdout
        relink_pdf_buttons(project / "site")  # what the PDF step does after any build
        out[engine] = project / "site"
    return out


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_entities_show_as_tags_and_in_the_tag_index(synthetic: dict, engine: str) -> None:
    area = (synthetic[engine] / "north" / "01-the-route" / "index.html").read_text(encoding="utf-8")
    index = (synthetic[engine] / "tags" / "index.html").read_text(encoding="utf-8")
    for tag in ("Ana Ruiz", "North Sea"):
        assert tag in area and tag in index
    assert "01-the-route/" in index  # the listing links the tagged page


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_grid_cards_and_abbreviations_render(synthetic: dict, engine: str) -> None:
    html = (synthetic[engine] / "north" / "index.html").read_text(encoding="utf-8")
    assert '<div class="grid cards">' in html and 'href="01-the-route/"' in html
    assert '<abbr title="Northern Water Route">NWR</abbr>' in html


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_hostile_source_text_never_reaches_the_html_as_markup(synthetic: dict, engine: str) -> None:
    for page in (synthetic[engine] / "hostile").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html, page
        assert 'href="javascript:' not in html, page


def test_area_pdf_link_points_at_the_published_one_pager_with_mkdocs(synthetic: dict) -> None:
    html = (synthetic["mkdocs"] / "north" / "02-trade" / "index.html").read_text(encoding="utf-8")
    # /north/02-trade/ + ../pdf/trade.pdf = /north/pdf/trade.pdf, where the PDF step publishes it.
    assert 'href="../pdf/trade.pdf"' in html and 'href="../north.pdf"' in html


def test_area_pdf_link_points_at_the_published_one_pager_with_zensical(synthetic: dict) -> None:
    # Zensical resolves raw-HTML hrefs against the Markdown file (one '../' too many);
    # the PDF step's relink puts them back.
    html = (synthetic["zensical"] / "north" / "02-trade" / "index.html").read_text(encoding="utf-8")
    assert 'href="../pdf/trade.pdf"' in html and 'href="../north.pdf"' in html


# --- the generated navigation (docs/.nav.yml) ---------------------------------------------


def primary_nav(html: Path) -> list[tuple[str, str]]:
    """(text, href) of every link in a page's site navigation, whitespace collapsed."""
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
    nav = soup.select_one("nav.md-nav--primary")
    assert nav is not None, html
    return [(" ".join(a.get_text(" ").split()), a.get("href", "")) for a in nav.select("a.md-nav__link")]


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_nav_titles_the_briefing_section_with_the_article_title(built: dict, engine: str) -> None:
    site = (built["project"] if engine == "mkdocs" else built["twin"]) / "site"
    for seed in find_seeds(built["project"] / "seeds"):
        b = analyse_file(seed)
        assert b.meta.title
        folder = b.slug.replace("-", " ").capitalize()  # what the automatic nav used to show
        area = next(p for p in area_pages(built["project"] / "docs") if p.parent.name == b.slug)
        links = primary_nav(site / b.slug / "source" / "index.html")
        # The section's title links to the overview (navigation.indexes), then the areas follow.
        assert (b.meta.title, "../") in links, links
        assert (b.areas[0].title, f"../{area.stem}/") in links, links
        assert not any(text == folder for text, _ in links), links
        texts = [text for text, _ in links]
        assert texts.index(b.meta.title) < texts.index("Quotes") < texts.index("Glossary") < texts.index("Source text")


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_nav_file_is_not_published(built: dict, engine: str) -> None:
    site = (built["project"] if engine == "mkdocs" else built["twin"]) / "site"
    assert (site / "index.html").is_file()
    assert not list(site.rglob("*nav.yml"))
