"""Quotes: find direct quotations, tell statements from terms, and attribute them.

Three steps per paragraph, each linear in the paragraph's length:

1. Pair quote marks into spans. Curly marks have a fixed direction; straight marks get
   one from the characters around them, so an apostrophe (don’t, Russia’s, the athletes’
   village) never opens or closes a quote. Unpaired marks are dropped, and a quote left
   open at the end of a paragraph counts only when the next paragraph re-opens it
   (the classic style for a quotation running over several paragraphs).
2. Read the words around each span, with every quotation masked out, in the same
   sentence: the nearest cue before it (a speech verb, "according to", a term word such
   as "slogan" or "the term"), or an attribution right after it ("…,” he said").
3. The speaker is the subject of the speech verb (or the source after "according to"):
   a name with its title or apposition split off as the role, an organisation or a
   document, or a pronoun resolved to the last person named before it.

All the vocabulary lives in ``rules.quotes`` and ``lexicon``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import NamedTuple

from briefgen.analysis import lexicon as L
from briefgen.analysis.features import Article, ParagraphFeatures
from briefgen.analysis.marks import MAX_QUOTE_CHARS, Span, opens_with_quote
from briefgen.analysis.rules import quotes as R
from briefgen.model import Paragraph, Quote, Sentence

_MASK = "\x00"


# --- step 2: sentences, masking and tokens ------------------------------------------------

# The marks that end a sentence, with any closing quotes or brackets after them.
_TERMINAL = re.compile(r"[.!?…]+[\"”’'\)\]»]*$")
# A word's final full stop is part of it when the word is an abbreviation of either kind.
_ABBREVIATIONS = L.ABBREVIATIONS | L.CLOSING_ABBREVIATIONS
_TOKEN = re.compile(r"\x00+|\w+(?:[’'.\-&]\w+)*\.?|[,;:()\[\]—–]|(?<=\s)-(?=\s)")


class _Tok(NamedTuple):
    """A word, punctuation mark or masked quotation ("q"), with offsets into the paragraph.

    A named tuple rather than a frozen dataclass: tokens are made by the thousand, and
    tuples are several times cheaper to build.
    """

    text: str
    low: str
    start: int
    end: int
    kind: str  # "w" word, "p" punctuation, "q" a masked quotation


def _ends_outside_quotes(sentences: tuple[Sentence, ...], spans: tuple[Span, ...]) -> list[tuple[int, int]]:
    """(start, end) of the marks ending each of the segmenter's sentences, except inside a quotation that goes on.

    A quotation of several sentences is one unit here: its attribution is looked for in
    the sentence around the whole quotation, and "“…,” she said. “…”" continues it.
    """
    ends = []
    k = 0
    for s in sentences:
        m = _TERMINAL.search(s.text)
        if not m:
            continue  # the paragraph's last words, unpunctuated
        pos, end = s.start + m.start(), s.start + len(s.text)
        while k < len(spans) and spans[k].close < pos:
            k += 1
        if k < len(spans) and spans[k].open < pos < spans[k].close and end <= spans[k].close:
            continue  # inside a quotation that goes on
        ends.append((pos, end))
    return ends


def _mask(text: str, spans: tuple[Span, ...]) -> str:
    """The paragraph with every quotation (marks included) blanked out, same length."""
    parts, last = [], 0
    for s in spans:
        stop = min(len(text), s.close + 1)
        parts.append(text[last:s.open])
        parts.append(_MASK * (stop - s.open))
        last = stop
    parts.append(text[last:])
    return "".join(parts)


# "He’d", "I’ve": read as the bare pronoun, so a contraction is never taken for a name.
_CONTRACTED_PRONOUN = re.compile(
    "(" + "|".join(sorted(R.PERSON_PRONOUNS | R.FIRST_PERSON | R.GROUP_PRONOUNS)) + ")"
    + R.PRONOUN_CONTRACTION)


def _tokens(masked: str, lo: int, hi: int) -> list[_Tok]:
    """Tokens of masked[lo:hi], offsets into the paragraph; a word's final full stop dropped."""
    out = []
    for m in _TOKEN.finditer(masked, lo, hi):
        t, a, b = m.group(), m.start(), m.end()
        if t[0] == _MASK:
            out.append(_Tok("", "", a, b, "q"))
            continue
        if not (t[0].isalnum() or t[0] == "_"):
            out.append(_Tok(t, t, a, b, "p"))
            continue
        if t.endswith(".") and t[:-1].lower() not in _ABBREVIATIONS and "." not in t[:-1]:
            t, b = t[:-1], b - 1
        low = t.lower()
        c = _CONTRACTED_PRONOUN.fullmatch(low) if len(low) < 8 else None
        out.append(_Tok(t, c.group(1) if c else low, a, b, "w"))
    return out


def _cap(tok: _Tok) -> bool:
    """Whether a token is a capitalised word or a number (part of a name or a title)."""
    return tok.kind == "w" and (tok.text[0].isupper() or tok.text[0].isdigit())


def _is_title(tok: _Tok) -> bool:
    """Whether a token is a title word ("Admiral", "Secretary-General", "spokesperson")."""
    if tok.kind != "w":
        return False
    return tok.low in R.TITLE_WORDS or any(p in R.TITLE_WORDS for p in tok.low.split("-"))


def _words(text: str) -> int:
    """Number of words in a quotation."""
    return len(re.findall(r"\w+(?:[’'\-]\w+)*", text))


# --- step 3: cues, subjects and names ---------------------------------------------------

@dataclass(frozen=True)
class _Cue:
    """The nearest cue before a quotation: its kind, token index and distance in words."""

    kind: str  # "speech", "according", "term", "naming", "quote"
    index: int
    distance: int
    end: int = -1  # for "according": index of its "to"


def _ends_with(toks: list[_Tok], i: int, phrase: tuple[str, ...]) -> bool:
    """Whether the words ending at token ``i`` are ``phrase``."""
    n = len(phrase)
    if i - n + 1 < 0 or i >= len(toks):  # "According." closing a paragraph has no "to" after it
        return False
    return all(toks[i - n + 1 + j].kind == "w" and toks[i - n + 1 + j].low == phrase[j] for j in range(n))


def _by_last_word(kind: str, phrases: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Phrases grouped by their last word, so each token costs one dictionary lookup."""
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for phrase in phrases:
        out.setdefault(phrase[-1], []).append((kind, phrase))
    return out


_PHRASES: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
for _kind, _group in (("according", R.SOURCE_PHRASES), ("speech", R.SPEECH_PHRASES), ("term", R.TERM_PHRASES)):
    for _last, _found in _by_last_word(_kind, _group).items():
        _PHRASES.setdefault(_last, []).extend(_found)


def _left_cue(toks: list[_Tok]) -> _Cue | None:
    """Walk back from the opening mark to the nearest cue in the sentence."""
    words = 0
    for i in range(len(toks) - 1, -1, -1):
        t = toks[i]
        if t.kind == "q":
            return _Cue("quote", i, words)
        if t.kind != "w":
            continue
        for kind, phrase in _PHRASES.get(t.low, ()):
            if not _ends_with(toks, i, phrase):
                continue
            if kind == "according":
                return _Cue("according", i - len(phrase) + 1, words, end=i)
            if kind == "speech" or words <= R.TERM_NOUN_DISTANCE:
                return _Cue(kind, i - len(phrase) + 1, words)
        low = t.low
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        # "not a joke", "a note": after "a"/"an" the word is a noun, not a speech verb.
        noun = i > 0 and toks[i - 1].low in ("a", "an") and not low.endswith("ing")
        if not noun and (low in L.SPEECH_VERBS and not t.text[0].isupper() or (low in L.SPEECH_VERBS and i == 0)):
            if low not in R.WEAK_SPEECH_VERBS or nxt is None or nxt.low in ("that", ":", ",") \
                    or _after_document(toks, i) or _infinitive_object(toks, i):
                return _Cue("speech", i, words)
        if words <= R.TERM_NOUN_DISTANCE and (low in R.TERM_NOUNS or low in R.TERM_VERBS):
            if low in R.DISPLAY_VERBS and _after_document(toks, i):
                return _Cue("speech", i, words)  # "the statement read: …" is the statement's text
            return _Cue("term", i, words)
        if low in R.NAMING_VERBS:
            return _Cue("naming", i, words)
        words += 1
    return None


def _infinitive_object(toks: list[_Tok], v: int) -> bool:
    """Whether the quote is what the verb at ``v`` commits to: "committed to “…”",
    "states the Department's intention to “…”" (``toks`` end at the opening mark)."""
    n = len(toks)
    if n < 2 or toks[-1].low != R.WEAK_VERB_INFINITIVE or v >= n - 1:
        return False
    if v == n - 2:
        return True
    return toks[-2].low in R.INTENT_NOUNS and n - 2 - v <= R.INTENT_NOUN_REACH \
        and all(t.kind == "w" for t in toks[v + 1:n - 1])


def _after_document(toks: list[_Tok], v: int) -> bool:
    """Whether the verb at ``v`` has a document for subject ("the treaty requires")."""
    j = v - 1
    while j >= 0 and toks[j].kind == "w" and toks[j].low in R.SUBJECT_VERB_FILLERS:
        j -= 1
    if j < 0 or toks[j].kind != "w":
        return False
    if toks[j].low in R.DOCUMENT_HEADS:
        return True
    return toks[j].text[0].isdigit() and j > 0 and toks[j - 1].low in R.DOCUMENT_HEADS


def _np_end(toks: list[_Tok], i: int, hi: int | None = None) -> int:
    """Index one past the noun phrase that starts at ``i`` (a name, title or document)."""
    j = i
    hi = len(toks) if hi is None else hi
    stop = L.FUNCTION_WORDS - R.NP_CONNECTORS
    while j < hi and j - i < 14:
        t = toks[j]
        if t.kind != "w":
            break
        if not _cap(t):
            if j == i and t.low in R.ARTICLES | R.POSSESSIVES:
                pass  # "the ministry", "a senior official", "his spokesman"
            elif t.low == "to" and j > i and _is_title(toks[j - 1]) and j + 1 < hi \
                    and (_cap(toks[j + 1]) or toks[j + 1].low == "the"):
                pass  # "Ambassador to the UN Linda Thomas-Greenfield"
            elif t.low in ("and", "or", "&", "de", "van", "von", "al", "bin"):
                if not (j > i and _cap(toks[j - 1]) and j + 1 < len(toks) and _cap(toks[j + 1])):
                    break
            elif t.low in stop or t.low in R.SUBJECT_VERB_FILLERS:
                break
            elif t.low in R.CLAUSE_OPENERS or t.low in R.RELATIVE_PRONOUNS:
                break
        j += 1
    while j > i and toks[j - 1].low in R.NP_CONNECTORS | {"and", "or"}:
        j -= 1
    return j


def _skip_adjunct(toks: list[_Tok], i: int, hi: int) -> int:
    """Skip a leading adjunct ("In 2026", "In a statement", "with") before a subject."""
    j = i
    while j < hi and toks[j].kind == "w" and toks[j].low in R.LEADING_PREPOSITIONS:
        j += 1
        seen = 0
        while j < hi and toks[j].kind == "w" and not toks[j].text[0].isupper():
            if toks[j].low in R.ARTICLES and seen:
                break
            if toks[j].low in R.PERSON_PRONOUNS | R.FIRST_PERSON | R.GROUP_PRONOUNS and seen == 0:
                break
            if not toks[j].text[0].isdigit():
                seen += 1
            j += 1
    return j if j < hi else i


def _clause_name(toks: list[_Tok], end: int) -> tuple[int, int] | None:
    """The nearest name before ``end`` in its clause that is followed by a lower-case word (its verb)."""
    for k in range(end - 1, max(-1, end - 1 - R.CLAUSE_NAME_REACH), -1):
        if toks[k].kind != "w":
            return None
        if _cap(toks[k]) and toks[k].text[:1].isalpha() and k + 1 < end and toks[k + 1].kind == "w" \
                and not _cap(toks[k + 1]):
            return _backward_name(toks, k + 1)
    return None


def _backward_name(toks: list[_Tok], end: int) -> tuple[int, int] | None:
    """The capitalised run (with connectors) ending just before index ``end``."""
    j = end - 1
    if j < 0 or not _cap(toks[j]):
        return None
    i = j
    while i - 1 >= 0:
        t = toks[i - 1]
        if _cap(t):
            i -= 1
        elif t.kind == "w" and t.low in R.NAME_CONNECTORS and i - 2 >= 0 and _cap(toks[i - 2]):
            i -= 1
        else:
            break
    while i <= j and toks[i].low in R.NOT_NAME_WORDS and not _is_title(toks[i]):
        i += 1
    return (i, j + 1) if i <= j else None


@dataclass(frozen=True)
class _Who:
    """A speaker as found in the text: a name, or a pronoun still to resolve."""

    name: str | None
    role: str | None = None
    pronoun: str | None = None
    head: str | None = None  # "committee" in "the committee said": refers to a named one


def _slice(text: str, toks: list[_Tok], i: int, j: int) -> str:
    """The paragraph's own words from token i up to (not including) token j."""
    return text[toks[i].start:toks[j - 1].end]


def _who(text: str, toks: list[_Tok], i: int, j: int, role: str | None = None) -> _Who | None:
    """A speaker from the noun phrase toks[i:j]: split a title off as role, drop "the"."""
    while i < j and toks[i].low in R.ARTICLES:
        i += 1
    if i >= j:
        return None
    first = toks[i]
    if j - i == 1 and first.low in R.PERSON_PRONOUNS | R.FIRST_PERSON | R.GROUP_PRONOUNS:
        return _Who(None, role, pronoun=first.low)
    if any(t.kind != "w" for t in toks[i:j]):
        return None
    caps = [k for k in range(i, j) if _cap(toks[k])]
    if not caps:
        if j - i <= 3 and toks[j - 1].low in R.SOURCE_HEADS:
            return _Who(_slice(text, toks, i, j), role, head=toks[j - 1].low)
        if j - i > 5:
            return None
        return _Who(_slice(text, toks, i, j), role)
    # "Maria Lopez of the University of Tokyo": the name speaks, the affiliation is a role.
    affiliation = None
    for k in range(i + 1, j - 1):
        if toks[k].low in ("of", "at", "from") and all(_name_word(t) or _is_title(t) for t in toks[i:k]) \
                and any(_name_word(t) for t in toks[i:k]) \
                and any(t.low in R.SOURCE_HEADS for t in toks[k + 1:j]):
            affiliation, j = _slice(text, toks, k, j), k
            break
    # A title before a trailing personal name splits role from name:
    # "Chinese Rear Admiral | Yin Zhuo", "U.S. Ambassador to the UN | Linda Thomas-Greenfield".
    m = j
    while m > i and _name_word(toks[m - 1]) and j - m < 4:
        m -= 1
    if i < m < j and any(_is_title(t) for t in toks[i:m]):
        return _Who(_slice(text, toks, m, j), role or _slice(text, toks, i, m))
    return _Who(_slice(text, toks, i, j), role or affiliation)


def _name_word(tok: _Tok) -> bool:
    """Whether a token can be part of a personal name (not a title, acronym, or place word)."""
    return (tok.kind == "w" and tok.text[0].isupper() and not tok.text.isupper()
            and not _is_title(tok) and tok.low not in R.SOURCE_HEADS and tok.low not in R.NOT_NAME_WORDS)


def _is_apposition(toks: list[_Tok], i: int, j: int) -> bool:
    """Whether toks[i:j] reads as an apposition: "a professor at X", "the head of Y"."""
    return j > i and toks[i].low in R.ARTICLES | R.POSSESSIVES and all(t.kind == "w" for t in toks[i:j])


def _segment_start(toks: list[_Tok], end: int) -> int:
    """Start index of the comma-free stretch of words that ends just before ``end``."""
    i = end
    while i > 0 and toks[i - 1].kind == "w":
        i -= 1
    return i


def _subject_across_comma(text: str, toks: list[_Tok], b: int, v: int, depth: int) -> _Who | None:
    """The subject when nothing stands between a clause break and the verb at ``v``."""
    if b > 0 and toks[b - 1].low == ",":
        a = _segment_start(toks, b - 1)
        if a > 0 and toks[a - 1].low == "," and a < b - 1:
            before = _segment_start(toks, a - 1)
            if _is_apposition(toks, a, b - 1):
                # "X, a professor at Y, said": the apposition is the role, X the speaker.
                role = _slice(text, toks, a, b - 1)
                named = _backward_name(toks, a - 1)
                if named:
                    return _who(text, toks, named[0], named[1], role)
                s = _skip_adjunct(toks, before, a - 1)
                return _who(text, toks, s, _np_end(toks, s, a - 1), role)
            named = _backward_name(toks, b - 1)
            if named and named[0] == a:
                # "The spokesperson for the ministry, Ned Price, said": a name, its role before.
                role = _slice(text, toks, before, a - 1) if _is_apposition(toks, before, a - 1) else None
                return _who(text, toks, named[0], named[1], role)
            if not toks[v].low.endswith("ing"):
                # "The report, published by the institute, says": skip the aside.
                s = _skip_adjunct(toks, before, a - 1)
                e = _np_end(toks, s, a - 1)
                if e == a - 1 and e > s:
                    return _who(text, toks, s, e)
    if depth == 0 and b > 0 and (toks[b - 1].low in (",", "and", "but", "then", "or")):
        # "X warned … and said", "X told …, adding": the subject of the earlier verb.
        for k in range(b - 2, -1, -1):
            t = toks[k]
            if t.kind == "w" and t.low in L.SPEECH_VERBS and t.low not in R.WEAK_SPEECH_VERBS:
                return _subject_before(text, toks, k, depth + 1)
        if toks[b - 1].low == "and" and (b == v or toks[b].low in R.SUBJECT_VERB_FILLERS):
            # "Members have agreed to X and have committed “…”": one subject, two verbs.
            a = _segment_start(toks, b - 1)
            s = _skip_adjunct(toks, a, b - 1)
            e = _np_end(toks, s, b - 1)
            if s < e < b - 1 and toks[e].low in R.SUBJECT_VERB_FILLERS | L.SPEECH_VERBS:
                return _who(text, toks, s, e)
    return None


def _subject_before(text: str, toks: list[_Tok], v: int, depth: int = 0) -> _Who | None:
    """The subject of the verb at ``v``: who said it."""
    j = v
    while j > 0 and toks[j - 1].kind == "w" and toks[j - 1].low in R.SUBJECT_VERB_FILLERS:
        j -= 1
    if j > 0 and toks[j - 1].low == ")":
        # "As Smith (2020) notes": the citation sits between subject and verb.
        k = j - 1
        while k > 0 and toks[k].low != "(" and j - k < 12:
            k -= 1
        j = k if toks[k].low == "(" else j
    if j > 0 and toks[j - 1].low in R.PERSON_PRONOUNS | R.FIRST_PERSON | R.GROUP_PRONOUNS:
        return _Who(None, pronoun=toks[j - 1].low)
    if toks[v].low.endswith("ing") and j > 0 and toks[j - 1].kind == "w" and j == v:
        # "a joint statement pledging", "Putin calling": the participle's noun is the speaker.
        b = j
        while b > 0 and toks[b - 1].kind == "w" and (toks[b - 1].low not in L.FUNCTION_WORDS
                                                     or toks[b - 1].low in R.NP_CONNECTORS) and j - b < 10:
            b -= 1
            if toks[b].low in R.ARTICLES:
                break
        if b > 0 and toks[b - 1].low in R.OBJECT_PREPOSITIONS:
            # "X issued a report on cyber insurance recommending": not the topic, the clause's name
            named = _clause_name(toks, b - 1)
            return _who(text, toks, named[0], named[1]) if named else None
        named = _backward_name(toks, j)
        if named and named[0] > b:
            b = named[0] if toks[named[0] - 1].low not in R.ARTICLES else b
        return _who(text, toks, b, j) if b < j else None
    # Back to the start of the clause.
    b = j
    while b > 0:
        t = toks[b - 1]
        if t.kind != "w":
            break
        if t.low in R.CLAUSE_OPENERS:
            if t.low in ("and", "or") and b < len(toks) and _cap(toks[b]) and b - 2 >= 0 and _cap(toks[b - 2]):
                b -= 1
                continue
            break
        b -= 1
    if b == j:
        return _subject_across_comma(text, toks, b, v, depth)
    if j - b == 1 and toks[b].low in R.RELATIVE_PRONOUNS:
        end = b - 1 if b > 0 and toks[b - 1].low == "," else b
        named = _backward_name(toks, end)
        return _who(text, toks, named[0], named[1]) if named else None
    s = _skip_adjunct(toks, b, j)
    e = _np_end(toks, s, j)
    if e <= s:
        named = _backward_name(toks, j)
        return _who(text, toks, named[0], named[1]) if named else None
    role = None
    # "the team coach, Pak Song-jin said": a role before the name, after a comma.
    if b > 0 and toks[b - 1].low == ",":
        a = _segment_start(toks, b - 1)
        if _is_apposition(toks, a, b - 1) and _is_title(toks[b - 2]) and (a == 0 or toks[a - 1].kind != "w"):
            role = _slice(text, toks, a + 1, b - 1)
    return _who(text, toks, s, e, role)


def _after_cue(text: str, toks: list[_Tok], i: int) -> _Who | None:
    """The source named right after a cue: "according to X", "said X, a professor at Y"."""
    if i < len(toks) and toks[i].kind == "w" and toks[i].low in R.PERSON_PRONOUNS | R.FIRST_PERSON | R.GROUP_PRONOUNS:
        return _Who(None, pronoun=toks[i].low)
    e = _np_end(toks, i)
    if e <= i:
        return None
    role = None
    if e < len(toks) and toks[e].low == ",":
        a = e + 1
        b = a
        while b < len(toks) and toks[b].kind == "w":
            b += 1
        if _is_apposition(toks, a, b):
            role = _slice(text, toks, a, b)
    return _who(text, toks, i, e, role)


def _right_attribution(text: str, toks: list[_Tok], body: str) -> _Who | None:
    """An attribution right after the closing mark: "…,” he said", "…,” said X"."""
    if not toks:
        return None
    if not body.endswith((",", "?", "!", "—", "–", "-", "…")) and toks[0].low not in (",", "—", "–", "-"):
        return None
    i = 0
    while i < len(toks) and toks[i].kind == "p" and toks[i].low in (",", "—", "–", "-"):
        i += 1
    if i >= len(toks) or toks[i].kind != "w":
        return None
    if toks[i].low in L.SPEECH_VERBS:
        return _after_cue(text, toks, i + 1)
    if _ends_with(toks, i + 1, R.ACCORDING_TO):
        return _after_cue(text, toks, i + 2)
    if toks[i].low == "as":
        # "“…,” as my mother would say, “…”": the speaker of both halves.
        for v in range(i + 1, min(len(toks), i + 8)):
            if toks[v].kind != "w":
                return None
            if toks[v].low in L.SPEECH_VERBS and v > i + 1:
                return _subject_before(text, toks[i:v + 1], v - i)
        return None
    for v in range(i, min(len(toks), i + 12)):
        t = toks[v]
        if t.kind == "q" or t.low in ("that", ";", ":", "(") or t.low in R.CLAUSE_OPENERS - {"and"} \
                or t.low in R.RELATIVE_PRONOUNS:
            return None
        if t.kind == "w" and t.low in L.SPEECH_VERBS and v > i:
            return _subject_before(text, toks[i:v + 1], v - i)
    return None


def _is_modifier(left: list[_Tok], right: list[_Tok], quote: str) -> bool:
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
    return _words(quote) <= R.MODIFIER_QUOTE_WORDS and after.low not in R.NOT_MODIFIED_NOUNS \
        and after.low not in R.CLAUSE_OPENERS and not after.low.endswith("ly") \
        and not after.text[0].isdigit()


# --- names for pronouns ------------------------------------------------------------------

def _runs(toks: list[_Tok]) -> list[tuple[int, int]]:
    """Capitalised runs (with name connectors inside) in order."""
    out, i = [], 0
    while i < len(toks):
        if not _cap(toks[i]):
            i += 1
            continue
        j = i + 1
        while j < len(toks):
            if _cap(toks[j]):
                j += 1
            elif toks[j].low in R.NAME_CONNECTORS and j + 1 < len(toks) and _cap(toks[j + 1]):
                j += 2
            else:
                break
        out.append((i, j))
        i = j
    return out


def _person(text: str, toks: list[_Tok], i: int, j: int, known: set[str]) -> _Who | None:
    """The run toks[i:j] as a person (name and role), or None if it names something else."""
    while i < j and toks[i].low in R.NOT_NAME_WORDS and not _is_title(toks[i]):
        i += 1
    if i >= j:
        return None
    last_title = None
    for k in range(i, j - 1):
        if _is_title(toks[k]):
            last_title = k
    n0 = last_title + 1 if last_title is not None else i
    name = toks[n0:j]
    if not name or len(name) > 4:
        return None
    lows = [t.low for t in name]
    if any(w in R.SOURCE_HEADS or w in R.NOT_NAME_WORDS or w in R.NAME_CONNECTORS or w[0].isdigit() for w in lows):
        return None
    if name[-1].low.endswith(R.DESCRIPTIVE_ENDINGS) and last_title is None:
        return None
    if last_title is None and len(name) < 2 and name[0].text not in known:
        return None
    role = _slice(text, toks, i, last_title + 1) if last_title is not None else None
    if role and role.split()[0].lower() in R.TITLE_PREFIXES and len(role.split()) == 1:
        role = None
    return _Who(_slice(text, toks, n0, j), role)


# --- the stage -----------------------------------------------------------------------------

class _Reading:
    """One paragraph as attribution reads it: quotations masked, sentence ends found once,
    and an index of names that grows as the quotes are read in order. Only windows around
    quotes are tokenised, so the work stays linear however long the paragraph is."""

    def __init__(self, para: Paragraph, spans: tuple[Span, ...]) -> None:
        self.text = para.text
        self.sentences = para.sentences
        self.spans = spans
        self.masked = _mask(self.text, spans) if spans else self.text
        self._ends: list[tuple[int, int]] | None = None
        self.scanned = 0  # names are indexed up to this offset
        self.sentence = -1  # sentence of the last name indexed
        self.found = False  # whether that sentence has named a person yet
        self.person: _Who | None = None  # first person of the latest sentence naming one
        self.subject: _Who | None = None  # the latest such person not after "like", "with", …
        self.heads: dict[str, _Who] = {}  # "committee" -> the last "… Committee" named
        self.org: _Who | None = None  # the last organisation or document named

    @property
    def ends(self) -> list[tuple[int, int]]:
        """Sentence ends, found on first use."""
        if self._ends is None:
            self._ends = _ends_outside_quotes(self.sentences, self.spans)
            self.end_offsets = [e[1] for e in self._ends]
        return self._ends

    def read_names(self, pos: int, known: set[str]) -> None:
        """Index the names before ``pos``: persons by sentence, organisations by head word."""
        lo = max(self.scanned, pos - R.ANTECEDENT_WINDOW)
        if lo >= pos:
            return
        if lo > self.scanned and lo > 0 and not self.masked[lo - 1].isspace():
            gap = self.masked.find(" ", lo, pos)
            lo = pos if gap < 0 else gap
        self.scanned = pos
        _ = self.ends
        toks = _tokens(self.masked, lo, pos)
        for i, j in _runs(toks):
            sentence = bisect_right(self.end_offsets, toks[i].start)
            if sentence != self.sentence:
                self.sentence, self.found = sentence, False
            if not self.found:
                who = _person(self.text, toks, i, j, known)
                if who:
                    self.person, self.found = who, True
                    if i == 0 or toks[i - 1].low not in R.NON_SUBJECT_PRECEDERS:
                        self.subject = who
                    if who.name and len(who.name.split()) > 1:
                        known.add(who.name.split()[-1])  # "Trump" later means this person
            if all(t.low in R.NOT_NAME_WORDS for t in toks[i:j]):
                continue  # "The committee" is the reference, not the name
            if j < len(toks) and toks[j].low in R.SOURCE_HEADS and toks[j].kind == "w":
                j += 1  # "the May 2025 MSMT report": a lower-case head after the name
            heads = [t.low for t in toks[i:j] if t.low in R.SOURCE_HEADS]
            if heads:  # "Ministry of Foreign Affairs" answers to "the ministry"
                self.org = _who(self.text, toks, i, j) or _Who(None)
                for head in heads:
                    self.heads[head] = self.org


@dataclass
class _Memory:
    """What earlier paragraphs tell later ones: recent text, speakers, roles."""

    recent: list[_Reading]  # the last paragraphs read, oldest first
    last_person: _Who | None = None
    last_group: _Who | None = None
    carry: tuple[str, _Who | None] | None = None  # kind and speaker of a run-on quote
    lead_in: _Who | None = None  # speaker announced at the end of the last paragraph
    surnames: set[str] = field(default_factory=set)  # last words of full names seen
    roles: dict[str, str] = field(default_factory=dict)  # a speaker's role, once given


def _resolve(who: _Who | None, para: Paragraph, here: _Reading, pos: int, mem: _Memory) -> _Who | None:
    """Turn a pronoun or "the committee" into the name it stands for."""
    if who is None:
        return None
    if who.pronoun in R.FIRST_PERSON:
        return _Who(para.speaker, who.role) if para.speaker else None
    if who.pronoun in R.PERSON_PRONOUNS:
        kin = _kin_subject(here, pos)
        if kin is not None:
            return kin
    if who.pronoun in R.PERSON_PRONOUNS or who.pronoun in R.GROUP_PRONOUNS or who.head:
        known = mem.surnames
        for reading, upto in [(here, pos)] + [(r, len(r.text)) for r in mem.recent[::-1]]:
            reading.read_names(upto, known)
            if who.pronoun in R.GROUP_PRONOUNS:
                found = reading.org
            elif who.pronoun:
                # Across paragraphs only a subject is referred back to, not "looked like X".
                found = reading.person if reading is here else reading.subject
            else:
                found = reading.heads.get(who.head or "")
            if found is not None and found.name:
                return _Who(found.name, found.role or mem.roles.get(found.name))
        if who.pronoun in R.GROUP_PRONOUNS:
            return mem.last_group
        return mem.last_person if who.pronoun else who
    return who


def _kin_subject(here: _Reading, pos: int) -> _Who | None:
    """"My dad had a saying. He’d say …": the previous sentence's "possessive + person noun"."""
    ends = here.ends
    n = bisect_right(here.end_offsets, pos)
    if n == 0:
        return None
    start = ends[n - 2][1] if n >= 2 else 0
    toks = _tokens(here.masked, start, min(ends[n - 1][1], start + 200))
    if len(toks) >= 2 and toks[0].low in R.POSSESSIVES and toks[1].low in R.PERSON_NOUNS \
            and not any(_name_word(t) for t in toks[2:]):
        return _Who(_slice(here.text, toks, 0, 2))
    return None


def _remember(mem: _Memory, who: _Who | None) -> None:
    """Keep a speaker for later pronouns and for roles given only once."""
    if who is None or not who.name:
        return
    if who.role:
        mem.roles[who.name] = who.role
    words = who.name.split()
    if 2 <= len(words) <= 4 and all(w[0].isupper() for w in words):
        mem.last_person = who
        mem.surnames.add(words[-1])
    elif len(words) == 1 and words[0] in mem.surnames:
        mem.last_person = who
    else:
        mem.last_group = who


def _clean_name(who: _Who | None, mem: _Memory) -> tuple[str | None, str | None]:
    """The speaker and role strings for output; a lone known surname gets its role back."""
    if who is None or not who.name or _MASK in who.name:
        return None, None
    role = who.role or mem.roles.get(who.name)
    return who.name, role


def _quotes_in(features: ParagraphFeatures, nxt: Paragraph | None, mem: _Memory) -> list[Quote]:
    """The quotations of one paragraph, classified and attributed."""
    para = features.paragraph
    text = para.text
    spans, open_at = features.quotes, features.unclosed
    if open_at is not None and nxt is not None and opens_with_quote(nxt.text) \
            and len(text) - open_at <= MAX_QUOTE_CHARS:
        spans += (Span(open_at, len(text), closed=False),)
    here = _Reading(para, spans)
    out: list[Quote] = []
    prev: tuple[str, _Who | None, int] | None = None  # kind, speaker, sentence number
    carry, mem.carry = mem.carry, None
    if _block_quotation(text, spans, open_at, mem):
        # "In his words, it was a decade during which wars:" ¶ "dragged on …": the whole
        # paragraph, set off without marks, finishes the announced quotation.
        speaker, role = _clean_name(mem.lead_in, mem)
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
        left = _tokens(here.masked, max(sent, s.open - R.LEFT_WINDOW), s.open)
        k = bisect_right(offsets, s.close)  # the first sentence end after the closing mark
        stop = max(ends[k][0], s.close + 1) if k < len(ends) else len(text)
        right = _tokens(here.masked, s.close + 1, min(stop, s.close + 1 + R.RIGHT_WINDOW)) if s.closed else []
        if n == 0 and not left and carry is None and mem.lead_in is not None:
            carry = ("statement", mem.lead_in)  # "…, the minister said:" ¶ "“…”"
        kind, who = _judge(text, left, right, body, prev, number, carry if n == 0 and not left else None)
        first_person = who is not None and who.pronoun in R.FIRST_PERSON
        who = _resolve(who, para, here, s.open, mem)
        if kind == "statement" and not first_person:
            _remember(mem, who)  # "I said" names the turn's speaker: no antecedent for "he"
        speaker, role = _clean_name(who, mem) if kind == "statement" else (None, None)
        out.append(Quote(body, para.id, kind, speaker, role, s.open + 1 + lead))
        prev = (kind, who, number)
        if not s.closed:
            mem.carry = (kind, who)
    mem.recent = (mem.recent + [here])[-2:]
    mem.lead_in = _lead_in(para, here, mem) if text.rstrip().endswith(":") else None
    return out


def _block_quotation(text: str, spans: tuple[Span, ...], open_at: int | None, mem: _Memory) -> bool:
    """Whether a paragraph is a mark-less quotation its announcing paragraph runs into."""
    body = text.strip()
    return mem.lead_in is not None and not spans and open_at is None and body[:1].islower() \
        and len(body) <= MAX_QUOTE_CHARS


def _code_like(text: str, s: Span) -> bool:
    """Marks of code or markup left in the text (alert("x"), src="y"), not of prose."""
    before = text[s.open - 1] if s.open else " "
    after = text[s.close + 1] if s.close + 1 < len(text) else " "
    return before == "=" or (before in "([" and after in ")]")


def _lead_in(para: Paragraph, here: _Reading, mem: _Memory) -> _Who | None:
    """The speaker announced by a paragraph that ends "…, the minister said:"."""
    end = len(para.text.rstrip())
    toks = _tokens(here.masked, max(0, end - R.LEFT_WINDOW), end)
    cut = max((i + 1 for i, t in enumerate(toks) if t.kind == "q"), default=0)
    toks = toks[cut:]
    cue = _left_cue(toks)
    if cue is None:
        words_of = _words_of(toks)
        return _resolve(words_of, para, here, end, mem) or _Who(None) if words_of else None
    if cue.kind not in ("speech", "according") or cue.distance > R.SHORT_QUOTE_VERB_DISTANCE:
        return None
    if cue.kind == "according":
        who = _after_cue(para.text, toks, cue.end + 1)
    else:
        who = _subject_before(para.text, toks, cue.index)
    return _resolve(who, para, here, end, mem) or _Who(None)


def _words_of(toks: list[_Tok]) -> _Who | None:
    """The pronoun behind "In his words, …" near the end of a lead-in, if any."""
    words = 0
    for i in range(len(toks) - 1, 1, -1):
        if toks[i].kind != "w":
            continue
        if toks[i].low == R.WORDS_NOUN and toks[i - 1].low in R.WORDS_OF_POSSESSIVE and toks[i - 2].low == "in":
            return _Who(None, pronoun=R.WORDS_OF_POSSESSIVE[toks[i - 1].low])
        words += 1
        if words > R.SHORT_QUOTE_VERB_DISTANCE:
            return None
    return None


def _judge(text: str, left: list[_Tok], right: list[_Tok], body: str,
           prev: tuple[str, _Who | None, int] | None, number: int,
           carry: tuple[str, _Who | None] | None) -> tuple[str, _Who | None]:
    """Statement or term, and who said it, from the words around a quotation."""
    n = _words(body)
    short = n <= R.SHORT_QUOTE_WORDS
    cue = _left_cue(left)
    if cue and cue.kind == "term":
        return "term", None
    if short and left and left[-1].low in R.TERM_AFTER_PREPOSITIONS:
        return "term", None  # "only for “compelling reasons”": a quoted noun phrase
    if cue is None or cue.kind == "quote":
        by = _speech_noun_speaker(text, left)
        if by is not None:
            return "statement", by
    after = _right_attribution(text, right, body)
    near = cue is not None and cue.kind in ("speech", "according") and cue.distance <= R.SHORT_QUOTE_VERB_DISTANCE
    if after is not None and not near:
        return ("term", None) if short and _is_modifier(left, right, body) else ("statement", after)
    if _is_modifier(left, right, body):
        return "term", None
    if cue and cue.kind == "according":
        if short and cue.distance > R.SHORT_QUOTE_VERB_DISTANCE:
            return "term", None
        return "statement", _after_cue(text, left, cue.end + 1)
    if cue and cue.kind == "speech":
        if short and cue.distance > R.SHORT_QUOTE_VERB_DISTANCE:
            return "term", None
        return "statement", _subject_before(text, left, cue.index)
    if cue and cue.kind == "naming":
        return ("term", None) if short else ("statement", _subject_before(text, left, cue.index))
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


def _speech_noun_speaker(text: str, left: list[_Tok]) -> _Who | None:
    """The speaker of "assurances by the chair that “…”": a noun of saying, "by", a speaker."""
    if len(left) < 4 or left[-1].low != "that":
        return None
    for k in range(len(left) - 2, max(0, len(left) - 2 - R.SPEECH_NOUN_SPEAKER_WORDS), -1):
        t = left[k]
        if t.kind != "w":
            return None
        if t.low in R.SPEECH_NOUN_BY and left[k - 1].low in R.SPEECH_NOUNS and k + 1 < len(left) - 1:
            return _who(text, left, k + 1, len(left) - 1)
    return None


def _title_case(body: str) -> bool:
    """Whether a quotation reads as a title ("Strategy for a Free and Open Indo-Pacific")."""
    if body.rstrip().endswith((".", "!", "?")):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w’'\-]*", body) if w.lower() not in L.FUNCTION_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) >= R.TITLE_CASE_SHARE * len(words)


def find_quotes(article: Article) -> tuple[Quote, ...]:
    """Every quotation in the body, in reading order, with its kind, speaker and role."""
    mem = _Memory(recent=[])
    out: list[Quote] = []
    paragraphs = article.paragraphs
    for i, features in enumerate(paragraphs):
        nxt = paragraphs[i + 1].paragraph if i + 1 < len(paragraphs) else None
        out.extend(_quotes_in(features, nxt, mem))
    return tuple(out)
