"""An article printed as a PDF and saved as a Word file, as analysts receive them.

Used by the quality gate (the dev set in every format), benchmarks/formats.py (the devsets)
and the reader tests. Nothing is downloaded: WeasyPrint's URL fetcher refuses every request,
so a saved page's images and stylesheets are simply left out.

- ``article_html``: the article as a browser would show it: a saved page as it is, Markdown
  rendered (its front matter's title as the heading), plain text a paragraph per block.
- ``print_pdf``: that HTML printed with WeasyPrint: A4, justified and hyphenated text, a
  running header (``RUNNING_HEADER``) and a "Page N of M" footer on every page.
- ``save_docx``: that HTML's visible blocks saved with python-docx: headings as Heading
  styles, the rest as paragraphs, with a running header and a footer.
"""

from __future__ import annotations

import datetime as _dt
import html as _html
import re
from pathlib import Path

import markdown
import yaml

RUNNING_HEADER = "Printed for the briefing team"
FOOTER = "Page footer: internal copy"

PRINT_CSS = f"""
@page {{
  size: A4; margin: 2.4cm 2.2cm;
  @top-center {{ content: "{RUNNING_HEADER}"; font-size: 8.5pt; }}
  @bottom-right {{ content: "Page " counter(page) " of " counter(pages); font-size: 8.5pt; }}
}}
html {{ font-family: "DejaVu Serif", serif; font-size: 10.5pt; }}
body {{ text-align: justify; hyphens: auto; }}
img, svg, video, iframe {{ display: none; }}
"""

_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "th", "dt", "dd",
           "pre", "section", "article", "header", "footer", "main", "nav", "aside", "figcaption", "tr",
           "ul", "ol", "table", "body", "form", "figure", "address"}
_SKIP = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "iframe"}


def article_html(path: Path) -> str:
    """The article as a web page (a saved page is returned as it is)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix.lower() in (".html", ".htm"):
        return text if re.search(r"(?i)<html\b", text) else f'<html lang="en"><body>{text}</body></html>'
    title = ""
    if path.suffix.lower() in (".md", ".markdown"):
        m = re.match(r"\A(?:[ \t]*\n)*---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", text, re.S)
        if m:
            try:
                data = yaml.safe_load(m.group(1))
            except yaml.YAMLError:
                data = None
            if isinstance(data, dict) and data.get("title"):
                title = f"<h1>{_html.escape(str(data['title']))}</h1>"
            if isinstance(data, dict) and isinstance(data.get("date"), (str, _dt.date)):
                # a web page shows its date under the title, as a reader sees it
                day = _dt.date.fromisoformat(str(data["date"])[:10])
                title += f"<p>{day.strftime('%B')} {day.day}, {day.year}</p>"
            text = text[m.end():]
        body = markdown.markdown(text, extensions=["tables"])
    else:
        blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", text) if b.strip()]
        body = "".join(f"<p>{_html.escape(b)}</p>" for b in blocks)
    return f'<html lang="en"><head><meta charset="utf-8"></head><body>{title}{body}</body></html>'


def _no_fetch() -> object:
    """A WeasyPrint URL fetcher that fetches nothing: images and stylesheets are left out."""
    from weasyprint.urls import URLFetcher

    class NoFetch(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: object = None) -> object:
            raise ValueError(f"not fetched: {url}")

    return NoFetch()


def print_pdf(article: Path, out: Path) -> Path:
    """Print the article to ``out`` as a PDF with a running header and page numbers."""
    from weasyprint import CSS, HTML

    fetcher = _no_fetch()
    HTML(string=article_html(article), url_fetcher=fetcher, base_url=str(article.parent)).write_pdf(
        out, stylesheets=[CSS(string=PRINT_CSS, url_fetcher=fetcher)])
    return out


def visible_blocks(page: str) -> list[tuple[str, str]]:
    """(tag, text) of a page's innermost blocks in reading order, as a word processor keeps them."""
    from lxml import html as lh

    root = lh.document_fromstring(page)
    out: list[tuple[str, str]] = []

    def walk(el: object) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""  # type: ignore[attr-defined]
        if tag in _SKIP or not tag:
            return
        children = list(el)  # type: ignore[call-overload]
        has_block = any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in children)
        if not has_block or tag in ("h1", "h2", "h3", "h4", "h5", "h6", "p"):
            text = " ".join(el.text_content().split())  # type: ignore[attr-defined]
            if text:
                out.append((tag, text))
            return
        if el.text and el.text.strip():  # type: ignore[attr-defined]
            out.append(("p", " ".join(el.text.split())))  # type: ignore[attr-defined]
        for child in children:
            walk(child)
            if child.tail and child.tail.strip():
                out.append(("p", " ".join(child.tail.split())))

    body = root.find("body")
    walk(body if body is not None else root)
    return out


def save_docx(article: Path, out: Path) -> Path:
    """Save the article's visible blocks to ``out`` as a Word file with a header and footer."""
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = RUNNING_HEADER
    section.footer.paragraphs[0].text = FOOTER
    for tag, text in visible_blocks(article_html(article)):
        if re.fullmatch(r"h[1-6]", tag):
            document.add_heading(text, level=int(tag[1]) - 1 if tag == "h1" else min(int(tag[1]), 9))
        else:
            document.add_paragraph(text)
    document.save(out)
    return out


def leaked_furniture(paragraphs: list[str]) -> list[str]:
    """Paragraphs that carry the printout's running header, footer or page numbers."""
    rx = re.compile(re.escape(RUNNING_HEADER) + "|" + re.escape(FOOTER) + r"|\bPage \d+ of \d+\b")
    return [p for p in paragraphs if rx.search(p)]
