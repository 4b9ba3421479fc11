"""Titles: what each friction area is called, and a slug no other area of the article has.

A title comes from the area's heading, the cue sentence that opens it ("Another
potential area of friction is in the Arctic." -> "The Arctic"), the speaker whose turn
it is ("Remarks by Prime Minister X"), the question of a Q&A exchange, or a short noun
phrase: the subject of the opening sentence when it is specific, else the phrase the
area keeps repeating, else its most characteristic names. Rules live as data in
``rules.areas``.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from briefgen.analysis import lexicon as L
from briefgen.analysis.boundaries import HEADING, LABEL, SPEAKER, run_in_label
from briefgen.analysis.features import NAME_RUN, POSSESSIVE, WORD, Article, ParagraphFeatures, bare, content_words, stem, topic_stem
from briefgen.analysis.rules import areas as R
from briefgen.analysis.speakers import is_questioner, readable_speaker, without_label
from briefgen.model import Paragraph, Section


def slugify(text: str) -> str:
    """A lowercase, path-safe slug of at most 60 characters."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = re.sub(r"(\w)['’](\w)", r"\1\2", folded)  # "Taiwan's" -> "taiwans", not "taiwan-s"
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug[:60].rstrip("-") or "area"


def title_areas(article: Article, starts: dict[int, int]) -> tuple[Section, ...]:
    """The areas that open at ``starts``, each with a title and a slug no other area has."""
    features = article.paragraphs
    paragraphs = tuple(f.paragraph for f in features)
    speakers = article.speakers
    edges = sorted(starts) + [len(paragraphs)]
    words = Counter()
    for f in features:
        words.update(f.bag)
    # every sentence's topic phrases, read once for the article's counts and each area's
    phrases = tuple(tuple(_sentence_phrases(s.text) for s in p.sentences or (p,)) for p in paragraphs)
    article_phrases = _phrase_counts(phrases)
    sections: list[Section] = []
    titles: set[str] = set()
    slugs: set[str] = set()
    remarked: set[str] = set()
    for a, b in zip(edges, edges[1:]):
        run = paragraphs[a:b]
        area = Counter()
        for f in features[a:b]:
            area.update(f.bag)
        before = paragraphs[a - 1].heading if a else None
        # one speaker's turn cut into several areas: each part also says what it is about
        split = b < len(paragraphs) and starts[b] < SPEAKER and speakers[b] is not None and speakers[b] == speakers[a]
        topics = _Topics(area, words, _phrase_counts(phrases[a:b]), article_phrases, _surfaces(phrases[a:b]),
                         features[a:b], phrases[a:b])
        title = _title(run, speakers[a:b], starts[a], a == 0, topics, remarked, before, split)
        voice, sep, _ = title.partition(R.REMARKS_TOPIC_SEPARATOR)
        if sep and voice.startswith("Remarks by ") and title.lower() in titles:
            title = "Further remarks by " + voice[len("Remarks by "):]  # the topic says nothing new
        title = _unique(title, titles, lambda t, n: f"{t} ({n})")
        slug = _unique(slugify(title), slugs, lambda s, n: f"{s[:56]}-{n}")
        titles.add(title.lower())
        slugs.add(slug)
        sections.append(Section(title, slug, tuple(p.id for p in run)))
    return tuple(sections)


def _unique(value: str, used: set[str], variant: Callable[[str, int], str]) -> str:
    """``value``, or its first variant not in ``used`` (compared lower case)."""
    out, n = value, 2
    while out.lower() in used:
        out, n = variant(value, n), n + 1
    return out


@dataclass(frozen=True)
class _Topics:
    """What a title is chosen from: the area's and the article's words and phrases."""

    area: Counter
    article: Counter
    area_phrases: Counter
    article_phrases: Counter
    surfaces: dict  # phrase key -> its first wording in the area
    features: tuple[ParagraphFeatures, ...]  # the area's paragraphs
    phrases: tuple  # each of the area's paragraphs: each sentence's phrases (_sentence_phrases)


def _title(
    run: tuple[Paragraph, ...],
    speakers: tuple[str | None, ...],
    kind: int,
    first: bool,
    topics: _Topics,
    remarked: set[str],
    heading_before: str | None = None,
    split: bool = False,
) -> str:
    """The title of one area, from the strongest source it has."""
    lead = run[0]
    question = lead.text.rstrip().endswith("?") and len(lead.text.split()) <= R.HEADING_MAX_WORDS
    if kind == HEADING and question and (not lead.heading or lead.heading == heading_before):
        return _clean_heading(lead.text)  # a question subheading in the body, under an earlier heading
    if lead.heading:
        return _clean_heading(lead.heading)
    if kind == HEADING:  # a heading-shaped paragraph left in the body
        return _clean_heading(lead.text)
    label = run_in_label(lead.text) if kind == LABEL else None
    if label:
        return _clean_heading(label)
    if not first and speakers and is_questioner(speakers[0]):
        # what was asked names the exchange: topic words of the question, weighed by the answer
        questions = [k for k, spk in enumerate(speakers) if is_questioner(spk)]
        asked = {w for k in questions for w in topics.features[k].bag}
        # a phrase the question names and the answer takes up ("climate change") says
        # best what was asked; failing that, the question's words weighed by the answer
        topic = _keyword_title(topics, asked)
        if not topic or _weak_title(topic):
            # "Q&A: Country" names nothing: a phrase the question names and the answer
            # takes up ("filibuster rule") is tried next, then the exchange's own words
            asked_phrases = _phrase_counts(tuple(topics.phrases[k] for k in questions))
            topic = _recurring_title(topics, asked_phrases) or topic or _keyword_title(topics)
        return R.QA_TITLE_PREFIX + topic if topic else R.QA_TITLE
    speaker = _main_speaker(run, speakers)
    if speaker and speaker.upper().rstrip(".") not in R.NON_PERSON_SPEAKERS:
        name = readable_speaker(speaker)
        if kind == SPEAKER or first:
            if name.startswith("The "):
                name = "the " + name[4:]  # "Remarks by the President", as a heading reads
            if name.lower() not in remarked:
                remarked.add(name.lower())
                return _remarks(f"Remarks by {name}", run, topics) if split else f"Remarks by {name}"
            return f"Further remarks by {name}"
        # a theme inside one speaker's remarks, opened by a cue or a cohesion dip
        if name.startswith("The "):
            name = "the " + name[4:]
        topic = _cue_title(lead) or _topic_title(run, topics, speech=True)
        voiced = _remarks(f"Remarks by {name}", run, topics, topic)
        return voiced if voiced != f"Remarks by {name}" else topic or f"Further remarks by {name}"
    if first and not speaker:
        return R.INTRO_TITLE
    # "Overview" is the opening area's name only; a later area with no usable phrase is
    # named by the words it uses most, relative to the rest of the article.
    return _cue_title(lead) or _topic_title(run, topics) or _keyword_title(topics) or R.INTRO_TITLE


def _remarks(voice: str, run: tuple[Paragraph, ...], topics: _Topics, topic: str | None = None) -> str:
    """'Remarks by the President: vaccine supply' when a topic fits the title length."""
    topic = topic or _topic_title(run, topics, speech=True)
    if not topic:
        return voice
    words = topic.split()
    if bare(words[0]) in R.DETERMINERS or not (_is_name_word(words[0], run) or any(w[:1].isupper() for w in words[1:])):
        topic = topic[:1].lower() + topic[1:]  # sentence case after the colon
    title = voice + R.REMARKS_TOPIC_SEPARATOR + topic
    return title if len(title.split()) <= R.TITLE_MAX_WORDS else voice


def _is_name_word(word: str, run: tuple[Paragraph, ...]) -> bool:
    """Whether a capitalised word is a name: the run never writes it in lower case."""
    low = word.lower()
    if word == low:
        return False
    return re.search(rf"(?<![\w’'-]){re.escape(low)}(?![\w’'-])", " ".join(p.text for p in run)) is None


def _topic_title(run: tuple[Paragraph, ...], topics: _Topics, speech: bool = False) -> str | None:
    """The area's topic: the opening's subject phrase when it is specific, else a phrase it repeats.

    The subject of the opening sentence states the theme in an analysis ("Tensions
    between X and Y flared ..."), but in a speech it is often a frame ("A big part of the
    reason"), a bare noun ("History") or an address. Such a phrase gives way to the
    phrase the area's sentences keep sharing ("export controls"), then to its key names.
    Inside a ``speech`` turn, names pulled out of longer ones ("United" of "United
    States") read worse than "Remarks by X" alone, so only phrases are used.
    """
    phrase = _phrase_title(run, topics.area, topics.article)
    if phrase and not _weak_title(phrase, run) and _distinctive(phrase, topics):
        keywords = None if speech else _keyword_title(topics)
        # the area's own names, when they set it apart far more than the subject does
        # ("NATO" in the paragraphs about NATO, under "Sino-Russian cooperation")
        if keywords and not _weak_title(keywords, run) and \
                _salience(keywords, topics) >= R.NAMES_OVER_SUBJECT * _salience(phrase, topics):
            return keywords
        return phrase
    recurring = _recurring_title(topics)
    if recurring:
        return recurring
    if phrase and not _weak_title(phrase, run) and not speech:
        # a subject the whole article shares ("the United States") says less than the
        # names this area has to itself, when it has some
        keywords = _keyword_title(topics)
        return keywords if keywords and not _weak_title(keywords, run) and _distinctive(keywords, topics) else phrase
    if phrase and not _weak_title(phrase, run):
        return phrase
    if phrase and len(phrase.split()) <= 2:
        wider = _with_modifier(phrase, run, topics)
        if wider and not _weak_title(wider, run):
            return wider
    if speech:
        return None
    keywords = _keyword_title(topics)
    if keywords and not _weak_title(keywords, run):
        return keywords
    return phrase if phrase and not _weak_title(phrase, strict=True) else keywords


# Where a phrase cannot run on: punctuation other than hyphens and apostrophes, and dashes.
_PHRASE_SPLIT = re.compile(r"[^\w\s’'-]+|\s[-–—]+\s|[–—]|\s-\s")
_PHRASE_WORD = re.compile(r"[^\W\d_][\w’'-]*")
# Words a topic phrase never contains: function words, verbs that end a subject, the
# speaker's voice, pointers back, filler, forms of address and courtesies.
_PHRASE_BREAK = (
    L.STOP_WORDS | R.PHRASE_BREAKERS | L.SPEAKER_VOICE_WORDS | L.DANGLING_STARTS
    | L.SPOKEN_FILLER | R.ADDRESS_WORDS | L.PHATIC_WORDS
    | frozenset("themselves ourselves yourselves himself herself itself myself".split())
)


def _sentence_phrases(text: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """Each distinct 2-4-word content phrase of one sentence: (stemmed key, surface)."""
    out: dict[tuple[str, ...], str] = {}
    for piece in _PHRASE_SPLIT.split(text):
        chunk: list[str] = []
        for w in [*piece.split(), ""]:
            low = w.lower()
            word = _PHRASE_WORD.fullmatch(w) is not None
            contracted = word and _CONTRACTED_VERB.search(low) is not None or low.endswith(("n’t", "n't"))
            if word and not contracted and low not in _PHRASE_BREAK:
                chunk.append(w)
                if not POSSESSIVE.search(low) or low.endswith(("ss", "us", "is")):
                    continue
            if len(chunk) >= 2:
                _add_phrases(chunk, out)
            chunk = []
    return tuple(out.items())


def _add_phrases(chunk: list[str], out: dict[tuple[str, ...], str]) -> None:
    """Each 2-4-word run of ``chunk`` (content words in a row) that can name a topic, into ``out``.

    A run can name a topic unless a lower-case "-ly/-ing/-ed" word stands at an edge
    (without a parser it is a verb or adverb: "keep coming"), it ends in a possessive
    whose noun is cut off ("the Finns’"), or all its words are generic. The key is the
    words lower case without possessives, the last one stemmed.
    """
    lows = [w.lower() for w in chunk]
    keys = [POSSESSIVE.sub("", w) for w in lows]
    last = [stem(k) for k in keys]
    edge = [not (w.islower() and w.endswith(("ly", "ing", "ed"))) for w in chunk]
    cut = [POSSESSIVE.search(w) is not None and not low.endswith(("ss", "us", "is")) for w, low in zip(chunk, lows)]
    generic = [low in R.GENERIC_TITLE_WORDS for low in lows]
    short = [len(w) <= 1 for w in chunk]
    for n in range(2, R.PHRASE_MAX_WORDS + 1):
        for i in range(len(chunk) - n + 1):
            j = i + n - 1
            if edge[i] and edge[j] and not cut[j] and not all(generic[i:j + 1]) and not any(short[i:j + 1]):
                out.setdefault((*keys[i:j], last[j]), " ".join(chunk[i:j + 1]))


def _phrase_counts(phrases: tuple) -> Counter:
    """How many sentences each content phrase occurs in (keys stemmed, with ``_surfaces``).

    ``phrases`` holds, for each paragraph, each sentence's ``_sentence_phrases``.
    """
    out: Counter = Counter()
    for paragraph in phrases:
        for sentence in paragraph:
            out.update(k for k, _ in sentence)
    return out


def _surfaces(phrases: tuple) -> dict[tuple[str, ...], str]:
    """Each phrase key's first wording in ``phrases`` (laid out as for ``_phrase_counts``)."""
    out: dict[tuple[str, ...], str] = {}
    for paragraph in phrases:
        for sentence in paragraph:
            for k, surface in sentence:
                out.setdefault(k, surface)
    return out


def _recurring_title(topics: _Topics, within: Counter | None = None, run: tuple[Paragraph, ...] = ()) -> str | None:
    """The phrase the area's sentences keep sharing, most characteristic of it first.

    A phrase counts when it recurs in ``PHRASE_MIN_SENTENCES`` sentences of the area (and,
    with ``within``, also occurs there, e.g. in the question of a Q&A). It is scored by
    how much of its use falls in this area, so "United States" in every part of a speech
    loses to "export controls" said only here; longer phrases are a little preferred.
    """
    pool = [
        k for k, n in topics.area_phrases.items()
        if n >= R.PHRASE_MIN_SENTENCES and n >= R.PHRASE_MIN_SHARE * topics.article_phrases[k]
        and (within is None or within[k])
    ]
    if not pool:
        return None

    def score(k: tuple[str, ...]) -> tuple[float, int, tuple[str, ...]]:
        n = topics.area_phrases[k]
        return (-(n * n / topics.article_phrases[k]) * (1 + 0.25 * (len(k) - 2)), -len(k), k)

    best = min(pool, key=score)
    surface = topics.surfaces.get(best) if topics.surfaces else None
    return _tidy_phrase((surface or " ".join(best)).split())


def _salience(title: str, topics: _Topics) -> float:
    """How much a title's most characteristic word belongs to this area: its uses here, squared, over its uses in all."""
    return max((topics.area[w] ** 2 / topics.article[w] for w in content_words(title) if topics.article[w]), default=0.0)


def _distinctive(title: str, topics: _Topics) -> bool:
    """Whether a title names something this area has to itself, not what the whole article is about.

    Some word of it must have at least ``DISTINCT_MIN_SHARE`` of its uses in the article
    inside this area; "United States" in every part of a release names none of them.
    """
    words = content_words(title)
    return not words or any(topics.area[w] >= 2 and topics.area[w] / topics.article[w] >= R.DISTINCT_MIN_SHARE
                            for w in words)


def _weak_title(title: str, run: tuple[Paragraph, ...] = (), strict: bool = False) -> bool:
    """Whether a title names nothing a briefing reader could use as a heading.

    Weak: a lone generic noun ("History", "The military"), a frame ("A big part of the
    reason"), a greeting ("Good afternoon"), a participle opening ("Touched by the
    hands"), a bare form of address ("President X"), or a possessive cut off ("The
    Finns’"). With ``strict``, only titles that are never acceptable count.
    """
    words = [w for w in title.split() if bare(w) not in R.DETERMINERS]
    if not words:
        return True
    plain = [bare(w) for w in words]
    if any(b in L.PHATIC_WORDS for b in plain) or (POSSESSIVE.search(words[-1]) and words[-1][-1] in "’'"):
        return True
    if any(b in R.FRAME_NOUNS and nxt == "of" for b, nxt in zip(plain, plain[1:] + [""])):
        return True
    if plain[0] in R.ADDRESS_WORDS and all(w[:1].isupper() for w in words):
        return True  # "President Niinistö": the person addressed, not a topic
    if all(b in R.CUE_WORDS for b in plain):
        return True  # "Another factor", "The second issue": the cue, not its theme
    if any(w.endswith(("-", "—", "–")) for w in words):
        return True  # "One year in-": a spoken false start
    if strict:
        return False
    if len(words) == 1 and (plain[0] in R.GENERIC_SINGLE_TITLES or plain[0] in R.GENERIC_TITLE_WORDS):
        return True
    if len(words) == 1 and run and not _is_name_word(words[0], run):
        return True  # one common noun ("Doubts", "Please") says too little; a name may do
    # "Touched by the hands", "Making sure": a participle opening is a clause, not a
    # topic; a longer gerund phrase ("Providing an uncertainty estimate") can be one
    return len(plain[0]) > 5 and (plain[0].endswith("ed") or (plain[0].endswith("ing") and len(words) <= 2))


def _with_modifier(phrase: str, run: tuple[Paragraph, ...], topics: _Topics) -> str | None:
    """A bare head noun with the modifier the area gives it: "The military" -> "Burmese military"."""
    head = bare(phrase.split()[-1])
    best: tuple[int, str] | None = None
    for k, surface in sorted(topics.surfaces.items()):
        if len(k) == 2 and stem(head) == k[-1] and k[0] not in R.DETERMINERS and topics.area_phrases[k]:
            n = topics.area_phrases[k]
            if best is None or n > best[0]:
                best = (n, surface)
    return _tidy_phrase(best[1].split()) if best else None


def _clean_heading(text: str) -> str:
    """A heading as a title: one line, no footnote mark or closing punctuation, short enough to read.

    A heading over ``HEADING_TITLE_MAX_WORDS`` words is cut where a clause or apposition
    starts (a comma, colon, dash or bracket), else at that many words; it never ends on a
    function word; a heading whole keeps its own last word.
    """
    words = " ".join(text.split()).strip(" *").rstrip(" .:;,").split(" ")
    words[-1] = R.FOOTNOTE_MARK.sub("", words[-1])  # "Lebanon29": the note number stuck to it
    if len(words) > R.HEADING_TITLE_MAX_WORDS:
        cut = next((j for j in range(R.HEADING_TITLE_MIN_WORDS, R.HEADING_TITLE_MAX_WORDS + 1)
                    if words[j - 1][-1:] in ",;:" or words[j] in ("—", "–", "-") or words[j][:1] == "("), None)
        words = words[: cut or R.HEADING_TITLE_MAX_WORDS]
        words[-1] = words[-1].rstrip(",;:")
        # a cut never ends on a function word; a whole heading keeps the author's last
        # word ("Been there, seen that")
        while len(words) > 1 and bare(words[-1]) in R.TITLE_BAD_ENDS:
            words = words[:-1]
    return _balanced(" ".join(words)) or R.INTRO_TITLE


def _main_speaker(run: tuple[Paragraph, ...], speakers: tuple[str | None, ...]) -> str | None:
    """The speaker with the most words in the run (a handover line does not count)."""
    count: Counter = Counter()
    order: dict[str, int] = {}
    for p, spk in zip(run, speakers):
        if spk:
            count[spk] += len(p.text.split())
            order.setdefault(spk, len(order))
    if not count:
        return None
    return max(count, key=lambda s: (count[s], -order[s]))


def _cue_title(lead: Paragraph) -> str | None:
    """The theme a cue sentence names: 'Another area of friction is in the Arctic.' -> 'The Arctic'."""
    text = _first_sentence(lead).lstrip()
    head = text[:200]
    for pattern in R.STRONG_CUES:  # "The first concerns pricing" fits two: try each
        m = pattern.match(head)
        title = _cue_theme(m, text[m.end():][:300]) if m else None
        if title:
            return title
    return None


def _cue_theme(m: re.Match, rest: str) -> str | None:
    """The theme named after a cue's noun (``m``) in the rest of its sentence."""
    c = R.CUE_COMPLEMENT.match(rest)
    if c:
        theme = c.group("theme")
    elif m.group(0)[-1:].isspace() and rest.strip():
        theme = rest  # the cue already took the verb: "The first concerns | pricing."
    elif ": " in rest:
        theme = rest.rsplit(": ", 1)[1]  # "Another factor weighs more ...: the public's need for security."
    else:
        return None
    if bare(theme.split()[0]) in {"that", "whether", "how"}:
        # "... is that Russia and China compete over X": the clause's subject is the theme
        return _noun_phrase(theme.split(None, 1)[1] if len(theme.split()) > 1 else "")
    theme = re.split(r"[,;:()—–]|\s(?:which|where|that|as|because|while|since|and\s+(?:is|are|was|were))\s", theme)[0]
    return _tidy_phrase(theme.split())


def _phrase_title(run: tuple[Paragraph, ...], area: Counter, article: Counter) -> str | None:
    """A short noun phrase from the opening sentence that best says what the area is about."""
    candidates: list[tuple[float, int, str]] = []
    sentences = [_first_sentence(p) for p in run[:4]]
    if run[0].sentences[1:2]:
        sentences.insert(1, run[0].sentences[1].text)
    # in speeches many openers are in the speaker's voice; later paragraphs are a reserve
    reserve = [_first_sentence(p) for p in run[4:10]]
    for pos, sentence in enumerate(sentences + reserve):
        if pos >= len(sentences) and candidates:
            break
        phrase = _noun_phrase(sentence)
        if not phrase or any(bare(w) in L.SPEAKER_VOICE_WORDS for w in phrase.split()):
            continue
        words = content_words(phrase)
        if not words:
            continue
        # Words this area uses much more than the rest of the article say what it is about.
        salience = sum(area[w] * area[w] / article[w] for w in words if article[w]) / math.sqrt(len(words))
        size = len(phrase.split())
        shape = 0.5 if size == 1 else 1.0 if size <= 6 else 0.8  # one bare word says too little
        # earlier sentences state the theme; later ones add detail
        candidates.append((salience * shape / (1 + 0.5 * pos), -pos, phrase))
    if not candidates:
        return None
    return max(candidates)[2]


def _keyword_title(topics: _Topics, only: set[str] | None = None) -> str | None:
    """'Ukraine and Javelins': the area's most characteristic names, as written.

    Names (capitalised inside a sentence) are preferred, since without a parser a bare
    lower-case word may as well be a verb; failing names, the single top word is used.
    """
    surface: dict[str, str] = {}
    names: set[str] = set()
    nouns: set[str] = set()
    whole: dict[str, Counter] = {}  # stem -> the whole capitalised names it was part of
    area, article = topics.area, topics.article
    stems: dict[str, str | None] = {}
    for f in topics.features:
        p = f.paragraph
        runs = [(r.start(), r.end(), _whole_name(r.group(0))) for r in NAME_RUN.finditer(p.text)]
        starts = [r[0] for r in runs]
        for m in WORD.finditer(p.text):
            word = m.group(0)
            key = stems[word] if word in stems else stems.setdefault(word, topic_stem(word))
            if not key:
                continue
            before = p.text[: m.start()].rstrip()
            mid_sentence = bool(before) and before[-1] not in ".!?:“\"—"
            if word[:1].isupper() and mid_sentence:
                names.add(key)
                surface[key] = POSSESSIVE.sub("", word)
                k = bisect.bisect_right(starts, m.start()) - 1
                inside = k >= 0 and runs[k][1] >= m.end() and runs[k][2] and word in runs[k][2].split()
                whole.setdefault(key, Counter())[runs[k][2] if inside else surface[key]] += 1
            else:
                surface.setdefault(key, word.lower())
                prev = before.rsplit(None, 1)[-1].lower() if before else ""
                after = p.text[m.end():m.end() + 30]
                nxt = after.split(None, 1)[0].lower() if after[:1].isspace() and after.split() else ""
                if prev in R.DETERMINERS and (not nxt or nxt in L.STOP_WORDS):
                    # "the border in", "these families.": a determiner opens the noun phrase
                    # and the word ends it ("a decent man" is an adjective, not a theme)
                    nouns.add(key)
    usable = [w for w in area if w in surface and area[w] >= 2 and len(w) >= 4
              and w not in L.SPEAKER_VOICE_WORDS and w not in R.GENERIC_TITLE_WORDS
              and (only is None or w in only)]
    # a lower-case "-ing" or "-ed" word is more often a verb ("coming", "allowed") than a theme
    pool = [w for w in usable if w in names] or [w for w in usable if w in nouns and not w.endswith(R.VERB_LIKE_ENDINGS)]
    # a name is titled by the whole name it stands in ("United" -> "United States"), and a
    # nationality word standing alone ("Americans") names a people, not a theme
    for w in pool:
        if w in whole:
            surface[w] = min(whole[w].items(), key=lambda kv: (-kv[1], kv[0]))[0]
    pool = [w for w in pool if not (w in names and _demonym(surface[w]))]
    ranked = sorted(pool, key=lambda w: (-(area[w] * area[w] / article[w]), -area[w], w))[: 2 if pool and pool[0] in names else 1]
    # a second name joins the first only when it is nearly as characteristic of the area
    # (and is written as that name twice: "nations" in prose is no "United Nations Security Council")
    ranked = ranked[:1] + [w for w in ranked[1:] if area[w] * area[w] / article[w] >= R.SECOND_NAME_SHARE * area[ranked[0]] ** 2
                           / article[ranked[0]] and max(whole.get(w, Counter({"": 2})).values()) >= 2]
    if not ranked:
        return None
    picks: list[str] = []
    for w in ranked:
        if not any(surface[w] in o or o in surface[w] for o in picks):
            picks.append(surface[w])
    # one whole multi-word name is a stronger heading than "X and Y" of single words, and a
    # generic word ("Allies") only weakens the name beside it
    longer = picks[:1] if " " in picks[0] else []  # the most characteristic name, when it is a whole one
    if longer:
        picks = longer
    elif len(picks) > 1:
        picks = [t for t in picks if bare(t) not in R.GENERIC_SINGLE_TITLES] or picks[:1]
    text = " and ".join(picks)
    return text[:1].upper() + text[1:]


def _whole_name(run: str) -> str:
    """A capitalised run without its sentence-opening function words ("The United States")."""
    words = run.split()
    while words and (words[0].lower() in L.STOP_WORDS or words[0].lower() in R.LEADING_CLAUSE_WORDS):
        words = words[1:]
    return POSSESSIVE.sub("", " ".join(words))


def _demonym(word: str) -> bool:
    """Whether a single capitalised word is a nationality ("Americans", "Chinese")."""
    return " " not in word and word.lower().endswith(L.DEMONYM_ENDINGS)


def _first_sentence(p: Paragraph) -> str:
    """A paragraph's first sentence without a speaker label (at most 600 characters)."""
    text = p.sentences[0].text if p.sentences else p.text
    return without_label(text.lstrip()[:600])


def _plural(word: str) -> bool:
    """Whether a word looks like a plural noun (not "process", "bus", "analysis")."""
    w = bare(word)
    return len(w) > 3 and w.isalpha() and w.endswith("s") and not w.endswith(("ss", "us", "is", "as", "os"))


_CONTRACTED_VERB = re.compile(r"[’'](?:ve|re|ll|d|m)$")


def _noun_phrase(sentence: str) -> str | None:
    """The subject noun phrase of a sentence, after any leading adverbial clause."""
    words = sentence.split()[:40]
    if not words:
        return None
    start = 0
    # "In addition, despite his denials that ..., Trump ...": clauses can stack, so a
    # second leading clause after the first comma is skipped too (bounded: two at most).
    for _ in range(2):
        if start >= len(words) or bare(words[start]) not in R.LEADING_CLAUSE_WORDS:
            break
        comma = next((j for j, w in enumerate(words[start : start + 20], start) if w.endswith(",")), None)
        if comma is not None:
            start = comma + 1
        elif bare(words[start]) in {"but", "and", "yet", "so", "also"}:
            start += 1
        else:
            return None
    start = _object_start(words, start)
    out: list[str] = []
    for w in words[start:]:
        plain = bare(w)
        if not out and plain in R.VOICE_POSSESSIVES:
            continue  # "our diplomatic and humanitarian work": the speaker's "our" is a determiner here
        if not plain or plain in R.PHRASE_BREAKERS:
            break
        if out and w[:1].islower() and len(plain) > 4 and (plain.endswith("ly") or plain.endswith("ed")) \
                and bare(out[-1]) not in R.DETERMINERS:  # "a | nationally representative survey" goes on
            break
        if w in {"—", "–", "-"}:
            break
        if out and _CONTRACTED_VERB.search(plain):
            break  # "the reason | they’ve been": a pronoun with a contracted auxiliary is a clause
        if out and _plural(out[-1]) and w.isalpha() and w.islower() and plain not in R.NP_GLUE:
            break  # "navies | patrol the sea": a bare word after a plural noun is its verb
        clean = w.rstrip(",;:.!?)”\"—–")
        out.append(clean)
        if clean != w or "(" in w:
            nxt = words[start + len(out)] if start + len(out) < len(words) else ""
            if w.endswith(",") and bare(nxt) in L.SPEAKER_VOICE_WORDS:
                return None  # "President X, you are ...": the person addressed, a vocative
            break
    if not out or bare(out[0]) in L.DANGLING_STARTS:
        return None
    if out[0][:1] in "“\"‘" or bare(out[0]).replace("’", "'").split("'")[0] in L.DANGLING_STARTS:
        return None  # quoted speech, or "There’s ...", "It’s ...": not a theme
    if " ".join(bare(w) for w in out if bare(w) not in R.DETERMINERS) in R.EMPTY_TITLE_PHRASES:
        return None
    return _tidy_phrase(out)


def _object_start(words: list[str], start: int) -> int:
    """Where the object starts when a sentence's subject is a pronoun ("we conducted | a survey").

    "I inherited a diplomatic agreement": in a speech or a first-person essay the subject
    is the speaker, and what the sentence is about is the object of its verb. Else ``start``.
    """
    if start >= len(words) or bare(words[start]) not in R.SUBJECT_PRONOUNS:
        return start
    j = start + 1
    while j < len(words) and (bare(words[j]) in R.VERB_COMPANIONS or bare(words[j]).endswith("ly")):
        j += 1
    if j + 1 >= len(words) or not words[j].isalpha() or not words[j].islower() or words[j] in L.STOP_WORDS:
        return start
    nxt = bare(words[j + 1])
    if nxt in R.CLAUSE_OPENERS or nxt in L.STOP_WORDS and nxt not in R.DETERMINERS:
        return start  # "we believe that ...", "I want to ...": a clause, not a thing
    return j + 1


def _tidy_phrase(words: list[str]) -> str | None:
    """Cut a phrase to title length at a sensible place and give it a capital."""
    words = [w.strip("“”\"‘") for w in words if w.strip("“”\"‘")]
    if len(words) > R.TITLE_MAX_WORDS:
        # cut before the first preposition after the head noun: "The X relations | on show at ..."
        cut = next((j for j in range(2, R.TITLE_MAX_WORDS + 1) if bare(words[j]) in R.TITLE_BAD_ENDS), R.TITLE_MAX_WORDS)
        words = words[:cut]
    while words and bare(words[-1]) in R.TITLE_BAD_ENDS:
        words = words[:-1]
    if words and words[0].lower() in {"a", "an"}:
        words = words[1:]
    if not words:
        return None
    text = _balanced(" ".join(words)).rstrip(".,;:!?")
    return text[:1].upper() + text[1:] if text else None


def _balanced(text: str) -> str:
    """``text`` cut before a bracket it opens but never closes ("Agency (NGA" -> "Agency").

    A phrase cut to title length can end inside a parenthetical; half a bracket reads as
    a broken title.
    """
    for opening, closing in ("()", "[]"):
        while text.count(opening) > text.count(closing):
            text = text[:text.rindex(opening)].rstrip(" ,;:—–-")
    return text
