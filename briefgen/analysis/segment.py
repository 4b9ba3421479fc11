"""Segment: number the body paragraphs p1..pn and split each into verbatim sentences.

Sentences are found by one linear scan over candidate ends ('.', '?', '!', '…' and any
closing quotes or brackets after them), each judged by the word before it and the word
after it. pysbd does this too but costs about a millisecond a sentence, far over the
budget of a few milliseconds an article, so the rules live as data (``rules.segment`` and
the abbreviations in ``lexicon``, which the quotes stage reads too).
"""

from __future__ import annotations

import re

from briefgen.analysis import lexicon as L
from briefgen.analysis.marks import pair_quotes
from briefgen.analysis.rules import segment as R
from briefgen.model import Document, Paragraph, Sentence

# A candidate sentence end: terminal marks, then closing quotes/brackets, then a space or the end.
_CANDIDATE = re.compile(r"[.!?…]+[\"”’'\)\]»]*(?=\s|$)")
# The word just before a full stop (looked at in a short window, so the scan stays linear).
_WORD_BEFORE = re.compile(r"[\w.’'\-]+$")
# The first word after a candidate end, past opening quotes and brackets.
_WORD_AFTER = re.compile(r"[\"“‘'\(\[«]*(\w[\w’'\-]*)")
# Opening double marks: a quotation in single marks ('scare quotes', a British quote) is
# not protected, as before the pairer was shared.
_DOUBLE_MARKS = "\"“„"
# Punctuation after a full stop that continues the sentence rather than opening one.
_GOES_ON = ",;:.!?)]}…/"
# Dashes after a full stop: "— and then" goes on, "- A 2016 report" (a flattened list
# item) or "— And then" opens a new sentence; the word after them decides.
_DASHES = "-–—"
# Dotted initialisms ("U.S", "a.m", "D.C") as seen before their last full stop.
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")


def _protected(text: str) -> list[tuple[int, int]]:
    """Spans of short quotations in double marks, marks included, inside which no sentence may end.

    The quotations are the ones the quotes stage reads (``marks.pair_quotes``): a long
    straight-quoted passage is paired as one, so its closing mark is never taken for the
    opening of another quotation that would swallow the sentence end after it.
    """
    spans, _ = pair_quotes(text)
    return [(s.open, s.close + 1) for s in spans
            if text[s.open] in _DOUBLE_MARKS and s.close - s.open - 1 <= R.SHORT_QUOTE_CHARS]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` falls strictly inside one of ``spans`` (sorted by start)."""
    lo, hi = 0, len(spans)
    while lo < hi:  # last span starting before pos
        mid = (lo + hi) // 2
        if spans[mid][0] < pos:
            lo = mid + 1
        else:
            hi = mid
    for i in range(lo - 1, max(-1, lo - 4), -1):
        if spans[i][0] < pos < spans[i][1]:
            return True
    return False


def _is_end(text: str, m: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    """Whether the candidate end ``m`` really ends a sentence."""
    end = m.end()
    rest = text[end:end + 60].lstrip()
    if not rest:
        return True
    after = _WORD_AFTER.match(rest)
    first = rest[0]
    # A sentence starts with a capital, a digit, an opening quote or bracket, or a symbol
    # ("$5 billion ..."); not with a lower-case word or punctuation that goes on.
    if first in _DASHES:
        word = rest.lstrip(_DASHES + " ")
        if not word or word[0].islower():
            return False
    elif first.isalpha() and not first.isupper() or first in _GOES_ON:
        return False
    if after and after.group(1)[0].islower():
        return False
    if _inside(end, spans):
        return False
    marks = m.group(0).rstrip("\"”’')]»")
    closed = len(marks) < len(m.group(0))
    if marks != ".":
        return True  # "?", "!", "…", "..."
    if closed:
        return True  # 'it.”' and '(As interpreted.)'
    before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
    word = before.group(0).lstrip(".’'-") if before else ""
    low = word.lower()
    if len(word) == 1 and word.isupper():
        return False  # an initial: "George W. Bush"
    if low in L.ABBREVIATIONS:
        return False
    nxt = after.group(1).lower() if after else ""
    if "." in word and nxt[:1].isdigit():
        return False  # a dotted citation and its number: "H.R. 12", "S.Res. 4", "U.S.C. 101"
    if low in L.CLOSING_ABBREVIATIONS or _DOTTED.match(word):
        return nxt in R.SENTENCE_OPENERS
    return True


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split a paragraph into sentences that are exact slices of it."""
    spans = _protected(text)
    out: list[Sentence] = []
    start = 0
    for m in _CANDIDATE.finditer(text):
        if m.end() <= start or not _is_end(text, m, spans):
            continue
        _add(out, text, start, m.end())
        start = m.end()
    _add(out, text, start, len(text))
    return tuple(out)


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    """Append text[start:end], trimmed of surrounding whitespace, if anything is left."""
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        out.append(Sentence(stripped, start + len(piece) - len(piece.lstrip())))


def split_paragraphs(doc: Document) -> tuple[Paragraph, ...]:
    """Number the document's paragraph blocks and attach the heading above each, and its chapter."""
    paras: list[Paragraph] = []
    heading = None
    top = chapter_level(doc)
    chapter = None
    for block in doc.blocks:
        if block.kind == "heading":
            heading = block.text
            if top and 0 < block.level <= top:
                chapter = block.text
            continue
        if not block.text.strip():
            continue
        pid = f"p{len(paras) + 1}"
        paras.append(Paragraph(pid, block.text, split_sentences(block.text), heading, block.speaker, block.links, chapter))
        heading = None
    return tuple(paras)


def chapter_level(doc: Document) -> int:
    """The heading level of the document's chapters, or 0 when it has none.

    A document whose headings come in two or more marked levels (h2 chapters with h3
    sections) is divided into chapters by its top level; one level of headings is only
    sections, and plain text marks no levels at all.
    """
    levels = {b.level for b in doc.blocks if b.kind == "heading" and b.level > 0}
    return min(levels) if len(levels) >= 2 else 0
