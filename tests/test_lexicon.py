"""The lexicon and the stage rules: every word list written once, each entry once, in the case it is compared in."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

from briefgen.analysis import lexicon as L
from briefgen.analysis.rules import areas as A
from briefgen.analysis.rules import entities as E
from briefgen.analysis.rules import quotes as Q
from briefgen.analysis.rules import summarize as S

ANALYSIS = Path(L.__file__).parent
DATA_MODULES = [ANALYSIS / "lexicon.py", *sorted((ANALYSIS / "rules").glob("*.py"))]


def _entries(node: ast.AST) -> list[str] | None:
    """The string entries a list literal holds: a set, tuple or list display, or a "...".split()."""
    if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
        return [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split" \
            and isinstance(node.func.value, ast.Constant) and not node.args:
        return node.func.value.value.split()
    return None


def _literal_lists(path: Path) -> list[tuple[str, list[str]]]:
    """(name, entries) of every word-list literal assigned at the top level of ``path``."""
    out = []
    for stmt in ast.parse(path.read_text()).body:
        if not isinstance(stmt, (ast.Assign, ast.AnnAssign)) or stmt.value is None:
            continue
        target = stmt.targets[0] if isinstance(stmt, ast.Assign) else stmt.target
        for node in ast.walk(stmt.value):
            entries = _entries(node)
            if entries:
                out.append((getattr(target, "id", "?"), entries))
    return out


@pytest.mark.parametrize("path", DATA_MODULES, ids=lambda p: p.name)
def test_no_word_list_repeats_an_entry(path: Path) -> None:
    repeats = {name: [w for w, n in Counter(words).items() if n > 1] for name, words in _literal_lists(path)}
    assert {name: words for name, words in repeats.items() if words} == {}


def test_a_shared_list_is_defined_only_in_the_lexicon() -> None:
    shared = {name for name, value in vars(L).items() if name.isupper() and not name.startswith("_")}
    for path in DATA_MODULES[1:]:
        defined = {getattr(t, "id", None) for s in ast.parse(path.read_text()).body
                   if isinstance(s, (ast.Assign, ast.AnnAssign)) for t in (s.targets if isinstance(s, ast.Assign) else [s.target])}
        assert not shared & defined, f"{path.name} redefines {shared & defined}"


# Lists the code compares with lower-cased words must be lower case themselves.
LOWER_CASE = {
    "STOP_WORDS": L.STOP_WORDS, "FUNCTION_WORDS": L.FUNCTION_WORDS, "SPEECH_VERBS": L.SPEECH_VERBS,
    "DOCUMENT_VERBS": L.DOCUMENT_VERBS, "TITLES": L.TITLES, "OFFICE_PREFIXES": L.OFFICE_PREFIXES,
    "RELATION_WORDS": L.RELATION_WORDS, "ORG_HEADS": L.ORG_HEADS, "MONTHS": L.MONTHS, "WEEKDAYS": L.WEEKDAYS,
    "DANGLING_STARTS": L.DANGLING_STARTS, "PHATIC_WORDS": L.PHATIC_WORDS, "SPOKEN_FILLER": L.SPOKEN_FILLER,
    "SPEAKER_VOICE_WORDS": L.SPEAKER_VOICE_WORDS, "DEMONYM_ENDINGS": L.DEMONYM_ENDINGS,
    "areas.ADDRESS_WORDS": A.ADDRESS_WORDS, "areas.GENERIC_TITLE_WORDS": A.GENERIC_TITLE_WORDS,
    "summarize.SIGNAL_WORDS": S.SIGNAL_WORDS, "quotes.TERM_NOUNS": Q.TERM_NOUNS,
    "quotes.NOT_NAME_WORDS": Q.NOT_NAME_WORDS, "quotes.SOURCE_HEADS": Q.SOURCE_HEADS,
    "entities.COMMON_CAPS": E.COMMON_CAPS, "entities.PERSON_VERBS": E.PERSON_VERBS,
    "entities.ROLE_WORDS": E.ROLE_WORDS, "entities.DEMONYMS": E.DEMONYMS,
}


@pytest.mark.parametrize("name", sorted(LOWER_CASE))
def test_lists_compared_lower_case_are_lower_case(name: str) -> None:
    assert [w for w in LOWER_CASE[name] if w != w.lower()] == []


# Lists the code compares with labels in capitals must be upper case.
@pytest.mark.parametrize("words", [L.QUESTIONER_SPEAKERS, A.NON_PERSON_SPEAKERS], ids=["questioners", "non-persons"])
def test_speaker_label_lists_are_upper_case(words: tuple[str, ...]) -> None:
    assert [w for w in words if w != w.upper()] == []


def test_stop_words_include_every_function_word() -> None:
    assert L.FUNCTION_WORDS <= L.STOP_WORDS


def test_document_verbs_are_speech_verbs_and_weak_cues() -> None:
    assert L.DOCUMENT_VERBS <= L.SPEECH_VERBS and L.DOCUMENT_VERBS <= Q.WEAK_SPEECH_VERBS


def test_a_title_prefix_or_relation_is_no_title_of_its_own() -> None:
    # "Ministry of Foreign Affairs" must stay an organisation, "Son" a possible name
    assert not (L.OFFICE_PREFIXES | L.RELATION_WORDS) & L.TITLES


def test_entities_never_take_a_document_verb_as_a_person_speaking() -> None:
    assert not E.PERSON_VERBS & L.DOCUMENT_VERBS and "said" in E.PERSON_VERBS


def test_a_country_name_is_not_a_demonym() -> None:
    for country in ("taiwan", "japan", "iran", "sudan", "pakistan"):
        assert not country.endswith(L.DEMONYM_ENDINGS)
    for people in ("americans", "ukrainian", "korean", "chinese", "british"):
        assert people.endswith(L.DEMONYM_ENDINGS)


def test_the_verbs_that_make_a_person_are_speech_verbs_or_of_opinion() -> None:
    assert E.PERSON_SPEECH_VERBS <= L.SPEECH_VERBS
    assert E.PERSON_VERBS - E.PERSON_SPEECH_VERBS == {"believes", "believed"}


def test_the_quotes_stage_knows_every_organisation_head_the_entities_stage_does() -> None:
    assert L.ORG_HEADS <= Q.SOURCE_HEADS and Q.DOCUMENT_HEADS <= Q.SOURCE_HEADS
