"""Entities: the people, organisations and places an area mentions, for its page tags.

A published tag that is wrong looks worse than a missing one, so every rule here needs
positive evidence, not just a capital letter:

- people: a name right after a title or role ("Rear Admiral Yin Zhuo", "the coach, Pak
  Song-jin"), a transcript speaker label, or a two-to-four-word name that speaks ("Kim
  Lee said", "according to Kim Lee") or is described ("Kim Lee, a professor at ...");
- organisations: a capitalised run holding an organisation head word ("... Institute",
  "... Council"), and acronyms that are well-known organisations or that the article
  defines with such a long form;
- places: the world's countries, capitals and major regions (data in rules.entities), and
  a short capitalised run right after a locative preposition ("in Nagoya").

The paragraph's words and capitalised runs come from ``name_runs``; the article is read
once for all its areas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefgen.analysis.lexicon import ORG_HEADS, TITLES
from briefgen.analysis.features import Article
from briefgen.analysis.name_runs import (
    MAX_PLACE_WORDS,
    PLACES,
    TITLES_OR_ROLES,
    Token,
    capitalised,
    capitalised_runs,
    raw_span,
    read_tokens,
    standalone,
)
from briefgen.analysis.rules.entities import (
    COMMON_CAPS,
    CONNECTORS,
    DEMONYMS,
    KNOWN_ORG_ACRONYMS,
    LOCATIVE_PREPOSITIONS,
    NAME_PARTICLES,
    NON_PLACE_HEADS,
    OFFICE_WORDS,
    ORG_STANDALONE,
    PERSON_VERBS,
    PLACE_PREFIXES,
    ROLE_WORDS,
    WEAK_TITLES,
)
from briefgen.model import Entities, GlossaryEntry, Paragraph

# Tags per kind on one page: enough to say what an area is about, few enough to read.
MAX_PER_KIND = 8
# The words of an office between a title and the name ("Secretary of State Antony Blinken").
OFFICE_OR_LINK: frozenset[str] = OFFICE_WORDS | frozenset({"of", "for"})


@dataclass(frozen=True)
class _Found:
    """One entity mention: where it was seen, its kind, the tag and the key that dedupes it."""

    order: tuple[int, int]
    kind: str  # "person" | "org" | "place"
    display: str
    key: str
    # names listed together ("A B, C D and E F") share a group: one known person makes
    # the bare names beside it people too (see _confirm_names)
    group: tuple[int, int] | None = None


def find_entities(
    article: Article, glossary: tuple[GlossaryEntry, ...], areas: tuple[tuple[str, ...], ...]
) -> tuple[Entities, ...]:
    """People, organisations and places each area (its paragraph ids) mentions, in order of first mention.

    The article is read once for all its areas: mentions anywhere in it confirm a name,
    and resolve a surname standing alone in an area to the full name given elsewhere.
    """
    expansions = {g.term: g.expansion for g in glossary}
    paragraphs = tuple(f.paragraph for f in article.paragraphs)
    per, caps = _mentions(paragraphs, expansions)
    everywhere = [f for found, _ in per for f in found]
    people = [f for f in _confirm_names(everywhere, caps) if f.kind == "person"]
    index = {p.id: i for i, p in enumerate(paragraphs)}
    out = []
    for pids in areas:
        mine = [index[pid] for pid in pids]
        found = [f for i in mine for f in per[i][0]]
        first_at: dict[str, tuple[int, int]] = {}
        for i in mine:
            for word, at in per[i][1].items():
                first_at.setdefault(word, at)
        out.append(_collect(_confirm_names(found, caps, everywhere) + _surnames(first_at, people)))
    return tuple(out)


# Per paragraph: its mentions, and where each capitalised word first stands in it.
_PerParagraph = list[tuple[list["_Found"], dict[str, tuple[int, int]]]]


def _mentions(paragraphs: tuple[Paragraph, ...], expansions: dict[str, str]) -> tuple[_PerParagraph, dict[str, int]]:
    """Every paragraph's mentions, and how often each capitalised word stands in all of them."""
    per: _PerParagraph = []
    caps: dict[str, int] = {}
    for index, paragraph in enumerate(paragraphs):
        found: list[_Found] = []
        first_at: dict[str, tuple[int, int]] = {}
        if paragraph.speaker:
            found.extend(_speaker(paragraph.speaker, (index, -1)))
        tokens = read_tokens(paragraph.text)
        for k, t in enumerate(tokens):
            if t.text[:1].isupper() and standalone(tokens, k):
                caps[t.text] = caps.get(t.text, 0) + 1
                first_at.setdefault(t.text, (index, t.start))
        found.extend(_scan(paragraph.text, tokens, index, expansions))
        per.append((found, first_at))
    return per, caps


def _surnames(first_at: dict[str, tuple[int, int]], people: list[_Found]) -> list[_Found]:
    """The full name, given elsewhere in the article, of each surname standing here alone ("Guterres")."""
    out = []
    for f in people:
        words = f.display.split()
        if len(words) >= 2 and words[-1] in first_at:
            out.append(_Found(first_at[words[-1]], "person", f.display, f.key))
    return out


def _confirm_names(found: list[_Found], caps: dict[str, int], everywhere: list[_Found] | None = None) -> list[_Found]:
    """Bare "Given Surname" runs are people when the surname also stands alone elsewhere.

    "Vladimir Putin met …" then "… Putin’s war": a later surname-only mention is how
    prose refers back to a person; a company ("Acme Robotics") is repeated whole.
    """
    def person(f: _Found) -> bool:
        # caps counts only words standing alone, so the full mentions are not in it
        return f.kind == "person" or (f.kind == "maybe" and caps.get(f.display.split()[-1], 0) > 0)

    listed = {f.group for f in (found if everywhere is None else everywhere) if f.group and person(f)}
    out: list[_Found] = []
    for f in found:
        if f.kind != "maybe":
            out.append(f)
        elif person(f) or f.group in listed:
            out.append(_Found(f.order, "person", f.display, f.key))
    return out


def _speaker(label: str, order: tuple[int, int]) -> list[_Found]:
    """The person in a transcript label such as "PRIME MINISTER MODI", when a title marks it."""
    words = label.replace(":", " ").split()
    last_title = max((i for i, w in enumerate(words) if w.casefold() in TITLES), default=-1)
    name = words[last_title + 1:]
    if last_title < 0 or not 1 <= len(name) <= 3 or not all(w.isalpha() for w in name):
        return []
    display = " ".join(w.capitalize() for w in name)
    return [_Found(order, "person", display, display.casefold())]


def _scan(text: str, tokens: list[Token], index: int, expansions: dict[str, str]) -> list[_Found]:
    """Every entity mention in one paragraph."""
    found: list[_Found] = []
    for run_first, run_stop in capitalised_runs(tokens):
        if run_stop - run_first == 1 and tokens[run_first].text.casefold() in COMMON_CAPS:
            continue  # "The", "However": most runs, and never a name
        # "Professor Smith and Dr. Jones": two titled people, classified apart.
        first = run_first
        for k in range(run_first + 1, run_stop - 1):
            if tokens[k].text == "and" and _two_organisations(tokens, first, k, run_stop):
                # "the X Agency and Y Office": two organisations, each with its head word
                found.extend(_classify(text, tokens, first, k, index, expansions))
                first = k + 1
            elif tokens[k].text == "and" and tokens[k + 1].text.casefold() in TITLES:
                found.extend(_classify(text, tokens, first, k, index, expansions))
                first = k + 1
            elif tokens[k].text == "and" and _two_names(tokens, first, k, run_stop):
                # "generals Ana Rojas and Luis Ortega": two people sharing the role before.
                head = _classify(text, tokens, first, k, index, expansions)
                found.extend(head)
                if any(f.kind == "person" for f in head):
                    display = _span(text, tokens, k + 1, run_stop)
                    found.append(_Found((index, tokens[k + 1].start), "person", display, display.casefold()))
                    first = run_stop
                else:
                    first = k + 1
                break
        if first < run_stop:
            found.extend(_classify(text, tokens, first, run_stop, index, expansions))
    return _group_lists(text, found, index)


def _two_organisations(tokens: list[Token], first: int, k: int, stop: int) -> bool:
    """Whether "and" at k joins two organisation names, each holding a head word."""
    return (capitalised(tokens[k + 1].text)
            and any(t.text.casefold() in ORG_HEADS for t in tokens[first:k])
            and any(t.text.casefold() in ORG_HEADS for t in tokens[k + 1:stop]))


# What separates the names of a list: "A B, C D and E F", "A B, C D, and E F".
LIST_GAP = re.compile(r",?\s+and\s+|,\s+")


def _group_lists(text: str, found: list[_Found], index: int) -> list[_Found]:
    """Give names listed one after another in a paragraph a shared group."""
    names = sorted((k for k, f in enumerate(found) if f.kind in ("person", "maybe")), key=lambda k: found[k].order)
    group: dict[int, tuple[int, int]] = {}  # position in ``found`` -> its list's group
    for a, b in zip(names, names[1:]):
        end = found[a].order[1] + len(found[a].display)
        if not LIST_GAP.fullmatch(text[end:found[b].order[1]]):
            continue
        group[b] = group.setdefault(a, (index, found[a].order[1]))
    if not group:
        return found
    return [_Found(f.order, f.kind, f.display, f.key, group[k]) if k in group else f for k, f in enumerate(found)]


def _two_names(tokens: list[Token], first: int, k: int, stop: int) -> bool:
    """Whether tokens[first:k] and tokens[k+1:stop] are each a 2-4-word personal name."""
    return (2 <= k - first <= 4 and 2 <= stop - k - 1 <= 4
            and _name_after(tokens, first, k) == k and _name_after(tokens, k + 1, stop) == stop)


def _bare_name(tokens: list[Token], first: int, stop: int) -> bool:
    """Whether tokens[first:stop] reads like "Given Surname": 2-3 title-case name words."""
    if not 2 <= stop - first <= 3 or _name_after(tokens, first, stop) != stop:
        return False
    # each part of a hyphenated given name is a name word too ("Jean-Luc")
    return all(len(t.text) >= 2 and all(part[:1].isupper() and part[1:].islower() and part.isalpha()
                                        for part in t.text.split("-"))
               for t in tokens[first:stop]) and len(tokens[stop - 1].text) >= 3


def _classify(text: str, tokens: list[Token], first: int, stop: int, index: int,
              expansions: dict[str, str]) -> list[_Found]:
    """The entities one capitalised run (or part of one) holds."""
    words = [t.text for t in tokens[first:stop]]
    # Sentence openers and prepositions at the front are not part of the name; a
    # preposition marks a place only right before it ("In Nagoya", not "In The Times").
    lead = 0
    locative = _locative_before(tokens, first)
    while lead < len(words) - 1 and words[lead].casefold() in COMMON_CAPS:
        # a capitalised preposition inside a run is part of a title ("This In Focus
        # reviews"); only one opening the sentence ("In Nagoya, ...") marks a place
        locative = words[lead].casefold() in LOCATIVE_PREPOSITIONS and tokens[first + lead].sentence_start
        lead += 1
    if words[lead].casefold() in COMMON_CAPS:
        return []
    first += lead
    words = words[lead:]
    order = (index, tokens[first].start)

    person = _titled_person(tokens, first, stop)
    if person:
        name_first, name_stop = person
        display = _span(text, tokens, name_first, name_stop)
        out = [_Found((index, tokens[name_first].start), "person", display, display.casefold())]
        if name_stop < stop and tokens[name_stop].text in CONNECTORS:
            out.extend(_places(text, tokens, name_stop + 1, stop, index))
        return out

    org = _organisation(tokens, first, stop)
    if org:
        org_first, org_stop = org
        display = _span(text, tokens, org_first, org_stop)
        out = _places(text, tokens, first, org_first, index) if org_first > first else []
        place = PLACES.get(display.casefold())
        if place:
            return out + [_Found(order, "place", place, place.casefold())]
        key = _org_key(display, expansions)
        return out + [_Found((index, tokens[org_first].start), "org", display, key)]

    if _speaking_person(text, tokens, first, stop):
        display = _span(text, tokens, first, stop)
        return [_Found(order, "person", display, display.casefold())]

    if len(words) == 1:
        acronym = _acronym(words[0], order, expansions)
        if acronym:
            return [acronym]

    places = _places(text, tokens, first, stop, index)
    if places:
        return places
    if locative and _plausible_place(tokens, first, stop):
        display = _span(text, tokens, first, stop)
        return [_Found(order, "place", display, display.casefold())]
    if not locative and _bare_name(tokens, first, stop):
        display = _span(text, tokens, first, stop)
        # "Ghana’s Kofi Annan": a country's own name-shaped figure is a person
        kind = "person" if _place_possessive_before(tokens, first) else "maybe"
        return [_Found(order, kind, display, display.casefold())]  # a maybe: see _confirm_names
    return []


def _place_possessive_before(tokens: list[Token], first: int) -> bool:
    """Whether a known place in the possessive stands right before tokens[first]."""
    if first < 1 or not tokens[first].joined or tokens[first].sentence_start:
        return False
    before = tokens[first - 1]
    return before.possessive and before.text.casefold() in PLACES


def _span(text: str, tokens: list[Token], first: int, stop: int) -> str:
    """The source words of tokens[first:stop], whitespace normalised, no possessive."""
    return " ".join(text[tokens[first].start:tokens[stop - 1].start].split() + [tokens[stop - 1].text])


def _locative_before(tokens: list[Token], first: int) -> bool:
    """Whether a locative preposition stands right before the run ("in Nagoya")."""
    return (first > 0 and tokens[first].joined and not tokens[first].sentence_start
            and tokens[first - 1].text in LOCATIVE_PREPOSITIONS)


def _name_word(word: str) -> bool:
    """A word that can be part of a person's name: capitalised, not a title, place or head word."""
    folded = word.casefold()
    if not capitalised(word) or any(c.isdigit() for c in word):
        return False
    if len(word) > 1 and word.replace("-", "").replace(".", "").isupper() and len(word) != 2:
        return False  # an acronym, not a name ("NATO"); "W." stays a possible initial
    if word.isupper() and not word.endswith("."):
        return False
    return (folded not in COMMON_CAPS and folded not in TITLES and folded not in ORG_HEADS
            and folded not in DEMONYMS and folded not in PLACES and folded not in NON_PLACE_HEADS
            and folded not in PERSON_VERBS)


def _name_after(tokens: list[Token], at: int, stop: int) -> int:
    """The end of the name that starts at tokens[at] (at itself when there is none)."""
    j = at
    while j < stop and j - at < 4 and (_name_word(tokens[j].text) or (
            tokens[j].text in NAME_PARTICLES and j + 1 < stop and _name_word(tokens[j + 1].text) and j > at)):
        j += 1
        if tokens[j - 1].possessive:
            break
    return j


def _titled_person(tokens: list[Token], first: int, stop: int) -> tuple[int, int] | None:
    """(first, stop) of a name right after a title, in the run or just before it."""
    title_at = -1
    for i in range(first, stop):
        if tokens[i].text.casefold() in TITLES:
            title_at = i
    if title_at >= 0:
        at = title_at + 1
        # "Secretary of State Antony Blinken": the office, then the name.
        if at < stop and tokens[at].text in ("of", "for"):
            while at < stop and tokens[at].text.casefold() in OFFICE_OR_LINK:
                at += 1
        end = _name_after(tokens, at, stop)
        if end > at and (end == stop or tokens[end].text in CONNECTORS or tokens[end - 1].possessive):
            weak = tokens[title_at].text.casefold() in WEAK_TITLES or not capitalised(tokens[title_at].text)
            if end - at >= 2 or not weak:
                return at, end
        return None
    # A lower-case role just before: "the team coach, Pak Song-jin", "leader Kim Jong Un".
    before = first - 1
    role = tokens[before].text.casefold() if before >= 0 else ""
    if role.endswith("s") and role[:-1] in TITLES_OR_ROLES:
        role = role[:-1]  # "generals Ana Rojas and Luis Ortega"
    if (before >= 0 and not capitalised(tokens[before].text)
            and role in TITLES_OR_ROLES):
        end = _name_after(tokens, first, stop)
        # "the second leader, Ilse Brandt of Norway": the name, then where the person is from
        from_place = end < stop and tokens[end].text == "of" and _is_place_span(tokens, end + 1, stop)
        if (end == stop or from_place) and end - first >= 2:
            return first, end
    return None


def _organisation(tokens: list[Token], first: int, stop: int) -> tuple[int, int] | None:
    """(first, stop) of the organisation name in the run, if it holds a head word."""
    heads = [i for i in range(first, stop) if tokens[i].text.casefold() in ORG_HEADS]
    if not heads:
        if stop - first == 1 and tokens[first].text.casefold() in ORG_STANDALONE:
            return first, stop
        return None
    head = heads[-1]
    # The organisation starts after the last "the", or after "Place and" ("Russia and
    # the Eurasian Economic Union"), whichever is nearer to the head.
    start = first
    for i in range(first, head):
        word = tokens[i].text
        place_before = word == "and" and i - start <= MAX_PLACE_WORDS and _is_place_span(tokens, start, i)
        if word == "the" or place_before:
            start = i + 1
    while start < head and tokens[start].text in CONNECTORS:
        start += 1
    # "Members of Congress": a word before "of" that is not itself a head word is not
    # part of the name ("Bank of England" keeps its "Bank").
    if (start + 2 <= head and tokens[start + 1].text == "of"
            and tokens[start].text.casefold() not in ORG_HEADS):
        start += 2
    end = stop
    words = [t.text.casefold() for t in tokens[start:end]]
    if any(w in TITLES for w in words):
        return None  # "Secretary of the Navy" is a person's office, not the Navy
    if end - start < 2 and words[0] not in ORG_STANDALONE:
        return None
    return start, end


def _is_place_span(tokens: list[Token], first: int, stop: int) -> bool:
    """Whether tokens[first:stop] spell a known place."""
    return raw_span(tokens, first, stop).casefold() in PLACES


def _speaking_person(text: str, tokens: list[Token], first: int, stop: int) -> bool:
    """A 2-4-word name that speaks or is described: "Kim Lee said", "Kim Lee, a professor"."""
    if not 2 <= stop - first <= 4 or _name_after(tokens, first, stop) != stop:
        return False
    if _is_place_span(tokens, first, stop):
        return False
    after = text[tokens[stop - 1].end:tokens[stop - 1].end + 60]
    m = re.match(r"\s+(\w+)", after)
    if m and m.group(1) in PERSON_VERBS and not tokens[stop - 1].possessive:
        return True
    # "X, a professor", and "X, France’s prime minister": a possessive may open the role
    m = re.match(r",\s+(?:a|an|the|who\s+is\s+(?:a|an|the)|[A-Z][\w\-]+[’']s)((?:\s+[\w\-]+){1,3})", after)
    if m and any(w.casefold() in ROLE_WORDS for w in m.group(1).split()) and not tokens[stop - 1].possessive:
        return True
    if first >= 1 and tokens[first].joined:
        prev = tokens[first - 1].text.casefold()
        if prev in PERSON_VERBS:
            return True
        if prev == "to" and first >= 2 and tokens[first - 2].text.casefold() == "according":
            return True
    return False


def _acronym(word: str, order: tuple[int, int], expansions: dict[str, str]) -> _Found | None:
    """An acronym that is a known organisation or place, or one the article defines as such."""
    place = PLACES.get(word.casefold()) if word.isupper() or "." in word else None
    if place:
        return _Found(order, "place", place, place.casefold())
    expansion = expansions.get(word)
    if expansion:
        place = PLACES.get(expansion.casefold())
        if place:
            return _Found(order, "place", place, place.casefold())
        if any(w.casefold() in ORG_HEADS for w in expansion.split()):
            return _Found(order, "org", word, expansion.casefold())
    if word in KNOWN_ORG_ACRONYMS:
        return _Found(order, "org", word, (expansion or word).casefold())
    return None


def _org_key(display: str, expansions: dict[str, str]) -> str:
    """The dedupe key of an organisation: its long form, whichever way it was written."""
    return expansions.get(display, display).casefold()


def _places(text: str, tokens: list[Token], first: int, stop: int, index: int) -> list[_Found]:
    """Known places in tokens[first:stop], each a whole word group between connectors."""
    out: list[_Found] = []
    i = first
    while i < stop:
        if i > first and tokens[i - 1].text not in CONNECTORS:
            i += 1
            continue
        for length in range(min(MAX_PLACE_WORDS, stop - i), 0, -1):
            end = i + length
            if end < stop and tokens[end].text not in CONNECTORS:
                continue
            place = PLACES.get(raw_span(tokens, i, end).casefold())
            if place:
                out.append(_Found((index, tokens[i].start), "place", place, place.casefold()))
                i = end
                break
        else:
            i += 1
    return out


def _plausible_place(tokens: list[Token], first: int, stop: int) -> bool:
    """Whether a run after "in" can be a place name: one word, or a place prefix and a word."""
    if stop - first > 2 or tokens[stop - 1].possessive:
        return False
    if stop - first == 2 and tokens[first].text.casefold() not in PLACE_PREFIXES:
        return False
    for t in tokens[first:stop]:
        folded = t.text.casefold()
        if (not capitalised(t.text) or folded in COMMON_CAPS or folded in TITLES
                or folded in ORG_HEADS or folded in NON_PLACE_HEADS or t.text.isupper()):
            return False
    return not all(t.text.casefold() in DEMONYMS for t in tokens[first:stop])


def _collect(found: list[_Found]) -> Entities:
    """Dedupe by kind in order of first mention, fold surnames into full names, cap each kind."""
    found = sorted(found, key=lambda f: f.order)
    people: list[str] = []
    orgs: dict[str, str] = {}
    places: dict[str, str] = {}
    for f in found:
        if f.kind == "person":
            _add_person(people, f.display)
        elif f.kind == "org":
            orgs.setdefault(f.key, f.display)
        else:
            places.setdefault(f.key, f.display)
    person_words = {w.casefold() for p in people for w in p.split()}
    org_names = {o.casefold() for o in orgs.values()}
    place_list = [p for p in places.values()
                  if p.casefold() not in org_names and not (set(p.casefold().split()) & person_words)]
    return Entities(
        people=tuple(people[:MAX_PER_KIND]),
        organisations=tuple(list(orgs.values())[:MAX_PER_KIND]),
        places=tuple(place_list[:MAX_PER_KIND]),
    )


def _add_person(people: list[str], name: str) -> None:
    """Add ``name`` unless it is part of a name already there; a fuller name replaces a part."""
    words = name.casefold().split()
    for i, known in enumerate(people):
        known_words = known.casefold().split()
        if set(words) <= set(known_words):
            return
        if set(known_words) <= set(words):
            people[i] = name
            return
    people.append(name)
