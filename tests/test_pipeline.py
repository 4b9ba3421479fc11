"""The orchestrator: everything analysed before anything is written; build steps in order, none after a conflict."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen import briefings, pipeline
from briefgen.config import Settings, load_settings
from briefgen.errors import BuildError
from tests.project import new_project
from tests.test_edits import SOURCE, edit, make_project

# Build steps after generate, as build must run them: each needs the one before.
STEPS = ("mkdocs", "pdfs", "pagefind", "offline")


def harbour(tmp_path: Path) -> Settings:
    """The one-article project of the edit tests, generated once."""
    settings = load_settings(make_project(tmp_path) / "mkdocs.yml")
    pipeline.generate(settings)
    return settings


@pytest.fixture
def ran(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The build steps after generate that ran, in order; each replaced by a stand-in that only says so."""
    import briefgen.pdf
    import briefgen.publish
    import briefgen.search
    import briefgen.site

    seen: list[str] = []
    monkeypatch.setattr(briefgen.site, "build_site", lambda config: seen.append("mkdocs"))
    monkeypatch.setattr(briefgen.pdf, "build_pdfs", lambda settings: seen.append("pdfs") or briefgen.pdf.PdfReport())
    monkeypatch.setattr(briefgen.search, "build_pagefind",
                        lambda site, name: seen.append("pagefind") or briefgen.search.PagefindReport(site, site, 0, 0))
    monkeypatch.setattr(briefgen.publish, "build_offline", lambda settings: seen.append("offline") or Path("x.zip"))
    return seen


def test_build_stops_before_mkdocs_when_a_page_has_conflicts_and_says_which(tmp_path: Path, ran: list[str]) -> None:
    settings = harbour(tmp_path)
    edit(tmp_path, SOURCE, "Both councils have promised", "Both councils have firmly promised")
    edit(tmp_path, "seeds/harbour.txt", "planned for the spring", "planned for the summer")
    result = pipeline.build(settings.with_overrides(search="both"), offline=True)
    assert result.site is None and ran == []
    assert [c.path for c in result.generated.written.conflicts] == ["harbour/source.md"]


def test_build_runs_mkdocs_then_pdfs_then_pagefind_then_the_offline_bundle(tmp_path: Path, ran: list[str]) -> None:
    settings = harbour(tmp_path)
    reported: list[str] = []
    result = pipeline.build(settings.with_overrides(search="both"), offline=True,
                            on_step=lambda step: reported.append(type(step).__name__))
    assert ran == list(STEPS)
    assert reported == ["GenerateResult", "SiteBuilt", "PdfReport", "PagefindReport", "OfflineBundle"]
    assert result.site == settings.site and result.offline == Path("x.zip")


def test_build_of_an_empty_library_makes_a_site_and_no_pdfs(tmp_path: Path, ran: list[str]) -> None:
    settings = load_settings(new_project(tmp_path / "p", seeds=()) / "mkdocs.yml")
    pipeline.build(settings)
    assert ran == ["mkdocs"]


def test_a_failed_mkdocs_build_stops_the_steps_after_it(tmp_path: Path, ran: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import briefgen.site

    def fail(config: Path) -> None:
        raise BuildError(f"{config}: mkdocs build failed: WARNING - a broken link")

    monkeypatch.setattr(briefgen.site, "build_site", fail)
    with pytest.raises(BuildError, match="mkdocs build failed"):
        pipeline.build(harbour(tmp_path))
    assert ran == []


def test_generate_reports_a_failed_seed_and_still_writes_the_others(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    (root / "seeds" / "blank.txt").write_text("  \n", encoding="utf-8")
    (root / "seeds" / "budget.xlsx").write_bytes(b"PK\x03\x04")
    result = pipeline.generate(load_settings(root / "mkdocs.yml"))
    assert [Path(f.path).name for f in result.failures] == ["budget.xlsx", "blank.txt"]
    assert [b.part.key[1] for b in result.built] == ["harbour"]
    assert (root / "docs" / "harbour" / "01-fuel-costs.md").is_file() and not (root / "docs" / "blank").exists()


def test_a_crash_while_analysing_leaves_docs_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_project(tmp_path)
    (root / "seeds" / "zz-second.txt").write_text((root / "seeds" / "harbour.txt").read_text(), encoding="utf-8")
    analyse = briefings.analyse

    def crash_on_the_second(source, slug):  # type: ignore[no-untyped-def]
        if slug == "zz-second":
            raise RuntimeError("analyser bug")
        return analyse(source, slug)

    monkeypatch.setattr(briefings, "analyse", crash_on_the_second)
    with pytest.raises(RuntimeError):
        pipeline.generate(load_settings(root / "mkdocs.yml"), jobs=1)
    assert not (root / "docs").exists()
