"""Readers: one module per file format, each turning a Source into raw blocks plus hints.

A reader knows its format and nothing about boilerplate: it gives the blocks in reading
order (paragraphs and headings, markup gone, the words as the source has them) and the
metadata the format itself carries (front matter, ``<meta>`` tags, a PDF's document
info). ``clean`` then judges every block by the same rules, whatever the format.

| format | module | how |
|---|---|---|
| ``.txt`` | ``text`` | blank lines and hard wraps |
| ``.md`` | ``markdown`` | front matter, then Python-Markdown to HTML and the HTML reader |
| ``.html`` | ``html`` | trafilatura's main content and metadata |
| ``.pdf`` | ``pdf`` | pdfplumber: lines rebuilt into paragraphs, running heads and footnotes out |
| ``.docx`` | ``docx`` | python-docx: the body's paragraphs and headings; headers and footers are never read |
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from briefgen.model import BlockKind, Source

# Where a block sits relative to the article's main content. ``before`` blocks (a
# page's masthead, a PDF's cover lines above the text) may give the title, a byline or
# a date but are never body; ``after`` blocks may be an author bio or a disclosure,
# set aside, but are never body either.
Region = Literal["body", "before", "after"]

_WS = re.compile(r"\s+")


def norm(text: str) -> str:
    """Collapse runs of whitespace to one space; nothing else changes."""
    return _WS.sub(" ", text).strip()


@dataclass(frozen=True)
class RawBlock:
    """A block as the format gave it, before it is judged."""

    kind: BlockKind
    text: str
    links: tuple[tuple[str, str], ...] = ()
    level: int = 0  # heading level, 0 for paragraphs
    title_like: bool = False  # h1, a Title style, the biggest type on a PDF's first page
    lines: tuple[str, ...] = ()  # the source lines of a plain-text block
    meta_table: bool = False  # "Key: value" lines, read into the metadata and dropped
    aside: bool = False  # furniture of a dropped table (caption, notes, source), footnotes: set aside
    region: Region = "body"
    link_chars: int = 0  # characters of the text that sit inside links
    site_name: bool = False  # a heading that is wholly a link to the site's home page (a logo)
    list_item: bool = False  # an item of a bulleted or numbered list


@dataclass(frozen=True)
class Reading:
    """What a reader gives the judge: blocks in reading order and the format's own metadata."""

    blocks: tuple[RawBlock, ...]
    hints: dict[str, str] = field(default_factory=dict)
    # Whether headings are marked up by the format (HTML, Markdown, Word styles, PDF font
    # sizes). Plain text has none, so short standalone lines are read as headings instead.
    marked_headings: bool = True


def has_marked_headings(blocks: list[RawBlock] | tuple[RawBlock, ...]) -> bool:
    """Whether a document sets its section headings apart (type size, bold, styles).

    A PDF or Word file typed as plain paragraphs has none; its short standalone lines are
    then read as headings, as in plain text.
    """
    return any(b.kind == "heading" and not b.title_like for b in blocks)


_LOOKS_HTML = re.compile(r"\A\s*(?:<!doctype html|<html\b|<head\b|<body\b)", re.I)


def read(source: Source) -> Reading:
    """The reader for the source's format."""
    fmt = source.fmt
    if fmt == "pdf":
        from briefgen.analysis.readers.pdf import read_pdf

        return read_pdf(source)
    if fmt == "docx":
        from briefgen.analysis.readers.docx import read_docx

        return read_docx(source)
    text = source.text.replace("\x00", "")
    if fmt != "html" and _LOOKS_HTML.match(text):
        fmt = "html"  # a web page saved under a .txt or .md name
    if fmt == "html":
        from briefgen.analysis.readers.html import read_html

        return read_html(text)
    if fmt == "md":
        from briefgen.analysis.readers.markdown import read_markdown

        return read_markdown(text)
    from briefgen.analysis.readers.text import read_text

    return read_text(text)
