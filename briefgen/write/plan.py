"""Plan: read docs/ and decide, in memory, what every page becomes; nothing is written.

A page the manifest (see ``state``) shows unchanged on both sides is not even read. The
snapshot taken first lets the swap refuse to go on if anyone edits docs/ meanwhile. A page
whose area was renamed, merged or split takes the edits of the old pages it came from
(``moves``); those old pages then go.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import BuildError
from briefgen.model import Page
from briefgen.state import Manifest, Stat, content_hash
from briefgen.write.merge import (
    PageDecision,
    WriteReport,
    Origin,
    decide_carried,
    decide_gone,
    decide_kept,
    decide_moved_away,
    decide_page,
    decide_untouched,
    report_of,
    split_edits,
)
from briefgen.write.moves import primary_successor
from briefgen.write.paths import Targets

Snapshot = tuple[tuple[str, Stat], ...]


@dataclass(frozen=True)
class WritePlan:
    """Everything a write will change, decided before anything is written: one decision per page."""

    decisions: tuple[PageDecision, ...]
    snapshot: Snapshot  # docs/ files as they were read
    known: Manifest | None = None  # the manifest as it was read (None: keep no manifest)

    @property
    def changes_files(self) -> bool:
        """Whether carrying the plan out writes, deletes or backs up any file."""
        return any(d.text is not None or d.delete or d.base is not None or d.drop_base or d.backup is not None
                   for d in self.decisions)

    @property
    def writes(self) -> tuple[tuple[str, str], ...]:
        """(docs path, new text) where the text changes."""
        return tuple((d.path, d.text) for d in self.decisions if d.text is not None)

    @property
    def deletes(self) -> tuple[str, ...]:
        """Docs paths to remove."""
        return tuple(d.path for d in self.decisions if d.delete)

    @property
    def base_writes(self) -> tuple[tuple[str, str], ...]:
        """Merge bases that are new or change."""
        return tuple((d.path, d.base) for d in self.decisions if d.base is not None)

    @property
    def base_deletes(self) -> tuple[str, ...]:
        """Merge bases of pages no longer generated."""
        return tuple(d.path for d in self.decisions if d.drop_base)

    @property
    def backups(self) -> tuple[tuple[str, str], ...]:
        """(docs path, user's text) to save before a force."""
        return tuple((d.path, d.backup) for d in self.decisions if d.backup is not None)

    @property
    def report(self) -> WriteReport:
        """What the write does to each page, for the user."""
        return report_of(self.decisions)


def plan_writes(
    pages: tuple[Page, ...],
    docs: Path,
    bases: Mapping[str, str],
    force: bool = False,
    keep: tuple[str, ...] = (),
    hashes: Mapping[str, str] | None = None,
    known: Manifest | None = None,
    moves: Mapping[str, tuple[str, ...]] | None = None,
) -> WritePlan:
    """Decide what every page becomes: merged with the user's edits, or from scratch with ``force``.

    Pages under a ``keep`` prefix (the folder of a seed that failed this run) stay as they are.
    ``hashes`` (page path to ``content_hash``) and ``known`` (the last run's manifest) let a
    page whose docs file and merge base are as the last run left them, and whose new text is
    the same, pass without being read; ``bases`` then needs a ``stats`` attribute (``state.Bases``).
    ``moves`` (new page path to the old page paths it came from, see ``moves.page_moves``)
    carries the user's edits from old pages to new ones.
    """
    # Snapshot first: any change after this moment is caught before the swap.
    snapshot = snapshot_of(docs)
    stats = dict(snapshot)
    base_stats: dict[str, Stat] | None = getattr(bases, "stats", None)
    manifest = known if known is not None and base_stats is not None else Manifest()
    target = Targets(docs)
    decisions: list[PageDecision] = []
    seen: set[str] = set()
    moves = moves or {}
    origins = _origins(pages, moves, bases, target)
    # Every page generated now.
    for page in pages:
        if page.path in seen:
            raise BuildError(f"{page.path}: two pages were rendered to the same path")
        seen.add(page.path)
        file = target.check(page.path)
        new_hash = (hashes.get(page.path) if hashes else None) or content_hash(page.content)
        docs_stat = stats.get(page.path)
        base_stat = base_stats.get(page.path) if base_stats is not None else None
        if page.path in moves:
            # An area renamed, merged or split: the page takes the edits of the pages it came from.
            own = read_text(Path(file))
            came_from = origins[page.path]
            if own is not None and page.path not in moves[page.path]:
                # A file already at the new name that was not generated there: merged like one with no base.
                came_from = (Origin(page.path, bases.get(page.path), own), *came_from)
            decisions.append(decide_carried(page, new_hash, came_from, own, bases.get(page.path), force))
            continue
        # Both files this very text, untouched since the last run: nothing to read or merge.
        decision = decide_untouched(page.path, new_hash, manifest, docs_stat, base_stat)
        if decision is None:
            yours = read_text(Path(file))
            decision = decide_page(page, new_hash, yours, bases.get(page.path), force, docs_stat, base_stat)
        decisions.append(decision)
    # Old pages whose areas now live in other pages: their edits went there.
    moved_to: dict[str, list[str]] = {}
    for new, olds in moves.items():
        for old in olds:
            moved_to.setdefault(old, []).append(new)
    for path in sorted(set(moved_to) - seen):
        yours = read_text(target(path))
        if yours is not None or path in bases:
            decisions.append(decide_moved_away(path, yours, bases.get(path), force, tuple(moved_to[path])))
    # Pages generated last time but not now, and taken up by no new page (an area or briefing removed).
    for path in sorted(set(bases) - seen - set(moved_to)):
        if path.startswith(keep):
            decisions.append(decide_kept(path, manifest))
        else:
            decisions.append(decide_gone(path, read_text(target(path)), bases[path], force))
    return WritePlan(tuple(decisions), snapshot, known if base_stats is not None else None)


def _origins(
    pages: tuple[Page, ...], moves: Mapping[str, tuple[str, ...]], bases: Mapping[str, str], target: Targets
) -> dict[str, tuple[Origin, ...]]:
    """For each moved page, the old pages it came from as origins; a page split in several shares its edits out."""
    generated = {page.path: page.content for page in pages if page.path in moves}
    feeds: dict[str, list[str]] = {}
    for new, olds in moves.items():
        for old in olds:
            feeds.setdefault(old, []).append(new)
    found: dict[tuple[str, str], Origin] = {}  # (old, new) -> what the new page takes from the old one
    for old, news in feeds.items():
        yours, base = read_text(target(old)), bases.get(old)
        if yours is None and base is None:
            continue  # a page the record remembers but that is gone from both docs/ and the bases
        if len(news) > 1 and yours is not None and base is not None and yours != base:
            shares = split_edits(base, yours, tuple(generated[new] for new in news), primary_successor(old, tuple(news)))
            found.update(((old, new), Origin(old, base, yours, share)) for new, share in zip(news, shares))
        else:
            found.update(((old, new), Origin(old, base, yours)) for new in news)
    # Each new page merges its origins in the old reading order.
    return {new: tuple(found[old, new] for old in olds if (old, new) in found) for new, olds in moves.items()}


def read_text(path: Path) -> str | None:
    """The text of ``path``, or None if it is not a file."""
    if not path.is_file():
        return None
    # surrogateescape: a file saved in another encoding round-trips byte for byte.
    return path.read_bytes().decode("utf-8", errors="surrogateescape")


def snapshot_of(root: Path) -> Snapshot:
    """Every file under ``root`` with its (inode, mtime, size), in walk order."""
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
