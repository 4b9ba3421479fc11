"""Features: what every stage reads of an article, read once from its paragraphs."""

from __future__ import annotations

from collections import Counter

import pytest

from briefgen.analysis.features import content_words, dangling, read_article, stem
from briefgen.analysis.segment import split_sentences
from briefgen.model import Paragraph


def para(n: int, text: str, speaker: str | None = None) -> Paragraph:
    return Paragraph(f"p{n}", text, split_sentences(text), None, speaker)


@pytest.mark.parametrize("text,want", [
    ("The tensions over fishing policies grew.", ("tension", "fishing", "policy", "grew")),
    # a name run counts once more as a whole, so "South Korea" and "North Korea" differ
    ("South Korea and North Korea met.", ("south", "korea", "north", "korea", "met", "south korea", "north korea")),
    ("Russia’s navy said it would stay.", ("russia", "navy", "stay")),  # stop words and possessives go
])
def test_content_words(text: str, want: tuple[str, ...]) -> None:
    assert content_words(text) == want


@pytest.mark.parametrize("word,want", [("tensions", "tension"), ("policies", "policy"), ("process", "process"),
                                       ("bus", "bus"), ("gas", "gas")])
def test_stem_drops_a_plural_ending_only(word: str, want: str) -> None:
    assert stem(word) == want


def test_a_paragraphs_bag_is_the_sum_of_its_sentences_words() -> None:
    article = read_article((para(1, "Fishing quotas anger the fleet. The fleet wants new quotas."),))
    (f,) = article.paragraphs
    assert f.bag == Counter({"fishing": 1, "quota": 2, "anger": 1, "fleet": 2, "want": 1})
    assert [s.words for s in f.sentences] == [Counter({"fishing": 1, "quota": 1, "anger": 1, "fleet": 1}),
                                            Counter({"fleet": 1, "want": 1, "quota": 1})]


def test_a_sentence_knows_the_facts_a_summary_weighs() -> None:
    article = read_article((para(1, "Thank you all. It could risk a wider conflict? Table 1. Exports by year"),))
    thanks, risk, table, tail = article.paragraphs[0].sentences
    assert thanks.courtesy and thanks.ending == "full" and thanks.n_words == 3
    assert risk.dangling and risk.ending == "question" and risk.signals == 3  # could, risk, conflict
    assert table.apparatus and tail.ending == "unfinished"


def test_a_conjunction_does_not_hide_a_dangling_opener() -> None:
    assert dangling("And they agreed to the new quota line.".split())
    assert not dangling("And the coast guards agreed to the new quota line.".split())


def test_quotation_marks_are_paired_per_paragraph_and_an_open_one_reported() -> None:
    article = read_article((para(1, "He called it “a test” of resolve."), para(2, "She said: “We will stay.")))
    first, second = article.paragraphs
    assert [(s.open, s.close) for s in first.quotes] == [(13, 20)] and first.unclosed is None
    assert second.quotes == () and second.unclosed == 10


def test_speaker_turns_and_a_spoken_text_are_read_once_for_the_article() -> None:
    article = read_article((para(1, "Good morning.", "The President"), para(2, "Q: What next?"),
                            para(3, "We will see.", "The President")))
    assert article.speakers == ("The President", "Q", "The President") and article.spoken
    assert not read_article((para(1, "A plain article."),)).spoken


def test_select_gives_an_areas_paragraphs_in_order() -> None:
    article = read_article((para(1, "One."), para(2, "Two."), para(3, "Three.")))
    assert [f.paragraph.id for f in article.select(("p2", "p3"))] == ["p2", "p3"]
