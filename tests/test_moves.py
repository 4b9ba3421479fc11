"""Edits follow the content: renaming, reordering, merging or splitting areas in the spec keeps the edits.

Each test builds the small harbour project of test_edits (three areas fixed by the spec),
edits pages, changes the spec and runs the real command line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefgen.write.merge import merge_close, split_edits
from briefgen.write.moves import area_links, page_moves, primary_successor
from briefgen.state import AreaRecord
from tests.test_edits import FUEL, QUOTA, SPEC, edit, project, read, run  # noqa: F401 (project: the fixture)
from tests.test_spec import write_spec

OUTLOOK = "docs/harbour/03-outlook.md"
QUOTA_SPEC = "  - title: Quota talks\n    slug: quota-talks\n    paragraphs: p4-p6\n"


def test_renaming_an_edited_area_moves_the_page_with_its_edits(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, QUOTA, "- Quota talks are the second", "- Sharper: quota talks are the second")
    edit(project, QUOTA, "## Summary\n", "## Summary\n\nMy note on the talks.\n")
    write_spec(project, SPEC.replace("title: Quota talks\n    slug: quota-talks", "title: Sharing the catch\n    slug: sharing-the-catch"))
    code, out = run(capsys, project, "generate")
    assert code == 0, out
    page = read(project, "docs/harbour/02-sharing-the-catch.md")
    assert "# Sharing the catch" in page
    assert "- Sharper: quota talks are the second" in page and "My note on the talks." in page
    # Nothing of the old page is left: not in docs/, not as a merge base, not in a link or the nav.
    assert not (project / QUOTA).exists()
    assert not (project / ".briefgen/base/harbour/02-quota-talks.md").exists()
    assert (project / ".briefgen/base/harbour/02-sharing-the-catch.md").exists()
    for rel in ("docs/harbour/index.md", "docs/harbour/quotes.md", "docs/.nav.yml"):
        assert "quota-talks" not in read(project, rel), rel
    assert "02-sharing-the-catch.md" in read(project, "docs/.nav.yml")
    assert f"{project / QUOTA}: its area was renamed, merged or split; your edits went to" in out
    # And the next run finds nothing more to do.
    code, out = run(capsys, project, "generate")
    assert code == 0 and "0 page(s) created, 0 changed" in out


def test_reordering_areas_keeps_each_pages_edits(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, FUEL, "- The agreement now faces", "- Sharper: the agreement now faces")
    edit(project, OUTLOOK, "- Observers expect", "- Sharper: observers expect")
    first, second, third = SPEC.split("  - title: ")[1:]
    write_spec(project, "areas:\n  - title: " + third + "  - title: " + first + "  - title: " + second)
    code, out = run(capsys, project, "generate")
    assert code == 0, out
    outlook, fuel = read(project, "docs/harbour/01-outlook.md"), read(project, "docs/harbour/02-fuel-costs.md")
    assert "# Outlook" in outlook and "- Sharper: observers expect" in outlook
    assert "# Fuel costs" in fuel and "- Sharper: the agreement now faces" in fuel
    assert sorted(p.name for p in (project / "docs/harbour").glob("0*.md")) == [
        "01-outlook.md", "02-fuel-costs.md", "03-quota-talks.md"]


def test_merging_two_edited_areas_keeps_the_edits_of_both(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, QUOTA, "The northern council rejects that view.", "The northern council firmly rejects that view.")
    edit(project, OUTLOOK, "- Observers expect", "- Sharper: observers expect")
    write_spec(project, SPEC.replace(
        QUOTA_SPEC + "    summary:\n      - Quota talks are the second source of friction.\n"
        "  - title: Outlook\n    slug: outlook\n    paragraphs: p7-p8\n",
        "  - title: Talks and outlook\n    slug: talks-and-outlook\n    paragraphs: p4-p8\n"))
    code, out = run(capsys, project, "generate")
    assert code == 0, out
    page = read(project, "docs/harbour/02-talks-and-outlook.md")
    assert "The northern council firmly rejects that view." in page
    assert "- Sharper: observers expect" in page
    assert "<<<<<<<" not in page
    assert not (project / QUOTA).exists() and not (project / OUTLOOK).exists()


def test_splitting_an_edited_area_shares_its_edits_out(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, QUOTA, "wants a larger share of the catch", "wants a much larger share of the catch")
    edit(project, QUOTA, "The northern council rejects that view.", "The northern council firmly rejects that view.")
    write_spec(project, SPEC.replace(QUOTA_SPEC, "  - title: The southern claim\n    slug: southern-claim\n    paragraphs: p4-p5\n")
               .replace("  - title: Outlook\n", "  - title: The northern answer\n    slug: northern-answer\n    paragraphs: p6\n"
                        "  - title: Outlook\n"))
    code, out = run(capsys, project, "generate")
    assert code == 0, out
    claim, answer = read(project, "docs/harbour/02-southern-claim.md"), read(project, "docs/harbour/03-northern-answer.md")
    assert "wants a much larger share" in claim and "firmly rejects" not in claim
    assert "firmly rejects" in answer and "much larger share" not in answer
    assert "<<<<<<<" not in claim + answer


def test_an_edited_paragraph_that_changes_area_takes_its_edit_along(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, QUOTA, "The southern council wants a larger", "The southern council wants a far larger")
    edit(project, QUOTA, "The northern council rejects", "The northern council flatly rejects")
    write_spec(project, SPEC.replace("paragraphs: p1-p3", "paragraphs: p1-p4").replace("paragraphs: p4-p6", "paragraphs: p5-p6"))
    code, out = run(capsys, project, "generate")
    assert code == 0, out
    fuel, quota = read(project, FUEL), read(project, QUOTA)
    assert "far larger" in fuel and "far larger" not in quota
    assert "flatly rejects" in quota and "<<<<<<<" not in fuel + quota


def test_an_edit_no_new_page_can_take_is_a_conflict_with_its_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, QUOTA, "# Quota talks", "# Quota talks (my notes)")
    write_spec(project, SPEC.replace("title: Quota talks\n    slug: quota-talks", "title: Sharing the catch\n    slug: sharing-the-catch"))
    code, out = run(capsys, project, "generate")
    assert code == 1
    page = read(project, "docs/harbour/02-sharing-the-catch.md")
    assert "# Quota talks (my notes)" in page and "# Sharing the catch" in page
    line = page.splitlines().index("<<<<<<< yours") + 1
    assert f"{project / 'docs/harbour/02-sharing-the-catch.md'}:{line}: conflict" in out
    assert not (project / QUOTA).exists()


def test_a_deleted_page_stays_deleted_when_its_area_is_renamed(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / QUOTA).unlink()
    write_spec(project, SPEC.replace("slug: quota-talks", "slug: sharing-the-catch"))
    code, out = run(capsys, project, "generate")
    assert code == 0, out
    assert not (project / "docs/harbour/02-sharing-the-catch.md").exists()
    assert run(capsys, project, "generate")[0] == 0
    assert not (project / "docs/harbour/02-sharing-the-catch.md").exists()


def test_an_edited_page_of_a_removed_area_leaves_the_site_and_is_saved(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, OUTLOOK, "- Observers expect", "- Sharper: observers expect")
    write_spec(project, SPEC.split("  - title: Outlook")[0])
    code, out = run(capsys, project, "generate")
    assert code == 0, out
    assert not (project / OUTLOOK).exists()
    saved = list((project / ".briefgen/backup").rglob("03-outlook.md"))
    assert len(saved) == 1 and "Sharper: observers expect" in saved[0].read_text(encoding="utf-8")
    assert f"{project / OUTLOOK}: no longer generated, but you had edited it" in out


# ---------------------------------------------------------------------------------------
# The pure parts: tracing areas, sharing a split page's edits out
# ---------------------------------------------------------------------------------------


def area(slug: str, file: str, *paragraphs: int) -> AreaRecord:
    return AreaRecord(slug, slug.capitalize(), file, paragraphs)


def test_an_area_is_traced_by_its_slug_or_its_paragraphs() -> None:
    old = (area("a", "01-a.md", 1, 2), area("b", "02-b.md", 3, 4), area("c", "03-c.md", 5))
    new = (area("c", "01-c.md", 5), area("renamed", "02-renamed.md", 1, 2), area("bc", "03-bc.md", 4))
    links = area_links(old, new)
    assert [tuple(o.slug for o in link.sources) for link in links] == [("c",), ("a",), ("b",)]
    assert page_moves("h", links) == {"h/01-c.md": ("h/03-c.md",), "h/02-renamed.md": ("h/01-a.md",), "h/03-bc.md": ("h/02-b.md",)}


def test_a_page_that_keeps_its_name_is_listed_when_it_gives_paragraphs_away() -> None:
    old = (area("a", "01-a.md", 1, 2, 3),)
    new = (area("a", "01-a.md", 1, 2), area("z", "02-z.md", 3))
    assert page_moves("h", area_links(old, new)) == {"h/01-a.md": ("h/01-a.md",), "h/02-z.md": ("h/01-a.md",)}
    assert primary_successor("h/01-a.md", ("h/01-a.md", "h/02-z.md")) == 0
    assert primary_successor("h/01-a.md", ("h/02-y.md", "h/03-z.md")) is None


def test_split_edits_sends_each_edit_where_its_lines_still_stand() -> None:
    base = "# A\n\none\n\ntwo\n"
    yours = "# A\n\nONE\n\ntwo!\n"
    first, second = "# B\n\none\n", "# C\n\ntwo\n"
    assert split_edits(base, yours, (first, second), None) == ("# A\n\nONE\n\ntwo\n", "# A\n\none\n\ntwo!\n")


def test_split_edits_sends_an_insertion_after_the_line_before_it() -> None:
    base = "one\ntwo\n"
    yours = "one\nmy note\ntwo\n"
    assert split_edits(base, yours, ("one\n", "two\n"), None) == (yours, base)


def test_split_edits_sends_an_edit_of_lines_no_page_shows_to_the_page_that_kept_the_slug() -> None:
    base = "# A\nbody\n"
    yours = "# A (mine)\nbody\n"
    assert split_edits(base, yours, ("# B\nbody\n", "# A2\n"), 1) == (base, yours)


def test_merge_close_keeps_an_edit_beside_lines_the_new_text_cut_or_added() -> None:
    base = "a\nb\nc\n"
    assert merge_close(base, "a\nb\nC!\n", "a\nb\nc\nd\n") == "a\nb\nC!\nd\n"  # appended after the edited line
    assert merge_close(base, "a\nb\nC!\n", "c\n") == "C!\n"  # the lines before it cut


def test_merge_close_marks_a_conflict_only_where_both_change_the_same_lines() -> None:
    merged = merge_close("title\nbody\n", "my title\nbody\n", "new title\nbody\n")
    assert merged == "<<<<<<< yours\nmy title\n=======\nnew title\n>>>>>>> generated\nbody\n"
    assert merge_close("x\n", "y\n", "y\n") == "y\n"


def test_the_readme_workflow_rename_an_edited_area_then_build(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pypdf import PdfReader

    edit(project, QUOTA, "- Quota talks are the second", "- Sharper: quota talks are the second")
    write_spec(project, SPEC.replace("title: Quota talks\n    slug: quota-talks", "title: Sharing the catch\n    slug: sharing-the-catch")
               + "meta:\n  author: Ann Editor\n")
    code, out = run(capsys, project, "build")
    assert code == 0, out
    site = project / "site"
    # Nothing of the old area anywhere in the site: no page, no link, no PDF, no search entry.
    for file in site.rglob("*"):
        assert "quota-talks" not in file.name, file
        if file.suffix in (".html", ".json", ".xml", ".yml"):
            assert "quota-talks" not in file.read_text(encoding="utf-8"), file
    page = (site / "harbour/02-sharing-the-catch/index.html").read_text(encoding="utf-8")
    assert "Sharper: quota talks are the second" in page and '<meta name="author" content="Ann Editor">' in page
    book = " ".join(p.extract_text() for p in PdfReader(site / "harbour/harbour.pdf").pages)
    assert "Sharing the catch" in book and "Quota talks\n" not in book and "Ann Editor" in book
    assert "Sharper: quota talks are the second" in book
    handout = " ".join(p.extract_text() for p in PdfReader(site / "harbour/pdf/sharing-the-catch.pdf").pages)
    assert re.search(r"friction area 2 of 3", handout, re.IGNORECASE), handout[:300]


def test_a_run_killed_before_the_change_record_was_saved_loses_no_edit(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = read(project, ".briefgen/changes.json")
    write_spec(project, SPEC.replace("slug: quota-talks", "slug: sharing-the-catch"))
    assert run(capsys, project, "generate")[0] == 0
    edit(project, "docs/harbour/02-sharing-the-catch.md", "- Quota talks are the second", "- Sharper: quota talks are the second")
    # The record of the run before: it still names the old page, which is gone from docs/ and the bases.
    (project / ".briefgen/changes.json").write_text(record, encoding="utf-8")
    code, out = run(capsys, project, "generate")
    assert code == 0, out
    assert "- Sharper: quota talks are the second" in read(project, "docs/harbour/02-sharing-the-catch.md")
