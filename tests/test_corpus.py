"""Bad input: every file in the corpus gets a correct briefing or one clear line, never a traceback.

The corpus is ``tests/corpus/`` (small text cases) plus what ``make_corpus.py`` writes at
test time (binary, re-encoded, huge, oddly named). Each case runs through the real CLI.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.analysis.ingest import read_source
from briefgen.cli import main
from briefgen.analysis import analyse
from tests.corpus.make_corpus import big_article, write_corpus

CORPUS = Path(__file__).resolve().parent / "corpus"
ROOT = CORPUS.parent.parent

# Files that are not articles: exit 1 and one line that says why.
ERRORS: dict[str, str] = {
    "empty.txt": "empty",
    "whitespace-only.txt": "empty",
    "png-named.txt": "PNG",
    "pdf-named.txt": "PDF",
    "random-binary.txt": "binary",
    "mostly-nul.txt": "binary",
    "only-boilerplate.txt": "no article text",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed cases and the generated ones, side by side in one temp folder."""
    out = tmp_path_factory.mktemp("corpus")
    for path in CORPUS.iterdir():
        if path.suffix in (".txt", ".md", ".html"):
            shutil.copy(path, out / path.name)
    write_corpus(out)
    return out


def analyze(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict | None, str]:
    """Run `briefgen analyze PATH` in-process: exit code, parsed JSON (if any), stderr."""
    code = main(["analyze", str(path)])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if code == 0 else None), err


def texts(result: dict) -> list[str]:
    """Every piece of text the analysis shows a reader."""
    out = [p["text"] for p in result["paragraphs"]] + [q["text"] for q in result["quotes"]]
    out += result["summary"] + [s for a in result["areas"] for s in a["summary"]] + [a["title"] for a in result["areas"]]
    return out + [str(v) for v in result["meta"].values() if v]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --- files that are not articles ------------------------------------------------------


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_non_article_gets_one_line_naming_the_file(name: str, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = analyze(corpus / name, capsys)
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("briefgen: error: ") and name in lines[0]
    assert ERRORS[name].lower() in lines[0].lower()
    assert "Traceback" not in err


@pytest.mark.parametrize("name,says", [
    ("nope.txt", "no such file"), ("article.xlsx", "unsupported file type"),
    ("article.docx", "not a readable Word .docx"), ("article.pdf", "not a readable PDF"),
])
def test_missing_unsupported_or_broken_file_gets_one_line(name: str, says: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    for broken in ("article.xlsx", "article.docx"):
        (tmp_path / broken).write_bytes(b"PK\x03\x04")
    (tmp_path / "article.pdf").write_bytes(b"%PDF-1.7\n% cut short")
    code, _, err = analyze(tmp_path / name, capsys)
    assert code == 1 and err.strip().splitlines() == [err.strip()] and says in err and name in err


def test_folder_named_like_an_article_gets_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "dir.txt").mkdir()
    code, _, err = analyze(tmp_path / "dir.txt", capsys)
    assert code == 1 and "folder" in err and len(err.strip().splitlines()) == 1


# --- encodings and line endings -------------------------------------------------------


@pytest.mark.parametrize("name", ["cp1252.txt", "latin1.txt", "utf16-bom.txt", "utf16be-bom.txt", "utf8-bom.txt"])
def test_legacy_encodings_and_boms_decode_to_the_right_characters(name: str, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, result, err = analyze(corpus / name, capsys)
    assert code == 0, err
    assert result["meta"]["title"] == "Café Diplomacy in Zürich"  # the BOM is not glued to the title
    body = " ".join(p["text"] for p in result["paragraphs"])
    assert "José Núñez" in body and "Søren Ødegård" in body
    assert not any("\ufeff" in t or "\ufffd" in t for t in texts(result))
    if name == "cp1252.txt":
        assert "“café talks”" in body and "–" in body  # cp1252's curly quotes and dash, not C1 controls
    if name.startswith("utf16") or name == "utf8-bom.txt":
        assert "北京" in body and "Москва" in body


def test_utf8_with_a_stray_cp1252_byte_keeps_both_right(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, result, err = analyze(corpus / "mixed-utf8-cp1252.txt", capsys)
    assert code == 0, err
    body = " ".join(p["text"] for p in result["paragraphs"])
    assert "hotel’s salon" in body and "José Núñez" in body and "“café talks”" in body


def test_utf8_bom_does_not_hide_front_matter(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, result, err = analyze(corpus / "utf8-bom.md", capsys)
    assert code == 0, err
    assert result["meta"]["title"] == "BOM Front Matter"
    assert not any("title:" in p["text"] for p in result["paragraphs"])


@pytest.mark.parametrize("name", ["crlf.txt", "cr-only.txt", "nul-bytes.txt"])
def test_line_endings_and_nul_bytes_give_the_same_briefing_as_clean_text(name: str, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, clean_result, _ = analyze(corpus / "article-base.txt", capsys)
    code, result, err = analyze(corpus / name, capsys)
    assert code == 0, err
    assert result["paragraphs"] == clean_result["paragraphs"]
    assert result["quotes"] == clean_result["quotes"]
    assert not any("\r" in t or "\x00" in t for t in texts(result))


# --- shapes of text -------------------------------------------------------------------


def test_file_without_paragraph_breaks_gives_the_same_briefing(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The base article hard-wrapped at 72 columns with every blank line taken out.
    _, base, _ = analyze(corpus / "article-base.txt", capsys)
    code, result, err = analyze(corpus / "no-paragraph-breaks.txt", capsys)
    assert code == 0, err
    assert result["meta"]["title"] == "Frictions Over the Northern Route" and result["meta"]["author"] == "Jane Roe"
    assert result["paragraphs"] == base["paragraphs"]
    assert "Ivan Petrov" in [q["speaker"] for q in result["quotes"]]
    assert result["areas"] == base["areas"] and result["summary"]


def test_one_wrapped_paragraph_is_not_cut_into_pieces(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import textwrap

    words = ("The talks on the Northern Sea Route went on for a long time, and officials in both capitals "
             "kept saying that the relationship was stable. ") * 5
    path = tmp_path / "wrapped.txt"
    path.write_text("A Title\n\n" + "\n".join(textwrap.wrap(words, 60)) + "\n", encoding="utf-8")
    code, result, err = analyze(path, capsys)
    assert code == 0, err
    assert [p["text"] for p in result["paragraphs"]] == [words.strip()]


def test_unbalanced_quote_marks_give_a_briefing(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, result, err = analyze(corpus / "unbalanced-quotes.txt", capsys)
    assert code == 0, err
    source = squash((corpus / "unbalanced-quotes.txt").read_text(encoding="utf-8"))
    assert len(result["paragraphs"]) == 3
    verbatim = [p["text"] for p in result["paragraphs"]] + [q["text"] for q in result["quotes"]] + result["summary"]
    for text in verbatim:  # paragraphs, quotes and summary are the source's own words
        assert squash(text) in source


@pytest.mark.parametrize("name,title", [
    ("broken-front-matter.md", "Unclosed quote in the title"),
    ("unclosed-front-matter.md", "Front Matter That Never Closes"),
])
def test_broken_front_matter_is_read_line_by_line(name: str, title: str, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, result, err = analyze(corpus / name, capsys)
    assert code == 0, err
    assert result["meta"]["title"] == title
    body = " ".join(p["text"] for p in result["paragraphs"])
    assert "Northern Sea Route" in body
    assert "title:" not in body and "nonsense" not in body


# --- hostile markup -------------------------------------------------------------------

# Words that appear only inside <script>, <iframe>, <svg>, <object> or event handlers of the
# hostile files: none may reach the briefing as text either.
SCRIPT_ONLY = ("head script", "inline", "svg script", "a script block", "alert(\"raw\")", "alert('div')",
               "alert('hover')", "alert('click')", "evil.example", "evil.swf")


@pytest.mark.parametrize("name", ["hostile.html", "hostile.md", "raw-html-in-markdown.md"])
def test_script_and_embeds_from_a_source_are_dropped(name: str, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, result, err = analyze(corpus / name, capsys)
    assert code == 0, err
    shown = " ".join(texts(result))
    assert "Northern Sea Route" in shown and "Ivan Petrov" in shown
    for words in SCRIPT_ONLY:
        assert words not in shown, words


@pytest.mark.parametrize("name", ["hostile.html", "hostile.md", "raw-html-in-markdown.md"])
def test_only_http_https_and_mailto_links_are_kept(name: str, corpus: Path) -> None:
    briefing = analyse(read_source(corpus / name))
    links = [href for p in briefing.paragraphs for _, href in p.links]
    assert all(href.lower().startswith(("http://", "https://", "mailto:")) for href in links), links
    if name != "raw-html-in-markdown.md":
        assert "https://example.org/details" in links
    assert briefing.meta.source_url is None or briefing.meta.source_url.startswith(("http://", "https://"))


def test_text_that_looks_like_jinja_is_kept_as_text(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, result, err = analyze(corpus / "jinja-lookalike.txt", capsys)
    assert code == 0, err
    body = " ".join(p["text"] for p in result["paragraphs"])
    assert "{{ 7*7 }}" in body and "{% include '/etc/passwd' %}" in body and "49" not in body


def test_escaped_markup_in_html_stays_visible_text(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # &lt;script&gt; in a page is words about a script, not a script: kept, as text.
    code, result, _ = analyze(corpus / "hostile.html", capsys)
    assert code == 0
    assert any('<script>alert("entity")</script>' in p["text"] for p in result["paragraphs"])


# --- file names -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["with spaces in name.txt", "ünïcødé-名前.txt", "日本語.txt", ".leading-dot.txt"])
def test_odd_file_names_are_read(name: str, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, result, err = analyze(corpus / name, capsys)
    assert code == 0, err
    assert len(result["paragraphs"]) == 5


# --- size -----------------------------------------------------------------------------


def run_analyze(path: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefgen", "analyze", str(path)], capture_output=True,
                          text=True, timeout=timeout, cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": "0"})


@pytest.mark.slow
def test_one_megabyte_line_gives_a_briefing_without_hanging(corpus: Path) -> None:
    proc = run_analyze(corpus / "one-mb-line.txt", timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout)
    source = (corpus / "one-mb-line.txt").read_text(encoding="utf-8")
    paras = [p["text"] for p in result["paragraphs"]]
    assert len(paras) > 10  # cut into readable paragraphs at sentence ends
    assert all(p in source for p in paras)
    assert sum(len(p) for p in paras) > 0.95 * len(source)  # nothing silently lost


@pytest.mark.slow
def test_a_two_megabyte_article_gives_a_briefing_or_one_line(tmp_path: Path) -> None:
    # Large inputs are timed in benchmarks/big_input.py (20 MB and more), not here.
    path = tmp_path / "two-mb.txt"
    path.write_text(big_article(2_000_000), encoding="utf-8")
    proc = run_analyze(path, timeout=300)
    err = proc.stderr.strip().splitlines()
    # A correct briefing, or (if a size cap applies) one line naming the file; never a traceback.
    if proc.returncode == 0:
        result = json.loads(proc.stdout)
        assert len(result["paragraphs"]) > 100
    else:
        assert proc.returncode == 1 and len(err) == 1 and path.name in err[0]
    assert "Traceback" not in proc.stderr


# --- many seeds at once ---------------------------------------------------------------


def test_generate_builds_every_good_seed_and_lists_the_failures_last(corpus: Path, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    base = corpus / "article-base.txt"
    # Two seeds with the same title, two with the same stem, odd names, three bad ones, a
    # file of a type briefgen cannot read, and what editors leave behind (passed over quietly).
    for name in ("same-title-a.txt", "same-title-b.txt", "dup.txt", "dup.md", "with spaces in name.txt",
                 "ünïcødé-名前.txt", "日本語.txt"):
        shutil.copy(base, seeds / name)
    for name in ("empty.txt", "png-named.txt", "only-boilerplate.txt"):
        shutil.copy(corpus / name, seeds / name)
    (seeds / "budget.xlsx").write_bytes(b"PK\x03\x04 not an article")
    for name in (".DS_Store", "dup.txt~", ".#dup.txt", ".hidden-draft.txt"):
        shutil.copy(base, seeds / name)
    code = main(["generate", "--config", str(tmp_path / "mkdocs.yml")])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    lines = err.strip().splitlines()
    assert lines[-1] == "briefgen: error: 4 seed(s) failed; the others were generated"
    failed = lines[-5:-1]
    assert all(ln.startswith("briefgen: error: ") for ln in failed)
    assert sorted(n for n in ("empty.txt", "png-named.txt", "only-boilerplate.txt", "budget.xlsx")
                  for ln in failed if n in ln) == ["budget.xlsx", "empty.txt", "only-boilerplate.txt", "png-named.txt"]
    assert f"briefgen: error: {seeds / 'budget.xlsx'}: not an article (.xlsx); skipped" in err
    assert not any(name in err for name in (".DS_Store", "dup.txt~", ".#dup", "hidden-draft"))
    folders = sorted(p.name for p in (tmp_path / "docs").iterdir() if p.is_dir() and p.name != "assets")
    assert len(folders) == 7  # every good seed, each in its own folder
    assert {"same-title-a", "same-title-b", "dup", "dup-2", "with-spaces-in-name"} <= set(folders)
    for folder in folders:
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", folder)
        assert (tmp_path / "docs" / folder / "index.md").is_file()
        assert "Frictions Over the Northern Route" in (tmp_path / "docs" / folder / "index.md").read_text(encoding="utf-8")
