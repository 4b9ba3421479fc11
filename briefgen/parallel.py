"""Build many seeds: cached ones read back, the rest in a process pool, in seed order.

The result is the same, in the same order, whatever the cache holds and however many
processes run: a seed's Briefing depends only on its own bytes, path and slug, and
``Executor.map`` returns results in input order. A seed that fails (a BriefgenError)
becomes a Failure for that seed and the others go on.

Each worker analyses its seed (unless cached), applies the seed's spec and renders its
pages (a briefing's pages depend on that briefing alone), and the cache keeps the result,
so ``generate`` renders only the seeds whose seed, spec or code changed; the main process
only assembles the library-wide pages.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from briefgen.analysis import analyse, load_stages
from briefgen.analysis.ingest import read_source
from briefgen.cache import (
    AnalysisCache,
    analyser_version,
    built_key,
    builder_version,
    load_briefing,
    seed_key,
    templates_version,
)
from briefgen.errors import BriefgenError
from briefgen.model import Briefing, Failure
from briefgen.render import BriefingPart, make_env, render_part
from briefgen.spec import parse_spec, resolve_spec, spec_text
from briefgen.state import base_dir, content_hash

# Starting worker processes costs ~50 ms each; below this many seeds to analyse, one
# process is faster than a pool.
MIN_POOL_SEEDS = 8
# Below this many seeds a progress bar would only flash.
MIN_PROGRESS_SEEDS = 6


def analyse_one(task: tuple[Path, str]) -> Briefing | Failure:
    """Read and analyse one seed; a problem the user can fix becomes a Failure."""

    path, slug = task
    try:
        return analyse(read_source(path), slug)
    except BriefgenError as exc:
        return Failure(str(path), str(exc))


@dataclass(frozen=True)
class Built:
    """One seed made into its part of the site: spec applied, pages rendered."""

    part: BriefingPart
    hashes: tuple[str, ...]  # content hash of each of part.pages, for the write step
    warnings: tuple[str, ...] = ()  # spec choices that fell back to the analyser
    new_spec: str | None = None  # the spec to write for a seed that had none
    resolved: Briefing | None = None  # the briefing with its spec applied; None: see analysis
    analysis: bytes = b""  # the pickled analysis, which the spec left as it was

    @property
    def briefing(self) -> Briefing:
        """The briefing with its spec applied (unpickled on first need, not by every run)."""
        return self.resolved if self.resolved is not None else load_briefing(self.analysis)


@dataclass(frozen=True)
class BuildRun:
    """Every seed's outcome in seed order, plus what the run has to tell the user."""

    outcomes: tuple[Built | Failure, ...]
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # ordinary information, such as a first run with no cache yet
    analysed: int = 0  # seeds analysed this run
    built: int = 0  # seeds whose pages were rendered this run (the rest came from the cache)


@dataclass(frozen=True)
class _BuildTask:
    path: Path
    slug: str
    key: str | None  # None: the seed could not be read (the worker reports it)
    spec_file: Path
    spec: bytes | None
    want: str  # the built_key this seed should be cached under
    versions: str
    briefing: Briefing | None  # the cached analysis, if any
    state: Path
    templates: Path


def build_seeds(
    seeds: tuple[Path, ...],
    slugs: dict[Path, str],
    specs: dict[Path, Path],
    state: Path,
    templates: Path,
    jobs: int | None = None,
    progress: bool = False,
) -> BuildRun:
    """Every seed analysed, its spec applied and its pages rendered; cached ones read back."""
    cache = AnalysisCache(state)
    notes: list[str] = []
    if seeds and not cache.exists() and base_dir(state).is_dir():
        # The cache is machine-local (git-ignored): every fresh clone starts without one.
        notes.append(f"no analysis cache in {cache.folder} yet (a fresh clone); analysing every seed")
    versions = analyser_version() + templates_version(templates)
    builder = builder_version()
    outcomes: dict[Path, Built | Failure] = {}
    keep: set[str] = set()
    tasks: list[_BuildTask] = []
    for path in seeds:
        spec_file = specs[path]
        spec = spec_file.read_bytes() if spec_file.exists() else None
        try:
            key: str | None = seed_key(path, path.read_bytes(), slugs[path], versions)
        except OSError:
            key = None
        want = built_key(key or "", str(spec_file), spec, builder)
        entry = cache.get_entry(key) if key else None
        if entry is not None and entry.built_key == want and isinstance(entry.built, Built):
            outcomes[path] = entry.built if entry.built.resolved is not None else replace(entry.built, analysis=entry.analysis)
            keep.add(key)  # type: ignore[arg-type]
            continue
        briefing = cache.briefing_of(entry)
        tasks.append(_BuildTask(path, slugs[path], key, spec_file, spec, want, builder, briefing, state, templates))
    if any(task.briefing is None for task in tasks):
        load_stages()  # once here, before the pool forks, not once per worker
    analysed = 0
    for task, (outcome, ran, messages) in zip(tasks, _run(build_one, tasks, jobs, progress)):
        outcomes[task.path] = outcome
        analysed += ran
        if task.key and messages is not None:  # analysed (now or before): its entry stays
            keep.add(task.key)
        for message in messages or ():
            cache.warn_once(message)
    cache.prune(keep)
    return BuildRun(tuple(outcomes[p] for p in seeds), tuple(cache.warnings), tuple(notes), analysed, len(tasks))


def build_one(task: _BuildTask) -> tuple[Built | Failure, bool, tuple[str, ...] | None]:
    """Analyse one seed (unless cached), apply its spec, render its pages and cache the result.

    Returns the outcome, whether it was analysed, and the cache's warnings (None when the
    analysis itself failed, so there is no entry to keep).
    """
    briefing = task.briefing
    ran = briefing is None
    if briefing is None:
        outcome = analyse_one((task.path, task.slug))
        if isinstance(outcome, Failure):
            return outcome, True, None
        briefing = outcome
    cache = AnalysisCache(task.state)
    try:
        built, key = _build(briefing, task)
    except BriefgenError as exc:
        if ran and task.key:
            cache.put(task.key, briefing)
        return Failure(str(task.path), str(exc)), ran, tuple(cache.warnings)
    if task.key:
        # The analysis is stored once; the spec's version only when it changed something.
        stored = replace(built, new_spec=None, resolved=None if built.resolved == briefing else built.resolved)
        cache.put(task.key, briefing, key, stored)
    return built, ran, tuple(cache.warnings)


def _build(briefing: Briefing, task: _BuildTask) -> tuple[Built, str]:
    new_spec = None
    key = task.want
    if task.spec is not None:
        resolved, notes = resolve_spec(briefing, parse_spec(task.spec.decode("utf-8"), str(task.spec_file)))
    else:
        resolved, notes = briefing, ()
        new_spec = spec_text(briefing, task.path.name)
        # Next run reads the spec written now; if it shapes the briefing exactly as the
        # analyser did (it is written to), the pages rendered now are what it will make.
        again, more = resolve_spec(briefing, parse_spec(new_spec, str(task.spec_file)))
        if again == briefing and not more:
            key = built_key(task.key or "", str(task.spec_file), new_spec.encode("utf-8", "surrogateescape"), task.versions)
    part = render_part(resolved, _env(task.templates))
    hashes = tuple(content_hash(p.content) for p in part.pages)
    return Built(part, hashes, tuple(notes), new_spec, resolved), key


@lru_cache(maxsize=4)
def _env(templates: Path) -> jinja2.Environment:
    return make_env(templates)


def usable_cores() -> int:
    """The cores this process may run on (a container or taskset may allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _run(fn: Callable[[Any], Any], tasks: list[Any], jobs: int | None, progress: bool) -> Iterator[Any]:
    jobs = max(1, jobs or usable_cores())
    bar = _Bar(len(tasks)) if progress and len(tasks) >= MIN_PROGRESS_SEEDS else None
    try:
        if jobs == 1 or len(tasks) < MIN_POOL_SEEDS:
            results: Iterator[Any] = map(fn, tasks)
            for outcome in results:
                yield outcome
                if bar:
                    bar.advance()
            return
        # fork: workers inherit the imported analyser, so they start in milliseconds.
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        workers = min(jobs, len(tasks))
        # Small chunks keep the bar moving and the load even; big enough to amortise IPC.
        chunk = max(1, min(16, len(tasks) // (workers * 8)))
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
            for outcome in pool.map(fn, tasks, chunksize=chunk):
                yield outcome
                if bar:
                    bar.advance()
    finally:
        if bar:
            bar.close()


class _Bar:
    """A rich progress bar on stderr: seeds done, seeds per second, time left."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(
            TextColumn("analysing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} seeds/s"),
            TimeRemainingColumn(),
            console=Console(file=sys.stderr),
            transient=True,
        )
        self.task = self.progress.add_task("analyse", total=total, rate="-")
        self.progress.start()

    def advance(self) -> None:
        """One more seed done."""
        self.progress.advance(self.task)
        speed = self.progress.tasks[0].speed
        self.progress.update(self.task, rate=f"{speed:.1f}" if speed else "-")

    def close(self) -> None:
        """Take the bar off the screen."""
        self.progress.stop()
