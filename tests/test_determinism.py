"""Determinism: the same seeds give byte-identical docs/, analyze JSON and PDFs (dates aside).

Each run is a separate process with its own PYTHONHASHSEED, so an output that depends on
set or dict iteration order of hashed strings shows up as a difference.
"""

from __future__ import annotations

import filecmp
import os
import re
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from briefgen.site import QUIET_ENV

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "fixtures" / "dev"
CORPUS = ROOT / "tests" / "corpus"
# The dev articles (one of each format) and a hostile page: every code path of the analyser.
SEEDS = sorted(p for p in DEV.iterdir() if p.suffix in (".txt", ".md", ".html")) + [
    CORPUS / "hostile.html", CORPUS / "unbalanced-quotes.txt",
]


def run(args: list[str], cwd: Path, hashseed: int) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, **QUIET_ENV, "PYTHONHASHSEED": str(hashseed)}
    return subprocess.run([sys.executable, "-m", "briefgen", *args], cwd=cwd, capture_output=True, timeout=600, env=env)


def new_project(tmp: Path) -> Path:
    tmp.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", tmp / "templates")
    (tmp / "seeds").mkdir()
    for seed in SEEDS:
        shutil.copy(seed, tmp / "seeds" / seed.name)
    return tmp


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``, by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def pdf_without_dates(raw: bytes) -> bytes:
    """A PDF's objects, inflated, with the creation/modification dates and byte offsets taken out.

    The dates sit in a compressed object stream, so one changed digit changes its
    compressed length and every offset after it; compare what the PDF says instead.
    """
    def inflate(m: re.Match[bytes]) -> bytes:
        # The end-of-line before "endstream" is left in the match: compressed data may
        # itself end in a CR byte. A decompressor object stops at the end of the data.
        inflater = zlib.decompressobj()
        try:
            data = inflater.decompress(m.group(1))
        except zlib.error:
            return m.group(0)
        return b"stream\n" + data + b"\nendstream" if inflater.eof else m.group(0)
    raw = re.sub(rb"stream\r?\n(.*?)endstream", inflate, raw, flags=re.S)
    raw = re.sub(rb"<<[^<>]*/Type\s*/XRef.*?endstream", b"", raw, flags=re.S)  # offsets only
    raw = re.sub(rb"/Length \d+|startxref\s+\d+", b"", raw)
    return re.sub(rb"D:\d{14}[^)>/\s]*", b"D:DATE", raw)


@pytest.fixture(scope="module")
def twins(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The same project generated (and its PDFs written) twice, in two folders."""
    out = []
    for n in (1, 2):
        folder = new_project(tmp_path_factory.mktemp(f"run{n}") / "p")
        gen = run(["generate"], folder, hashseed=n)
        assert gen.returncode == 0, gen.stderr.decode()[-2000:]
        pdf = run(["pdf"], folder, hashseed=n)
        assert pdf.returncode == 0, pdf.stderr.decode()[-2000:]
        out.append(folder)
    return out[0], out[1]


def test_generate_twice_gives_byte_identical_docs(twins: tuple[Path, Path]) -> None:
    a, b = (tree(t / "docs") for t in twins)
    assert len(a) > 20
    assert sorted(a) == sorted(b)
    different = [path for path in a if a[path] != b[path]]
    assert not different


def test_generate_twice_gives_identical_specs_and_merge_bases(twins: tuple[Path, Path]) -> None:
    specs = [sorted(p.name for p in (t / "seeds").glob("*.briefing.yaml")) for t in twins]
    assert specs[0] == specs[1] and len(specs[0]) == len(SEEDS)
    match, mismatch, errors = filecmp.cmpfiles(twins[0] / "seeds", twins[1] / "seeds", specs[0], shallow=False)
    assert not mismatch and not errors
    bases = [tree(t / ".briefgen" / "base") for t in twins]
    assert bases[0] == bases[1]


def test_pdfs_are_identical_apart_from_their_dates(twins: tuple[Path, Path]) -> None:
    a, b = (tree(t / "site") for t in twins)
    pdfs = sorted(p for p in a if p.endswith(".pdf"))
    assert len(pdfs) >= len(SEEDS) and sorted(a) == sorted(b)
    different = [p for p in pdfs if pdf_without_dates(a[p]) != pdf_without_dates(b[p])]
    assert not different


def test_pdf_comparison_sees_a_real_change() -> None:
    # The normaliser must keep content: two PDFs that differ in a word must still differ.
    a = b"1 0 obj\n<</Length 5>>\nstream\n" + zlib.compress(b"(Hello) Tj") + b"\nendstream\n"
    b = b"1 0 obj\n<</Length 5>>\nstream\n" + zlib.compress(b"(Hallo) Tj") + b"\nendstream\n"
    assert pdf_without_dates(a) != pdf_without_dates(b)
    # Compressed data may end in a CR byte, right before the end-of-line that closes it.
    crlf = b"stream\r\n" + zlib.compress(b"(Hello) Tj") + b"\r\nendstream"
    assert b"(Hello) Tj" in pdf_without_dates(crlf)
    assert pdf_without_dates(a.replace(b"Length 5", b"Length 6")) == pdf_without_dates(a)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_analyze_json_is_byte_identical_across_hash_seeds(seed: Path) -> None:
    first = run(["analyze", str(seed)], ROOT, hashseed=1)
    second = run(["analyze", str(seed)], ROOT, hashseed=987654)
    assert first.returncode == 0, first.stderr.decode()[-2000:]
    assert first.stdout == second.stdout
