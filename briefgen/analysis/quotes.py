"""Quotes: find the direct quotations of an article and tell statements from terms.

Per paragraph, each step linear in its length:

1. The quotation marks, paired (``marks``, read once into the ``Article``). A quotation
   left open at the end of a paragraph counts only when the next paragraph re-opens it
   (the classic style for a quotation running over several paragraphs).
2. The words around each quotation, every quotation masked out, in the same sentence
   (``tokens``): the nearest cue before it (a speech verb, "according to", a term word
   such as "slogan" or "the term"), or an attribution right after it ("…,” he said").
   A statement is someone's words; a term is a name, slogan, title or scare quote.
3. The speaker of each statement (``attribution``).

All the vocabulary lives in ``rules.quotes`` and ``lexicon``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from briefgen.analysis import lexicon as L
from briefgen.analysis.antecedents import Memory, Reading, learn_names, remember, resolve, speaker_and_role
from briefgen.analysis.attribution import Who, after_cue, right_attribution, subject_before, who_of
from briefgen.analysis.features import Article, ParagraphFeatures
from briefgen.analysis.labels import heading_who, label_who, plausible_speaker, topic_label
from briefgen.analysis.marks import MAX_QUOTE_CHARS, Span, opens_with_quote
from briefgen.analysis.rules import quotes as R
from briefgen.analysis.subjects import participle_subject, right_speaker
from briefgen.analysis.tokens import Tok, ends_with, is_title, read_tokens, word_count
from briefgen.model import Paragraph, Quote


@dataclass(frozen=True)
class _Cue:
    """The nearest cue before a quotation: its kind, token index and distance in words."""

    kind: str  # "speech", "according", "term", "naming", "quote"
    index: int
    distance: int
    end: int = -1  # for "according": index of its "to"
    low: str = ""  # the cue word


def _by_last_word(kind: str, phrases: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Phrases grouped by their last word, so each token costs one dictionary lookup."""
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for phrase in phrases:
        out.setdefault(phrase[-1], []).append((kind, phrase))
    return out


def _phrase_index() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """The multi-word cues ("according to", "called for", "such as") by their last word."""
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for kind, group in (("according", R.SOURCE_PHRASES), ("speech", R.SPEECH_PHRASES), ("term", R.TERM_PHRASES)):
        for last, found in _by_last_word(kind, group).items():
            out.setdefault(last, []).extend(found)
    return out


_PHRASES = _phrase_index()


def _left_cue(toks: list[Tok]) -> _Cue | None:
    """Walk back from the opening mark to the nearest cue in the sentence."""
    words = 0
    for i in range(len(toks) - 1, -1, -1):
        t = toks[i]
        if t.kind == "q":
            return _Cue("quote", i, words)
        if t.kind != "w":
            continue
        for kind, phrase in _PHRASES.get(t.low, ()):
            if not ends_with(toks, i, phrase):
                continue
            if kind == "according":
                return _Cue("according", i - len(phrase) + 1, words, end=i)
            if kind == "speech" or words <= R.TERM_NOUN_DISTANCE:
                return _Cue(kind, i - len(phrase) + 1, words)
        low = t.low
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        # "not a joke", "a note": after "a"/"an" the word is a noun, not a speech verb.
        noun = i > 0 and toks[i - 1].low in ("a", "an") and not low.endswith("ing")
        if words == 0 and not noun and low in R.ATTRIBUTION_VERBS and nxt is not None and nxt.low in (":", ",") \
                and not t.text[0].isupper():
            return _Cue("speech", i, words)  # "Rojas agreed: “…”"
        if not noun and (low in L.SPEECH_VERBS and (not t.text[0].isupper() or i == 0
                                                    or low not in L.DOCUMENT_VERBS and _headline(toks[max(0, i - 1):]))):
            if low not in R.WEAK_SPEECH_VERBS or nxt is None or nxt.low in ("that", ":", ",") or _adjunct_then_quote(toks, i) \
                    or _after_document(toks, i) or _infinitive_object(toks, i):
                return _Cue("speech", i, words)
        if words <= R.TERM_NOUN_DISTANCE and (low in R.TERM_NOUNS or low in R.TERM_VERBS):
            if low in R.DISPLAY_VERBS and _after_document(toks, i):
                return _Cue("speech", i, words)  # "the statement read: …" is the statement's text
            return _Cue("term", i, words)
        if low in R.NAMING_VERBS:
            return _Cue("naming", i, words, low=low)
        words += 1
    return None


def _headline(toks: list[Tok]) -> bool:
    """Whether words are set in headline capitals ("Rojas Says She Will …"), so a capitalised
    verb is still a verb: every word capitalised, the small ones too."""
    words = [t for t in toks if t.kind == "w"]
    return len(words) >= R.HEADLINE_MIN_WORDS and all(t.text[0].isupper() or t.text[0].isdigit() for t in words)


def _adjunct_then_quote(toks: list[Tok], v: int) -> bool:
    """"asked on social media, “…”", "noted in a statement: “…”": a short adjunct, then a
    comma or colon right before the quotation (``toks`` end at the opening mark)."""
    rest = toks[v + 1:]
    return 2 <= len(rest) <= R.CUE_ADJUNCT_WORDS + 1 and rest[0].low in R.LEADING_PREPOSITIONS \
        and rest[-1].low in (",", ":") and all(t.kind == "w" for t in rest[:-1])


def _outer_cue(toks: list[Tok], cue: _Cue | None) -> _Cue | None:
    """"X stated that the resolution would provide “…”": a document's verb inside what a
    person said that gives way to the person's verb of saying."""
    if cue is None or cue.kind != "speech" or toks[cue.index].low not in R.WEAK_SPEECH_VERBS:
        return cue
    for k in range(cue.index - 1, 0, -1):
        t = toks[k]
        if t.kind != "w":
            if t.low in (";", ":") or t.kind == "q":
                return cue
            continue
        if t.low == "that" and toks[k - 1].kind == "w" and toks[k - 1].low in L.SPEECH_VERBS \
                and toks[k - 1].low not in R.WEAK_SPEECH_VERBS and not toks[k - 1].text[0].isupper():
            return _Cue("speech", k - 1, cue.distance)
    return cue


def _infinitive_object(toks: list[Tok], v: int) -> bool:
    """Whether the quote is what the verb at ``v`` commits to: "committed to “…”",
    "states the Department's intention to “…”" (``toks`` end at the opening mark)."""
    n = len(toks)
    if n < 2 or toks[-1].low != R.WEAK_VERB_INFINITIVE or v >= n - 1:
        return False
    if v == n - 2:
        return True
    return toks[-2].low in R.INTENT_NOUNS and n - 2 - v <= R.INTENT_NOUN_REACH \
        and all(t.kind == "w" for t in toks[v + 1:n - 1])


def _after_document(toks: list[Tok], v: int) -> bool:
    """Whether the verb at ``v`` has a document for subject ("the treaty requires")."""
    j = v - 1
    while j >= 0 and toks[j].kind == "w" and toks[j].low in R.SUBJECT_VERB_FILLERS:
        j -= 1
    if j < 0 or toks[j].kind != "w":
        return False
    if toks[j].low in R.DOCUMENT_HEADS:
        return True
    return toks[j].text[0].isdigit() and j > 0 and toks[j - 1].low in R.DOCUMENT_HEADS


def _is_modifier(left: list[Tok], right: list[Tok], quote: str) -> bool:
    """A quote used as a modifier before a noun: "a “don't attack me” mindset"."""
    if not left or not right or left[-1].kind != "w" or right[0].kind != "w":
        return False
    before = left[-1].low
    after = right[0]
    if after.text[0].isupper() or after.low in L.FUNCTION_WORDS or after.low in L.SPEECH_VERBS:
        return False
    if quote.rstrip().endswith((".", "!", "?", ",", ";", ":")):
        return False
    if before in R.MODIFIER_DETERMINERS or before.endswith(("'s", "’s")):
        return True
    # "asserted “hostage-taking” tactics": a one- or two-word quote right before a
    # lower-case noun is a scare-quoted modifier whatever precedes it.
    return word_count(quote) <= R.MODIFIER_QUOTE_WORDS and after.low not in R.NOT_MODIFIED_NOUNS \
        and after.low not in R.CLAUSE_OPENERS and not after.low.endswith("ly") \
        and not after.text[0].isdigit()


def _quotes_in(features: ParagraphFeatures, nxt: Paragraph | None, mem: Memory) -> list[Quote]:
    """The quotations of one paragraph, classified and attributed."""
    para = features.paragraph
    text = para.text
    spans, open_at = features.quotes, features.unclosed
    if open_at is not None and nxt is not None and opens_with_quote(nxt.text) \
            and len(text) - open_at <= MAX_QUOTE_CHARS:
        spans += (Span(open_at, len(text), closed=False),)
    here = Reading(para, spans)
    out: list[Quote] = []
    prev: tuple[str, Who | None, int] | None = None  # kind, speaker, sentence number
    carry, mem.carry = mem.carry, None
    tail, mem.tail = mem.tail, None
    if _block_quotation(text, spans, open_at, mem):
        # "In his words, it was a decade during which wars:" ¶ "dragged on …": the whole
        # paragraph, set off without marks, finishes the announced quotation.
        speaker, role = speaker_and_role(mem.lead_in, mem)
        body = text.strip()
        out.append(Quote(body, para.id, "statement", speaker, role, text.find(body)))
    ends = here.ends if spans else []
    offsets = here.end_offsets if spans else []
    for n, s in enumerate(spans):
        inner = text[s.open + 1:s.close]
        lead = len(inner) - len(inner.lstrip())
        body = inner.strip()
        if not any(c.isalnum() for c in body) or _code_like(text, s):
            continue
        number = bisect_right(offsets, s.open)
        sent = ends[number - 1][1] if number else 0
        left = read_tokens(here.masked, max(sent, s.open - R.LEFT_WINDOW), s.open)
        k = bisect_right(offsets, s.close)  # the first sentence end after the closing mark
        if k < len(ends) and ends[k][1] <= s.close + 1 and not any(t.kind == "w" for t in left):
            k += 1  # “…?” is a sentence of its own: its attribution is in the next one
        stop = max(ends[k][0], s.close + 1) if k < len(ends) else len(text)
        right = read_tokens(here.masked, s.close + 1, min(stop, s.close + 1 + R.RIGHT_WINDOW)) if s.closed else []
        if n == 0 and not left and carry is None and mem.lead_in is not None:
            carry = ("statement", mem.lead_in)  # "…, the minister said:" ¶ "“…”"
        kind, who = _judge(text, left, right, body, prev, number, carry if n == 0 and not left else None)
        first_person = who is not None and who.pronoun in R.FIRST_PERSON
        who = resolve(who, para, here, s.open, mem)
        if kind == "statement" and who is None and not any(t.kind == "w" for t in left):
            who = _paraphrase(para, here, number, mem)  # "Repairs took longer, Hobart said. “…”"
            if who is None and n == 0 and number == 0:
                who = tail  # "“…,” Hobart said." ¶ "“…”": a paragraph of quotation goes on
        if kind == "statement" and who is None and _untold(left):
            who = mem.section  # "On tariffs: “…”" under "Secretary Ana Rojas on Meet the Press"
        if kind == "statement" and not first_person:
            remember(mem, who)  # "I said" names the turn's speaker: no antecedent for "he"
        speaker, role = speaker_and_role(who, mem) if kind == "statement" else (None, None)
        out.append(Quote(body, para.id, kind, speaker, role, s.open + 1 + lead))
        prev = (kind, who, number)
        if not s.closed:
            mem.carry = (kind, who)
    if not spans and len(text) <= R.LABEL_LINE_CHARS and not text.rstrip().endswith((".", "?", "!")):
        mem.section = heading_who(text) or mem.section  # a heading set as a line of its own
    if prev is not None and prev[0] == "statement" and spans and prev[2] >= len(ends) - 1:
        mem.tail = prev[1]  # the paragraph ends with an attributed quotation
    learn_names(mem, here)
    mem.recent = (mem.recent + [here])[-2:]
    mem.lead_in = _lead_in(para, here, mem) if text.rstrip().endswith(":") else None
    return out


def _paraphrase(para: Paragraph, here: Reading, number: int, mem: Memory) -> Who | None:
    """The speaker of the sentence before a quotation that opens a sentence of its own with
    no attribution: "Repairs took longer, Hobart said. “…”", "Ana Rojas recalled her first
    flight. “…”". Only the same paragraph's previous sentence counts, and only a speech verb's
    subject or the one person it names."""
    ends = here.ends
    if number == 0 or number > len(ends):
        return None
    start = ends[number - 2][1] if number >= 2 else 0
    end = ends[number - 1][1]
    toks = read_tokens(here.masked, start, end)
    if any(t.kind == "q" for t in toks):
        return None  # a quotation there already has its own speaker
    for v, t in enumerate(toks):
        if t.kind != "w" or t.text[0].isupper() or t.low not in L.SPEECH_VERBS and t.low not in R.ATTRIBUTION_VERBS:
            continue
        if v > 0 and toks[v - 1].low == "," and _names_next(toks, v + 1):
            who = after_cue(para.text, toks, v + 1)  # "…, said Ana Rojas."
        else:
            who = subject_before(para.text, toks, v)
        if who is None or who.pronoun is not None and who.pronoun not in R.PERSON_PRONOUNS:
            break  # "I was told …", "they said …": the speaker reports someone else
        who = resolve(who, para, here, toks[v].start, mem)
        if who is not None and who.name and plausible_speaker(who.name):
            return who
        break
    if toks and toks[0].low in R.PERSON_PRONOUNS:
        return resolve(Who(None, pronoun=toks[0].low), para, here, toks[0].start, mem)  # "She beams. “…”"
    here.read_names(end, mem.surnames, mem.genders)
    named = {m.who.name for m in here.people if m.sentence == number - 1 and m.subject}
    if len(named) == 1:
        return next(m.who for m in here.people if m.sentence == number - 1 and m.subject)
    return None


def _names_next(toks: list[Tok], i: int) -> bool:
    """Whether a name or a titled role starts at ``i`` ("said Ana Rojas", "said the minister")."""
    if i >= len(toks) or toks[i].kind != "w":
        return False
    if toks[i].text[0].isupper():
        return True
    return toks[i].low in R.ARTICLES and i + 1 < len(toks) and toks[i + 1].kind == "w" \
        and (toks[i + 1].text[0].isupper() or is_title(toks[i + 1]) or toks[i + 1].low in R.ROLE_NOUNS)


def _untold(left: list[Tok]) -> bool:
    """Whether the words before a quotation say nothing of who speaks: none, or a topic ("On tariffs:")."""
    if not any(t.kind == "w" for t in left):
        return True
    return topic_label(left) or left[-1].low == ":" and _left_cue(left) is None


def _block_quotation(text: str, spans: tuple[Span, ...], open_at: int | None, mem: Memory) -> bool:
    """Whether a paragraph is a mark-less quotation its announcing paragraph runs into."""
    body = text.strip()
    return mem.lead_in is not None and not spans and open_at is None and body[:1].islower() \
        and len(body) <= MAX_QUOTE_CHARS


def _code_like(text: str, s: Span) -> bool:
    """Marks of code or markup left in the text (alert("x"), src="y"), not of prose."""
    before = text[s.open - 1] if s.open else " "
    after = text[s.close + 1] if s.close + 1 < len(text) else " "
    return before == "=" or (before in "([" and after in ")]")


def _lead_in(para: Paragraph, here: Reading, mem: Memory) -> Who | None:
    """The speaker announced by a paragraph that ends "…, the minister said:"."""
    end = len(para.text.rstrip())
    toks = read_tokens(here.masked, max(0, end - R.LEFT_WINDOW), end)
    cut = max((i + 1 for i, t in enumerate(toks) if t.kind == "q"), default=0)
    toks = toks[cut:]
    cue = _left_cue(toks)
    if cue is None:
        words_of = _words_of(toks)
        return resolve(words_of, para, here, end, mem) or Who(None) if words_of else None
    if cue.kind not in ("speech", "according") or cue.distance > R.SHORT_QUOTE_VERB_DISTANCE:
        return None
    if cue.kind == "according":
        who = after_cue(para.text, toks, cue.end + 1)
    else:
        who = subject_before(para.text, toks, cue.index)
    return resolve(who, para, here, end, mem) or Who(None)


def _words_of(toks: list[Tok]) -> Who | None:
    """The pronoun behind "In his words, …" near the end of a lead-in, if any."""
    words = 0
    for i in range(len(toks) - 1, 1, -1):
        if toks[i].kind != "w":
            continue
        if toks[i].low == R.WORDS_NOUN and toks[i - 1].low in R.WORDS_OF_POSSESSIVE and toks[i - 2].low == "in":
            return Who(None, pronoun=R.WORDS_OF_POSSESSIVE[toks[i - 1].low])
        words += 1
        if words > R.SHORT_QUOTE_VERB_DISTANCE:
            return None
    return None


def _judge(text: str, left: list[Tok], right: list[Tok], body: str,
           prev: tuple[str, Who | None, int] | None, number: int,
           carry: tuple[str, Who | None] | None) -> tuple[str, Who | None]:
    """Statement or term, and who said it, from the words around a quotation."""
    label = label_who(text, left)
    if label is not None:
        # "Sen. Ana Rojas (D-NM): “…”"; "Daily Planet: “Title-Cased Headline”" is a title.
        return ("term", None) if _headline_text(body) else ("statement", label)
    if _headline_text(body) and left and left[-1].kind == "w" and left[-1].low not in L.FUNCTION_WORDS \
            and left[-1].low not in L.SPEECH_VERBS and not left[-1].text[0].isupper():
        return "term", None  # "the study ‘America at the Threshold’": a title after its noun
    if topic_label(left):
        return "statement", None  # "On tariffs: “…”": a row whose speaker the heading names
    n = word_count(body)
    short = n <= R.SHORT_QUOTE_WORDS
    cue = _outer_cue(left, _left_cue(left))
    if cue and cue.kind == "term":
        return "term", None
    if short and left and left[-1].low in R.TERM_AFTER_PREPOSITIONS:
        return "term", None  # "only for “compelling reasons”": a quoted noun phrase
    if cue is None or cue.kind == "quote":
        by = _speech_noun_speaker(text, left)
        if by is not None:
            return "statement", by
    after = right_speaker(text, right, body, _headline(left + right)) or right_attribution(text, right, body)
    if after is not None and after.name and not plausible_speaker(after.name):
        after = None  # "…,” promising more": no speaker named after the quotation
    near = cue is not None and cue.kind in ("speech", "according") and cue.distance <= R.SHORT_QUOTE_VERB_DISTANCE
    if after is not None and not near:
        return ("term", None) if short and _is_modifier(left, right, body) else ("statement", after)
    if _is_modifier(left, right, body):
        return "term", None
    if cue and cue.kind == "according":
        if short and cue.distance > R.SHORT_QUOTE_VERB_DISTANCE:
            return "term", None
        return "statement", after_cue(text, left, cue.end + 1)
    if cue and cue.kind == "speech":
        if short and cue.distance > R.SHORT_QUOTE_VERB_DISTANCE:
            return "term", None
        return "statement", _subject(text, left, cue.index)
    if cue and cue.kind == "naming":
        passive = cue.index > 0 and left[cue.index - 1].low in R.PASSIVE_AUXILIARIES | {"’s", "'s"}
        if cue.low in R.CALLING_VERBS and 1 <= cue.distance <= R.CALLED_OBJECT_WORDS and n >= R.CALLED_QUOTE_WORDS \
                and not passive and left[-1].low not in L.FUNCTION_WORDS - R.OBJECT_PRONOUNS - R.ARTICLES \
                and not any(t.low.endswith("ing") for t in left[cue.index + 1:]) and not _headline_text(body):
            # "called the plan “utterly flawed data”": the subject's own words about something
            return "statement", _subject(text, left, cue.index)
        if passive:
            return "term", None  # "it is called the “harbour plan”"
        return ("term", None) if short else ("statement", subject_before(text, left, cue.index))
    if prev and prev[0] == "statement":
        if cue and cue.kind == "quote" and prev[2] == number and n >= R.CONTINUED_QUOTE_WORDS:
            return "statement", prev[1]  # "calls for X “…” in the event “…”"
        if not any(t.kind == "w" for t in left) and prev[2] in (number - 1, number):
            return "statement", prev[1]  # "“…,” she said. “…”": she goes on
    if carry is not None:
        return carry
    if n >= R.LONG_QUOTE_WORDS and not _title_case(body):
        return "statement", None
    return "term", None


def _subject(text: str, left: list[Tok], v: int) -> Who | None:
    """The subject of the cue verb at ``v``, a participle's from the clause before it."""
    return subject_before(text, left, v) or participle_subject(text, left, v)


def _speech_noun_speaker(text: str, left: list[Tok]) -> Who | None:
    """The speaker of "assurances by the chair that “…”": a noun of saying, "by", a speaker."""
    if len(left) < 4 or left[-1].low != "that":
        return None
    for k in range(len(left) - 2, max(0, len(left) - 2 - R.SPEECH_NOUN_SPEAKER_WORDS), -1):
        t = left[k]
        if t.kind != "w":
            return None
        if t.low in R.SPEECH_NOUN_BY and left[k - 1].low in R.SPEECH_NOUNS and k + 1 < len(left) - 1:
            return who_of(text, left, k + 1, len(left) - 1)
    return None


def _headline_text(body: str) -> bool:
    """Whether a quotation is a headline or title: every content word capitalised, not shouted."""
    if body.rstrip().endswith((".", "!", "?")) or body.isupper():
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w’'\-]*", body) if w.lower() not in L.FUNCTION_WORDS]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _title_case(body: str) -> bool:
    """Whether a quotation reads as a title ("Strategy for a Free and Open Indo-Pacific")."""
    if body.rstrip().endswith((".", "!", "?")):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w’'\-]*", body) if w.lower() not in L.FUNCTION_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) >= R.TITLE_CASE_SHARE * len(words)


def find_quotes(article: Article) -> tuple[Quote, ...]:
    """Every quotation in the body, in reading order, with its kind, speaker and role."""
    mem = Memory(recent=[])
    out: list[Quote] = []
    paragraphs = article.paragraphs
    for i, features in enumerate(paragraphs):
        nxt = paragraphs[i + 1].paragraph if i + 1 < len(paragraphs) else None
        if features.paragraph.heading:
            mem.section = heading_who(features.paragraph.heading)
        out.extend(_quotes_in(features, nxt, mem))
    return tuple(out)


def key_quote(q: Quote) -> bool:
    """Whether a quotation is worth showing as an area's key quote: a statement with a
    speaker, whole enough to read on its own (not "their allies,")."""
    if q.kind != "statement" or not q.speaker:
        return False
    n = word_count(q.text)
    body = q.text.strip()
    whole = body[:1].isupper() and body.rstrip("”’\"'").endswith((".", "!", "?", "…"))
    return n >= R.KEY_QUOTE_WORDS or whole and n >= R.KEY_QUOTE_SENTENCE_WORDS
