"""Where a write may go: every path under its root, none through a link out of it."""

from __future__ import annotations

import os
from pathlib import Path

from briefgen.errors import BuildError


def safe_target(root: Path, rel: str) -> Path:
    """``root/rel``, refusing any path that resolves outside ``root``."""
    base = root.resolve()
    target = (base / rel).resolve()
    if not target.is_relative_to(base) or target == base:
        raise BuildError(f"{rel}: refusing to write outside {root}")
    return target


class Targets:
    """``safe_target`` for many paths under one root: the root and each folder resolved once.

    A plain relative path whose last part is not a symlink resolves to its folder's real
    path plus its name; anything else (``..``, absolute, a symlinked file) goes through
    ``safe_target`` itself, so the answer and the refusals are the same.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.base = str(root.resolve())
        self._folders: dict[str, str] = {}

    def __call__(self, rel: str) -> Path:
        return Path(self.check(rel))

    def check(self, rel: str) -> str:
        """The target's path as a string (no Path object: this runs once per page)."""
        parts = rel.split("/")
        if not rel or rel.startswith("/") or any(p in ("", ".", "..") for p in parts):
            return str(safe_target(self.root, rel))
        folder = "/".join(parts[:-1])
        real = self._folders.get(folder)
        if real is None:
            real = os.path.realpath(os.path.join(self.base, folder)) if folder else self.base
            self._folders[folder] = real
        if real != self.base and not real.startswith(self.base + os.sep):
            raise BuildError(f"{rel}: refusing to write outside {self.root}")
        target = real + os.sep + parts[-1]
        if os.path.islink(target):
            return str(safe_target(self.root, rel))
        return target
