"""Book (pure): what the briefing book prints, cover to source text.

The cover and the PDF's metadata come from the overview's front matter first, the
analysis second. Then one section per page: overview, each friction area (its excerpt
section left out: the source text at the back already holds every paragraph, linked by
¶), glossary and the numbered source text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from lxml import etree
from markupsafe import Markup

from briefgen import __version__
from briefgen.pdf.collect import AreaInput, Collected, SourcePage
from briefgen.pdf.fragments import (
    cited_paragraphs,
    clean_fragment,
    excerpt_blocks,
    ids_in,
    number_source,
    para_refs,
    parse_fragment,
    remove_element,
    resolve_links,
    serialize,
)

# Paper sizes as CSS @page sizes; the names are the settings' and the CLI's values.
PAPER_SIZES: dict[str, str] = {"a4": "A4", "letter": "letter"}
# A running header holds one line beside the section name at 7.5 pt; longer titles
# (transcripts are often named "Remarks by X, Y and Z in ...") are cut at a word.
RUNNING_TITLE_CHARS = 75


@dataclass(frozen=True)
class Section:
    """A top-level part of the book: an id to link to, a title and its HTML."""

    id: str
    title: str
    html: Markup
    kind: str  # "overview" | "area" | "glossary" | "source"
    number: int = 0  # area number, 1-based
    refs: tuple[tuple[str, str | None], ...] = ()  # (label, href or None) for the ¶ reference


@dataclass(frozen=True)
class BookMeta:
    """What the cover and the PDF metadata say."""

    title: str
    running: str  # the title cut to fit one line of the running header
    author: str | None
    organisation: str | None
    source_date: str | None
    source_url: str | None  # the original article's address, when the article gives it
    generated: str  # ISO date shown on the cover
    created: str  # W3C datetime for the PDF CreationDate
    subject: str


def book_meta(c: Collected, generated: dt.datetime) -> BookMeta:
    """Cover and PDF metadata: the overview's front matter first, the analysis second."""
    fb = dict(c.fallback_meta)

    def pick(name: str) -> str | None:
        value = c.overview.get(name) or fb.get(name)
        return " ".join(value.split()) if value else None

    title = pick("title") or c.slug
    subject = f"Briefing on “{title}”"
    if c.areas:
        subject += ": " + "; ".join(area_title(a) for a in c.areas)
    return BookMeta(
        title=title, running=shorten(title, RUNNING_TITLE_CHARS), author=pick("author"), organisation=pick("organisation"), source_date=pick("source_date"),
        source_url=url if (url := pick("source_url")) and url.lower().startswith(("http://", "https://")) else None,
        generated=generated.date().isoformat(),
        created=generated.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        subject=subject,
    )


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:–—-")
    return (cut or text[: limit - 1]) + "…"


def area_title(a: AreaInput) -> str:
    """An area's title: its front matter's, else its page's h1, else its slug made readable."""
    found = a.page.get("title")
    if found:
        return found
    h1 = next(iter(parse_fragment(a.page.html).iter("h1")), None)
    return " ".join(h1.text_content().split()) if h1 is not None else a.slug.replace("-", " ").capitalize()


def _drop_heading(root: etree._Element, text: str) -> None:
    """Drop a leading heading that repeats the section title the template already prints."""
    first = root[0] if len(root) else None
    if first is not None and first.tag in ("h2", "h3") and " ".join(first.text_content().split()).lower() == text.lower():
        remove_element(first)


def book_context(c: Collected, paper: str, generated: dt.datetime) -> dict[str, Any]:
    """Everything the book template prints (pure)."""
    meta = book_meta(c, generated)
    # A note (a text too short to divide) is one page: its overview holds the whole text.
    note = c.overview.get("note") == "true"
    parts: list[tuple[str, str, str, SourcePage, int, tuple[int, ...]]] = [("s-index", "Overview", "overview", c.overview, 0, ())]
    for n, a in enumerate(() if note else c.areas, 1):
        parts.append((f"s-{a.page.key}", area_title(a), "area", a.page, n, a.paragraphs))
    if c.glossary is not None and not note:
        parts.append(("s-glossary", "Glossary", "glossary", c.glossary, 0, ()))
    if c.source is not None and not note:
        parts.append(("s-source", "Source text", "source", c.source, 0, ()))
    roots = []
    for sid, title, kind, page, _n, _p in parts:
        root, _h1 = clean_fragment(page.html, page.key)
        _drop_heading(root, title)
        if kind == "source":
            number_source(root)
        if kind == "area":
            for section in excerpt_blocks(root):
                for el in section:
                    remove_element(el)
        roots.append(root)
    known = ids_in(roots) | {p[0] for p in parts}
    spans = [p[5] or cited_paragraphs(root) for p, root in zip(parts, roots)]
    resolve_links(roots, known)
    sections = tuple(
        Section(id=sid, title=title, html=serialize(root), kind=kind, number=n,
                refs=para_refs(span, known) if kind == "area" else ())
        for (sid, title, kind, _page, n, _p), root, span in zip(parts, roots, spans)
    )
    return {"meta": meta, "sections": sections, "paper": PAPER_SIZES[paper],
            "area_count": len(c.areas), "version": __version__, "note": note}
