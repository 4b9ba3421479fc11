"""State: the merge bases and run files that briefgen keeps under the state folder.

The state folder (``Settings.state``, ``.briefgen/`` by default) holds, for every page it
generated, the text it generated last time: ``base/<page path>``. That copy is the common
ancestor of a three-way merge between the user's edited page and the newly generated one,
so it is committed with the project: a fresh clone must merge exactly as the author would.
Everything else in the folder (the run lock, an interrupted swap's journal, backups made
by ``--force``) belongs to one machine and is ignored by git.
"""

from __future__ import annotations

from pathlib import Path

BASE_DIR = "base"
LOCK_FILE = "generate.lock"
JOURNAL_FILE = "swap.json"
BACKUP_DIR = "backup"
# Suffix of a folder being staged for a swap, and of the old one left after it; a
# dot-name so that MkDocs never reads one as part of the site.
STAGED_SUFFIX = ".briefgen-new"

# Only the merge bases are shared; the rest is one machine's run state.
GITIGNORE = f"""\
# Written by briefgen. base/ holds the merge bases: commit it.
/{LOCK_FILE}
/{JOURNAL_FILE}
/{BACKUP_DIR}/
/.*{STAGED_SUFFIX}/
/.*.briefgen-old/
"""


def base_dir(state: Path) -> Path:
    """The folder of merge bases inside ``state``."""
    return state / BASE_DIR


def read_bases(state: Path) -> dict[str, str]:
    """Every merge base, by page path (posix, relative to docs/), in sorted order."""
    root = base_dir(state)
    if not root.is_dir():
        return {}
    out: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            out[path.relative_to(root).as_posix()] = path.read_text(encoding="utf-8")
    return out


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
