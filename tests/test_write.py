"""Writing docs/: three-way merges, path safety, the run lock, and a swap that survives kill -9."""

from __future__ import annotations

import json
import multiprocessing
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from briefgen.cli import main
from briefgen.errors import BuildError
from briefgen.model import Page
from briefgen.state import base_dir, content_hash, staged_path
from briefgen.write import merge_text, plan_writes, recover, safe_target, swap
from briefgen.write.merge import Outcome, decide_gone, decide_page
from tests.test_edits import FUEL, edit, make_project, read, run

# ---------------------------------------------------------------------------------------
# Merging
# ---------------------------------------------------------------------------------------


def test_changes_to_different_lines_merge_cleanly() -> None:
    assert merge_text("a\nb\nc\n", "A\nb\nc\n", "a\nb\nC\n") == "A\nb\nC\n"


def test_changes_to_the_same_line_leave_standard_markers() -> None:
    assert merge_text("a\nb\nc\n", "a\nmine\nc\n", "a\nnew\nc\n") == (
        "a\n<<<<<<< yours\nmine\n=======\nnew\n>>>>>>> generated\nc\n"
    )


def test_the_same_change_on_both_sides_is_not_a_conflict() -> None:
    assert merge_text("a\nb\n", "a\nB\n", "a\nB\n") == "a\nB\n"


def test_a_file_saved_without_a_final_newline_still_merges() -> None:
    assert merge_text("a\nb\n", "A\nb", "a\nb\nc\n") == "A\nb\nc\n"


def test_without_a_merge_base_an_edited_page_becomes_one_conflict_and_nothing_is_lost(tmp_path: Path) -> None:
    (tmp_path / "p.md").write_text("mine\n", encoding="utf-8")
    plan = plan_writes((Page("p.md", "new\n"),), tmp_path, bases={})
    assert plan.writes == (("p.md", "<<<<<<< yours\nmine\n=======\nnew\n>>>>>>> generated\n"),)
    assert plan.report.conflicts[0].lines == (1,)


def test_an_edit_to_other_lines_than_the_new_text_is_merged_into_a_changed_page() -> None:
    page = Page("a.md", "title\n\nbody two\n")
    decision = decide_page(page, content_hash(page.content), yours="my title\n\nbody\n", base="title\n\nbody\n", force=False)
    assert (decision.outcome, decision.text, decision.merged) == (Outcome.CHANGED, "my title\n\nbody two\n", True)
    assert decision.base == page.content and not decision.conflicts


def test_a_page_the_user_deleted_is_not_recreated_and_force_backs_up_an_edit() -> None:
    page = Page("a.md", "new\n")
    assert decide_page(page, content_hash("new\n"), yours=None, base="old\n", force=False).outcome is Outcome.DELETED_KEPT
    forced = decide_page(page, content_hash("new\n"), yours="mine\n", base="old\n", force=True)
    assert (forced.outcome, forced.text, forced.backup) == (Outcome.CHANGED, "new\n", "mine\n")


def test_a_page_no_longer_generated_goes_and_an_edited_one_is_saved_with_the_backups_first() -> None:
    unedited = decide_gone("a.md", "old\n", "old\n", force=False)
    assert (unedited.outcome, unedited.delete, unedited.drop_base, unedited.backup) == (Outcome.REMOVED, True, True, None)
    edited = decide_gone("a.md", "edited\n", "old\n", force=False)
    assert (edited.outcome, edited.delete, edited.drop_base, edited.backup) == (Outcome.ORPHANED, True, True, "edited\n")


@pytest.mark.parametrize("rel", ["../escape.md", "../docs2/x.md", "/etc/passwd", "."])
def test_writes_outside_the_folder_are_refused(tmp_path: Path, rel: str) -> None:
    (tmp_path / "docs").mkdir()
    with pytest.raises(BuildError, match="refusing to write outside"):
        safe_target(tmp_path / "docs", rel)


def test_a_symlink_out_of_docs_is_refused(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "link").symlink_to(tmp_path)
    with pytest.raises(BuildError):
        safe_target(tmp_path / "docs", "link/x.md")


# ---------------------------------------------------------------------------------------
# Two runs at once, and runs killed halfway
# ---------------------------------------------------------------------------------------


class StoppedRun:
    """A `briefgen generate` in a forked process, held at a phase of its write (see ``stopped_run``)."""

    def __init__(self, root: Path, phase: str, seconds: float) -> None:
        context = multiprocessing.get_context("fork")
        self.reached = context.Event()
        self.process = context.Process(target=self._run, args=(root, phase, seconds))
        self.process.start()
        while not self.reached.wait(0.05):
            if not self.process.is_alive():
                raise AssertionError(f"generate ended without reaching {phase}: exit {self.process.exitcode}")

    def _run(self, root: Path, phase: str, seconds: float) -> None:
        # In the child only: the parent's own runs must not stop.
        def hold(at: str) -> None:
            if at == phase:
                self.reached.set()
                time.sleep(seconds)

        swap.checkpoint = hold
        sys.exit(main(["generate", "--config", str(root / "mkdocs.yml")]))

    def kill(self) -> None:
        """SIGKILL: no cleanup of any kind."""
        self.process.kill()
        self.process.join()

    def wait(self, timeout: float | None = None) -> int | None:
        """Its exit code, once it has finished."""
        self.process.join(timeout)
        return self.process.exitcode


@pytest.fixture
def stopped_run() -> Iterator[Callable[[Path, str, float], StoppedRun]]:
    """Start `briefgen generate` in ``root`` and return once it holds at ``phase`` for ``seconds``.

    The hold is ``write.swap.checkpoint`` replaced in the forked child; any run still
    alive when the test ends is killed.
    """
    runs: list[StoppedRun] = []

    def start(root: Path, phase: str, seconds: float) -> StoppedRun:
        runs.append(StoppedRun(root, phase, seconds))
        return runs[-1]

    yield start
    for run_ in runs:
        if run_.process.is_alive():
            run_.kill()


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its text."""
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_second_run_waits_for_the_first_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str], stopped_run) -> None:  # type: ignore[no-untyped-def]
    root = make_project(tmp_path)
    first = stopped_run(root, "staged", 1.5)
    code, out = run(capsys, root, "generate")
    assert first.wait(timeout=60) == 0
    assert code == 0, out
    assert "another briefgen generate is running" in out and "waiting" in out


def test_a_run_that_cannot_get_the_lock_gives_up_with_a_clear_message(tmp_path: Path, capsys: pytest.CaptureFixture[str], stopped_run) -> None:  # type: ignore[no-untyped-def]
    root = make_project(tmp_path)
    first = stopped_run(root, "staged", 20)
    code, out = run(capsys, root, "generate", "--lock-timeout", "0.3")
    first.kill()
    assert code == 1
    assert "still holds the lock after 0.3s" in out


@pytest.mark.parametrize("phase", ["staged", "journaled", "swapped"])
def test_kill_9_mid_write_leaves_docs_before_or_after_and_the_next_run_completes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], phase: str, stopped_run  # type: ignore[no-untyped-def]
) -> None:
    (tmp_path / "a").mkdir()
    root = make_project(tmp_path / "a")
    assert run(capsys, root, "generate")[0] == 0
    # An analyst's edit and a corrected source: this run has real work to do.
    edit(root, FUEL, "- The agreement now faces pressure", "- Sharper: the agreement now faces pressure")
    edit(root, "seeds/harbour.txt", "planned for the spring", "planned for the summer")
    before = tree(root / "docs")
    # What an uninterrupted run makes of the same project.
    shutil.copytree(root, tmp_path / "b")
    assert run(capsys, tmp_path / "b", "generate")[0] == 0
    after, after_bases = tree(tmp_path / "b" / "docs"), tree(tmp_path / "b" / ".briefgen" / "base")
    assert after != before

    stopped_run(root, phase, 30).kill()
    assert tree(root / "docs") == (after if phase == "swapped" else before)

    code, out = run(capsys, root, "generate")
    assert code == 0, out
    assert "interrupted run" in out
    assert tree(root / "docs") == after
    assert tree(root / ".briefgen" / "base") == after_bases
    assert "Sharper" in read(root, FUEL)
    leftovers = [p.name for p in list(root.iterdir()) + list((root / ".briefgen").iterdir()) if "briefgen-" in p.name]
    assert leftovers == [] and not (root / ".briefgen" / "swap.json").exists()


def test_an_edit_made_while_generate_runs_is_not_overwritten(tmp_path: Path, capsys: pytest.CaptureFixture[str], stopped_run) -> None:  # type: ignore[no-untyped-def]
    root = make_project(tmp_path)
    assert run(capsys, root, "generate")[0] == 0
    edit(root, "seeds/harbour.txt", "planned for the spring", "planned for the summer")
    proc = stopped_run(root, "staged", 1)
    edit(root, FUEL, "- The agreement now faces pressure", "- Typed meanwhile: the agreement now faces pressure")
    assert proc.wait(timeout=60) == 1
    assert "Typed meanwhile" in read(root, FUEL)
    assert run(capsys, root, "generate")[0] == 0
    assert "Typed meanwhile" in read(root, FUEL) and "planned for the summer" in read(root, "docs/harbour/source.md")


def test_without_an_atomic_exchange_the_two_rename_swap_still_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(swap, "_RENAMEAT2", None)
    root = make_project(tmp_path)
    assert run(capsys, root, "generate")[0] == 0
    edit(root, "seeds/harbour.txt", "planned for the spring", "planned for the summer")
    assert run(capsys, root, "generate")[0] == 0
    assert "planned for the summer" in read(root, "docs/harbour/source.md")
    assert sorted(p.name for p in root.iterdir() if "briefgen-" in p.name) == []


def test_a_kill_between_the_two_renames_is_finished_by_the_next_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs, state = tmp_path / "docs", tmp_path / ".briefgen"
    swaps = []
    for target in (docs, base_dir(state)):
        target.mkdir(parents=True)
        (target / "p.md").write_text("old\n", encoding="utf-8")
        staged = staged_path(target)
        staged.mkdir()
        (staged / "p.md").write_text("new\n", encoding="utf-8")
        swaps.append({"target": str(target), "staged": str(staged), "ino": staged.stat().st_ino})
    (state / "swap.json").write_text(json.dumps({"swaps": swaps}), encoding="utf-8")
    docs.rename(swap._old_path(docs))  # the first rename happened, the second did not
    assert recover(docs, state) is not None
    assert (docs / "p.md").read_text(encoding="utf-8") == "new\n"
    assert (base_dir(state) / "p.md").read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".briefgen", "docs"]
    assert sorted(p.name for p in state.iterdir()) == ["base"]
