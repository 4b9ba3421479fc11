"""The analysis quality gate: score each dev set and compare with its saved bounds.

    python -m tests.quality.gate                 # every set: score and compare; exit 1 on a regression
    python -m tests.quality.gate --set quotes    # one set
    python -m tests.quality.gate --update        # raise the saved bounds to today's scores
    python -m tests.quality.gate --update --allow-regression   # also lower them (shows in review)
    python -m tests.quality.gate --set quotes --shapes   # quote recall and speakers per shape

Scoring uses score.py beside this file, an unchanged copy of the project's shared scorer,
plus extra.py for what it does not measure (quotes by shape, bottom lines). The sets:
``dev``, the shared dev articles in tests/fixtures/dev/ (unchanged copies, with SOURCES.md),
bounded by bounds.json; and each folder of tests/devsets/ (real articles with gold written
before briefgen was run on them, sources and licences in its SOURCES.md), bounded by
bounds-<set>.json. Bounds only move up unless --allow-regression is given, as trafilatura's
eval_gate does.

``dev-pdf`` and ``dev-docx`` are the shared dev articles printed as PDF and saved as Word
(tests/formats.py: running header, page numbers, justified hyphenated text; header and
footer), scored against the same gold and the original's words; ``furniture`` counts
paragraphs that carry the printout's running header, footer or page numbers.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from briefgen.analysis import analyse_file
from briefgen.export import to_dict
from tests.quality.extra import score_extra, shape_table
from tests.quality.extra import totals as extra_totals
from tests.formats import leaked_furniture, print_pdf, save_docx

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent / "fixtures" / "dev"
BOUNDS = HERE / "bounds.json"
DEVSETS = HERE.parent / "devsets"

# Metrics where smaller is better; every other metric is a ratio where bigger is better.
LOWER_IS_BETTER = {
    "boilerplate_leaks", "paragraphs_not_verbatim", "not_verbatim",
    "summary_outside_area", "areas_without_summary", "missing", "bad_titles",
    "over_attributed", "absurd_speakers", "bottom_line_bad", "furniture",
}
# The formats the shared dev articles are also read in, made from them by tests/formats.py.
FORMATS = {"pdf": print_pdf, "docx": save_docx}
# Counts that describe the run rather than its quality.
NOT_GATED = {"articles"}


def sets() -> dict[str, tuple[Path, Path]]:
    """Every dev set by name: its gold folder and its bounds file."""
    out = {"dev": (GOLD, BOUNDS)}
    out.update({f"dev-{fmt}": (GOLD, HERE / f"bounds-dev-{fmt}.json") for fmt in FORMATS})
    if DEVSETS.is_dir():
        for folder in sorted(p for p in DEVSETS.iterdir() if any(p.glob("*.gold.yaml"))):
            out[folder.name] = (folder, HERE / f"bounds-{folder.name}.json")
    return out


def set_format(name: str) -> str | None:
    """The format a set's articles are converted to before they are read ("dev-pdf" -> "pdf")."""
    fmt = name.rpartition("-")[2]
    return fmt if name.startswith("dev-") and fmt in FORMATS else None


def score(gold_dir: Path = GOLD, fmt: str | None = None) -> tuple[dict[str, float], str]:
    """Analyse every gold article (converted to ``fmt`` first) and return (totals, score.py's human report)."""
    totals, report, _ = score_with_rows(gold_dir, fmt)
    return totals, report


def score_with_rows(gold_dir: Path, fmt: str | None = None) -> tuple[dict[str, float], str, list[dict]]:
    """As ``score``, plus extra.py's per-article rows."""
    rows = []
    furniture = 0
    with tempfile.TemporaryDirectory() as out:
        for gold_file in sorted(gold_dir.glob("*.gold.yaml")):
            gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
            stem = Path(gold["article"]).stem
            try:
                path = gold_dir / gold["article"]
                if fmt is not None:
                    path = FORMATS[fmt](path, Path(out) / f"{stem}.{fmt}")
                an = to_dict(analyse_file(path))
            except Exception as exc:  # a crash scores as a missing analysis, visibly
                print(f"{stem}: analysis failed: {exc!r}", file=sys.stderr)
                continue
            furniture += len(leaked_furniture([p["text"] for p in an["paragraphs"]]))
            rows.append(score_extra(gold, an))
            (Path(out) / f"{stem}.json").write_text(json.dumps(an, ensure_ascii=False), encoding="utf-8")
        cmd = [sys.executable, str(HERE / "score.py"), str(gold_dir), out]
        report = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        totals = json.loads(subprocess.run(cmd + ["--json"], capture_output=True, text=True, check=True).stdout)["total"]
    if fmt is not None:
        totals["furniture"] = furniture
    return {**totals, **extra_totals(rows)}, report, rows


def compare(totals: dict[str, float], bounds: dict[str, float]) -> list[str]:
    """The metrics that fell past their saved bound, as readable lines."""
    problems = []
    for key, bound in bounds.items():
        got = totals.get(key)
        if got is None:
            problems.append(f"{key}: missing from the scores")
        elif key in LOWER_IS_BETTER and got > bound:
            problems.append(f"{key}: {got} is above its maximum {bound}")
        elif key not in LOWER_IS_BETTER and got < bound - 1e-9:
            problems.append(f"{key}: {got:.3f} is below its minimum {bound:.3f}")
    return problems


def _round_toward_pass(value: float, key: str) -> float:
    """Four decimals, rounded so the saved bound never fails the score it came from."""
    scaled = value * 10_000
    return (math.ceil(scaled - 1e-6) if key in LOWER_IS_BETTER else math.floor(scaled + 1e-6)) / 10_000


def main() -> int:
    """Score, print, compare; with --update, save tighter bounds."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", action="append", help="a dev set's name (default: every set)")
    ap.add_argument("--shapes", action="store_true", help="also print quote recall and speakers per shape")
    ap.add_argument("--update", action="store_true", help="save today's scores as the new bounds where they are better")
    ap.add_argument("--allow-regression", action="store_true", help="with --update, also save bounds that are worse")
    args = ap.parse_args()
    known = sets()
    unknown = [name for name in args.set or () if name not in known]
    if unknown:
        ap.error(f"no dev set {unknown[0]!r}; known: {', '.join(known)}")
    failed = False
    for name in args.set or known:
        gold_dir, bounds_file = known[name]
        totals, report, rows = score_with_rows(gold_dir, set_format(name))
        print(f"== {name} ({gold_dir})")
        print(report, end="")
        extra = extra_totals(rows)
        print("extra: " + " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                                   for k, v in extra.items() if "[" not in k))
        if args.shapes:
            print(shape_table(rows))
        bounds = json.loads(bounds_file.read_text()) if bounds_file.exists() else {}
        problems = compare(totals, bounds)
        for line in problems:
            print(f"REGRESSION {name}: {line}")
        if args.update:
            update_bounds(bounds_file, bounds, totals, args.allow_regression)
            if problems and not args.allow_regression:
                print("not lowering any bound: pass --allow-regression to accept the regressions above")
        failed = failed or bool(problems and not args.allow_regression)
    return 1 if failed else 0


def update_bounds(path: Path, bounds: dict[str, float], totals: dict[str, float], allow_regression: bool) -> None:
    """Write ``totals`` as the new bounds where they are better (or all, with allow_regression)."""
    new = dict(bounds)
    for key, value in totals.items():
        if key in NOT_GATED:
            continue
        old = bounds.get(key)
        better = old is None or (value < old if key in LOWER_IS_BETTER else value > old)
        if better or allow_regression:
            new[key] = _round_toward_pass(value, key) if isinstance(value, float) else value
    path.write_text(json.dumps(new, indent=1, sort_keys=True) + "\n")
    print(f"bounds written to {path}")


if __name__ == "__main__":
    raise SystemExit(main())
