"""Boundaries: where each friction area starts, a contiguous run of paragraphs from there.

Boundaries come from the strongest signal available, in this order of trust: headings,
transcript speaker turns, discourse cues ("Another area of friction is ..."), the
opening paragraph as an introduction, weak cues ("Finally, ...") where the vocabulary
also changes, and lexical cohesion dips (TextTiling) in long unmarked runs. Spoken text
and very long articles keep only their strongest boundaries. Rules live as data in
``rules.areas``.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass

from briefgen.analysis import lexicon as L
from briefgen.analysis.features import Article, bare, topic_stem
from briefgen.analysis.rules import areas as R
from briefgen.analysis.speakers import is_questioner, without_label
from briefgen.model import Paragraph

# Boundary kinds, strongest first; the number is how hard a boundary is to merge away.
HEADING, SPEAKER, LABEL, CUE, INTRO, WEAK_CUE, COHESION = 7, 6, 5, 4, 3, 2, 1


def find_starts(article: Article) -> dict[int, int]:
    """Where the article's areas start: paragraph index -> the kind of boundary (0 always starts one)."""
    paragraphs = tuple(f.paragraph for f in article.paragraphs)
    speakers = article.speakers
    bags = tuple(f.bag for f in article.paragraphs)
    spoken = article.spoken
    starts = _hard_starts(paragraphs, speakers)
    if not spoken:
        for i in labelled(paragraphs):
            if i > 0:
                starts.setdefault(i, LABEL)
    # two or more speakers make a dialogue even when a short opening line joined the first turn
    transcript = any(speakers)
    structured = sum(kind in (HEADING, LABEL) for kind in starts.values()) >= R.STRUCTURED_MIN_HEADINGS
    edges = sorted(starts) + [len(paragraphs)]
    for a, b in zip(edges, edges[1:]):
        starts.update(_soft_starts(
            paragraphs, bags, a, b, first=a == 0, transcript=transcript, structured=structured, spoken=spoken
        ))
    if spoken:
        starts = _cap_spoken(starts, paragraphs, bags, edges)
    return _cap_areas(starts, paragraphs)



def _hard_starts(paragraphs: tuple[Paragraph, ...], speakers: tuple[str | None, ...]) -> dict[int, int]:
    """Starts from headings and speaker turns: index -> boundary kind."""
    starts = {0: HEADING if paragraphs[0].heading else INTRO}
    has_headings = any(p.heading for p in paragraphs)
    dialogue = any(speakers) or any(p.speaker for p in paragraphs)
    for i, p in enumerate(paragraphs[1:], 1):
        if p.heading and p.heading != paragraphs[i - 1].heading:
            starts[i] = HEADING
        elif not has_headings and _looks_like_heading(paragraphs, i, questions=not dialogue):
            starts[i] = HEADING
        elif not dialogue and p.text.rstrip().endswith("?") and _looks_like_heading(paragraphs, i, questions=True):
            # the cleaner keeps statement-shaped subheadings but can leave a question one
            # ("What happens next?") in the body even when the article has other headings
            starts[i] = HEADING
    for i in _turn_starts(paragraphs, speakers):
        starts.setdefault(i, SPEAKER)
    return starts


def labelled(paragraphs: tuple[Paragraph, ...]) -> tuple[int, ...]:
    """The paragraphs that open with a run-in label, where the document makes a habit of it."""
    found = tuple(i for i, p in enumerate(paragraphs) if run_in_label(p.text))
    return found if len(found) >= R.LABEL_MIN_PARAGRAPHS else ()


def run_in_label(text: str) -> str | None:
    """The run-in label opening ``text`` ("Arms Sales. Since ..." -> "Arms Sales"), if it has one.

    A label is a short noun phrase in title case (or of at most three words, or before a
    colon) ending in a full stop, colon or question mark, and a sentence of some length
    follows it. A colon label takes a short verbless phrase after it too
    ("February-April: Active hostilities.").
    """
    head = text[:400]
    for m in R.LABEL_END.finditer(head):
        label = head[: m.start()].strip(" *")
        mark = head[m.start():m.end()].strip("* ")[:1]
        if _abbreviation_end(label, mark):
            continue  # "U.S. Objectives": the full stop of "U.S." ends nothing
        if not _label_words(label, colon=mark == ":"):
            return None
        rest = head[m.end():]
        if mark == ":":
            tail = _label_tail(rest)
            if tail:
                label, rest = f"{label}: {tail[0]}", tail[1]
        if len(text[len(head) - len(rest):].split()) < R.LABEL_REST_MIN_WORDS:
            return None
        return label + "?" if mark == "?" else label
    return None


def _abbreviation_end(label: str, mark: str) -> bool:
    """Whether the full stop after ``label`` belongs to an abbreviation or an initial."""
    if mark != "." or not label.split():
        return False
    word = label.split()[-1]
    low = word.lower().strip("(")
    return (len(word) == 1 and word.isupper()) or low in L.ABBREVIATIONS or "." in word


def _label_words(label: str, colon: bool) -> bool:
    """Whether ``label`` reads as a run-in label: a short verbless noun phrase with a theme word."""
    words = label.split()
    if not words or len(words) > R.LABEL_MAX_WORDS or not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return False
    plain = [bare(w) for w in words]
    if any(w in R.LABEL_CLAUSE_WORDS for w in plain) or plain[0] in R.NOT_LABELS:
        return False
    if not any(topic_stem(w) for w in words):
        return False
    titled = all(w[:1].isupper() or w[:1].isdigit() or len(bare(w)) <= 4 for w in words)
    return titled or colon or len(words) <= 3


def _label_tail(rest: str) -> tuple[str, str] | None:
    """After a colon label, the short verbless phrase that completes it, and what follows it."""
    for m in R.LABEL_END.finditer(rest[:200]):
        tail = rest[: m.start()].strip(" *")
        mark = rest[m.start():m.end()].strip("* ")[:1]
        if mark != "." or _abbreviation_end(tail, mark):
            continue
        words = tail.split()
        if 0 < len(words) <= R.LABEL_TAIL_MAX_WORDS and not any(bare(w) in R.LABEL_CLAUSE_WORDS for w in words):
            return tail, rest[m.end():]
        return None
    return None


def _looks_like_heading(paragraphs: tuple[Paragraph, ...], i: int, *, questions: bool = False) -> bool:
    """A subheading the cleaner left in the body: one short unpunctuated line before prose.

    With ``questions``, a short question line ("Where is this going?") counts too.
    """
    text = paragraphs[i].text.strip()
    question = questions and text.endswith("?") and len(text.split()) >= R.HEADING_QUESTION_MIN_WORDS
    if "\n" in text or not text[:1].isupper() or (text[-1:] in ".!?:;,\"”’)" and not question):
        return False
    if question and re.search(r"[.!?;:\"“”]", text[:-1]):
        return False  # a question inside a longer utterance or a quotation, not a heading
    if len(text.split()) > R.HEADING_MAX_WORDS or re.search(r"\d:\d", text):
        return False
    follow = [p.text for p in paragraphs[i + 1 : i + 3]]
    if follow and len(follow[0].split()) >= R.HEADING_FOLLOWER_MIN_WORDS:
        return True
    # a short one-sentence lead after the heading, then more prose, is still the body
    return (
        len(follow) == 2
        and follow[0].rstrip()[-1:] in ".!?”\""
        and sum(len(t.split()) for t in follow) >= 2 * R.HEADING_FOLLOWER_MIN_WORDS
    )


@dataclass(frozen=True)
class _Turn:
    """A speaker's turn: paragraphs [start, end) in a row."""

    start: int
    end: int
    speaker: str


def _turn_starts(paragraphs: tuple[Paragraph, ...], speakers: tuple[str | None, ...]) -> tuple[int, ...]:
    """Where speaker turns open areas; one-line handovers join a neighbour."""
    turns: list[_Turn] = []
    for i, spk in enumerate(speakers):
        if spk is None:
            continue
        if turns and turns[-1].speaker == spk and turns[-1].end == i:
            turns[-1] = _Turn(turns[-1].start, i + 1, spk)
        else:
            turns.append(_Turn(i, i + 1, spk))
    if len(turns) < 2:
        return ()
    out: list[int] = []
    carried = False  # the previous short turn introduced this one and already opened it
    for k, t in enumerate(turns):
        nxt = turns[k + 1] if k + 1 < len(turns) else None
        prev = turns[k - 1] if k else None
        if carried:
            carried = False
        elif prev and is_questioner(prev.speaker) and not is_questioner(t.speaker):
            pass  # an answer belongs with the question it answers
        elif k >= 2 and _interjection(paragraphs, turns[k - 2], prev, t):
            pass  # "It's important." from someone else does not end the remarks it interrupts
        elif _is_short_turn(paragraphs, t) and not is_questioner(t.speaker):
            if nxt and _mentions(paragraphs[t.start].text, nxt.speaker):
                out.append(t.start)  # "Prime Minister X." opens X's remarks
                carried = True
            elif k == 0:
                out.append(t.start)
        elif k and not is_questioner(t.speaker):
            out.append(_after_lead_in(paragraphs, t))
        else:
            out.append(t.start)
    if out and out[0] > 0 and _words(paragraphs[: out[0]]) < R.SHORT_PREAMBLE_WORDS:
        out = out[1:]  # a room-and-time preamble belongs with the first turn
    return tuple(i for i in out if i > 0)


def _interjection(paragraphs: tuple[Paragraph, ...], before: _Turn, short: _Turn, after: _Turn) -> bool:
    """Whether ``short`` is a one-liner dropped into remarks that ``after`` resumes."""
    return (
        before.speaker == after.speaker
        and _is_short_turn(paragraphs, short)
        and not is_questioner(short.speaker)
        and not _is_short_turn(paragraphs, before)
    )


def _after_lead_in(paragraphs: tuple[Paragraph, ...], t: _Turn) -> int:
    """Where a turn's remarks begin: after opening one-liners ("Thank you.") if any.

    An exchange of thanks at a handover belongs with the remarks it closes; the next
    speaker's area starts at their first paragraph of substance.
    """
    i = t.start
    while i < t.end - 1 and _short_text(paragraphs[i].text):
        i += 1
    return i


def _short_text(text: str) -> bool:
    """Whether a paragraph, its label aside, is a handover line ("Thank you.")."""
    return len(without_label(text).split()) <= R.SHORT_TURN_WORDS


def _answer_start(paragraphs: tuple[Paragraph, ...], i: int) -> bool:
    """Whether paragraph ``i`` opens an answer: the paragraph before it was a question."""
    return 0 < i < len(paragraphs) and is_questioner(paragraphs[i - 1].speaker) \
        and not is_questioner(paragraphs[i].speaker)


def _is_short_turn(paragraphs: tuple[Paragraph, ...], t: _Turn) -> bool:
    """Whether a turn is one short paragraph."""
    text = without_label(paragraphs[t.start].text)
    return t.end - t.start == 1 and len(text.split()) <= R.SHORT_TURN_WORDS


def _mentions(text: str, speaker: str) -> bool:
    """Whether ``text`` names the speaker by the last word of their label."""
    name = speaker.split()[-1].strip(".").lower() if speaker.split() else ""
    return len(name) >= 3 and re.search(rf"\b{re.escape(name)}\b", text.lower()) is not None


def _words(paragraphs: tuple[Paragraph, ...]) -> int:
    """How many words the paragraphs hold."""
    return sum(len(p.text.split()) for p in paragraphs)


def _soft_starts(
    paragraphs: tuple[Paragraph, ...],
    bags: tuple[Counter, ...],
    a: int,
    b: int,
    *,
    first: bool,
    transcript: bool,
    structured: bool,
    spoken: bool = False,
) -> dict[int, int]:
    """Starts inside the hard run [a, b): cues, the introduction, cohesion dips."""
    out: dict[int, int] = {}
    intro_run = R.COHESION_MIN_RUN if structured else R.INTRO_MIN_RUN
    # a speech opens with greetings, not a lede, so it has no introduction of its own
    if first and not transcript and not spoken and not paragraphs[0].heading and b - a >= intro_run:
        end = a + 1
        # "However, ..." or "This ..." after the lede still belongs to the introduction
        while end < min(a + 3, b - 2) and _continues(paragraphs[end]):
            end += 1
        out[end] = INTRO
    cues = {i: m for i in range(a + 1, b) if (m := _strong_cue(paragraphs[i].text))}
    for i, m in cues.items():
        # "The first was social." then "The second was institutional.": a bare ordinal item
        # of one paragraph, next to another, is a list inside a theme, not a theme of its own
        bare_item = m.re is R.STRONG_CUES[R.BARE_ORDINAL_CUE]
        if not (bare_item and (i - 1 in cues or i + 1 in cues)):
            out[i] = CUE
    if transcript:
        # A speaker's turn is one unit of remarks; only a long one is cut, at a clear change.
        for g in _cohesion_splits(paragraphs, bags, a, b, R.TURN_FORCE_RUN, R.TURN_WALL_RUN, R.TURN_MIN_DEPTH):
            out.setdefault(g, COHESION)
        return out
    edges = sorted({a, b, *out})
    for lo, hi in zip(edges, edges[1:]):
        weak = [i for i in range(lo + 2, hi) if _weak_cue(paragraphs[i].text)]
        if not weak:
            continue
        sims = _gap_sims(bags, lo, hi)
        mean = sum(sims) / len(sims)
        for i in weak:
            # A weak cue counts only where the text also moves on (cohesion not above average).
            if sims[i - lo - 1] <= mean:
                out[i] = WEAK_CUE
    edges = sorted({a, b, *out})
    for lo, hi in zip(edges, edges[1:]):
        min_run = R.COHESION_FORCE_RUN if structured else R.COHESION_MIN_RUN
        for g in _cohesion_splits(paragraphs, bags, lo, hi, min_run, R.COHESION_FORCE_RUN):
            out[g] = COHESION
    return out


def _continues(p: Paragraph) -> bool:
    """Whether a paragraph opens by continuing the previous one ("However, ...", "This ...")."""
    first = p.text.split(None, 1)[:1]
    return bool(first) and bare(first[0]) in R.CONTINUATION_STARTS


def _strong_cue(text: str) -> re.Match | None:
    """The strong cue opening ``text``, if it opens with one."""
    head = text.lstrip()[:200]
    for pattern in R.STRONG_CUES:
        m = pattern.match(head)
        if m:
            return m
    return None


def _weak_cue(text: str) -> bool:
    """Whether ``text`` opens with a weak cue ("Finally, ...")."""
    head = text.lstrip()[:200]
    return any(p.match(head) for p in R.WEAK_CUES)


def _gap_sims(bags: tuple[Counter, ...], a: int, b: int) -> list[float]:
    """Cosine similarity across each gap inside [a, b), windows clipped to the run.

    A window's vector is the sum of its paragraphs' bags, so every dot product is a sum of
    paragraph-pair dot products; each pair is computed once, keeping this linear in n.
    """
    k = R.COHESION_WINDOW
    pair: dict[tuple[int, int], int] = {}

    def dot(i: int, j: int) -> int:
        if (i, j) not in pair:
            x, y = (bags[i], bags[j]) if len(bags[i]) <= len(bags[j]) else (bags[j], bags[i])
            pair[(i, j)] = sum(v * y[w] for w, v in x.items() if w in y)
        return pair[(i, j)]

    def norm_sq(window: range) -> int:
        return sum(dot(i, j) * (1 if i == j else 2) for i in window for j in range(i, window.stop))

    out = []
    for g in range(a + 1, b):
        left, right = range(max(a, g - k), g), range(g, min(b, g + k))
        cross = sum(dot(i, j) for i in left for j in right)
        norms = norm_sq(left) * norm_sq(right)
        out.append(cross / math.sqrt(norms) if norms else 0.0)
    return out


def _depths(sims: list[float]) -> list[float]:
    """TextTiling depth: how far each gap's similarity falls below the peaks either side.

    The peak on each side is where the similarity stops rising; computed in one sweep
    each way, so a long flat run (all zeros) stays linear.
    """
    n = len(sims)
    left, right = list(sims), list(sims)
    for i in range(1, n):
        if sims[i - 1] >= sims[i]:
            left[i] = left[i - 1]
    for i in range(n - 2, -1, -1):
        if sims[i + 1] >= sims[i]:
            right[i] = right[i + 1]
    return [(left[i] - s) + (right[i] - s) for i, s in enumerate(sims)]


def _cohesion_splits(
    paragraphs: tuple[Paragraph, ...],
    bags: tuple[Counter, ...],
    a: int,
    b: int,
    min_run: int,
    force_run: int,
    min_depth: float = R.COHESION_MIN_DEPTH,
) -> list[int]:
    """Cut [a, b) at its deepest cohesion dips, deepest first, while pieces stay long.

    A dip is taken when the piece it falls in is at least ``min_run`` paragraphs long and
    the dip is clear (``min_depth``), or the piece is ``force_run`` long anyway;
    neither side may keep fewer than ``COHESION_MIN_SIDE`` real paragraphs. One pass over the gaps,
    so a huge unmarked article is cut in n log n time.
    """
    side = R.COHESION_MIN_SIDE
    if b - a < min_run or b - a < 2 * side:
        return []
    sims = _gap_sims(bags, a, b)
    depths = [
        d * (R.CONTINUATION_DEPTH_FACTOR if _continues(paragraphs[a + 1 + j]) else 1.0)
        for j, d in enumerate(_depths(sims))
    ]
    # sides are counted in paragraphs of substance: "Thank you." lines at a handover
    # would otherwise make two real paragraphs look like an area of their own
    real = [0]
    for p in paragraphs[a:b]:
        real.append(real[-1] + (len(p.text.split()) >= R.SIDE_MIN_WORDS))
    cuts = [a, b]
    for j in sorted(range(len(sims)), key=lambda j: (-round(depths[j], 6), sims[j], j)):
        g = a + 1 + j
        k = bisect.bisect_left(cuts, g)
        lo, hi = cuts[k - 1], cuts[k]
        if hi - lo < min_run or real[g - a] - real[lo - a] < side or real[hi - a] - real[g - a] < side:
            continue
        if _answer_start(paragraphs, g):
            continue  # an answer stays with the question it answers
        if depths[j] < min_depth and hi - lo < force_run:
            continue
        cuts.insert(k, g)
    return cuts[1:-1]


def _cap_spoken(
    starts: dict[int, int], paragraphs: tuple[Paragraph, ...], bags: tuple[Counter, ...], hard_edges: list[int]
) -> dict[int, int]:
    """At most one area per ``SPOKEN_PARAS_PER_AREA`` paragraphs of spoken text.

    Headings, speaker turns and strong cues always stay; the unmarked splits kept are
    the stronger kinds first, then the deepest cohesion dips (depth measured across the
    hard run the split falls in, as ``_cohesion_splits`` measures it).
    """
    limit = max(1, math.ceil(len(paragraphs) / R.SPOKEN_PARAS_PER_AREA))
    hard = {i: k for i, k in starts.items() if k >= CUE or i == 0}
    soft = [i for i in starts if i not in hard]
    if len(starts) <= limit or not soft:
        return starts
    depth: dict[int, float] = {}
    for a, b in zip(hard_edges, hard_edges[1:]):
        inside = [i for i in soft if a < i < b]
        if inside:
            dips = _depths(_gap_sims(bags, a, b))
            for i in inside:
                factor = R.CONTINUATION_DEPTH_FACTOR if _continues(paragraphs[i]) else 1.0
                depth[i] = dips[i - a - 1] * factor
    kept = sorted(soft, key=lambda i: (-starts[i], -round(depth.get(i, 0.0), 6), i))[: max(0, limit - len(hard))]
    return {i: starts[i] for i in sorted([*hard, *kept])}


def _cap_areas(starts: dict[int, int], paragraphs: tuple[Paragraph, ...]) -> dict[int, int]:
    """Keep only the strongest boundaries when there are more areas than a briefing can hold.

    A chapter heading always stays: an area never crosses into the next chapter, and a
    report with chapters may hold one area per ``WORDS_PER_AREA`` words. Otherwise stronger
    kinds win; among equals, the boundary between the longer neighbouring runs (the more
    substantial split) is kept. One sort, so a huge article stays fast.
    """
    n = len(paragraphs)
    chapters = {i for i in range(1, n) if paragraphs[i].chapter != paragraphs[i - 1].chapter}
    limit = R.MAX_AREAS
    if chapters:
        limit = max(limit, len(chapters) + 1, sum(len(p.text.split()) for p in paragraphs) // R.WORDS_PER_AREA)
    if len(starts) <= limit:
        return starts
    edges = sorted(starts) + [n]
    span = {edges[k]: edges[k + 1] - edges[k - 1] for k in range(1, len(edges) - 1)}
    kept = sorted(span, key=lambda i: (i not in chapters, -starts[i], -span[i], i))[: limit - 1]
    return {0: starts[0], **{i: starts[i] for i in sorted(kept)}}
