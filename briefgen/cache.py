"""The analysis cache: each seed's analysed Briefing, kept under the state folder.

A seed is keyed by a content hash of everything its analysis reads or could depend on:
the seed's bytes, its path and slug (both end up in the Briefing), the analyser's own
source code and the templates. So an edit to any of them is a miss, and the cache can
never change output: a hit returns exactly what analysing again would. An entry that
cannot be read (torn write, other Python, old format) is a miss with a warning, never
an error.

An entry also keeps what the seed last became (its spec applied, its pages rendered) under
a second key, ``built_key``: the spec's bytes and the code of the spec and render steps.
When that still matches, a run takes the seed's pages as they are and renders nothing.

Entries live in ``<state>/cache/<key>.pickle``. They belong to one machine (the folder
ignores itself in git), and entries no run used any more are pruned after each run.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from briefgen.model import Briefing

CACHE_DIR = "cache"
# Bump when the entry format changes (3: Built moved to briefgen.briefings). The header is
# part of every key, so entries of an older format are plain misses, pruned after the run.
HEADER = b"briefgen-analysis-cache 3\n"
SUFFIX = ".pickle"
# The code whose output is cached: every analysis stage (analyse() lives in the package)
# and the model the result is made of. Not the orchestrator: an edit to generate() changes
# no analysis.
PACKAGE = Path(__file__).resolve().parent
ANALYSER_FILES = ("analysis", "model.py")
# The code that turns an analysed briefing into pages (and defines the Built kept in each
# entry): a change to it re-renders every seed.
# The process pool (parallel.py) is not among them: how many processes run changes no page.
BUILDER_FILES = ("spec.py", "render.py", "briefings.py", "model.py")
# The cache folder holds one machine's entries: keep it out of git whatever the project's
# own .gitignore says.
GITIGNORE = "# briefgen's analysis cache: local to this machine, safe to delete.\n*\n"


@lru_cache(maxsize=1)
def analyser_version() -> str:
    """A hash of the analyser's source code: any change to it invalidates every entry."""
    return _hash_files(PACKAGE, ANALYSER_FILES)


@lru_cache(maxsize=1)
def builder_version() -> str:
    """A hash of the spec and render code: any change to it re-renders every seed."""
    return _hash_files(PACKAGE, BUILDER_FILES)


def templates_version(templates: Path) -> str:
    """A hash of every file under ``templates`` (names and contents)."""
    return _hash_files(templates, (".",)) if templates.is_dir() else "none"


def _hash_files(root: Path, names: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for name in names:
        top = root / name
        files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for path in files:
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def seed_key(path: Path, data: bytes, slug: str, versions: str) -> str:
    """The cache key of one seed: its bytes, path and slug, plus the entry format and the code versions."""
    digest = hashlib.sha256()
    for part in (HEADER, str(path).encode("utf-8", "surrogateescape"), slug.encode(), versions.encode()):
        digest.update(len(part).to_bytes(8, "big") + part)
    digest.update(data)
    return digest.hexdigest()


def built_key(seed: str, spec_name: str, spec: bytes | None, versions: str) -> str:
    """The key of what a seed became: its analysis key, its spec (or none) and the code versions."""
    digest = hashlib.sha256()
    for part in (seed.encode(), spec_name.encode("utf-8", "surrogateescape"), versions.encode()):
        digest.update(len(part).to_bytes(8, "big") + part)
    digest.update(b"\1" + spec if spec is not None else b"\0")
    return digest.hexdigest()


@dataclass(frozen=True)
class CacheEntry:
    """One seed's analysis, and what it last became under ``built_key`` (None: not yet).

    The analysis stays pickled until asked for: a run that takes the seed's pages from
    the cache may never need it, and unpickling a thousand briefings costs ~0.3 s.
    """

    analysis: bytes  # the pickled Briefing
    built_key: str = ""
    built: object = None  # a briefings.Built; typed loosely so this module stays below it

    @property
    def briefing(self) -> Briefing:
        """The analysed Briefing."""
        return load_briefing(self.analysis)


def load_briefing(data: bytes) -> Briefing:
    """A Briefing from its pickle (as the cache stores it)."""
    value = pickle.loads(data)
    if not isinstance(value, Briefing):
        raise TypeError("not a Briefing")
    return value


class AnalysisCache:
    """Read and write analysed briefings by key; unreadable entries become warnings."""

    def __init__(self, state: Path) -> None:
        self.folder = state / CACHE_DIR
        self.warnings: list[str] = []
        self._bad = 0

    def exists(self) -> bool:
        """Whether a cache folder is there at all."""
        return self.folder.is_dir()

    def get(self, key: str) -> Briefing | None:
        """The cached Briefing for ``key``, or None on a miss or an unreadable entry."""
        return self.briefing_of(self.get_entry(key))

    def briefing_of(self, entry: CacheEntry | None) -> Briefing | None:
        """The Briefing an entry holds, or None for no entry or one that will not unpickle."""
        if entry is None:
            return None
        try:
            return entry.briefing
        except Exception:  # a torn or foreign pickle is just a miss
            return self._unreadable()

    def get_entry(self, key: str) -> CacheEntry | None:
        """The cached entry for ``key``, or None on a miss or an unreadable entry."""
        path = self.folder / f"{key}{SUFFIX}"
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError:
            return self._unreadable()
        if not data.startswith(HEADER):
            return self._unreadable()
        # HEADER, the length of the entry's head, the head (built_key, built, length of the
        # analysis), then the pickled analysis itself.
        start = len(HEADER) + 8
        try:
            size = int.from_bytes(data[len(HEADER):start], "big")
            built_key, built, length = pickle.loads(data[start:start + size])
            analysis = data[start + size:]
            if not isinstance(built_key, str) or len(analysis) != length:
                return self._unreadable()
        except Exception:  # any torn or foreign pickle is just a miss
            return self._unreadable()
        return CacheEntry(analysis, built_key, built)

    def put(self, key: str, briefing: Briefing, built_key: str = "", built: object = None) -> None:
        """Store ``briefing`` (and what it became) under ``key``; a failure to write only costs speed."""
        try:
            self._ensure_folder()
            path = self.folder / f"{key}{SUFFIX}"
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            analysis = pickle.dumps(briefing, protocol=pickle.HIGHEST_PROTOCOL)
            head = pickle.dumps((built_key, built, len(analysis)), protocol=pickle.HIGHEST_PROTOCOL)
            tmp.write_bytes(HEADER + len(head).to_bytes(8, "big") + head + analysis)
            tmp.replace(path)
        except OSError as exc:
            self.warn_once(f"{self.folder}: cannot write the analysis cache ({exc.strerror}); the next run analyses again")

    def prune(self, keep: Iterable[str]) -> None:
        """Delete the entries not in ``keep`` (seeds removed or changed since)."""
        if not self.folder.is_dir():
            return
        wanted = {f"{key}{SUFFIX}" for key in keep}
        for path in self.folder.iterdir():
            if path.name != ".gitignore" and path.name not in wanted and not path.is_dir():
                try:
                    path.unlink()
                except OSError:
                    pass

    def _ensure_folder(self) -> None:
        if not self.folder.is_dir():
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / ".gitignore").write_text(GITIGNORE, encoding="utf-8")

    def _unreadable(self) -> None:
        self._bad += 1
        self.warn_once(f"{self.folder}: unreadable analysis cache entries; those seeds were analysed again")
        return None

    def warn_once(self, message: str) -> None:
        """Record ``message`` for the user, once per run however often it happens."""
        if message not in self.warnings:
            self.warnings.append(message)
