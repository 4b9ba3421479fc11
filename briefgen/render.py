"""Render: briefings to Markdown pages through the Jinja2 templates. Pure: no file writes.

Python decides what goes on a page (the contexts built here); the templates only loop and
branch. Every value a template prints passes through ``md_escape`` unless it is wrapped
in ``Markup`` by this module, so no source text can become Markdown, HTML or Jinja syntax.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from briefgen.model import Briefing, Page

# Characters that would start Markdown or HTML syntax in the middle of a line.
_INLINE = re.compile(r"([\\`*_\[\]{}<>])")
# Line starts that Markdown reads as a heading, quote, list or rule.
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])", re.MULTILINE)


def md_escape(value: Any) -> str:
    """Escape text from a source so Markdown shows it literally and no HTML gets through."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    text = str(value).replace("&", "&amp;")
    text = _INLINE.sub(lambda m: "&lt;" if m.group(1) == "<" else "&gt;" if m.group(1) == ">" else "\\" + m.group(1), text)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2) if not m.group(2)[0].isdigit() else m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text)


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


def render_library(briefings: tuple[Briefing, ...], templates: Path) -> tuple[Page, ...]:
    """All pages of the site: the home page and every briefing's pages."""
    env = make_env(templates)
    pages = [Page("index.md", env.get_template("home.md.j2").render(briefings=briefings))]
    for b in briefings:
        pages.append(Page(f"{b.slug}/index.md", env.get_template("briefing.md.j2").render(b=b)))
    return tuple(pages)
