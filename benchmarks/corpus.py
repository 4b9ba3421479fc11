"""A synthetic but real-looking library: N seed articles made by varying the dev articles.

Each article is one of the dev articles (tests/fixtures/dev) with one body block left
out, a different block for each copy, so every seed has its own content hash, its own
paragraph numbering and slightly different areas, while the text stays real prose of the
genre (formats .txt, .md and .html all included). Deterministic: the same N always gives
the same files.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "fixtures" / "dev"
SEED_SUFFIXES = (".txt", ".md", ".html")
# Blocks are paragraphs: blank-line separated in text and Markdown, <p> elements in HTML.
_HTML_PARA = re.compile(r"<p\b[^>]*>.*?</p>", re.S)
# Leave the first blocks alone: they carry the title, front matter and byline.
_KEEP_HEAD = 4


def dev_articles() -> tuple[Path, ...]:
    """The dev set's article files (those with a gold answer file), by name."""
    return tuple(sorted(
        p for p in DEV.iterdir() if p.suffix in SEED_SUFFIXES and p.with_suffix(".gold.yaml").exists()
    ))


def variant(text: str, suffix: str, k: int) -> str:
    """``text`` with its k-th droppable body block removed (k wraps around)."""
    if suffix == ".html":
        spans = [m.span() for m in _HTML_PARA.finditer(text)][_KEEP_HEAD:]
        if not spans:
            return text
        start, end = spans[k % len(spans)]
        return text[:start] + text[end:]
    blocks = text.split("\n\n")
    body = range(_KEEP_HEAD, len(blocks))
    if len(body) < 2:
        return text
    drop = body[k % len(body)]
    return "\n\n".join(b for i, b in enumerate(blocks) if i != drop)


def make_corpus(n: int, folder: Path) -> tuple[Path, ...]:
    """Write ``n`` seed articles into ``folder``; return their paths in name order."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = [(p, p.read_text(encoding="utf-8")) for p in dev_articles()]
    out = []
    for i in range(n):
        path, text = sources[i % len(sources)]
        target = folder / f"{i:04d}-{path.stem[:40]}{path.suffix}"
        target.write_text(variant(text, path.suffix, i // len(sources)), encoding="utf-8")
        out.append(target)
    return tuple(out)


def edit_one(path: Path) -> None:
    """A small real edit to one seed: one more sentence in a body paragraph."""
    text = path.read_text(encoding="utf-8")
    added = " Officials have since said that the talks will resume next month."
    if path.suffix == ".html":
        ends = [m.end() - len("</p>") for m in _HTML_PARA.finditer(text)]
    else:
        ends, pos = [], 0
        for block in text.split("\n\n"):
            pos += len(block)
            ends.append(pos)
            pos += 2
    at = ends[min(len(ends) - 1, _KEEP_HEAD + 2)]
    path.write_text(text[:at] + added + text[at:], encoding="utf-8")
