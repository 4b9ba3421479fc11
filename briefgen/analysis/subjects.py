"""Subjects: who speaks in the words right after a quotation ("…,” X said", "…,” said X").

News copy attributes a quotation right after it: a noun phrase and a verb, or a verb and a
noun phrase, with an apposition between them or after ("…,” Ana Rojas, a senior fellow
at the institute, said"). The noun phrase is read forwards and ends where its verb starts,
so a name never runs into its verb ("Rojas returned"). After “…,” any verb counts, since
that position is the attribution's ("“…,” Rojas fumed"); after a full stop only a speech
verb closing the sentence does ("“…?” Mr. Rojas asked.").
"""

from __future__ import annotations

from briefgen.analysis import lexicon as L
from briefgen.analysis.attribution import Who, after_cue, who_of
from briefgen.analysis.rules import quotes as R
from briefgen.analysis.tokens import Tok, ends_with, is_cap, is_title

# Marks that may stand between a closing quotation mark and its attribution.
_JOINERS = (",", "—", "–", "-")
# How a quotation may end when an attribution follows it.
_OPEN_ENDINGS = (",", "?", "!", "—", "–", "-", "…")
_PRONOUNS = R.PERSON_PRONOUNS | R.FIRST_PERSON | R.GROUP_PRONOUNS


def says(t: Tok, headline: bool = False) -> bool:
    """Whether a token is a verb of saying: "said", "fumed", "Said" in a headline."""
    if t.kind != "w" or (t.text[0].isupper() and not headline):
        return False
    return t.low in L.SPEECH_VERBS or t.low in R.ATTRIBUTION_VERBS


def _verb_like(t: Tok, after_noun: bool) -> bool:
    """Whether a lower-case word reads as a verb after a subject ("returned", "has")."""
    if t.kind != "w" or t.text[0].isupper():
        return False
    if t.low in L.SPEECH_VERBS or t.low in R.ATTRIBUTION_VERBS or t.low in R.SUBJECT_VERB_FILLERS:
        return True
    # "the senator fumed": an -ed word after the noun; "a retired pilot": before it, an adjective.
    return after_noun and len(t.low) > 4 and t.low.endswith("ed")


def np_forward(toks: list[Tok], i: int, headline: bool = False) -> int:
    """Index one past the subject noun phrase that starts at ``i``, read forwards."""
    n = len(toks)
    if i >= n or toks[i].kind != "w":
        return i
    if toks[i].low in _PRONOUNS:
        return i + 1
    det = toks[i].low in R.ARTICLES or toks[i].low in R.POSSESSIVES or toks[i].low in R.SUBJECT_DETERMINERS
    j = i + 1 if det else i
    while j < n and j - i < R.SUBJECT_MAX_WORDS:
        t = toks[j]
        if t.kind != "w":
            break
        nxt = toks[j + 1] if j + 1 < n else None
        if is_cap(t):
            # "Clinton Said …" in a headline: the capitalised verb ends the name.
            if j > i and says(t, headline=True) and headline and not (nxt is not None and says(nxt, headline)):
                break
            j += 1
            continue
        if (not det or j > i + 1) and _verb_like(t, after_noun=j > i + (1 if det else 0)):
            break  # after an article the first word is the noun: "the report said"
        if t.low in R.SUBJECT_LINKS and j > i and nxt is not None and nxt.kind == "w" and not _verb_like(nxt, True):
            j += 1  # "a spokesman for Disney", "a professor at the university"
            continue
        if t.low in ("and", "&") and j > i and is_cap(toks[j - 1]) and nxt is not None and is_cap(nxt):
            j += 1
            continue
        if det or is_title(t) or t.low in R.ROLE_NOUNS:
            j += 1  # a noun of the phrase ("the report"), a title between names
            continue
        if nxt is not None and is_cap(nxt) and t.low not in L.FUNCTION_WORDS:
            j += 1  # a role before a name: "Republican pollster Bill McInturff", "acting Director X"
            continue
        break
    while j > i and toks[j - 1].low in R.SUBJECT_LINKS | R.ARTICLES | {"and"}:
        j -= 1
    return j


def _skip_parenthesis(toks: list[Tok], k: int) -> int:
    """Past a short parenthesis ("(R-Texas)") at ``k``, if there is one."""
    if k < len(toks) and toks[k].low == "(":
        for m in range(k + 1, min(len(toks), k + R.LABEL_PARENTHESIS_TOKENS)):
            if toks[m].low == ")":
                return m + 1
    return k


def _apposition(text: str, toks: list[Tok], k: int) -> tuple[int, str | None]:
    """Past ", a professor at Y," at ``k``: where the verb may start, and the apposition as a role."""
    if k >= len(toks) or toks[k].low != ",":
        return k, None
    b = k + 1
    while b < len(toks) and toks[b].kind == "w" or b < len(toks) and toks[b].low in ("(", ")"):
        b += 1
        if b - k > R.APPOSITION_MAX_WORDS:
            return k, None
    if b >= len(toks) or toks[b].low != "," or b == k + 1:
        return k, None
    first = toks[k + 1]
    role = None
    if b - k - 1 <= R.APPOSITION_ROLE_WORDS and (first.low in R.ARTICLES | R.POSSESSIVES or is_title(first)
                                                   or is_cap(first)):
        role = text[first.start:toks[b - 1].end]
    return b + 1, role


def right_speaker(text: str, toks: list[Tok], body: str, headline: bool = False) -> Who | None:
    """The speaker named right after a quotation's closing mark, or None."""
    if not toks:
        return None
    open_end = body.endswith(_OPEN_ENDINGS) or toks[0].low in _JOINERS
    full_stop = not open_end and body.endswith(".")
    if not open_end and not full_stop:
        return None
    i = 0
    while i < len(toks) and toks[i].kind == "p" and toks[i].low in _JOINERS:
        i += 1
    if i >= len(toks) or toks[i].kind != "w":
        return None
    # "…,” said X" / "…,” according to X"
    if says(toks[i], headline):
        if full_stop and not _closes(toks, after_cue_end(toks, i + 1)):
            return None
        if not _names_someone(toks, i + 1):
            return None  # "…,” promising more": a participle going on, not "said X"
        return after_cue(text, toks, i + 1)
    if ends_with(toks, i + 1, R.ACCORDING_TO):
        return None if full_stop else after_cue(text, toks, i + 2)
    # "…,” X said" / "…,” X, a professor at Y, said" / "…,” X (R-Texas) told reporters"
    e = np_forward(toks, i, headline)
    if e <= i:
        return None
    k = _skip_parenthesis(toks, e)
    k, role = _apposition(text, toks, k)
    while k < len(toks) and toks[k].kind == "w" and toks[k].low in R.SUBJECT_VERB_FILLERS and not says(toks[k]):
        k += 1
    if k >= len(toks) or toks[k].kind != "w":
        return None
    verb = toks[k]
    named = toks[i].low in _PRONOUNS or any(is_cap(t) for t in toks[i:e]) or toks[i].low in R.ARTICLES | R.POSSESSIVES
    if says(verb, headline):
        if full_stop and not _closes(toks, k + 1):
            return None
    elif not (open_end and named and _verb_like(verb, after_noun=True)):
        return None
    return who_of(text, toks, i, e, role)


def after_cue_end(toks: list[Tok], i: int) -> int:
    """Where the noun phrase after "said" ends, for the check that the sentence ends there."""
    return np_forward(toks, i)


def _closes(toks: list[Tok], k: int) -> bool:
    """Whether the attribution's sentence ends (or turns to an aside) at token ``k``."""
    return k >= len(toks) or toks[k].low in (",", ";", "(", "—", "–")


def participle_subject(text: str, toks: list[Tok], v: int) -> Who | None:
    """"Ana Rojas echoed the sentiment, calling it “…”", "Rojas aimed at the plan, saying
    “…”": a participle after a comma speaks with the subject of the clause before it."""
    if v < 2 or not toks[v].low.endswith("ing") or toks[v - 1].low != ",":
        return None
    i = 0
    if toks[0].low in R.LEADING_PREPOSITIONS:  # "In a statement, Rojas …, saying"
        i = next((m + 1 for m in range(v - 1) if toks[m].low == ","), v)
    e = np_forward(toks, i)
    if e <= i or e >= v - 1 or toks[i].low in _PRONOUNS and toks[i].low not in R.PERSON_PRONOUNS:
        return None
    k, role = _apposition(text, toks, _skip_parenthesis(toks, e))
    if k >= v or not _verb_like(toks[k], after_noun=True) and toks[k].low not in R.PERSON_ACTS:
        return None
    if not (toks[i].low in _PRONOUNS or any(is_cap(t) for t in toks[i:e])):
        return None
    return who_of(text, toks, i, e, role)


def _names_someone(toks: list[Tok], i: int) -> bool:
    """Whether a speaker can start at ``i``: a name, a pronoun, an article or a title."""
    if i >= len(toks) or toks[i].kind != "w":
        return False
    t = toks[i]
    return is_cap(t) or t.low in _PRONOUNS or t.low in R.ARTICLES | R.POSSESSIVES | R.SUBJECT_DETERMINERS \
        or is_title(t) or t.low in R.ROLE_NOUNS or t.low in R.GROUP_NOUNS
