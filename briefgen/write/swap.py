"""Swap: carry out a write plan so that a kill at any moment leaves docs/ whole.

``apply_plan`` builds the new version of each top-level entry of docs/ that changes (a
briefing's folder, ``assets/``, a top-level page) and of its merge bases in a staging
folder next to it, records the swaps in a journal, and swaps each entry in with one
atomic rename. A run killed at any moment leaves docs/ either as it was or as it will be
once the next run (``recover``) finishes the journaled swaps; an unjournaled staging
folder is thrown away. Files whose content does not change are hard links to the same
inode, so their mtimes stay as they were, and entries with no change are not touched.
"""

from __future__ import annotations

import ctypes
import errno
import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from briefgen.errors import BuildError
from briefgen.state import (
    BACKUP_DIR,
    JOURNAL_FILE,
    MANIFEST_FILE,
    Manifest,
    Stat,
    base_dir,
    ensure_state,
    manifest_json,
    staged_path,
)
from briefgen.write.merge import WriteReport
from briefgen.write.paths import Targets, safe_target
from briefgen.write.plan import WritePlan, snapshot_of


def checkpoint(phase: str) -> None:
    """A point between two steps of a write where a kill must leave docs/ whole; it does nothing.

    The phases are "staged", "journaled" and "swapped". Tests replace this function to stop
    a run there and kill it (tests/test_write.py, the ``stopped_run`` fixture).
    """


def apply_plan(plan: WritePlan, docs: Path, state: Path) -> WriteReport:
    """Carry out ``plan``: each changed entry of docs/ and of the merge bases built aside, then swapped in."""
    ensure_state(state)
    # A docs/ that is a symlink is swapped where it points, and the link stays a link.
    docs, state = docs.resolve(), state.resolve()
    report = plan.report
    if not plan.changes_files:
        _save_manifest(state, plan, {})
        return report
    # 1. With --force, save the user's versions before anything replaces them.
    if plan.backups:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        folder, n = state / BACKUP_DIR / stamp, 2
        while folder.exists():
            folder, n = state / BACKUP_DIR / f"{stamp}-{n}", n + 1
        targets = Targets(folder)
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
    checkpoint("staged")
    # 3. Refuse to swap if someone changed docs/ since it was read: their edit would be lost.
    if snapshot_of(docs) != plan.snapshot:
        shutil.rmtree(staged_docs)
        shutil.rmtree(staged_bases)
        raise BuildError(f"{docs}: files changed while briefgen was generating; nothing was written, run it again")
    # 4. The journal is the commit point: from here on, the next run finishes the swaps.
    for target in (docs, bases):
        target.mkdir(parents=True, exist_ok=True)
    journal = {
        "swaps": docs_swaps + base_swaps,
        "docs_swaps": len(docs_swaps),
        "roots": [str(staged_docs), str(staged_bases)],
    }
    _write_journal(state / JOURNAL_FILE, journal)
    checkpoint("journaled")
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
        targets = Targets(staged)
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
    base: dict[str, tuple[Stat, str]] = {}
    for d in plan.decisions:
        if d.docs_record is not None:
            stat, text_hash, lines = d.docs_record
            stat = stat or written.get(d.path)
            if stat is not None:
                docs[d.path] = (stat, text_hash, lines)
        if d.base_record is not None:
            base_stat, base_hash = d.base_record
            base_stat = base_stat or written_bases.get(d.path)
            if base_stat is not None:
                base[d.path] = (base_stat, base_hash)
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
    # Docs swapped, bases not yet: the moment a kill tests recovery hardest.
    swapped = max(1, int(journal.get("docs_swaps", 1)))  # type: ignore[call-overload]
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
        if i == swapped:
            checkpoint("swapped")
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
    tmp.write_bytes(text.encode("utf-8", errors="surrogateescape"))
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
