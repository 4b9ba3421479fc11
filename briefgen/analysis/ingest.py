"""Ingest: read a seed file from disk and decode it to text. The only I/O in analysis."""

from __future__ import annotations

import codecs
from pathlib import Path

from briefgen.errors import InputError
from briefgen.model import Format, Source

# File extensions we read, and the format each one means.
FORMATS: dict[str, Format] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}

# Formats read from their bytes by a library rather than decoded as text, and the magic
# number each file must start with (a .docx is a ZIP archive).
BINARY_FORMATS: dict[str, tuple[bytes, str]] = {
    "pdf": (b"%PDF", "a PDF document"),
    "docx": (b"PK\x03\x04", "a Word .docx document"),
}

# Magic numbers of binary files that people save under a text name by mistake.
BINARY_SIGNATURES: dict[bytes, str] = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (perhaps a .docx)",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}

# Byte-order marks, longest first so UTF-32 is not mistaken for UTF-16.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Articles are prose; a seed with more control characters than this is not text.
MAX_CONTROL_RATIO = 0.01


_CP1252_FALLBACK = "briefgen-cp1252"


def _cp1252_bytes(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not UTF-8 read as cp1252 (Latin-1 where it has no character)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    chars = []
    for byte in exc.object[exc.start:exc.end]:
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(byte))  # 0x81, 0x8d, 0x8f, 0x90, 0x9d: C1 controls, dropped below
    return "".join(chars), exc.end


codecs.register_error(_CP1252_FALLBACK, _cp1252_bytes)


# Files in a seeds folder that are not articles and need no word: briefing specs (read
# beside their article), and what editors and file managers leave behind.
SPEC_SUFFIX = ".briefing.yaml"
IGNORED_NAMES = frozenset({"Thumbs.db", "desktop.ini"})


def is_seed(path: Path) -> bool:
    """Whether ``path`` is a file briefgen reads as an article."""
    return path.is_file() and path.suffix.lower() in FORMATS and not is_quietly_ignored(path)


def is_quietly_ignored(path: Path) -> bool:
    """Whether ``path`` is a briefing spec, a hidden file or an editor's file: not an article, and no surprise."""
    name = path.name
    return (
        name.endswith(SPEC_SUFFIX)
        or name.startswith(".")  # .DS_Store, .#lock files, .swp files, .git
        or name.endswith("~")  # editor backups
        or (name.startswith("#") and name.endswith("#"))  # Emacs auto-saves
        or name in IGNORED_NAMES
        or path.is_dir()
    )


def not_an_article(path: Path) -> str:
    """The one-line message for a file in the seeds folder that briefgen cannot read."""
    kind = path.suffix.lower() or "no extension"
    return f"{path}: not an article ({kind}); skipped. briefgen reads {', '.join(sorted(FORMATS))}"


def decode(data: bytes, name: str) -> str:
    """Decode seed bytes: BOM, then UTF-8, then Windows-1252; refuse binary data."""
    for magic, what in BINARY_SIGNATURES.items():
        if data.startswith(magic):
            raise InputError(f"{name}: this is {what}, not a text article; give it its own extension (.pdf, .docx) or save it as .txt, .md or .html")
    text: str | None = None
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: starts with a {encoding} byte-order mark but is not {encoding}: {exc.reason}") from None
            break
    if text is None:
        # Most non-UTF-8 articles come from Windows copy-paste: cp1252, a superset of
        # Latin-1's printable range. Pasting mixes them, so a byte that is not UTF-8 is read
        # as cp1252 on its own and the UTF-8 around it stays right. Binary data is caught
        # below by its control characters.
        text = data.decode("utf-8", errors=_CP1252_FALLBACK)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = sum(1 for ch in text if ch < " " and ch not in "\n\t\f")
    if text and controls / len(text) > MAX_CONTROL_RATIO:
        raise InputError(f"{name}: looks like binary data, not a text article")
    # Stray NULs and other controls in otherwise good text are dropped, not fatal.
    text = "".join(ch for ch in text if ch >= " " or ch in "\n\t")
    return text


def read_source(path: Path) -> Source:
    """Read and decode one seed file."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        known = ", ".join(sorted(FORMATS))
        raise InputError(f"{path}: unsupported file type {suffix or '(none)'}; use one of {known}")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not an article file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    fmt = FORMATS[suffix]
    if fmt in BINARY_FORMATS:
        if not data.strip():
            raise InputError(f"{path}: the file is empty")
        magic, what = BINARY_FORMATS[fmt]
        # A PDF may have a few bytes of junk before its header; readers accept 1 KB of it.
        if magic not in data[:1024]:
            raise InputError(f"{path}: not {what} (it does not start like one); save it again as {suffix}")
        return Source(path=str(path), stem=path.stem, fmt=fmt, text="", data=data)
    text = decode(data, str(path))
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    return Source(path=str(path), stem=path.stem, fmt=fmt, text=text)
