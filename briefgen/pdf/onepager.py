"""One-pagers (pure): one handout per friction area, shortened until it fits one page.

A one-pager keeps its summary and source reference whatever happens. When it does not fit,
it is laid out again with fewer excerpt paragraphs, then smaller type, then fewer quotes,
in that fixed order; content only ever decreases along the way, so the fullest layout
that fits is found by bisection.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from lxml import etree
from markupsafe import Markup

from briefgen import __version__
from briefgen.pdf.book import PAPER_SIZES, area_title, book_meta
from briefgen.pdf.collect import Collected
from briefgen.pdf.fragments import (
    cited_paragraphs,
    clean_fragment,
    excerpt_blocks,
    ids_in,
    para_refs,
    parse_fragment,
    remove_element,
    resolve_links,
    serialize,
    text_of,
)

# Type scales tried, in order, for a one-pager that does not fit: base size in points.
# Below 7.5 pt a handout stops being readable, so shrinking stops there.
ONEPAGER_FONT_STEPS: tuple[float, ...] = (10.5, 9.5, 8.5, 7.5)


@dataclass(frozen=True)
class OnePager:
    """One area's handout: the fragment and the knobs the shrink loop turns."""

    slug: str
    title: str
    number: int
    html: Markup
    refs: tuple[tuple[str, str | None], ...]
    font_pt: float = ONEPAGER_FONT_STEPS[0]
    dropped: int = 0  # quotes left out to fit


def onepager_contexts(c: Collected) -> tuple[OnePager, ...]:
    """One handout per area: its page without links that lead outside the handout (pure)."""
    out = []
    for n, a in enumerate(c.areas, 1):
        root, _h1 = clean_fragment(a.page.html, a.page.key)
        span = a.paragraphs or cited_paragraphs(root)
        resolve_links([root], ids_in([root]))
        out.append(OnePager(slug=a.slug, title=area_title(a), number=n, html=serialize(root),
                            refs=para_refs(span, set())))
    return tuple(out)


def quote_blocks(root: etree._Element) -> list[list[etree._Element]]:
    """Each quote with its attribution line, last quote first: what a one-pager may leave out."""
    found = [el for el in root.iter("blockquote", "div", "details")
             if el.tag == "blockquote" or "quote" in (el.get("class") or "").split()]
    found = [el for el in found if not any(anc in found for anc in el.iterancestors())]
    out = []
    for el in found:
        group = [el]
        nxt = el.getnext()
        # The attribution may follow the quote as its own paragraph ("— Speaker, role ¶5").
        if nxt is not None and nxt.tag == "p" and (text_of(nxt)[:1] in ("—", "–") or "cite" in (nxt.get("class") or "")):
            group.append(nxt)
        out.append(group)
    return out[::-1]


def onepager_layouts(op: OnePager) -> tuple[OnePager, ...]:
    """Every layout to try, most content first: fewer source paragraphs, then smaller type, then fewer quotes.

    Content only ever decreases along the tuple, so the first layout that fits one page
    can be found by bisection. The summary and the source reference are in every layout.
    """
    base = parse_fragment(str(op.html))
    excerpt_count = sum(len(section) - 1 for section in excerpt_blocks(base))
    quote_count = len(quote_blocks(base))
    plan = [(ONEPAGER_FONT_STEPS[0], keep, 0) for keep in range(excerpt_count, -1, -1)]
    plan += [(pt, 0, 0) for pt in ONEPAGER_FONT_STEPS[1:]]
    plan += [(ONEPAGER_FONT_STEPS[-1], 0, drop) for drop in range(1, quote_count + 1)]
    out = []
    for font_pt, keep, drop in plan:
        root = copy.deepcopy(base)
        _trim_excerpts(root, keep)
        for group in quote_blocks(root)[:drop]:
            for el in group:
                remove_element(el)
        out.append(replace(op, html=serialize(root), font_pt=font_pt, dropped=drop))
    return tuple(out)


def _trim_excerpts(root: etree._Element, keep: int) -> None:
    """Keep the first ``keep`` blocks of the excerpt sections; a section left empty loses its heading."""
    for section in excerpt_blocks(root):
        heading, blocks = section[0], section[1:]
        for el in blocks[keep:]:
            remove_element(el)
        if keep == 0 or not blocks:
            remove_element(heading)
        keep = max(0, keep - len(blocks))


def onepager_context(c: Collected, op: OnePager, paper: str, generated: dt.datetime) -> dict[str, Any]:
    """What the one-pager template prints (pure)."""
    return {"meta": book_meta(c, generated), "op": op, "paper": PAPER_SIZES[paper],
            "area_count": len(c.areas), "book_file": f"{c.slug}.pdf", "version": __version__}


def fullest_fitting(count: int, fits: Callable[[int], bool]) -> int:
    """The first of ``count`` layouts (the fullest) that ``fits`` one page, by bisection; the last if none does."""
    lo, hi = 0, count - 1
    if fits(0):
        hi = 0
    while lo < hi:
        mid = (lo + hi) // 2
        if fits(mid):
            hi = mid
        else:
            lo = mid + 1
    return hi
