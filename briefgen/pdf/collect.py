"""Collect (I/O): a briefing's pages from docs/, read as readers see them, the analysis filling gaps.

Pages are found by name, tolerantly: ``index.md`` (overview and bottom line),
``NN-<area-slug>.md`` (one per friction area, in file order), ``glossary.md`` and
``source.md``. Other pages (``quotes.md``) are not in the book: the quotes are already in
their areas. Each page's front matter is read as YAML and its Markdown converted with
python-markdown and the ``markdown_extensions`` of mkdocs.yml, so it prints as the site
shows it. The seed's analysis (from the cache) is only the fallback: it fills metadata the
overview's front matter lacks, the paragraph span of an area, and any page (area,
glossary, source) that does not exist in ``docs/``, through the print templates'
``fallback_*.html.j2``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import markdown
import yaml

from briefgen.errors import BuildError
from briefgen.model import Briefing

# Area pages are "NN-<area-slug>.md": the number keeps file order equal to article order.
_AREA_FILE = re.compile(r"^(\d+)-(.+)\.md$")
# Extensions used when mkdocs.yml cannot be read: the ones briefgen's pages rely on.
_DEFAULT_EXTENSIONS: tuple[str, ...] = ("abbr", "admonition", "attr_list", "md_in_html", "tables", "toc")


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
    fallback_meta: tuple[tuple[str, str], ...] = ()  # title, author, organisation, source_date, source_url from the model


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


def make_markdown(config_file: Path, docs: Path) -> markdown.Markdown:
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
            env: jinja2.Environment) -> Collected:
    """Read a briefing's pages from ``docs/<slug>/``; the model stands in for missing pages.

    ``env`` is the print templates' (``writer.make_env``): it renders the stand-in pages.
    """
    folder = docs / slug
    if not (folder / "index.md").is_file():
        raise BuildError(f"{folder / 'index.md'}: no overview page; run `briefgen generate` first")
    overview = read_page(folder / "index.md", md)
    spans = {a.slug: tuple(int(p[1:]) for p in a.paragraphs) for a in fallback.areas} if fallback else {}
    area_files = sorted((p for p in folder.iterdir() if p.is_file() and _AREA_FILE.match(p.name)), key=lambda p: p.name)
    areas: tuple[AreaInput, ...]
    if area_files:
        areas = tuple(_area_input(p, read_page(p, md), spans) for p in area_files)
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


def briefing_slugs(docs: Path) -> tuple[str, ...]:
    """The briefings in ``docs``: sub-folders holding an overview page, in name order."""
    if not docs.is_dir():
        return ()
    return tuple(sorted(p.name for p in docs.iterdir() if p.is_dir() and (p / "index.md").is_file()))
