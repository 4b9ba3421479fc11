"""The command line: an example in every --help, one line per problem, exit codes 0, 1 and 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefgen.cli import build_parser, main
from tests.project import SEED, new_project

COMMANDS = ("analyze", "generate", "build", "pdf", "check", "serve")


@pytest.mark.parametrize("command", COMMANDS)
def test_the_help_of_every_command_shows_an_example(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    assert f"  briefgen {command}" in capsys.readouterr().out.split("example")[1]


def test_every_command_is_listed_in_the_top_level_help() -> None:
    text = build_parser().format_help()
    assert all(command in text for command in COMMANDS)


@pytest.mark.parametrize("argv", [[], ["publish"], ["generate", "--jobs", "many"], ["pdf", "--paper", "a5"]])
def test_a_usage_error_exits_with_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    assert "usage: briefgen" in capsys.readouterr().err


def test_a_problem_the_user_can_fix_is_one_line_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = new_project(tmp_path / "p", seeds=())
    (project / "seeds").rmdir()
    assert main(["generate", "--config", str(project / "mkdocs.yml")]) == 1
    err = capsys.readouterr().err
    assert err == f"briefgen: error: {project}/seeds: seeds folder not found; create it and put articles in it\n"


def test_analyze_prints_the_analysis_as_json_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["analyze", str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"meta", "paragraphs", "areas", "quotes", "glossary", "summary"} and data["areas"]
    assert list(tmp_path.iterdir()) == []


def test_build_pagefind_turns_pagefind_on_as_search_both_would(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import briefgen.pipeline as pipeline

    project = new_project(tmp_path / "p")
    seen = []

    def build(settings, **options):  # type: ignore[no-untyped-def]
        seen.append(settings.search)
        return pipeline.BuildResult(pipeline.GenerateResult((), (), pipeline.WriteReport()), settings.site)

    monkeypatch.setattr(pipeline, "build", build)
    assert main(["build", "--pagefind", "--config", str(project / "mkdocs.yml")]) == 0
    assert seen == ["both"]
