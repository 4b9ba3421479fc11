"""Marks: quote marks paired into quotations, the same pairs for the segmenter and the quotes stage."""

from __future__ import annotations

import pytest

from briefgen.analysis.marks import MAX_QUOTE_CHARS, opens_with_quote, pair_quotes


def quoted(text: str) -> list[str]:
    """The words inside each paired quotation of ``text``."""
    spans, _ = pair_quotes(text)
    return [text[s.open + 1:s.close] for s in spans]


@pytest.mark.parametrize("text,want", [
    ("He said “it is over” and left.", ["it is over"]),
    ('He said "it is over" and left.', ["it is over"]),
    ("She called it ‘a test’ of resolve.", ["a test"]),
    ("Russia’s athletes don’t train in the athletes’ village.", []),  # apostrophes only
    ("A “first” and a “second”.", ["first", "second"]),
    ("‘He said “no” twice,’ she wrote.", ["He said “no” twice,"]),  # the inner pair is part of the outer
    ("A 12\" pipe and a stray \" mark.", []),  # an inch sign and a stray pair implausibly
])
def test_pairs(text: str, want: list[str]) -> None:
    assert quoted(text) == want


def test_a_straight_quote_longer_than_150_characters_pairs_as_one() -> None:
    long = "The benefits " + "of this support have grown, " * 8 + "with equipment."
    text = f'According to the report, "{long}" The May report says that Russia "is believed to help."'
    assert len(long) > 150
    assert quoted(text) == [long, "is believed to help."]


def test_an_opener_left_unclosed_is_reported_for_the_next_paragraph() -> None:
    text = "“We will stay the course. We will win."
    spans, open_at = pair_quotes(text)
    assert spans == () and open_at == 0
    assert opens_with_quote("  “And we will not tire.”") and not opens_with_quote("And then.")


def test_no_pair_reaches_further_than_the_longest_believable_quote() -> None:
    text = "A stray “ mark. " + "Plain prose goes on. " * (MAX_QUOTE_CHARS // 20 + 5) + "An end ” mark."
    assert quoted(text) == []
