"""The golden docs tree: what ``briefgen generate`` writes for the seed fixture, kept for review.

    python -m tests.golden            # regenerate into a temp folder and diff with tests/golden/docs
    python -m tests.golden --update   # replace tests/golden/docs with today's output

A change to analysis, templates or rendering shows up as a readable diff of the generated
Markdown, the way Pelican's functional tests compare a saved output tree.
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.project import new_project

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
GOLDEN_DOCS = HERE / "docs"
# The run's date, which the overview's "Added on" line and the home page's recent list
# show: fixed (2026-04-09), so the tree is the same whatever day it is generated.
GOLDEN_EPOCH = "1775692800"


def generate_docs(dest: Path) -> Path:
    """Run ``briefgen generate`` on a scratch project in ``dest`` with the seed fixture; return its docs folder.

    The project's own seeds/ and docs/ are the user's library and never read here.
    """
    new_project(dest)
    proc = subprocess.run([sys.executable, "-m", "briefgen", "generate"], cwd=dest, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": GOLDEN_EPOCH},
                          timeout=300)
    if proc.returncode != 0:
        raise RuntimeError(f"briefgen generate failed:\n{proc.stderr}")
    return dest / "docs"


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` by posix path, with its bytes."""
    if not root.is_dir():
        return {}
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def diff_trees(expected: Path, actual: Path) -> str:
    """A readable report of how ``actual`` differs from ``expected``; empty when identical."""
    old, new = tree(expected), tree(actual)
    out: list[str] = []
    for path in sorted(old.keys() - new.keys()):
        out.append(f"missing: {path}")
    for path in sorted(new.keys() - old.keys()):
        out.append(f"new: {path}")
    for path in sorted(old.keys() & new.keys()):
        if old[path] != new[path]:
            out += difflib.unified_diff(
                old[path].decode("utf-8", "replace").splitlines(),
                new[path].decode("utf-8", "replace").splitlines(),
                f"golden/{path}", f"generated/{path}", lineterm="",
            )
    return "\n".join(out)


def update() -> None:
    """Replace the golden docs tree with what generate writes today."""
    with tempfile.TemporaryDirectory() as tmp:
        docs = generate_docs(Path(tmp))
        if GOLDEN_DOCS.exists():
            shutil.rmtree(GOLDEN_DOCS)
        shutil.copytree(docs, GOLDEN_DOCS)
