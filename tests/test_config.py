"""Settings: read from extra.briefgen in mkdocs.yml; a mistake is one line naming the key; flags win."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.cli import main
from briefgen.config import load_settings
from tests.project import new_project


def with_settings(tmp_path: Path, block: str) -> Path:
    """A project whose mkdocs.yml ends with ``block`` under extra.briefgen."""
    project = new_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    head, _, tail = text.partition("\nextra:\n  briefgen:\n")
    assert tail and not tail.strip().startswith(("-", "extra")) and all(line.startswith("    ") for line in tail.splitlines())
    config.write_text(f"{head}\nextra:\n  briefgen:\n{block}", encoding="utf-8")
    return config


def problem(capsys: pytest.CaptureFixture[str], config: Path) -> str:
    """The one line `briefgen check` prints about the config (it exits 1)."""
    assert main(["check", "--config", str(config)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    return err


def test_an_unknown_key_is_one_line_naming_the_key_and_the_known_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = with_settings(tmp_path, "    serach: pagefind\n")
    line = problem(capsys, config)
    assert line.startswith(f"briefgen: error: {config}: unknown key extra.briefgen.serach; known keys: ")
    assert "search" in line


@pytest.mark.parametrize("block, key", [("    paper: a5\n", "paper"), ("    search: google\n", "search"),
                                        ("    seeds: [a, b]\n", "seeds")])
def test_a_bad_value_names_its_key(tmp_path: Path, capsys: pytest.CaptureFixture[str], block: str, key: str) -> None:
    assert f"extra.briefgen.{key} must be" in problem(capsys, with_settings(tmp_path, block))


def test_a_config_that_is_not_yaml_is_one_line_naming_the_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Briefings\nnav: [unclosed\n", encoding="utf-8")
    assert problem(capsys, config).startswith(f"briefgen: error: {config}:3: not valid YAML: expected ',' or ']'")


def test_settings_resolve_against_the_config_folder_and_mkdocs_tags_are_tolerated(tmp_path: Path) -> None:
    config = with_settings(tmp_path, "    seeds: articles\n    paper: letter\n")
    assert "!ENV" in config.read_text(encoding="utf-8")  # MkDocs' own tags must not break reading
    settings = load_settings(config)
    assert (settings.seeds, settings.docs, settings.state, settings.paper) == (
        config.parent / "articles", config.parent / "docs", config.parent / ".briefgen", "letter")


def test_without_a_config_file_every_setting_has_its_default(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "mkdocs.yml")
    assert (settings.seeds, settings.templates, settings.paper, settings.search) == (
        tmp_path / "seeds", tmp_path / "templates", "a4", "lunr")


def test_a_flag_on_the_command_line_wins_over_the_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = with_settings(tmp_path, "    seeds: nowhere\n")
    assert main(["generate", "--config", str(config), "--seeds", str(config.parent / "seeds")]) == 0
    assert (config.parent / "docs" / "china-russia-fractured-friendship" / "index.md").is_file()
