"""`briefgen check`: hand-edited pages must stay true to their sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_edits import FUEL, SOURCE, edit, project, read, run  # noqa: F401 (project is a fixture)

QUOTE_LINE = "> “We cannot keep the fleet at sea on these prices,”"


def problems(capsys: pytest.CaptureFixture[str], root: Path) -> tuple[int, list[str]]:
    """Exit code of `briefgen check`, and its problem lines with the temp folder cut off."""
    code, out = run(capsys, root, "check")
    prefix = str(root) + "/"
    return code, [line.replace(prefix, "") for line in out.splitlines() if not line.startswith("briefgen")]


def line_of(root: Path, rel: str, text: str) -> int:
    return next(n for n, line in enumerate(read(root, rel).splitlines(), 1) if text in line)


def test_freshly_generated_pages_pass(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert problems(capsys, project) == (0, [])


def test_a_word_changed_inside_a_quote_is_flagged_with_file_and_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, FUEL, "keep the fleet at sea", "keep the fleet afloat")
    line = line_of(project, FUEL, "keep the fleet afloat")
    code, found = problems(capsys, project)
    assert code == 1
    assert found == [f"{FUEL}:{line}: quote is not verbatim in {project}/seeds/harbour.txt: “We cannot keep the fleet afloat on these prices,”"
                     .replace(str(project) + "/", "")]


def test_quotes_rewrapped_retyped_or_elided_are_still_verbatim(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, FUEL, QUOTE_LINE, "> \"We cannot keep the fleet\n> at sea … prices,\"")
    assert problems(capsys, project) == (0, [])


def test_a_paragraph_link_that_leads_nowhere_is_flagged(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, FUEL, "(source.md#p3)", "(source.md#p30)")
    line = line_of(project, FUEL, "source.md#p30")
    assert problems(capsys, project) == (1, [f"{FUEL}:{line}: paragraph link leads nowhere: source.md#p30 (no ¶30 there)"])


def test_a_link_to_a_missing_page_is_flagged(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / SOURCE).unlink()
    code, found = problems(capsys, project)
    # The navigation still lists it too, which would fail a strict build.
    assert found[0].startswith("docs/.nav.yml:") and found[0].endswith("does not exist: harbour/source.md")
    assert code == 1 and found[1:] and all("link to a missing page: source.md" in f for f in found[1:])


def test_an_area_page_without_a_summary_is_flagged(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = read(project, FUEL)
    start = text.index("## Summary")
    (project / FUEL).write_text(text[:start] + text[text.index("## Key quotes"):], encoding="utf-8")
    assert problems(capsys, project) == (1, [f"{FUEL}:1: area page has no summary"])


def test_conflict_markers_are_flagged_and_a_heading_rule_is_not(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, FUEL, "## Summary", "Summary\n=======")
    assert problems(capsys, project) == (0, [])
    edit(project, FUEL, "# Fuel costs", "<<<<<<< yours\n# Fuel costs!\n=======\n# Fuel costs\n>>>>>>> generated")
    start = line_of(project, FUEL, "<<<<<<< yours")
    code, found = problems(capsys, project)
    assert code == 1 and [f.split(":")[1] for f in found] == [str(start), str(start + 2), str(start + 4)]


NAV = "docs/.nav.yml"


def test_navigation_entry_for_a_missing_page_is_flagged(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, NAV, "harbour/01-fuel-costs.md", "harbour/01-fuel.md")
    line = line_of(project, NAV, "harbour/01-fuel.md")
    assert problems(capsys, project) == (1, [f"{NAV}:{line}: navigation names a page that does not exist: harbour/01-fuel.md"])


def test_conflict_markers_in_the_navigation_are_flagged(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, NAV, "nav:\n", "nav:\n<<<<<<< yours\n=======\n>>>>>>> generated\n")
    start = line_of(project, NAV, "<<<<<<< yours")
    code, found = problems(capsys, project)
    assert code == 1 and [f.split(":")[1] for f in found] == [str(start), str(start + 1), str(start + 2)]
    assert all(f.startswith(NAV) for f in found)
