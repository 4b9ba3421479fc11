"""HTML: trafilatura finds the main content and the page's metadata; we turn its tree into blocks.

trafilatura (Apache-2.0) is the best main-text extractor we measured (benchmarks/extraction.py,
ANALYSIS.md): it scores paragraphs by text and link density, reads the page's markup for
title, author, date (htmldate), site name and canonical URL, and falls back to readability
and jusText where its own pass finds too little. It replaces briefgen's hand-written rules
(prefer <article>/<main> when it holds 40% of the text, drop elements whose class says
chrome, drop a fixed list of tags, <form> included).

What briefgen adds around it:

- the page's text before and after the main content is read too (``region``), but only for
  what the judge takes from it: a title line, a byline, a date line, a bio or a disclosure;
- a page too small or too odd for trafilatura (it then gives one unstructured block) is read
  whole, without its navigation, header, footer and controls.
"""

from __future__ import annotations

import copy
import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from briefgen.analysis import clean_rules as R
from briefgen.analysis.dates import iso_date
from briefgen.analysis.readers import RawBlock, Reading, norm

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# trafilatura and htmldate log "discarding data" and the like as warnings; briefgen reports
# its own one-line errors, so their loggers stay quiet unless something is truly broken.
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

# htmldate rejects dates after its max_date, which defaults to today: the same page would
# give a different date on another day. A fixed bound keeps the output byte-identical.
# Only the page's markup is searched (meta tags, JSON-LD, <time>, the URL); extensive search
# also guesses from dates anywhere in the text, such as in a linked article's address,
# and the judge reads the page's own date lines instead.
DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "2999-12-31"}

# trafilatura refuses pages over its MAX_FILE_SIZE (20 MB by default); briefgen reads what
# the ingest stage accepted.
MAX_FILE_SIZE = 200_000_000


def read_html(text: str) -> Reading:
    """Main-content blocks of a web page, the blocks around them, and its metadata."""
    tree = _parse(text)
    if tree is None:
        return Reading((), {})
    return Reading(_blocks(tree), _hints(tree))


def main_content_blocks(html: str) -> tuple[RawBlock, ...]:
    """The blocks of an HTML text that holds only an article (rendered Markdown)."""
    tree = _parse(html)
    return _blocks(tree) if tree is not None else ()


def _blocks(tree: HtmlElement) -> tuple[RawBlock, ...]:
    """trafilatura's main content placed among the page's blocks; the whole page when
    trafilatura finds too little to judge (its chrome, nav, header, footer and aside, then
    read for metadata only)."""
    page = _walk(_without_noise(copy.deepcopy(tree)), page=True)
    main = _main_content(tree)
    return _with_surroundings(main, page) if main else tuple(page)


def _parse(text: str) -> HtmlElement | None:
    from trafilatura.utils import load_html

    # load_html treats a bare fragment ("<p>x</p>") as dubious: wrap it as a page.
    if "<body" not in text[:5000].lower() and "<html" not in text[:5000].lower():
        text = f"<html><body>{text}</body></html>"
    # A browser shows what follows a stray </html> or </body> (pages glued from templates
    # have them mid-file); the parser would stop there and lose the article.
    text = R.STRAY_END_TAGS.sub("", text)
    try:
        return load_html(text, MAX_FILE_SIZE)
    except (ValueError, TypeError):
        return None


def _main_content(tree: HtmlElement) -> tuple[RawBlock, ...]:
    """trafilatura's main content as blocks; () when it found none or fell back to plain lines."""
    from trafilatura import bare_extraction
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MAX_FILE_SIZE", str(MAX_FILE_SIZE))
    try:
        doc = bare_extraction(
            copy.deepcopy(tree), include_comments=False, include_formatting=True, include_links=True,
            include_tables=True, with_metadata=False, config=config,
        )
    except Exception:  # noqa: BLE001 - a bug in the extractor must not lose the article: read the page whole
        return ()
    body = getattr(doc, "body", None)
    if body is None or body.tag != "body" or (len(body) == 1 and "\n" in _text(body[0]).strip()):
        return ()  # its baseline: the page's text in one block of lines, no structure
    return tuple(_walk(body, page=False))


def _with_surroundings(main: tuple[RawBlock, ...], page: list[RawBlock]) -> tuple[RawBlock, ...]:
    """The main content in page order, with the page's blocks before and after it marked as such.

    Headings and lists that stand alone between two main-content blocks on the page are put
    back: trafilatura's recovery pass (pages with no recognisable article container) keeps
    paragraphs only, and a section heading is what briefgen cuts areas at.
    """
    texts = [b.text for b in page]
    squeezed = [t.replace(" ", "") for t in texts]
    out: list[RawBlock] = []
    first = last = -1
    pos = 0
    for block in main:
        i = _find(texts, block.text, pos)
        if i < 0:
            # trafilatura sometimes loses the space between two inline elements
            # ("fugitive</a>\n<b>on"): the page's own text of that block is the source's.
            i = next((j for j in range(pos, len(texts)) if squeezed[j] == block.text.replace(" ", "")), -1)
            if i >= 0:
                block = replace(block, text=texts[i])
        if i < 0:
            out.append(block)
            continue
        if first < 0:
            first = i
        elif i > pos and all((b.kind == "heading" or b.list_item) and b.region == "body" for b in page[pos:i]):
            # Only headings and list items stand between two main-content blocks on the page:
            # section headings and the article's own lists. (Anything else between them, a
            # teaser box or a dialog, and its headings stay out.)
            main_texts = {b.text for b in main}
            out.extend(b for b in page[pos:i] if b.text not in main_texts)
        out.append(block)
        last, pos = i, i + 1
    lead = first
    while lead > 0 and page[lead - 1].kind == "heading" and page[lead - 1].region == "body" \
            and page[lead - 1].text not in {b.text for b in main}:
        lead -= 1  # the section heading right above the first paragraph
    before = [replace(b, region="before") for b in page[:lead]] if lead > 0 else []
    after = [replace(b, region="after") for b in page[last + 1:]] if last >= 0 else []
    return tuple(before) + tuple(page[lead:first] if lead >= 0 else ()) + tuple(out) + tuple(after)


def _find(texts: list[str], text: str, start: int) -> int:
    """The index of the page block that holds ``text``, or -1."""
    for i in range(start, len(texts)):
        if texts[i] == text:
            return i
    for i in range(start, len(texts)):
        if text in texts[i] or (len(texts[i]) > 20 and texts[i] in text):
            return i
    return -1


# --- metadata ---------------------------------------------------------------------------


def _hints(tree: HtmlElement) -> dict[str, str]:
    """Title, author, date, site name and canonical URL from the page's markup (trafilatura)."""
    from trafilatura.metadata import extract_metadata

    try:
        meta = extract_metadata(copy.deepcopy(tree), date_config=dict(DATE_PARAMS))
    except Exception:  # noqa: BLE001 - metadata is a bonus; the judge still reads the text
        return {}
    hints: dict[str, str] = {}
    title = norm(meta.title or "")
    if title and title in _home_link_headings(tree):
        # trafilatura takes a page's only <h1>, but this one is the site's name linking home
        # (a logo); the <title> element's first part is the article's.
        title = _title_element(tree) or ""
    if title and _declared_title(tree, title):
        hints["title"] = title
    elif title:
        hints["page_title"] = title
    if meta.author and not meta.author.lower().startswith(("http://", "https://")):
        hints["author"] = norm(meta.author)
    handles = {norm(str(v)).lstrip("@").casefold() for v in tree.xpath(
        "//meta[@name='twitter:site' or @name='twitter:creator' or @property='twitter:site']/@content")}
    if meta.sitename and "." not in meta.sitename and meta.sitename.casefold() not in handles:
        # "example.org" is an address and "@AGEllison" a social-media handle, not a name
        hints["organisation"] = norm(meta.sitename)
    if meta.date:
        date = iso_date(meta.date)
        if date:
            hints["date"] = date
    if meta.url and meta.url.lower().startswith(("http://", "https://")):
        hints["source_url"] = meta.url
    return hints


def _home_link_headings(tree: HtmlElement) -> set[str]:
    """Texts of headings that are wholly one link to the site's home page: the site's name."""
    out: set[str] = set()
    for heading in tree.xpath("//h1|//h2"):
        text = norm(_text(heading))
        for a in heading.iter("a"):
            if norm(_text(a)) == text and R.HOME_HREF.match(str(a.get("href") or "").strip()):
                out.add(text)
    return out


def _title_element(tree: HtmlElement) -> str | None:
    """The <title> element's text up to its site-name separator ("Title | Section | Site")."""
    found = tree.xpath("//title")
    if not found:
        return None
    text = norm(_text(found[0]))
    return R.TITLE_SEPARATOR.split(text)[0].strip() or None


def _declared_title(tree: HtmlElement, title: str) -> bool:
    """Whether the page declares its title (<title>, a meta tag, JSON-LD or an <h1>).

    With none of these, trafilatura takes the first <h2>, which is a section heading
    ("Overview"), not the title: the judge then reads the title from the page's first lines.
    """
    if tree.xpath("//title|//h1|//meta[contains(@property, 'title') or contains(@name, 'title')]"
                  "|//script[@type='application/ld+json']"):
        return True
    return not any(norm(_text(h)) == title for h in tree.xpath("//h2|//h3|//h4|//h5|//h6"))


# --- the tree walk ----------------------------------------------------------------------


def _without_noise(tree: HtmlElement) -> HtmlElement:
    """The page without elements that never hold article text (scripts, embeds, controls)."""
    for el in list(tree.iter(*R.NOISE_TAGS)):
        parent = el.getparent()
        if parent is not None:
            _drop_keep_tail(el)
    return tree


def _drop_keep_tail(el: HtmlElement) -> None:
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    parent.remove(el)
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


_BR = "\u2028"  # a line break inside a block (<br>), kept apart until the block's lines are known


def _walk(root: HtmlElement, page: bool) -> list[RawBlock]:
    """Blocks of a tree, without recursion (deep pages must not overflow the stack).

    Works on HTML and on trafilatura's XML alike (p, head, list/item, quote, table/row/cell,
    hi, ref, lb). With ``page``, blocks inside the page's chrome (nav, header, footer, aside)
    are marked ``before`` (they are never body, but may give the title or a byline).
    """
    out: list[RawBlock] = []
    buf: list[str] = []
    links: list[tuple[str, str]] = []
    link_chars = [0]
    stack_blocks: list[HtmlElement] = []
    headings: list[int] = []
    chrome = [0]  # depth of open chrome elements
    table_starts: list[int] = []
    anchors: list[tuple[int, str]] = []

    def flush() -> None:
        raw_text = "".join(buf)
        words = norm(raw_text.replace(_BR, " "))
        lines = tuple(x for x in (norm(p) for p in raw_text.split(_BR)) if x) if _BR in raw_text else ()
        buf.clear()
        if not words:
            links.clear()
            link_chars[0] = 0
            return
        inner = stack_blocks[-1] if stack_blocks else None
        cls = str(inner.get("class") or "") if inner is not None else ""
        title_like = bool(page and R.TITLE_CLASS.search(cls))
        region = "before" if chrome[0] else "body"
        if headings:
            level = headings[-1]
            home = inner is not None and _home_link(inner, words)  # the site's name linking home (a logo)
            out.append(RawBlock("heading", words, level=level, title_like=(level == 1 or title_like) and not home,
                                region="before" if home else region, site_name=home))
        elif inner is not None and inner.tag == "p" and _bold_only(inner) and len(words) <= R.HEADING_MAX_CHARS \
                and words[-1] not in R.HEADING_END_PUNCT:
            # <p><strong>Subhead</strong></p>; a bold lead-in ("Here are a few examples:") is a sentence
            out.append(RawBlock("heading", words, level=4, region=region))
        else:
            out.append(RawBlock("paragraph", words, tuple(links), title_like=title_like, region=region, lines=lines,
                                link_chars=link_chars[0], list_item=inner is not None and inner.tag in ("li", "item")))
        links.clear()
        link_chars[0] = 0

    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if isinstance(node, str):
            buf.append(node)
            continue
        tag = node.tag if isinstance(node.tag, str) else None  # comments and processing instructions
        if tag is None:
            continue
        tag = tag.lower()
        block = tag not in R.INLINE_TAGS
        if leaving:
            if tag in ("a", "ref") and anchors:
                pos, href = anchors.pop()
                words = norm("".join(buf[pos:]))
                link_chars[0] += len(words)
                if words and href:
                    links.append((words, href))
            if block:
                flush()
                if stack_blocks and stack_blocks[-1] is node:
                    stack_blocks.pop()
                if _heading_level(node, tag) and headings:
                    headings.pop()
                if page and tag in R.CHROME_TAGS:
                    chrome[0] -= 1
                if tag == "table":
                    _judge_table(node, out, table_starts.pop())
            if node.tail:
                buf.append(node.tail)
            continue
        if tag in ("br", "lb"):
            buf.append(_BR)
            if node.tail:
                buf.append(node.tail)
            continue
        if _code_block(node, tag):
            # Code is not article prose (a blog's snippets, a page's embed markup).
            flush()
            if node.tail:
                buf.append(node.tail)
            continue
        if block:
            flush()
            stack_blocks.append(node)
            level = _heading_level(node, tag)
            if level:
                headings.append(level)
            if page and tag in R.CHROME_TAGS:
                chrome[0] += 1
            if tag == "table":
                table_starts.append(len(out))
        if tag in ("a", "ref"):
            href = str(node.get("href") or node.get("target") or "").strip()
            anchors.append((len(buf), href if href.lower().startswith(R.SAFE_LINK_SCHEMES) else ""))
        stack.append((node, True))
        children = list(node)
        for child in reversed(children):
            stack.append((child, False))
        if node.text:
            stack.append((node.text, False))
    flush()
    return out


def _home_link(el: HtmlElement, words: str) -> bool:
    """Whether an element's text is wholly one link to the site's home page."""
    for a in el.iter("a", "ref"):
        href = str(a.get("href") or a.get("target") or "").strip()
        if norm(_text(a)) == words and R.HOME_HREF.match(href):
            return True
    return False


def _code_block(node: HtmlElement, tag: str) -> bool:
    """A block of code: <pre>, or a <code> that stands as a block (trafilatura's <pre>)."""
    if tag == "pre":
        return True
    parent = node.getparent()
    return tag == "code" and parent is not None and parent.tag in R.CODE_BLOCK_PARENTS


def _text(el: HtmlElement) -> str:
    """An element's text, its children's included (works on lxml.html and lxml.etree elements)."""
    return "".join(t for t in el.itertext() if isinstance(t, str))


def _heading_level(node: HtmlElement, tag: str) -> int:
    if tag in R.HEADING_TAGS:
        return R.HEADING_TAGS[tag]
    if tag == "head":  # trafilatura's heading, rend="h2"
        rend = str(node.get("rend") or "h2")
        return R.HEADING_TAGS.get(rend, 2)
    return 0


def _bold_only(p: HtmlElement) -> bool:
    """Whether all of a paragraph's text sits inside <strong>/<b> (or trafilatura's <hi rend="#b">)."""
    text = norm(_text(p))
    bold = norm("".join(
        _text(c) for c in p
        if c.tag in ("strong", "b") or (c.tag == "hi" and c.get("rend") == "#b")
    ))
    return bool(text) and text == bold


def _judge_table(table: HtmlElement, out: list[RawBlock], start: int) -> None:
    """A table of short cells is data or page metadata, not prose: its "Key: value" rows go
    to the metadata, its caption and notes aside, the rest out. A captioned figure box is set
    aside whole. A layout table (long cells) stays as the paragraphs it holds."""
    inside = out[start:]
    if not inside:
        return
    if R.TABLE_CAPTION.match(inside[0].text):
        out[start:] = [replace(b, kind="paragraph", aside=True) for b in inside]
        return
    if max(len(b.text) for b in inside) >= R.TABLE_PROSE_CELL:
        return
    lines = []
    for row in table.iter("tr", "row"):
        cells = [c for c in (norm(_text(cell)) for cell in row if cell.tag in ("td", "th", "cell")) if c]
        if len(cells) >= 2:
            line = f"{cells[0].rstrip(':').strip()}: {' '.join(cells[1:])}"
            if R.META_TABLE_KEYS.match(line):
                lines.append(line)
    kept = [replace(b, kind="paragraph", aside=True) for b in inside if R.TABLE_NOTE.match(b.text)]
    if lines:
        kept.insert(0, RawBlock("paragraph", norm(" ".join(lines)), lines=tuple(lines), meta_table=True,
                                region=inside[0].region))
    out[start:] = kept
