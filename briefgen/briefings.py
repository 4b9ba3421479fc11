"""Each seed made into its part of the site: analysed (or read from the cache), shaped by
its spec, its pages rendered, and the result cached.

The result is the same, in the same order, whatever the cache holds and however many
processes run: a seed's Briefing depends only on its own bytes, path and slug, and the pool
returns results in input order. A seed that fails (a BriefgenError) becomes a Failure for
that seed and the others go on.

A briefing's pages depend on that briefing alone, so each seed is rendered in its worker
and the cache keeps the result: ``generate`` renders only the seeds whose seed, spec or code
changed, and the main process only assembles the library-wide pages.

The steps that read docs/ against the articles (``check``, the PDFs) take each seed's
analysis from the same cache through ``Analyses``: a seed is analysed again only when its
cached analysis is missing or stale.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

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
from briefgen.config import Settings
from briefgen.errors import BriefgenError
from briefgen.model import Briefing, Failure
from briefgen.parallel import run_all
from briefgen.render import BriefingPart, make_env, render_part
from briefgen.seeds import find_seeds, unique_slugs
from briefgen.spec import parse_spec, resolve_spec, spec_paths, spec_text
from briefgen.state import base_dir, content_hash


def analyse_seed(path: Path, slug: str) -> Briefing | Failure:
    """Read and analyse one seed; a problem the user can fix becomes a Failure."""
    try:
        return analyse(read_source(path), slug)
    except BriefgenError as exc:
        return Failure(str(path), str(exc))


def _analysis_versions(templates: Path) -> str:
    """The code an analysis depends on, as part of its key: the analyser's and the templates'."""
    return analyser_version() + templates_version(templates)


def _key_of(path: Path, slug: str, versions: str) -> str | None:
    """The seed's analysis cache key, the same for every step that reads the cache; None if unreadable.

    An unreadable seed has no key: analysing it then says why, in the user's words.
    """
    try:
        return seed_key(path, path.read_bytes(), slug, versions)
    except OSError:
        return None


class Analyses:
    """Each seed's analysis by slug, read from the cache when it is still valid, else made now.

    A valid entry is one ``generate`` would use too: the same seed bytes, path and slug, the
    same analyser and templates. A miss is analysed and stored, so the next reader hits.
    """

    def __init__(self, settings: Settings) -> None:
        self.problem: str | None = None  # why no seed can be read at all (no seeds folder)
        try:
            seeds = find_seeds(settings.seeds)
        except BriefgenError as exc:
            seeds, self.problem = (), str(exc)
        self.seeds: dict[str, Path] = {slug: path for path, slug in unique_slugs(seeds).items()}
        self._specs = spec_paths(seeds)
        self._cache = AnalysisCache(settings.state)
        self._versions = _analysis_versions(settings.templates)

    def get(self, slug: str) -> Briefing | Failure | None:
        """The analysis of the seed published as ``slug``: a Failure if it cannot be analysed, None if no seed is."""
        path = self.seeds.get(slug)
        if path is None:
            return None
        key = _key_of(path, slug, self._versions)
        cached = self._cache.get(key) if key else None
        if cached is not None:
            return cached
        outcome = analyse_seed(path, slug)
        if key and isinstance(outcome, Briefing):
            self._cache.put(key, outcome)
        return outcome

    def briefing(self, slug: str) -> Briefing | None:
        """The analysis of the seed published as ``slug``, or None (no such seed, or it fails: generate said why)."""
        found = self.get(slug)
        return found if isinstance(found, Briefing) else None

    def shaped(self, slug: str) -> Briefing | None:
        """``briefing(slug)`` shaped by its spec, as the pages were made: its areas, titles and metadata.

        A spec that fails (generate said why) leaves the analysis as it is.
        """
        found = self.briefing(slug)
        spec = self._specs.get(self.seeds[slug]) if found is not None else None
        if found is None or spec is None or not spec.is_file():
            return found
        try:
            return resolve_spec(found, parse_spec(spec.read_text(encoding="utf-8"), str(spec)))[0]
        except (BriefgenError, OSError, UnicodeDecodeError):
            return found


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
    analysed: int = 0  # seeds analysed this run (the rest came from the cache)

    @property
    def built(self) -> tuple[Built, ...]:
        """The seeds made into their part of the site, in seed order."""
        return tuple(o for o in self.outcomes if isinstance(o, Built))

    @property
    def failures(self) -> tuple[Failure, ...]:
        """The seeds (or their specs) that failed, in seed order."""
        return tuple(o for o in self.outcomes if isinstance(o, Failure))


@dataclass(frozen=True)
class _BuildTask:
    """What a worker needs to make one seed into its part of the site (picklable)."""

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
    versions = _analysis_versions(templates)
    builder = builder_version()
    outcomes: dict[Path, Built | Failure] = {}
    keep: set[str] = set()
    tasks: list[_BuildTask] = []
    for path in seeds:
        spec_file = specs[path]
        spec = spec_file.read_bytes() if spec_file.exists() else None
        key = _key_of(path, slugs[path], versions)
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
    for task, (outcome, ran, messages) in zip(tasks, run_all(build_one, tasks, jobs, progress)):
        outcomes[task.path] = outcome
        analysed += ran
        if task.key and messages is not None:  # analysed (now or before): its entry stays
            keep.add(task.key)
        for message in messages or ():
            cache.warn_once(message)
    cache.prune(keep)
    return BuildRun(tuple(outcomes[p] for p in seeds), tuple(cache.warnings), tuple(notes), analysed)


def build_one(task: _BuildTask) -> tuple[Built | Failure, bool, tuple[str, ...] | None]:
    """The steps for one seed: analyse (unless cached), apply its spec, render its pages, cache the result.

    Returns the outcome, whether it was analysed, and the cache's warnings (None when the
    analysis itself failed, so there is no entry to keep).
    """
    # 1. Analyse, unless the cache holds this very seed's analysis.
    briefing = task.briefing
    ran = briefing is None
    if briefing is None:
        outcome = analyse_seed(task.path, task.slug)
        if isinstance(outcome, Failure):
            return outcome, True, None
        briefing = outcome
    # 2-3. Shape it by its spec and render its pages; a bad spec fails this seed alone.
    cache = AnalysisCache(task.state)
    try:
        built, key = _shape_and_render(briefing, task)
    except BriefgenError as exc:
        if ran and task.key:
            cache.put(task.key, briefing)
        return Failure(str(task.path), str(exc)), ran, tuple(cache.warnings)
    # 4. Cache it: the analysis once, the spec's version only when it changed something.
    if task.key:
        stored = replace(built, new_spec=None, resolved=None if built.resolved == briefing else built.resolved)
        cache.put(task.key, briefing, key, stored)
    return built, ran, tuple(cache.warnings)


def _shape_and_render(briefing: Briefing, task: _BuildTask) -> tuple[Built, str]:
    """The briefing as its spec shapes it (or the spec to write for it), rendered; and its built_key."""
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
    """One template environment per worker process, not one per seed (Jinja compiles each template once)."""
    return make_env(templates)
