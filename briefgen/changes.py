"""Changes: what each run changed, briefing by briefing, against the record of the last change (pure).

The record (``state.ChangeRecord``, committed in the state folder) keeps, for every
briefing, a short hash of each page as generated and its area pages' identities (slug,
title, file, paragraphs). A run compares each briefing's new pages with it:

- no record: the briefing is added, dated with the run's date;
- the same pages: nothing changed, and the record (its date, what changed then) stays, so a
  run that changes nothing rewrites nothing;
- anything else: updated, with the run's date and what changed: areas renamed, merged,
  split, added or removed (traced as ``write.moves`` traces them), pages whose text changed.

The same record and the same pages give the same result: the date is an input, and it
enters only what changed on that run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from briefgen.state import AreaRecord, BriefingRecord, ChangeRecord, RunLog
from briefgen.write.moves import AreaLink, area_links, page_moves

# How the fixed pages of a briefing are named in "changed: ..."; area pages by their titles.
PAGE_LABELS = {"index.md": "overview", "quotes.md": "quotes", "glossary.md": "glossary", "source.md": "source text"}
# "changed: a, b, c, d, e and 3 more": enough to say where to look, short enough for one line.
MAX_NAMED = 5


@dataclass(frozen=True)
class BriefingNow:
    """A briefing as generated this run: what the record compares and keeps."""

    slug: str  # its folder in docs/
    title: str
    pages: tuple[tuple[str, str], ...]  # (file in its folder, short hash), in page order
    areas: tuple[AreaRecord, ...]


@dataclass(frozen=True)
class Tracked:
    """A run's changes: the new record, and the area pages whose edits move to other pages."""

    record: ChangeRecord
    moves: Mapping[str, tuple[str, ...]]  # new page path -> old page paths (see write.moves.page_moves)
    changed: bool  # a briefing was added, updated or removed: the record's run log is this run's


def track_changes(
    before: ChangeRecord,
    now: tuple[BriefingNow, ...],
    failed: frozenset[str],
    known: Mapping[str, tuple[str, ...]],
    today: str,
) -> Tracked:
    """Compare every briefing generated now with the record of its last change.

    ``failed`` are the folders of seeds that failed this run (their record stays as it
    is); ``known`` lists the files each folder had as last generated (its merge bases),
    which stand in for a record made before records were kept.
    """
    briefings: dict[str, BriefingRecord] = {}
    moves: dict[str, tuple[str, ...]] = {}
    added: list[str] = []
    updated: list[str] = []
    for b in now:
        old = before.briefings.get(b.slug)
        if old is not None and old.pages == b.pages and old.areas == b.areas and old.title == b.title:
            briefings[b.slug] = old  # the common case, and the cheap one: nothing to trace
            continue
        old_areas = old.areas if old is not None else _areas_from_files(known.get(b.slug, ()))
        links = area_links(old_areas, b.areas)
        moves.update(page_moves(b.slug, links))
        if old is None and b.slug in known:
            # Generated before records were kept: when it last changed is not known.
            briefings[b.slug] = BriefingRecord(b.title, "", False, (), b.pages, b.areas)
        elif old is None:
            briefings[b.slug] = BriefingRecord(b.title, today, True, (), b.pages, b.areas)
            added.append(b.slug)
        else:
            changes = describe(old, b, links)
            briefings[b.slug] = BriefingRecord(b.title, today, False, changes, b.pages, b.areas)
            updated.append(b.slug)
    for slug in failed:
        if slug in before.briefings:
            briefings[slug] = before.briefings[slug]
    removed = tuple((slug, rec.title) for slug, rec in sorted(before.briefings.items()) if slug not in briefings)
    changed = bool(added or updated or removed)
    last = RunLog(today, tuple(added), tuple(updated), removed) if changed else before.last
    return Tracked(ChangeRecord(dict(sorted(briefings.items())), last), moves, changed)


def with_outcome(record: ChangeRecord, kept_edits: tuple[str, ...], conflicts: tuple[tuple[str, int], ...]) -> ChangeRecord:
    """The record with this run's log told what the write did to edited pages."""
    assert record.last is not None
    return replace(record, last=replace(record.last, kept_edits=kept_edits, conflicts=conflicts))


def describe(old: BriefingRecord, new: BriefingNow, links: tuple[AreaLink, ...]) -> tuple[str, ...]:
    """What changed in a briefing, one short phrase each, in reading order."""
    phrases: list[str] = []
    # 1. The areas: each group of old and new areas joined by a shared slug or paragraph.
    matched: list[tuple[AreaRecord, AreaRecord]] = []
    for olds, news in _groups(old.areas, links):
        if not olds:
            phrases += [f"new area {_q(n.title)}" for n in news]
        elif not news:
            phrases += [f"area {_q(o.title)} removed" for o in olds]
        elif len(olds) == 1 and len(news) == 1:
            matched.append((olds[0], news[0]))
            if olds[0].title != news[0].title:
                phrases.append(f"{_q(olds[0].title)} renamed {_q(news[0].title)}")
        elif len(news) == 1:
            phrases.append(f"{_and(olds)} merged into {_q(news[0].title)}")
        elif len(olds) == 1:
            phrases.append(f"{_q(olds[0].title)} split into {_and(news)}")
        else:
            phrases.append(f"{_and(olds)} redrawn as {_and(news)}")
    order = [old.areas.index(o) for o, _ in matched]
    if order != sorted(order):
        phrases.append("areas reordered")
    # 2. The pages whose text changed: fixed pages by name, areas that kept their title by it.
    before, after = dict(old.pages), dict(new.pages)
    area_files = {a.file for a in new.areas}
    names = [PAGE_LABELS.get(f, f.removesuffix(".md")) for f, h in new.pages
             if f not in area_files and before.get(f) != h]
    names += [n.title for o, n in matched if o.title == n.title and before.get(o.file) != after.get(n.file)]
    candidates = sum(1 for f, _ in new.pages if f not in area_files) + sum(1 for o, n in matched if o.title == n.title)
    if len(names) > MAX_NAMED and len(names) == candidates:
        # Something every page shows changed (the title, the author, the templates).
        phrases.append("changed: every page")
    elif names:
        shown = names[:MAX_NAMED]
        more = f" and {len(names) - MAX_NAMED} more" if len(names) > MAX_NAMED else ""
        phrases.append("changed: " + ", ".join(shown) + more)
    return tuple(phrases)


def _groups(old: tuple[AreaRecord, ...], links: tuple[AreaLink, ...]) -> list[tuple[list[AreaRecord], list[AreaRecord]]]:
    """The connected groups of old and new areas, in new reading order; old areas that feed none last."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(node: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for j, link in enumerate(links):
        for o in link.sources:
            parent[root(("old", old.index(o)))] = root(("new", j))
    groups: dict[tuple[str, int], tuple[list[AreaRecord], list[AreaRecord]]] = {}
    for j, link in enumerate(links):
        groups.setdefault(root(("new", j)), ([], []))[1].append(link.new)
    for i, o in enumerate(old):
        groups.setdefault(root(("old", i)), ([], []))[0].append(o)
    return list(groups.values())


def _areas_from_files(files: tuple[str, ...]) -> tuple[AreaRecord, ...]:
    """Area pages known only by file name ("02-quota-talks.md"): traced by slug alone."""
    out = []
    for f in files:
        number, _, rest = f.partition("-")
        if number.isdigit() and rest.endswith(".md") and "/" not in f:
            slug = rest.removesuffix(".md")
            out.append(AreaRecord(slug, slug.replace("-", " ").capitalize(), f, ()))
    return tuple(out)


def _q(title: str) -> str:
    return f"“{title}”"


def _and(areas: list[AreaRecord]) -> str:
    titles = [_q(a.title) for a in areas]
    return titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + " and " + titles[-1]


def changelog_text(record: ChangeRecord) -> str:
    """The change log of the record's last run, for people: what it added, updated and removed, and what it did to edited pages."""
    log = record.last
    assert log is not None
    lines = ["# briefgen change log", "", f"Written by `briefgen generate` on {log.date}, the last run that changed a briefing.", ""]

    def section(title: str, items: list[str]) -> None:
        if items:
            lines.extend([f"## {title}", "", *(f"- {item}" for item in items), ""])

    def named(slug: str) -> str:
        rec = record.briefings.get(slug)
        return f"{slug}: {rec.title}" if rec else slug

    section("Added", [named(s) for s in log.added])
    section("Updated", [f"{named(s)} ({'; '.join(record.briefings[s].changes) or 'updated'})" for s in log.updated])
    section("Removed", [f"{slug}: {title}" for slug, title in log.removed])
    section("Pages that kept your edits", list(log.kept_edits))
    section("Pages in conflict (edit the marked blocks, then run briefgen check)", [f"{p}:{n}" for p, n in log.conflicts])
    return "\n".join(lines).rstrip("\n") + "\n"
