"""``python -m tests.golden [--update]``: diff (or refresh) the golden docs tree."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from tests.golden import GOLDEN_DOCS, diff_trees, generate_docs, update


def main() -> int:
    """Print the diff between the golden tree and a fresh generate; --update replaces it."""
    parser = argparse.ArgumentParser(prog="python -m tests.golden", description=__doc__)
    parser.add_argument("--update", action="store_true", help="replace tests/golden/docs with today's output")
    args = parser.parse_args()
    if args.update:
        update()
        print(f"updated {GOLDEN_DOCS}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        report = diff_trees(GOLDEN_DOCS, generate_docs(Path(tmp)))
    print(report or "golden docs match")
    return 1 if report else 0


if __name__ == "__main__":
    sys.exit(main())
