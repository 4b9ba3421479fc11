"""Plain text: blank lines separate blocks; hard-wrapped lines inside a block are joined."""

from __future__ import annotations

import re

from briefgen.analysis import clean_rules as R
from briefgen.analysis.dates import iso_date
from briefgen.analysis.readers import RawBlock, Reading, norm


def read_text(text: str) -> Reading:
    """Blocks of a plain-text article; it carries no metadata of its own beyond its lines."""
    return Reading(tuple(text_blocks(text)), {}, marked_headings=False)


def text_blocks(text: str) -> list[RawBlock]:
    """Plain text into paragraph blocks (also used for text a PDF or Word file holds)."""
    out: list[RawBlock] = []
    for chunk in re.split(r"\n[ \t\f\v]*\n", text):
        lines = tuple(s for s in (line.strip() for line in chunk.split("\n")) if s)
        if not lines:
            continue
        if len(lines) > 1 and all(R.META_TABLE_KEYS.match(line) for line in lines):
            out.append(RawBlock("paragraph", norm(" ".join(lines)), lines=lines, meta_table=True))
            continue
        headers = len(lines) > 1 and any(map(header_line, lines))
        if len(lines) > 1 and (any(len(line) > R.WRAP_WIDTH for line in lines[:-1])
                               or (headers and len(lines) < R.WRAP_MIN_LINES)):
            # Not hard-wrapped: one paragraph per line.
            out.extend(RawBlock("paragraph", norm(line), lines=(line,)) for line in lines)
        else:
            for group in _wrapped_paragraphs(lines):
                out.append(RawBlock("paragraph", norm(" ".join(group)), lines=group))
    return out


def _wrapped_paragraphs(lines: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A hard-wrapped block cut where a line had room for more, and around bylines and date lines.

    This is how a text with no blank lines at all still gets its paragraphs.
    """
    if len(lines) < R.WRAP_MIN_LINES:
        return [lines]
    width = max(len(line) for line in lines)
    groups: list[tuple[str, ...]] = []
    start = 0
    for i, line in enumerate(lines):
        if header_line(line):
            if start < i:
                groups.append(lines[start:i])
            groups.append((line,))
            start = i + 1
        elif i < len(lines) - 1 and len(line) + 1 + len(lines[i + 1].split(" ", 1)[0]) <= width:
            groups.append(lines[start:i + 1])
            start = i + 1
    if start < len(lines):
        groups.append(lines[start:])
    return groups


def header_line(line: str) -> bool:
    """A byline, date line or report header: never part of a wrapped paragraph."""
    if len(line) > 80:
        return False
    if line.startswith("By ") and R.BYLINE.match(line):
        return True
    return bool((R.DATE_LINE.match(line) or R.REPORT_HEADER.match(line)) and line[0].isupper() and iso_date(line))
