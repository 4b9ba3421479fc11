"""The orchestrator: seeds in, briefings analysed, pages rendered, docs written, site built.

Read top to bottom, this is the table of contents of the program: ``generate`` (seeds to
docs/), then ``build`` (generate, MkDocs, PDFs, Pagefind, the offline bundle). It analyses
every seed before it writes anything, so a failure in analysis never leaves docs/ half
updated, and it builds no site while a page holds conflict markers.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Union

import jinja2

from briefgen.briefings import Built, build_seeds
from briefgen.changes import BriefingNow, changelog_text, track_changes, with_outcome
from briefgen.config import Settings
from briefgen.errors import ConfigError
from briefgen.model import Failure
from briefgen.render import BriefingPart, assemble_library, make_env, safe_slug
from briefgen.seeds import find_seeds, find_strays, unique_slugs
from briefgen.spec import spec_paths
from briefgen.state import (
    CHANGELOG_FILE,
    CHANGES_FILE,
    ChangeRecord,
    changes_json,
    read_bases,
    read_changes,
    read_manifest,
    short_hash,
    write_state_file,
)
from briefgen.updates import UpdateNote, recent_items, update_note, update_text, with_update
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
    changes: ChangeRecord | None = None  # the change record after this run
    changed: bool = False  # a briefing was added, updated or removed (the record's run log is this run's)


def run_date() -> str:
    """The date a change is recorded under: today, or SOURCE_DATE_EPOCH's day (UTC) for reproducible runs."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return dt.date.today().isoformat()
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date().isoformat()
    except (ValueError, OverflowError, OSError):
        raise ConfigError(f"SOURCE_DATE_EPOCH={epoch!r}: not a number of seconds since 1970") from None


def generate(
    settings: Settings,
    force: bool = False,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    on_wait: Callable[[str], None] = lambda message: None,
    jobs: int | None = None,
    progress: bool = False,
    today: str | None = None,
) -> GenerateResult:
    """Analyse every seed, render all pages, and merge them into the docs folder.

    ``jobs`` processes analyse and render (default: one per core); ``progress`` shows a bar on
    stderr; ``today`` (ISO) is the date changes are recorded under (default: ``run_date()``).
    """
    today = today or run_date()
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
        # 3. What changed since each briefing last changed: its pages against the change
        #    record, its area pages traced to the ones they came from (renamed, merged, split).
        failed_paths = {f.path for f in failures}
        failed = tuple(f"{slugs[path]}/" for path in seeds if str(path) in failed_paths)
        bases = read_bases(settings.state)
        before = read_changes(settings.state)
        tracked = track_changes(
            before, tuple(_now(b) for b in built),
            frozenset(safe_slug(slugs[path], "briefing") for path in seeds if str(path) in failed_paths),
            _base_files(bases), today)
        # 4. The site's pages: every briefing's, each overview saying when it last changed,
        #    plus home (with what changed lately), tags and nav across them (pure).
        env = make_env(settings.templates)
        parts = _with_updates(built, tracked.record, env)
        pages = assemble_library(parts, settings.templates, env, recent=recent_items(tracked.record))
        # The overviews' hashes changed with their "Updated on" lines; the plan hashes them again.
        hashes = {page.path: h for b in built for page, h in zip(b.part.pages, b.hashes)
                  if page.path != f"{b.part.folder}/index.md"}
        # 5. Merge each page three ways (last generated, the user's, new) in memory; a moved
        #    area page takes the edits of the pages it came from. The pages of a seed that
        #    failed are left exactly as they are.
        plan = plan_writes(pages, settings.docs, bases, force, keep=failed,
                           hashes=hashes, known=read_manifest(settings.state), moves=tracked.moves)
        # 6. Only now write: changed folders of docs/ and merge bases built aside, then swapped in.
        written = apply_plan(plan, settings.docs, settings.state)
        # 7. The change record, and the change log of a run that changed a briefing.
        record = tracked.record
        if tracked.changed:
            docs = settings.docs.name  # not the whole path: the log is the same on every machine
            record = with_outcome(record, tuple(f"{docs}/{p}" for p in written.merged),
                                  tuple((f"{docs}/{c.path}", n) for c in written.conflicts for n in c.lines))
            write_state_file(settings.state, CHANGELOG_FILE, changelog_text(record))
        if record != before:
            write_state_file(settings.state, CHANGES_FILE, changes_json(record))
        # 8. A spec for every article that had none, for the user to edit.
        specs_written = tuple(name for name, text in new_specs if write_new_file(settings.seeds, name, text))
    return GenerateResult(built, failures, written, warnings, specs_written, recovered, run.notes, record, tracked.changed)


def _with_updates(built: tuple[Built, ...], record: ChangeRecord, env: jinja2.Environment) -> tuple[BriefingPart, ...]:
    """Each briefing's part with its overview saying when it last changed."""
    texts: dict[UpdateNote | None, str] = {}  # most briefings share a note: render each once
    parts = []
    for b in built:
        note = update_note(record.briefings.get(b.part.folder))
        if note not in texts:
            texts[note] = update_text(note, env)
        parts.append(with_update(b.part, texts[note]))
    return tuple(parts)


def _now(b: Built) -> BriefingNow:
    """A briefing as generated this run, as the change record compares it."""
    prefix = f"{b.part.folder}/"
    pages = tuple((p.path.removeprefix(prefix), short_hash(h)) for p, h in zip(b.part.pages, b.hashes))
    return BriefingNow(b.part.folder, b.part.home.title, pages, b.part.areas)


def _base_files(bases: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """The files each folder had as last generated (its merge bases), by folder."""
    out: dict[str, list[str]] = {}
    for path in bases:
        folder, _, name = path.partition("/")
        if name:
            out.setdefault(folder, []).append(name)
    return {folder: tuple(names) for folder, names in out.items()}


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
