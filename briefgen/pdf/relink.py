"""Relink (I/O): the built site's "Download PDF" buttons pointed at the PDFs.

Each button names its PDF's site-root-relative path in ``data-briefgen-pdf``, and its href
is rewritten relative to the built HTML file that holds it. MkDocs resolves a raw-HTML
link against the page URL, Zensical against the Markdown file, and the offline bundle
gives pages .html URLs, so no href written in the Markdown is right for all three.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from briefgen.render import PDF_LINK_ATTR

# An opening <a> tag of the built site; each one that carries PDF_LINK_ATTR is relinked.
_A_TAG = re.compile(r"<a\s[^>]*>", re.IGNORECASE)
_PDF_ATTR = re.compile(rf"""\s{PDF_LINK_ATTR}\s*=\s*(["'])([^"'<>]*)\1""", re.IGNORECASE)
_HREF_ATTR = re.compile(r"""(\shref\s*=\s*)(["'])[^"'<>]*\2""", re.IGNORECASE)
# A PDF path as render.py writes it: safe slugs, no "..", ending in .pdf. A value that is
# anything else (a hand edit gone wrong) is left alone rather than trusted into an href.
_PDF_TARGET = re.compile(r"^[a-z0-9][a-z0-9-]*(?:/[a-z0-9][a-z0-9-]*)*\.pdf$")


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
