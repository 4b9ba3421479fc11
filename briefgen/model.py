"""The read-only data model that every stage passes along.

Each stage takes frozen values and returns new frozen values (tuples, never lists), so
that a stage can be tested with a literal input and a literal expected output, and so
that nothing is filled in behind another stage's back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Format = Literal["txt", "md", "html", "pdf", "docx"]
BlockKind = Literal["paragraph", "heading"]
QuoteKind = Literal["statement", "term"]


@dataclass(frozen=True)
class Source:
    """An article as read from disk: decoded text plus where it came from."""

    path: str  # as the user named it, for error messages
    stem: str  # file name without extension; the briefing slug derives from it
    fmt: Format
    text: str  # decoded, newline-normalised text, still with its markup ("" for pdf and docx)
    data: bytes = b""  # the file's bytes, for the binary formats (pdf, docx) only


@dataclass(frozen=True)
class Meta:
    """What the article says about itself."""

    title: str | None = None
    author: str | None = None
    organisation: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    source_url: str | None = None


@dataclass(frozen=True)
class Block:
    """One block of cleaned body text: a paragraph or a heading, markup removed."""

    kind: BlockKind
    text: str
    speaker: str | None = None  # transcript label ("PRESIDENT BIDEN") that opened this turn
    links: tuple[tuple[str, str], ...] = ()  # (anchor text, safe href) pairs kept from HTML
    level: int = 0  # a heading's level as the format marks it (h2 -> 2); 0 when unknown or a paragraph


@dataclass(frozen=True)
class Document:
    """The cleaned article: metadata, body blocks in order, and the boilerplate set aside."""

    meta: Meta
    blocks: tuple[Block, ...]
    # Text removed as boilerplate (bios, disclaimers). Not body, but still the article's
    # own words: acronyms and the author are often defined only there.
    aside: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sentence:
    """A sentence, as a verbatim slice of its paragraph's text."""

    text: str
    start: int  # offset into Paragraph.text


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph with its stable id (p1..pn)."""

    id: str
    text: str
    sentences: tuple[Sentence, ...]
    heading: str | None = None  # the heading directly above it, if any
    speaker: str | None = None  # transcript speaker whose turn this paragraph belongs to
    links: tuple[tuple[str, str], ...] = ()
    chapter: str | None = None  # the chapter heading it stands under, in a document with chapters


@dataclass(frozen=True)
class Section:
    """A friction area as the segmenter found it: a contiguous run of paragraphs."""

    title: str
    slug: str
    paragraphs: tuple[str, ...]  # paragraph ids, contiguous and in order
    chapter: str | None = None  # the chapter it belongs to, in a document with chapters


@dataclass(frozen=True)
class Themes:
    """How the segmenter divided an article: its opening context, then its themes."""

    context: tuple[str, ...]  # paragraph ids of the opening before the first theme
    sections: tuple[Section, ...]
    note: bool = False  # a text too short to divide: one page, no areas


@dataclass(frozen=True)
class Quote:
    """A direct quotation: the words inside the marks, verbatim."""

    text: str
    paragraph: str  # paragraph id
    kind: QuoteKind
    speaker: str | None = None
    role: str | None = None  # "a professor at the Central Institute", when the text gives it
    start: int = 0  # offset of text inside its paragraph


@dataclass(frozen=True)
class Extract:
    """A summary sentence: verbatim, with the paragraph it came from."""

    text: str
    paragraph: str


@dataclass(frozen=True)
class GlossaryEntry:
    """An acronym the article defines."""

    term: str
    expansion: str


@dataclass(frozen=True)
class Entities:
    """Names an area mentions, by kind; used as page tags."""

    people: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


@dataclass(frozen=True)
class Area:
    """A friction area with everything shown on its page."""

    slug: str
    title: str
    paragraphs: tuple[str, ...]
    summary: tuple[Extract, ...]
    quotes: tuple[int, ...]  # indexes into Briefing.quotes
    entities: Entities = field(default_factory=Entities)
    chapter: str | None = None  # the chapter heading it stands under, in a document with chapters


@dataclass(frozen=True)
class Context:
    """The opening before the article's first theme, shown on the overview rather than as an area.

    For a note (a text too short to divide) it is the whole text.
    """

    paragraphs: tuple[str, ...] = ()
    summary: tuple[Extract, ...] = ()  # its own sentences, verbatim


@dataclass(frozen=True)
class Briefing:
    """Everything known about one article, ready to render."""

    slug: str
    source: Source
    meta: Meta
    paragraphs: tuple[Paragraph, ...]
    areas: tuple[Area, ...]
    quotes: tuple[Quote, ...]
    glossary: tuple[GlossaryEntry, ...]
    summary: tuple[Extract, ...]  # the overview's bottom line, 3-5 sentences
    context: Context = field(default_factory=Context)
    note: bool = False  # a very short text: one page, its sentences on the overview, no areas

    def paragraph(self, pid: str) -> Paragraph:
        """The paragraph with id ``pid``."""
        return self.paragraphs[int(pid[1:]) - 1]


@dataclass(frozen=True)
class Failure:
    """A seed that could not be turned into a briefing, and why."""

    path: str
    message: str


@dataclass(frozen=True)
class Page:
    """A rendered file, relative to the docs folder."""

    path: str  # posix, relative to docs/
    content: str
