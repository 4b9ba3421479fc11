"""PDF: the text layer read line by line with pdfplumber (MIT), rebuilt into paragraphs.

A PDF holds positioned lines, not paragraphs. This reader puts them back together the way
a reader's eye does:

1. Lines that repeat at the same height on several pages are running headers and footers,
   and a lone number (or "Page 3 of 9") in the top or bottom margin is a page number: out.
2. Type bigger than the body's (or bold, short lines of body size) is a heading; the
   biggest on the first page is the title. Small type below a page's text is a footnote:
   set aside, never body.
3. Body lines join into a paragraph until a wider gap, an indented first line, or a line
   that stops short of the column's right edge. A paragraph runs on across a page break.
4. A word broken at a line end ("regulat-" / "ory") is joined again: soft hyphens and
   U+2010 always, an ASCII hyphen when the next line goes on in lower case and the document
   never writes the word with that hyphen elsewhere. The words are otherwise as printed.

Metadata: the document info (title, author, dates) is a fallback; the first page's own
title, byline and date lines win, because document info is often a template's leftover.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

from briefgen.analysis import clean_rules as R
from briefgen.analysis.dates import iso_date
from briefgen.analysis.readers import RawBlock, Reading, has_marked_headings, norm
from briefgen.errors import InputError
from briefgen.model import Source


@dataclass(frozen=True)
class Line:
    """One printed line: its text and where and how it is set."""

    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    text: str
    size: float  # the commonest character size on the line
    bold: bool  # most of its characters are set in a bold face
    page_height: float
    wide_gaps: int = 0  # gaps between characters as wide as a table's column gap
    word_gaps: int = 0  # ordinary spaces between words


def read_pdf(source: Source) -> Reading:
    """Blocks and hints of a PDF; a one-line error for a PDF with no text to read."""
    lines, info = _lines(source)
    if not lines:
        raise InputError(
            f"{source.path}: this PDF has no text layer (a scan or images of pages); "
            "briefgen does not run OCR: run OCR on it first (for example ocrmypdf) or save the text as .txt"
        )
    lines = _without_running_lines(lines)
    body_size = _body_size(lines)
    blocks = _blocks(lines, body_size)
    hints = _info_hints(info)
    title = next((b.text for b in blocks if b.title_like), None)
    if title:
        hints["title"] = title  # the title's type says so, wherever it stands (below a saved page's menus)
    return Reading(tuple(blocks), hints, marked_headings=has_marked_headings(blocks))


def _lines(source: Source) -> tuple[list[Line], dict[str, object]]:
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(source.data))
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds; the user needs one line
        raise _unreadable(source, exc) from None
    out: list[Line] = []
    with pdf:
        info = dict(pdf.metadata or {})
        try:
            for n, page in enumerate(pdf.pages):
                # A superscript ("21st", a note mark) sits a few points above its line: the
                # tolerance keeps it on the line instead of making it a line of its own.
                for raw in page.extract_text_lines(return_chars=True, strip=True, y_tolerance=R.PDF_LINE_TOLERANCE):
                    text = norm(raw["text"])
                    chars = [c for c in raw["chars"] if c["text"].strip()]
                    if not text or not chars:
                        continue
                    sizes = Counter(round(float(c["size"]), 1) for c in chars)
                    bold = sum(1 for c in chars if R.PDF_BOLD_FONT.search(str(c.get("fontname", "")))) > len(chars) / 2
                    size = sizes.most_common(1)[0][0]
                    gaps = [float(b["x0"]) - float(a["x1"]) for a, b in zip(chars, chars[1:])]
                    wide = sum(1 for g in gaps if g > size * R.PDF_CELL_GAP)
                    words = sum(1 for g in gaps if size * 0.15 < g <= size * R.PDF_CELL_GAP)
                    out.append(Line(n, float(raw["top"]), float(raw["bottom"]), float(raw["x0"]), float(raw["x1"]),
                                    text, size, bold, float(page.height), wide, words))
        except Exception as exc:  # noqa: BLE001
            raise _unreadable(source, exc) from None
    return out, info


def _unreadable(source: Source, exc: Exception) -> InputError:
    """The one-line error for a PDF pdfminer cannot open."""
    what = f"{type(exc).__name__} {exc!r}".lower()
    if "password" in what or "encrypt" in what:
        return InputError(f"{source.path}: this PDF is password-protected; save an unprotected copy")
    return InputError(f"{source.path}: not a readable PDF (the file is damaged or cut short)")


def _key(text: str) -> str:
    """A line's text with its numbers blanked: "Page 3 of 9" and "Page 4 of 9" are one line."""
    return re.sub(r"\d+", "#", text.casefold())


def _in_margin(line: Line) -> bool:
    return line.top < line.page_height * R.PDF_MARGIN_BAND or line.bottom > line.page_height * (1 - R.PDF_MARGIN_BAND)


def _without_running_lines(lines: list[Line]) -> list[Line]:
    """Lines without running headers, running footers and page numbers."""
    pages = len({line.page for line in lines})
    seen: dict[tuple[str, int], set[int]] = {}
    for line in lines:
        if _in_margin(line):
            seen.setdefault((_key(line.text), round(line.top / R.PDF_SAME_HEIGHT)), set()).add(line.page)
    need = max(2, int(pages * R.PDF_RUNNING_SHARE))

    def running(line: Line) -> bool:
        if not _in_margin(line):
            return False
        if R.PDF_PAGE_NUMBER.match(line.text):
            return True
        slot = round(line.top / R.PDF_SAME_HEIGHT)
        found: set[int] = set()
        for near in (slot - 1, slot, slot + 1):  # a line near a slot's edge may round either way
            found |= seen.get((_key(line.text), near), set())
        return len(found) >= need

    return [line for line in lines if not running(line)]


def _body_size(lines: list[Line]) -> float:
    """The type size most of the text is set in."""
    weight: Counter[float] = Counter()
    for line in lines:
        weight[line.size] += len(line.text)
    return weight.most_common(1)[0][0]


def _blocks(lines: list[Line], body_size: float) -> list[RawBlock]:
    """Lines into headings, paragraphs and footnotes, in reading order."""
    body = [ln for ln in lines if abs(ln.size - body_size) < 0.5 and not ln.bold]
    left = Counter(round(ln.x0) for ln in body).most_common(1)[0][0] if body else min(ln.x0 for ln in lines)
    right = _right_edge(body or lines)
    gaps = [b.top - a.top for a, b in zip(body, body[1:]) if a.page == b.page and 0 < b.top - a.top < body_size * 3]
    step = Counter(round(g, 0) for g in gaps).most_common(1)[0][0] if gaps else body_size * 1.2
    heading_sizes = sorted({ln.size for ln in lines if ln.size >= body_size * R.PDF_HEADING_RATIO}, reverse=True)
    footnotes = _footnote_lines(lines, body_size)
    hyphenated: set[str] | None = _hyphenated_words(lines)
    # A document that marks its own breaks (soft hyphens, U+2010) prints an ASCII hyphen at
    # a line's end only where the word has one ("full-" / "scale").
    marks_breaks = any(ln.text.endswith(_BREAK_HYPHENS) for ln in lines)
    if marks_breaks:
        hyphenated = None  # every line-end ASCII hyphen is the word's own
    # The title is set in type no other heading of the document uses, on the first page.
    title_size = heading_sizes[0] if heading_sizes and sum(
        1 for ln in lines if ln.size == heading_sizes[0] and ln.page > 0) == 0 else None

    out: list[RawBlock] = []
    para: list[Line] = []
    head: list[Line] = []

    def flush_para() -> None:
        if para:
            # A bullet is the list's markup, as in HTML; a number ("1.") is kept as printed.
            text = R.PDF_BULLET.sub("", _join(para, hyphenated))
            out.append(RawBlock("paragraph", text, lines=tuple(ln.text for ln in para)))
            para.clear()

    def flush_head() -> None:
        if head:
            size = head[0].size
            level = heading_sizes.index(size) + 1 if size in heading_sizes else len(heading_sizes) + 1
            # ... and stands above the text: no paragraph of prose comes before it.
            title_like = head[0].page == 0 and size == title_size and not any(
                (b.kind == "heading" and b.title_like) or (b.kind == "paragraph" and len(b.text) > R.SHORT_BLOCK)
                for b in out)
            out.append(RawBlock("heading", _join(head, hyphenated), level=level, title_like=title_like))
            head.clear()

    prev: Line | None = None
    for line in lines:
        if id(line) in footnotes:
            continue
        if _table_row(line, body_size):
            flush_para()  # a table row: data, not prose (its cells would read in the wrong order)
            flush_head()
            prev = None
            continue
        if _is_heading(line, body_size, left, right):
            flush_para()
            if head and (line.size != head[-1].size or line.page != head[-1].page or line.top - head[-1].bottom > line.size):
                flush_head()
            head.append(line)
            prev = line
            continue
        flush_head()
        if para and (prev is None or _starts_paragraph(para[0], prev, line, left, right, step)):
            flush_para()
        para.append(line)
        prev = line
    flush_para()
    flush_head()
    notes = [ln for ln in lines if id(ln) in footnotes]
    out.extend(RawBlock("paragraph", text, aside=True) for text in _footnote_texts(notes, hyphenated))
    return out


def _right_edge(lines: list[Line]) -> float:
    """The column's right edge: where justified lines end (the commonest end), else where
    most lines of ragged text reach. Never the widest line: a table or a figure wider than
    the column would make every line of prose look short."""
    ends = Counter(round(ln.x1 / 2) * 2 for ln in lines)
    edge, count = ends.most_common(1)[0]
    if count >= len(lines) * R.PDF_JUSTIFIED_SHARE:
        return float(edge)
    ranked = sorted(ln.x1 for ln in lines)
    return ranked[int(len(ranked) * R.PDF_RIGHT_EDGE_RANK)]


def _table_row(line: Line, body_size: float) -> bool:
    """A line of table cells: text in body type or smaller with a column-wide gap, where the
    other gaps are word spaces (a justified line of two or three long words has only wide
    gaps, all alike)."""
    return line.wide_gaps > 0 and line.size < body_size * R.PDF_HEADING_RATIO and (
        line.word_gaps > 0 or line.wide_gaps == 1)


def _is_heading(line: Line, body_size: float, left: float, right: float) -> bool:
    if line.size >= body_size * R.PDF_HEADING_RATIO:
        return len(line.text) <= R.TITLE_MAX_CHARS
    # Bold body-size type on a short line of its own: a run-in subheading.
    return line.bold and abs(line.size - body_size) < 0.5 and line.x1 < left + (right - left) * 0.75 \
        and len(line.text) <= R.HEADING_MAX_CHARS and line.text[-1] not in R.HEADING_END_PUNCT


def _starts_paragraph(first: Line, prev: Line, line: Line, left: float, right: float, step: float) -> bool:
    """Whether ``line`` opens a new paragraph after ``prev`` (``first``: the paragraph's first line)."""
    width = right - left
    short = prev.x1 < right - width * R.PDF_SHORT_LINE
    if R.PDF_LIST_MARK.match(line.text):
        return True  # a new list item
    # A list item's lines hang under its text, to the right of its marker.
    hanging = R.PDF_LIST_MARK.match(first.text) is not None and line.x0 > first.x0
    if line.page != prev.page:
        return short or (line.x0 > left + R.PDF_INDENT and not hanging)
    if line.top - prev.top > step * R.PDF_GAP_RATIO:
        return True
    if not hanging and line.x0 > prev.x0 + R.PDF_INDENT and line.x0 < left + width / 3:
        return True  # an indented first line
    return short


def _footnote_lines(lines: list[Line], body_size: float) -> set[int]:
    """Small type below the last body line of a page: footnotes (ids of the lines)."""
    notes: set[int] = set()
    by_page: dict[int, list[Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    for page_lines in by_page.values():
        last_body = max((ln.bottom for ln in page_lines if ln.size >= body_size - 0.5), default=0.0)
        for line in page_lines:
            if line.size <= body_size * R.PDF_FOOTNOTE_RATIO and line.top >= last_body:
                notes.add(id(line))
    return notes


def _footnote_texts(notes: list[Line], hyphenated: set[str] | None) -> list[str]:
    """Footnote lines joined into one text per note (a note opens with its number or mark)."""
    texts: list[list[Line]] = []
    for line in notes:
        if not texts or R.PDF_NOTE_START.match(line.text):
            texts.append([line])
        else:
            texts[-1].append(line)
    return [_join(group, hyphenated) for group in texts]


_BREAK_HYPHENS = ("\u00ad", "\u2010")  # soft hyphen, HYPHEN: set only where a word was broken


def _hyphenated_words(lines: list[Line]) -> set[str]:
    """Words the document writes with an ASCII hyphen inside a line ("well-known")."""
    found: set[str] = set()
    for line in lines:
        found.update(m.group(0).casefold() for m in re.finditer(r"\b\w+-\w+\b", line.text))
    return found


def _join(lines: list[Line], hyphenated: set[str] | None) -> str:
    """Lines into one text; a word broken at a line's end is whole again.

    ``hyphenated``: the compounds the document writes with an ASCII hyphen, whose line-end
    hyphen is kept; None keeps every line-end ASCII hyphen.
    """
    out = ""
    for line in lines:
        text = line.text
        if not out:
            out = text
            continue
        if out.endswith(_BREAK_HYPHENS) and text[:1].isalpha():
            out = out[:-1] + text
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha() and text[:1].islower():
            head = re.search(r"(\w+)-$", out)
            tail = re.match(r"\w+", text)
            compound = f"{head.group(1)}-{tail.group(0)}".casefold() if head and tail else ""
            out = out + text if hyphenated is None or compound in hyphenated else out[:-1] + text
        elif out.endswith(("-", "–", "—", "/")) and not out.endswith(" -"):
            out = out + text  # "Russia-" / "China": a compound or a dash, not a space
        else:
            out = out + " " + text
    return norm(out.replace("\u00ad", ""))


def _info_hints(info: dict[str, object]) -> dict[str, str]:
    """Fallbacks from the document info: the first page's own lines win over these."""
    hints: dict[str, str] = {}
    title = _info_text(info.get("Title"))
    if title and not R.PDF_JUNK_TITLE.search(title):
        hints["page_title"] = title
    author = _info_text(info.get("Author"))
    if author and not R.PDF_JUNK_AUTHOR.match(author):
        hints["file_author"] = author
    for key in ("CreationDate", "ModDate"):
        date = iso_date(_info_text(info.get(key)) or "")
        if date:
            hints["file_date"] = date
            break
    return hints


def _info_text(value: object) -> str | None:
    if isinstance(value, bytes):
        for enc in ("utf-16", "utf-8", "latin-1"):
            try:
                value = value.decode(enc)
                break
            except UnicodeDecodeError:
                continue
    if not isinstance(value, str):
        return None
    text = norm(value.replace("\x00", ""))
    return text or None
