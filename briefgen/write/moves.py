"""Moves: which area pages of the last run each new area page takes the user's edits from (pure).

An area page's file name holds its slug and its place ("02-quota-talks.md"), so renaming,
reordering, merging or splitting areas in the spec changes the files. The edits follow the
area's identity, not its file name: an old area feeds a new one when they share the slug
or any paragraph. So a rename (same paragraphs, new slug) is one old page feeding one new
page; a merge is several old pages feeding one; a split is one old page feeding several;
a boundary moved between two areas makes the paragraphs' edits follow the paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefgen.state import AreaRecord

# An area page's file name: its place in the reading order, then its slug.
_AREA_FILE = re.compile(r"^(?:\d+-)?(.*)$")


@dataclass(frozen=True)
class AreaLink:
    """One new area page and the old area pages it takes edits from, in the old reading order."""

    new: AreaRecord
    sources: tuple[AreaRecord, ...]


def area_links(old: tuple[AreaRecord, ...], new: tuple[AreaRecord, ...]) -> tuple[AreaLink, ...]:
    """For every new area, the old areas that feed it: the same slug, or a shared paragraph."""
    return tuple(
        AreaLink(n, tuple(o for o in old if o.slug == n.slug or set(o.paragraphs) & set(n.paragraphs)))
        for n in new
    )


def successors(links: tuple[AreaLink, ...], old: AreaRecord) -> tuple[AreaRecord, ...]:
    """The new areas an old area feeds, in the new reading order."""
    return tuple(link.new for link in links if old in link.sources)


def page_moves(folder: str, links: tuple[AreaLink, ...]) -> dict[str, tuple[str, ...]]:
    """New page path -> the old page paths it takes edits from, for every page that is not simply itself.

    A page that is its own only source is left out, unless that old page also feeds
    another (a split): then every page it feeds is listed, so its edits are shared out.
    """
    fed: dict[AreaRecord, int] = {}
    for link in links:
        for o in link.sources:
            fed[o] = fed.get(o, 0) + 1
    out: dict[str, tuple[str, ...]] = {}
    for link in links:
        sources = tuple(f"{folder}/{o.file}" for o in link.sources)
        path = f"{folder}/{link.new.file}"
        if sources and (sources != (path,) or any(fed[o] > 1 for o in link.sources)):
            out[path] = sources
    return out


def primary_successor(old: str, news: tuple[str, ...]) -> int | None:
    """Which of the pages an old page was split into kept its slug (so takes what belongs to no other); None if none did."""
    def slug(path: str) -> str:
        return _AREA_FILE.match(path.rsplit("/", 1)[-1]).group(1)  # type: ignore[union-attr]

    return next((i for i, new in enumerate(news) if slug(new) == slug(old)), None)
