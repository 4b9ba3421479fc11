"""Glossary: the acronyms an article defines, as "Long Form (LF)" or "LF (Long Form)".

BASELINE: a minimal version so the pipeline runs end to end; to be replaced.
"""

from __future__ import annotations

import re

from briefgen.model import GlossaryEntry


def find_acronyms(texts: tuple[str, ...]) -> tuple[GlossaryEntry, ...]:
    """Acronym definitions found in ``texts``, first definition wins, in order of appearance."""
    seen: dict[str, GlossaryEntry] = {}
    for text in texts:
        for m in re.finditer(r"\(([A-Z]{2,})\)", text):
            term = m.group(1)
            words = text[: m.start()].split()
            long_form = " ".join(words[-len(term):])
            if term not in seen:
                seen[term] = GlossaryEntry(term, long_form)
    return tuple(seen.values())
