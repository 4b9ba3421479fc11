"""Seconds per briefing book (and per one-pager) for the seeds, median of several runs.

Run: .venv/bin/python benchmarks/pdf_bench.py [--runs 5] [--seeds seeds]
Pins itself to one core, generates the docs pages into a temporary folder, then times
``briefgen.pdf.writer.build_book`` alone (collecting the pages is timed separately), because the
goal is "under 1 s per briefing book on one core" for the seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefgen.briefings import Analyses  # noqa: E402
from briefgen.config import load_settings  # noqa: E402
from briefgen.pdf.collect import briefing_slugs, collect, make_markdown  # noqa: E402
from briefgen.pdf.writer import build_book, build_onepagers, make_env  # noqa: E402
from briefgen.pipeline import generate  # noqa: E402

GENERATED = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def main() -> int:
    """Print the median seconds per briefing book and per one-pager."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seeds", default=str(ROOT / "seeds"))
    parser.add_argument("--paper", default="a4", choices=("a4", "letter"))
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
        shutil.copytree(args.seeds, work / "seeds")
        settings = load_settings(work / "mkdocs.yml").with_overrides(templates=ROOT / "templates")
        generate(settings)
        md = make_markdown(settings.config_file, settings.docs)
        env = make_env(settings.templates)
        fallbacks = Analyses(settings)
        for slug in briefing_slugs(settings.docs):
            t0 = time.perf_counter()
            c = collect(settings.docs, slug, md, fallbacks.briefing(slug), env)
            t_collect = time.perf_counter() - t0
            build_book(c, settings.site, settings.templates, settings.docs, args.paper, GENERATED)  # warm-up
            books, cpu, pagers = [], [], []
            for _ in range(args.runs):
                t0, c0 = time.perf_counter(), time.process_time()
                build_book(c, settings.site, settings.templates, settings.docs, args.paper, GENERATED)
                books.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
                t0 = time.perf_counter()
                written, _over = build_onepagers(c, settings.site, settings.templates, settings.docs, args.paper, GENERATED)
                pagers.append((time.perf_counter() - t0) / max(1, len(written)))
            # CPU time too: on a shared machine wall time includes waiting for the core.
            print(f"{slug}: briefing book {statistics.median(books):.3f} s wall, "
                  f"{statistics.median(cpu):.3f} s CPU (median of {args.runs}, one core); "
                  f"one-pager {statistics.median(pagers):.3f} s each; collect {t_collect:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
