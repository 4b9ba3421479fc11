"""Labels: speakers named by a row's label or a section's heading, and what a speaker may be.

Government pages and round-ups credit quotations with a label, not a sentence:
"Sen. Ana Rojas (D-NM): “…”" opens a paragraph, or a heading ("Secretary of State Ana
Rojas on Meet the Press") names the speaker of every row under it, each row opening with
its topic ("On tariffs: “…”"). A label is a noun phrase and nothing else: no verb, no
clause, never a topic ("On tariffs") or a page's own furniture ("Note:", "Watch:").

Whatever found it, a speaker is checked last by ``plausible_speaker``: a person, an
organisation, a document or a role, never a number, a fragment, a verb phrase or a place.
"""

from __future__ import annotations

from briefgen.analysis import lexicon as L
from briefgen.analysis.attribution import Who, who_of
from briefgen.analysis.name_runs import PLACES
from briefgen.analysis.rules import quotes as R
from briefgen.analysis.tokens import Tok, is_cap, is_title, read_tokens


def _words_only(toks: list[Tok]) -> list[Tok] | None:
    """The label's words, a trailing "(D-PA)" or "(R)" dropped; None if other marks remain."""
    if toks and toks[-1].low == ")":
        opening = next((k for k in range(len(toks) - 1, -1, -1) if toks[k].low == "("), None)
        if opening is None or len(toks) - opening > R.LABEL_PARENTHESIS_TOKENS:
            return None
        toks = toks[:opening]
    if not toks or any(t.kind != "w" for t in toks):
        return None
    return toks


def _label_word(t: Tok) -> bool:
    """Whether a word may stand in a speaker label: a name, a title, a link, a role noun."""
    if is_cap(t) or is_title(t) or t.low in R.NAME_CONNECTORS or t.low in R.NP_CONNECTORS:
        return True
    if t.low in R.ARTICLES or t.low == "to":
        return True  # "Coalition for a Prosperous America Chairman …", "Ambassador to Russia …"
    return t.low in R.ROLE_NOUNS


def label_who(text: str, toks: list[Tok]) -> Who | None:
    """The speaker of "Label: “…”" when ``toks`` (a sentence's words up to the opening
    mark) are a label and its colon: "Sen. Ana Rojas (D-NM):", "The Rojas Family:"."""
    if len(toks) < 2 or toks[-1].low != ":":
        return None
    words = _words_only(toks[:-1])
    if words is None or len(words) > R.LABEL_MAX_WORDS or not _plausible_label(words):
        return None
    return who_of(text, words, 0, len(words))


def _plausible_label(words: list[Tok]) -> bool:
    """A noun phrase that names someone: capitalised, no verb, no topic or page furniture."""
    first = words[0]
    if first.low in R.LABEL_NOT_FIRST or first.low in L.FUNCTION_WORDS - R.ARTICLES:
        return False
    if " ".join(t.text for t in words).upper() in L.NOT_SPEAKERS or first.text.upper() in L.NOT_SPEAKERS:
        return False
    if not any(is_cap(t) and t.text[:1].isalpha() for t in words):
        return False
    if words[-1].low in R.NAME_CONNECTORS:
        return False
    return all(_label_word(t) for t in words)


def topic_label(toks: list[Tok]) -> bool:
    """Whether a sentence's words before a quotation are a row's topic: "On tariffs:"."""
    return len(toks) >= 2 and toks[0].low in R.TOPIC_OPENERS and toks[-1].low == ":" \
        and not any(t.low in (",", ";") for t in toks)


def heading_who(heading: str) -> Who | None:
    """The speaker a heading names for the rows under it: "Secretary of State Ana Rojas on
    Meet the Press", "Senator Ana Rojas:". Only a title and a name make it a speaker."""
    toks = read_tokens(heading, 0, len(heading))
    cut = next((k for k, t in enumerate(toks) if t.low in R.HEADING_SPEAKER_CUTS and k > 1), len(toks))
    words = _words_only([t for t in toks[:cut] if t.low != ":"])
    if words is None or len(words) > R.LABEL_MAX_WORDS or not _plausible_label(words):
        return None
    who = who_of(heading, words, 0, len(words))
    # A heading such as "Energy Security Concerns" is no speaker: it must give a title
    # (split off as the role) before a name.
    if who is None or not who.role or not who.name or not any(is_title(t) for t in words):
        return None
    return who


def plausible_speaker(name: str) -> bool:
    """Whether ``name`` can be a speaker: a person, an organisation, a document or a role
    noun phrase; never a number, a fragment ("calling", "instead"), a verb phrase ("Rojas
    returned"), a bare function word or a place."""
    toks = [t for t in read_tokens(name, 0, len(name)) if t.kind == "w"]
    if not toks or len(toks) > R.SPEAKER_MAX_WORDS:
        return False
    if all(t.text[0].isdigit() for t in toks) or not any(t.text[0].isalpha() for t in toks):
        return False
    last = toks[-1]
    if last.low in L.FUNCTION_WORDS or len(toks) > 1 and _verbish(toks[0]) and not toks[0].text[0].isupper():
        return False  # "said Rojas" kept whole
    if name.casefold() in PLACES:
        return False
    if len(toks) == 1:
        t = toks[0]
        if t.text[0].isupper():
            return t.low not in R.NOT_NAME_WORDS and t.low not in L.FUNCTION_WORDS
        return t.low in R.ROLE_NOUNS or t.low in R.SOURCE_HEADS or is_title(t) or t.low in R.GROUP_NOUNS
    # "Rojas returned", "Ana Rojas declined": a name run into a verb
    if is_cap(toks[0]) and not last.text[0].isupper() and _verbish(last):
        return False
    return True


def _verbish(t: Tok) -> bool:
    """Whether a lower-case last word reads as a verb rather than a noun ("returned", "says")."""
    if t.low in R.ROLE_NOUNS or t.low in R.SOURCE_HEADS or is_title(t) or t.low in R.GROUP_NOUNS:
        return False
    if t.low in R.PLURAL_NOUN_LOOKALIKES:
        return False  # "Member states", "the report's findings"
    return t.low in L.SPEECH_VERBS or t.low in R.ATTRIBUTION_VERBS or t.low.endswith("ed")
