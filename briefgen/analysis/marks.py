"""Marks: pair a paragraph's quote marks into quotations, in one pass.

Curly marks have a fixed direction; straight marks get one from the characters around
them, so an apostrophe (don’t, Russia’s, the athletes’ village) never opens or closes a
quote. Unpaired marks are dropped, and an opener left unclosed at the end of a paragraph
is reported, so the quotes stage can run it on into the next paragraph. The segmenter
reads the same pairs to keep a short quotation's sentence whole, and the quotes stage
reads them to find the quotations: one pairer, so the two never disagree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# Longest quotation we believe, in characters. A real quotation in the genre is at most a
# long paragraph; a mark with no partner closer than this is a stray (an inch sign, a typo),
# and pairing across it would swallow unrelated text.
MAX_QUOTE_CHARS = 1500

# A pair of free-standing straight marks (` " x " `, left by removed markup) holds at most
# this many characters; longer, they are more likely two unrelated stray marks.
LOOSE_QUOTE_CHARS = 80

_DOUBLE_MARKS = re.compile(r"[\"“”„]")
_SINGLE_MARKS = re.compile(r"['‘’‚]")
# Characters that may stand right before an opening mark / right after a closing one.
_OPEN_SIDE = set(" \t\n([{—–-/\u00a0")
_CLOSE_SIDE = set(" \t\n.,;:!?)]}—–-/\u00a0")


@dataclass(frozen=True)
class Span:
    """A quotation: the offsets of its marks; ``close`` is len(text) for a run-on quote."""

    open: int
    close: int
    closed: bool = True


def _double_role(text: str, i: int) -> str:
    """Whether the double mark at ``i`` can open, close, or do either."""
    ch = text[i]
    if ch in "“„":
        return "open"
    if ch == "”":
        return "close"
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens, closes = before in _OPEN_SIDE, after in _CLOSE_SIDE
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _single_role(text: str, i: int) -> str:
    """The role of a single mark; "none" for apostrophes (don’t, the athletes’ village, ’90s)."""
    ch = text[i]
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return "none"  # inside a word: don’t, Russia’s
    if ch in "‘‚'" and before in _OPEN_SIDE and after.isalpha():
        return "open"
    if ch in "’'" and not before.isspace() and after in _CLOSE_SIDE:
        # After a plural "s" and before a lower-case word it is most likely possessive
        # (the athletes’ village); it closes only when no better closer follows.
        if before == "s" and after == " " and text[i + 2:i + 3].islower():
            return "weak-close"
        return "close"
    return "none"


def _loose(text: str, a: int, b: int) -> bool:
    """Whether a pair made of a free-standing mark (spaces on both sides) is implausible.

    Such marks come from markup ("calling troops " heroes "" once a link is removed) and
    then hold a short phrase; a long or multi-sentence stretch between them is two strays.
    """
    def free(i: int) -> bool:
        return (i == 0 or text[i - 1].isspace()) and (i + 1 >= len(text) or text[i + 1].isspace())
    if not (free(a) or free(b)):
        return False
    inner = text[a + 1:b]
    return len(inner) > LOOSE_QUOTE_CHARS or bool(re.search(r"[.!?;]\s", inner))


def _pair(text: str, marks: list[int], role_of: Callable[[str, int], str],
          skip: list[Span]) -> tuple[list[Span], int | None]:
    """Pair marks into spans in one pass; also return an opener left unclosed at the end."""
    spans: list[Span] = []
    open_at: int | None = None
    fallback: int | None = None
    k = 0
    for i in marks:
        while k < len(skip) and skip[k].close < i:
            k += 1
        if k < len(skip) and skip[k].open <= i <= skip[k].close:
            continue  # nested inside an outer quotation: part of its words
        role = role_of(text, i)
        if role == "none":
            continue
        if open_at is not None and i - open_at > MAX_QUOTE_CHARS:
            if fallback is not None:
                spans.append(Span(open_at, fallback))
            open_at, fallback = None, None
        if open_at is None:
            if role in ("open", "either"):
                open_at = i
            continue
        if role in ("close", "either"):
            if _loose(text, open_at, i):
                open_at, fallback = i, None  # ` " mark. An open " `: not a pair, start again here
                continue
            spans.append(Span(open_at, i))
            open_at, fallback = None, None
        elif role == "weak-close":
            fallback = fallback if fallback is not None else i
        elif role == "open":
            if fallback is not None:
                spans.append(Span(open_at, fallback))
            open_at, fallback = i, None  # the earlier opener had no partner
    if open_at is not None and fallback is not None:
        spans.append(Span(open_at, fallback))
        open_at = None
    return spans, open_at


def pair_quotes(text: str) -> tuple[tuple[Span, ...], int | None]:
    """Quotation spans of a paragraph in order, and the offset of an opener left unclosed."""
    doubles, open_double = _pair(text, [m.start() for m in _DOUBLE_MARKS.finditer(text)], _double_role, [])
    singles, open_single = _pair(text, [m.start() for m in _SINGLE_MARKS.finditer(text)], _single_role, doubles)
    # Drop double spans nested inside single ones (British style: ‘… “…” …’).
    doubles = [d for d in doubles if not any(s.open < d.open and d.close < s.close for s in singles)]
    spans = sorted(doubles + singles, key=lambda s: s.open)
    open_at = open_double if open_double is not None else open_single
    if open_at is not None and spans and spans[-1].close > open_at:
        open_at = None
    return tuple(spans), open_at


def opens_with_quote(text: str) -> bool:
    """Whether a paragraph starts with an opening mark (continuing the previous quotation)."""
    s = text.lstrip()
    return bool(s) and s[0] in "“\"‘'„"
