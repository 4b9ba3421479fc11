"""The same articles as received, printed as PDF and saved as Word: does briefgen read them alike?

    .venv/bin/python -m benchmarks.formats GOLD_DIR [GOLD_DIR ...] [--scorer PATH] [--keep DIR]

Each GOLD_DIR holds articles beside ``STEM.gold.yaml`` files (the score.py format). Every
article is analysed three ways: as it is (``source``), printed to PDF with a running header
and "Page N of M" footers (``pdf``) and saved as ``.docx`` with a header and footer
(``docx``); tests/formats.py makes the copies, offline. Each way is scored by score.py
against the same gold and the original article, so a PDF paragraph must still be a verbatim
run of the article's words (line-break hyphens removed). ``furniture`` counts paragraphs
that carry the printout's running header, footer or page numbers (goal 0).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.formats import leaked_furniture, print_pdf, save_docx  # noqa: E402

SHARED_SCORER = ROOT.parent.parent / "shared" / "eval" / "score.py"
METRICS = ("articles", "missing", "body_recall", "boilerplate_leaks", "paragraphs_not_verbatim", "meta_acc",
           "boundary_recall", "quote_recall", "not_verbatim")


def analyse_all(gold_dir: Path, out: Path, fmt: str, work: Path) -> tuple[int, list[str]]:
    """Analyse every gold article of ``gold_dir`` in format ``fmt`` into ``out``; (furniture leaks, errors)."""
    from briefgen.analysis import analyse_file
    from briefgen.errors import BriefgenError
    from briefgen.export import to_json

    out.mkdir(parents=True, exist_ok=True)
    leaks = 0
    errors: list[str] = []
    for gold_file in sorted(gold_dir.glob("*.gold.yaml")):
        article = gold_dir / yaml.safe_load(gold_file.read_text(encoding="utf-8"))["article"]
        stem = article.stem
        try:
            if fmt == "pdf":
                path = print_pdf(article, work / f"{stem}.pdf")
            elif fmt == "docx":
                path = save_docx(article, work / f"{stem}.docx")
            else:
                path = article
            briefing = analyse_file(path)
        except (BriefgenError, OSError, ValueError) as exc:
            errors.append(f"{fmt}: {article.name}: {exc}")
            continue
        leaks += len(leaked_furniture([p.text for p in briefing.paragraphs]))
        (out / f"{stem}.json").write_text(to_json(briefing), encoding="utf-8")
    return leaks, errors


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--scorer", type=Path, default=SHARED_SCORER if SHARED_SCORER.exists() else ROOT / "tests" / "quality" / "score.py")
    ap.add_argument("--keep", type=Path, help="keep the PDF/docx copies and the analyses here")
    ap.add_argument("--formats", default="source,pdf,docx")
    args = ap.parse_args()
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bg-formats-"))
    print(f"scorer: {args.scorer}")
    print("| set | format | " + " | ".join(METRICS) + " | furniture |")
    print("|---" * (len(METRICS) + 3) + "|")
    for gold_dir in args.dirs:
        for fmt in args.formats.split(","):
            work = base / gold_dir.name / fmt
            work.mkdir(parents=True, exist_ok=True)
            leaks, errors = analyse_all(gold_dir, work / "json", fmt, work)
            cmd = [sys.executable, str(args.scorer), str(gold_dir), str(work / "json"), "--json"]
            scores = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
            total = scores["total"]
            cells = [f"{total.get(m, 0):.3f}" if isinstance(total.get(m), float) else str(total.get(m, "")) for m in METRICS]
            print(f"| {gold_dir.name} | {fmt} | " + " | ".join(cells) + f" | {leaks} |", flush=True)
            for line in errors:
                print(f"    error {line}")
            for stem, row in scores["articles"].items():
                missed = row.get("body_total", 0) - row.get("body_found", 0) if isinstance(row, dict) else 0
                if isinstance(row, dict) and (missed or row.get("boilerplate_leaked") or row.get("meta_wrong")):
                    print(f"    {fmt} {stem}: body missed {missed}, leaked {row.get('boilerplate_leaked')}, meta {row.get('meta_wrong')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
