"""The orchestrator: seeds in, briefings analysed, pages rendered, docs written, site built.

Read top to bottom, this is the table of contents of the program: ``generate`` (seeds to
docs/), then ``build`` (generate, MkDocs, PDFs, Pagefind, the offline bundle). It analyses
every seed before it writes anything, so a failure in analysis never leaves docs/ half
updated, and it builds no site while a page holds conflict markers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Union

from briefgen.briefings import Built, build_seeds
from briefgen.config import Settings
from briefgen.model import Failure
from briefgen.render import assemble_library
from briefgen.seeds import find_seeds, find_strays, unique_slugs
from briefgen.spec import spec_paths
from briefgen.state import read_bases, read_manifest
from briefgen.write import WriteReport, apply_plan, plan_writes, recover, run_lock, write_new_file

if TYPE_CHECKING:
    from briefgen.pdf import PdfReport
    from briefgen.search import PagefindReport

# How long a generate run waits for another one to finish before giving up, in seconds.
DEFAULT_LOCK_TIMEOUT = 120.0


@dataclass(frozen=True)
class GenerateResult:
    """What a generate run did: the briefings made, the seeds that failed, the files written."""

    built: tuple[Built, ...]  # each briefing's part of the site, in seed order
    failures: tuple[Failure, ...]
    written: WriteReport
    warnings: tuple[str, ...] = ()  # spec choices that fell back to the analyser, and why
    specs: tuple[str, ...] = ()  # briefing specs written for new articles
    recovered: str | None = None  # what was done about a run that was killed mid-write
    notes: tuple[str, ...] = ()  # ordinary information for the user


def generate(
    settings: Settings,
    force: bool = False,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    on_wait: Callable[[str], None] = lambda message: None,
    jobs: int | None = None,
    progress: bool = False,
) -> GenerateResult:
    """Analyse every seed, render all pages, and merge them into the docs folder.

    ``jobs`` processes analyse and render (default: one per core); ``progress`` shows a bar on stderr.
    """
    # 0. One run at a time; finish or undo whatever a killed run left behind.
    with run_lock(settings.state, lock_timeout, on_wait):
        recovered = recover(settings.docs, settings.state)
        # 1. Gather the seeds, each with a slug unique in this library.
        seeds = find_seeds(settings.seeds)
        slugs = unique_slugs(seeds)
        # 2. Analyse everything first, shaped by each article's briefing spec, and render
        #    each briefing's pages; a bad seed or spec is recorded and the rest go on.
        #    Seeds whose seed, spec and code are unchanged since the last run come from the
        #    cache as they were; the rest go to a process pool, results in seed order.
        specs = spec_paths(seeds)
        run = build_seeds(seeds, slugs, specs, settings.state, settings.templates, jobs, progress)
        built = run.built
        failures = find_strays(settings.seeds) + run.failures
        warnings = run.warnings + tuple(w for b in built for w in b.warnings)
        new_specs = tuple((specs[path].name, o.new_spec) for path, o in zip(seeds, run.outcomes)
                          if isinstance(o, Built) and o.new_spec is not None)
        # 3. The site's pages: every briefing's, plus home, tags and nav across them (pure).
        pages = assemble_library(tuple(b.part for b in built), settings.templates)
        hashes = {page.path: h for b in built for page, h in zip(b.part.pages, b.hashes)}
        # 4. Merge each page three ways (last generated, the user's, new) in memory. The
        #    pages of a seed that failed are left exactly as they are.
        failed_paths = {f.path for f in failures}
        failed = tuple(f"{slugs[path]}/" for path in seeds if str(path) in failed_paths)
        plan = plan_writes(pages, settings.docs, read_bases(settings.state), force, keep=failed,
                           hashes=hashes, known=read_manifest(settings.state))
        # 5. Only now write: changed folders of docs/ and merge bases built aside, then swapped in.
        written = apply_plan(plan, settings.docs, settings.state)
        # 6. A spec for every article that had none, for the user to edit.
        specs_written = tuple(name for name, text in new_specs if write_new_file(settings.seeds, name, text))
    return GenerateResult(built, failures, written, warnings, specs_written, recovered, run.notes)


@dataclass(frozen=True)
class SiteBuilt:
    """MkDocs built the site into ``site``."""

    site: Path


@dataclass(frozen=True)
class OfflineBundle:
    """The offline bundle, written to ``path``."""

    path: Path


# What each step of a build hands to ``on_step`` as it finishes, for the user to see.
Step = Union[GenerateResult, SiteBuilt, "PdfReport", "PagefindReport", OfflineBundle]


@dataclass(frozen=True)
class BuildResult:
    """What a build did, step by step; a step that did not run is None."""

    generated: GenerateResult
    site: Path | None = None  # None: not built, because pages hold conflict markers
    pdfs: PdfReport | None = None  # None also for a library with no briefings to print
    pagefind: PagefindReport | None = None
    offline: Path | None = None


def build(
    settings: Settings,
    offline: bool = False,
    on_step: Callable[[Step], None] = lambda step: None,
    force: bool = False,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    on_wait: Callable[[str], None] = lambda message: None,
    jobs: int | None = None,
    progress: bool = False,
) -> BuildResult:
    """Generate, then build the site and everything made from it, each step after the one it needs.

    ``on_step`` hears of each step as it finishes; the other options are ``generate``'s.
    """
    # Imported here, not at the top: a plain generate never pays for Markdown, lxml or WeasyPrint.
    from briefgen.pdf import build_pdfs
    from briefgen.pdf.collect import briefing_slugs
    from briefgen.publish import build_offline
    from briefgen.search import build_pagefind, site_name
    from briefgen.site import build_site

    # 1. Generate: every seed analysed, then docs/ written.
    generated = generate(settings, force=force, lock_timeout=lock_timeout, on_wait=on_wait, jobs=jobs, progress=progress)
    on_step(generated)
    # 2. A site built now would publish the conflict markers: stop until they are resolved.
    if generated.written.conflicts:
        return BuildResult(generated)
    # 3. MkDocs: docs/ into site/, strictly (any warning fails the build).
    build_site(settings.config_file)
    on_step(SiteBuilt(settings.site))
    # 4. The PDFs, from the pages in docs/, into site/; an empty library has nothing to print.
    pdfs = pagefind = bundle = None
    if briefing_slugs(settings.docs):
        pdfs = build_pdfs(settings)
        on_step(pdfs)
    # 5. Pagefind indexes the finished site, for search that scales.
    if settings.pagefind:
        pagefind = build_pagefind(settings.site, site_name(settings.config_file))
        on_step(pagefind)
    # 6. The offline bundle: the site again, for file://, with the PDFs copied in.
    if offline:
        bundle = build_offline(settings)
        on_step(OfflineBundle(bundle))
    return BuildResult(generated, settings.site, pdfs, pagefind, bundle)
