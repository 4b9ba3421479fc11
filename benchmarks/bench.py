"""Scale benchmark: generate, incremental generate, MkDocs and PDFs for N articles.

Run: ``make bench`` or ``.venv/bin/python -m benchmarks.bench --n 1,10,100,1000 --pdf-max 100``.
For each N it builds a project of N real-looking articles (the dev articles, varied; see
benchmarks/corpus.py) in a temporary folder and runs briefgen the way a user does, each
step as its own process, so wall time, CPU time (the process and its workers) and peak
RSS are those of the real command. It prints a table and writes it into BENCHMARKS.md
between the ``bench:`` markers (the notes around them are kept).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import edit_one, make_corpus  # noqa: E402

REPORT = ROOT / "BENCHMARKS.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
# Analysis throughput is per article: this many are enough for a steady number.
THROUGHPUT_SAMPLE = 100
# Where Material's lunr index gets slow to download and parse in the browser.
SEARCH_INDEX_LIMIT = 5 * 1024 * 1024


@dataclass(frozen=True)
class Timed:
    """One command's wall time, CPU time (with its child processes) and peak RSS."""

    wall: float
    cpu: float
    rss_mb: float


@dataclass(frozen=True)
class Row:
    """The measurements for one library size."""

    n: int
    per_s: float
    full: Timed
    noop: Timed
    incremental: Timed
    mkdocs: Timed | None
    pdf: Timed | None
    index_bytes: int


def run(cmd: list[str], cwd: Path) -> Timed:
    """Run ``cmd`` and measure it; wait4 gives the rusage of this child and its children."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0,):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err.decode()[-2000:]}")
    return Timed(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def throughput(seeds: tuple[Path, ...]) -> float:
    """Articles analysed per second on one core (in this process, no cache)."""
    from briefgen.analysis.ingest import read_source
    from briefgen.analysis import analyse

    sample = seeds[:THROUGHPUT_SAMPLE]
    sources = [read_source(p) for p in sample]
    analyse(sources[0])  # warm up imports and regex caches
    t0 = time.process_time()
    for source in sources:
        analyse(source)
    return len(sources) / (time.process_time() - t0)


def measure(n: int, pdf_max: int, site_max: int, jobs: int | None) -> Row:
    """Every measurement for a library of ``n`` articles."""
    with tempfile.TemporaryDirectory(prefix=f"briefgen-bench-{n}-") as tmp:
        work = Path(tmp)
        shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
        shutil.copytree(ROOT / "templates", work / "templates")
        seeds = make_corpus(n, work / "seeds")
        per_s = throughput(seeds)
        gen = [sys.executable, "-m", "briefgen", "generate", "--quiet"] + (["--jobs", str(jobs)] if jobs else [])
        full = run(gen, work)
        noop = run(gen, work)
        edit_one(seeds[len(seeds) // 2])
        incremental = run(gen, work)
        mkdocs = run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], work) if n <= site_max else None
        pdf = run([sys.executable, "-m", "briefgen", "pdf"], work) if n <= min(pdf_max, site_max) else None
        index = work / "site" / "search" / "search_index.json"
        return Row(n, per_s, full, noop, incremental, mkdocs, pdf, index.stat().st_size if index.exists() else 0)


def table(rows: list[Row]) -> str:
    """The results as a Markdown table."""
    head = ("| N | analysis (articles/s, 1 core) | generate wall (s) | CPU (s) | CPU/wall | incremental, 1 seed edited (s) "
            "| % of full | no change (s) | mkdocs build (s) | PDFs (s) | briefgen share of build | peak RSS (MB) "
            "| search_index.json (MB) |")
    lines = [head, "|" + "---|" * head.count(" | ") + "---|"]
    for r in rows:
        pdf = f"{r.pdf.wall:.2f}" if r.pdf else "not run"
        mkdocs = f"{r.mkdocs.wall:.2f}" if r.mkdocs else "not run"
        # `make site` = generate + mkdocs build + PDFs; briefgen's own share is generate.
        total = r.full.wall + (r.mkdocs.wall if r.mkdocs else 0) + (r.pdf.wall if r.pdf else 0)
        share = f"{100 * r.full.wall / total:.0f}%" + ("" if r.pdf else " (no PDFs)") if r.mkdocs else "-"
        index = f"{r.index_bytes / 1e6:.2f}" if r.mkdocs else "not run"
        rss = max(t.rss_mb for t in (r.full, r.noop, r.incremental))
        lines.append(
            f"| {r.n} | {r.per_s:.1f} | {r.full.wall:.2f} | {r.full.cpu:.2f} | {r.full.cpu / r.full.wall:.2f} "
            f"| {r.incremental.wall:.2f} | {100 * r.incremental.wall / r.full.wall:.0f}% | {r.noop.wall:.2f} "
            f"| {mkdocs} | {pdf} | {share} | {rss:.0f} | {index} |"
        )
    return "\n".join(lines)


def machine() -> str:
    """One line about the machine the numbers come from."""
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cores} cores ({model or platform.machine()}), Python {platform.python_version()}, {platform.system()}"


def report(rows: list[Row], pdf_max: int, site_max: int, took: float) -> str:
    """The block written into BENCHMARKS.md."""
    notes = [
        f"Machine: {machine()}. Run on {time.strftime('%Y-%m-%d')}, {took:.0f} s in all.",
        "",
        table(rows),
        "",
        f"PDFs are measured up to N = {min(pdf_max, site_max)} only (WeasyPrint, seconds per book; it would dominate "
        f"the run); MkDocs and the search index up to N = {site_max}.",
        "Peak RSS is the largest single process of the generate runs (the main process; pool workers are smaller).",
    ]
    big = [r for r in rows if r.index_bytes > SEARCH_INDEX_LIMIT]
    if big:
        notes.append(
            f"search_index.json passes 5 MB at N = {big[0].n} ({big[0].index_bytes / 1e6:.1f} MB): Material's lunr "
            "search downloads and indexes all of it in the browser. Pagefind (a static, chunked index) is the "
            "option for libraries this size."
        )
    return "\n".join([START, *notes, END])


def main() -> int:
    """Measure every N, print the table, and write it into BENCHMARKS.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", default="1,10,100,1000", help="library sizes, comma-separated")
    parser.add_argument("--pdf-max", type=int, default=100, help="measure PDFs only up to this N (default 100)")
    parser.add_argument("--site-max", type=int, default=1000, help="run mkdocs build only up to this N (default 1000)")
    parser.add_argument("--jobs", type=int, default=None, help="generate --jobs (default: one per core)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md alone")
    args = parser.parse_args()
    t0 = time.perf_counter()
    rows = []
    for n in (int(x) for x in args.n.split(",")):
        rows.append(measure(n, args.pdf_max, args.site_max, args.jobs))
        print(table(rows[-1:]).splitlines()[-1], flush=True)
        # Written after every size, so a long run stopped early still leaves its numbers.
        block = report(rows, args.pdf_max, args.site_max, time.perf_counter() - t0)
        if not args.no_write:
            write_report(block)
    print(block)
    return 0


def write_report(block: str) -> None:
    """Put ``block`` between the markers in BENCHMARKS.md, keeping the notes around them."""
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else "# Benchmarks\n\n" + START + "\n" + END + "\n"
    if START in text and END in text:
        text = text[: text.index(START)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    REPORT.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
