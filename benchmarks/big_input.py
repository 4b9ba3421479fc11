"""Large single articles: how long `briefgen analyze` takes on 2, 10 and 20 MB of text.

Run: ``.venv/bin/python -m benchmarks.big_input [--mb 2,10,20]``. The test suite checks a
2 MB article for correctness only; the time it takes is measured here, where a noisy
machine can be read as a ratio between sizes (seconds per MB should stay flat).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.corpus.make_corpus import big_article  # noqa: E402


def main() -> None:
    """Time one analysis per size and print seconds and seconds per MB."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", default="2,10,20", help="sizes in MB, comma-separated")
    sizes = [int(x) for x in parser.parse_args().mb.split(",")]
    print("| MB | exit | wall s | s per MB |\n|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in sizes:
            path = Path(tmp) / f"big-{mb}mb.txt"
            path.write_text(big_article(mb * 1_000_000), encoding="utf-8")
            start = time.perf_counter()
            proc = subprocess.run([sys.executable, "-m", "briefgen", "analyze", str(path)], cwd=ROOT,
                                  capture_output=True, text=True)
            wall = time.perf_counter() - start
            print(f"| {mb} | {proc.returncode} | {wall:.1f} | {wall / mb:.2f} |", flush=True)


if __name__ == "__main__":
    main()
