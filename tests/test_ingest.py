"""Ingest stage: bytes on disk to decoded text, with one-line errors for what is not text."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.analysis.ingest import is_quietly_ignored, is_seed, not_an_article, read_source
from briefgen.errors import InputError


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_reads_utf8_and_names_the_format(tmp_path):
    src = read_source(write(tmp_path, "Arctic Note.md", "Title “x”\r\nBody\r".encode()))
    assert (src.fmt, src.stem, src.text) == ("md", "Arctic Note", "Title “x”\nBody\n")


def test_bom_is_stripped(tmp_path):
    src = read_source(write(tmp_path, "a.txt", "\ufeffHello".encode("utf-8")))
    assert src.text == "Hello"


def test_utf16_with_bom(tmp_path):
    src = read_source(write(tmp_path, "a.txt", "\ufeffHéllo".encode("utf-16-le")))
    assert src.text == "Héllo"


def test_windows_1252_fallback(tmp_path):
    src = read_source(write(tmp_path, "a.txt", "It’s café".encode("cp1252")))
    assert src.text == "It’s café"


def test_stray_nul_bytes_are_dropped(tmp_path):
    src = read_source(write(tmp_path, "a.txt", b"Hel\x00lo world, a normal article text." + b" More text." * 20))
    assert "\x00" not in src.text and src.text.startswith("Hello world")


@pytest.mark.parametrize("name,data,words", [
    ("a.txt", b"", "empty"),
    ("a.txt", b"  \n\n ", "empty"),
    ("a.txt", b"%PDF-1.7 binary", "PDF"),
    ("a.html", b"\x89PNG\r\n", "PNG"),
    ("a.xlsx", b"text", "unsupported"),
    ("a.docx", b"text", "not a Word .docx document"),
    ("a.pdf", b"<html>not a pdf</html>", "not a PDF document"),
    ("a.txt", bytes(range(0, 32)) * 20, "binary"),
])
def test_bad_inputs_give_one_line_errors(tmp_path, name, data, words):
    with pytest.raises(InputError, match=words):
        read_source(write(tmp_path, name, data))


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "missing.txt")


def test_is_seed_only_for_article_files(tmp_path):
    assert is_seed(write(tmp_path, "a.HTML", b"x"))
    assert not is_seed(write(tmp_path, "a.briefing.yaml", b"x"))
    assert is_seed(write(tmp_path, "a.pdf", b"x")) and is_seed(write(tmp_path, "a.DOCX", b"x"))
    assert not is_seed(write(tmp_path, "a.xlsx", b"x"))
    assert not is_seed(tmp_path)


@pytest.mark.parametrize("name", ["a.briefing.yaml", ".DS_Store", "notes.txt~", ".#notes.txt", "#notes.txt#", ".hidden.txt"])
def test_specs_hidden_and_editor_files_are_passed_over_quietly(tmp_path, name):
    path = write(tmp_path, name, b"x")
    assert is_quietly_ignored(path) and not is_seed(path)


@pytest.mark.parametrize("name", ["budget.xlsx", "README", "photo.png"])
def test_an_unreadable_file_type_is_named_in_one_line(tmp_path, name):
    path = write(tmp_path, name, b"x")
    assert not is_seed(path) and not is_quietly_ignored(path)
    message = not_an_article(path)
    assert message.startswith(f"{path}: not an article (") and "skipped" in message and "\n" not in message
