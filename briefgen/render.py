"""Render: briefings to Markdown pages through the Jinja2 templates. Pure: no file writes.

Python decides what goes on a page (the contexts built here); the templates only loop and
branch. Every value a template prints passes through ``md_escape`` unless it is wrapped
in ``Markup`` by this module, so no source text can become Markdown, HTML or Jinja syntax.

Pages of one briefing, under ``docs/<briefing-slug>/``:

- ``index.md``: the overview (bottom line, a card per area, source metadata)
- ``NN-<area-slug>.md``: one page per friction area; the number keeps reading order
  wherever pages are listed by file name (the PDF step, a file browser)
- ``quotes.md``, ``glossary.md``, ``source.md`` (the cleaned article, ``#pN`` anchors)

and, for the whole site, ``index.md`` (home), ``tags.md`` and ``.nav.yml``: the site's
navigation, which mkdocs.yml INHERITs, so each briefing's section is titled with its
article's title rather than its folder name.

Generated Markdown is meant to be edited by hand and merged with later runs, so it is
deterministic, has one paragraph or list item per line and no trailing whitespace.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from briefgen.model import Area, Briefing, Page, Paragraph, Quote
from briefgen.state import AreaRecord

if TYPE_CHECKING:
    from briefgen.updates import RecentItem

# Characters that would start Markdown or HTML syntax in the middle of a line.
_INLINE = re.compile(r"([\\`*_\[\]{}<>])")
# Line starts that Markdown (with the admonition extension) reads as a block: heading,
# quote, list, rule, setext underline, admonition, fence, table or definition.
_LINE_START = re.compile(r"^([#>+\-=!~|:]|\d+[.)])")
_WHITESPACE = re.compile(r"\s+")
# Python-Markdown has no backslash escape for these, so they become character references.
_NOT_ESCAPABLE = frozenset("=~|:")

# The tag listing page across all briefings (Material's built-in tags plugin fills it in
# where the listing directive stands).
TAGS_PAGE = "tags.md"
# The site's navigation. mkdocs.yml says `INHERIT: docs/.nav.yml`, which MkDocs and
# Zensical both read; a dotfile, so neither engine publishes it as a page of the site.
NAV_FILE = ".nav.yml"
# Titles of each briefing's fixed pages in the navigation, after its area pages.
NAV_TAIL: tuple[tuple[str, str], ...] = (("Quotes", "quotes.md"), ("Glossary", "glossary.md"), ("Source text", "source.md"))
# Raw-HTML PDF buttons name their PDF's site-root-relative path in this attribute, so the
# PDF step can point each href at it from wherever the built page ends up (MkDocs and
# Zensical resolve raw-HTML links differently, and the offline bundle has .html URLs).
PDF_LINK_ATTR = "data-briefgen-pdf"
# Style sheets live beside the templates and are published as docs/assets/...
ASSETS_DIR = "assets"
# Slugs name files and URLs: anything else is dropped rather than trusted.
_SLUG_UNSAFE = re.compile(r"[^a-z0-9-]+")
# Abbreviations the abbr extension can carry: its definition syntax breaks on brackets,
# backslashes and colons, and a term is matched as a word, so keep to plain acronyms.
_ABBR_TERM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.&/\- ]{0,40}$")
# Tag names reach the theme's HTML and the tag index; keep to characters of names.
_TAG_NAME = re.compile(r"^[\w][\w .,'\u2019&\-]{0,80}$")
# Front matter values reach the themes' HTML unescaped (see _yaml_str).
_FRONT_MATTER_SAFE = str.maketrans({"<": "\u2039", ">": "\u203a"})
# Characters a YAML reader rejects or reads as a line break, which json.dumps leaves raw
# when ensure_ascii is off: C1 controls and DEL (PyYAML refuses them), NEL and the Unicode
# line/paragraph separators, lone surrogates and the two non-characters.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
# Characters a URL may hold and still be printed safely as a Markdown link target.
_URL_CHARS = re.compile(r"^[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]+$")
# Where the overview says when the briefing last changed. A briefing's pages are rendered
# (and cached) once per change of its seed or spec; the date comes from the change record
# after all are rendered, so the overview is rendered with this line, filled in by updates.py.
UPDATED_SLOT = "<!-- briefgen:updated -->"


def md_escape(value: Any) -> str:
    """Escape text from a source so Markdown shows it literally and no HTML gets through.

    Whitespace (newlines included) collapses to single spaces: a value is one line of
    the page, so it cannot open a block of its own halfway through.
    """
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    text = _WHITESPACE.sub(" ", str(value)).strip().replace("&", "&amp;")
    text = _INLINE.sub(_escape_char, text)
    return _LINE_START.sub(_escape_start, text)


def _escape_char(m: re.Match[str]) -> str:
    char = m.group(1)
    return "&lt;" if char == "<" else "&gt;" if char == ">" else "\\" + char


def _escape_start(m: re.Match[str]) -> str:
    mark = m.group(1)
    if mark in _NOT_ESCAPABLE:
        return f"&#{ord(mark)};"
    return mark[:-1] + "\\" + mark[-1]


def make_env(templates: Path) -> jinja2.Environment:
    """The Jinja2 environment: strict about undefined names, escaping by default."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        undefined=jinja2.StrictUndefined,
        finalize=md_escape,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


# ---------------------------------------------------------------------------------------
# Contexts: what the templates print. Text fields are escaped by the template env;
# fields built here from trusted parts (links, front matter) are Markup.
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    """A piece of text with a link to the source paragraph it comes from."""

    text: str
    num: int  # the paragraph's number, shown as "¶N"
    href: Markup  # "source.md#pN"


@dataclass(frozen=True)
class QuoteView:
    """A key quote as printed: words, attribution and where it stands in the source."""

    text: str
    speaker: str
    role: str
    ref: Ref
    area_title: str
    area_href: Markup


@dataclass(frozen=True)
class ParaView:
    """A paragraph as printed: heading and speaker shown only where they change."""

    heading: str
    speaker: str
    text: str
    num: int
    anchor: Markup  # "pN"
    href: Markup


@dataclass(frozen=True)
class AreaCard:
    """An area on the overview: linked title and a one-line summary."""

    title: str
    href: Markup
    line: str
    counts: str  # "3 paragraphs · 1 key quote"


@dataclass(frozen=True)
class ChapterCards:
    """The overview's area cards under one chapter of a long report ("" for no chapter)."""

    title: str
    cards: tuple[AreaCard, ...]


@dataclass(frozen=True)
class SpeakerGroup:
    """The statements of one speaker, for the quotes page, with the role (and so the
    organisation) the article gives them."""

    speaker: str
    role: str
    quotes: tuple[QuoteView, ...]


@dataclass(frozen=True)
class HomeItem:
    """A briefing on the site's home page."""

    title: str
    href: Markup
    byline: str
    line: str
    areas_label: str  # "4 friction areas"
    url: str = ""  # the original article's address, when the article gives it


@dataclass(frozen=True)
class BriefingPart:
    """One briefing's share of the site: its pages, its home-page entry and its nav section.

    Depends on that briefing alone, so it can be rendered in a worker process and cached.
    """

    key: tuple[str, str]  # where it sorts among the briefings
    pages: tuple[Page, ...]
    home: HomeItem
    nav: tuple[str, ...]
    folder: str = ""  # its folder under docs/
    areas: tuple[AreaRecord, ...] = ()  # its area pages' identities, for the change record


def render_part(b: Briefing, env: jinja2.Environment) -> BriefingPart:
    """One briefing's pages, home-page entry and nav section."""
    areas = tuple(AreaRecord(a.slug, a.title, f, tuple(_num(p) for p in a.paragraphs)) for a, f in zip(b.areas, area_files(b.areas)))
    return BriefingPart(_briefing_key(b), tuple(render_briefing(b, env)), _home_item(b), nav_section(b),
                        safe_slug(b.slug, "briefing"), areas)


def assemble_library(
    parts: tuple[BriefingPart, ...], templates: Path, env: jinja2.Environment | None = None,
    recent: tuple[RecentItem, ...] = (),
) -> tuple[Page, ...]:
    """The site from each briefing's part: home (with ``recent``, what changed lately), tag index, style sheets, briefing pages, nav."""
    env = env or make_env(templates)
    ordered = tuple(sorted(parts, key=lambda part: part.key))
    pages = [
        Page("index.md", env.get_template("home.md.j2").render(items=tuple(part.home for part in ordered), recent=recent)),
        Page(TAGS_PAGE, env.get_template("tags.md.j2").render()),
    ]
    pages += read_assets(templates)
    for part in ordered:
        pages += part.pages
    pages.append(Page(NAV_FILE, _nav_text(tuple(part.nav for part in ordered))))
    return tuple(pages)


def _nav_text(sections: tuple[tuple[str, ...], ...]) -> str:
    lines = [
        "# The site's navigation, written by briefgen generate and read through mkdocs.yml's",
        "# INHERIT. Reorder or retitle freely: your edits are merged with the next run's.",
        "nav:",
        f"  - {_yaml_str('Home')}: index.md",
        f"  - {_yaml_str('Tags')}: {TAGS_PAGE}",
    ]
    for section in sections:
        lines += section
    return "\n".join(lines) + "\n"


def nav_section(b: Briefing) -> tuple[str, ...]:
    """The nav lines of one briefing: its title, overview, area pages and fixed pages."""
    slug = safe_slug(b.slug, "briefing")
    lines = [f"  - {_yaml_str(briefing_title(b))}:", f"      - {slug}/index.md"]
    files = area_files(b.areas)
    for group in chapter_cards(b, files):
        # a long report: chapter -> areas, unless the chapter is one area of its own name
        nested = bool(group.title) and (len(group.cards) > 1 or group.cards[0].title != group.title)
        if nested:
            lines.append(f"      - {_yaml_str(group.title)}:")
        indent = "          " if nested else "      "
        for card in group.cards:
            lines.append(f"{indent}- {_yaml_str(_one_line(card.title) or str(card.href))}: {slug}/{card.href}")
    lines += [f"      - {_yaml_str(title)}: {slug}/{name}" for title, name in NAV_TAIL]
    return tuple(lines)


def read_assets(templates: Path) -> list[Page]:
    """The style sheets under ``templates/assets``, published as ``docs/assets/...``."""
    root = templates / ASSETS_DIR
    if not root.is_dir():
        return []
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".css", ".js"))
    return [Page(f"{ASSETS_DIR}/{p.relative_to(root).as_posix()}", p.read_text(encoding="utf-8")) for p in files]


def render_briefing(b: Briefing, env: jinja2.Environment) -> list[Page]:
    """The pages of one briefing: overview, one page per area, quotes, glossary, source."""
    slug = safe_slug(b.slug, "briefing")
    abbrs = abbr_lines(b)
    files = area_files(b.areas)
    title = briefing_title(b)
    pdf_book = pdf_button(f"{slug}.pdf", f"{slug}/{slug}.pdf", "Download PDF")
    overview = {
        "front": front_matter(
            title=title,
            author=b.meta.author,
            organisation=b.meta.organisation,
            source_date=b.meta.date,
            briefing=slug,
            **({"source_url": url} if (url := safe_url(b.meta.source_url)) else {}),
            **({"note": "true"} if b.note else {}),
        ),
        "title": title,
        "byline": byline(b),
        "updated": Markup(UPDATED_SLOT),
        "pdf": pdf_book,
        "bottom_line": tuple(_ref(e.text, e.paragraph) for e in b.summary),
        "note": b.note,
        # The context sets the scene; a sentence the bottom line already shows is not repeated.
        "context": tuple(_ref(e.text, e.paragraph) for e in b.context.summary
                         if (e.text, e.paragraph) not in {(s.text, s.paragraph) for s in b.summary}),
        "text": _para_views(b, b.context.paragraphs) if b.note else (),
        "chapters": chapter_cards(b, files),
        "source": _source_meta(b),
        "abbrs": abbrs,
    }
    pages = [Page(f"{slug}/index.md", env.get_template("overview.md.j2").render(**overview))]
    # Every page of the briefing names its author, for the page's metadata (the themes'
    # <meta name="author">), as the overview does.
    by = {"author": author} if (author := _one_line(b.meta.author)) else {}
    for area, name in zip(b.areas, files):
        area_pdf = f"{safe_slug(area.slug, 'area')}.pdf"
        ctx = {
            "front": front_matter(title=area.title, briefing=slug, area=safe_slug(area.slug, "area"), **by, tags=area_tags(area)),
            "title": area.title,
            "briefing_title": title,
            "pdf": Markup(
                pdf_button(f"../pdf/{area_pdf}", f"{slug}/pdf/{area_pdf}", "Download PDF") + " "
                + pdf_button(f"../{slug}.pdf", f"{slug}/{slug}.pdf", "Whole briefing (PDF)")
            ),
            "summary": tuple(_ref(e.text, e.paragraph) for e in area.summary),
            "quotes": tuple(_quote_view(b, b.quotes[i], files) for i in area.quotes if b.quotes[i].kind == "statement"),
            "paragraphs": _para_views(b, area.paragraphs),
            "abbrs": abbrs,
        }
        pages.append(Page(f"{slug}/{name}", env.get_template("area.md.j2").render(**ctx)))
    common = {"briefing_title": title, "abbrs": abbrs}
    pages.append(Page(f"{slug}/quotes.md", env.get_template("quotes.md.j2").render(
        front=front_matter(title="Quotes", briefing=slug, **by), groups=speaker_groups(b, files), **common)))
    pages.append(Page(f"{slug}/glossary.md", env.get_template("glossary.md.j2").render(
        front=front_matter(title="Glossary", briefing=slug, **by), entries=b.glossary, **common)))
    pages.append(Page(f"{slug}/source.md", env.get_template("source.md.j2").render(
        front=front_matter(title="Source text", briefing=slug, **by), source=_source_meta(b),
        paragraphs=_para_views(b, tuple(p.id for p in b.paragraphs)), **common)))
    return [Page(p.path, tidy(p.content)) for p in pages]


# ---------------------------------------------------------------------------------------
# Pieces of pages
# ---------------------------------------------------------------------------------------


def pdf_button(href: str, target: str, label: str) -> Markup:
    """A download button for a PDF the PDF step publishes at ``target`` (site-root-relative).

    ``href`` is right for MkDocs' directory URLs; after a build, the PDF step rewrites it
    from the ``data-briefgen-pdf`` attribute for whatever URL the page really got.
    """
    return Markup(f'<a class="md-button" href="{href}" {PDF_LINK_ATTR}="{target}" download>{label}</a>')


def safe_slug(slug: str, fallback: str) -> str:
    """``slug`` reduced to lowercase letters, digits and hyphens (never empty)."""
    clean = _SLUG_UNSAFE.sub("-", slug.lower()).strip("-")
    return clean or fallback


def area_files(areas: tuple[Area, ...]) -> tuple[str, ...]:
    """File names of the area pages, numbered so that name order is reading order."""
    width = max(2, len(str(len(areas))))
    return tuple(f"{i:0{width}d}-{safe_slug(a.slug, 'area')}.md" for i, a in enumerate(areas, 1))


def briefing_title(b: Briefing) -> str:
    """The briefing's title: the article's, else its file name made readable."""
    return _one_line(b.meta.title) or readable_slug(b.slug)


def readable_slug(slug: str) -> str:
    """``03-asian-games-frictions`` -> ``Asian games frictions``: a title when the article has none.

    A leading number is how people order files, not part of the name.
    """
    words = re.sub(r"^\d+-(?=[a-z])", "", slug).replace("-", " ").strip()
    return words[:1].upper() + words[1:] if words else slug


def byline(b: Briefing) -> str:
    """Author, organisation and source date, those that are known, in one line."""
    return " · ".join(x for x in (_one_line(b.meta.author), _one_line(b.meta.organisation), b.meta.date) if x)


def front_matter(**fields: Any) -> Markup:
    """A YAML front matter block; each value a JSON string (valid YAML) so none is read as syntax."""
    lines = ["---"]
    for key, value in fields.items():
        if isinstance(value, tuple):
            if value:
                lines.append(f"{key}:")
                lines += [f"  - {_yaml_str(v)}" for v in value]
        else:
            lines.append(f"{key}: {'null' if value is None else _yaml_str(str(value))}")
    lines.append("---")
    return Markup("\n".join(lines))


def _yaml_str(value: str) -> str:
    # MkDocs and Zensical print a page's title into <title> and the navigation without
    # escaping it, so angle brackets become look-alikes that cannot open a tag. (Escaping
    # them as entities would show "&lt;" in the attributes the themes do escape.)
    text = json.dumps(_one_line(value).translate(_FRONT_MATTER_SAFE), ensure_ascii=False)
    # A JSON string is a YAML double-quoted scalar, but for the characters YAML reads
    # differently (see _YAML_UNSAFE): those become \uXXXX escapes, which both read alike.
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def area_tags(area: Area) -> tuple[str, ...]:
    """The area's people, organisations and places as page tags: deduplicated, safe names only."""
    seen: set[str] = set()
    tags: list[str] = []
    for name in area.entities.people + area.entities.organisations + area.entities.places:
        tag = _one_line(name)
        if _TAG_NAME.match(tag) and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    return tuple(tags)


def abbr_lines(b: Briefing) -> tuple[Markup, ...]:
    """``*[TERM]: expansion`` lines, so every use of a term shows its expansion on hover."""
    out: list[Markup] = []
    seen: set[str] = set()
    for entry in b.glossary:
        term = _one_line(entry.term)
        expansion = _one_line(entry.expansion)
        if not _ABBR_TERM.match(term) or not expansion or term in seen:
            continue
        seen.add(term)
        # The expansion only becomes a title attribute, which the serializer escapes;
        # the term is checked above, so the line can mean nothing but a definition.
        out.append(Markup(f"*[{term}]: {expansion}"))
    return tuple(out)


def speaker_groups(b: Briefing, files: tuple[str, ...]) -> tuple[SpeakerGroup, ...]:
    """Every statement grouped by speaker, names in alphabetical order, unattributed last."""
    groups: dict[str, list[QuoteView]] = {}
    for q in b.quotes:
        if q.kind == "statement":
            groups.setdefault(_one_line(q.speaker), []).append(_quote_view(b, q, files))
    names = sorted((n for n in groups if n), key=lambda n: (n.casefold(), n))
    ordered = []
    for n in names:
        role = next((v.role for v in groups[n] if v.role), "")
        # The group's role heads it; a quote repeats a role only where it differs.
        views = tuple(replace(v, role="" if v.role == role else v.role) for v in groups[n])
        ordered.append(SpeakerGroup(n, role, views))
    if "" in groups:
        ordered.append(SpeakerGroup("Unattributed", "", tuple(groups[""])))
    return tuple(ordered)


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL that prints safely as a link, else None."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or not _URL_CHARS.match(url):
        return None
    return url


def tidy(text: str) -> str:
    """No trailing whitespace, no runs of blank lines, exactly one final newline."""
    lines = [ln.rstrip() for ln in text.splitlines()]
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def plural(n: int, noun: str) -> str:
    """``n`` and ``noun``, with an s unless n is 1."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _one_line(value: str | None) -> str:
    return _WHITESPACE.sub(" ", value or "").strip()


def _num(pid: str) -> int:
    return int(pid[1:])


def _ref(text: str, pid: str) -> Ref:
    return Ref(text, _num(pid), Markup(f"source.md#p{_num(pid)}"))


def _area_of(b: Briefing, pid: str, files: tuple[str, ...]) -> tuple[str, Markup]:
    for area, name in zip(b.areas, files):
        if pid in area.paragraphs:
            return area.title, Markup(name)
    return "", Markup("")


def _quote_view(b: Briefing, q: Quote, files: tuple[str, ...]) -> QuoteView:
    title, href = _area_of(b, q.paragraph, files)
    speaker, role = _one_line(q.speaker), _one_line(q.role)
    if role and role.casefold() in speaker.casefold():
        role = ""  # "a spokesman for Disney": the organisation is already in the speaker
    return QuoteView(
        text=q.text,
        speaker=speaker or "Unattributed",
        role=role,
        ref=_ref(q.text, q.paragraph),
        area_title=title,
        area_href=href,
    )


def _para_views(b: Briefing, ids: tuple[str, ...]) -> tuple[ParaView, ...]:
    views: list[ParaView] = []
    prev: Paragraph | None = None
    for pid in ids:
        p = b.paragraph(pid)
        n = _num(p.id)
        # A heading or speaker is printed where it starts, not on every paragraph under it.
        heading = p.heading if p.heading and (prev is None or prev.heading != p.heading) else ""
        speaker = p.speaker if p.speaker and (prev is None or prev.speaker != p.speaker) else ""
        views.append(ParaView(_one_line(heading), _one_line(speaker), p.text, n, Markup(f"p{n}"), Markup(f"source.md#p{n}")))
        prev = p
    return tuple(views)


def chapter_cards(b: Briefing, files: tuple[str, ...]) -> tuple[ChapterCards, ...]:
    """The overview's area cards, grouped by chapter in reading order (one untitled group without chapters)."""
    groups: list[tuple[str, list[AreaCard]]] = []
    for area, name in zip(b.areas, files):
        title = _one_line(area.chapter)
        if not groups or groups[-1][0] != title:
            groups.append((title, []))
        groups[-1][1].append(_card(b, area, name))
    return tuple(ChapterCards(title, tuple(cards)) for title, cards in groups)


def _card(b: Briefing, area: Area, name: str) -> AreaCard:
    # The card's one line: the area's first summary sentence, else its opening sentence.
    first = b.paragraph(area.paragraphs[0]) if area.paragraphs else None
    line = area.summary[0].text if area.summary else first.sentences[0].text if first and first.sentences else ""
    statements = sum(1 for i in area.quotes if b.quotes[i].kind == "statement")
    counts = f"{plural(len(area.paragraphs), 'paragraph')} · {plural(statements, 'key quote')}"
    return AreaCard(area.title, Markup(name), line, counts)


def _source_meta(b: Briefing) -> dict[str, Any]:
    url = safe_url(b.meta.source_url)
    return {
        "file": Path(b.source.path).name,
        "author": _one_line(b.meta.author),
        "organisation": _one_line(b.meta.organisation),
        "date": b.meta.date or "",
        "url": url or "",
        "url_href": Markup(url) if url else Markup(""),
    }


def _briefing_key(b: Briefing) -> tuple[str, str]:
    return (briefing_title(b).casefold(), b.slug)


def _home_item(b: Briefing) -> HomeItem:
    slug = safe_slug(b.slug, "briefing")
    return HomeItem(
        title=briefing_title(b),
        href=Markup(f"{slug}/index.md"),
        byline=byline(b),
        line=b.summary[0].text if b.summary else "",
        areas_label="One-page note" if b.note else plural(len(b.areas), "friction area"),
        url=safe_url(b.meta.source_url) or "",
    )

