"""The orchestrator: seeds in, briefings analysed, pages rendered, docs written, site built.

Read top to bottom, this is the table of contents of the program. It analyses every seed
before it writes anything, so a failure in analysis never leaves docs/ half updated.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefgen.analysis.areas import find_areas, slugify
from briefgen.analysis.clean import clean
from briefgen.analysis.glossary import find_acronyms
from briefgen.analysis.ingest import is_seed, read_source
from briefgen.analysis.quotes import find_quotes
from briefgen.analysis.segment import split_paragraphs
from briefgen.analysis.summarize import summarize_area, summarize_overview
from briefgen.config import Settings
from briefgen.errors import BriefgenError, InputError
from briefgen.model import Area, Briefing, Failure, Source
from briefgen.render import render_library
from briefgen.write import WriteReport, write_pages


@dataclass(frozen=True)
class GenerateResult:
    """What a generate run did: the briefings made, the seeds that failed, the files written."""

    briefings: tuple[Briefing, ...]
    failures: tuple[Failure, ...]
    written: WriteReport


def analyse(source: Source, slug: str | None = None) -> Briefing:
    """Run every analysis stage on one decoded source."""
    # 1. Clean: markup and boilerplate out; title, author, organisation and date in.
    doc = clean(source)
    # 2. Paragraphs with stable ids, and their sentences.
    paragraphs = split_paragraphs(doc)
    if not paragraphs:
        raise InputError(f"{source.path}: no article text left after removing boilerplate")
    # 3. Friction areas: contiguous runs of paragraphs, each titled.
    sections = find_areas(paragraphs)
    # 4. Direct quotations with their speakers.
    quotes = find_quotes(paragraphs)
    # 5. Acronyms the article defines, in the body or in what was set aside (bios).
    glossary = find_acronyms(tuple(p.text for p in paragraphs) + doc.aside)
    # 6. Summaries: verbatim sentences per area and for the overview.
    by_id = {p.id: p for p in paragraphs}
    areas = []
    for section in sections:
        own = tuple(by_id[pid] for pid in section.paragraphs)
        members = set(section.paragraphs)
        areas.append(Area(
            slug=section.slug,
            title=section.title,
            paragraphs=section.paragraphs,
            summary=summarize_area(own),
            quotes=tuple(i for i, q in enumerate(quotes) if q.paragraph in members),
        ))
    summary = summarize_overview(paragraphs)
    return Briefing(
        slug=slug or slugify(source.stem),
        source=source,
        meta=doc.meta,
        paragraphs=paragraphs,
        areas=tuple(areas),
        quotes=quotes,
        glossary=glossary,
        summary=summary,
    )


def analyse_file(path: Path) -> Briefing:
    """Read and analyse one article file."""
    return analyse(read_source(path))


def find_seeds(seeds_dir: Path) -> tuple[Path, ...]:
    """The article files in ``seeds_dir``, sorted by name so runs are repeatable."""
    if not seeds_dir.is_dir():
        raise InputError(f"{seeds_dir}: seeds folder not found; create it and put articles in it")
    return tuple(sorted((p for p in seeds_dir.iterdir() if is_seed(p)), key=lambda p: p.name))


def generate(settings: Settings) -> GenerateResult:
    """Analyse every seed, render all pages and write them into the docs folder."""
    # 1. Gather the seeds, each with a slug unique in this library.
    seeds = find_seeds(settings.seeds)
    slugs = _unique_slugs(seeds)
    # 2. Analyse everything first; a bad seed is recorded and the rest go on.
    briefings: list[Briefing] = []
    failures: list[Failure] = []
    for path in seeds:
        try:
            briefings.append(analyse(read_source(path), slugs[path]))
        except BriefgenError as exc:
            failures.append(Failure(str(path), str(exc)))
    # 3. Render every page in memory (pure).
    pages = render_library(tuple(briefings), settings.templates)
    # 4. Only now write, into the docs folder.
    written = write_pages(pages, settings.docs)
    return GenerateResult(tuple(briefings), tuple(failures), written)


def _unique_slugs(seeds: tuple[Path, ...]) -> dict[Path, str]:
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
