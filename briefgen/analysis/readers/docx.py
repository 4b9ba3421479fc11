"""Word (.docx): the body's paragraphs, headings and tables, read with python-docx (MIT).

Headers, footers, footnotes and comments live in other parts of the file and are never
read, so running heads and page numbers cannot reach the body. Styles say what a
paragraph is: "Title" is the title, "Heading N" a heading of level N; a paragraph set all
in bold on its own is a subheading, as in HTML. Tables are judged as HTML tables are: a
table of short cells is data or metadata ("Author: ..." rows are read), a table of long
cells is a layout holding paragraphs.

The document's core properties give a fallback title and author; their dates are left
out, since they say when the file was made (often from a template), not when the article
was written.
"""

from __future__ import annotations

import io
import re
import zipfile

from briefgen.analysis import clean_rules as R
from briefgen.analysis.readers import RawBlock, Reading, has_marked_headings, norm
from briefgen.errors import InputError
from briefgen.model import Source

_HEADING_STYLE = re.compile(r"(?i)^heading\s*(\d)$")


def read_docx(source: Source) -> Reading:
    """Blocks and hints of a Word document."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(source.data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise InputError(f"{source.path}: not a readable Word .docx file (damaged, or another kind of ZIP)") from None
    blocks: list[RawBlock] = []
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):
            blocks.extend(_table(item))
        else:
            block = _paragraph(item)
            if block is not None:
                blocks.append(block)
    hints = _core_hints(document)
    title = next((b.text for b in blocks if b.title_like), None)
    if title:
        hints["title"] = title  # the Title style says so, wherever it stands (after a saved page's menus)
    return Reading(tuple(blocks), hints, marked_headings=has_marked_headings(blocks))


def _paragraph(par: object) -> RawBlock | None:
    text = norm(par.text)  # type: ignore[attr-defined]
    if not text:
        return None
    style = str(getattr(getattr(par, "style", None), "name", "") or "")
    if style.lower() == "title":
        return RawBlock("heading", text, level=1, title_like=True)
    if style.lower() == "subtitle":
        return RawBlock("heading", text, level=2)
    heading = _HEADING_STYLE.match(style)
    if heading:
        level = int(heading.group(1))
        return RawBlock("heading", text, level=level, title_like=False)
    links = tuple(
        (norm(h.text), h.url) for h in getattr(par, "hyperlinks", ())
        if h.text and h.url and h.url.lower().startswith(R.SAFE_LINK_SCHEMES)
    )
    runs = [r for r in par.runs if r.text.strip()]  # type: ignore[attr-defined]
    if runs and all(r.bold for r in runs) and len(text) <= R.HEADING_MAX_CHARS and text[-1] not in R.HEADING_END_PUNCT:
        return RawBlock("heading", text, level=4)
    link_chars = sum(len(t) for t, _ in links)
    return RawBlock("paragraph", text, links, link_chars=link_chars)


def _table(table: object) -> list[RawBlock]:
    rows = [[norm(cell.text) for cell in row.cells] for row in table.rows]  # type: ignore[attr-defined]
    cells = [c for row in rows for c in row if c]
    if not cells:
        return []
    if max(len(c) for c in cells) >= R.TABLE_PROSE_CELL:
        return [RawBlock("paragraph", c) for c in dict.fromkeys(cells)]  # merged cells repeat
    lines = []
    for row in rows:
        row = list(dict.fromkeys(c for c in row if c))
        if len(row) >= 2:
            line = f"{row[0].rstrip(':').strip()}: {' '.join(row[1:])}"
            if R.META_TABLE_KEYS.match(line):
                lines.append(line)
    if lines:
        return [RawBlock("paragraph", norm(" ".join(lines)), lines=tuple(lines), meta_table=True)]
    return []


def _core_hints(document: object) -> dict[str, str]:
    props = document.core_properties  # type: ignore[attr-defined]
    hints: dict[str, str] = {}
    title = norm(props.title or "")
    if title and not R.PDF_JUNK_TITLE.search(title):
        hints["page_title"] = title
    author = norm(props.author or "")
    if author and not R.PDF_JUNK_AUTHOR.match(author):
        hints["file_author"] = author
    return hints
