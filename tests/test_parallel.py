"""Parallel analysis: same results, same order, byte-identical pages as a serial run."""

from __future__ import annotations

import shutil
from pathlib import Path

from benchmarks.corpus import make_corpus
from briefgen.briefings import Built, build_seeds
from briefgen.config import load_settings
from briefgen.model import Briefing, Failure
from briefgen.parallel import MIN_POOL_SEEDS
from briefgen.pipeline import generate
from briefgen.seeds import find_seeds, unique_slugs
from briefgen.spec import spec_paths

ROOT = Path(__file__).resolve().parent.parent


def briefings(outcomes: tuple[Built | Failure, ...]) -> list[Briefing | Failure]:
    """Each seed's briefing (spec applied), or its failure."""
    return [o.briefing if isinstance(o, Built) else o for o in outcomes]


def test_a_pool_gives_the_serial_results_in_seed_order_and_keeps_bad_seeds_apart(tmp_path: Path) -> None:
    seeds_dir = tmp_path / "seeds"
    make_corpus(MIN_POOL_SEEDS + 2, seeds_dir)
    (seeds_dir / "0003b-empty.txt").write_text("   \n", encoding="utf-8")  # fails; the rest go on
    seeds = find_seeds(seeds_dir)
    slugs = unique_slugs(seeds)
    serial = briefings(build_seeds(seeds, slugs, spec_paths(seeds), tmp_path / "s1", ROOT / "templates", jobs=1).outcomes)
    pooled = briefings(build_seeds(seeds, slugs, spec_paths(seeds), tmp_path / "s2", ROOT / "templates", jobs=2).outcomes)
    assert pooled == serial
    assert [o.slug if isinstance(o, Briefing) else "FAILED" for o in pooled] == [
        slugs[p] if p.name != "0003b-empty.txt" else "FAILED" for p in seeds
    ]
    failure = pooled[[p.name for p in seeds].index("0003b-empty.txt")]
    assert isinstance(failure, Failure) and "0003b-empty.txt" in failure.path


def test_generate_with_a_pool_writes_the_same_bytes_as_one_process(tmp_path: Path) -> None:
    docs = []
    for jobs in (1, 2):
        work = tmp_path / f"jobs{jobs}"
        work.mkdir()
        shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
        make_corpus(MIN_POOL_SEEDS + 1, work / "seeds")
        settings = load_settings(work / "mkdocs.yml").with_overrides(templates=ROOT / "templates")
        generate(settings, jobs=jobs)
        docs.append({p.relative_to(settings.docs).as_posix(): p.read_bytes()
                     for p in sorted(settings.docs.rglob("*")) if p.is_file()})
    assert docs[0] == docs[1]
    assert len(docs[0]) > 20


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from briefgen import cli

    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    make_corpus(MIN_POOL_SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    seen = {}
    import briefgen.pipeline as pipeline

    original = pipeline.generate

    def spy(settings, **kwargs):  # type: ignore[no-untyped-def]
        seen.update(kwargs)
        return original(settings.with_overrides(templates=ROOT / "templates"), **kwargs)

    monkeypatch.setattr(pipeline, "generate", spy)
    assert cli.main(["generate", "--jobs", "2"]) == 0
    assert seen["progress"] is False and seen["jobs"] == 2
    assert "analysing" not in capsys.readouterr().err


def _square(n: int) -> int:
    return n * n


def test_the_pool_runs_any_callable_and_keeps_task_order() -> None:
    from briefgen.parallel import run_all

    tasks = list(range(MIN_POOL_SEEDS * 3))
    assert list(run_all(_square, tasks, jobs=2, progress=False)) == [n * n for n in tasks]
