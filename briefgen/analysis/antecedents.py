"""Antecedents: whom a pronoun or "the committee" stands for, and what later paragraphs remember.

``Reading`` indexes a paragraph's mentions as its quotations are read in order: people
(a name with a title, a full name, a surname seen in full before, a name that is the
subject of a verb), organisations and documents by head word. A "he" or "she" goes to the
most recent sentence naming a person, and there to its subject, never to a place or an
organisation; a gender the text gives ("Ms.", a "she" already resolved) must agree.
"they"/"it" go to the last organisation or document, "the committee" to the last
"… Committee". ``Memory`` carries speakers, roles and surnames from paragraph to paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from briefgen.analysis import lexicon as L
from briefgen.analysis.attribution import Who, name_word, span_text, who_of
from briefgen.analysis.labels import plausible_speaker
from briefgen.analysis.marks import Span
from briefgen.analysis.name_runs import PLACES
from briefgen.analysis.rules import quotes as R
from briefgen.analysis.tokens import MASK, Tok, ends_outside_quotes, is_cap, is_title, mask_quotes, read_tokens
from briefgen.model import Paragraph


def _runs(toks: list[Tok]) -> list[tuple[int, int]]:
    """Capitalised runs (with name connectors inside) in order."""
    out, i = [], 0
    while i < len(toks):
        if not is_cap(toks[i]):
            i += 1
            continue
        j = i + 1
        while j < len(toks):
            if is_cap(toks[j]):
                j += 1
            elif toks[j].low in R.NAME_CONNECTORS and j + 1 < len(toks) and is_cap(toks[j + 1]):
                j += 2
            else:
                break
        out.append((i, j))
        i = j
    return out


def _split_at_and(toks: list[Tok], i: int, j: int) -> list[tuple[int, int]]:
    """"Ana Rojas and Li Wei", "President Rojas on August 19" as two runs each: a person's
    name holds no "and", "of", "on"; a run with none of them as itself."""
    cuts = [k for k in range(i + 1, j - 1) if toks[k].low in R.PERSON_RUN_BREAKS]
    if not cuts:
        return [(i, j)]
    bounds = [i] + cuts + [j]
    return [(bounds[n] + (1 if n else 0), bounds[n + 1]) for n in range(len(bounds) - 1)]


def _bare(tok: Tok) -> str:
    """A word without its possessive ending ("Holsonback’s" -> "holsonback")."""
    low = tok.low
    return low[:-2] if low.endswith(("’s", "'s")) else low


def _person(text: str, toks: list[Tok], i: int, j: int, known: set[str]) -> Who | None:
    """The run toks[i:j] as a person (name and role), or None if it names something else:
    an organisation ("Pratt & Whitney", "SLS Program"), a place, an acronym, a date."""
    while i < j and toks[i].low in R.NOT_NAME_WORDS and not is_title(toks[i]):
        i += 1
    if i >= j:
        return None
    last_title = None
    for k in range(i, j - 1):
        if is_title(toks[k]):
            last_title = k
    n0 = last_title + 1 if last_title is not None else i
    name = toks[n0:j]
    if not name or len(name) > 4:
        return None
    lows = [_bare(t) for t in name]
    given = 1 if len(lows) > 1 and lows[0] in R.GIVEN_NAME_WORDS else 0  # "Bill Brockett"
    if any(w in R.SOURCE_HEADS or w in R.NOT_NAME_WORDS or w in R.NAME_CONNECTORS or w[0].isdigit()
           or w in R.NOT_PERSON_WORDS for w in lows[given:]):
        return None
    if any(len(t.text) > 1 and t.text.replace("-", "").replace(".", "").isupper() for t in name):
        return None  # an acronym: "NASA DC-8", "SLS"
    span = span_text(text, toks, n0, j)
    if name[0].low in R.PLACE_PREFIXES and len(name) > 1:
        return None  # "St. Louis", "Fort Worth"
    if "&" in span or span.casefold() in PLACES or lows[-1].endswith(R.DESCRIPTIVE_ENDINGS) and last_title is None:
        return None
    nxt = toks[j] if j < len(toks) else None
    if last_title is None and len(name) < 2 and _bare(name[0]) not in known and not _acts(name[0], nxt):
        return None
    role = span_text(text, toks, i, last_title + 1) if last_title is not None else None
    if role and role.split()[0].lower() in R.TITLE_PREFIXES and len(role.split()) == 1:
        role = None
    if span.endswith(("’s", "'s")):
        span = span[:-2]
    return Who(span, role)


def _acts(name: Tok, nxt: Tok | None) -> bool:
    """Whether a lone capitalised word is a person doing something: "Rojas said", "Rojas recalled"."""
    if nxt is None or nxt.kind != "w" or nxt.text[0].isupper() or name.low.endswith(("’s", "'s")):
        return False
    return nxt.low in L.SPEECH_VERBS or nxt.low in R.ATTRIBUTION_VERBS or nxt.low in R.PERSON_ACTS \
        or len(nxt.low) > 4 and nxt.low.endswith("ed")


def gender_key(name: str) -> str:
    """The key a person's gender is kept under: the name as written, lower case. Not the
    surname alone: "Jill Biden" and "Hunter Biden" share one."""
    return " ".join(name.split()).lower()


@dataclass(frozen=True)
class Mention:
    """A person named in a paragraph: where, and whether as a sentence's subject."""

    who: Who
    sentence: int
    subject: bool  # not after "like", "with", "of", … nor a possessive


class Reading:
    """One paragraph as attribution reads it: quotations masked, sentence ends found once,
    and an index of mentions that grows as the quotes are read in order. Only windows around
    quotes are tokenised, so the work stays linear however long the paragraph is."""

    def __init__(self, para: Paragraph, spans: tuple[Span, ...]) -> None:
        self.text = para.text
        self.sentences = para.sentences
        self.spans = spans
        self.masked = mask_quotes(self.text, spans) if spans else self.text
        self._ends: list[tuple[int, int]] | None = None
        self.scanned = 0  # names are indexed up to this offset
        self.people: list[Mention] = []  # persons named, in order
        self.full: list[str] = []  # full names indexed, for Memory.full_names
        self.heads: dict[str, Who] = {}  # "committee" -> the last "… Committee" named
        self.org: Who | None = None  # the last organisation or document named

    @property
    def ends(self) -> list[tuple[int, int]]:
        """Sentence ends, found on first use."""
        if self._ends is None:
            self._ends = ends_outside_quotes(self.sentences, self.spans)
            self.end_offsets = [e[1] for e in self._ends]
        return self._ends

    def read_names(self, pos: int, known: set[str], genders: dict[str, str]) -> None:
        """Index the names before ``pos``: persons by sentence, organisations by head word."""
        lo = max(self.scanned, pos - R.ANTECEDENT_WINDOW)
        if lo >= pos:
            return
        if lo > self.scanned and lo > 0 and not self.masked[lo - 1].isspace():
            gap = self.masked.find(" ", lo, pos)
            lo = pos if gap < 0 else gap
        self.scanned = pos
        _ = self.ends
        toks = read_tokens(self.masked, lo, pos)
        for i, j in _runs(toks):
            for a, b in _split_at_and(toks, i, j):
                if b > a:
                    self._mention(toks, a, b, known, genders)
            if all(t.low in R.NOT_NAME_WORDS for t in toks[i:j]):
                continue  # "The committee" is the reference, not the name
            if j < len(toks) and toks[j].low in R.SOURCE_HEADS and toks[j].kind == "w":
                j += 1  # "the May 2025 MSMT report": a lower-case head after the name
            heads = [t.low for t in toks[i:j] if t.low in R.SOURCE_HEADS]
            if heads:  # "Ministry of Foreign Affairs" answers to "the ministry"
                self.org = who_of(self.text, toks, i, j) or Who(None)
                for head in heads:
                    self.heads[head] = self.org

    def _mention(self, toks: list[Tok], i: int, j: int, known: set[str], genders: dict[str, str]) -> None:
        """Index toks[i:j] if it names a person."""
        sentence = bisect_right(self.end_offsets, toks[i].start)
        before = toks[i - 1].low if i > 0 else ""
        if before in R.LOCATIVE_PRECEDERS and not is_title(toks[i]):
            return  # "in St. Louis", "near Dayton": a place
        if j - i == 1 and self._sentence_initial(toks[i], sentence) and _bare(toks[i]) not in known:
            return  # "Budgets will tighten": a capital that only starts the sentence
        who = _person(self.text, toks, i, j, known)
        if not who or not who.name:
            return
        subject = before not in R.NON_SUBJECT_PRECEDERS and not toks[j - 1].low.endswith(("’s", "'s"))
        self.people.append(Mention(who, sentence, subject))
        gender = next((R.TITLE_GENDER[w] for w in (who.role or "").lower().split() if w in R.TITLE_GENDER), None)
        if gender:
            genders.setdefault(gender_key(who.name), gender)  # "Ms. Rojas" is "she"
        if len(who.name.split()) > 1:
            known.add(who.name.split()[-1].lower())  # "Trump" later means this person
            self.full.append(who.name)

    def _sentence_initial(self, tok: Tok, sentence: int) -> bool:
        """Whether ``tok`` opens its sentence (after any opening marks)."""
        start = self.ends[sentence - 1][1] if sentence > 0 and sentence - 1 < len(self.ends) else 0
        return not self.masked[start:tok.start].strip(" \t\n“\"‘'(—–-")

    def antecedent(self, pronoun: str, genders: dict[str, str], subjects_only: bool, own: int = -1) -> Who | None:
        """The person "he"/"she" stands for here: the latest sentence naming a compatible
        person, and there its first subject (or, failing one, its first person)."""
        want = R.PRONOUN_GENDER.get(pronoun)
        fits = [m for m in self.people if genders.get(gender_key(m.who.name or ""), want) == want]
        if subjects_only:
            fits = [m for m in fits if m.subject]
        if not fits:
            return None
        last = fits[-1].sentence
        same = [m for m in fits if m.sentence == last]
        if last == own:
            # In the pronoun's own sentence the nearest subject: "…, Rojas has said, as she …"
            return next((m.who for m in reversed(same) if m.subject), same[-1].who)
        return next((m.who for m in same if m.subject), same[0].who)


@dataclass
class Memory:
    """What earlier paragraphs tell later ones: recent text, speakers, roles."""

    recent: list[Reading]  # the last paragraphs read, oldest first
    last_person: Who | None = None
    last_group: Who | None = None
    carry: tuple[str, Who | None] | None = None  # kind and speaker of a run-on quote
    tail: Who | None = None  # speaker of the quotation the last paragraph ended with
    lead_in: Who | None = None  # speaker announced at the end of the last paragraph
    surnames: set[str] = field(default_factory=set)  # last words of full names seen, lower case
    roles: dict[str, str] = field(default_factory=dict)  # a speaker's role, once given
    section: Who | None = None  # the speaker a heading names for the rows under it
    genders: dict[str, str] = field(default_factory=dict)  # name -> "m"/"f", from titles and pronouns
    # surname -> the one full name it stands for ("" when two people share it)
    full_names: dict[str, str] = field(default_factory=dict)


def resolve(who: Who | None, para: Paragraph, here: Reading, pos: int, mem: Memory) -> Who | None:
    """Turn a pronoun or "the committee" into the name it stands for."""
    if who is None:
        return None
    if who.pronoun in R.FIRST_PERSON:
        return Who(para.speaker, who.role) if para.speaker else None
    if who.pronoun in R.PERSON_PRONOUNS:
        kin = _kin_subject(here, pos)
        if kin is not None:
            return kin
    if who.pronoun in R.PERSON_PRONOUNS or who.pronoun in R.GROUP_PRONOUNS or who.head:
        known = mem.surnames
        for reading, upto in [(here, pos)] + [(r, len(r.text)) for r in mem.recent[::-1]]:
            reading.read_names(upto, known, mem.genders)
            if who.pronoun in R.GROUP_PRONOUNS:
                found = reading.org
            elif who.pronoun:
                # Across paragraphs only a subject is referred back to, not "looked like X".
                own = bisect_right(here.end_offsets, pos) if reading is here else -1
                found = reading.antecedent(who.pronoun, mem.genders, subjects_only=reading is not here, own=own)
                if found is not None and found.name:
                    mem.genders.setdefault(gender_key(found.name), R.PRONOUN_GENDER[who.pronoun])
            else:
                found = reading.heads.get(who.head or "")
            if found is not None and found.name:
                return Who(found.name, found.role or mem.roles.get(found.name))
        if who.pronoun in R.GROUP_PRONOUNS:
            return mem.last_group
        return mem.last_person if who.pronoun else who
    return who


def _kin_subject(here: Reading, pos: int) -> Who | None:
    """"My dad had a saying. He’d say …": the previous sentence's "possessive + person noun"."""
    ends = here.ends
    n = bisect_right(here.end_offsets, pos)
    if n == 0:
        return None
    start = ends[n - 2][1] if n >= 2 else 0
    toks = read_tokens(here.masked, start, min(ends[n - 1][1], start + 200))
    if len(toks) >= 2 and toks[0].low in R.POSSESSIVES and toks[1].low in R.PERSON_NOUNS \
            and not any(name_word(t) for t in toks[2:]):
        return Who(span_text(here.text, toks, 0, 2))
    return None


# Runs of capitalised words and initials ("Donald J. Trump", "Sen. Ana Rojas"): where
# the full names of a finished paragraph are. One regex pass, far cheaper than tokens.
# A full stop joins only an initial or a title's abbreviation, never two sentences.
_CAPITAL_WORD = r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Prof|Adm|Amb)\.|[A-Z]\.|[A-Z][\w’'\-]+)"
_CAPITAL_RUN = re.compile(rf"\b{_CAPITAL_WORD}(?:[ \t]+{_CAPITAL_WORD})+")


def learn_names(mem: Memory, here: Reading) -> None:
    """Keep a finished paragraph's full names: their surnames (so "Rojas" alone is known
    later), the full name a surname stands for, and a gender a title gives."""
    for name in here.full:
        _full_name(mem, name)
    here.full.clear()
    for m in _CAPITAL_RUN.finditer(here.masked):
        words = m.group().split()
        k = 0
        while k < len(words) - 1 and words[k].lower() in R.TITLE_WORDS:
            k += 1
        name = [w[:-2] if w.endswith(("’s", "'s")) else w for w in words[k:]]
        if not 2 <= len(name) <= 3 or not _full_name_words(name, titled=k > 0):
            continue
        full = " ".join(name)
        mem.surnames.add(name[-1].lower())
        _full_name(mem, full)
        gender = next((R.TITLE_GENDER[w.lower()] for w in words[:k] if w.lower() in R.TITLE_GENDER), None)
        if gender:
            mem.genders.setdefault(gender_key(full), gender)


def _full_name_words(name: list[str], titled: bool) -> bool:
    """Whether capitalised words are a person's full name ("Ana Rojas", "Donald J. Trump")."""
    lows = [w.lower().rstrip(".") for w in name]
    if lows[0] in R.PLACE_PREFIXES or " ".join(name).casefold() in PLACES:
        return False
    if any(w in R.SOURCE_HEADS or w in R.NOT_NAME_WORDS or w in R.NOT_PERSON_WORDS or w in R.NAME_CONNECTORS
           for w in lows[1:]) or lows[0] in R.SOURCE_HEADS - R.GIVEN_NAME_WORDS or lows[0] in R.NOT_NAME_WORDS:
        return False
    if any(len(w) > 1 and w.replace("-", "").replace(".", "").isupper() for w in name):
        return False  # an acronym
    if len(name[-1]) < 2 or not name[-1][1:].islower() and "-" not in name[-1] and not name[-1].startswith("Mc"):
        return False
    return titled or not lows[-1].endswith(R.DESCRIPTIVE_ENDINGS)


def _full_name(mem: Memory, name: str) -> None:
    """Let a surname stand for ``name``, unless another person shares it."""
    words = name.split()
    key = words[-1].lower()
    had = mem.full_names.get(key)
    if had is None:
        mem.full_names[key] = name
    elif had and had.split()[0] != words[0]:
        mem.full_names[key] = ""  # "Anne Fogel" and "Marc Fogel": "Fogel" alone is neither


def remember(mem: Memory, who: Who | None) -> None:
    """Keep a speaker for later pronouns and for roles given only once."""
    if who is None or not who.name:
        return
    if who.role:
        mem.roles[who.name] = who.role
    words = who.name.split()
    if 2 <= len(words) <= 4 and all(w[0].isupper() for w in words):
        mem.last_person = who
        mem.surnames.add(words[-1].lower())
        _full_name(mem, who.name)
    elif len(words) == 1 and words[0].lower() in mem.surnames:
        mem.last_person = who
    else:
        mem.last_group = who


def speaker_and_role(who: Who | None, mem: Memory) -> tuple[str | None, str | None]:
    """The speaker and role strings for output; a lone known surname gets its role back."""
    if who is None or not who.name or MASK in who.name or not plausible_speaker(who.name):
        return None, None  # a fragment, a number or a place is no speaker: better none
    name = who.name
    if " " not in name and not who.role:
        name = mem.full_names.get(name.lower()) or name  # "Rojas said" after "Ana Rojas": one speaker
    role = who.role or mem.roles.get(name) or mem.roles.get(who.name)
    return name, role
