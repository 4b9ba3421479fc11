"""Merge: what each page of docs/ becomes, decided in memory from its three versions (pure).

Generated pages are meant to be edited, so a page is merged three ways: the text generated
last time (the merge base, kept under the state folder), the user's file, and the new
text. Edits that do not overlap both survive; overlapping ones leave standard conflict
markers in the file. A page the user deleted stays deleted; ``force`` backs the user's
version up and starts from scratch. Each page's outcome is one frozen ``PageDecision``;
the report the user reads is made from them.

A page whose area was renamed, merged or split (see ``moves``) takes the edits of the old
pages it came from: each old page's edits are merged into the new text in turn, and an old
page split in several shares its edits out, each to the page that still shows the lines
it touches. An edit no new page can take shows as a conflict, never as a silent loss.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple

from merge3 import Merge3

from briefgen.model import Page
from briefgen.state import Manifest, Stat, content_hash

# Standard conflict markers, named for the two sides the user sees.
MARK_START = "<<<<<<< yours"
MARK_MID = "======="
MARK_END = ">>>>>>> generated"
# A line that opens a conflict, with or without a side's name.
CONFLICT_START = re.compile(r"^<{7}(?: |$)")

# What the manifest will record of a docs file (stat, content hash, conflict lines) and of
# a merge base (stat, content hash). A None stat is filled in from the file once written.
DocsRecord = tuple[Stat | None, str, tuple[int, ...]]
BaseRecord = tuple[Stat | None, str]


class Outcome(Enum):
    """What happened to a page, as the user is told."""

    CREATED = "created"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    DELETED_KEPT = "deleted_kept"  # the user deleted it: not recreated
    REMOVED = "removed"  # no longer generated and unedited: deleted
    ORPHANED = "orphaned"  # no longer generated but edited: set aside in the backups, out of the site
    GONE = "gone"  # no longer generated and already deleted: only its merge base goes
    MOVED = "moved"  # its area was renamed, merged or split: its edits went to the new page(s)
    KEPT = "kept"  # its seed failed this run: the page and its base stay as they are


class PageDecision(NamedTuple):
    """What one page's docs file and merge base become, decided before anything is written.

    A NamedTuple rather than a frozen dataclass: one is made for every page on every run,
    and a frozen dataclass takes about four times as long to make (~15 ms at 5,000 pages,
    a tenth of a run that changes nothing).
    """

    path: str  # relative to docs/
    outcome: Outcome
    text: str | None = None  # the docs file's new text; None: it stays as it is
    delete: bool = False  # the docs file goes
    backup: str | None = None  # the user's text, saved before --force replaces or removes it
    base: str | None = None  # the merge base's new text; None: it stays as it is
    drop_base: bool = False  # the merge base goes
    merged: bool = False  # changed, and the user's edits were kept in it
    unbased: bool = False  # differed from the new text and had no merge base: one big conflict
    conflicts: tuple[int, ...] = ()  # lines where conflict markers start
    docs_record: DocsRecord | None = None
    base_record: BaseRecord | None = None
    moved_to: tuple[str, ...] = ()  # MOVED and edited: the pages its edits went to


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
    orphaned: tuple[str, ...] = ()  # no longer generated but edited: set aside with the backups
    unbased: tuple[str, ...] = ()  # differed from the new text, and had no merge base
    moved: tuple[tuple[str, tuple[str, ...]], ...] = ()  # an edited page whose edits went to new pages
    backup: str | None = None  # where the user's versions were saved (--force, pages set aside)


def report_of(decisions: Iterable[PageDecision]) -> WriteReport:
    """The report of a write, pages in the order they were decided."""
    ds = tuple(decisions)

    def having(outcome: Outcome) -> tuple[str, ...]:
        return tuple(d.path for d in ds if d.outcome is outcome)

    return WriteReport(
        created=having(Outcome.CREATED),
        changed=having(Outcome.CHANGED),
        unchanged=having(Outcome.UNCHANGED),
        # Only pages this run wrote: an edited page whose new text did not change is just unchanged.
        merged=tuple(d.path for d in ds if d.merged and d.outcome in (Outcome.CHANGED, Outcome.CREATED)),
        conflicts=tuple(Conflict(d.path, d.conflicts) for d in ds if d.conflicts),
        deleted_kept=having(Outcome.DELETED_KEPT),
        removed=having(Outcome.REMOVED),
        orphaned=having(Outcome.ORPHANED),
        unbased=tuple(d.path for d in ds if d.unbased),
        moved=tuple((d.path, d.moved_to) for d in ds if d.moved_to),
    )


# ---------------------------------------------------------------------------------------
# Per-page decisions
# ---------------------------------------------------------------------------------------


def decide_page(
    page: Page,
    new_hash: str,
    yours: str | None,
    base: str | None,
    force: bool,
    docs_stat: Stat | None = None,
    base_stat: Stat | None = None,
) -> PageDecision:
    """What a generated page becomes, given the user's file (None: none) and its merge base (None: none).

    ``docs_stat`` and ``base_stat`` are the two files' stats as read, for the manifest.
    """
    backup = None
    unbased = merged = False
    if force:
        if yours is not None and yours != page.content:
            backup = yours
        result = page.content
    elif yours is None and base is not None:
        # The user deleted it: respect that, and keep the base that says it was ours.
        record = (base_stat, content_hash(base)) if base_stat is not None else None
        return PageDecision(page.path, Outcome.DELETED_KEPT, base_record=record)
    elif yours is None or yours == page.content:
        result = page.content
    elif base is None:
        # No common ancestor (the state folder was lost): the whole page is a conflict,
        # so that neither version is thrown away.
        result = merge_text("", yours, page.content)
        unbased = True
    elif yours == base:
        result = page.content
    else:
        result = merge_text(base, yours, page.content)
        merged = result != page.content
    # The new text is the merge base of the next run.
    new_base = page.content if base != page.content else None
    base_record: BaseRecord | None = (None, new_hash) if new_base is not None else (
        (base_stat, new_hash) if base_stat is not None else None)
    lines = conflict_lines(result)
    result_hash = new_hash if result == page.content else content_hash(result)
    if yours is None:
        outcome, text, docs_record = Outcome.CREATED, result, (None, result_hash, lines)
    elif result == yours:
        outcome, text = Outcome.UNCHANGED, None
        docs_record = (docs_stat, result_hash, lines) if docs_stat is not None else None
    else:
        outcome, text, docs_record = Outcome.CHANGED, result, (None, result_hash, lines)
    return PageDecision(page.path, outcome, text=text, backup=backup, base=new_base, merged=merged,
                        unbased=unbased, conflicts=lines, docs_record=docs_record, base_record=base_record)


def decide_untouched(
    path: str, new_hash: str, manifest: Manifest, docs_stat: Stat | None, base_stat: Stat | None
) -> PageDecision | None:
    """Unchanged, if the manifest vouches that the docs file and the merge base are both the
    new text, untouched since the last run wrote them; None if the page must be read."""
    mine, theirs = manifest.docs.get(path), manifest.base.get(path)
    if (mine is None or theirs is None or mine[1] != new_hash or theirs[1] != new_hash
            or docs_stat != mine[0] or base_stat != theirs[0]):
        return None
    return PageDecision(path, Outcome.UNCHANGED, conflicts=mine[2], docs_record=mine, base_record=theirs)


def decide_kept(path: str, manifest: Manifest) -> PageDecision:
    """A page of a seed that failed this run: its file, merge base and what is known of them stay."""
    docs = manifest.docs.get(path)
    base = manifest.base.get(path)
    return PageDecision(path, Outcome.KEPT, docs_record=docs, base_record=base)


def decide_gone(path: str, yours: str | None, base: str, force: bool) -> PageDecision:
    """A page generated last time but not now, and taken up by no new page (its area or briefing removed).

    It goes with its base; an edited one is first saved with the backups, so that nothing
    of it is published any more and nothing the user wrote is lost.
    """
    if yours is None:
        return PageDecision(path, Outcome.GONE, drop_base=True)
    if yours == base or force:
        backup = yours if yours != base else None
        return PageDecision(path, Outcome.REMOVED, delete=True, backup=backup, drop_base=True)
    return PageDecision(path, Outcome.ORPHANED, delete=True, backup=yours, drop_base=True)


class Origin(NamedTuple):
    """An old page a new page takes edits from."""

    path: str
    base: str | None  # what was generated for it last time; None: no merge base (the state was lost)
    yours: str | None  # the user's file; None: they deleted it
    share: str | None = None  # split in several: its base with only the edits that belong to this new page


def decide_carried(
    page: Page, new_hash: str, origins: tuple[Origin, ...], own: str | None, own_base: str | None, force: bool
) -> PageDecision:
    """A new page that takes the edits of the old pages it came from (a renamed, merged or split area).

    ``own`` and ``own_base`` are the user's file and the merge base already at the new
    page's path, if any (its own path is one of the origins when it keeps its file name).
    """
    backup = None
    unbased = False
    if force:
        result = page.content
        backup = own if own is not None and own != page.content else None
    elif own is None and origins and all(o.yours is None for o in origins):
        # The user deleted every page it came from: it stays deleted, and its merge base says so.
        return PageDecision(page.path, Outcome.DELETED_KEPT, base=page.content, base_record=(None, new_hash))
    else:
        result = page.content
        for o in origins:
            mine = o.share if o.share is not None else o.yours
            if mine is None or mine == o.base:
                continue
            unbased = unbased or o.base is None
            result = merge_close(o.base or "", mine, result)
    new_base = page.content if own_base != page.content else None
    base_record: BaseRecord = (None, new_hash)
    lines = conflict_lines(result)
    result_hash = new_hash if result == page.content else content_hash(result)
    if own is None:
        outcome, text = Outcome.CREATED, result
    elif result == own:
        outcome, text = Outcome.UNCHANGED, None
    else:
        outcome, text = Outcome.CHANGED, result
    return PageDecision(page.path, outcome, text=text, backup=backup, base=new_base, merged=result != page.content,
                        unbased=unbased, conflicts=lines, docs_record=(None, result_hash, lines), base_record=base_record)


def decide_moved_away(path: str, yours: str | None, base: str | None, force: bool, to: tuple[str, ...]) -> PageDecision:
    """An old page whose area now lives in ``to``: its file and base go; its edits went with the area (or, forced, to the backups)."""
    if yours is None:
        return PageDecision(path, Outcome.GONE, drop_base=base is not None)
    edited = yours != base
    return PageDecision(path, Outcome.MOVED, delete=True, backup=yours if force and edited else None,
                        drop_base=base is not None, moved_to=to if edited and not force else ())


def split_edits(base: str, yours: str, pages: tuple[str, ...], primary: int | None) -> tuple[str, ...]:
    """The user's edits to a page split in ``pages`` (their new texts), shared out: for each, the base with the edits that belong there.

    An edit belongs where the lines it changes still stand (for an insertion: the line
    before it, then the one after); on a tie, to the page that kept the old slug
    (``primary``), else to every page tied. An edit whose lines no new page shows goes to
    the primary page, or the first, where it meets the new text as a conflict.
    """
    old = base.splitlines(keepends=True)
    new = _ensure_final_newline(yours).splitlines(keepends=True)
    shown = [{line.strip() for line in text.splitlines() if line.strip()} for text in pages]
    shares: list[list[str]] = [[] for _ in pages]
    for tag, i1, i2, j1, j2 in _LineMatcher(None, old, new).get_opcodes():
        homes = set(range(len(pages))) if tag == "equal" else _homes(old, i1, i2, shown, primary)
        for k, share in enumerate(shares):
            share += new[j1:j2] if k in homes else old[i1:i2]
    return tuple("".join(share) for share in shares)


def _homes(old: list[str], i1: int, i2: int, shown: list[set[str]], primary: int | None) -> set[int]:
    """The pages an edit of ``old[i1:i2]`` belongs to (see ``split_edits``)."""
    changed = [line.strip() for line in old[i1:i2] if line.strip()]
    if changed:
        weighed = [(line, 1) for line in changed]
    else:
        before = next((old[k].strip() for k in range(i1 - 1, -1, -1) if old[k].strip()), "")
        after = next((old[k].strip() for k in range(i2, len(old)) if old[k].strip()), "")
        weighed = [(line, weight) for line, weight in ((before, 2), (after, 1)) if line]
    scores = [sum(weight for line, weight in weighed if line in lines) for lines in shown]
    best = max(scores, default=0)
    if best == 0:
        return {primary if primary is not None else 0}
    tied = {k for k, score in enumerate(scores) if score == best}
    return {primary} if primary in tied else tied


# ---------------------------------------------------------------------------------------
# Merging text
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


class _Change(NamedTuple):
    """One side's change to the base: lines [lo, hi) replaced by ``lines`` (lo == hi: inserted at lo)."""

    lo: int
    hi: int
    side: int  # 0: yours, 1: generated
    lines: list[str]


def merge_close(base: str, yours: str, generated: str) -> str:
    """Three-way merge by lines where only changes to the same lines conflict, not changes next to each other.

    For pages rebuilt from others (an area renamed, merged or split), where the new text
    cuts or joins paragraphs right beside lines the user edited: there ``merge_text``'s
    rule (adjacent changes conflict, as in git) would mark every edit at a cut.
    """
    old = base.splitlines(keepends=True)
    sides = (_ensure_final_newline(yours).splitlines(keepends=True), generated.splitlines(keepends=True))
    changes = sorted(
        (_Change(i1, i2, side, text[j1:j2])
         for side, text in enumerate(sides)
         for tag, i1, i2, j1, j2 in _LineMatcher(None, old, text).get_opcodes() if tag != "equal"),
        key=lambda c: (c.lo, c.hi, c.side),
    )
    out: list[str] = []
    at = 0
    for group in _overlapping(changes):
        lo, hi = min(c.lo for c in group), max(c.hi for c in group)
        out += old[at:lo]
        mine, theirs = (_apply(old, lo, hi, [c for c in group if c.side == side]) for side in (0, 1))
        if len({c.side for c in group}) == 1:
            out += mine if group[0].side == 0 else theirs
        elif mine == theirs:
            out += mine
        else:
            out += [MARK_START + "\n", *map(_ensure_final_newline, mine), MARK_MID + "\n",
                    *map(_ensure_final_newline, theirs), MARK_END + "\n"]
        at = hi
    out += old[at:]
    return "".join(out)


def _overlapping(changes: list[_Change]) -> list[list[_Change]]:
    """The changes in groups that touch the same base lines (or insert at the same place), in base order."""
    groups: list[list[_Change]] = []
    for c in changes:
        last = groups[-1] if groups else None
        if last is not None and any(_touch(c, d) for d in last):
            last.append(c)
        else:
            groups.append([c])
    return groups


def _touch(a: _Change, b: _Change) -> bool:
    if a.lo == a.hi and b.lo == b.hi:
        return a.lo == b.lo
    if a.lo == a.hi:
        return b.lo < a.lo < b.hi
    if b.lo == b.hi:
        return a.lo < b.lo < a.hi
    return a.lo < b.hi and b.lo < a.hi


def _apply(old: list[str], lo: int, hi: int, changes: list[_Change]) -> list[str]:
    """``old[lo:hi]`` with one side's changes in it applied."""
    out: list[str] = []
    at = lo
    for c in changes:
        out += old[at:c.lo] + c.lines
        at = c.hi
    return out + old[at:hi]


def conflict_lines(text: str) -> tuple[int, ...]:
    """1-based numbers of the lines that open a conflict."""
    return tuple(i for i, line in enumerate(text.splitlines(), 1) if CONFLICT_START.match(line))


def _ensure_final_newline(text: str) -> str:
    return text if not text or text.endswith("\n") else text + "\n"
