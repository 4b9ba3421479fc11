"""What changed: the change record, the change log, and the site's "Updated on" and "Recently updated"."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.changes import BriefingNow, describe, track_changes
from briefgen.config import load_settings
from briefgen.pipeline import generate
from briefgen.state import AreaRecord, BriefingRecord, ChangeRecord, changes_json, read_changes
from briefgen.write.moves import area_links
from tests.test_edits import SPEC, edit, make_project, read
from tests.test_spec import write_spec

DAY1, DAY2 = "2026-04-09", "2026-04-10"
FUEL_PAGE = "docs/harbour/01-fuel-costs.md"


def gen(root: Path, today: str) -> None:
    generate(load_settings(root / "mkdocs.yml"), today=today)


def files(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file of docs/ and the committed state, with its bytes and mtime."""
    out = {}
    for folder in (root / "docs", root / ".briefgen"):
        for p in sorted(folder.rglob("*")):
            if p.is_file() and "cache" not in p.parts and p.name != "written.json":
                out[p.relative_to(root).as_posix()] = (p.read_bytes(), p.stat().st_mtime_ns)
    return out


def test_a_new_briefing_is_added_on_the_runs_date_and_the_home_page_lists_it(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    gen(root, DAY1)
    assert "Added on 2026-04-09.\n{: .bg-updated }" in read(root, "docs/harbour/index.md")
    home = read(root, "docs/index.md")
    assert "## Recently updated" in home and "- 2026-04-09 · [Harbour Dispute Tests an Old Alliance](harbour/index.md): added" in home
    assert "## Added\n\n- harbour: Harbour Dispute Tests an Old Alliance" in read(root, ".briefgen/changes.md")


def test_a_run_that_changes_nothing_rewrites_nothing_even_on_another_day(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    gen(root, DAY1)
    before = files(root)
    gen(root, DAY2)
    assert files(root) == before


def test_an_update_is_dated_and_says_what_changed(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    gen(root, DAY1)
    edit(root, FUEL_PAGE, "- The agreement now faces", "- Sharper: the agreement now faces")
    edit(root, "seeds/harbour.txt", "planned for the spring", "planned for the summer")
    write_spec(root, SPEC.replace("title: Quota talks\n    slug: quota-talks", "title: Sharing the catch\n    slug: sharing-the-catch"))
    gen(root, DAY2)
    line = "Updated on 2026-04-10: “Quota talks” renamed “Sharing the catch”; changed: overview, quotes, source text, Outlook."
    assert line in read(root, "docs/harbour/index.md")
    assert "- 2026-04-10 · [Harbour Dispute Tests an Old Alliance](harbour/index.md): “Quota talks” renamed" in read(root, "docs/index.md")
    log = read(root, ".briefgen/changes.md")
    assert "on 2026-04-10" in log and "## Updated\n\n- harbour: Harbour Dispute Tests an Old Alliance (“Quota talks” renamed" in log
    # The edited Fuel costs page did not change this run, so no page had to keep edits.
    assert "Pages that kept your edits" not in log


def test_the_log_lists_pages_that_kept_edits_and_pages_in_conflict(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    gen(root, DAY1)
    edit(root, "docs/harbour/source.md", "Both councils have promised", "Both councils have firmly promised")
    edit(root, "docs/harbour/03-outlook.md", "- Observers expect", "- Sharper: observers expect")
    edit(root, "seeds/harbour.txt", "planned for the spring", "planned for the summer")
    gen(root, DAY2)
    log = read(root, ".briefgen/changes.md")
    assert "## Pages that kept your edits\n\n- docs/harbour/03-outlook.md" in log
    line = read(root, "docs/harbour/source.md").splitlines().index("<<<<<<< yours") + 1
    assert f"- docs/harbour/source.md:{line}" in log


def test_the_same_inputs_give_the_same_log_and_pages(tmp_path: Path) -> None:
    made = []
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        root = make_project(tmp_path / name)
        gen(root, DAY1)
        write_spec(root, SPEC.replace("slug: outlook", "slug: next-steps"))
        gen(root, DAY2)
        made.append({k: v[0] for k, v in files(root).items() if not k.startswith(".briefgen/base")})
    assert made[0] == made[1]


def test_a_removed_briefing_is_logged_and_listed_without_a_link(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    (root / "seeds" / "other.txt").write_text("Another Article\n\nIt has one paragraph about fishing boats.\n", encoding="utf-8")
    gen(root, DAY1)
    (root / "seeds" / "other.txt").unlink()
    gen(root, DAY2)
    assert "- 2026-04-10 · Another Article: removed" in read(root, "docs/index.md")
    assert "## Removed\n\n- other: Another Article" in read(root, ".briefgen/changes.md")
    assert "other" not in read_changes(root / ".briefgen").briefings


def test_source_date_epoch_sets_the_runs_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1775692800")
    root = make_project(tmp_path)
    generate(load_settings(root / "mkdocs.yml"))
    assert "Added on 2026-04-09." in read(root, "docs/harbour/index.md")


# ---------------------------------------------------------------------------------------
# The pure parts
# ---------------------------------------------------------------------------------------


def a(slug: str, title: str, n: int, *paragraphs: int) -> AreaRecord:
    return AreaRecord(slug, title, f"{n:02d}-{slug}.md", paragraphs)


OLD = BriefingRecord("T", DAY1, True, (), (("index.md", "1"), ("01-a.md", "2"), ("02-b.md", "3"), ("source.md", "4")),
                     (a("a", "A", 1, 1, 2), a("b", "B", 2, 3, 4)))


def now(areas: tuple[AreaRecord, ...], **hashes: str) -> BriefingNow:
    pages = dict(OLD.pages) | {k.replace("_", "-") + ".md": v for k, v in hashes.items()}
    # An area page keeps its old text unless said otherwise, whatever its new file name.
    by_slug = {o.slug: pages[o.file] for o in OLD.areas}
    pages = {k: v for k, v in pages.items() if not k[0].isdigit()} | {x.file: pages.get(x.file, by_slug.get(x.slug, "new")) for x in areas}
    return BriefingNow("t", "T", tuple(pages.items()), areas)


@pytest.mark.parametrize(("areas", "phrases"), [
    ((a("a", "A", 1, 1, 2), a("c", "C", 2, 3, 4)), ("“B” renamed “C”",)),
    ((a("ab", "AB", 1, 1, 2, 3, 4),), ("“A” and “B” merged into “AB”",)),
    ((a("a", "A", 1, 1, 2), a("b1", "B1", 2, 3), a("b2", "B2", 3, 4)), ("“B” split into “B1” and “B2”",)),
    ((a("a", "A", 1, 1, 2),), ("area “B” removed",)),
    ((a("b", "B", 1, 3, 4), a("a", "A", 2, 1, 2)), ("areas reordered",)),
])
def test_describe_names_each_change_to_the_areas(areas: tuple[AreaRecord, ...], phrases: tuple[str, ...]) -> None:
    b = now(areas)
    assert describe(OLD, b, area_links(OLD.areas, b.areas)) == phrases


def test_describe_names_the_pages_whose_text_changed() -> None:
    b = now(OLD.areas, source="9", **{"01-a": "9"})
    assert describe(OLD, b, area_links(OLD.areas, b.areas)) == ("changed: source text, A",)


def test_a_briefing_whose_seed_failed_keeps_its_record() -> None:
    before = ChangeRecord({"t": OLD})
    tracked = track_changes(before, (), frozenset({"t"}), {}, DAY2)
    assert tracked.record.briefings == {"t": OLD} and not tracked.changed


def test_the_record_reads_back_as_written(tmp_path: Path) -> None:
    record = track_changes(ChangeRecord(), (now(OLD.areas),), frozenset(), {}, DAY1).record
    (tmp_path / "changes.json").write_text(changes_json(record), encoding="utf-8")
    assert read_changes(tmp_path) == record



def test_describe_says_every_page_when_every_page_changed() -> None:
    b = now(OLD.areas, index="9", source="9", quotes="9", glossary="9", **{"01-a": "9", "02-b": "9"})
    assert describe(OLD, b, area_links(OLD.areas, b.areas)) == ("changed: every page",)
