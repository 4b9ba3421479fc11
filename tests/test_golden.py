"""The seeds still generate exactly the reviewed docs tree in tests/golden/docs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.golden import GOLDEN_DOCS, diff_trees, generate_docs


@pytest.mark.slow
def test_seeds_generate_the_golden_docs_tree(tmp_path: Path) -> None:
    assert GOLDEN_DOCS.is_dir(), "no golden tree: run `python -m tests.golden --update`"
    report = diff_trees(GOLDEN_DOCS, generate_docs(tmp_path))
    assert not report, "generated docs differ from tests/golden/docs " \
        "(if the change is intended: python -m tests.golden --update)\n" + report


def test_diff_names_missing_new_and_changed_files(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    for root, files in ((old, {"a.md": "x\n", "b.md": "same\n"}), (new, {"a.md": "y\n", "b.md": "same\n", "c.md": ""})):
        root.mkdir()
        for name, text in files.items():
            (root / name).write_text(text)
    report = diff_trees(old, new)
    assert "new: c.md" in report and "-x\n+y" in report and "b.md" not in report
