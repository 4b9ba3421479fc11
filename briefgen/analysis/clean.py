"""Clean: strip markup and boilerplate from a Source; pull out title, author, organisation, date.

BASELINE: a minimal version so the pipeline runs end to end; to be replaced.
"""

from __future__ import annotations

import re

from briefgen.model import Block, Document, Meta, Source


def clean(source: Source) -> Document:
    """Turn a decoded source into body blocks plus metadata."""
    chunks = [c.strip() for c in re.split(r"\n\s*\n", source.text) if c.strip()]
    title = chunks[0] if chunks else None
    blocks = tuple(Block("paragraph", re.sub(r"\s+", " ", c)) for c in chunks[1:])
    return Document(meta=Meta(title=title), blocks=blocks)
