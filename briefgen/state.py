"""State: the merge bases and run files that briefgen keeps under the state folder.

The state folder (``Settings.state``, ``.briefgen/`` by default) holds, for every page it
generated, the text it generated last time: ``base/<page path>``. That copy is the common
ancestor of a three-way merge between the user's edited page and the newly generated one,
so it is committed with the project: a fresh clone must merge exactly as the author would.
Everything else in the folder (the run lock, an interrupted swap's journal, backups made
by ``--force``, the manifest of what the last run wrote) belongs to one machine and is
ignored by git.

The manifest records, for every page, the (inode, mtime, size) and content hash of its
docs/ file and of its merge base as the last run left them. A page whose two files still
have those stats, and whose new text has the recorded hash, is unchanged: a run need not
read it. Anything else (an edit, a checkout, a lost manifest) is read and merged as usual.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = "base"
LOCK_FILE = "generate.lock"
JOURNAL_FILE = "swap.json"
BACKUP_DIR = "backup"
MANIFEST_FILE = "written.json"
MANIFEST_VERSION = 1
# Suffix of a folder being staged for a swap, and of the old one left after it; a
# dot-name so that MkDocs never reads one as part of the site.
STAGED_SUFFIX = ".briefgen-new"

# Only the merge bases are shared; the rest is one machine's run state.
GITIGNORE = f"""\
# Written by briefgen. base/ holds the merge bases: commit it.
/{LOCK_FILE}
/{JOURNAL_FILE}
/{BACKUP_DIR}/
/{MANIFEST_FILE}
/.*{STAGED_SUFFIX}/
/.*.briefgen-old/
"""


def base_dir(state: Path) -> Path:
    """The folder of merge bases inside ``state``."""
    return state / BASE_DIR


Stat = tuple[int, int, int]  # (inode, mtime in ns, size)


class Bases(Mapping[str, str]):
    """The merge bases by page path (posix, relative to docs/), each read only when asked for."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.stats: dict[str, Stat] = dict(walk_stats(root))
        self._texts: dict[str, str] = {}

    def __getitem__(self, path: str) -> str:
        if path not in self.stats:
            raise KeyError(path)
        if path not in self._texts:
            self._texts[path] = (self.root / path).read_text(encoding="utf-8")
        return self._texts[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self.stats)

    def __len__(self) -> int:
        return len(self.stats)


def read_bases(state: Path) -> Bases:
    """Every merge base, by page path (posix, relative to docs/), in sorted order; read lazily."""
    return Bases(base_dir(state))


def walk_stats(root: Path) -> list[tuple[str, Stat]]:
    """Every regular file under ``root`` (symlinks skipped) with its stat, in sorted path order."""
    out: list[tuple[str, Stat]] = []
    if not root.is_dir() or root.is_symlink():
        return out

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
        for e in entries:
            if e.is_dir(follow_symlinks=False):
                walk(e.path, prefix + e.name + "/")
            elif e.is_file(follow_symlinks=False):
                st = e.stat(follow_symlinks=False)
                out.append((prefix + e.name, (st.st_ino, st.st_mtime_ns, st.st_size)))

    walk(str(root), "")
    out.sort()
    return out


def content_hash(text: str) -> str:
    """A short content hash of a page's text, as the manifest records it."""
    return hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()


@dataclass(frozen=True)
class Manifest:
    """What the last run left: per page, the docs file's and the merge base's stat and hash."""

    docs: dict[str, tuple[Stat, str, tuple[int, ...]]] = field(default_factory=dict)  # stat, hash, conflict lines
    base: dict[str, tuple[Stat, str]] = field(default_factory=dict)


def read_manifest(state: Path) -> Manifest:
    """The manifest of the last run; an empty one if it is missing or unreadable (only slower)."""
    try:
        data = json.loads((state / MANIFEST_FILE).read_text(encoding="utf-8"))
        if data.get("version") != MANIFEST_VERSION:
            return Manifest()
        docs = {p: ((v[0], v[1], v[2]), v[3], tuple(v[4])) for p, v in data["docs"].items()}
        base = {p: ((v[0], v[1], v[2]), v[3]) for p, v in data["base"].items()}
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return Manifest()
    return Manifest(docs, base)


def manifest_json(manifest: Manifest) -> str:
    """The manifest as the text of its file."""
    return json.dumps({
        "version": MANIFEST_VERSION,
        "docs": {p: [*st, h, list(lines)] for p, (st, h, lines) in sorted(manifest.docs.items())},
        "base": {p: [*st, h] for p, (st, h) in sorted(manifest.base.items())},
    }, separators=(",", ":"))


def staged_path(target: Path) -> Path:
    """Where the new version of folder ``target`` is built before it is swapped in."""
    return target.parent / f".{target.name}{STAGED_SUFFIX}"


def ensure_state(state: Path) -> None:
    """Create the state folder and its .gitignore, if missing."""
    state.mkdir(parents=True, exist_ok=True)
    ignore = state / ".gitignore"
    if not ignore.exists() or ignore.read_text(encoding="utf-8") != GITIGNORE:
        tmp = state / ".gitignore.tmp"
        tmp.write_text(GITIGNORE, encoding="utf-8")
        tmp.replace(ignore)
