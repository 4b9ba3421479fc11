"""Segment stage: sentences are verbatim slices, paragraphs get ids and their heading."""

from __future__ import annotations

import pytest

from briefgen.analysis.segment import split_paragraphs, split_sentences
from briefgen.model import Block, Document, Meta


def sentences(text: str) -> list[str]:
    out = split_sentences(text)
    for s in out:
        assert text[s.start:s.start + len(s.text)] == s.text
    return [s.text for s in out]


@pytest.mark.parametrize("text,want", [
    ("It rose. It fell.", ["It rose.", "It fell."]),
    ("Did it? Yes! Fine.", ["Did it?", "Yes!", "Fine."]),
    ("It grew 3.2 percent. Then it fell.", ["It grew 3.2 percent.", "Then it fell."]),
    ("He met George W. Bush there. Then he left.", ["He met George W. Bush there.", "Then he left."]),
    ("Mr. Smith and Dr. Jones met Gen. Lee. They talked.", ["Mr. Smith and Dr. Jones met Gen. Lee.", "They talked."]),
    ("Sen. Roe and Rep. Doe met Adm. Paparo and Lt. Gen. Brunson. Both spoke.",
     ["Sen. Roe and Rep. Doe met Adm. Paparo and Lt. Gen. Brunson.", "Both spoke."]),
    ("The U.S. Navy sailed. It was calm.", ["The U.S. Navy sailed.", "It was calm."]),
    ("They went to the U.S. The talks failed.", ["They went to the U.S.", "The talks failed."]),
    ("Apple Inc. said so. Rivals, e.g. Acme, agreed, i.e. all did.", ["Apple Inc. said so.", "Rivals, e.g. Acme, agreed, i.e. all did."]),
    ("It began at 8 a.m. on Jan. 6. Nobody came.", ["It began at 8 a.m. on Jan. 6.", "Nobody came."]),
    ("She said it was “over.” Then she left.", ["She said it was “over.”", "Then she left."]),
    ("He said “Stop. Now.” and left.", ["He said “Stop. Now.” and left."]),
    ("(As interpreted.) Joe, it is an honor.", ["(As interpreted.)", "Joe, it is an honor."]),
    ("Wait... Then what? Well… Fine.", ["Wait...", "Then what?", "Well…", "Fine."]),
    ("See No. 10 and St. Petersburg. Done.", ["See No. 10 and St. Petersburg.", "Done."]),
    ("No final stop", ["No final stop"]),
    # a dotted citation before its number is one token, in or out of brackets
    ("A measure (S.Res. 12) was tabled; it stalled. Later it died.",
     ["A measure (S.Res. 12) was tabled; it stalled.", "Later it died."]),
])
def test_split_sentences(text, want):
    assert sentences(text) == want


def test_sentences_keep_offsets_with_odd_spacing():
    text = "  One.   Two?\tThree!  "
    got = split_sentences(text)
    assert [(s.text, s.start) for s in got] == [("One.", 2), ("Two?", 9), ("Three!", 14)]


def test_unbalanced_quote_does_not_swallow_the_paragraph():
    assert sentences("He said “this is it. Then nothing. The end.") == ["He said “this is it.", "Then nothing.", "The end."]


def test_split_paragraphs_numbers_and_attaches_heading_and_speaker():
    doc = Document(Meta(), (
        Block("heading", "Overview"),
        Block("paragraph", "One. Two."),
        Block("paragraph", "Three.", speaker="Ms. Psaki"),
        Block("heading", "Later"),
        Block("paragraph", "Four.", links=(("x", "https://x.org"),)),
    ))
    ps = split_paragraphs(doc)
    assert [(p.id, p.heading, p.speaker) for p in ps] == [("p1", "Overview", None), ("p2", None, "Ms. Psaki"), ("p3", "Later", None)]
    assert [s.text for s in ps[0].sentences] == ["One.", "Two."]
    assert ps[2].links == (("x", "https://x.org"),)


def test_long_text_splits_into_every_sentence():
    text = "Mr. Roe said the U.S. grew 3.2 percent. “It works,” he said. " * 20000
    out = split_sentences(text)
    assert len(out) == 40000


def test_a_long_straight_quote_does_not_glue_the_sentences_after_it() -> None:
    # A pairer that only looked for short quotes took the long quote's closing mark for an
    # opening one and kept "technology." and "The May 2025 ..." in one sentence.
    text = ('Admiral Roe testified that "North Korea continues to attempt to gain assistance in developing '
            'space launch vehicles, military satellites, one-way attack drones, missile technology, and advanced '
            'submarine propulsion technology." The May 2025 report says that Russia "is believed to have '
            'provided air defense equipment."')
    assert sentences(text)[1].startswith("The May 2025 report says")


@pytest.mark.parametrize("text,want", [
    ("Costs rose. $5 billion was spent.", ["Costs rose.", "$5 billion was spent."]),
    ("It ended. — and then it began again.", ["It ended. — and then it began again."]),
    ("It ended. - A new report followed.", ["It ended.", "- A new report followed."]),
])
def test_a_sentence_may_open_with_a_symbol_but_not_with_punctuation_that_goes_on(text, want):
    assert sentences(text) == want


def test_a_document_with_two_heading_levels_has_chapters_from_the_top_level():
    doc = Document(Meta(), (
        Block("paragraph", "Lede."),
        Block("heading", "Background", level=2),
        Block("paragraph", "One."),
        Block("heading", "Detail", level=3),
        Block("paragraph", "Two."),
        Block("heading", "Outlook", level=2),
        Block("paragraph", "Three."),
    ))
    assert [p.chapter for p in split_paragraphs(doc)] == [None, "Background", "Background", "Outlook"]


def test_one_level_of_headings_makes_no_chapters():
    doc = Document(Meta(), (Block("heading", "A", level=2), Block("paragraph", "One."),
                            Block("heading", "B", level=2), Block("paragraph", "Two.")))
    assert [p.chapter for p in split_paragraphs(doc)] == [None, None]
