"""Markdown: front matter and metadata rows to hints, then the same main-content step as HTML.

Markdown saved from a web page keeps the page's furniture as text: navigation and
breadcrumb rows of links, share rows, a metadata table ("Authors:", "Publication Date:"),
version lists. Rendered to HTML by Python-Markdown, it goes through trafilatura's
main-content step like any page, and its blocks are judged by the same rules. Inline
Markdown (``**bold**``, links, code) is markup to the renderer, so it never reaches a
paragraph as literal syntax.
"""

from __future__ import annotations

import re

import yaml

from briefgen.analysis import clean_rules as R
from briefgen.analysis.readers import RawBlock, Reading, norm

# Python-Markdown extensions: tables (metadata tables are read, data tables dropped),
# fenced code (not article prose), footnotes (kept out of the body), sane lists.
EXTENSIONS = ("tables", "fenced_code", "footnotes", "sane_lists")


def read_markdown(text: str) -> Reading:
    """Blocks and hints of a Markdown article."""
    data, body = front_matter(text)
    hints = hints_from_mapping(data)
    body = _without_raw_embeds(body)
    rows, body = meta_rows(body)
    for key, value in hints_from_mapping(rows).items():
        hints.setdefault(key, value)
    html = _render(body)
    from briefgen.analysis.readers.html import main_content_blocks

    blocks = main_content_blocks(html)
    if rows:
        lines = tuple(f"{k}: {v}" for k, v in rows.items())
        blocks = (RawBlock("paragraph", norm(" ".join(lines)), lines=lines, meta_table=True),) + blocks
    return Reading(blocks, hints)


def _render(body: str) -> str:
    import markdown

    # "**Lebanon. **": web-to-Markdown converters leave the space inside the closing marker,
    # which Markdown then prints as literal asterisks. The space goes outside; the words stay.
    body = R.MD_LOOSE_STRONG.sub(r"\1\2\1\3", body)
    return "<html><body><article>" + markdown.markdown(body, extensions=list(EXTENSIONS), output_format="html") + "</article></body></html>"


def _without_raw_embeds(body: str) -> str:
    """Raw <script>/<iframe>/... blocks dropped, so no stray tag can swallow the article.

    An element that is never closed ends at the next blank line.
    """
    out: list[str] = []
    dropping: str | None = None
    for line in body.split("\n"):
        if dropping is not None:
            end = line.lower().find(dropping)
            if end < 0:
                if not line.strip():
                    dropping = None
                    out.append("")
                continue
            gt = line.find(">", end)
            line = line[gt + 1:] if gt >= 0 else ""
            dropping = None
        kept, dropping = _drop_raw_elements(line)
        out.append(kept)
    return "\n".join(out)


def _drop_raw_elements(line: str) -> tuple[str, str | None]:
    """A line without its raw <script>/<iframe>/... elements and their content.

    Returns the line and, when an element is still open at its end, the closing tag that
    ends it on a later line. One pass: every search starts where the last one ended.
    """
    out: list[str] = []
    low = line.lower()
    pos = 0
    while True:
        m = R.MD_RAW_DROP_OPEN.search(line, pos)
        if m is None:
            out.append(line[pos:])
            return "".join(out), None
        out.append(line[pos:m.start()])
        close = f"</{m.group(1).lower()}"
        end = low.find(close, m.end())
        if end < 0:
            return "".join(out), close
        gt = line.find(">", end)
        pos = len(line) if gt < 0 else gt + 1


def meta_rows(body: str) -> tuple[dict[str, str], str]:
    """Metadata rows ("Authors: X", "| Publication Date: | Y |", "**Source:** Z") read and taken out.

    Only whole lines whose key is a metadata key (``clean_rules.META_ROW``) count; a line
    may hold several pairs ("Report No.: IN1 Version: 4 Source: https://...").
    """
    found: dict[str, str] = {}
    kept: list[str] = []
    for line in body.split("\n"):
        plain = _plain_row(line)
        pairs = split_meta_pairs(plain) if plain and len(plain) <= R.META_ROW_MAX else None
        if pairs:
            for key, value in pairs:
                found.setdefault(key, value)
            continue
        kept.append(line)
    return found, "\n".join(kept)


def split_meta_pairs(text: str) -> list[tuple[str, str]] | None:
    """``Key: value`` pairs of a metadata line, or None when the line is not one."""
    starts = list(R.META_ROW_KEY.finditer(text))
    if not starts or starts[0].start() != 0:
        return None
    pairs = []
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
        value = text[m.end():end].strip(" |;,")
        if not value:
            return None
        pairs.append((m.group("key").strip().lower(), value))
    if len(pairs) == 1 and pairs[0][0] == "source" and not pairs[0][1].lower().startswith(("http://", "https://")):
        return None  # "Source: Reuters" under a chart is a credit line, not the article's publisher
    return pairs


def _plain_row(line: str) -> str:
    """A line without table pipes, emphasis and link markup: "| **Authors:** | [X](u) |" -> "Authors: X"."""
    text = line.strip()
    if not text:
        return ""
    if text.startswith("|"):
        cells = [c.strip() for c in text.strip("|").split("|")]
        if all(re.fullmatch(r":?-{3,}:?", c) or not c for c in cells):
            return ""
        cells = [c for c in cells if c]
        if len(cells) >= 2 and not cells[0].rstrip("*_ ").endswith(":"):
            cells[0] += ":"
        text = " ".join(cells)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    return norm(text.lstrip("-*+> ").strip())


def front_matter(text: str) -> tuple[dict[str, object], str]:
    """Split YAML front matter off a Markdown text; broken YAML is read line by line."""
    m = R.FRONT_MATTER.match(text)
    if m:
        body = text[m.end():]
        try:
            data = yaml.safe_load(m.group(1))
        except yaml.YAMLError:
            data = None
        if not isinstance(data, dict):
            data = _loose_front_matter(m.group(1).split("\n"))
        return data, body
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        # Opened but never closed: take the key: value lines that follow.
        n = 1
        while n < len(lines) and re.match(r"^[A-Za-z_][\w-]*\s*:", lines[n]):
            n += 1
        if n > 1:
            return _loose_front_matter(lines[1:n]), "\n".join(lines[n:])
    return {}, text


def _loose_front_matter(lines: list[str]) -> dict[str, object]:
    """``key: value`` lines read without YAML, for front matter YAML cannot parse."""
    out: dict[str, object] = {}
    for line in lines:
        m = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", line)
        if m and m.group(2).strip():
            out[m.group(1)] = m.group(2).strip().strip("\"'[]{}")
    return out


def hints_from_mapping(data: dict[str, object]) -> dict[str, str]:
    """Meta fields from front matter or metadata rows, under any of their usual key names."""
    from briefgen.analysis.dates import as_text

    hints: dict[str, str] = {}
    lowered = {str(k).lower(): v for k, v in data.items()}
    for field, keys in R.FRONT_MATTER_KEYS.items():
        for key in keys:
            value = as_text(lowered.get(key), field)
            if value and field in ("author", "organisation") and value.lower().startswith(("http://", "https://")):
                continue  # a link, not a name
            if value and field == "source_url" and not value.lower().startswith(("http://", "https://")):
                continue  # javascript:, data: and the like must never become the article's link
            if value:
                hints[field] = value
                break
    return hints
