"""Speakers: transcript labels, how a label reads, whose turn a paragraph is in, and what is spoken."""

from __future__ import annotations

import pytest

from briefgen.analysis.speakers import (
    is_questioner,
    is_spoken,
    label_of,
    readable_speaker,
    speaker_label,
    turn_speakers,
    without_label,
)
from briefgen.model import Paragraph


def para(n: int, text: str, speaker: str | None = None) -> Paragraph:
    return Paragraph(f"p{n}", text, (), None, speaker)


@pytest.mark.parametrize("label,want", [
    ("PRESIDENT BIDEN", "President Biden"),
    ("MS. PSAKI", "Ms. Psaki"),
    ("Q", "Q"),
    ("PRIME MINISTER MORRISON OF AUSTRALIA", "Prime Minister Morrison of Australia"),
    ("MINISTER FOR FOREIGN AFFAIRS", "Minister for Foreign Affairs"),
    ("MR. O'BRIEN", "Mr. O'Brien"),
    ("U.S. AMBASSADOR", "U.S. Ambassador"),
    ("President McDonald", "President McDonald"),  # mixed case is already readable
])
def test_readable_speaker(label: str, want: str) -> None:
    assert readable_speaker(label) == want


@pytest.mark.parametrize("text,label", [
    ("PRESIDENT NIINISTÖ: Thank you.", "PRESIDENT NIINISTÖ"),
    ("Q: And on China?", "Q"),
    ("Q  And on China?", "Q"),
    ("NOTE: the figures are provisional.", None),  # an upper-case lead, not a person
    ("The banner read: national sport.", None),
    ("THE PRESIDENT: ", None),  # nothing said
])
def test_a_speaker_label_opens_a_turn(text: str, label: str | None) -> None:
    m = speaker_label(text)
    assert (label_of(m) if m else None) == label


def test_without_label_keeps_the_words_said() -> None:
    assert without_label("THE PRESIDENT: Thank you all.") == "Thank you all."
    assert without_label("Thank you all.") == "Thank you all."


def test_questioners_are_reporters_and_moderators() -> None:
    assert is_questioner("Q") and is_questioner("Moderator") and not is_questioner("The President")
    assert not is_questioner(None)


def test_a_text_is_spoken_when_at_least_half_its_paragraphs_have_a_speaker() -> None:
    assert is_spoken((para(1, "Hello.", "The President"), para(2, "A note.")))
    assert not is_spoken((para(1, "Hello.", "The President"), para(2, "A note."), para(3, "More.")))


def test_a_turn_runs_until_the_next_label_and_one_speaker_is_no_dialogue() -> None:
    ps = (para(1, "Good morning.", "The President"), para(2, "And more."),
          para(3, "Q: What next?"), para(4, "We will see.", "The President"))
    assert turn_speakers(ps) == ("The President", "The President", "Q", "The President")
    assert turn_speakers((para(1, "WASHINGTON: Talks resumed."), para(2, "More."))) == (None, None)
