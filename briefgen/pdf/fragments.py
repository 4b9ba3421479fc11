"""Fragments (pure): a page's HTML made fit for paper, its links pointing inside the PDF.

What paper cannot show (scripts, forms, permalinks, download buttons) goes. Ids of every
page are prefixed with the page's key so they stay unique in the one book, and links
between pages (``source.md#p4``, ``../source/#p4``) are rewritten to point inside the
book. A link whose target is not in the PDF is turned into plain text, so every link left
in a PDF is live; links to other sites are kept.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

import lxml.html
from lxml import etree
from markupsafe import Markup

# Headings of area-page sections that repeat source paragraphs verbatim. The book leaves
# them out (the whole source is at its back, linked by ¶), and a one-pager shortens them
# first, from the last paragraph, because every word there is also in the source text.
EXCERPT_HEADINGS: tuple[str, ...] = ("from the article", "from the source", "source paragraphs", "excerpts")
# Ids of source paragraphs ("p12"), as the analysis contract and the source page use them.
_PARA_ID = re.compile(r"^p(\d+)$")
# Elements that have no place in a static PDF (and script must never run or be printed).
_STRIP_TAGS: tuple[str, ...] = ("script", "style", "iframe", "object", "embed", "form", "input", "button", "noscript")


def parse_fragment(html: str) -> etree._Element:
    """A page's HTML as one ``div`` element to operate on."""
    return lxml.html.fragment_fromstring(html or "", create_parent="div")


def serialize(root: etree._Element) -> Markup:
    """The HTML inside ``root`` (not ``root`` itself), safe to print unescaped."""
    inner = (root.text or "") and str(Markup.escape(root.text))
    return Markup(inner + "".join(lxml.html.tostring(child, encoding="unicode") for child in root))


def _page_url_dir(key: str) -> str:
    """The folder a page's site URL lives in, relative to the briefing: MkDocs' directory URLs."""
    return "" if key == "index" else key + "/"


def _target_key(href: str, key: str) -> tuple[str, str] | None:
    """(page key, fragment) an internal href points to, or None for external or unknown links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("/"):
        return None
    path, frag = unquote(parts.path), unquote(parts.fragment)
    if not path:
        return key, frag
    if path.endswith(".md"):
        target = posixpath.normpath(path)
    else:  # a raw-HTML link written against the site's directory URLs, e.g. ../source/#p4
        target = posixpath.normpath(posixpath.join(_page_url_dir(key), path))
        target = "index.md" if target in (".", "index.html") else target.removesuffix("/index.html") + ".md"
    if "/" in target or target.startswith(".."):
        return None  # another briefing or the home page: not in this PDF
    return target.removesuffix(".md"), frag


def clean_fragment(html: str, key: str) -> tuple[etree._Element, str | None]:
    """Parse a page's HTML, drop what paper cannot show, prefix ids; return it and its h1 text."""
    root = parse_fragment(html)
    for el in list(root.iter(*_STRIP_TAGS)):
        remove_element(el)
    for el in list(root.iter("a")):
        classes = (el.get("class") or "").split()
        href = el.get("href") or ""
        if "headerlink" in classes or urlsplit(href).path.lower().endswith(".pdf"):
            parent = el.getparent()
            remove_element(el)
            if parent is not None and parent is not root and not (parent.text_content() or "").strip() and len(parent) == 0:
                remove_element(parent)
    h1 = next(iter(root.iter("h1")), None)
    title = None
    if h1 is not None:
        title = " ".join(h1.text_content().split()) or None
        remove_element(h1)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in ("id", "name") if el.tag == "a" else ("id",):
            if el.get(attr):
                el.set(attr, f"{key}--{el.get(attr)}")
        if el.tag == "a" and el.get("href"):
            target = _target_key(el.get("href", ""), key)
            if target is not None:
                page, frag = target
                el.set("href", f"#{page}--{frag}" if frag else f"#s-{page}")
    return root, title


def remove_element(el: etree._Element) -> None:
    """Remove an element but keep the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail or ""
    prev = el.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _unwrap(el: etree._Element) -> None:
    """Replace a link by its content: for links whose target is not in this PDF."""
    parent = el.getparent()
    if parent is None:
        return
    index = parent.index(el)
    text = el.text or ""
    prev = el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    children = list(el)
    tail = el.tail or ""
    parent.remove(el)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    if tail:
        if children:
            children[-1].tail = (children[-1].tail or "") + tail
        elif index > 0:
            sib = parent[index - 1]
            sib.tail = (sib.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def resolve_links(roots: list[etree._Element], known: set[str]) -> None:
    """Unwrap every in-document link whose target id is not in ``known``: no dead links."""
    for root in roots:
        for el in list(root.iter("a")):
            href = el.get("href") or ""
            if href.startswith("#") and href[1:] not in known:
                _unwrap(el)
            elif href and not href.startswith("#") and urlsplit(href).scheme not in ("http", "https", "mailto"):
                _unwrap(el)  # a relative site link: meaningless inside a PDF


def ids_in(roots: list[etree._Element]) -> set[str]:
    """Every id in ``roots``: the targets a link inside the PDF may have."""
    return {el.get("id") for root in roots for el in root.iter() if isinstance(el.tag, str) and el.get("id")}


def number_source(root: etree._Element) -> None:
    """Mark each source paragraph with its number, unless the page already prints it."""
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        match = _PARA_ID.match((el.get("id") or "").removeprefix("source--"))
        if not match:
            continue
        host = el if el.tag != "a" else el.getparent()
        if host is None:
            continue
        shown = " ".join(host.text_content().split())
        if re.match(rf"^[\[(¶]*\s*{match.group(1)}\b", shown):
            continue
        host.set("data-n", match.group(1))
        host.set("class", ((host.get("class") or "") + " numbered").strip())


def para_refs(numbers: tuple[int, ...], known: set[str]) -> tuple[tuple[str, str | None], ...]:
    """Runs of paragraph numbers as ("4–6", "#source--p4") pairs; no link when not in the PDF."""
    out: list[tuple[str, str | None]] = []
    ordered = sorted(set(numbers))
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        label = str(ordered[i]) if i == j else f"{ordered[i]}–{ordered[j]}"
        anchor = f"source--p{ordered[i]}"
        out.append((label, f"#{anchor}" if anchor in known else None))
        i = j + 1
    return tuple(out)


def cited_paragraphs(root: etree._Element) -> tuple[int, ...]:
    """Paragraph numbers an area page links to: its span when the model cannot give one."""
    out = set()
    for el in root.iter("a"):
        match = re.match(r"^#source--p(\d+)$", el.get("href") or "")
        if match:
            out.add(int(match.group(1)))
    return tuple(sorted(out))


def text_of(el: etree._Element) -> str:
    """An element's text, whitespace collapsed."""
    return " ".join(el.text_content().split())


def excerpt_blocks(root: etree._Element) -> list[list[etree._Element]]:
    """Sections under an EXCERPT_HEADINGS h2: each as [heading, block, block, ...]."""
    out: list[list[etree._Element]] = []
    children = [el for el in root if isinstance(el.tag, str)]
    i = 0
    while i < len(children):
        if children[i].tag == "h2" and text_of(children[i]).lower() in EXCERPT_HEADINGS:
            j = i + 1
            while j < len(children) and children[j].tag not in ("h1", "h2"):
                j += 1
            out.append(children[i:j])
            i = j
        else:
            i += 1
    return out
