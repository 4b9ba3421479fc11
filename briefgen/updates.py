"""Updates: what the site says of changes, from the change record (see changes.py); pure.

Each overview says when its briefing last changed and what changed ("Updated on DATE:
..."), in the line ``render`` leaves for it; the home page lists the latest changes.
"""

from __future__ import annotations

from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from briefgen.model import Page
from briefgen.render import UPDATED_SLOT, BriefingPart, safe_slug
from briefgen.state import BriefingRecord, ChangeRecord

# How many changes the home page's "Recently updated" list shows.
RECENT_LIMIT = 10


@dataclass(frozen=True)
class UpdateNote:
    """A briefing's last change as its overview tells it."""

    label: str  # "Added" or "Updated"
    date: str
    changes: str  # what changed, "; "-joined; "" when not known


@dataclass(frozen=True)
class RecentItem:
    """A line of the home page's "Recently updated" list."""

    date: str
    title: str
    href: Markup  # "" for a briefing that was removed
    what: str


def update_note(record: BriefingRecord | None) -> UpdateNote | None:
    """What the overview says of the briefing's last change; None when its date is not known."""
    if record is None or not record.updated:
        return None
    return UpdateNote("Added" if record.added else "Updated", record.updated, "; ".join(record.changes))


def with_update(part: BriefingPart, text: str) -> BriefingPart:
    """The part with its overview's slot filled in with ``text`` (``update_text``), or emptied."""
    overview = f"{part.folder}/index.md"
    pages = tuple(Page(p.path, _fill(p.content, text)) if p.path == overview else p for p in part.pages)
    return BriefingPart(part.key, pages, part.home, part.nav, part.folder, part.areas)


def update_text(note: UpdateNote | None, env: jinja2.Environment) -> str:
    """The overview's "Updated on" lines for ``note`` ("" for none)."""
    return env.get_template("updated.md.j2").render(note=note).strip("\n")


def _fill(content: str, text: str) -> str:
    if text:
        return content.replace(UPDATED_SLOT, text)
    # No line at all, and not the blank line after it either (the page stays tidy).
    for slot in (UPDATED_SLOT + "\n\n", UPDATED_SLOT + "\n", UPDATED_SLOT):
        content = content.replace(slot, "")
    return content


def recent_items(record: ChangeRecord, limit: int = RECENT_LIMIT) -> tuple[RecentItem, ...]:
    """The briefings changed most recently, newest first, with those the last run removed."""
    items = [
        RecentItem(r.updated, r.title, Markup(f"{safe_slug(slug, 'briefing')}/index.md"),
                   "added" if r.added else "; ".join(r.changes) or "updated")
        for slug, r in record.briefings.items() if r.updated
    ]
    if record.last is not None:
        items += [RecentItem(record.last.date, title, Markup(""), "removed") for _slug, title in record.last.removed]
    items.sort(key=lambda i: (_reverse(i.date), i.title.casefold(), i.title, str(i.href)))
    return tuple(items[:limit])


def _reverse(date: str) -> tuple[int, ...]:
    """A sort key putting later ISO dates first."""
    return tuple(-ord(c) for c in date)
