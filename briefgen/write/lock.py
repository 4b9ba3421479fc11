"""Lock: one generate run at a time per state folder; a second one waits, then gives up."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from briefgen.errors import BuildError
from briefgen.state import LOCK_FILE, ensure_state


@contextmanager
def run_lock(state: Path, timeout: float, on_wait: Callable[[str], None]) -> Iterator[None]:
    """Hold the state folder's lock, so two runs never write at once; wait up to ``timeout`` s."""
    ensure_state(state)
    path = state / LOCK_FILE
    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        on_wait(f"briefgen: another briefgen generate is running (lock {path}); waiting up to {timeout:g}s")
        try:
            lock.acquire(timeout=timeout)
        except Timeout:
            raise BuildError(
                f"{path}: another briefgen generate still holds the lock after {timeout:g}s; "
                "wait for it to finish, or raise --lock-timeout"
            ) from None
    try:
        yield
    finally:
        lock.release()
