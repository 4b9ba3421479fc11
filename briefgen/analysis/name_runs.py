"""Name runs: a paragraph's words as the entities stage reads them, and its capitalised runs.

One linear scan per paragraph: ordinary lower-case words collapse into one placeholder,
and the words that matter next to a name (titles, roles, speech verbs, connectors) are
kept with their joins, possessives and sentence starts. A run of capitalised words,
with connectors inside ("Ministry of Foreign Affairs"), is where a name may be.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from briefgen.analysis.lexicon import ORG_HEADS, TITLES
from briefgen.analysis.rules.entities import (
    COMMON_CAPS,
    CONNECTORS,
    COUNTRIES_AND_CAPITALS,
    DEMONYMS,
    KNOWN_ORG_ACRONYMS,
    LOCATIVE_PREPOSITIONS,
    PERSON_VERBS,
    PLACE_ALIASES,
    REGIONS,
    ROLE_WORDS,
)


# A word: letters first, then letters, digits, apostrophes and hyphens; dotted
# abbreviations ("U.S.", "Dr.") keep their dots.
TOKEN = re.compile(r"[^\W\d_][\w’'\-]*(?:\.[^\W\d_]+)*\.?")

# Punctuation in the gap before a word that makes the word open a sentence or clause.
SENTENCE_GAP = re.compile(r"[.!?:;“\"]")

# The longest place name in the lists, in words; bounds the matcher's look-ahead.
MAX_PLACE_WORDS = 5


def _place_table() -> dict[str, str]:
    """Every known place spelling (case-folded) -> the name shown on the tag."""
    table: dict[str, str] = {}
    for country, capital in COUNTRIES_AND_CAPITALS:
        table[country.casefold()] = country
        if capital:
            table[capital.casefold()] = capital
    for region in REGIONS:
        table[region.casefold()] = region
    for alias, name in PLACE_ALIASES:
        table[alias.casefold()] = name
    return table


PLACES: dict[str, str] = _place_table()


class Token(NamedTuple):
    """A word of a paragraph with what the scan needs to know about its surroundings.

    A NamedTuple rather than a frozen dataclass: one is made per word, and this is the
    stage's hot loop.
    """

    text: str  # without a trailing possessive or sentence full stop
    raw: str  # with its possessive, apostrophe straightened ("People's")
    start: int
    end: int
    joined: bool  # only whitespace between this token and the previous one
    possessive: bool  # "China’s": a run usually ends here
    sentence_start: bool


# Stands for a stretch of ordinary lower-case words: not part of a name, and no clue
# before one.
_FILLER = Token("", "", -1, -1, False, False, False)

# Lower-case words the rules look at next to a name; every other lower-case word only
# separates names.
CONTEXT_WORDS: frozenset[str] = (CONNECTORS | LOCATIVE_PREPOSITIONS | PERSON_VERBS | TITLES | ROLE_WORDS
                                 | frozenset({"according", "to"}))

# Unions the hot rules test against, built once here rather than on every call.
TITLES_OR_COMMON: frozenset[str] = TITLES | COMMON_CAPS
TITLES_OR_ROLES: frozenset[str] = TITLES | ROLE_WORDS


def standalone(tokens: list[Token], k: int) -> bool:
    """Whether tokens[k] stands as a name on its own: no capitalised word joined to it.

    Only such a word can be a surname referring back to a person ("Putin’s war",
    "President Putin"); inside a longer name it is part of that name ("Intelligence" in
    "Defense Intelligence Agency", "House" in "House Select Committee") and must neither
    confirm "Strategic Intelligence" as a person nor stand for one. A title or a capitalised
    sentence word before it ("President Putin", "If Putin") does not count.
    """
    t = tokens[k]
    if (t.joined and k > 0 and tokens[k - 1].text[:1].isupper() and not tokens[k - 1].possessive
            and tokens[k - 1].text.casefold() not in TITLES_OR_COMMON and not t.sentence_start):
        return False
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return t.possessive or nxt is None or not (nxt.joined and nxt.text[:1].isupper())


def read_tokens(text: str) -> list[Token]:
    """The words of ``text`` with their joins, possessives and sentence starts."""
    out: list[Token] = []
    append = out.append
    prev_end = 0
    for m in TOKEN.finditer(text):
        word = m.group()
        if word[0].islower() and "-" not in word and word[-1] != "." and (
                word not in CONTEXT_WORDS if word[-1] != "s" else _inert_plural(word)):
            # Most words: lower case and no clue to a name. One placeholder stands for a
            # stretch of them, which keeps this hot loop short (checked before anything
            # else is computed for the word).
            prev_end = m.end()
            if not out or out[-1] is not _FILLER:
                append(_FILLER)
            continue
        start, end = m.span()
        gap = text[prev_end:start]
        if gap == " ":  # the usual gap, decided without scanning it
            joined, sentence_start = True, not out
        else:
            joined = bool(gap) and not gap.strip()
            sentence_start = not out or SENTENCE_GAP.search(gap) is not None
        if word[-1] == "." and not _keeps_dot(word):
            word, end = word[:-1], end - 1  # the full stop ends a sentence: leave it in the gap
        prev_end = end
        raw = word.replace("’", "'")
        possessive = len(word) > 2 and word[-1] == "s" and word[-2] in "’'"
        if possessive:
            word, end = word[:-2], end - 2
        elif len(word) > 3 and word[-1] in "’'" and word[-2] == "s" and word[0].isupper():
            # "Guterres’ legacy": a name ending in s takes a bare apostrophe
            word, end, possessive = word[:-1], end - 1, True
        if "-" in word and _hyphen_compound(word):
            # "Russia-North Korea", "NATO-China": each part is a word of its own, so the
            # runs "Russia" and "North Korea" are found; "Russia-dominated" leaves "Russia".
            offset = start
            for k, part in enumerate(word.split("-")):
                last = k == word.count("-")
                out.append(Token(part, raw[offset - start:] if last else part, offset, offset + len(part),
                                  joined if k == 0 else False, possessive and last, sentence_start and k == 0))
                offset += len(part) + 1
            continue
        out.append(Token(word, raw, start, end, joined, possessive, sentence_start))
    return out


def _inert_plural(word: str) -> bool:
    """Whether a lower-case word ending in s is no clue to any rule, so a filler like the rest.

    Plurals and verbs ("talks", "seeks") are a tenth of all words. Kept as tokens, as
    before: possessives, context words in any case ("says" before a name), and plural
    roles ("generals Ana Rojas and Luis Ortega", see _titled_person).
    """
    if len(word) > 2 and word[-2] in "’'":
        return False
    folded = word.casefold()
    return folded not in CONTEXT_WORDS and not (folded.endswith("s") and folded[:-1] in TITLES_OR_ROLES)


def _keeps_dot(word: str) -> bool:
    """Dotted abbreviations and initials keep their full stop ("Dr.", "U.S.", "W.")."""
    return word.casefold() in TITLES or "." in word[:-1] or len(word) == 2


def capitalised_runs(tokens: list[Token]) -> list[tuple[int, int]]:
    """(first, last+1) index pairs of capitalised runs; connectors only inside.

    A run ends at a possessive ("China’s BRI") unless the words after it finish an
    organisation or place name ("Korean People’s Army"). A lone "the" (not "of the")
    starts a new run, so "the European Union and the World Bank" gives two.
    """
    runs: list[tuple[int, int]] = []
    i, n = 0, len(tokens)
    while i < n:
        if not tokens[i].text[:1].isupper():  # capitalised, inlined: this visits every token
            i += 1
            continue
        j = i + 1
        last_cap = i
        while j < n and tokens[j].joined:
            if tokens[j - 1].possessive and not _name_continues(tokens, i, j):
                break
            word = tokens[j].text
            if word == "the" and tokens[j - 1].text not in ("of", "for", "on"):
                break
            if word == "and" and j + 1 < n and tokens[j + 1].text == "the":
                break
            if capitalised(word):
                last_cap = j
            elif word not in CONNECTORS:
                break
            j += 1
        runs.append((i, last_cap + 1))
        i = last_cap + 1
    return runs


def _name_continues(tokens: list[Token], first: int, at: int) -> bool:
    """Whether a name goes on past the possessive before tokens[at] ("People's Army")."""
    if tokens[at - 1].text.casefold() in PLACES:
        return False  # "Kenya’s Fisheries Board": the country's board, not one name
    stop = at
    while stop < len(tokens) and stop - at < 4 and tokens[stop].joined and (
            capitalised(tokens[stop].text) or tokens[stop].text in ("of", "for")):
        if tokens[stop].text.casefold() in ORG_HEADS:
            return True
        stop += 1
        if tokens[stop - 1].possessive:
            break  # "China’s People’s Liberation Army": the next possessive decides
    while first < at - 1 and tokens[first].text.casefold() in COMMON_CAPS:
        first += 1
    while stop > at and not capitalised(tokens[stop - 1].text):
        stop -= 1
    return stop - first <= MAX_PLACE_WORDS and raw_span(tokens, first, stop).casefold() in PLACES


def raw_span(tokens: list[Token], first: int, stop: int) -> str:
    """tokens[first:stop] as written, possessives included, single-spaced."""
    return " ".join(t.raw if k < stop - 1 else t.text for k, t in enumerate(tokens[first:stop], first))


def capitalised(word: str) -> bool:
    """Whether ``word`` starts with a capital letter."""
    return word[:1].isupper()


def _hyphen_compound(word: str) -> bool:
    """"NATO-China", "Russia-dominated": hyphenated words that join names, not one name."""
    parts = word.split("-")
    if len(parts) < 2 or word.casefold() in PLACES:
        return False
    head = parts[0].casefold()
    return head in PLACES or head in DEMONYMS or parts[0] in KNOWN_ORG_ACRONYMS or not parts[-1][:1].isalpha()
