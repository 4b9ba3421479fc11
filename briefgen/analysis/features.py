"""Features: what the stages read of one article, computed once and passed to each.

``read_article`` turns the segmented paragraphs into a frozen ``Article``: per sentence
its content words (topic stems, and capitalised name runs as one token each) and the
facts a summary is judged by; per paragraph their sum and its quotation marks paired;
for the whole article, whose speaker turn each paragraph is in and whether it is
spoken. The areas, quotes, summaries and entities read these instead of working them
out again, so no stage keeps results of its own between calls.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from briefgen.analysis import lexicon as L
from briefgen.analysis.marks import Span, pair_quotes
from briefgen.analysis.rules import summarize as S
from briefgen.analysis.speakers import is_spoken, speaker_label, turn_speakers
from briefgen.model import Paragraph, Sentence

# A word: a letter, then letters, digits, apostrophes and hyphens.
WORD = re.compile(r"[^\W\d_][\w’'-]*")
# Two or more capitalised words in a row ("South Korea", "Belt And Road"): a name.
NAME_RUN = re.compile(r"\b[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+)+")
# A possessive ending ("Russia’s", "the Finns’").
POSSESSIVE = re.compile(r"[’']s?$")

# How a sentence ends, as a summary judges it.
Ending = Literal["full", "question", "lead-in", "unfinished"]


@dataclass(frozen=True)
class SentenceFeatures:
    """One non-empty sentence of a paragraph: its content words and the facts a summary weighs."""

    index: int  # its place among the paragraph's sentences
    sentence: Sentence
    words: Counter  # content words and their counts; shared, never mutated
    norm: float  # the length of ``words`` as a vector
    n_words: int  # words separated by spaces, as a reader counts them
    signals: int  # signal words of the genre ("risk", "tension") it holds
    dangling: bool  # opens with a back-reference ("It ...", "And they ...")
    ending: Ending
    courtesy: bool  # a courtesy ("Thank you"), or nothing but spoken filler
    occasion: bool  # the speaker's voice about the occasion ("good to be with you")
    apparatus: bool  # table or figure furniture ("Note: ...", "Table 1. ...")
    labelled: bool  # still opens with a transcript label

    @property
    def text(self) -> str:
        """The sentence, verbatim."""
        return self.sentence.text


@dataclass(frozen=True)
class ParagraphFeatures:
    """One paragraph and what the stages read of it."""

    paragraph: Paragraph
    bag: Counter  # content words of the whole paragraph; shared, never mutated
    sentences: tuple[SentenceFeatures, ...]
    quotes: tuple[Span, ...]  # its quotation marks, paired
    unclosed: int | None  # an opening mark left unclosed at its end


@dataclass(frozen=True)
class Article:
    """An article's paragraphs with their features, built once by ``read_article``."""

    paragraphs: tuple[ParagraphFeatures, ...]
    speakers: tuple[str | None, ...]  # the speaker whose turn each paragraph is in
    spoken: bool  # a transcript or speech (speakers.is_spoken)

    def select(self, pids: tuple[str, ...]) -> tuple[ParagraphFeatures, ...]:
        """The features of the paragraphs with ids ``pids``, in that order."""
        index = {f.paragraph.id: f for f in self.paragraphs}
        return tuple(index[pid] for pid in pids)


def read_article(paragraphs: tuple[Paragraph, ...]) -> Article:
    """Every stage's view of ``paragraphs``, computed once."""
    stems: dict[str, str | None] = {}  # words repeat a lot: each is stemmed once per article
    features = tuple(_paragraph(p, stems) for p in paragraphs)
    return Article(features, turn_speakers(paragraphs), is_spoken(paragraphs))


def content_words(text: str, stems: dict[str, str | None] | None = None) -> tuple[str, ...]:
    """The topic-bearing words of ``text``: lower case, light stemming, no stop words.

    Runs of capitalised words ("South Korea") are added as one extra token too, so two
    names that share a word are not mistaken for the same topic. ``stems`` remembers each
    word's stem while one article is read.
    """
    stems = {} if stems is None else stems
    out = []
    for word in WORD.findall(text):
        key = stems[word] if word in stems else stems.setdefault(word, topic_stem(word))
        if key:
            out.append(key)
    out.extend(POSSESSIVE.sub("", name.lower()) for name in NAME_RUN.findall(text))
    return tuple(out)


def topic_stem(word: str) -> str | None:
    """One word as a topic token ("Tensions" -> "tension"), or None for a stop word or a short one."""
    w = word.lower()
    if "’" in w or "'" in w:
        w = POSSESSIVE.sub("", w)
    return None if len(w) < 3 or w in L.STOP_WORDS else stem(w)


def stem(word: str) -> str:
    """A lower-case word without a plural ending ("tensions" -> "tension", "policies" -> "policy")."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _paragraph(p: Paragraph, stems: dict[str, str | None]) -> ParagraphFeatures:
    """A paragraph's features, its sentences' content words summed into its bag."""
    sentences = []
    bag: Counter = Counter()
    for j, s in enumerate(p.sentences):
        content = content_words(s.text, stems)
        bag.update(content)
        if s.text.strip():
            sentences.append(_sentence(j, s, Counter(content)))
    if not p.sentences:
        bag.update(content_words(p.text, stems))  # a paragraph given without sentences reads whole
    quotes, unclosed = pair_quotes(p.text)
    return ParagraphFeatures(p, bag, tuple(sentences), quotes, unclosed)


def _sentence(index: int, s: Sentence, words: Counter) -> SentenceFeatures:
    """A sentence's content words and the facts that need nothing but the sentence."""
    text = s.text
    split = text.split()
    bare = {w.strip(".,;:!?“”\"'’—(").lower() for w in split}
    tail = text.rstrip().rstrip("”\"’)")
    ending: Ending = "full"
    if tail.endswith(":") or text.lstrip("“\"‘(")[:1].islower():
        ending = "lead-in"  # it introduces a list or block quote, or is the tail of one
    elif tail.endswith("?"):
        ending = "question"
    elif not tail.endswith((".", "!")):
        ending = "unfinished"
    return SentenceFeatures(
        index=index,
        sentence=s,
        words=words,
        norm=math.sqrt(sum(v * v for v in words.values())),
        n_words=len(split),
        signals=len(bare & S.SIGNAL_WORDS),
        dangling=dangling(split),
        ending=ending,
        # the courtesy regex is the dearest test, so it comes last
        courtesy=bool(bare & L.PHATIC_WORDS) or _thin(words) or S.PHATIC_PHRASE.search(text) is not None,
        occasion=_occasion(text, bare),
        apparatus=S.APPARATUS_START.match(text) is not None,
        labelled=speaker_label(text) is not None,
    )


def dangling(words: list[str]) -> bool:
    """Whether a sentence, given as its words, opens with a back-reference ("It ...", "And they ...")."""
    bare = [w.strip("“\"‘(—–").lower().rstrip(",") for w in words[:3]]
    bare = [w for w in bare if w]
    if bare and bare[0] in S.DANGLING_SKIP:
        bare = bare[1:]
    return bool(bare) and bare[0] in L.DANGLING_STARTS


def _occasion(text: str, bare: set[str]) -> bool:
    """Whether a sentence is the speaker's voice about the occasion or to someone present."""
    if not bare & L.SPEAKER_VOICE_WORDS:
        return False
    return bool(bare & S.OCCASION_WORDS or S.OCCASION_PHRASE.search(text) or S.OCCASION_ADDRESS.search(text))


def _thin(words: Counter) -> bool:
    """Whether a sentence's content words are only spoken filler and contractions."""
    solid = [w for w in words if " " not in w and "’" not in w and "'" not in w and w not in L.SPOKEN_FILLER]
    return len(solid) < S.THIN_MIN_WORDS


def bare(word: str) -> str:
    """A word as compared with the word lists: lower case, without punctuation around it."""
    return word.strip(".,;:!?()[]“”\"‘’'—–").lower()
