"""The analysis cache: incremental runs give exactly the output of a run from scratch."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from benchmarks.corpus import edit_one
from briefgen.briefings import Built, build_seeds
from briefgen.cache import AnalysisCache, templates_version
from briefgen.config import Settings, load_settings
from briefgen.model import Briefing
from briefgen.pipeline import generate
from briefgen.seeds import find_seeds, unique_slugs
from briefgen.spec import spec_paths

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "fixtures" / "dev"
ARTICLES = ("china-russia-fractured-friendship.txt", "03-conversation-asian-games-frictions.txt")


def project(tmp: Path, seeds_from: Path | None = None) -> Settings:
    """A project folder with the repository's config and templates and the given seeds."""
    tmp.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    if seeds_from is None:
        (tmp / "seeds").mkdir()
        for name in ARTICLES:
            shutil.copy(DEV / name, tmp / "seeds" / name)
    else:
        shutil.copytree(seeds_from, tmp / "seeds")
    return load_settings(tmp / "mkdocs.yml").with_overrides(templates=ROOT / "templates")


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def analysed(settings: Settings) -> int:
    """How many seeds a run would analyse (not take from the cache)."""
    seeds = find_seeds(settings.seeds)
    return build_seeds(seeds, unique_slugs(seeds), spec_paths(seeds), settings.state, settings.templates, jobs=1).analysed


def test_warm_cache_and_one_edited_seed_give_the_output_of_a_fresh_run(tmp_path: Path) -> None:
    a = project(tmp_path / "a")
    generate(a)
    first = tree(a.docs)
    generate(a)  # warm cache: nothing analysed, nothing changes
    assert tree(a.docs) == first
    edit_one(a.seeds / ARTICLES[0])
    # The same project with no cache: its pages, merge bases and change record as a's.
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    shutil.rmtree(tmp_path / "b" / ".briefgen" / "cache")
    b = load_settings(tmp_path / "b" / "mkdocs.yml").with_overrides(templates=ROOT / "templates")
    generate(a, today="2026-04-09")
    generate(b, today="2026-04-09")
    assert tree(a.docs) == tree(b.docs)
    assert tree(a.docs) != first  # the edit did reach the pages


def test_only_new_or_changed_seeds_are_analysed(tmp_path: Path) -> None:
    a = project(tmp_path)
    assert analysed(a) == 2
    assert analysed(a) == 0
    edit_one(a.seeds / ARTICLES[1])
    assert analysed(a) == 1


def test_a_removed_seed_loses_its_pages_and_its_cache_entry(tmp_path: Path) -> None:
    a = project(tmp_path)
    generate(a)
    slug = "china-russia-fractured-friendship"
    assert (a.docs / slug / "index.md").exists()
    (a.seeds / ARTICLES[0]).unlink()
    generate(a)
    assert not (a.docs / slug).exists()
    assert len(list((a.state / "cache").glob("*.pickle"))) == 1


def test_a_corrupt_cache_entry_warns_once_and_is_analysed_again(tmp_path: Path) -> None:
    a = project(tmp_path)
    generate(a)
    before = tree(a.docs)
    for entry in (a.state / "cache").glob("*.pickle"):
        entry.write_bytes(entry.read_bytes()[:40])  # torn writes
    result = generate(a)
    assert [w for w in result.warnings if "analysis cache" in w] == [
        f"{a.state / 'cache'}: unreadable analysis cache entries; those seeds were analysed again"
    ]
    assert tree(a.docs) == before
    assert analysed(a) == 0  # and the entries were rewritten


def test_a_missing_cache_is_a_note_not_a_warning_and_falls_back_to_a_full_run(tmp_path: Path) -> None:
    a = project(tmp_path)
    generate(a)
    before = tree(a.docs)
    shutil.rmtree(a.state / "cache")  # as in a fresh clone: the cache is git-ignored
    result = generate(a)
    assert any("no analysis cache" in n for n in result.notes)
    assert not any("analysis cache" in w for w in result.warnings)
    assert tree(a.docs) == before


def test_an_entry_of_another_format_is_a_miss(tmp_path: Path) -> None:
    cache = AnalysisCache(tmp_path)
    cache.folder.mkdir()
    (cache.folder / "k.pickle").write_bytes(b"briefgen-analysis-cache 0\n...")
    assert cache.get("k") is None
    assert cache.get("absent") is None
    assert len(cache.warnings) == 1


def test_editing_a_template_changes_every_key(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    before = templates_version(templates)
    area = templates / "area.md.j2"
    area.write_text(area.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert templates_version(templates) != before


@pytest.mark.parametrize("name", ARTICLES)
def test_a_cached_briefing_equals_a_fresh_analysis(tmp_path: Path, name: str) -> None:
    a = project(tmp_path)
    seeds = find_seeds(a.seeds)
    slugs = unique_slugs(seeds)
    cold = build_seeds(seeds, slugs, spec_paths(seeds), a.state, a.templates, jobs=1)
    warm = build_seeds(seeds, slugs, spec_paths(seeds), a.state, a.templates, jobs=1)
    assert warm.analysed == 0
    assert all(isinstance(o, Built) and isinstance(o.briefing, Briefing) for o in warm.outcomes)
    assert [o.briefing for o in warm.outcomes] == [o.briefing for o in cold.outcomes]  # type: ignore[union-attr]


def test_check_and_the_pdf_step_take_the_analysis_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefgen import briefings
    from briefgen.check import check_docs
    from briefgen.pdf import build_pdfs
    from tests.test_edits import make_project

    settings = load_settings(make_project(tmp_path) / "mkdocs.yml")
    generate(settings)

    def analyse_again(*args: object) -> Briefing:
        raise AssertionError("a seed with a valid cached analysis was analysed again")

    monkeypatch.setattr(briefings, "analyse", analyse_again)
    assert check_docs(settings) == ()
    assert len(build_pdfs(settings).written) == 4  # the book and three one-pagers


def test_check_analyses_a_seed_changed_since_generate_and_not_its_stale_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefgen import briefings
    from briefgen.check import check_docs
    from tests.test_edits import edit, make_project

    root = make_project(tmp_path)
    settings = load_settings(root / "mkdocs.yml")
    generate(settings)
    # The quote's words change in the article: the pages still quote the old ones.
    edit(root, "seeds/harbour.txt", "We cannot keep the fleet at sea", "We cannot keep the fleet afloat")
    calls = []
    analyse = briefings.analyse
    monkeypatch.setattr(briefings, "analyse", lambda *a: calls.append(a) or analyse(*a))
    assert any("quote is not verbatim" in p for p in check_docs(settings))
    assert len(calls) == 1
