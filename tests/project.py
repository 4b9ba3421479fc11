"""A scratch project for end-to-end tests, built from the test fixtures only.

Tests never read the working tree's seeds/, docs/, site/ or .briefgen/: those belong to
the user's library, which may hold any articles and hand edits. A test project copies the
code's own inputs (mkdocs.yml, templates/) and takes its articles from tests/fixtures/.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
# The seed article the project was founded on, as a fixture (an unchanged copy).
SEED = FIXTURES / "dev" / "china-russia-fractured-friendship.txt"


def new_project(dest: Path, seeds: Iterable[Path] = (SEED,)) -> Path:
    """mkdocs.yml and templates/ from the code, and ``seeds`` as the articles, in ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", dest / "templates")
    (dest / "seeds").mkdir()
    for seed in seeds:
        shutil.copy(seed, dest / "seeds" / seed.name)
    return dest
