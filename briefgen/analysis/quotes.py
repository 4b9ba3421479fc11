"""Quotes: find direct quotations, classify them, and attribute them to a speaker.

BASELINE: a minimal version so the pipeline runs end to end; to be replaced.
"""

from __future__ import annotations

import re

from briefgen.model import Paragraph, Quote


def find_quotes(paragraphs: tuple[Paragraph, ...]) -> tuple[Quote, ...]:
    """Every quotation in the body, in reading order."""
    out = []
    for p in paragraphs:
        for m in re.finditer(r"[“\"]([^”\"]+)[”\"]", p.text):
            words = len(m.group(1).split())
            out.append(Quote(m.group(1), p.id, "statement" if words > 4 else "term", start=m.start(1)))
    return tuple(out)
