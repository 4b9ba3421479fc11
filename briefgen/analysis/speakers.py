"""Speakers: transcript labels, how a label reads, and whose turn each paragraph is in.

One reading of "PRESIDENT BIDEN:" for every stage: the areas follow speaker turns, the
summaries rank a sentence that still carries its label low, and both ask whether a text
is spoken at all. The patterns and word lists are data in ``lexicon``.
"""

from __future__ import annotations

import re

from briefgen.analysis import lexicon as L
from briefgen.model import Paragraph


def speaker_label(text: str) -> re.Match[str] | None:
    """The transcript label opening ``text`` ("THE PRESIDENT: ", "Q "), or None.

    Upper-case leads that are no person ("NOTE:") and a label with nothing after it are
    not labels.
    """
    m = L.SPEAKER_LABEL.match(text)
    if not m:
        return None
    label = label_of(m)
    if label.upper() in L.NOT_SPEAKERS or label.rstrip(".") in L.NOT_SPEAKERS:
        return None
    if not any(ch.isalpha() for ch in label) or not text[m.end():].strip():
        return None
    return m


def label_of(m: re.Match[str]) -> str:
    """The label a ``speaker_label`` match found, as written ("THE PRESIDENT", "Q")."""
    return (m.group("label") or m.group("q")).strip()


def without_label(text: str) -> str:
    """``text`` without the speaker label it opens with, if any."""
    m = speaker_label(text)
    return text[m.end():] if m else text


def readable_speaker(label: str) -> str:
    """'THE PRESIDENT' -> 'The President'; 'MS. ROE' -> 'Ms. Roe'; 'Q' stays.

    A label already in mixed case ("President Biden", "McDonald") is written as its
    speaker wants it and stays as it is.
    """
    if label != label.upper():
        return label
    words = []
    for i, word in enumerate(label.split()):
        if word in L.LABEL_KEEP_UPPER:
            words.append(word)
        elif i and word.lower() in L.LABEL_KEEP_LOWER:
            words.append(word.lower())
        elif "." in word.strip("."):
            words.append(word)  # an initialism ("U.S.", "J.R.") stays in capitals
        else:
            # each part of "AL-ASSAD" and "O'BRIEN" has its capital; "DON'T" ends lower case
            parts = re.split(r"([\-’'])", word)
            words.append("".join(
                p if p in "-’'" else (p.lower() if j and parts[j - 1] in "’'" and len(p) == 1 else p.capitalize())
                for j, p in enumerate(parts)
            ))
    return " ".join(words)


def is_questioner(speaker: str | None) -> bool:
    """Whether a transcript speaker is the one asking (a reporter's "Q", a moderator)."""
    return bool(speaker) and speaker.upper().rstrip(".") in L.QUESTIONER_SPEAKERS


def is_spoken(paragraphs: tuple[Paragraph, ...]) -> bool:
    """Whether the text is spoken: at least ``SPOKEN_MIN_SHARE`` of its paragraphs carry a speaker."""
    return sum(bool(p.speaker) for p in paragraphs) >= L.SPOKEN_MIN_SHARE * len(paragraphs)


def turn_speakers(paragraphs: tuple[Paragraph, ...]) -> tuple[str | None, ...]:
    """The speaker whose turn each paragraph is in (a turn runs until the next label).

    All None unless at least two speakers take turns: one label ("WASHINGTON:", a lone
    speech) is no dialogue.
    """
    out: list[str | None] = []
    current = None
    previous = None  # the cleaner's speaker on the paragraph before
    for p in paragraphs:
        # A label still at the start of the text is one the cleaner did not recognise, so
        # its ``p.speaker`` is the previous turn's carried on: the label in the text wins,
        # and the carried name counts again only where the cleaner itself changes turn.
        m = speaker_label(p.text)
        label = label_of(m) if m else (p.speaker if p.speaker != previous else None)
        previous = p.speaker
        if label:
            current = " ".join(label.split()).rstrip(":").strip()
        out.append(current)
    if len(set(s for s in out if s)) < 2:
        return (None,) * len(out)
    return tuple(out)
