"""Merge: what each page of docs/ becomes, decided in memory from its three versions (pure).

Generated pages are meant to be edited, so a page is merged three ways: the text generated
last time (the merge base, kept under the state folder), the user's file, and the new
text. Edits that do not overlap both survive; overlapping ones leave standard conflict
markers in the file. A page the user deleted stays deleted; ``force`` backs the user's
version up and starts from scratch. Each page's outcome is one frozen ``PageDecision``;
the report the user reads is made from them.
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
    ORPHANED = "orphaned"  # no longer generated but edited: kept as the user's
    GONE = "gone"  # no longer generated and already deleted: only its merge base goes
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


def report_of(decisions: Iterable[PageDecision]) -> WriteReport:
    """The report of a write, pages in the order they were decided."""
    ds = tuple(decisions)

    def having(outcome: Outcome) -> tuple[str, ...]:
        return tuple(d.path for d in ds if d.outcome is outcome)

    return WriteReport(
        created=having(Outcome.CREATED),
        changed=having(Outcome.CHANGED),
        unchanged=having(Outcome.UNCHANGED),
        merged=tuple(d.path for d in ds if d.merged),
        conflicts=tuple(Conflict(d.path, d.conflicts) for d in ds if d.conflicts),
        deleted_kept=having(Outcome.DELETED_KEPT),
        removed=having(Outcome.REMOVED),
        orphaned=having(Outcome.ORPHANED),
        unbased=tuple(d.path for d in ds if d.unbased),
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
    """A page generated last time but not now (its area renamed or removed): its base goes, and the file unless edited."""
    if yours is None:
        return PageDecision(path, Outcome.GONE, drop_base=True)
    if yours == base or force:
        backup = yours if yours != base else None
        return PageDecision(path, Outcome.REMOVED, delete=True, backup=backup, drop_base=True)
    return PageDecision(path, Outcome.ORPHANED, drop_base=True)


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


def conflict_lines(text: str) -> tuple[int, ...]:
    """1-based numbers of the lines that open a conflict."""
    return tuple(i for i, line in enumerate(text.splitlines(), 1) if CONFLICT_START.match(line))


def _ensure_final_newline(text: str) -> str:
    return text if not text or text.endswith("\n") else text + "\n"
