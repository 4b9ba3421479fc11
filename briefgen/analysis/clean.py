"""Clean: strip markup and boilerplate from a Source; pull out title, author, organisation, date.

Two steps, as a reader would take them:

1. Read the format into raw blocks (paragraphs and headings, markup gone) plus the
   metadata the format itself carries (YAML front matter, HTML ``<meta>`` tags).
2. Judge every block the same way whatever the format: chrome is dropped, prose about
   the article (bios, disclaimers, disclosures) is set aside, transcript labels become
   speakers, and the rest is body. Metadata is read from what was dropped or set aside.

The patterns are data in ``clean_rules``. Body text is the source's own words: only
markup is removed and runs of whitespace are collapsed.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, replace

from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from bs4 import BeautifulSoup
    from bs4.element import Tag

from briefgen.analysis import clean_rules as R
from briefgen.analysis.segment import split_sentences
from briefgen.model import Block, BlockKind, Document, Meta, Source

_WS = re.compile(r"\s+")
_LOOKS_HTML = re.compile(r"\A\s*(?:<!doctype html|<html\b|<head\b|<body\b)", re.I)


@dataclass(frozen=True)
class _Raw:
    """A block as the format gave it, before it is judged."""

    kind: BlockKind
    text: str
    links: tuple[tuple[str, str], ...] = ()
    level: int = 0  # heading level, 0 for paragraphs
    title_like: bool = False  # h1, or an element whose class says title/headline
    lines: tuple[str, ...] = ()  # the source lines of a plain-text block
    meta_table: bool = False  # "Key: value" lines, read into the metadata and dropped
    aside: bool = False  # furniture of a dropped table (caption, notes, source): set aside


def clean(source: Source) -> Document:
    """Turn a decoded source into body blocks plus metadata."""
    text = source.text.replace("\x00", "")
    fmt = source.fmt
    if fmt != "html" and _LOOKS_HTML.match(text):
        fmt = "html"  # a web page saved under a .txt or .md name
    if fmt == "html":
        raws, hints = _read_html(text)
    elif fmt == "md":
        raws, hints = _read_markdown(text)
    else:
        raws, hints = _read_text(text), {}
    return _judge(raws, hints, fmt)


# --- formats --------------------------------------------------------------------------


def _norm(text: str) -> str:
    """Collapse runs of whitespace to one space; nothing else changes."""
    return _WS.sub(" ", text).strip()


def _read_text(text: str) -> list[_Raw]:
    """Plain text: blank lines separate blocks; wrapped lines inside a block are joined."""
    out: list[_Raw] = []
    for chunk in re.split(r"\n[ \t\f\v]*\n", text):
        lines = tuple(s for s in (line.strip() for line in chunk.split("\n")) if s)
        if not lines:
            continue
        if len(lines) > 1 and all(R.META_TABLE_KEYS.match(line) for line in lines):
            out.append(_Raw("paragraph", _norm(" ".join(lines)), lines=lines, meta_table=True))
            continue
        headers = len(lines) > 1 and any(map(_header_line, lines))
        if len(lines) > 1 and (any(len(line) > R.WRAP_WIDTH for line in lines[:-1])
                               or (headers and len(lines) < R.WRAP_MIN_LINES)):
            # Not hard-wrapped: one paragraph per line.
            out.extend(_Raw("paragraph", _norm(line), lines=(line,)) for line in lines)
        else:
            for group in _wrapped_paragraphs(lines):
                out.append(_Raw("paragraph", _norm(" ".join(group)), lines=group))
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
        if _header_line(line):
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


def _header_line(line: str) -> bool:
    """A byline, date line or report header: never part of a wrapped paragraph."""
    if len(line) > 80:
        return False
    if line.startswith("By ") and R.BYLINE.match(line):
        return True
    return bool((R.DATE_LINE.match(line) or R.REPORT_HEADER.match(line)) and line[0].isupper() and _iso_date(line))


def _front_matter(text: str) -> tuple[dict[str, object], str]:
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


def _md_inline(text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Markdown inline markup replaced by its words; links kept as (text, href)."""
    links: list[tuple[str, str]] = []

    def link(m: re.Match[str]) -> str:
        if m.group(1).strip() and m.group(2).lower().startswith(R.SAFE_LINK_SCHEMES):
            links.append((_norm(_md_inline_plain(m.group(1))), m.group(2)))
        return m.group(1)

    text = R.MD_IMAGE.sub("", text)
    text = R.MD_LINK.sub(link, text)
    text = R.MD_REF_LINK.sub(r"\1", text)
    text = R.MD_AUTOLINK.sub("", text)
    text = R.MD_STRUCK.sub(r"\2", text)
    text = R.MD_HTML_TAG.sub(_md_tag_space, text)
    return _md_inline_plain(text), tuple(links)


def _md_tag_space(m: re.Match[str]) -> str:
    """A raw HTML tag removed: a block tag leaves a space, an inline one nothing."""
    name = re.match(r"</?([A-Za-z][A-Za-z0-9-]*)", m.group(0))
    return " " if name and name.group(1).lower() in R.MD_BLOCK_TAGS else ""


def _drop_raw_elements(line: str) -> tuple[str, str | None]:
    """A Markdown line without its raw <script>/<iframe>/... elements and their content.

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


def _md_inline_plain(text: str) -> str:
    """Emphasis, code and escapes replaced by their characters."""
    text = R.MD_CODE.sub(r"\1", text)
    text = R.MD_STRONG.sub(r"\2", text)
    text = R.MD_EM_STAR.sub(r"\1", text)
    text = R.MD_EM_UNDERSCORE.sub(r"\1", text)
    text = R.MD_STRIKE.sub(r"\1", text)
    return R.MD_ESCAPE.sub(r"\1", text)


def _read_markdown(text: str) -> tuple[list[_Raw], dict[str, str]]:
    """Markdown: front matter to hints, # headings to headings, the rest to paragraphs."""
    data, body = _front_matter(text)
    hints = _hints_from_mapping(data)
    out: list[_Raw] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            plain, links = _md_inline(" ".join(para))
            words = _norm(plain)
            if words:
                out.append(_Raw("paragraph", words, links, lines=tuple(para)))
            para.clear()

    fenced = False
    dropping: str | None = None  # closing tag of a raw <script>/<iframe> block still open
    for raw_line in body.split("\n"):
        line = raw_line.rstrip()
        if dropping is not None:
            end = line.lower().find(dropping)
            if end < 0:
                if not line.strip():
                    # A blank line ends an unclosed embed too, so one stray tag cannot swallow the article.
                    dropping = None
                    flush()
                continue
            gt = line.find(">", end)
            line = line[gt + 1:] if gt >= 0 else ""
            dropping = None
            if not line.strip():
                continue
        if R.MD_FENCE.match(line):
            flush()
            fenced = not fenced
            continue
        if fenced:
            continue  # code is not article prose
        line, dropping = _drop_raw_elements(line)
        if not line.strip():
            flush()
            continue
        heading = R.MD_HEADING.match(line)
        if heading:
            flush()
            words = _norm(_md_inline(heading.group(2))[0])
            if words:
                level = len(heading.group(1))
                out.append(_Raw("heading", words, level=level, title_like=level == 1))
            continue
        if para and len(para) == 1 and R.MD_SETEXT.match(line) and not R.MD_LIST_ITEM.match(para[0]):
            words = _norm(_md_inline(para[0])[0])
            para.clear()
            level = 1 if line.strip().startswith("=") else 2
            out.append(_Raw("heading", words, level=level, title_like=level == 1))
            continue
        if R.MD_RULE.match(line) or R.MD_REF_DEF.match(line):
            flush()
            continue
        if line.lstrip().startswith("|"):
            flush()
            continue  # a table row: data or metadata, not prose
        item = R.MD_LIST_ITEM.match(line)
        if item:
            flush()
            line = line[item.end():]
        quoted = R.MD_QUOTE_PREFIX.match(line)
        if quoted:
            line = line[quoted.end():]
        para.append(line.strip())
    flush()
    return out, hints


def _read_html(text: str) -> tuple[list[_Raw], dict[str, str]]:
    """HTML: block elements to blocks, inline tags removed without adding spaces."""
    # Imported here: BeautifulSoup is most of this module's import time, and only HTML
    # seeds need it (an incremental run that re-reads one .txt seed should not pay for it).
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "lxml")
    hints = _html_hints(soup)
    # A page's own <header>/<footer> is chrome, but inside <article> or <main> they
    # hold the title, byline and author note, which are judged like any other block.
    for tag in soup.find_all(("header", "footer")):
        if tag.find_parent(("article", "main")) is not None:
            tag.unwrap()
        elif tag.name == "footer" and "footer_org" not in hints:
            # The site footer's copyright line names the publisher.
            orgs = _organisations(_norm(tag.get_text(" ")))
            if orgs:
                hints["footer_org"] = orgs[0]
    # A <time> on its own (not inside a sentence) is a date stamp, already read as a hint.
    for tag in soup.find_all("time"):
        if tag.parent is not None and _norm(tag.parent.get_text()) == _norm(tag.get_text()) or \
                (tag.parent is not None and tag.parent.name in ("header", "article", "main", "body")):
            tag.extract()
    # extract(), not decompose(): a node inside an extracted one may come up again in
    # the list, and extracting it twice is harmless.
    for tag in soup.find_all(list(R.DROP_TAGS)):
        tag.extract()
    root = soup.body or soup
    # When the page marks its article, read only that (sidebars and comments stay out),
    # unless the mark holds too little of the page's text to be the whole article.
    total = len(root.get_text())
    for name in ("article", "main"):
        found = root.find_all(name)
        best = max(found, key=lambda t: len(t.get_text()), default=None)
        if best is not None and len(best.get_text()) >= R.ARTICLE_SHARE * total:
            root = best
            break
    furniture: list[_Raw] = []
    for table in root.find_all("table"):
        if _figure_box(table):
            furniture.extend(replace(r, kind="paragraph", aside=True) for r in _walk_html(table))
            table.extract()
            continue
        # A table of short cells is data or page metadata, not prose.
        if max((len(_norm(c.get_text())) for c in table.find_all(("td", "th"))), default=0) < 200:
            wrapper = table.parent
            table.extract()
            if _table_wrapper(wrapper, root):
                # Its caption, notes and source line belong to the table, not the body.
                furniture.extend(replace(r, kind="paragraph", aside=True) for r in _walk_html(wrapper))
                wrapper.extract()
    total = len(root.get_text())
    for tag in root.find_all(True):
        marks = " ".join(tag.get("class") or ()) + " " + str(tag.get("id") or "")
        if marks.strip() and R.CHROME_CLASS.search(marks) and len(tag.get_text()) < 0.25 * total:
            tag.extract()
    return _walk_html(root) + furniture, hints


def _figure_box(table: Tag) -> bool:
    """Whether a table is a captioned figure or table box ("Figure 1. ..." in its first cell)."""
    first = next((t for t in (_norm(c.get_text()) for c in table.find_all(("td", "th"), limit=4)) if t), "")
    return bool(R.TABLE_CAPTION.match(first))


def _table_wrapper(wrapper: object, root: Tag) -> bool:
    """Whether a dropped table's parent is a small box holding only its furniture."""
    from bs4.element import Tag

    return (
        isinstance(wrapper, Tag) and wrapper is not root and wrapper.name in R.TABLE_WRAPPER_TAGS
        and len(_norm(wrapper.get_text())) <= R.TABLE_FURNITURE_MAX_CHARS
    )


def _html_hints(soup: BeautifulSoup) -> dict[str, str]:
    """Metadata the page declares: <title>, <meta> tags, the canonical link."""
    hints: dict[str, str] = {}
    names = {
        "author": "author", "article:author": "author", "dc.creator": "author", "byl": "author",
        "og:site_name": "organisation", "publisher": "organisation", "dc.publisher": "organisation",
        "article:published_time": "date", "date": "date", "dc.date": "date", "pubdate": "date",
        "og:url": "source_url", "og:title": "page_title",
    }
    for meta in soup.find_all("meta"):
        key = str(meta.get("name") or meta.get("property") or "").lower()
        content = _norm(str(meta.get("content") or ""))
        field = names.get(key)
        if field and content and field not in hints:
            if field == "author" and content.lower().startswith(("http://", "https://")):
                continue
            hints[field] = content
    link = soup.find("link", rel="canonical")
    if link and str(link.get("href") or "").startswith(("http://", "https://")):
        hints.setdefault("source_url", str(link["href"]))
    time = soup.find("time", datetime=True)
    if time is not None and "date" not in hints:
        iso = _iso_date(str(time["datetime"]))
        if iso:
            hints["date"] = iso
    if soup.title and soup.title.string:
        hints["page_title"] = hints.get("page_title") or _norm(soup.title.get_text())
    return hints


_TITLE_CLASS = re.compile(r"(?i)\b(?:title|headline|entry-title|post-title|article-title)\b")


def _walk_html(root: Tag) -> list[_Raw]:
    """Walk the tree without recursion (deep pages must not overflow the stack)."""
    from bs4.element import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

    skip_strings = (Comment, Declaration, Doctype, ProcessingInstruction)
    out: list[_Raw] = []
    buf: list[str] = []
    links: list[tuple[str, str]] = []
    open_blocks: list[Tag] = []
    headings: list[int] = []  # levels of the open heading elements (a counter, not a search: pages nest deep)
    anchors: list[tuple[int, str]] = []

    def flush() -> None:
        words = _norm("".join(buf))
        buf.clear()
        if not words:
            links.clear()
            return
        inner = open_blocks[-1] if open_blocks else None
        title_like = bool(inner is not None and _TITLE_CLASS.search(" ".join(inner.get("class") or ())))
        if headings:
            level = headings[-1]
            out.append(_Raw("heading", words, level=level, title_like=level == 1 or title_like))
        elif inner is not None and inner.name == "p" and _bold_only(inner) and len(words) <= R.HEADING_MAX_CHARS:
            out.append(_Raw("heading", words, level=4))  # <p><strong>Subhead</strong></p>
        else:
            out.append(_Raw("paragraph", words, tuple(links), title_like=title_like))
        links.clear()

    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if isinstance(node, NavigableString):
            if not isinstance(node, skip_strings):
                buf.append(str(node))
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name
        block = name not in R.INLINE_TAGS and name != "br"
        if leaving:
            if name == "a" and anchors:
                pos, href = anchors.pop()
                words = _norm("".join(buf[pos:]))
                if words and href:
                    links.append((words, href))
            if block:
                flush()
                if open_blocks and open_blocks[-1] is node:
                    open_blocks.pop()
                if name in R.HEADING_TAGS and headings:
                    headings.pop()
            continue
        if name in R.DROP_TAGS:
            continue
        if name == "br":
            buf.append(" ")
            continue
        if block:
            flush()
            open_blocks.append(node)
            if name in R.HEADING_TAGS:
                headings.append(R.HEADING_TAGS[name])
        if name == "a":
            href = str(node.get("href") or "").strip()
            anchors.append((len(buf), href if href.lower().startswith(R.SAFE_LINK_SCHEMES) else ""))
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents))
    flush()
    return out


def _bold_only(p: Tag) -> bool:
    """Whether all of a paragraph's text sits inside <strong>/<b>: a subheading."""
    text = _norm(p.get_text())
    bold = _norm("".join(t.get_text() for t in p.find_all(("strong", "b"), recursive=False)))
    return bool(text) and text == bold


# --- metadata helpers -----------------------------------------------------------------


def _hints_from_mapping(data: dict[str, object]) -> dict[str, str]:
    """Meta fields from front matter, under any of their usual key names."""
    hints: dict[str, str] = {}
    lowered = {str(k).lower(): v for k, v in data.items()}
    for field, keys in R.FRONT_MATTER_KEYS.items():
        for key in keys:
            value = _as_text(lowered.get(key), field)
            if value and field in ("author", "organisation") and value.lower().startswith(("http://", "https://")):
                continue  # a link, not a name
            if value and field == "source_url" and not value.lower().startswith(("http://", "https://")):
                continue  # javascript:, data: and the like must never become the article's link
            if value:
                hints[field] = value
                break
    return hints


def _as_text(value: object, field: str) -> str | None:
    """A front-matter value as one line of text (lists of authors joined, dates in ISO)."""
    if value is None:
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, dict):
        return _as_text(value.get("name") or value.get("title"), field)
    if isinstance(value, (list, tuple)):
        parts = [p for p in (_as_text(v, field) for v in value) if p]
        return ", ".join(parts) if parts else None
    text = _norm(str(value))
    if field == "date":
        return _iso_date(text)
    return text or None


def _iso_date(text: str) -> str | None:
    """The first date written in ``text``, as YYYY-MM-DD; None when there is none."""
    found: list[tuple[int, str]] = []
    for rx in (R.DATE_ISO, R.DATE_MDY, R.DATE_DMY):
        m = rx.search(text)
        if not m:
            continue
        month = m.group("month")
        month_n = int(month) if month.isdigit() else R.MONTHS.get(month.lower().rstrip("."), 0)
        try:
            day = _dt.date(int(m.group("year")), month_n, int(m.group("day")))
        except ValueError:
            continue
        found.append((m.start(), day.isoformat()))
    return min(found)[1] if found else None


def _title_ok(text: str, max_chars: int = R.TITLE_MAX_CHARS, max_words: int = R.TITLE_MAX_WORDS) -> bool:
    """Whether a line reads as a title: short, capitalised, not a sentence."""
    return (
        0 < len(text) <= max_chars
        and len(text.split()) <= max_words
        and text[-1] not in ".;,"
        and (text[0].isupper() or text[0].isdigit() or text[0] in "“\"‘'")
    )


def _clean_name(text: str) -> str:
    """A byline's names without trailing roles or punctuation."""
    return text.strip(" ,;:–—-|").strip()


# --- judging blocks -------------------------------------------------------------------


def _is_drop(text: str) -> bool:
    """Whether a short block is site chrome (share bars, credits, promos, date lines)."""
    if len(text) > R.SHORT_BLOCK:
        return False
    return any(rx.match(text) for rx in R.DROP_SHORT) or bool(R.TIME_STAMP.match(text))


def _is_aside(text: str) -> bool:
    """Whether a block is prose about the article: disclaimer, disclosure."""
    return any(rx.match(text) for rx in R.ASIDE)


def _is_bio(text: str) -> re.Match[str] | None:
    """An author bio ("X is a senior fellow at ..."), judged by its first sentence."""
    return R.BIO.match(text) if len(text) <= R.BIO_MAX else None


def _speaker_label(text: str) -> re.Match[str] | None:
    """A transcript speaker label at the start of a paragraph, if there is one."""
    m = R.SPEAKER_LABEL.match(text)
    if not m:
        return None
    label = (m.group("label") or m.group("q")).strip()
    if label.upper() in R.NOT_SPEAKERS or label.rstrip(".") in R.NOT_SPEAKERS:
        return None
    if not any(ch.isalpha() for ch in label) or not text[m.end():].strip():
        return None
    return m


def readable_speaker(label: str) -> str:
    """'THE PRESIDENT' -> 'The President'; 'MS. ROE' -> 'Ms. Roe'; 'Q' stays."""
    words = []
    for i, word in enumerate(_norm(label).split(" ")):
        if word in R.KEEP_UPPER:
            words.append(word)
        elif i and word.lower() in R.KEEP_LOWER:
            words.append(word.lower())
        else:
            parts = re.split(r"([\-’'])", word)
            words.append("".join(
                p if p in "-’'" else (p.lower() if j and parts[j - 1] in "’'" and len(p) == 1 else p.capitalize())
                for j, p in enumerate(parts)
            ))
    return " ".join(words)


def _judge(raws: list[_Raw], hints: dict[str, str], fmt: str) -> Document:
    """Sort raw blocks into body, aside and dropped; read the metadata on the way."""
    hints = dict(hints)
    for raw in raws:
        if raw.meta_table:
            _read_meta_table(raw.lines, hints)
    raws = [r for r in raws if r.text and not r.meta_table]
    title, raws = _take_title(raws, hints, fmt)
    raws = _drop_venue(raws)
    dates: list[tuple[int, str]] = []  # (priority, iso date)
    authors: list[str] = []
    orgs: list[str] = []
    aside: list[str] = []
    kept: list[_Raw] = []
    tail = False
    for raw in raws:
        text = raw.text
        if raw.aside or (len(text) <= R.SHORT_BLOCK and R.TABLE_NOTE.match(text)):
            aside.append(text)
            continue
        if R.TAIL_SECTION.match(text):
            tail = True
            continue
        if raw.kind == "heading":
            if _is_drop(text) or _is_aside(text):
                continue
            tail = False
            kept.append(raw)
            continue
        if _read_date_line(text, dates) or _read_byline(text, authors):
            continue
        if _is_drop(text) or (raw.lines and len(raw.lines) > 1 and all(_is_drop(line) for line in raw.lines)):
            orgs.extend(_organisations(text))
            continue
        if tail and len(text) > R.BIO_MAX:
            tail = False  # a long paragraph is article prose again, not a note or a bio
        if tail or _is_aside(text):
            aside.append(text)
            continue
        kept.append(raw)
    kept = _set_aside_bios(kept, aside)
    blocks = _transcript(kept)
    if fmt != "html":
        blocks = _text_headings(blocks)
    blocks = _trim_headings(blocks)
    blocks = tuple(b for big in blocks for b in _split_giant(big))
    aside_t = tuple(dict.fromkeys(aside))
    disclosed: list[str] = []  # co-authors each write their own disclosure: all are named
    for text in aside_t:
        orgs.extend(_organisations(text))
        bio = _is_bio(text)
        disclosure = R.DISCLOSURE_SUBJECT.match(text)
        if bio:
            authors.append(bio.group("name"))
        elif disclosure:
            disclosed.append(disclosure.group("name"))
    if disclosed:
        authors.append("; ".join(dict.fromkeys(disclosed)))
    meta = Meta(
        title=title,
        author=hints.get("author") or (authors[0] if authors else None),
        organisation=hints.get("organisation") or (orgs[0] if orgs else None) or hints.get("footer_org"),
        # "Published" lines first, then the first date line in reading order.
        date=_iso_date(hints.get("date") or "") or (min(dates, key=lambda d: d[0])[1] if dates else None),
        source_url=hints.get("source_url"),
    )
    return Document(meta=meta, blocks=blocks, aside=aside_t)


def _drop_venue(raws: list[_Raw]) -> list[_Raw]:
    """Drop the venue/dateline lines above a transcript's opening time stamp."""
    for i, raw in enumerate(raws[:R.VENUE_MAX_LINES + 1]):
        if raw.kind == "paragraph" and R.TIME_STAMP.match(raw.text):
            before = raws[:i]
            if all(_venue_line(r.text) for r in before):
                return raws[i:]
            return raws
    return raws


def _venue_line(text: str) -> bool:
    """A short line that is not a sentence: a place ("East Room") or a city and state."""
    return (
        len(text) <= R.VENUE_MAX_CHARS and text[-1] not in ".!?”\""
        and not R.BYLINE.match(text) and not _read_date_line(text, [])  # those carry metadata
    )


def _take_title(raws: list[_Raw], hints: dict[str, str], fmt: str) -> tuple[str | None, list[_Raw]]:
    """The article's title, and the blocks without the one that gave it."""
    title = hints.get("title")
    if title:
        # The body often repeats the front-matter title as its first heading.
        if raws and raws[0].text.casefold() == title.casefold():
            return title, raws[1:]
        return title, raws
    # An h1 or a block marked as the title, near the top.
    for i, raw in enumerate(raws[:8]):
        if raw.title_like and _title_ok(raw.text):
            return raw.text, raws[:i] + raws[i + 1:]
    if fmt == "md":
        return hints.get("page_title"), raws
    # A first line that reads as a title, followed by more text. In HTML it may sit
    # after a few lines of chrome, so look past short non-sentences.
    if len(raws) > 1:
        first = raws[0]
        if first.kind == "paragraph" and _title_ok(first.text) and first.text[-1] not in "!?" \
                and not _is_drop(first.text) and not _speaker_label(first.text) \
                and not R.REPORT_HEADER.match(first.text) and not first.meta_table \
                and not R.BYLINE.match(first.text) and not _read_date_line(first.text, []):
            return first.text, raws[1:]
        if first.kind == "heading" and _title_ok(first.text):
            return first.text, raws[1:]
    page = hints.get("page_title")
    if page:
        page = re.split(r"\s+[|–—]\s+|\s+-\s+", page)[0]
    return page or None, raws


def _read_date_line(text: str, dates: list[tuple[int, str]]) -> bool:
    """Record the date of a date line or report header; True when the block is one."""
    if len(text) > 80:
        return False
    header = R.REPORT_HEADER.match(text)
    dated = R.DATE_LINE.match(text)
    iso = _iso_date(text)
    if iso is None:
        return False
    bare = re.fullmatch(r"[\w ,.\-/]{0,40}", text) is not None and not re.search(r"[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}", text)
    if not (header or dated or bare):
        return False
    low = text.lower()
    priority = 0 if low.startswith(("published", "posted", "released")) else 1
    dates.append((priority, iso))
    return True


def _read_meta_table(lines: tuple[str, ...], hints: dict[str, str]) -> None:
    """Fill missing hints from "Key: value" lines (a metadata table in plain text)."""
    data: dict[str, object] = {}
    for line in lines:
        key, _, value = line.partition(":")
        data.setdefault(key.strip().lower(), value.strip())
    for field, value in _hints_from_mapping(data).items():
        hints.setdefault(field, value)


def _read_byline(text: str, authors: list[str]) -> bool:
    """Record the names of a "By X" byline; True when the block is one."""
    if len(text) > 120:
        return False
    m = R.BYLINE.match(text)
    if not m or not m.group("names")[0].isupper():
        return False
    authors.append(_clean_name(m.group("names")))
    return True


def _organisations(text: str) -> list[str]:
    """Publishers a notice names: "produced by the X, Inc.", "© 2024 X"."""
    found = []
    for rx in R.ORGANISATION:
        m = rx.search(text)
        if m:
            org = _clean_name(m.group("org"))
            if org and org[0].isupper() and not org.lower().startswith(("all rights", "the author")):
                found.append(org)
    return found


def _set_aside_bios(kept: list[_Raw], aside: list[str]) -> list[_Raw]:
    """Move author bios out of the body; only at its very start or end, where bios live.

    A body sentence can have a bio's shape ("Jane Roe is a professor at X who said..."),
    so only the leading and trailing runs of bio-shaped paragraphs are taken.
    """
    def bio(raw: _Raw) -> bool:
        return raw.kind == "paragraph" and (_is_bio(raw.text) is not None or R.FUNDING_NOTE.match(raw.text) is not None)

    end = len(kept)
    while end > 0 and (bio(kept[end - 1]) or kept[end - 1].kind == "heading"):
        end -= 1
    start = 0
    while start < end and bio(kept[start]):
        start += 1
    for raw in kept[:start] + kept[end:]:
        if raw.kind == "paragraph":
            aside.append(raw.text)
    return kept[start:end]


def _transcript(kept: list[_Raw]) -> tuple[Block, ...]:
    """Blocks with speaker turns read: labels off, speakers on, stage directions out."""
    labelled = sum(1 for r in kept if r.kind == "paragraph" and _speaker_label(r.text))
    if labelled < 2 and not _single_speaker(kept):
        return tuple(Block(r.kind, r.text, None, r.links) for r in kept)
    out: list[Block] = []
    speaker: str | None = None
    started = False
    for raw in kept:
        text = raw.text
        if raw.kind == "heading":
            speaker = None
            out.append(Block("heading", text))
            continue
        m = _speaker_label(text)
        if m:
            started = True
            speaker = readable_speaker(m.group("label") or m.group("q"))
            text = text[m.end():]
        elif not started and len(text) <= 80 and text[-1] not in ".!?”\"":
            continue  # the place line ("East Room", "Via Teleconference") before the first turn
        if R.STAGE_ONLY.match(text):
            continue  # "(Laughter.)" on its own
        text = R.STAGE_AT_END.sub("", R.STAGE_AT_START.sub("", text)).strip()
        if text:
            out.append(Block("paragraph", text, speaker, raw.links))
    return tuple(out)


def _single_speaker(kept: list[_Raw]) -> bool:
    """A one-speaker speech: its only label opens the first sentence-like paragraph."""
    for raw in kept:
        if raw.kind != "paragraph":
            continue
        m = _speaker_label(raw.text)
        if m:
            return len((m.group("label") or "").split()) >= R.SINGLE_LABEL_MIN_WORDS
        if len(raw.text) > 80 or raw.text[-1] in ".!?”\"":
            return False  # prose came first: the label is not a turn opener
    return False


def _text_headings(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Short standalone lines between paragraphs in plain text are subheadings."""
    out = list(blocks)
    spoken = any(b.speaker is not None for b in blocks)  # a question in a transcript is asked, not a heading
    for i, block in enumerate(out):
        if block.kind != "paragraph" or block.speaker is not None or i + 1 >= len(out):
            continue
        text = block.text
        question = not spoken and text[-1] == "?" and len(text.split()) <= R.QUESTION_HEADING_MAX_WORDS
        if (
            _title_ok(text, R.HEADING_MAX_CHARS, R.HEADING_MAX_WORDS)
            and (text[-1] not in R.HEADING_END_PUNCT + "”\"" or question)
            and out[i + 1].kind == "paragraph"
            and len(out[i + 1].text) > len(text)
            and (i == 0 or out[i - 1].kind == "paragraph")
        ):
            out[i] = replace(block, kind="heading", links=())
    return tuple(out)


def _trim_headings(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Drop headings with no paragraph after them (a trailing "Related" heading)."""
    out = list(blocks)
    while out and out[-1].kind == "heading":
        out.pop()
    return tuple(out)


def _split_giant(block: Block) -> tuple[Block, ...]:
    """A paragraph too long to read is cut at sentence ends (or, failing that, spaces)."""
    text = block.text
    if block.kind != "paragraph" or len(text) <= R.MAX_PARAGRAPH_CHARS:
        return (block,)
    cuts = [s.start for s in split_sentences(text)][1:]
    if not cuts:
        cuts = [m.start() + 1 for m in re.finditer(r" ", text)]
    pieces: list[str] = []
    start = 0
    for cut in cuts:
        if cut - start >= R.PARAGRAPH_TARGET:
            pieces.append(text[start:cut].strip())
            start = cut
    pieces.append(text[start:].strip())
    return tuple(Block("paragraph", p, block.speaker, block.links if i == 0 else ()) for i, p in enumerate(pieces) if p)
