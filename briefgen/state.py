"""State: the merge bases and run files that briefgen keeps under the state folder.

The state folder (``Settings.state``, ``.briefgen/`` by default) holds, for every page it
generated, the text it generated last time: ``base/<page path>``. That copy is the common
ancestor of a three-way merge between the user's edited page and the newly generated one,
so it is committed with the project: a fresh clone must merge exactly as the author would.
So is the change record, ``changes.json``: when each briefing last changed and what
changed, with each page's hash and each area page's identity (slug, title, file,
paragraphs), so that the next run can tell what changed and trace a renamed, merged or
split area to the pages it came from; and ``changes.md``, the last run's change log.
Everything else in the folder (the run lock, an interrupted swap's journal, backups made
by ``--force`` or of edited pages no longer generated, the manifest of what the last run
wrote) belongs to one machine and is ignored by git.

The manifest records, for every page, the (inode, mtime, size) and content hash of its
docs/ file and of its merge base as the last run left them. A page whose two files still
have those stats, and whose new text has the recorded hash, is unchanged: a run need not
read it. Anything else (an edit, a checkout, a lost manifest) is read and merged as usual.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping
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
# Written by briefgen. base/ (the merge bases) and changes.json (the change record): commit them.
/{LOCK_FILE}
/{JOURNAL_FILE}
/{BACKUP_DIR}/
/{MANIFEST_FILE}
/.*{STAGED_SUFFIX}/
/.*.briefgen-old/
/*.tmp
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


# ---------------------------------------------------------------------------------------
# The change record: what each briefing was when it last changed (committed)
# ---------------------------------------------------------------------------------------

CHANGES_FILE = "changes.json"  # the record below, read by the next run
CHANGELOG_FILE = "changes.md"  # the last change log, for people
CHANGES_VERSION = 1


@dataclass(frozen=True)
class AreaRecord:
    """An area page as generated: the identity a rename, merge or split is traced by."""

    slug: str
    title: str
    file: str  # "02-quota-talks.md", in the briefing's folder
    paragraphs: tuple[int, ...]  # paragraph numbers; () when not known (a state from before records)


@dataclass(frozen=True)
class BriefingRecord:
    """One briefing as it was generated when it last changed, and what changed then."""

    title: str
    updated: str  # ISO date of that change
    added: bool  # the change was the briefing's first generation
    changes: tuple[str, ...]  # what changed, one phrase each ("“A” renamed “B”", "changed: source text")
    pages: tuple[tuple[str, str], ...]  # (file in the briefing's folder, short hash of its generated text)
    areas: tuple[AreaRecord, ...]


@dataclass(frozen=True)
class RunLog:
    """The last run that changed a briefing: what it added, updated and removed, and what it did to edited pages."""

    date: str
    added: tuple[str, ...] = ()  # briefing slugs
    updated: tuple[str, ...] = ()
    removed: tuple[tuple[str, str], ...] = ()  # (slug, title)
    kept_edits: tuple[str, ...] = ()  # docs paths whose new text kept the user's edits
    conflicts: tuple[tuple[str, int], ...] = ()  # (docs path, line) where conflict markers start


@dataclass(frozen=True)
class ChangeRecord:
    """The whole record: every briefing's last change, and the last run that changed any."""

    briefings: Mapping[str, BriefingRecord] = field(default_factory=dict)
    last: RunLog | None = None


def short_hash(content_hash_text: str) -> str:
    """The part of a page's content hash the record keeps: enough to tell versions apart."""
    return content_hash_text[:16]


def read_changes(state: Path) -> ChangeRecord:
    """The change record of the last run; an empty one if there is none (every briefing is then new)."""
    try:
        data = json.loads((state / CHANGES_FILE).read_text(encoding="utf-8"))
        if data.get("version") != CHANGES_VERSION:
            return ChangeRecord()
        briefings = {
            slug: BriefingRecord(
                title=str(b["title"]), updated=str(b["updated"]), added=bool(b.get("added", False)),
                changes=tuple(str(c) for c in b["changes"]),
                pages=tuple((str(f), str(h)) for f, h in b["pages"].items()),
                areas=tuple(AreaRecord(str(a[0]), str(a[1]), str(a[2]), tuple(_numbers(str(a[3])))) for a in b["areas"]),
            )
            for slug, b in data["briefings"].items()
        }
        last = data.get("last")
        log = None if last is None else RunLog(
            date=str(last["date"]), added=tuple(last["added"]), updated=tuple(last["updated"]),
            removed=tuple((str(s), str(t)) for s, t in last["removed"]), kept_edits=tuple(last["kept_edits"]),
            conflicts=tuple((str(p), int(n)) for p, n in last["conflicts"]),
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return ChangeRecord()
    return ChangeRecord(briefings, log)


def changes_json(record: ChangeRecord) -> str:
    """The record as the text of its file: briefings sorted, one line per page and area, so git diffs read well."""
    def dump(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    last = record.last
    lines = ["{", f' "version": {CHANGES_VERSION},']
    lines.append(' "last": ' + ("null" if last is None else dump({
        "date": last.date, "added": list(last.added), "updated": list(last.updated),
        "removed": [list(r) for r in last.removed], "kept_edits": list(last.kept_edits),
        "conflicts": [list(c) for c in last.conflicts],
    })) + ",")
    lines.append(' "briefings": {')
    items = sorted(record.briefings.items())
    for i, (slug, b) in enumerate(items):
        lines.append(f"  {dump(slug)}: {{")
        lines.append(f'   "title": {dump(b.title)}, "updated": {dump(b.updated)}, "added": {dump(b.added)},')
        lines.append(f'   "changes": {dump(list(b.changes))},')
        lines.append('   "pages": {' + ", ".join(f"{dump(f)}: {dump(h)}" for f, h in b.pages) + "},")
        areas = [dump([a.slug, a.title, a.file, ",".join(range_labels(a.paragraphs))]) for a in b.areas]
        lines.append('   "areas": [' + ("\n    " + ",\n    ".join(areas) + "\n   " if areas else "") + "]")
        lines.append("  }" + ("," if i < len(items) - 1 else ""))
    lines += [" }", "}"]
    return "\n".join(lines) + "\n"


def write_state_file(state: Path, name: str, text: str) -> bool:
    """Write ``state/name`` through a temporary name, unless it already holds ``text``; whether it was written."""
    path = state / name
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return True


def range_labels(nums: Iterable[int]) -> list[str]:
    """(4, 5, 6, 9) -> ["p4-p6", "p9"]: paragraph numbers in runs, as the spec writes them."""
    runs: list[list[int]] = []
    for n in nums:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return [f"p{a}" if a == z else f"p{a}-p{z}" for a, z in runs]


def _numbers(text: str) -> list[int]:
    out: list[int] = []
    for part in filter(None, text.split(",")):
        first, _, last = part.partition("-")
        out += range(int(first[1:]), int((last or first)[1:]) + 1)
    return out
