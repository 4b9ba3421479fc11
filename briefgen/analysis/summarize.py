"""Summarize: pick verbatim sentences for each area and for the overview.

BASELINE: a minimal version so the pipeline runs end to end; to be replaced.
"""

from __future__ import annotations

from briefgen.model import Extract, Paragraph


def summarize_area(paragraphs: tuple[Paragraph, ...], limit: int = 2) -> tuple[Extract, ...]:
    """The area's first sentences, up to ``limit``, in reading order."""
    out = [Extract(s.text, p.id) for p in paragraphs for s in p.sentences[:1]]
    return tuple(out[:limit])


def summarize_overview(paragraphs: tuple[Paragraph, ...], limit: int = 4) -> tuple[Extract, ...]:
    """The bottom line: 3-5 verbatim sentences for the whole article."""
    return summarize_area(paragraphs, limit)
