"""The analysis quality gate: score the dev set and compare with the saved bounds.

    python -m tests.quality.gate                 # score and compare; exit 1 on a regression
    python -m tests.quality.gate --update        # raise the saved bounds to today's scores
    python -m tests.quality.gate --update --allow-regression   # also lower them (shows in review)

Scoring uses score.py beside this file, an unchanged copy of the project's shared scorer,
on the dev articles and gold files in tests/fixtures/dev/ (unchanged copies, with SOURCES.md).
Bounds only move up unless --allow-regression is given, as trafilatura's eval_gate does.

Each article is scored as it is and, per format, printed as a PDF and saved as a Word file
(tests/formats.py): those scores are saved as ``pdf.METRIC`` and ``docx.METRIC``, against the
same gold and the same original words, with ``FORMAT.furniture`` counting paragraphs that
carry the printout's running header, footer or page numbers.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from briefgen.export import to_json
from briefgen.analysis import analyse_file
from tests.formats import leaked_furniture, print_pdf, save_docx

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent / "fixtures" / "dev"
BOUNDS = HERE / "bounds.json"

# Metrics where smaller is better; every other metric is a ratio where bigger is better.
LOWER_IS_BETTER = {
    "boilerplate_leaks", "paragraphs_not_verbatim", "not_verbatim",
    "summary_outside_area", "areas_without_summary", "missing", "furniture",
}
# The formats each dev article is also read in, made from it by tests/formats.py.
FORMATS = {"pdf": print_pdf, "docx": save_docx}


def _metric(key: str) -> str:
    """``pdf.body_recall`` -> ``body_recall``."""
    return key.rsplit(".", 1)[-1]
# Counts that describe the run rather than its quality.
NOT_GATED = {"articles"}


def score(gold_dir: Path = GOLD, formats: tuple[str, ...] = ()) -> tuple[dict[str, float], str]:
    """Analyse every gold article (and its copies in ``formats``); return (totals, human report)."""
    totals, report = _score_format(gold_dir, None)
    for fmt in formats:
        more, text = _score_format(gold_dir, fmt)
        totals.update({f"{fmt}.{k}": v for k, v in more.items()})
        report += f"--- as {fmt}\n{text}"
    return totals, report


def _score_format(gold_dir: Path, fmt: str | None) -> tuple[dict[str, float], str]:
    furniture = 0
    with tempfile.TemporaryDirectory() as out:
        for gold_file in sorted(gold_dir.glob("*.gold.yaml")):
            article = yaml.safe_load(gold_file.read_text(encoding="utf-8"))["article"]
            stem = Path(article).stem
            try:
                path = gold_dir / article
                if fmt is not None:
                    path = FORMATS[fmt](path, Path(out) / f"{stem}.{fmt}")
                briefing = analyse_file(path)
            except Exception as exc:  # a crash scores as a missing analysis, visibly
                print(f"{stem}: analysis failed: {exc!r}", file=sys.stderr)
                continue
            furniture += len(leaked_furniture([p.text for p in briefing.paragraphs]))
            (Path(out) / f"{stem}.json").write_text(to_json(briefing), encoding="utf-8")
        cmd = [sys.executable, str(HERE / "score.py"), str(gold_dir), out]
        report = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        totals = json.loads(subprocess.run(cmd + ["--json"], capture_output=True, text=True, check=True).stdout)["total"]
    if fmt is not None:
        totals["furniture"] = furniture
    return totals, report


def compare(totals: dict[str, float], bounds: dict[str, float]) -> list[str]:
    """The metrics that fell past their saved bound, as readable lines."""
    problems = []
    for key, bound in bounds.items():
        got = totals.get(key)
        if got is None:
            problems.append(f"{key}: missing from the scores")
        elif _metric(key) in LOWER_IS_BETTER and got > bound:
            problems.append(f"{key}: {got} is above its maximum {bound}")
        elif _metric(key) not in LOWER_IS_BETTER and got < bound - 1e-9:
            problems.append(f"{key}: {got:.3f} is below its minimum {bound:.3f}")
    return problems


def main() -> int:
    """Score, print, compare; with --update, save tighter bounds."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--update", action="store_true", help="save today's scores as the new bounds where they are better")
    ap.add_argument("--allow-regression", action="store_true", help="with --update, also save bounds that are worse")
    args = ap.parse_args()
    totals, report = score(formats=tuple(FORMATS))
    print(report, end="")
    bounds = json.loads(BOUNDS.read_text()) if BOUNDS.exists() else {}
    problems = compare(totals, bounds)
    for line in problems:
        print(f"REGRESSION {line}")
    if args.update:
        new = dict(bounds)
        for key, value in totals.items():
            if _metric(key) in NOT_GATED:
                continue
            old = bounds.get(key)
            better = old is None or (value < old if _metric(key) in LOWER_IS_BETTER else value > old)
            if better or args.allow_regression:
                new[key] = round(value, 4) if isinstance(value, float) else value
        if problems and not args.allow_regression:
            print("not lowering any bound: pass --allow-regression to accept the regressions above")
        BOUNDS.write_text(json.dumps(new, indent=1, sort_keys=True) + "\n")
        print(f"bounds written to {BOUNDS}")
    return 1 if problems and not args.allow_regression else 0


if __name__ == "__main__":
    raise SystemExit(main())
