"""The process pool and the progress bar: a callable run over many tasks, results in order.

``Executor.map`` returns results in input order, so a run gives the same results whatever
the number of processes. This module knows nothing of what the tasks are.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Starting worker processes costs ~50 ms each; below this many tasks, one process is
# faster than a pool.
MIN_POOL_SEEDS = 8
# Below this many tasks a progress bar would only flash.
MIN_PROGRESS_SEEDS = 6


def usable_cores() -> int:
    """The cores this process may run on (a container or taskset may allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def run_all(fn: Callable[[T], R], tasks: Sequence[T], jobs: int | None, progress: bool) -> Iterator[R]:
    """``fn`` of every task, in task order: in ``jobs`` processes (default: one per core) when
    there are enough tasks to pay for a pool, with a progress bar on stderr if ``progress``."""
    jobs = max(1, jobs or usable_cores())
    bar = _Bar(len(tasks)) if progress and len(tasks) >= MIN_PROGRESS_SEEDS else None
    try:
        if jobs == 1 or len(tasks) < MIN_POOL_SEEDS:
            for outcome in map(fn, tasks):
                yield outcome
                if bar:
                    bar.advance()
            return
        # fork: workers inherit every module the caller imported first, so they start in milliseconds.
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
