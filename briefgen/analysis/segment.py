"""Segment: number the body paragraphs p1..pn and split each into verbatim sentences.

BASELINE: a minimal version so the pipeline runs end to end; to be replaced.
"""

from __future__ import annotations

import re

from briefgen.model import Document, Paragraph, Sentence


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split a paragraph into sentences that are exact slices of it."""
    out = []
    for m in re.finditer(r"\S.*?(?:[.!?][\"”’)]*(?=\s+[A-Z“\"]|\s*$)|$)", text):
        out.append(Sentence(m.group(0).strip(), m.start()))
    return tuple(s for s in out if s.text)


def split_paragraphs(doc: Document) -> tuple[Paragraph, ...]:
    """Number the document's paragraph blocks and attach the heading above each."""
    paras: list[Paragraph] = []
    heading = None
    for block in doc.blocks:
        if block.kind == "heading":
            heading = block.text
            continue
        pid = f"p{len(paras) + 1}"
        paras.append(Paragraph(pid, block.text, split_sentences(block.text), heading, block.speaker, block.links))
        heading = None
    return tuple(paras)
