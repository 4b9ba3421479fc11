"""Edit-safe regeneration: analysts' edits to the pages survive `briefgen generate`.

Each test builds a small project in a temp folder (mkdocs.yml, templates, one article and
its briefing spec) and runs the real command line.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from briefgen.cli import main

ROOT = Path(__file__).resolve().parents[1]

ARTICLE = """\
Harbour Dispute Tests an Old Alliance

By Jane Example

The two ports have shared a fishing agreement for forty years. Both councils describe it as a success.

The agreement now faces pressure from rising fuel costs. "We cannot keep the fleet at sea on these prices," said Mara Lind, the harbour master of the northern port.

Smaller boats have already stopped sailing in winter. Their crews have moved to jobs on shore.

Quota talks are the second source of friction. The southern council wants a larger share of the catch for its own fleet.

"A fair split would reflect where the fish are landed today," said Tomas Berg, the mayor of the southern port.

The northern council rejects that view. It says the old split was agreed for good reasons and should stay.

Observers expect a compromise before the season opens. Neither side can afford a closed harbour.

The next round of talks is planned for the spring. Both councils have promised to publish the result.
"""

# The areas are fixed by the spec, so these tests do not depend on the analyser's choices.
SPEC = """\
areas:
  - title: Fuel costs
    slug: fuel-costs
    paragraphs: p1-p3
    summary:
      - The agreement now faces pressure from rising fuel costs.
  - title: Quota talks
    slug: quota-talks
    paragraphs: p4-p6
    summary:
      - Quota talks are the second source of friction.
  - title: Outlook
    slug: outlook
    paragraphs: p7-p8
    summary:
      - Observers expect a compromise before the season opens.
"""

FUEL = "docs/harbour/01-fuel-costs.md"
QUOTA = "docs/harbour/02-quota-talks.md"
SOURCE = "docs/harbour/source.md"


def make_project(root: Path, spec: str | None = SPEC, article: str = ARTICLE) -> Path:
    """A briefgen project in ``root`` with one article (and its spec, unless None)."""
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", root / "templates")
    (root / "seeds").mkdir()
    (root / "seeds" / "harbour.txt").write_text(article, encoding="utf-8")
    if spec is not None:
        (root / "seeds" / "harbour.briefing.yaml").write_text(spec, encoding="utf-8")
    return root


def run(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str]:
    """Run ``briefgen <args> --config root/mkdocs.yml``; the exit code and stdout+stderr."""
    capsys.readouterr()
    code = main([*args, "--config", str(root / "mkdocs.yml")])
    out = capsys.readouterr()
    return code, out.out + out.err


def edit(root: Path, rel: str, old: str, new: str) -> None:
    """Replace ``old`` (which must be there) with ``new`` in ``root/rel``."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def read(root: Path, rel: str) -> str:
    return (root / rel).read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    root = make_project(tmp_path)
    code, out = run(capsys, root, "generate")
    assert code == 0, out
    return root


def test_an_edited_summary_is_kept_when_the_page_is_regenerated(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, FUEL, "- The agreement now faces pressure", "- Sharper: the agreement now faces pressure")
    code, out = run(capsys, project, "generate")
    assert code == 0, out
    assert "- Sharper: the agreement now faces pressure" in read(project, FUEL)


def test_a_corrected_source_flows_into_the_pages_and_the_users_edit_stays(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, FUEL, "- The agreement now faces pressure", "- Sharper: the agreement now faces pressure")
    edit(project, "seeds/harbour.txt", "planned for the spring", "planned for the summer")
    code, out = run(capsys, project, "generate")
    assert code == 0, out
    assert "- Sharper: the agreement now faces pressure" in read(project, FUEL)
    assert "planned for the summer" in read(project, SOURCE)
    assert "planned for the summer" in read(project, "docs/harbour/03-outlook.md")
    assert "planned for the spring" not in read(project, SOURCE)


def test_an_edit_and_a_correction_to_the_same_line_conflict_with_markers_and_exit_1(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, SOURCE, "Both councils have promised", "Both councils have firmly promised")
    edit(project, "seeds/harbour.txt", "planned for the spring", "planned for the summer")
    code, out = run(capsys, project, "generate")
    assert code == 1
    text = read(project, SOURCE)
    assert "<<<<<<< yours" in text and "=======" in text and ">>>>>>> generated" in text
    # Both versions are in the file: nothing is lost.
    assert "firmly promised" in text and "planned for the summer" in text
    line = text.splitlines().index("<<<<<<< yours") + 1
    assert f"{project / SOURCE}:{line}: conflict" in out
    # Other pages still got the correction.
    assert "planned for the summer" in read(project, "docs/harbour/03-outlook.md")
    # And check refuses to let the markers through.
    code, out = run(capsys, project, "check")
    assert code == 1 and f"{SOURCE}:{line}: conflict marker" in out.replace(str(project) + "/", "")


def test_build_publishes_no_site_while_a_page_has_conflict_markers(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, SOURCE, "Both councils have promised", "Both councils have firmly promised")
    edit(project, "seeds/harbour.txt", "planned for the spring", "planned for the summer")
    code, out = run(capsys, project, "build")
    assert code == 1
    assert "the site was not built; resolve the conflicts" in out
    assert not (project / "site").exists()


def test_an_unresolved_conflict_stays_a_conflict_on_the_next_run(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, SOURCE, "Both councils have promised", "Both councils have firmly promised")
    edit(project, "seeds/harbour.txt", "planned for the spring", "planned for the summer")
    assert run(capsys, project, "generate")[0] == 1
    code, out = run(capsys, project, "generate")
    assert code == 1 and "conflict" in out
    assert "firmly promised" in read(project, SOURCE)


def test_a_deleted_page_is_not_recreated_unless_forced(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / QUOTA).unlink()
    code, out = run(capsys, project, "generate")
    assert code == 0, out
    assert not (project / QUOTA).exists()
    assert "you deleted it" in out
    code, out = run(capsys, project, "generate", "--force")
    assert code == 0, out
    assert (project / QUOTA).exists()


def test_force_regenerates_from_scratch_after_backing_up_the_users_version(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, FUEL, "- The agreement now faces pressure", "- Sharper: the agreement now faces pressure")
    code, out = run(capsys, project, "generate", "--force")
    assert code == 0, out
    assert "Sharper" not in read(project, FUEL)
    backups = list((project / ".briefgen" / "backup").rglob("01-fuel-costs.md"))
    assert len(backups) == 1 and "Sharper" in backups[0].read_text(encoding="utf-8")


def test_pages_nobody_edited_keep_their_mtime(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = 1_000_000_000
    for page in (project / "docs").rglob("*.md"):
        os.utime(page, (old, old))
    edit(project, FUEL, "- The agreement now faces pressure", "- Sharper: the agreement now faces pressure")
    os.utime(project / FUEL, (old, old))
    edit(project, "seeds/harbour.txt", "planned for the spring", "planned for the summer")
    code, out = run(capsys, project, "generate")
    assert code == 0, out
    mtimes = {p.relative_to(project).as_posix(): p.stat().st_mtime for p in (project / "docs").rglob("*.md")}
    # The correction is in p8: only the pages that show it change.
    assert mtimes[QUOTA] == old and mtimes[FUEL] == old
    assert mtimes[SOURCE] != old


def test_merge_bases_are_kept_in_the_state_folder_and_gitignore_spares_them(project: Path) -> None:
    base = project / ".briefgen" / "base" / "harbour" / "01-fuel-costs.md"
    assert base.read_text(encoding="utf-8") == read(project, FUEL)
    ignore = read(project, ".briefgen/.gitignore")
    assert "base" not in [line.strip("/") for line in ignore.splitlines() if not line.startswith("#")]


def test_pages_of_renamed_areas_move_whether_edited_or_not(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, QUOTA, "# Quota talks", "# Quota talks (my notes)")
    spec = SPEC.replace("slug: quota-talks", "slug: quota").replace("slug: outlook", "slug: next-steps")
    (project / "seeds" / "harbour.briefing.yaml").write_text(spec, encoding="utf-8")
    code, out = run(capsys, project, "generate")
    assert code == 0, out
    assert not (project / "docs/harbour/03-outlook.md").exists() and not (project / QUOTA).exists()
    assert (project / "docs/harbour/03-next-steps.md").exists()
    assert "(my notes)" in read(project, "docs/harbour/02-quota.md")
    assert "no longer generated" not in out
