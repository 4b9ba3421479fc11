"""PDF: a briefing book per briefing and a one-page PDF per friction area, via WeasyPrint.

Why the PDFs are built from the generated pages, not from the analysis
-----------------------------------------------------------------------
Analysts edit the Markdown in ``docs/<slug>/``; the site shows their edits, so a PDF made
from the analysis model alone would contradict the web page it sits next to. This module
therefore reads what readers see: each page of ``docs/<slug>/`` (YAML front matter plus
Markdown, converted with python-markdown and the ``markdown_extensions`` of mkdocs.yml)
and pours the resulting HTML into briefgen's own print templates (``templates/print/``:
Jinja2 + CSS paged media). The analysis model (``briefgen.analysis.analyse``) is only the
fallback: it fills metadata the overview's front matter lacks, the paragraph span of an
area, and any page (area, glossary, source) that does not exist in ``docs/``.

Pages are found by name, tolerantly: ``index.md`` (overview and bottom line),
``NN-<area-slug>.md`` (one per friction area, in file order), ``glossary.md`` and
``source.md``. Other pages (``quotes.md``) are not in the book: the quotes are already in
their areas. An area page's excerpt section ("From the article", see EXCERPT_HEADINGS) is
left out of the book, whose source text already holds every paragraph, and is the first
thing a one-pager shortens. Ids of every page are prefixed with the page's key so they stay unique in the
one book, and links between pages (``source.md#p4``, ``../source/#p4``) are rewritten to
point inside the book. A link whose target is not in the PDF is turned into plain text,
so every link left in a PDF is live; links to other sites are kept.

Stages, as in the rest of briefgen:
1. collect (I/O): pages from docs/, the fallback model, settings.
2. build contexts (pure): metadata, sections, one-pager fragments, links resolved.
3. render HTML (pure): Jinja2 with StrictUndefined and autoescape on.
4. write (I/O): WeasyPrint, with a URL fetcher that only reads local files (offline).

Output is deterministic apart from the generation date, which the caller passes in and
which is written as the PDF's creation date (metadata set explicitly, no random file id).
One-pagers must fit one page: they are re-laid out with smaller type, then with fewer
quotes, in a fixed order, until they do; the summary and the source reference stay.

Last, the site's "Download PDF" buttons are pointed at the PDFs (``relink_pdf_buttons``):
each names its PDF's site-root-relative path in ``data-briefgen-pdf``, and its href is
rewritten relative to the built HTML file that holds it. MkDocs resolves a raw-HTML link
against the page URL, Zensical against the Markdown file, and the offline bundle gives
pages .html URLs, so no href written in the Markdown is right for all three.
"""

from __future__ import annotations

import copy
import datetime as dt
import posixpath
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jinja2
import lxml.html
import markdown
import yaml
from lxml import etree
from markupsafe import Markup

from briefgen import __version__
from briefgen.config import Settings
from briefgen.errors import BriefgenError, BuildError
from briefgen.model import Briefing
from briefgen.render import PDF_LINK_ATTR
from briefgen.write import safe_target

# Paper sizes as CSS @page sizes; the names are the settings' and the CLI's values.
PAPER_SIZES: dict[str, str] = {"a4": "A4", "letter": "letter"}

# Type scales tried, in order, for a one-pager that does not fit: base size in points.
# Below 7.5 pt a handout stops being readable, so shrinking stops there.
ONEPAGER_FONT_STEPS: tuple[float, ...] = (10.5, 9.5, 8.5, 7.5)

# A running header holds one line beside the section name at 7.5 pt; longer titles
# (transcripts are often named "Remarks by X, Y and Z in ...") are cut at a word.
RUNNING_TITLE_CHARS = 75

# Area pages are "NN-<area-slug>.md": the number keeps file order equal to article order.
_AREA_FILE = re.compile(r"^(\d+)-(.+)\.md$")
# Headings of area-page sections that repeat source paragraphs verbatim. The book leaves
# them out (the whole source is at its back, linked by ¶), and a one-pager shortens them
# first, from the last paragraph, because every word there is also in the source text.
EXCERPT_HEADINGS: tuple[str, ...] = ("from the article", "from the source", "source paragraphs", "excerpts")
# Ids of source paragraphs ("p12"), as the analysis contract and the source page use them.
_PARA_ID = re.compile(r"^p(\d+)$")
# Elements that have no place in a static PDF (and script must never run or be printed).
_STRIP_TAGS: tuple[str, ...] = ("script", "style", "iframe", "object", "embed", "form", "input", "button", "noscript")
# An opening <a> tag of the built site; each one that carries PDF_LINK_ATTR is relinked.
_A_TAG = re.compile(r"<a\s[^>]*>", re.IGNORECASE)
_PDF_ATTR = re.compile(rf"""\s{PDF_LINK_ATTR}\s*=\s*(["'])([^"'<>]*)\1""", re.IGNORECASE)
_HREF_ATTR = re.compile(r"""(\shref\s*=\s*)(["'])[^"'<>]*\2""", re.IGNORECASE)
# A PDF path as render.py writes it: safe slugs, no "..", ending in .pdf. A value that is
# anything else (a hand edit gone wrong) is left alone rather than trusted into an href.
_PDF_TARGET = re.compile(r"^[a-z0-9][a-z0-9-]*(?:/[a-z0-9][a-z0-9-]*)*\.pdf$")
# Extensions used when mkdocs.yml cannot be read: the ones briefgen's pages rely on.
_DEFAULT_EXTENSIONS: tuple[str, ...] = ("abbr", "admonition", "attr_list", "md_in_html", "tables", "toc")


# ----------------------------------------------------------------------------- data


@dataclass(frozen=True)
class SourcePage:
    """One page as collected: its key (file stem), front matter and HTML body."""

    key: str  # "index", "01-arctic", "glossary", "source"
    meta: tuple[tuple[str, str], ...]  # front matter, string values only
    html: str  # body HTML, as python-markdown (or the fallback template) made it
    from_docs: bool = True  # False when the analysis model stood in for a missing page

    def get(self, name: str) -> str | None:
        """A front matter value, or None."""
        return dict(self.meta).get(name)


@dataclass(frozen=True)
class AreaInput:
    """A friction area page plus the paragraph span the analysis gave it."""

    slug: str
    page: SourcePage
    paragraphs: tuple[int, ...] = ()  # paragraph numbers from the model, if known


@dataclass(frozen=True)
class Collected:
    """Everything read for one briefing, ready for the pure stages."""

    slug: str
    overview: SourcePage
    areas: tuple[AreaInput, ...]
    glossary: SourcePage | None
    source: SourcePage | None
    fallback_meta: tuple[tuple[str, str], ...] = ()  # title, author, organisation, source_date from the model


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


@dataclass(frozen=True)
class OnePager:
    """One area's handout: the fragment and the knobs the shrink loop turns."""

    slug: str
    title: str
    number: int
    html: Markup
    refs: tuple[tuple[str, str | None], ...]
    font_pt: float = ONEPAGER_FONT_STEPS[0]
    dropped: int = 0  # quotes left out to fit


@dataclass(frozen=True)
class PdfReport:
    """The files one PDF run wrote, and one-pagers that still needed more than a page."""

    written: tuple[str, ...] = ()
    overflowing: tuple[str, ...] = ()
    relinked: tuple[str, ...] = ()  # built HTML files whose PDF buttons were re-pointed


# ----------------------------------------------------------------------------- collect (I/O)


class _Loader(yaml.SafeLoader):
    """SafeLoader that reads MkDocs-style tags (!ENV, !!python/name:) as None instead of failing."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def markdown_config(config_file: Path, docs: Path) -> tuple[list[Any], dict[str, dict[str, Any]]]:
    """The Markdown extensions and their configs from mkdocs.yml, so pages render as on the site."""
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except (OSError, yaml.YAMLError):
        data = {}
    raw = data.get("markdown_extensions") if isinstance(data, dict) else None
    names: list[Any] = []
    configs: dict[str, dict[str, Any]] = {}
    for item in raw if isinstance(raw, list) else _DEFAULT_EXTENSIONS:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict) and len(item) == 1:
            name, conf = next(iter(item.items()))
            names.append(name)
            if isinstance(conf, dict):
                configs[name] = {k: v for k, v in conf.items() if v is not None}
    # A permalink after every heading prints as a stray "¶" on paper.
    configs.setdefault("toc", {})["permalink"] = False
    if "pymdownx.snippets" in configs or "pymdownx.snippets" in names:
        configs.setdefault("pymdownx.snippets", {}).setdefault("base_path", [str(config_file.parent), str(docs)])
    if "tables" not in names:
        names.append("tables")
    return names, configs


def _make_markdown(config_file: Path, docs: Path) -> markdown.Markdown:
    """A Markdown converter; an extension that will not load is left out rather than failing."""
    names, configs = markdown_config(config_file, docs)
    usable = []
    for name in names:
        try:
            markdown.Markdown(extensions=[name], extension_configs={name: configs[name]} if name in configs else {})
        except Exception:  # noqa: BLE001 - a theme-only extension must not stop the PDF
            continue
        usable.append(name)
    return markdown.Markdown(extensions=usable, extension_configs={k: v for k, v in configs.items() if k in usable})


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split MkDocs-style ``---`` YAML front matter from the Markdown body; bad YAML means none."""
    match = re.match(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", text, re.DOTALL)
    if not match:
        return {}, text
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, text
    if not isinstance(data, dict):
        return {}, text[match.end():]
    meta = {str(k): str(v) for k, v in data.items() if isinstance(v, (str, int, float, dt.date))}
    return meta, text[match.end():]


def read_page(path: Path, md: markdown.Markdown) -> SourcePage:
    """Read one Markdown page into front matter and HTML."""
    meta, body = split_front_matter(path.read_text(encoding="utf-8"))
    md.reset()
    return SourcePage(key=path.stem, meta=tuple(sorted(meta.items())), html=md.convert(body))


def collect(docs: Path, slug: str, md: markdown.Markdown, fallback: Briefing | None,
            templates: Path) -> Collected:
    """Read a briefing's pages from ``docs/<slug>/``; the model stands in for missing pages."""
    folder = docs / slug
    if not (folder / "index.md").is_file():
        raise BuildError(f"{folder / 'index.md'}: no overview page; run `briefgen generate` first")
    env = make_env(templates)
    overview = read_page(folder / "index.md", md)
    spans = {a.slug: tuple(int(p[1:]) for p in a.paragraphs) for a in fallback.areas} if fallback else {}
    area_files = sorted((p for p in folder.iterdir() if p.is_file() and _AREA_FILE.match(p.name)), key=lambda p: p.name)
    areas: tuple[AreaInput, ...]
    if area_files:
        areas = tuple(
            _area_input(p, read_page(p, md), spans) for p in area_files
        )
    elif fallback is not None:
        areas = _fallback_areas(fallback, env)
    else:
        areas = ()

    def page_or_fallback(name: str) -> SourcePage | None:
        if (folder / f"{name}.md").is_file():
            return read_page(folder / f"{name}.md", md)
        if fallback is None:
            return None
        html = env.get_template(f"fallback_{name}.html.j2").render(b=fallback)
        return SourcePage(key=name, meta=(), html=html, from_docs=False)

    fb_meta: tuple[tuple[str, str], ...] = ()
    if fallback is not None:
        m = fallback.meta
        fb_meta = tuple((k, v) for k, v in (("title", m.title), ("author", m.author),
                                            ("organisation", m.organisation), ("source_date", m.date),
                                            ("source_url", m.source_url)) if v)
    return Collected(slug=slug, overview=overview, areas=areas, glossary=page_or_fallback("glossary"),
                     source=page_or_fallback("source"), fallback_meta=fb_meta)


def _area_input(path: Path, page: SourcePage, spans: dict[str, tuple[int, ...]]) -> AreaInput:
    """An area page: its slug from front matter ``area`` or else from the file name."""
    match = _AREA_FILE.match(path.name)
    slug = page.get("area") or (match.group(2) if match else path.stem)
    return AreaInput(slug=slug, page=page, paragraphs=spans.get(slug, ()))


def _fallback_areas(b: Briefing, env: jinja2.Environment) -> tuple[AreaInput, ...]:
    """Area pages made from the model, for docs/ folders that have none (yet)."""
    template = env.get_template("fallback_area.html.j2")
    out = []
    for n, area in enumerate(b.areas, 1):
        quotes = tuple(b.quotes[i] for i in area.quotes if b.quotes[i].kind == "statement")
        html = template.render(area=area, quotes=quotes)
        page = SourcePage(key=f"{n:02d}-{area.slug}", meta=(("title", area.title),), html=html, from_docs=False)
        out.append(AreaInput(slug=area.slug, page=page, paragraphs=tuple(int(p[1:]) for p in area.paragraphs)))
    return tuple(out)


def fallback_briefings(settings: Settings) -> dict[str, Briefing]:
    """Analyse the seeds again (a few ms each) so metadata and spans can fill gaps in docs/."""
    from briefgen.analysis.ingest import read_source
    from briefgen.analysis import analyse
    from briefgen.pipeline import find_seeds, unique_slugs

    try:
        seeds = find_seeds(settings.seeds)
    except BriefgenError:
        return {}
    slugs = unique_slugs(seeds)
    out: dict[str, Briefing] = {}
    for path in seeds:
        try:
            out[slugs[path]] = analyse(read_source(path), slugs[path])
        except BriefgenError:
            continue  # generate already reported it; the pages alone still make a PDF
    return out


# ----------------------------------------------------------------------------- contexts (pure)


def _parse_fragment(html: str) -> etree._Element:
    return lxml.html.fragment_fromstring(html or "", create_parent="div")


def _serialize(root: etree._Element) -> Markup:
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
    root = _parse_fragment(html)
    for el in list(root.iter(*_STRIP_TAGS)):
        _drop(el)
    for el in list(root.iter("a")):
        classes = (el.get("class") or "").split()
        href = el.get("href") or ""
        if "headerlink" in classes or urlsplit(href).path.lower().endswith(".pdf"):
            parent = el.getparent()
            _drop(el)
            if parent is not None and parent is not root and not (parent.text_content() or "").strip() and len(parent) == 0:
                _drop(parent)
    h1 = next(iter(root.iter("h1")), None)
    title = None
    if h1 is not None:
        title = " ".join(h1.text_content().split()) or None
        _drop(h1)
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


def _drop(el: etree._Element) -> None:
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


def _ids(roots: list[etree._Element]) -> set[str]:
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


def book_meta(c: Collected, generated: dt.datetime) -> BookMeta:
    """Cover and PDF metadata: the overview's front matter first, the analysis second."""
    fb = dict(c.fallback_meta)

    def pick(name: str) -> str | None:
        value = c.overview.get(name) or fb.get(name)
        return " ".join(value.split()) if value else None

    title = pick("title") or c.slug
    subject = f"Briefing on “{title}”"
    if c.areas:
        subject += ": " + "; ".join(_area_title(a) for a in c.areas)
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


def _area_title(a: AreaInput) -> str:
    found = a.page.get("title")
    if found:
        return found
    h1 = next(iter(_parse_fragment(a.page.html).iter("h1")), None)
    return " ".join(h1.text_content().split()) if h1 is not None else a.slug.replace("-", " ").capitalize()


def _drop_heading(root: etree._Element, text: str) -> None:
    """Drop a leading heading that repeats the section title the template already prints."""
    first = root[0] if len(root) else None
    if first is not None and first.tag in ("h2", "h3") and " ".join(first.text_content().split()).lower() == text.lower():
        _drop(first)


def book_context(c: Collected, paper: str, generated: dt.datetime) -> dict[str, Any]:
    """Everything the book template prints (pure)."""
    meta = book_meta(c, generated)
    parts: list[tuple[str, str, str, SourcePage, int, tuple[int, ...]]] = [("s-index", "Overview", "overview", c.overview, 0, ())]
    for n, a in enumerate(c.areas, 1):
        parts.append((f"s-{a.page.key}", _area_title(a), "area", a.page, n, a.paragraphs))
    if c.glossary is not None:
        parts.append(("s-glossary", "Glossary", "glossary", c.glossary, 0, ()))
    if c.source is not None:
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
                    _drop(el)
        roots.append(root)
    known = _ids(roots) | {p[0] for p in parts}
    spans = [p[5] or cited_paragraphs(root) for p, root in zip(parts, roots)]
    resolve_links(roots, known)
    sections = tuple(
        Section(id=sid, title=title, html=_serialize(root), kind=kind, number=n,
                refs=para_refs(span, known) if kind == "area" else ())
        for (sid, title, kind, _page, n, _p), root, span in zip(parts, roots, spans)
    )
    return {"meta": meta, "sections": sections, "paper": PAPER_SIZES[paper],
            "area_count": len(c.areas), "version": __version__}


def onepager_contexts(c: Collected) -> tuple[OnePager, ...]:
    """One handout per area: its page without links that lead outside the handout (pure)."""
    out = []
    for n, a in enumerate(c.areas, 1):
        root, _h1 = clean_fragment(a.page.html, a.page.key)
        span = a.paragraphs or cited_paragraphs(root)
        resolve_links([root], _ids([root]))
        out.append(OnePager(slug=a.slug, title=_area_title(a), number=n, html=_serialize(root),
                            refs=para_refs(span, set())))
    return tuple(out)


def _text(el: etree._Element) -> str:
    return " ".join(el.text_content().split())


def excerpt_blocks(root: etree._Element) -> list[list[etree._Element]]:
    """Sections under an EXCERPT_HEADINGS h2: each as [heading, block, block, ...]."""
    out: list[list[etree._Element]] = []
    children = [el for el in root if isinstance(el.tag, str)]
    i = 0
    while i < len(children):
        if children[i].tag == "h2" and _text(children[i]).lower() in EXCERPT_HEADINGS:
            j = i + 1
            while j < len(children) and children[j].tag not in ("h1", "h2"):
                j += 1
            out.append(children[i:j])
            i = j
        else:
            i += 1
    return out


def quote_blocks(root: etree._Element) -> list[list[etree._Element]]:
    """Each quote with its attribution line, last quote first: what a one-pager may leave out."""
    found = [el for el in root.iter("blockquote", "div", "details")
             if el.tag == "blockquote" or "quote" in (el.get("class") or "").split()]
    found = [el for el in found if not any(anc in found for anc in el.iterancestors())]
    out = []
    for el in found:
        group = [el]
        nxt = el.getnext()
        # The attribution may follow the quote as its own paragraph ("— Speaker, role ¶5").
        if nxt is not None and nxt.tag == "p" and (_text(nxt)[:1] in ("—", "–") or "cite" in (nxt.get("class") or "")):
            group.append(nxt)
        out.append(group)
    return out[::-1]


def onepager_layouts(op: OnePager) -> tuple[OnePager, ...]:
    """Every layout to try, most content first: fewer source paragraphs, then smaller type, then fewer quotes.

    Content only ever decreases along the tuple, so the first layout that fits one page
    can be found by bisection. The summary and the source reference are in every layout.
    """
    base = _parse_fragment(str(op.html))
    excerpt_count = sum(len(section) - 1 for section in excerpt_blocks(base))
    quote_count = len(quote_blocks(base))
    plan = [(ONEPAGER_FONT_STEPS[0], keep, 0) for keep in range(excerpt_count, -1, -1)]
    plan += [(pt, 0, 0) for pt in ONEPAGER_FONT_STEPS[1:]]
    plan += [(ONEPAGER_FONT_STEPS[-1], 0, drop) for drop in range(1, quote_count + 1)]
    out = []
    for font_pt, keep, drop in plan:
        root = copy.deepcopy(base)
        _trim_excerpts(root, keep)
        for group in quote_blocks(root)[:drop]:
            for el in group:
                _drop(el)
        out.append(replace(op, html=_serialize(root), font_pt=font_pt, dropped=drop))
    return tuple(out)


def _trim_excerpts(root: etree._Element, keep: int) -> None:
    """Keep the first ``keep`` blocks of the excerpt sections; a section left empty loses its heading."""
    for section in excerpt_blocks(root):
        heading, blocks = section[0], section[1:]
        for el in blocks[keep:]:
            _drop(el)
        if keep == 0 or not blocks:
            _drop(heading)
        keep = max(0, keep - len(blocks))


def onepager_context(c: Collected, op: OnePager, paper: str, generated: dt.datetime) -> dict[str, Any]:
    """What the one-pager template prints (pure)."""
    return {"meta": book_meta(c, generated), "op": op, "paper": PAPER_SIZES[paper],
            "area_count": len(c.areas), "book_file": f"{c.slug}.pdf", "version": __version__}


# ----------------------------------------------------------------------------- render (pure)


def make_env(templates: Path) -> jinja2.Environment:
    """The print templates' environment: strict about undefined names, HTML-escaping everything."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates / "print")),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_book(env: jinja2.Environment, ctx: dict[str, Any]) -> str:
    """The briefing book as one HTML document."""
    return env.get_template("book.html.j2").render(**ctx)


def render_onepager(env: jinja2.Environment, ctx: dict[str, Any]) -> str:
    """One area's handout as an HTML document."""
    return env.get_template("onepager.html.j2").render(**ctx)


# ----------------------------------------------------------------------------- write (I/O)


def _local_fetcher(allowed: tuple[Path, ...]) -> Any:
    """A URL fetcher that reads local files under ``allowed`` (and data: URLs) only: no network, ever."""
    from weasyprint.urls import URLFetcher

    roots = tuple(p.resolve() for p in allowed)

    class LocalFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            if parts.scheme == "file" and not any(Path(unquote(parts.path)).resolve().is_relative_to(r) for r in roots):
                raise ValueError(f"{url}: outside the briefing's folders")
            return super().fetch(url, headers)

    return LocalFetcher(allowed_protocols=("file", "data"))


def _document(html: str, templates: Path, base: Path) -> Any:
    """Lay out an HTML string with the print stylesheet."""
    from weasyprint import CSS, HTML

    fetcher = _local_fetcher((templates, base))
    css = CSS(filename=str(templates / "print" / "print.css"), url_fetcher=fetcher)
    return HTML(string=html, base_url=str(base) + "/", url_fetcher=fetcher).render(stylesheets=[css])


def _write(document: Any, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    document.write_pdf(str(tmp))
    tmp.replace(target)


def build_book(c: Collected, site: Path, templates: Path, docs: Path, paper: str, generated: dt.datetime) -> Path:
    """Write ``site/<slug>/<slug>.pdf``."""
    env = make_env(templates)
    html = render_book(env, book_context(c, paper, generated))
    target = safe_target(site, f"{c.slug}/{c.slug}.pdf")
    _write(_document(html, templates, docs / c.slug), target)
    return target


def build_onepagers(c: Collected, site: Path, templates: Path, docs: Path, paper: str,
                    generated: dt.datetime) -> tuple[tuple[Path, ...], tuple[str, ...]]:
    """Write ``site/<slug>/pdf/<area>.pdf`` for every area; return them and any that overflow."""
    env = make_env(templates)
    written, overflowing = [], []
    for op in onepager_contexts(c):
        layouts = onepager_layouts(op)
        cache: dict[int, Any] = {}

        def lay_out(i: int) -> Any:
            if i not in cache:
                html = render_onepager(env, onepager_context(c, layouts[i], paper, generated))
                cache[i] = _document(html, templates, docs / c.slug)
            return cache[i]

        # Bisect for the first (fullest) layout that fits on one page.
        lo, hi = 0, len(layouts) - 1
        if len(lay_out(0).pages) == 1:
            hi = 0
        while lo < hi:
            mid = (lo + hi) // 2
            if len(lay_out(mid).pages) == 1:
                hi = mid
            else:
                lo = mid + 1
        document = lay_out(hi)
        if len(document.pages) != 1:
            overflowing.append(f"{c.slug}/pdf/{op.slug}.pdf")
        target = safe_target(site, f"{c.slug}/pdf/{op.slug}.pdf")
        _write(document, target)
        written.append(target)
    return tuple(written), tuple(overflowing)


def briefing_slugs(docs: Path) -> tuple[str, ...]:
    """The briefings in ``docs``: sub-folders holding an overview page, in name order."""
    if not docs.is_dir():
        return ()
    return tuple(sorted(p.name for p in docs.iterdir() if p.is_dir() and (p / "index.md").is_file()))


def build_pdfs(settings: Settings, paper: str | None = None, generated: dt.datetime | None = None,
               only: tuple[str, ...] | None = None) -> PdfReport:
    """Write every briefing's book and one-pagers into the site folder."""
    # 1. Settings and inputs: paper, date, the pages in docs/, the model as fallback.
    paper = paper or settings.paper
    if paper not in PAPER_SIZES:
        raise BuildError(f"paper size {paper!r}: use one of {', '.join(PAPER_SIZES)}")
    generated = generated or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    slugs = only or briefing_slugs(settings.docs)
    if not slugs:
        raise BuildError(f"{settings.docs}: no briefings found; run `briefgen generate` first")
    fallbacks = fallback_briefings(settings)
    md = _make_markdown(settings.config_file, settings.docs)
    written: list[str] = []
    overflowing: list[str] = []
    # 2. Per briefing: collect, then book, then one-pagers.
    for slug in slugs:
        c = collect(settings.docs, slug, md, fallbacks.get(slug), settings.templates)
        book = build_book(c, settings.site, settings.templates, settings.docs, paper, generated)
        pages, over = build_onepagers(c, settings.site, settings.templates, settings.docs, paper, generated)
        written += [str(book)] + [str(p) for p in pages]
        overflowing += over
    # 3. The built site's download buttons pointed at where the PDFs now are.
    relinked = relink_pdf_buttons(settings.site)
    return PdfReport(written=tuple(written), overflowing=tuple(overflowing),
                     relinked=tuple(str(p) for p in relinked))


# ----------------------------------------------------------------------------- site links (I/O)


def pdf_href(target: str, page_dir: str) -> str:
    """The href from a built page in ``page_dir`` (site-relative, "" for the root) to ``target``."""
    return posixpath.relpath(target, page_dir or ".")


def relink_html(html: str, page_dir: str) -> str:
    """``html`` with every PDF button's href made relative to ``page_dir``; nothing else changes."""

    def fix(tag: re.Match[str]) -> str:
        text = tag.group(0)
        found = _PDF_ATTR.search(text)
        if not found or not _PDF_TARGET.match(found.group(2)):
            return text
        href = pdf_href(found.group(2), page_dir)
        # The lambda keeps the quote the engine used; a tag without an href gains one.
        fixed, n = _HREF_ATTR.subn(lambda m: f"{m.group(1)}{m.group(2)}{href}{m.group(2)}", text, count=1)
        return fixed if n else text[:2] + f' href="{href}"' + text[2:]

    return _A_TAG.sub(fix, html) if PDF_LINK_ATTR in html else html


def relink_pdf_buttons(site: Path) -> tuple[Path, ...]:
    """Point the PDF buttons of every built HTML page under ``site`` at their PDFs; the files changed."""
    changed: list[Path] = []
    if not site.is_dir():
        return ()
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        page_dir = path.parent.relative_to(site).as_posix()
        fixed = relink_html(text, "" if page_dir == "." else page_dir)
        if fixed != text:
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_text(fixed, encoding="utf-8", errors="surrogateescape")
            tmp.replace(path)
            changed.append(path)
    return tuple(changed)
