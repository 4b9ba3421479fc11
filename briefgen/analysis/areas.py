"""Areas: group paragraphs into friction areas (contiguous runs) and title each one.

BASELINE: a minimal version so the pipeline runs end to end; to be replaced.
"""

from __future__ import annotations

import re

from briefgen.model import Paragraph, Section


def slugify(text: str) -> str:
    """A lowercase, path-safe slug of at most 60 characters."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:60].rstrip("-") or "area"


def find_areas(paragraphs: tuple[Paragraph, ...]) -> tuple[Section, ...]:
    """Split the paragraphs into areas at headings, else in runs of three."""
    sections: list[Section] = []
    run: list[Paragraph] = []
    for p in paragraphs:
        if run and (p.heading or len(run) >= 3):
            sections.append(_section(run, len(sections)))
            run = []
        run.append(p)
    if run:
        sections.append(_section(run, len(sections)))
    return tuple(sections)


def _section(run: list[Paragraph], index: int) -> Section:
    title = run[0].heading or f"Area {index + 1}"
    return Section(title, slugify(title), tuple(p.id for p in run))
