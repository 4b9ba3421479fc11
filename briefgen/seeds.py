"""The seeds folder: which files are articles, and the slug each one publishes under."""

from __future__ import annotations

from pathlib import Path

from briefgen.analysis.titles import slugify
from briefgen.analysis.ingest import is_quietly_ignored, is_seed, not_an_article
from briefgen.errors import InputError
from briefgen.model import Failure


def find_seeds(seeds_dir: Path) -> tuple[Path, ...]:
    """The article files in ``seeds_dir``, sorted by name so runs are repeatable."""
    if not seeds_dir.is_dir():
        raise InputError(f"{seeds_dir}: seeds folder not found; create it and put articles in it")
    return tuple(sorted((p for p in seeds_dir.iterdir() if is_seed(p)), key=lambda p: p.name))


def find_strays(seeds_dir: Path) -> tuple[Failure, ...]:
    """Files in ``seeds_dir`` that briefgen cannot read as articles, each a one-line failure.

    Nothing in the seeds folder is skipped without a word, except specs and the hidden and
    backup files that editors leave behind.
    """
    strays = (p for p in seeds_dir.iterdir() if not is_seed(p) and not is_quietly_ignored(p))
    return tuple(Failure(str(p), not_an_article(p)) for p in sorted(strays, key=lambda p: p.name))


def unique_slugs(seeds: tuple[Path, ...]) -> dict[Path, str]:
    """Slug each seed by its stem; a clash (a.txt and a.md) gets -2, -3 in name order."""
    out: dict[Path, str] = {}
    used: set[str] = set()
    for path in seeds:
        base = slugify(path.stem)
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        out[path] = slug
    return out
