"""Write: the only code that writes into the docs folder, the state folder and new specs.

Generated pages are meant to be edited, so a write is a three-way merge per page: the
text generated last time (the merge base, kept under the state folder), the user's file,
and the new text. Edits that do not overlap both survive; overlapping ones leave standard
conflict markers in the file. A page the user deleted stays deleted; ``force`` backs the
user's versions up and starts from scratch.

Writing happens in two steps. ``plan_writes`` reads docs/ and decides, in memory, what
every file becomes. ``apply_plan`` builds the new docs/ (and the new merge bases) in a
staging folder next to it, records the swap in a journal, and swaps each folder in with
one atomic rename. A run killed at any moment leaves docs/ either as it was or as it will
be; the next run (``recover``) finishes a journaled swap or throws an unjournaled staging
folder away. Files whose content does not change are hard links to the same inode, so
their mtimes stay as they were.
"""

from __future__ import annotations

import ctypes
import difflib
import errno
import json
import os
import re
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from filelock import FileLock, Timeout
from merge3 import Merge3

from briefgen.errors import BuildError
from briefgen.model import Page
from briefgen.state import BACKUP_DIR, JOURNAL_FILE, LOCK_FILE, base_dir, ensure_state, staged_path

# Standard conflict markers, named for the two sides the user sees.
MARK_START = "<<<<<<< yours"
MARK_MID = "======="
MARK_END = ">>>>>>> generated"
# A line that opens, splits or closes a conflict, with or without a side's name.
CONFLICT_LINE = re.compile(r"^(<{7}(?: .*)?|={7}|>{7}(?: .*)?)$")
CONFLICT_START = re.compile(r"^<{7}(?: |$)")
# Test hook: "phase=seconds" makes a run pause at that phase, so a test can kill it there.
PAUSE_ENV = "BRIEFGEN_TEST_PAUSE"


@dataclass(frozen=True)
class Conflict:
    """A page whose merge left conflict markers, and the lines where they start."""

    path: str
    lines: tuple[int, ...]


@dataclass(frozen=True)
class WriteReport:
    """What a write did to each page."""

    created: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    merged: tuple[str, ...] = ()  # changed, and the user's edits were kept in it
    conflicts: tuple[Conflict, ...] = ()
    deleted_kept: tuple[str, ...] = ()  # the user deleted it; not recreated
    removed: tuple[str, ...] = ()  # no longer generated and unedited: deleted
    orphaned: tuple[str, ...] = ()  # no longer generated but edited: kept as the user's
    unbased: tuple[str, ...] = ()  # differed from the new text, and had no merge base
    backup: str | None = None  # where --force saved the user's versions


@dataclass(frozen=True)
class WritePlan:
    """Everything a write will change, decided before anything is written."""

    writes: tuple[tuple[str, str], ...]  # (docs path, new text) where the text changes
    deletes: tuple[str, ...]  # docs paths to remove
    bases: tuple[tuple[str, str], ...]  # the complete new set of merge bases
    old_bases: tuple[tuple[str, str], ...]
    backups: tuple[tuple[str, str], ...]  # (docs path, user's text) to save before a force
    report: WriteReport
    snapshot: tuple[tuple[str, tuple[int, int, int]], ...]  # docs/ files as they were read


def safe_target(root: Path, rel: str) -> Path:
    """``root/rel``, refusing any path that resolves outside ``root``."""
    base = root.resolve()
    target = (base / rel).resolve()
    if not target.is_relative_to(base) or target == base:
        raise BuildError(f"{rel}: refusing to write outside {root}")
    return target


# ---------------------------------------------------------------------------------------
# Merging
# ---------------------------------------------------------------------------------------


class _LineMatcher(difflib.SequenceMatcher):  # type: ignore[type-arg]
    """SequenceMatcher without the 'popular line' heuristic: blank lines are common in
    Markdown, and treating them as junk makes long pages merge at odd places."""

    def __init__(self, isjunk: object = None, a: object = "", b: object = "", autojunk: bool = False) -> None:
        super().__init__(None, a, b, autojunk=False)  # type: ignore[arg-type]


def merge_text(base: str, yours: str, generated: str) -> str:
    """Three-way merge by lines; overlapping changes are wrapped in conflict markers."""
    merger = Merge3(
        base.splitlines(keepends=True),
        _ensure_final_newline(yours).splitlines(keepends=True),
        generated.splitlines(keepends=True),
        sequence_matcher=_LineMatcher,  # type: ignore[arg-type]
    )
    out: list[str] = []
    for group in merger.merge_groups():
        if group[0] == "conflict":
            _, _, mine, theirs = group  # type: ignore[misc]
            out.append(MARK_START + "\n")
            out += [_ensure_final_newline(x) for x in mine]
            out.append(MARK_MID + "\n")
            out += [_ensure_final_newline(x) for x in theirs]
            out.append(MARK_END + "\n")
        else:
            out += group[1]
    return "".join(out)


def conflict_lines(text: str) -> tuple[int, ...]:
    """1-based numbers of the lines that open a conflict."""
    return tuple(i for i, line in enumerate(text.splitlines(), 1) if CONFLICT_START.match(line))


def _ensure_final_newline(text: str) -> str:
    return text if not text or text.endswith("\n") else text + "\n"


# ---------------------------------------------------------------------------------------
# Planning
# ---------------------------------------------------------------------------------------


def plan_writes(
    pages: tuple[Page, ...], docs: Path, bases: dict[str, str], force: bool = False, keep: tuple[str, ...] = ()
) -> WritePlan:
    """Decide what every page becomes: merged with the user's edits, or from scratch with ``force``.

    Pages under a ``keep`` prefix (the folder of a seed that failed this run) stay as they are.
    """
    # Snapshot first: any change after this moment is caught before the swap.
    snapshot = _snapshot(docs)
    created: list[str] = []
    changed: list[str] = []
    unchanged: list[str] = []
    merged: list[str] = []
    conflicts: list[Conflict] = []
    deleted_kept: list[str] = []
    unbased: list[str] = []
    writes: list[tuple[str, str]] = []
    backups: list[tuple[str, str]] = []
    new_bases: dict[str, str] = {}
    seen: set[str] = set()
    for page in pages:
        if page.path in seen:
            raise BuildError(f"{page.path}: two pages were rendered to the same path")
        seen.add(page.path)
        yours = _read(safe_target(docs, page.path))
        base = bases.get(page.path)
        new_bases[page.path] = page.content
        if force:
            if yours is not None and yours != page.content:
                backups.append((page.path, yours))
            result = page.content
        elif yours is None and base is not None:
            # The user deleted it: respect that, and keep the base that says it was ours.
            deleted_kept.append(page.path)
            new_bases[page.path] = base
            continue
        elif yours is None or yours == page.content:
            result = page.content
        elif base is None:
            # No common ancestor (the state folder was lost): the whole page is a conflict,
            # so that neither version is thrown away.
            result = merge_text("", yours, page.content)
            unbased.append(page.path)
        elif yours == base:
            result = page.content
        else:
            result = merge_text(base, yours, page.content)
            if result != page.content:
                merged.append(page.path)
        lines = conflict_lines(result)
        if lines:
            conflicts.append(Conflict(page.path, lines))
        if yours is None:
            created.append(page.path)
            writes.append((page.path, result))
        elif result == yours:
            unchanged.append(page.path)
        else:
            changed.append(page.path)
            writes.append((page.path, result))
    # Pages generated last time but not now (an area renamed or removed).
    deletes: list[str] = []
    removed: list[str] = []
    orphaned: list[str] = []
    for path in sorted(set(bases) - seen):
        if path.startswith(keep):
            new_bases[path] = bases[path]
            continue
        yours = _read(safe_target(docs, path))
        if yours is None:
            continue
        if yours == bases[path] or force:
            if yours != bases[path]:
                backups.append((path, yours))
            deletes.append(path)
            removed.append(path)
        else:
            orphaned.append(path)
    report = WriteReport(
        created=tuple(created),
        changed=tuple(changed),
        unchanged=tuple(unchanged),
        merged=tuple(merged),
        conflicts=tuple(conflicts),
        deleted_kept=tuple(deleted_kept),
        removed=tuple(removed),
        orphaned=tuple(orphaned),
        unbased=tuple(unbased),
    )
    return WritePlan(
        writes=tuple(writes),
        deletes=tuple(deletes),
        bases=tuple(sorted(new_bases.items())),
        old_bases=tuple(sorted(bases.items())),
        backups=tuple(backups),
        report=report,
        snapshot=snapshot,
    )


def _read(path: Path) -> str | None:
    if not path.is_file():
        return None
    # surrogateescape: a file saved in another encoding round-trips byte for byte.
    return path.read_bytes().decode("utf-8", errors="surrogateescape")


def _encode(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogateescape")


def _snapshot(root: Path) -> tuple[tuple[str, tuple[int, int, int]], ...]:
    if not root.is_dir():
        return ()
    out: list[tuple[str, tuple[int, int, int]]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            st = os.lstat(os.path.join(dirpath, name))
            rel = Path(dirpath, name).relative_to(root).as_posix()
            out.append((rel, (st.st_ino, st.st_mtime_ns, st.st_size)))
    return tuple(out)


# ---------------------------------------------------------------------------------------
# Applying: stage, journal, swap
# ---------------------------------------------------------------------------------------


@contextmanager
def run_lock(state: Path, timeout: float, on_wait: Callable[[str], None]) -> Iterator[None]:
    """Hold the state folder's lock, so two runs never write at once; wait up to ``timeout`` s."""
    ensure_state(state)
    path = state / LOCK_FILE
    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        on_wait(f"briefgen: another briefgen generate is running (lock {path}); waiting up to {timeout:g}s")
        try:
            lock.acquire(timeout=timeout)
        except Timeout:
            raise BuildError(
                f"{path}: another briefgen generate still holds the lock after {timeout:g}s; "
                "wait for it to finish, or raise --lock-timeout"
            ) from None
    try:
        yield
    finally:
        lock.release()


def apply_plan(plan: WritePlan, docs: Path, state: Path) -> WriteReport:
    """Carry out ``plan``: new docs/ and merge bases built aside, then swapped in atomically."""
    ensure_state(state)
    # A docs/ that is a symlink is swapped where it points, and the link stays a link.
    docs, state = docs.resolve(), state.resolve()
    report = plan.report
    if not plan.writes and not plan.deletes and plan.bases == plan.old_bases and not plan.backups:
        return report
    # 1. With --force, save the user's versions before anything replaces them.
    if plan.backups:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        folder, n = state / BACKUP_DIR / stamp, 2
        while folder.exists():
            folder, n = state / BACKUP_DIR / f"{stamp}-{n}", n + 1
        for path, text in plan.backups:
            _write_file(safe_target(folder, path), text)
        report = replace(report, backup=str(folder))
    # 2. Build the new docs/ and the new merge bases next to the live ones.
    bases = base_dir(state)
    staged_docs, staged_bases = staged_path(docs), staged_path(bases)
    for folder in (staged_docs, staged_bases):
        if folder.exists():
            shutil.rmtree(folder)
    _link_tree(docs, staged_docs)
    for path, text in plan.writes:
        _write_file(safe_target(staged_docs, path), text)
    for path in plan.deletes:
        target = safe_target(staged_docs, path)
        target.unlink()
        _prune_empty(target.parent, staged_docs)
    staged_bases.mkdir(parents=True)
    for path, text in plan.bases:
        _write_file(safe_target(staged_bases, path), text)
    _pause("staged")
    # 3. Refuse to swap if someone changed docs/ since it was read: their edit would be lost.
    if _snapshot(docs) != plan.snapshot:
        shutil.rmtree(staged_docs)
        shutil.rmtree(staged_bases)
        raise BuildError(f"{docs}: files changed while briefgen was generating; nothing was written, run it again")
    # 4. The journal is the commit point: from here on, the next run finishes the swap.
    for target in (docs, bases):
        target.mkdir(parents=True, exist_ok=True)
    journal = {
        "swaps": [
            {"target": str(docs.resolve()), "staged": str(staged_docs.resolve()), "ino": staged_docs.stat().st_ino},
            {"target": str(bases.resolve()), "staged": str(staged_bases.resolve()), "ino": staged_bases.stat().st_ino},
        ]
    }
    _write_journal(state / JOURNAL_FILE, journal)
    _pause("journaled")
    _finish(state, journal)
    return report


def recover(docs: Path, state: Path) -> str | None:
    """Finish a swap a killed run journaled, or drop its unjournaled staging; say what was done."""
    shown = docs
    docs, state = docs.resolve(), state.resolve()
    journal_path = state / JOURNAL_FILE
    if journal_path.exists():
        try:
            journal = json.loads(journal_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            # A journal is written to a temporary name and renamed, so a torn one means
            # it was never committed: the swap never started.
            journal_path.unlink()
        else:
            _finish(state, journal)
            return f"briefgen: finished writing {shown} that an interrupted run had started"
    leftovers = [p for p in (staged_path(docs), staged_path(base_dir(state))) if p.exists()]
    for folder in leftovers:
        shutil.rmtree(folder)
    return f"briefgen: removed the unfinished output of an interrupted run; {shown} is as it was" if leftovers else None


def _finish(state: Path, journal: dict[str, list[dict[str, object]]]) -> None:
    swaps = journal["swaps"]
    for i, swap in enumerate(swaps):
        target, staged, ino = Path(str(swap["target"])), Path(str(swap["staged"])), swap["ino"]
        if target.exists() and target.stat().st_ino == ino:
            continue  # this one was already swapped
        if not (staged.exists() and staged.stat().st_ino == ino):
            raise BuildError(f"{state / JOURNAL_FILE}: cannot finish an interrupted write: {staged} is missing")
        if target.exists():
            _exchange(target, staged)
        else:
            staged.rename(target)  # a kill landed between the two renames of the fallback
        if i == 0:
            _pause("swapped")
    # Committed and complete: the staged paths now hold the old versions.
    (state / JOURNAL_FILE).unlink()
    for swap in swaps:
        staged = Path(str(swap["staged"]))
        if staged.exists():
            shutil.rmtree(staged)
        old = _old_path(Path(str(swap["target"])))
        if old.exists():
            shutil.rmtree(old)


def _old_path(target: Path) -> Path:
    return target.parent / f".{target.name}.briefgen-old"


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _load_renameat2() -> Callable[..., int] | None:
    try:
        return getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    except OSError:
        return None


_RENAMEAT2 = _load_renameat2()


def _exchange(a: Path, b: Path) -> None:
    """Swap two folders. Linux renameat2(RENAME_EXCHANGE) does it in one atomic step;
    elsewhere two renames, which ``_finish`` can complete if a kill lands between them."""
    fn = _RENAMEAT2
    if fn is not None:
        if fn(_AT_FDCWD, os.fsencode(str(a)), _AT_FDCWD, os.fsencode(str(b)), _RENAME_EXCHANGE) == 0:
            return
        err = ctypes.get_errno()
        if err not in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
            raise OSError(err, os.strerror(err), str(a))
    old = _old_path(a)
    a.rename(old)
    b.rename(a)
    old.rename(b)


def _write_journal(path: Path, data: object) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(path)
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_file(target: Path, text: str) -> None:
    """Write via a temporary name and a rename: never into an existing (maybe hard-linked) inode."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_bytes(_encode(text))
    tmp.replace(target)


def write_new_file(root: Path, rel: str, text: str) -> bool:
    """Create ``root/rel`` with ``text`` unless it exists; False when it already did."""
    target = safe_target(root, rel)
    if target.exists():
        return False
    _write_file(target, text)
    return True


def _link_tree(src: Path, dst: Path) -> None:
    """A copy of ``src`` at ``dst`` made of hard links: cheap, and mtimes stay the same."""
    dst.mkdir(parents=True)
    if not src.is_dir():
        return
    for dirpath, dirnames, filenames in os.walk(src):
        here = dst / Path(dirpath).relative_to(src)
        for name in sorted(dirnames):
            s = Path(dirpath, name)
            if s.is_symlink():
                os.symlink(os.readlink(s), here / name)
                dirnames.remove(name)
            else:
                (here / name).mkdir()
        for name in sorted(filenames):
            s = Path(dirpath, name)
            if s.is_symlink():
                os.symlink(os.readlink(s), here / name)
                continue
            try:
                os.link(s, here / name)
            except OSError:
                shutil.copy2(s, here / name)


def _prune_empty(folder: Path, root: Path) -> None:
    while folder != root and folder.is_relative_to(root) and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent




def _pause(phase: str) -> None:
    hook = os.environ.get(PAUSE_ENV, "")
    name, _, seconds = hook.partition("=")
    if name == phase:
        print(f"briefgen: test pause at {phase}", file=sys.stderr, flush=True)
        time.sleep(float(seconds or "30"))
