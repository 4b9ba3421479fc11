"""Analyse many seeds: cached ones read back, the rest in a process pool, in seed order.

The result is the same, in the same order, whatever the cache holds and however many
processes run: a seed's Briefing depends only on its own bytes, path and slug, and
``Executor.map`` returns results in input order. A seed that fails (a BriefgenError)
becomes a Failure for that seed and the others go on.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from briefgen.analysis.ingest import read_source
from briefgen.cache import AnalysisCache, analyser_version, seed_key, templates_version
from briefgen.errors import BriefgenError
from briefgen.model import Briefing, Failure
from briefgen.state import base_dir

# Starting worker processes costs ~50 ms each; below this many seeds to analyse, one
# process is faster than a pool.
MIN_POOL_SEEDS = 8
# Below this many seeds a progress bar would only flash.
MIN_PROGRESS_SEEDS = 6

Outcome = Briefing | Failure


@dataclass(frozen=True)
class AnalysisRun:
    """Every seed's outcome in seed order, plus what the run has to tell the user."""

    outcomes: tuple[Outcome, ...]
    warnings: tuple[str, ...] = ()
    analysed: int = 0  # seeds analysed this run (the rest came from the cache)


def analyse_one(task: tuple[Path, str]) -> Outcome:
    """Read and analyse one seed; a problem the user can fix becomes a Failure."""
    from briefgen.pipeline import analyse  # the pipeline imports this module

    path, slug = task
    try:
        return analyse(read_source(path), slug)
    except BriefgenError as exc:
        return Failure(str(path), str(exc))


def analyse_seeds(
    seeds: tuple[Path, ...],
    slugs: dict[Path, str],
    state: Path,
    templates: Path,
    jobs: int | None = None,
    progress: bool = False,
) -> AnalysisRun:
    """Analyse ``seeds`` (cached ones read back), with ``jobs`` processes; results in seed order."""
    cache = AnalysisCache(state)
    warnings: list[str] = []
    if seeds and not cache.exists() and base_dir(state).is_dir():
        warnings.append(f"{cache.folder}: no analysis cache (a fresh clone, or it was deleted); analysing every seed")
    versions = analyser_version() + templates_version(templates)
    keys: dict[Path, str] = {}
    outcomes: dict[Path, Outcome] = {}
    for path in seeds:
        try:
            keys[path] = seed_key(path, path.read_bytes(), slugs[path], versions)
        except OSError:
            continue  # analyse_one reports it as the user would see it
        hit = cache.get(keys[path])
        if hit is not None:
            outcomes[path] = hit
    todo = tuple(p for p in seeds if p not in outcomes)
    for path, outcome in zip(todo, _run(todo, slugs, jobs, progress)):
        outcomes[path] = outcome
        if isinstance(outcome, Briefing) and path in keys:
            cache.put(keys[path], outcome)
    cache.prune(keys[p] for p in seeds if p in keys and isinstance(outcomes[p], Briefing))
    return AnalysisRun(tuple(outcomes[p] for p in seeds), tuple(warnings + cache.warnings), len(todo))


def usable_cores() -> int:
    """The cores this process may run on (a container or taskset may allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _run(todo: tuple[Path, ...], slugs: dict[Path, str], jobs: int | None, progress: bool) -> Iterator[Outcome]:
    tasks = [(path, slugs[path]) for path in todo]
    jobs = max(1, jobs or usable_cores())
    bar = _Bar(len(tasks)) if progress and len(tasks) >= MIN_PROGRESS_SEEDS else None
    try:
        if jobs == 1 or len(tasks) < MIN_POOL_SEEDS:
            results: Iterator[Outcome] = map(analyse_one, tasks)
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
            for outcome in pool.map(analyse_one, tasks, chunksize=chunk):
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
