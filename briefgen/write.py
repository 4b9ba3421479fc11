"""Write: the only code that writes into the docs folder, the state folder and new specs.

Generated pages are meant to be edited, so a write is a three-way merge per page: the
text generated last time (the merge base, kept under the state folder), the user's file,
and the new text. Edits that do not overlap both survive; overlapping ones leave standard
conflict markers in the file. A page the user deleted stays deleted; ``force`` backs the
user's versions up and starts from scratch.

Writing happens in two steps. ``plan_writes`` reads docs/ and decides, in memory, what
every file becomes; a page the manifest (see ``state``) shows unchanged on both sides is
not even read. ``apply_plan`` builds the new version of each top-level entry that changes
(a briefing's folder, ``assets/``, a top-level page) and of its merge bases in a staging
folder next to docs/, records the swaps in a journal, and swaps each entry in with one
atomic rename. A run killed at any moment leaves docs/ either as it was or as it will be
once the next run (``recover``) finishes the journaled swaps; an unjournaled staging
folder is thrown away. Files whose content does not change are hard links to the same
inode, so their mtimes stay as they were, and entries with no change are not touched.
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
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from filelock import FileLock, Timeout
from merge3 import Merge3

from briefgen.errors import BuildError
from briefgen.model import Page
from briefgen.state import (
    BACKUP_DIR,
    JOURNAL_FILE,
    LOCK_FILE,
    MANIFEST_FILE,
    Manifest,
    Stat,
    base_dir,
    content_hash,
    ensure_state,
    manifest_json,
    staged_path,
)

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
    base_writes: tuple[tuple[str, str], ...]  # merge bases that are new or change
    base_deletes: tuple[str, ...]  # merge bases of pages no longer generated
    backups: tuple[tuple[str, str], ...]  # (docs path, user's text) to save before a force
    report: WriteReport
    snapshot: tuple[tuple[str, Stat], ...]  # docs/ files as they were read
    # The manifest once written: a None stat is filled in from the staged file.
    docs_records: tuple[tuple[str, Stat | None, str, tuple[int, ...]], ...] = ()
    base_records: tuple[tuple[str, Stat | None, str], ...] = ()
    known: Manifest | None = None  # the manifest as it was read (None: keep no manifest)


def safe_target(root: Path, rel: str) -> Path:
    """``root/rel``, refusing any path that resolves outside ``root``."""
    base = root.resolve()
    target = (base / rel).resolve()
    if not target.is_relative_to(base) or target == base:
        raise BuildError(f"{rel}: refusing to write outside {root}")
    return target


class _Targets:
    """``safe_target`` for many paths under one root: the root and each folder resolved once.

    A plain relative path whose last part is not a symlink resolves to its folder's real
    path plus its name; anything else (``..``, absolute, a symlinked file) goes through
    ``safe_target`` itself, so the answer and the refusals are the same.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.base = str(root.resolve())
        self._folders: dict[str, str] = {}

    def __call__(self, rel: str) -> Path:
        return Path(self.check(rel))

    def check(self, rel: str) -> str:
        """The target's path as a string (no Path object: this runs once per page)."""
        parts = rel.split("/")
        if not rel or rel.startswith("/") or any(p in ("", ".", "..") for p in parts):
            return str(safe_target(self.root, rel))
        folder = "/".join(parts[:-1])
        real = self._folders.get(folder)
        if real is None:
            real = os.path.realpath(os.path.join(self.base, folder)) if folder else self.base
            self._folders[folder] = real
        if real != self.base and not real.startswith(self.base + os.sep):
            raise BuildError(f"{rel}: refusing to write outside {self.root}")
        target = real + os.sep + parts[-1]
        if os.path.islink(target):
            return str(safe_target(self.root, rel))
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
    pages: tuple[Page, ...],
    docs: Path,
    bases: Mapping[str, str],
    force: bool = False,
    keep: tuple[str, ...] = (),
    hashes: Mapping[str, str] | None = None,
    known: Manifest | None = None,
) -> WritePlan:
    """Decide what every page becomes: merged with the user's edits, or from scratch with ``force``.

    Pages under a ``keep`` prefix (the folder of a seed that failed this run) stay as they are.
    ``hashes`` (page path to ``content_hash``) and ``known`` (the last run's manifest) let a
    page whose docs file and merge base are as the last run left them, and whose new text is
    the same, pass without being read; ``bases`` then needs a ``stats`` attribute (``state.Bases``).
    """
    # Snapshot first: any change after this moment is caught before the swap.
    snapshot = _snapshot(docs)
    stats = dict(snapshot)
    base_stats: dict[str, Stat] | None = getattr(bases, "stats", None)
    manifest = known if known is not None and base_stats is not None else Manifest()
    target = _Targets(docs)
    created: list[str] = []
    changed: list[str] = []
    unchanged: list[str] = []
    merged: list[str] = []
    conflicts: list[Conflict] = []
    deleted_kept: list[str] = []
    unbased: list[str] = []
    writes: list[tuple[str, str]] = []
    backups: list[tuple[str, str]] = []
    base_writes: list[tuple[str, str]] = []
    docs_records: list[tuple[str, Stat | None, str, tuple[int, ...]]] = []
    base_records: list[tuple[str, Stat | None, str]] = []
    seen: set[str] = set()

    def keep_base(path: str, text: str, text_hash: str | None = None) -> None:
        """``text`` stays (or becomes) the merge base of ``path``."""
        old = bases.get(path)
        if old != text:
            base_writes.append((path, text))
            base_records.append((path, None, text_hash or content_hash(text)))
        elif base_stats is not None and path in base_stats:
            base_records.append((path, base_stats[path], text_hash or content_hash(text)))

    for page in pages:
        if page.path in seen:
            raise BuildError(f"{page.path}: two pages were rendered to the same path")
        seen.add(page.path)
        file = target.check(page.path)
        new_hash = hashes.get(page.path) if hashes else None
        new_hash = new_hash or content_hash(page.content)
        mine, theirs = manifest.docs.get(page.path), manifest.base.get(page.path)
        if (
            mine is not None and theirs is not None and base_stats is not None
            and mine[1] == new_hash and theirs[1] == new_hash
            and stats.get(page.path) == mine[0] and base_stats.get(page.path) == theirs[0]
        ):
            # The docs file and the merge base are both this very text, untouched since
            # the last run wrote them: nothing to read, merge or write.
            unchanged.append(page.path)
            if mine[2]:
                conflicts.append(Conflict(page.path, mine[2]))
            docs_records.append((page.path, mine[0], new_hash, mine[2]))
            base_records.append((page.path, theirs[0], new_hash))
            continue
        yours = _read(Path(file))
        base = bases.get(page.path)
        if force:
            if yours is not None and yours != page.content:
                backups.append((page.path, yours))
            result = page.content
        elif yours is None and base is not None:
            # The user deleted it: respect that, and keep the base that says it was ours.
            deleted_kept.append(page.path)
            keep_base(page.path, base)
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
        keep_base(page.path, page.content, new_hash)
        lines = conflict_lines(result)
        if lines:
            conflicts.append(Conflict(page.path, lines))
        result_hash = new_hash if result == page.content else content_hash(result)
        if yours is None:
            created.append(page.path)
            writes.append((page.path, result))
            docs_records.append((page.path, None, result_hash, lines))
        elif result == yours:
            unchanged.append(page.path)
            if page.path in stats:
                docs_records.append((page.path, stats[page.path], result_hash, lines))
        else:
            changed.append(page.path)
            writes.append((page.path, result))
            docs_records.append((page.path, None, result_hash, lines))
    # Pages generated last time but not now (an area renamed or removed).
    deletes: list[str] = []
    base_deletes: list[str] = []
    removed: list[str] = []
    orphaned: list[str] = []
    for path in sorted(set(bases) - seen):
        if path.startswith(keep):
            # A failed seed's pages: merge bases and what is known of them stay as they are.
            if path in manifest.base:
                base_records.append((path, *manifest.base[path]))
            if path in manifest.docs:
                docs_records.append((path, *manifest.docs[path]))
            continue
        base_deletes.append(path)
        yours = _read(target(path))
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
        base_writes=tuple(base_writes),
        base_deletes=tuple(base_deletes),
        backups=tuple(backups),
        report=report,
        snapshot=snapshot,
        docs_records=tuple(docs_records),
        base_records=tuple(base_records),
        known=known if base_stats is not None else None,
    )


def _read(path: Path) -> str | None:
    if not path.is_file():
        return None
    # surrogateescape: a file saved in another encoding round-trips byte for byte.
    return path.read_bytes().decode("utf-8", errors="surrogateescape")


def _encode(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogateescape")


def _snapshot(root: Path) -> tuple[tuple[str, Stat], ...]:
    if not root.is_dir():
        return ()
    out: list[tuple[str, Stat]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        rel = os.path.relpath(dirpath, root)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        for name in sorted(filenames):
            st = os.lstat(os.path.join(dirpath, name))
            out.append((prefix + name, (st.st_ino, st.st_mtime_ns, st.st_size)))
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
    """Carry out ``plan``: each changed entry of docs/ and of the merge bases built aside, then swapped in."""
    ensure_state(state)
    # A docs/ that is a symlink is swapped where it points, and the link stays a link.
    docs, state = docs.resolve(), state.resolve()
    report = plan.report
    if not plan.writes and not plan.deletes and not plan.base_writes and not plan.base_deletes and not plan.backups:
        _save_manifest(state, plan, {})
        return report
    # 1. With --force, save the user's versions before anything replaces them.
    if plan.backups:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        folder, n = state / BACKUP_DIR / stamp, 2
        while folder.exists():
            folder, n = state / BACKUP_DIR / f"{stamp}-{n}", n + 1
        targets = _Targets(folder)
        for path, text in plan.backups:
            _write_file(targets(path), text)
        report = replace(report, backup=str(folder))
    # 2. Build the new version of every changed entry of docs/ and of the merge bases
    #    next to the live ones; entries with no change are left alone.
    bases = base_dir(state)
    staged_docs, staged_bases = staged_path(docs), staged_path(bases)
    for folder in (staged_docs, staged_bases):
        if folder.exists():
            shutil.rmtree(folder)
    written: dict[str, Stat] = {}
    docs_swaps = _stage(docs, staged_docs, plan.writes, plan.deletes, written)
    written_bases: dict[str, Stat] = {}
    base_swaps = _stage(bases, staged_bases, plan.base_writes, plan.base_deletes, written_bases)
    _pause("staged")
    # 3. Refuse to swap if someone changed docs/ since it was read: their edit would be lost.
    if _snapshot(docs) != plan.snapshot:
        shutil.rmtree(staged_docs)
        shutil.rmtree(staged_bases)
        raise BuildError(f"{docs}: files changed while briefgen was generating; nothing was written, run it again")
    # 4. The journal is the commit point: from here on, the next run finishes the swaps.
    for target in (docs, bases):
        target.mkdir(parents=True, exist_ok=True)
    journal = {
        "swaps": docs_swaps + base_swaps,
        "pause_after": max(1, len(docs_swaps)),
        "roots": [str(staged_docs), str(staged_bases)],
    }
    _write_journal(state / JOURNAL_FILE, journal)
    _pause("journaled")
    _finish(state, journal)
    # 5. What this run left, so the next one can skip what has not changed since.
    _save_manifest(state, plan, written, written_bases)
    return report


def _stage(
    live: Path, staged: Path, writes: tuple[tuple[str, str], ...], deletes: tuple[str, ...], written: dict[str, Stat]
) -> list[dict[str, object]]:
    """Build under ``staged`` the new version of each top-level entry of ``live`` that changes.

    Returns the journal's swaps; fills ``written`` with the stat of every file written.
    """
    staged.mkdir(parents=True)
    units: dict[str, tuple[list[tuple[str, str]], list[str]]] = {}
    for path, text in writes:
        units.setdefault(path.split("/", 1)[0], ([], []))[0].append((path, text))
    for path in deletes:
        units.setdefault(path.split("/", 1)[0], ([], []))[1].append(path)
    swaps: list[dict[str, object]] = []
    for unit in sorted(units):
        unit_writes, unit_deletes = units[unit]
        src, dst = live / unit, staged / unit
        if src.is_symlink():
            raise BuildError(f"{src}: is a symlink; briefgen replaces whole folders of {live} and will not follow it")
        if all(path == unit for path, _ in unit_writes) and all(path == unit for path in unit_deletes):
            # A top-level page: its new file is renamed over the old one.
            if unit_writes:
                _write_file(dst, unit_writes[-1][1])
                st = os.lstat(dst)
                written[unit] = (st.st_ino, st.st_mtime_ns, st.st_size)
                swaps.append({"target": str(src), "staged": str(dst), "ino": st.st_ino})
            elif src.exists():
                swaps.append({"target": str(src), "staged": str(dst), "ino": src.stat().st_ino, "remove": True})
            continue
        # A folder: hard links to what stays, new files for what changes.
        if src.is_dir():
            _link_tree(src, dst)
        else:
            dst.mkdir()
        targets = _Targets(staged)
        for path, text in unit_writes:
            file = targets(path)
            _write_file(file, text)
            st = os.lstat(file)
            written[path] = (st.st_ino, st.st_mtime_ns, st.st_size)
        for path in unit_deletes:
            file = targets(path)
            file.unlink()
            _prune_empty(file.parent, dst)
        if dst.is_dir() and any(dst.iterdir()):
            swaps.append({"target": str(src), "staged": str(dst), "ino": dst.stat().st_ino})
        else:
            # Nothing left in it: the folder itself goes.
            if dst.is_dir():
                dst.rmdir()
            if src.exists():
                swaps.append({"target": str(src), "staged": str(dst), "ino": src.stat().st_ino, "remove": True})
    return swaps


def _save_manifest(state: Path, plan: WritePlan, written: dict[str, Stat], written_bases: dict[str, Stat] | None = None) -> None:
    """Record what docs/ and the merge bases now hold; only a speed-up, so a failure is ignored."""
    if plan.known is None:
        return
    written_bases = written_bases or {}
    docs: dict[str, tuple[Stat, str, tuple[int, ...]]] = {}
    for path, stat, text_hash, lines in plan.docs_records:
        stat = stat or written.get(path)
        if stat is not None:
            docs[path] = (stat, text_hash, lines)
    base: dict[str, tuple[Stat, str]] = {}
    for path, stat, text_hash in plan.base_records:
        stat = stat or written_bases.get(path)
        if stat is not None:
            base[path] = (stat, text_hash)
    manifest = Manifest(docs, base)
    if manifest == plan.known:
        return
    try:
        _write_file(state / MANIFEST_FILE, manifest_json(manifest))
    except OSError:
        pass


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


def _finish(state: Path, journal: dict[str, object]) -> None:
    swaps: list[dict[str, object]] = journal["swaps"]  # type: ignore[assignment]
    pause_after = int(journal.get("pause_after", 1))  # type: ignore[call-overload]
    for i, swap in enumerate(swaps, 1):
        target, staged, ino = Path(str(swap["target"])), Path(str(swap["staged"])), swap["ino"]
        if swap.get("remove"):
            # An entry that is no longer generated: moved aside whole, deleted below.
            if os.path.lexists(target) and os.lstat(target).st_ino == ino:
                _remove(staged)
                staged.parent.mkdir(parents=True, exist_ok=True)
                target.rename(staged)
        elif target.exists() and target.stat().st_ino == ino:
            pass  # this one was already swapped
        elif not (staged.exists() and staged.stat().st_ino == ino):
            raise BuildError(f"{state / JOURNAL_FILE}: cannot finish an interrupted write: {staged} is missing")
        elif target.exists():
            _exchange(target, staged)
        else:
            staged.rename(target)  # new, or a kill landed between the two renames of the fallback
        if i == pause_after:
            _pause("swapped")
    # Committed and complete: the staged paths now hold the old versions.
    (state / JOURNAL_FILE).unlink()
    for swap in swaps:
        _remove(Path(str(swap["staged"])))
        _remove(_old_path(Path(str(swap["target"]))))
    for root in journal.get("roots", ()):  # type: ignore[attr-defined]
        _remove(Path(str(root)))


def _remove(path: Path) -> None:
    """Delete a file or a folder tree, if it is there."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()


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
        rel = os.path.relpath(dirpath, src)
        here = str(dst) if rel == "." else os.path.join(dst, rel)
        for name in sorted(dirnames):
            s = os.path.join(dirpath, name)
            if os.path.islink(s):
                os.symlink(os.readlink(s), os.path.join(here, name))
                dirnames.remove(name)
            else:
                os.mkdir(os.path.join(here, name))
        for name in sorted(filenames):
            s = os.path.join(dirpath, name)
            if os.path.islink(s):
                os.symlink(os.readlink(s), os.path.join(here, name))
                continue
            try:
                os.link(s, os.path.join(here, name))
            except OSError:
                shutil.copy2(s, os.path.join(here, name))


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
