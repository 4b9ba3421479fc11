"""Write the corpus files that cannot sit in git as plain text: binary, re-encoded, huge, oddly named.

The small text cases live beside this script. These are made at test time (into a temp
folder) because they are binary (a PNG named .txt), depend on exact bytes git may
rewrite (CRLF, BOMs, NULs), are too big to commit (20 MB), or have names that some
checkouts mangle (Unicode, leading dots).

    python tests/corpus/make_corpus.py OUTDIR [--big]
"""

from __future__ import annotations

import codecs
import struct
import sys
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
# A short article every generated variant starts from, so each one should give a briefing.
BASE = (HERE / "article-base.txt").read_text(encoding="utf-8")

# An article with the characters each legacy encoding exists for: curly quotes and
# dashes (cp1252 0x91-0x97), accented names (Latin-1), and, for UTF-16, text beyond Latin-1.
ACCENTED = (
    "Café Diplomacy in Zürich\n\n"
    "Søren Ødegård wrote that the “café talks” in Zürich – held in the hotel’s salon – went well.\n\n"
    "“We are naïve if we expect more,” said José Núñez, a senior fellow at the Institut für Frieden.\n"
)
LATIN1 = (
    "Café Diplomacy in Zürich\n\n"
    "Søren Ødegård wrote that the café talks in Zürich, held in the hotel's salon, went well.\n\n"
    "\"We are naïve if we expect more,\" said José Núñez, a senior fellow at the Institut für Frieden.\n"
)
UNICODE = ACCENTED + "\nThe delegation from 北京 and Москва met again in the autumn; officials called it “productive”.\n"


def _png() -> bytes:
    """A real 1x1 PNG: signature, IHDR, IDAT, IEND."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def _pdf() -> bytes:
    """The start of a minimal PDF, enough for any reader to recognise it."""
    return b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def small_files() -> dict[str, bytes]:
    """Name -> bytes of every generated case small enough to make on each test run."""
    base = BASE.encode("utf-8")
    return {
        "png-named.txt": _png(),
        "pdf-named.txt": _pdf(),
        "random-binary.txt": bytes((i * 7919 + 13) % 256 for i in range(4096)),
        "nul-bytes.txt": BASE.replace("trust each", "trust\x00 each").replace("rose", "r\x00ose").encode("utf-8"),
        "mostly-nul.txt": b"\x00" * 2000 + base[:200],
        "cp1252.txt": ACCENTED.encode("cp1252"),
        "latin1.txt": LATIN1.encode("latin-1"),
        # UTF-8 with one word pasted in from a cp1252 document (0x92 is its apostrophe).
        "mixed-utf8-cp1252.txt": ACCENTED.encode("utf-8").replace("hotel’s".encode("utf-8"), b"hotel\x92s"),
        "utf16-bom.txt": codecs.BOM_UTF16_LE + UNICODE.encode("utf-16-le"),
        "utf16be-bom.txt": codecs.BOM_UTF16_BE + UNICODE.encode("utf-16-be"),
        "utf8-bom.txt": codecs.BOM_UTF8 + UNICODE.encode("utf-8"),
        "utf8-bom.md": codecs.BOM_UTF8 + ("---\ntitle: BOM Front Matter\n---\n\n" + BASE).encode("utf-8"),
        "crlf.txt": base.replace(b"\n", b"\r\n"),
        "cr-only.txt": base.replace(b"\n", b"\r"),
        "one-mb-line.txt": _one_line(1_000_000).encode("utf-8"),
        "with spaces in name.txt": base,
        "ünïcødé-名前.txt": base,
        "日本語.txt": base,
        ".leading-dot.txt": base,
    }


def _one_line(size: int) -> str:
    """A single line of about ``size`` characters: real sentences, no newline at all."""
    sentences = " ".join(BASE.split()[4:])  # past the title and byline
    out = []
    n = 0
    while n < size:
        out.append(sentences)
        n += len(sentences) + 1
    return " ".join(out)


def big_article(size: int = 20_000_000) -> str:
    """An article of about ``size`` characters: the base body repeated as paragraphs."""
    body = BASE.split("\n\n", 2)[2].strip()
    parts = [BASE.split("\n\n", 1)[0]]
    n = len(parts[0])
    i = 0
    while n < size:
        i += 1
        # A heading now and then, and numbers, so paragraphs are not all identical.
        chunk = f"Part {i}\n\n{body.replace('last year', f'in year {1900 + i % 120}')}"
        parts.append(chunk)
        n += len(chunk) + 2
    return "\n\n".join(parts) + "\n"


def write_corpus(out: Path, big: bool = False) -> list[Path]:
    """Write the generated cases into ``out``; the 20 MB article only when ``big``."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in small_files().items():
        path = out / name
        path.write_bytes(data)
        written.append(path)
    if big:
        path = out / "twenty-mb.txt"
        path.write_text(big_article(), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for p in write_corpus(Path(sys.argv[1]), big="--big" in sys.argv):
        print(p)
