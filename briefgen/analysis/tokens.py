"""Tokens: the words around a quotation, as the quotes and attribution stages read them.

Every quotation in the paragraph is masked out first (same length, so offsets stay
true), so a speech verb inside another quotation is never taken for a cue. Only the
windows around a quotation are tokenised, which keeps the work linear however long the
paragraph is. Sentence ends come from the segmenter; inside a quotation that goes on,
an end does not count, so a quotation of several sentences is one unit.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from briefgen.analysis import lexicon as L
from briefgen.analysis.marks import Span
from briefgen.analysis.rules import quotes as R
from briefgen.model import Sentence


# What a masked quotation is made of: no text has it, so it can never be a word.
MASK = "\x00"
# The marks that end a sentence, with any closing quotes or brackets after them.
_TERMINAL = re.compile(r"[.!?…]+[\"”’'\)\]»]*$")
# A word's final full stop is part of it when the word is an abbreviation of either kind.
_ABBREVIATIONS = L.ABBREVIATIONS | L.CLOSING_ABBREVIATIONS
# A token: a masked quotation, a word (with inner apostrophes, dots, hyphens and "&"),
# a clause mark, or a dash standing alone.
_TOKEN = re.compile(r"\x00+|\w+(?:[’'.\-&]\w+)*\.?|[,;:()\[\]—–]|(?<=\s)-(?=\s)")


class Tok(NamedTuple):
    """A word, punctuation mark or masked quotation ("q"), with offsets into the paragraph.

    A named tuple rather than a frozen dataclass: tokens are made by the thousand, and
    tuples are several times cheaper to build.
    """

    text: str
    low: str
    start: int
    end: int
    kind: str  # "w" word, "p" punctuation, "q" a masked quotation


def ends_outside_quotes(sentences: tuple[Sentence, ...], spans: tuple[Span, ...]) -> list[tuple[int, int]]:
    """(start, end) of the marks ending each of the segmenter's sentences, except inside a quotation that goes on.

    A quotation of several sentences is one unit here: its attribution is looked for in
    the sentence around the whole quotation, and "“…,” she said. “…”" continues it.
    """
    ends = []
    k = 0
    for s in sentences:
        m = _TERMINAL.search(s.text)
        if not m:
            continue  # the paragraph's last words, unpunctuated
        pos, end = s.start + m.start(), s.start + len(s.text)
        while k < len(spans) and spans[k].close < pos:
            k += 1
        if k < len(spans) and spans[k].open < pos < spans[k].close and end <= spans[k].close:
            continue  # inside a quotation that goes on
        ends.append((pos, end))
    return ends


def mask_quotes(text: str, spans: tuple[Span, ...]) -> str:
    """The paragraph with every quotation (marks included) blanked out, same length."""
    parts, last = [], 0
    for s in spans:
        stop = min(len(text), s.close + 1)
        parts.append(text[last:s.open])
        parts.append(MASK * (stop - s.open))
        last = stop
    parts.append(text[last:])
    return "".join(parts)


# "He’d", "I’ve": read as the bare pronoun, so a contraction is never taken for a name.
_CONTRACTED_PRONOUN = re.compile(
    "(" + "|".join(sorted(R.PERSON_PRONOUNS | R.FIRST_PERSON | R.GROUP_PRONOUNS)) + ")"
    + R.PRONOUN_CONTRACTION)


def read_tokens(masked: str, lo: int, hi: int) -> list[Tok]:
    """Tokens of masked[lo:hi], offsets into the paragraph; a word's final full stop dropped."""
    out = []
    for m in _TOKEN.finditer(masked, lo, hi):
        t, a, b = m.group(), m.start(), m.end()
        if t[0] == MASK:
            out.append(Tok("", "", a, b, "q"))
            continue
        if not (t[0].isalnum() or t[0] == "_"):
            out.append(Tok(t, t, a, b, "p"))
            continue
        if t.endswith(".") and t[:-1].lower() not in _ABBREVIATIONS and "." not in t[:-1]:
            t, b = t[:-1], b - 1
        low = t.lower()
        c = _CONTRACTED_PRONOUN.fullmatch(low) if len(low) < 8 else None
        out.append(Tok(t, c.group(1) if c else low, a, b, "w"))
    return out


def is_cap(tok: Tok) -> bool:
    """Whether a token is a capitalised word or a number (part of a name or a title)."""
    return tok.kind == "w" and (tok.text[0].isupper() or tok.text[0].isdigit())


def is_title(tok: Tok) -> bool:
    """Whether a token is a title word ("Admiral", "Secretary-General", "spokesperson")."""
    if tok.kind != "w":
        return False
    return tok.low in R.TITLE_WORDS or any(p in R.TITLE_WORDS for p in tok.low.split("-"))


def word_count(text: str) -> int:
    """Number of words in a quotation."""
    return len(re.findall(r"\w+(?:[’'\-]\w+)*", text))


def ends_with(toks: list[Tok], i: int, phrase: tuple[str, ...]) -> bool:
    """Whether the words ending at token ``i`` are ``phrase``."""
    n = len(phrase)
    if i - n + 1 < 0 or i >= len(toks):  # "According." closing a paragraph has no "to" after it
        return False
    return all(toks[i - n + 1 + j].kind == "w" and toks[i - n + 1 + j].low == phrase[j] for j in range(n))
