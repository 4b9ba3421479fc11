"""Glossary: the acronyms an article defines.

The core is Schwartz & Hearst's algorithm (PSB 2003): a short form in parentheses, and a
long form made of the words just before it whose letters spell the short form, searched
within min(|SF| + 5, 2 * |SF|) words. Their matcher takes any character; ours asks each
word of the long form to contribute letters starting with its own initial (so "Belt and
Road Initiative" spells BRI, but "Atlanta" does not spell ATA), and picks the cheapest
match by dynamic programming rather than greedily. Around that core it reads the forms
analytical prose uses:

- "Long Form (LF)" and "LF (Long Form)";
- "(DPRK, or North Korea)" and "(FY2026 NDAA; P.L. 119-60)": items after ", or" and ";"
  are alternatives, and a leading fiscal-year or year qualifier is not part of the term;
- "... Act for Fiscal Year 2026 (FY2026 NDAA)": trailing year qualifiers are not part of
  the long form;
- "Eurasian Research and Analysis Institute, Inc. (ERA Institute)": an acronym followed by
  a word that ends the long form too;
- "the Democratic People's Republic of Korea, or DPRK," (matched strictly).

Everything else in parentheses (country names, "(China abstained)", report numbers,
section signs, years) is not a definition: a short form must look like an acronym and its
letters must be spelled by the long form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefgen.analysis.rules import glossary as R
from briefgen.model import GlossaryEntry

def find_acronyms(texts: tuple[str, ...]) -> tuple[GlossaryEntry, ...]:
    """Acronym definitions found in ``texts``, first definition wins, in order of appearance."""
    seen: dict[str, GlossaryEntry] = {}
    for text in texts:
        for entry in _definitions(text):
            key = entry.term.casefold()
            if key not in seen:
                seen[key] = entry
    return tuple(seen.values())


def _definitions(text: str) -> Iterator[GlossaryEntry]:
    """Definitions in one text, in order of where their short form stands."""
    found: list[tuple[int, GlossaryEntry]] = []
    for m in R.PARENTHETICAL.finditer(text):
        entry = _from_parenthetical(text, m)
        if entry:
            found.append((m.start(), entry))
    for pattern in (R.OR_DEFINITION, R.DASH_DEFINITION):
        for m in pattern.finditer(text):
            entry = _from_or_form(text, m)
            if entry:
                found.append((m.start(1), entry))
    found.sort(key=lambda pair: pair[0])
    for _, entry in found:
        yield entry


def _from_parenthetical(text: str, m: re.Match[str]) -> GlossaryEntry | None:
    """The definition a parenthetical makes with the text before it, if any."""
    last = R.LAST_WORD.search(text, max(0, m.start() - R.CHARS_PER_WORD), m.start())
    initial = _clean_word(last.group(1))[:1] if last else ""
    for term, tail in _short_form_candidates(m.group(1)):
        if not tail and initial.isalpha() and initial not in _letters(term) and last \
                and not R.CORPORATE_SUFFIX.fullmatch(" " + last.group(1)) \
                and not _may_drop_tail(text[max(0, m.start() - R.CHARS_PER_WORD * R.OF_COMPLEMENT_MAX_WORDS):m.start()]):
            continue  # cheap early out: the word before must spell a letter ("x (AB)")
        reach = R.CHARS_PER_WORD * (2 * len(_letters(term)) + 2)
        entry = _long_form_before(_before(text, m.start(), reach), term, tail)
        if entry:
            return entry
    return _reversed(_before(text, m.start(), R.CHARS_PER_WORD), m.group(1))


def _may_drop_tail(before: str) -> bool:
    """Whether the long form may end on words its acronym leaves out ("X of the Y", "X and Y")."""
    return any(f" {w} " in before for w in R.COMPLEMENT_PREPOSITIONS) or " and " in before


def _before(text: str, at: int, reach: int) -> str:
    """Up to ``reach`` characters before ``at``, whole words only, so a long line stays linear."""
    start = max(0, at - reach)
    before = text[start:at]
    if start > 0:
        before = before.split(None, 1)[-1] if " " in before else ""  # drop the cut word
    return before


def _short_form_candidates(inner: str) -> Iterator[tuple[str, str]]:
    """(acronym, trailing word) pairs the parenthetical may define, first item first."""
    items = [inner]
    if ";" in inner:
        items = [inner.split(";", 1)[0]]
    first, sep, rest = items[0].partition(",")
    items = [first]
    if sep and re.match(r"\s*or\s", rest):
        items.append(rest)
    for item in items:
        words = item.strip().strip("“”\"'‘’").split()
        while words and (words[0].casefold() in R.SF_LEAD_WORDS or R.SF_QUALIFIER.fullmatch(words[0])):
            words = words[1:]
        if len(words) == 1 and _is_short_form(words[0]):
            yield words[0], ""
        elif len(words) == 2 and _is_short_form(words[0]) and re.fullmatch(r"[A-Z][a-z]{2,}", words[1]):
            # "ERA Institute": an acronym plus the long form's own last word.
            yield f"{words[0]} {words[1]}", words[1]


def _is_short_form(token: str) -> bool:
    """Whether ``token`` looks like an acronym: mostly capitals, 2+ letters, few digits."""
    if not R.SHORT_FORM.fullmatch(token) or not token[0].isalnum():
        return False
    letters = [c for c in token if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    digits = sum(c.isdigit() for c in token)
    if len(letters) < 2 or upper < 2 or upper < len(letters) - upper or digits > len(letters):
        return False
    return not R.ROMAN_NUMERAL.fullmatch(token)


def _letters(term: str) -> str:
    """The letters a long form has to spell: digits and joiners are not asked for."""
    return "".join(c for c in term.casefold() if c.isalpha())


def _long_form_before(before: str, term: str, tail: str) -> GlossaryEntry | None:
    """The long form of ``term`` ending just before a parenthesis, as a verbatim slice."""
    acronym = term.split()[0]
    letters = _letters(acronym)
    window = min(len(letters) + 5, 2 * len(letters)) + (1 if tail else 0)
    candidate = _cut_tail(R.CORPORATE_SUFFIX, before.rstrip())
    candidate = _cut_tail(R.TRAILING_QUALIFIER, candidate).rstrip(" ,")
    cut = 0
    for b in R.LONG_FORM_BOUNDARY.finditer(candidate):
        cut = b.end()
    spans = [(w.start() + cut, w.end() + cut) for w in R.WORD.finditer(candidate[cut:])]
    if not spans:
        return None
    end = spans[-1][1]
    if tail:
        # "Institute" closes both the long form and the short form "ERA Institute".
        if _clean_word(candidate[spans[-1][0]:end]) != tail.casefold():
            return None
        spans = spans[:-1]
    all_spans = spans
    spans = spans[-window:]
    words = tuple(_clean_word(candidate[s:e]) for s, e in spans)
    lead_ok = _capitalised_articles(candidate, spans)
    # A strict head-last reading beats one that borrows letters from inside words
    # ("Agreement on Digital Trade (DTA)" is not "Digital Trade").
    start = _head_last(words, letters)
    if start is None and not tail:
        # likewise a strict head-first reading ("Green Progressive Party (PGP)" is not
        # "Progressive Party" with the G borrowed from inside a word)
        start = _head_first(candidate, spans, letters)
    if start is None:
        start = _spell(words, letters, strict=False, lead_ok=lead_ok)
    if start is None and not tail:
        head = _without_of_complement(candidate, all_spans, letters, window)
        if head is not None:
            spans, start = all_spans, head
    if start is None and not tail:
        first_of_pair = _first_conjunct(candidate, all_spans, letters, window)
        if first_of_pair is not None:
            start, stop = first_of_pair
            spans, end = all_spans, all_spans[stop - 1][1]
    if start is None and not tail:
        start = _truncation(candidate, spans, letters)
    if start is None:
        return None
    expansion = _trim(candidate[spans[start][0]:end])
    if not expansion or expansion.casefold() == term.casefold():
        return None
    return GlossaryEntry(term, expansion)


def _capitalised_articles(text: str, spans: list[tuple[int, int]]) -> frozenset[int]:
    """Indexes of words that are a capitalised foreign article ("La"), which may open a long form."""
    return frozenset(
        i for i, (s, e) in enumerate(spans)
        if text[s:s + 1].isupper() and _clean_word(text[s:e]) in R.LEADING_ARTICLES
    )


def _without_of_complement(
    text: str, spans: list[tuple[int, int]], letters: str, window: int
) -> int | None:
    """Start (in ``spans``) of a long form whose acronym spells only the part before its "of the X"."""
    words = tuple(_clean_word(text[s:e]) for s, e in spans)
    for at in range(len(words) - 2, max(len(words) - 2 - R.OF_COMPLEMENT_MAX_WORDS, 0), -1):
        if words[at] not in R.COMPLEMENT_PREPOSITIONS:
            continue
        rest = spans[at + 1:]
        if not all(text[s:s + 1].isupper() or _clean_word(text[s:e]) == "the" for s, e in rest):
            return None
        first = max(0, at - window)
        start = _spell(words[first:at], letters, strict=True)
        return None if start is None else first + start
    return None


def _first_conjunct(
    text: str, spans: list[tuple[int, int]], letters: str, window: int
) -> tuple[int, int] | None:
    """(start, stop) of the first of two joined names the acronym spells alone.

    "the Kosovo Specialist Chambers and Specialist Prosecutor's Office (KSC)": the acronym
    names the first body; strict, and the words after "and" must all be capitalised.
    """
    words = tuple(_clean_word(text[s:e]) for s, e in spans)
    for at in range(len(words) - 2, max(len(words) - 2 - R.OF_COMPLEMENT_MAX_WORDS, 0), -1):
        if words[at] != "and":
            continue
        if not all(text[s:s + 1].isupper() for s, e in spans[at + 1:]):
            return None
        first = max(0, at - window)
        start = _spell(words[first:at], letters, strict=True)
        return None if start is None else (first + start, at)
    return None


def _truncation(text: str, spans: list[tuple[int, int]], letters: str) -> int | None:
    """Start of a one-word long form the acronym abbreviates by its first letters ("Democrats (DEM)")."""
    if len(letters) < R.TRUNCATION_MIN_LETTERS or not spans:
        return None
    a, b = spans[-1]
    word = _clean_word(text[a:b])
    if text[a:a + 1].isupper() and word.isalpha() and len(word) > len(letters) and word.startswith(letters):
        return len(spans) - 1
    return None


def _head_first(text: str, spans: list[tuple[int, int]], letters: str) -> int | None:
    """Start of a translated name whose acronym keeps its own language's head-first order.

    "Social Liberal Party (PSL)" is Partido Social Liberal, "Brazilian Democratic Movement
    (MDB)" Movimento Democratico Brasileiro: the English head noun (last word) gives the
    first letter, then the modifiers in their English or in reversed order. Strict: the
    last len(letters) words are all capitalised content words, one initial each.
    """
    n = len(letters)
    if n < 2 or len(spans) < n:
        return None
    used = spans[-n:]
    if not all(text[a:a + 1].isupper() and _clean_word(text[a:b]) not in R.MINOR_WORDS for a, b in used):
        return None
    if _clean_word(text[used[-1][0]:used[-1][1]]) not in R.HEAD_FIRST_NOUNS:
        return None  # "Lee Park (PL)" is someone's initials, not a translated name
    initials = [_clean_word(text[a:b])[:1] for a, b in used]
    head, modifiers = initials[-1], initials[:-1]
    orders = [modifiers, modifiers[::-1]]
    if len(modifiers) >= 2 and _clean_word(text[used[0][0]:used[0][1]]).endswith(R.NATIONALITY_ENDINGS):
        orders.append(modifiers[1:] + modifiers[:1])  # the nationality adjective goes last
    if any(letters == head + "".join(order) for order in orders):
        return len(spans) - n
    return None


def _head_last(words: tuple[str, ...], letters: str) -> int | None:
    """Start of "Head on X Y" spelling X Y H (head noun moved last), matched strictly."""
    if len(letters) < 3:
        return None
    for h in range(len(words) - 3, -1, -1):
        if words[h + 1] not in R.HEAD_LAST_PREPOSITIONS or words[h][:1] != letters[-1] \
                or words[h] in R.MINOR_WORDS:
            continue
        rest = words[h + 2:]
        start = _spell(rest, letters[:-1], strict=True)
        if start is not None and all(w in R.MINOR_WORDS for w in rest[:start]):
            return h
    return None


def _cut_tail(pattern: re.Pattern[str], text: str) -> str:
    """``text`` without what ``pattern`` (anchored at the end) matches in its last 80 characters."""
    m = pattern.search(text, max(0, len(text) - 80))
    return text[: m.start()] if m else text


def _reversed(before: str, inner: str) -> GlossaryEntry | None:
    """"NATO (North Atlantic Treaty Organization)": acronym first, long form inside."""
    m = re.search(r"([A-Za-z0-9][A-Za-z0-9.&/\-]{1,14})\s*$", before)
    if not m or not _is_short_form(m.group(1)):
        return None
    term = m.group(1).rstrip(".") if m.group(1).count(".") == 1 else m.group(1)
    inner = inner.strip()
    body = re.sub(r"^(?:the|or)\s+", "", inner, flags=re.I)
    spans = [(w.start(), w.end()) for w in R.WORD.finditer(body)]
    if len(spans) < 2 or len(spans) > min(len(term) + 5, 2 * len(term)):
        return None
    words = tuple(_clean_word(body[s:e]) for s, e in spans)
    if _spell(words, _letters(term), strict=True) != 0:
        return None
    return GlossaryEntry(term, _trim(body))


def _from_or_form(text: str, m: re.Match[str]) -> GlossaryEntry | None:
    """"the Democratic People's Republic of Korea, or DPRK,": strict, all words must spell."""
    term = m.group(1).rstrip(".-")
    if not _is_short_form(term) or not term.isupper():
        return None
    before = _before(text, m.start(), R.CHARS_PER_WORD * (2 * len(term) + 2))
    cut = 0
    for b in R.LONG_FORM_BOUNDARY.finditer(before):
        cut = b.end()
    spans = [(w.start() + cut, w.end() + cut) for w in R.WORD.finditer(before[cut:])]
    letters = _letters(term)
    spans = spans[-min(len(letters) + 5, 2 * len(letters)):]
    words = tuple(_clean_word(before[s:e]) for s, e in spans)
    start = _spell(words, letters, strict=True)
    if start is None:
        return None
    return GlossaryEntry(term, _trim(before[spans[start][0]:spans[-1][1]]))


def _clean_word(word: str) -> str:
    """A word as matched: case-folded, without surrounding punctuation or a possessive."""
    w = word.casefold().strip(".,;:'\"“”‘’()[]")
    return re.sub(r"[’']s$", "", w)


def _trim(expansion: str) -> str:
    """An expansion without the punctuation a sentence put around it."""
    return expansion.strip().strip(",;:").strip()


def _word_parts(word: str) -> tuple[str, ...]:
    """A word's hyphen-separated parts; each part has its own initial ("Trans-Pacific")."""
    return tuple(p for p in re.split(r"[-‐]", word) if p)


def _spell(
    words: tuple[str, ...], letters: str, strict: bool, lead_ok: frozenset[int] = frozenset()
) -> int | None:
    """Index of the first word of the cheapest run ending at the last word that spells ``letters``.

    Each word either spells a group of consecutive letters, the first being its initial
    (or a hyphen part's initial) and the rest found in order inside it, or is skipped. A
    minor word is skipped for free; skipping a content word costs one and is allowed once
    for short forms of four letters or more (and never when ``strict``). Among the
    cheapest runs, the one using fewest inside-word letters, then the shortest, wins.
    None when no run qualifies or when a single word would spell it all.
    """
    n, m = len(words), len(letters)
    if n == 0 or m < 2:
        return None
    allowed_skips = 0 if strict or m < 4 else 1
    inf = (10**6, 10**6, 10**6)
    memo: dict[tuple[int, int], tuple[tuple[int, int, int], int]] = {}

    def solve(j: int, i: int) -> tuple[tuple[int, int, int], int]:
        """(cost, start) spelling letters[:i] with words[:j+1]; cost = (skips, inner letters, words)."""
        if i == 0:
            return (0, 0, 0), j + 1
        if j < 0:
            return inf, -1
        if (j, i) in memo:
            return memo[(j, i)]
        word = words[j]
        best: tuple[tuple[int, int, int], int] = (inf, -1)
        for k, inner in _groups(word, letters, i):
            if k == 0 and word in R.MINOR_WORDS and j not in lead_ok:
                continue  # a long form never starts on "the" or "of" (but may on "La")
            cost, start = solve(j - 1, k)
            cand = (cost[0], cost[1] + inner, cost[2] + 1)
            if cand < best[0]:
                best = (cand, start)
        if i < m:  # the long form's last word must spell a letter
            skip = 0 if word in R.MINOR_WORDS or not any(c.isalpha() for c in word) else 1
            cost, start = solve(j - 1, i)
            cand = (cost[0] + skip, cost[1], cost[2] + 1)
            if cand < best[0]:
                best = (cand, start)
        memo[(j, i)] = best
        return best

    cost, start = solve(n - 1, m)
    if cost[0] > allowed_skips or start < 0:
        return None
    used = words[start:]
    # One word spelling a whole acronym ("Atlanta" for ATA) is a coincidence, not a definition.
    if len(used) == 1 and len(_word_parts(used[0])) == 1:
        return None
    # A long form that starts on a skippable word is never cheapest, but guard anyway.
    if used[0] in R.MINOR_WORDS and start not in lead_ok:
        return None
    return start


def _groups(word: str, letters: str, i: int) -> Iterator[tuple[int, int]]:
    """Each (k, inner) such that ``word`` can spell letters[k:i], starting at one of its initials.

    ``inner`` counts the letters taken from inside a part rather than from a part's
    initial: "man-portable" spelling MANP takes two ("a", "n"), not three, so it beats a
    neighbour that would borrow the same letters from inside ("PRC-manufactured").
    """
    parts = _word_parts(word)
    if not parts:
        return
    # Hyphenated words spell one group per part, right to left.
    ends = {i: 0}
    for part in reversed(parts):
        nxt: dict[int, int] = {}
        for end, inner in ends.items():
            for k in range(end - 1, max(end - 1 - R.MAX_LETTERS_PER_WORD, -1), -1):
                if letters[k] == part[0] and _subsequence(letters[k + 1:end], part[1:]):
                    cost = inner + end - k - 1
                    if cost < nxt.get(k, cost + 1):
                        nxt[k] = cost
            if len(parts) > 1 and inner < nxt.get(end, inner + 1):
                nxt[end] = inner  # a part of a hyphenated word may spell nothing
        ends = nxt
    for k in sorted(ends, reverse=True):
        if k < i:
            yield k, ends[k]


def _subsequence(needle: str, hay: str) -> bool:
    """Whether the characters of ``needle`` appear in ``hay`` in order."""
    it = iter(hay)
    return all(c in it for c in needle)
