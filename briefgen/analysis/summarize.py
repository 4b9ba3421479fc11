"""Summarize: pick verbatim sentences for each area and for the overview.

Extractive only: every Extract is one of the paragraph's own sentence slices, so a
summary can never misquote the source. Sentences are scored on position (topic
sentences open paragraphs; the lede opens the article), centrality (word overlap with
the area or article), the genre's signal words, and penalties for fragments, questions
and dangling references; the chosen ones are returned in reading order (as sumy does).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain

from briefgen.analysis import lexicon as L
from briefgen.analysis.features import Article, ParagraphFeatures, SentenceFeatures, content_words
from briefgen.analysis.rules import summarize as R
from briefgen.analysis.speakers import is_questioner
from briefgen.model import Extract

# Weights of the score parts, calibrated as a set on the dev articles' readability.
W_POSITION = 1.0
W_CENTRAL = 1.2
W_SIGNAL = 0.15  # per signal word, at most two counted
PENALTY_SHORT = 0.8
PENALTY_LONG = 0.3
PENALTY_QUESTION = 0.8
PENALTY_DANGLING = 0.5
# A back-reference is not a topic sentence, whatever its position: its position bonus shrinks.
DANGLING_POSITION_FACTOR = 0.3
PENALTY_UNFINISHED = 0.6  # no sentence-final punctuation: a heading or fragment
# "In his words, it was a decade during which wars:" introduces what follows (a list or a
# block quote) and says nothing alone; a sentence opening in lower case ("dragged on with
# ...") is the tail of such a lead-in. Neither should state an area's point.
PENALTY_LEAD_IN = 3.0
PENALTY_PHATIC = 1.0  # "Thank you", "I'm delighted to hand over": courtesy, not content
PENALTY_APPARATUS = 3.0  # "Note: ...", "Table 1. ...": table furniture, never a summary
# "THE PRESIDENT: I tell you what, ...": a turn's opening line with its label still on is
# transcript furniture and, in practice, an ice-breaker rather than the bottom line.
PENALTY_LABEL = 1.0
# "I wish we were able to do this in person": the speaker's voice about the occasion.
PENALTY_OCCASION = 1.0
# Recurring content words (rules.summarize SPREAD_MIN_PARAGRAPHS), weighted in the overview
# only, where the article is the context. A written piece's lede and topic sentences are
# reliable, and spread there only pulled long detail sentences (lists of names) over
# them, so it is off; a transcript's opening is not, so what it returns to decides.
W_SPREAD_WRITTEN = 0.0
W_SPREAD_SPOKEN = 0.6
# A candidate sharing this much of its vocabulary with a chosen sentence repeats it.
REDUNDANT_OVERLAP = 0.6
# The bottom line is the argument: per judgement or recommendation cue (rules.summarize
# THESIS_CUES), and for the share of the title's words a sentence holds.
W_THESIS = 0.35
W_TITLE = 0.5
# A short verdict ("The New Republic is over.") is not a fragment: with a cue, a short
# sentence keeps this much of its penalty back.
SHORT_VERDICT_REFUND = 0.6
# A venue, time-stamp or report-number line: never a summary sentence.
PENALTY_FURNITURE = 3.0


@dataclass(frozen=True)
class _Candidate:
    """A sentence that may go into a summary, and where it stands."""

    order: int  # reading order in the input
    paragraph: int  # index of its paragraph in the input
    pid: str
    sentence: SentenceFeatures  # shared with the Article: never mutated
    # the score parts that depend on the sentence alone, in the order _score applies them
    adjustments: tuple[float, ...]

    @property
    def words(self) -> Counter:
        """The sentence's content words."""
        return self.sentence.words


def summarize_area(article: Article, pids: tuple[str, ...], limit: int = 3) -> tuple[Extract, ...]:
    """1-3 of the area's own sentences (paragraphs ``pids``) that best state what it is about, in reading order."""
    paragraphs = article.select(pids)
    candidates = _candidates(paragraphs)
    if not candidates:
        return _fallback(paragraphs)
    want = min(limit, max(1, math.ceil(len(candidates) / R.SUMMARY_SENTENCES_PER)))
    context = _bag(candidates)

    def position(c: _Candidate) -> float:
        if c.order == 0:
            return 1.0  # the area's opening sentence usually states its theme
        return 0.4 if c.sentence.index == 0 else 0.1

    return _pick(candidates, want, context, position, per_paragraph=2)


def summarize_overview(article: Article, title: str | None = None, limit: int = 4) -> tuple[Extract, ...]:
    """The bottom line: 3-5 verbatim sentences for the whole article, in reading order."""
    paragraphs = article.paragraphs
    candidates = _candidates(paragraphs)
    if not candidates:
        return _fallback(paragraphs)
    limit = max(R.OVERVIEW_MIN, min(R.OVERVIEW_MAX, limit))
    want = min(len(candidates), max(R.OVERVIEW_MIN, min(limit, math.ceil(len(paragraphs) / 4))))
    context = _bag(candidates)
    last = len(paragraphs) - 1
    spoken = article.spoken
    factor = R.SPOKEN_POSITION_FACTOR if spoken else 1.0
    w_spread = W_SPREAD_SPOKEN if spoken else W_SPREAD_WRITTEN
    recurring = _recurring(candidates)
    title_words = frozenset(content_words(title or "")) - L.SPEAKER_VOICE_WORDS

    def position(c: _Candidate) -> float:
        if c.paragraph == 0:
            # the lede frames the whole piece; its later sentences are often narrative
            place = 1.0 if c.sentence.index == 0 else 0.5
        elif c.paragraph == last and c.sentence.index == 0 and last > 2:
            place = 0.5  # a conclusion often restates the bottom line
        else:
            place = 0.35 if c.sentence.index == 0 else 0.05
        return factor * place + w_spread * _spread(c.words, recurring) + _argument(c, title_words)

    # a text of one or two paragraphs (a readout, a statement) still gives a full bottom line
    per_paragraph = max(R.OVERVIEW_PER_PARAGRAPH, math.ceil(want / len(paragraphs)))
    return _pick(candidates, want, context, position, per_paragraph=per_paragraph)


def _argument(c: _Candidate, title_words: frozenset[str]) -> float:
    """How much a sentence carries the article's argument: judgement cues and the title's words."""
    cues = min(R.THESIS_MAX_CUES, len(R.THESIS_CUES.findall(c.sentence.text)))
    score = W_THESIS * cues
    if cues and c.sentence.n_words < R.SUMMARY_MIN_WORDS:
        score += SHORT_VERDICT_REFUND * PENALTY_SHORT
    if len(title_words) >= R.TITLE_MIN_WORDS:
        score += W_TITLE * len(title_words & c.words.keys()) / len(title_words)
    return score


def _recurring(candidates: list[_Candidate]) -> frozenset[str]:
    """Content words found in at least SPREAD_MIN_PARAGRAPHS paragraphs of the article."""
    seen: dict[str, set[int]] = {}
    for c in candidates:
        for w in c.words:
            seen.setdefault(w, set()).add(c.paragraph)
    return frozenset(w for w, ps in seen.items() if len(ps) >= R.SPREAD_MIN_PARAGRAPHS)


def _spread(words: Counter, recurring: frozenset[str]) -> float:
    """How many of a sentence's content words recur article-wide, 0-1 (full at SPREAD_FULL)."""
    solid = sum(w in recurring for w in words if " " not in w and w not in L.SPOKEN_FILLER)
    return min(solid, R.SPREAD_FULL) / R.SPREAD_FULL


def _candidates(paragraphs: tuple[ParagraphFeatures, ...]) -> list[_Candidate]:
    """The sentences that may summarize ``paragraphs``, in reading order."""
    out = []
    # In a press conference the questions frame the answers but are not the briefing's
    # points: a questioner's paragraphs are left out while anyone else speaks.
    answered = any(f.paragraph.speaker and not is_questioner(f.paragraph.speaker) for f in paragraphs)
    for k, f in enumerate(paragraphs):
        p = f.paragraph
        if R.APPARATUS_START.match(p.text):
            continue  # a caption or table note: it neither summarises nor counts as content
        if answered and is_questioner(p.speaker):
            continue
        for sentence in f.sentences:
            out.append(_Candidate(len(out), k, p.id, sentence, _adjustments(sentence)))
    return out


def _fallback(paragraphs: tuple[ParagraphFeatures, ...]) -> tuple[Extract, ...]:
    """No sentence slices: the first non-empty paragraph, whole, is still verbatim."""
    for p in (f.paragraph for f in paragraphs):
        if p.text.strip():
            return (Extract(p.text, p.id),)
    return ()


def _bag(candidates: list[_Candidate]) -> Counter:
    """Every candidate's content words, counted together."""
    # counted in one pass over every word (Counter.update with a Counter loops in Python)
    return Counter(chain.from_iterable(c.words.elements() for c in candidates))


def _pick(candidates: list[_Candidate], want: int, context: Counter, position: Callable[[_Candidate], float],
          per_paragraph: int) -> tuple[Extract, ...]:
    """The ``want`` best-scoring, non-repeating candidates, returned in reading order."""
    context_sq = float(sum(v * v for v in context.values()))
    ranked = sorted(candidates, key=lambda c: (-_score(c, context, context_sq, position), c.order))
    chosen: list[_Candidate] = []
    for c in ranked:
        if len(chosen) == want:
            break
        if sum(o.paragraph == c.paragraph for o in chosen) >= per_paragraph:
            continue
        if any(_overlap(c.words, o.words) >= REDUNDANT_OVERLAP for o in chosen):
            continue
        chosen.append(c)
    if not chosen:  # everything was redundant: still never leave a summary empty
        chosen = ranked[:1]
    return tuple(Extract(c.sentence.text, c.pid) for c in sorted(chosen, key=lambda c: c.order))


def _score(c: _Candidate, context: Counter, context_sq: float, position: Callable[[_Candidate], float]) -> float:
    """The candidate's score: position and centrality weighed, then its own score parts added."""
    place = position(c) * (DANGLING_POSITION_FACTOR if c.sentence.dangling else 1.0)
    score = W_POSITION * place + W_CENTRAL * _centrality(c.words, c.sentence.norm, context, context_sq)
    # added one by one, in _adjustments' order, so the float sum never changes
    for adjustment in c.adjustments:
        score += adjustment
    return score


def _adjustments(s: SentenceFeatures) -> tuple[float, ...]:
    """The score parts that need nothing but the sentence, from what the Article knows of it."""
    out = [W_SIGNAL * min(2, s.signals)]
    if s.n_words < R.SUMMARY_MIN_WORDS:
        out.append(-PENALTY_SHORT)
    elif s.n_words > R.SUMMARY_MAX_WORDS:
        out.append(-PENALTY_LONG)
    if s.ending == "lead-in":
        out.append(-PENALTY_LEAD_IN)
    elif s.ending == "question":
        out.append(-PENALTY_QUESTION)
    elif s.ending == "unfinished":
        out.append(-PENALTY_UNFINISHED)
    if s.dangling:
        out.append(-PENALTY_DANGLING)
    if s.courtesy:
        out.append(-PENALTY_PHATIC)
    if s.occasion:
        out.append(-PENALTY_OCCASION)
    if s.apparatus:
        out.append(-PENALTY_APPARATUS)
    if s.labelled:
        out.append(-PENALTY_LABEL)
    if _furniture(s.text):
        out.append(-PENALTY_FURNITURE)
    return tuple(out)


def _furniture(text: str) -> bool:
    """Whether a 'sentence' is a venue, time-stamp, update or report-number line rather than prose."""
    lower = sum(1 for w in text.split() if w[:1].islower())
    return lower < R.FURNITURE_MAX_LOWER or R.FURNITURE_LINE.search(text) is not None


def _centrality(words: Counter, norm_s: float, context: Counter, context_sq: float) -> float:
    """Cosine between the sentence and the rest of its context (its own words taken out)."""
    # one pass for both sums; all counts are ints, so the sums are exact in any order
    dot = removed = 0
    for w, v in words.items():
        total = context[w]
        rest = total - v
        dot += v * rest
        removed += total * total - rest * rest
    if dot <= 0:
        return 0.0
    # the context's squared norm without this sentence, updated only where they share words
    rest_sq = context_sq - removed
    return dot / (norm_s * math.sqrt(rest_sq)) if rest_sq > 0 else 0.0


def _overlap(a: Counter, b: Counter) -> float:
    """The share of the smaller word set found in the other."""
    if not a or not b:
        return 0.0
    return len(a.keys() & b.keys()) / min(len(a), len(b))
