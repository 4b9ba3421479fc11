"""Writer (I/O): the print templates made into HTML, and WeasyPrint making that into PDFs.

The templates (``templates/print/``: Jinja2 + CSS paged media) are strict about undefined
names and escape everything. WeasyPrint fetches only local files under the briefing's
folders and data: URLs, never the network. Output is deterministic apart from the
generation date, which the caller passes in and which is written as the PDF's creation
date (metadata set explicitly, no random file id).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jinja2

from briefgen.pdf.book import book_context
from briefgen.pdf.collect import Collected
from briefgen.pdf.onepager import fullest_fitting, onepager_context, onepager_contexts, onepager_layouts
from briefgen.write import safe_target


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
        laid_out: dict[int, Any] = {}

        def lay_out(i: int) -> Any:
            # Bisection asks about a layout more than once: WeasyPrint lays each out once.
            if i not in laid_out:
                html = render_onepager(env, onepager_context(c, layouts[i], paper, generated))
                laid_out[i] = _document(html, templates, docs / c.slug)
            return laid_out[i]

        document = lay_out(fullest_fitting(len(layouts), lambda i: len(lay_out(i).pages) == 1))
        if len(document.pages) != 1:
            overflowing.append(f"{c.slug}/pdf/{op.slug}.pdf")
        target = safe_target(site, f"{c.slug}/pdf/{op.slug}.pdf")
        _write(document, target)
        written.append(target)
    return tuple(written), tuple(overflowing)
