"""Export a Briefing as the JSON contract of ``briefgen analyze`` or as plain Markdown."""

from __future__ import annotations

import json
from typing import Any

from briefgen.model import Briefing


def to_dict(b: Briefing) -> dict[str, Any]:
    """The analysis as a JSON-ready dict (contract: shared/eval/README.md)."""
    return {
        "meta": {
            "title": b.meta.title,
            "author": b.meta.author,
            "organisation": b.meta.organisation,
            "date": b.meta.date,
        },
        "paragraphs": [{"id": p.id, "text": p.text} for p in b.paragraphs],
        "areas": [
            {
                "slug": a.slug,
                "title": a.title,
                "paragraphs": list(a.paragraphs),
                "summary": [s.text for s in a.summary],
                "quotes": list(a.quotes),
                "entities": {
                    "people": list(a.entities.people),
                    "organisations": list(a.entities.organisations),
                    "places": list(a.entities.places),
                },
            }
            for a in b.areas
        ],
        "quotes": [
            {"text": q.text, "speaker": q.speaker, "role": q.role, "paragraph": q.paragraph, "kind": q.kind}
            for q in b.quotes
        ],
        "glossary": [{"term": g.term, "expansion": g.expansion} for g in b.glossary],
        "summary": [s.text for s in b.summary],
    }


def to_json(b: Briefing) -> str:
    """The analysis as stable, pretty JSON text."""
    return json.dumps(to_dict(b), ensure_ascii=False, indent=2) + "\n"


def to_markdown(b: Briefing) -> str:
    """A quick plain-Markdown reading of the analysis, for the terminal."""
    lines = [f"# {b.meta.title or b.slug}", ""]
    byline = ", ".join(x for x in (b.meta.author, b.meta.organisation, b.meta.date) if x)
    if byline:
        lines += [byline, ""]
    lines += ["## Bottom line", ""] + [f"- {s.text} ({s.paragraph})" for s in b.summary] + [""]
    for a in b.areas:
        lines += [f"## {a.title}", "", f"Paragraphs {a.paragraphs[0]}-{a.paragraphs[-1]}", ""]
        lines += [f"- {s.text} ({s.paragraph})" for s in a.summary]
        for i in a.quotes:
            q = b.quotes[i]
            if q.kind == "statement":
                who = q.speaker or "unattributed"
                lines.append(f"> \u201c{q.text}\u201d \u2014 {who} ({q.paragraph})")
        lines.append("")
    if b.glossary:
        lines += ["## Glossary", ""] + [f"- **{g.term}**: {g.expansion}" for g in b.glossary] + [""]
    return "\n".join(lines)
