"""Attribution: who said a quotation, and in what role, from the words around it.

The speaker is the subject of the speech verb (or the source after "according to"): a
name with its title or apposition split off as the role, an organisation or a document,
or a pronoun that ``antecedents`` resolves. ``subjects`` reads the attribution after a
quotation; this module reads noun phrases and the subject before a verb.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefgen.analysis import lexicon as L
from briefgen.analysis.rules import quotes as R
from briefgen.analysis.tokens import Tok, ends_with, is_cap, is_title


def _np_end(toks: list[Tok], i: int, hi: int | None = None) -> int:
    """Index one past the noun phrase that starts at ``i`` (a name, title or document)."""
    j = i
    hi = len(toks) if hi is None else hi
    stop = L.FUNCTION_WORDS - R.NP_CONNECTORS
    while j < hi and j - i < 14:
        t = toks[j]
        if t.kind != "w":
            break
        if not is_cap(t):
            if j == i and t.low in R.ARTICLES | R.POSSESSIVES:
                pass  # "the ministry", "a senior official", "his spokesman"
            elif t.low == "to" and j > i and is_title(toks[j - 1]) and j + 1 < hi \
                    and (is_cap(toks[j + 1]) or toks[j + 1].low == "the"):
                pass  # "Ambassador to the UN Linda Thomas-Greenfield"
            elif t.low in ("and", "or", "&", "de", "van", "von", "al", "bin"):
                if not (j > i and is_cap(toks[j - 1]) and j + 1 < len(toks) and is_cap(toks[j + 1])):
                    break
            elif t.low in stop or t.low in R.SUBJECT_VERB_FILLERS:
                break
            elif t.low in R.CLAUSE_OPENERS or t.low in R.RELATIVE_PRONOUNS:
                break
        j += 1
    while j > i and toks[j - 1].low in R.NP_CONNECTORS | {"and", "or"}:
        j -= 1
    return j


def _skip_adjunct(toks: list[Tok], i: int, hi: int) -> int:
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


def _clause_name(toks: list[Tok], end: int) -> tuple[int, int] | None:
    """The nearest name before ``end`` in its clause that is followed by a lower-case word (its verb)."""
    for k in range(end - 1, max(-1, end - 1 - R.CLAUSE_NAME_REACH), -1):
        if toks[k].kind != "w":
            return None
        if is_cap(toks[k]) and toks[k].text[:1].isalpha() and k + 1 < end and toks[k + 1].kind == "w" \
                and not is_cap(toks[k + 1]):
            return _backward_name(toks, k + 1)
    return None


def _backward_name(toks: list[Tok], end: int) -> tuple[int, int] | None:
    """The capitalised run (with connectors) ending just before index ``end``."""
    j = end - 1
    if j < 0 or not is_cap(toks[j]):
        return None
    i = j
    while i - 1 >= 0:
        t = toks[i - 1]
        if is_cap(t):
            i -= 1
        elif t.kind == "w" and t.low in R.NAME_CONNECTORS and i - 2 >= 0 and is_cap(toks[i - 2]):
            i -= 1
        else:
            break
    while i <= j and toks[i].low in R.NOT_NAME_WORDS and not is_title(toks[i]):
        i += 1
    return (i, j + 1) if i <= j else None


@dataclass(frozen=True)
class Who:
    """A speaker as found in the text: a name, or a pronoun still to resolve."""

    name: str | None
    role: str | None = None
    pronoun: str | None = None
    head: str | None = None  # "committee" in "the committee said": refers to a named one


def span_text(text: str, toks: list[Tok], i: int, j: int) -> str:
    """The paragraph's own words from token i up to (not including) token j."""
    return text[toks[i].start:toks[j - 1].end]


def who_of(text: str, toks: list[Tok], i: int, j: int, role: str | None = None) -> Who | None:
    """A speaker from the noun phrase toks[i:j]: split a title off as role, drop "the"."""
    i0 = i  # "the report", "a spokesman for Disney" keep their article: alone, "report" is a fragment
    while i < j and toks[i].low in R.ARTICLES:
        i += 1
    if i >= j:
        return None
    first = toks[i]
    if j - i == 1 and first.low in R.PERSON_PRONOUNS | R.FIRST_PERSON | R.GROUP_PRONOUNS:
        return Who(None, role, pronoun=first.low)
    if any(t.kind != "w" for t in toks[i:j]):
        return None
    caps = [k for k in range(i, j) if is_cap(toks[k])]
    spokes = _spokesperson(text, toks, i, j)
    if spokes is not None:
        return Who(span_text(text, toks, i0, j), role or spokes[1])
    if not caps:
        if j - i <= 3 and toks[j - 1].low in R.SOURCE_HEADS:
            return Who(span_text(text, toks, i0, j), role, head=toks[j - 1].low)
        if j - i > 5:
            return None
        return Who(span_text(text, toks, i0, j), role)
    # "Maria Lopez of the University of Tokyo": the name speaks, the affiliation is a role.
    affiliation = None
    for k in range(i + 1, j - 1):
        if toks[k].low in ("of", "at", "from") and all(name_word(t) or is_title(t) for t in toks[i:k]) \
                and any(name_word(t) for t in toks[i:k]) \
                and (any(t.low in R.SOURCE_HEADS for t in toks[k + 1:j]) or k - i >= 2 and role is not None):
            affiliation, j = span_text(text, toks, k, j), k
            break
    if role and affiliation:
        role, affiliation = f"{role} {affiliation}", None  # "the project scientist" + "of the laboratory"
    # A title before a trailing personal name splits role from name:
    # "Chinese Rear Admiral | Yin Zhuo", "U.S. Ambassador to the UN | Linda Thomas-Greenfield".
    # A first name may be a common word ("Bill"): before another name word it is a name.
    m = j
    while m > i and (name_word(toks[m - 1]) or m < j and _capitalised_word(toks[m - 1])) and j - m < 4:
        m -= 1
    if i < m < j and any(is_title(t) for t in toks[i:m]):
        return Who(span_text(text, toks, m, j), role or span_text(text, toks, i, m))
    return Who(span_text(text, toks, i, j), role or affiliation)


def _capitalised_word(tok: Tok) -> bool:
    """A capitalised word that is no title, acronym or number: before a surname, a first name."""
    return tok.kind == "w" and tok.text[0].isupper() and not tok.text.isupper() and not is_title(tok) \
        and tok.low not in R.NOT_NAME_WORDS


def _spokesperson(text: str, toks: list[Tok], i: int, j: int) -> tuple[str, str] | None:
    """"spokesman for Disney", "a professor at the University of Leeds": an unnamed person
    speaks for an organisation; the phrase is the speaker, the organisation its role."""
    if is_cap(toks[i]):
        return None
    for k in range(i + 1, j - 1):
        if is_cap(toks[k]):
            return None
        if toks[k].low in R.SPEAKS_FOR_LINKS and any(is_cap(t) for t in toks[k + 1:j]):
            o = k + 1
            while o < j and toks[o].low in R.ARTICLES:
                o += 1
            return span_text(text, toks, i, j), span_text(text, toks, o, j)
    return None


def name_word(tok: Tok) -> bool:
    """Whether a token can be part of a personal name (not a title, acronym, or place word);
    an initial ("J." in "Donald J. Trump") is."""
    if tok.kind == "w" and len(tok.text.rstrip(".")) == 1 and tok.text[0].isupper():
        return tok.text[0].isalpha()
    return (tok.kind == "w" and tok.text[0].isupper() and not tok.text.isupper()
            and not is_title(tok) and tok.low not in R.SOURCE_HEADS and tok.low not in R.NOT_NAME_WORDS)


def _is_apposition(toks: list[Tok], i: int, j: int) -> bool:
    """Whether toks[i:j] reads as an apposition: "a professor at X", "the head of Y"."""
    return j > i and toks[i].low in R.ARTICLES | R.POSSESSIVES and all(t.kind == "w" for t in toks[i:j])


def _segment_start(toks: list[Tok], end: int) -> int:
    """Start index of the comma-free stretch of words that ends just before ``end``."""
    i = end
    while i > 0 and toks[i - 1].kind == "w":
        i -= 1
    return i


def _subject_across_comma(text: str, toks: list[Tok], b: int, v: int, depth: int) -> Who | None:
    """The subject when nothing stands between a clause break and the verb at ``v``."""
    if b > 0 and toks[b - 1].low == ",":
        a = _segment_start(toks, b - 1)
        if a > 0 and toks[a - 1].low == "," and a < b - 1:
            before = _segment_start(toks, a - 1)
            if _is_apposition(toks, a, b - 1):
                # "X, a professor at Y, said": the apposition is the role, X the speaker.
                role = span_text(text, toks, a, b - 1)
                named = _backward_name(toks, a - 1)
                if named:
                    return who_of(text, toks, named[0], named[1], role)
                s = _skip_adjunct(toks, before, a - 1)
                return who_of(text, toks, s, _np_end(toks, s, a - 1), role)
            named = _backward_name(toks, b - 1)
            if named and named[0] == a:
                # "The spokesperson for the ministry, Ned Price, said": a name, its role before.
                role = span_text(text, toks, before, a - 1) if _is_apposition(toks, before, a - 1) else None
                return who_of(text, toks, named[0], named[1], role)
            if not toks[v].low.endswith("ing"):
                # "The report, published by the institute, says": skip the aside.
                s = _skip_adjunct(toks, before, a - 1)
                e = _np_end(toks, s, a - 1)
                if e == a - 1 and e > s:
                    return who_of(text, toks, s, e)
    if depth == 0 and b > 0 and (toks[b - 1].low in (",", "and", "but", "then", "or")):
        # "X warned … and said", "X told …, adding": the subject of the earlier verb.
        for k in range(b - 2, -1, -1):
            t = toks[k]
            if t.kind == "w" and t.low in L.SPEECH_VERBS and t.low not in R.WEAK_SPEECH_VERBS:
                return subject_before(text, toks, k, depth + 1)
        if toks[b - 1].low == "and" and (b == v or toks[b].low in R.SUBJECT_VERB_FILLERS):
            # "Members have agreed to X and have committed “…”": one subject, two verbs.
            a = _segment_start(toks, b - 1)
            s = _skip_adjunct(toks, a, b - 1)
            e = _np_end(toks, s, b - 1)
            if s < e < b - 1 and toks[e].low in R.SUBJECT_VERB_FILLERS | L.SPEECH_VERBS:
                return who_of(text, toks, s, e)
    return None


def subject_before(text: str, toks: list[Tok], v: int, depth: int = 0) -> Who | None:
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
    if v > 0 and toks[v - 1].low in R.PASSIVE_AUXILIARIES and toks[v].low in R.PASSIVE_SPEECH:
        return None  # "the minister was asked, “…”": the subject is not the speaker
    if j > 0 and toks[j - 1].low in R.PERSON_PRONOUNS | R.FIRST_PERSON | R.GROUP_PRONOUNS:
        return Who(None, pronoun=toks[j - 1].low)
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
            return who_of(text, toks, named[0], named[1]) if named else None
        named = _backward_name(toks, j)
        if named and named[0] > b:
            b = named[0] if toks[named[0] - 1].low not in R.ARTICLES else b
        return who_of(text, toks, b, j) if b < j else None
    # Back to the start of the clause.
    b = j
    while b > 0:
        t = toks[b - 1]
        if t.kind != "w":
            break
        if t.low in R.CLAUSE_OPENERS:
            if t.low in ("and", "or") and b < len(toks) and is_cap(toks[b]) and b - 2 >= 0 and is_cap(toks[b - 2]):
                b -= 1
                continue
            break
        b -= 1
    if b == j:
        # "Ana Rojas, teacher at the academy in Rantoul, Illinois, said": a full name opening
        # the asides before the verb is the speaker (a lone word there may end a place).
        asides = _name_before_asides(text, toks, b)
        found = _subject_across_comma(text, toks, b, v, depth)
        if found is not None and found.name and " " in found.name and not _placename(found.name) \
                and (asides is None or found.name == asides.name):
            return found
        return asides or found
    if j - b == 1 and toks[b].low in R.RELATIVE_PRONOUNS:
        end = b - 1 if b > 0 and toks[b - 1].low == "," else b
        named = _backward_name(toks, end)
        return who_of(text, toks, named[0], named[1]) if named else None
    s = _skip_adjunct(toks, b, j)
    e = _np_end(toks, s, j)
    if e <= s:
        named = _backward_name(toks, j)
        return who_of(text, toks, named[0], named[1]) if named else None
    if e < j and is_cap(toks[j - 1]):
        # "… precursor which arrived in April 2026.58 President Trump wrote": the phrase at
        # the clause's start stops short of the verb; the name right before it speaks.
        named = _backward_name(toks, j)
        if named and named[0] >= e:
            return who_of(text, toks, named[0], named[1])
    role = None
    # "the team coach, Pak Song-jin said": a role before the name, after a comma.
    if b > 0 and toks[b - 1].low == ",":
        a = _segment_start(toks, b - 1)
        if _is_apposition(toks, a, b - 1) and is_title(toks[b - 2]) and (a == 0 or toks[a - 1].kind != "w"):
            role = span_text(text, toks, a + 1, b - 1)
    return who_of(text, toks, s, e, role)


def after_cue(text: str, toks: list[Tok], i: int) -> Who | None:
    """The source named right after a cue: "according to X", "said X, a professor at Y"."""
    if i < len(toks) and toks[i].kind == "w" and toks[i].low in R.PERSON_PRONOUNS | R.FIRST_PERSON | R.GROUP_PRONOUNS:
        return Who(None, pronoun=toks[i].low)
    e = _np_end(toks, i)
    if e <= i:
        return None
    role = None
    if e + 1 < len(toks) and toks[e].low == "," and _role_only(toks, i, e) and name_word(toks[e + 1]):
        # "said Curiosity’s project scientist, Ana Rojas of the laboratory": role, then name.
        f = _np_end(toks, e + 1)
        if f > e + 1:
            return who_of(text, toks, e + 1, f, span_text(text, toks, i, e))
    if e < len(toks) and toks[e].low == ",":
        a = e + 1
        b = a
        while b < len(toks) and toks[b].kind == "w":
            b += 1
        if _is_apposition(toks, a, b):
            role = span_text(text, toks, a, b)
    return who_of(text, toks, i, e, role)


def _role_only(toks: list[Tok], i: int, e: int) -> bool:
    """Whether toks[i:e] name a role and no one: "the project scientist", "Curiosity’s project manager"."""
    last = toks[e - 1]
    return not is_cap(last) and (is_title(last) or last.low in R.ROLE_NOUNS) and not any(name_word(t) and not t.low.endswith(("’s", "'s"))
                                                          for t in toks[i:e])


def right_attribution(text: str, toks: list[Tok], body: str) -> Who | None:
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
        return after_cue(text, toks, i + 1)
    if ends_with(toks, i + 1, R.ACCORDING_TO):
        return after_cue(text, toks, i + 2)
    if toks[i].low == "as":
        # "“…,” as my mother would say, “…”": the speaker of both halves.
        for v in range(i + 1, min(len(toks), i + 8)):
            if toks[v].kind != "w":
                return None
            if toks[v].low in L.SPEECH_VERBS and v > i + 1:
                return subject_before(text, toks[i:v + 1], v - i)
        return None
    return None


def _placename(name: str) -> bool:
    """Whether a found subject is a one-word capitalised place rather than a name ("Illinois")."""
    from briefgen.analysis.name_runs import PLACES  # the place lists load with the entities stage
    return name.casefold() in PLACES or name.upper() == name


def _name_before_asides(text: str, toks: list[Tok], b: int) -> Who | None:
    """"Ana Rojas, science teacher at the academy in Rantoul, Illinois, said": the personal
    name that opens a run of comma-separated asides before the verb; the asides are its role."""
    if b == 0 or toks[b - 1].low != ",":
        return None
    end = b - 1
    for _ in range(R.ASIDE_SEGMENTS):
        a = _segment_start(toks, end)
        if a == end:
            return None
        named = _backward_name(toks, end)
        if named and named[0] == a and end - a >= 2 and all(name_word(t) or is_title(t) for t in toks[a:end]) \
                and name_word(toks[end - 1]) and name_word(toks[end - 2]):
            return who_of(text, toks, a, end, span_text(text, toks, end + 1, b - 1) if end + 1 < b - 1 else None)
        if a == 0 or toks[a - 1].low != ",":
            return None
        end = a - 1
    return None