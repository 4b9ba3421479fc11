"""Summaries: verbatim sentences that say what an area (or the article) is about."""

from __future__ import annotations

from briefgen.analysis.features import read_article
from briefgen.analysis.segment import split_sentences
from briefgen.analysis.summarize import summarize_area, summarize_overview
from briefgen.model import Extract, Paragraph, Sentence


def para(n: int, text: str) -> Paragraph:
    """A paragraph with its sentences, as the segmenter makes them."""
    return Paragraph(f"p{n}", text, split_sentences(text))


def area_summary(paragraphs: tuple[Paragraph, ...], limit: int = 3) -> tuple[Extract, ...]:
    """The summary of an area made of all ``paragraphs``, read as the pipeline reads an article."""
    return summarize_area(read_article(paragraphs), tuple(p.id for p in paragraphs), limit)


def overview(paragraphs: tuple[Paragraph, ...], limit: int = 4) -> tuple[Extract, ...]:
    """The bottom line of an article made of ``paragraphs``."""
    return summarize_overview(read_article(paragraphs), limit=limit)


def paras(*texts: str, first: int = 1) -> tuple[Paragraph, ...]:
    return tuple(para(i, t) for i, t in enumerate(texts, first))


TOPIC = "The dispute over fishing quotas could escalate into a wider confrontation between the two coast guards."
DETAIL = "Fleet owners on both sides have ignored the quota line for years, and patrols now shadow the fishing boats."
MORE = "Each coast guard has arrested fishing crews from the other side in the disputed waters this year."
ASIDE = "The weather in the region was mild last spring."


def test_a_one_sentence_area_gets_that_sentence():
    assert area_summary(paras("Another potential area of friction is in the Arctic.")) == (
        Extract("Another potential area of friction is in the Arctic.", "p1"),
    )


def test_extracts_are_verbatim_sentences_of_the_areas_own_paragraphs():
    area = paras(f"{TOPIC} {DETAIL}", f"{MORE} {ASIDE}", first=4)
    out = area_summary(area)
    sentences = {(s.text, p.id) for p in area for s in p.sentences}
    assert out and all((e.text, e.paragraph) in sentences for e in out)


def test_an_area_summary_has_one_to_three_sentences_in_reading_order():
    area = paras(*(f"{TOPIC} {DETAIL} {MORE} {ASIDE}",) * 5)
    out = area_summary(area)
    assert 1 <= len(out) <= 3
    order = [(int(e.paragraph[1:]), area[int(e.paragraph[1:]) - 1].text.index(e.text)) for e in out]
    assert order == sorted(order)


def test_a_short_area_gets_a_short_summary():
    assert len(area_summary(paras(f"{TOPIC} {DETAIL}", MORE))) == 1


def test_the_topic_sentence_is_preferred_to_an_aside():
    out = area_summary(paras(f"{TOPIC} {ASIDE}"))
    assert [e.text for e in out] == [TOPIC]


def test_an_opening_question_gives_way_to_the_answer():
    out = area_summary(paras(f"What happens if the talks fail? {TOPIC}"))
    assert [e.text for e in out] == [TOPIC]


def test_a_dangling_this_gives_way_to_a_self_contained_sentence():
    dangling = "This could make the fishing quota dispute between both coast guards much worse."
    out = area_summary(paras(f"{dangling} {TOPIC}"))
    assert [e.text for e in out] == [TOPIC]


def test_courtesies_give_way_to_substance_in_remarks():
    thanks = "Thank you all, it is a great honour to welcome my friends to these talks on fishing today."
    out = area_summary(paras(f"{thanks} {TOPIC}"))
    assert [e.text for e in out] == [TOPIC]


def test_a_paragraph_without_sentence_slices_is_summarised_by_its_whole_text():
    bare = Paragraph("p3", "A heading-like line", ())
    assert area_summary((bare,)) == (Extract("A heading-like line", "p3"),)


def test_the_overview_has_three_to_five_sentences_in_reading_order_starting_with_the_lede():
    lede = "Two neighbours have kept a stable partnership for a decade, but several frictions could sour it."
    body = paras(lede, f"{TOPIC} {DETAIL}", f"{MORE} {ASIDE}", DETAIL, MORE, TOPIC, f"{DETAIL} {ASIDE}", MORE, TOPIC)
    out = overview(body)
    assert 3 <= len(out) <= 5
    assert out[0] == Extract(lede, "p1")
    ids = [int(e.paragraph[1:]) for e in out]
    assert ids == sorted(ids)


def test_the_overview_does_not_repeat_the_same_sentence():
    body = paras(TOPIC, TOPIC, TOPIC, DETAIL, MORE)
    texts = [e.text for e in overview(body)]
    assert texts.count(TOPIC) == 1


def test_summaries_of_nothing_are_empty():
    assert area_summary(()) == () and overview(()) == ()


def test_a_long_article_is_summarised_quickly():
    body = paras(*(f"{TOPIC} {DETAIL} Item {i}. {MORE}" for i in range(3000)))
    out = overview(body)
    assert 3 <= len(out) <= 5


def test_table_captions_and_notes_are_never_summary_sentences():
    ps = paras(
        "The trade round began in 2001 but ended in a stalemate in 2015 without any new agreements at all.",
        "Table 1. Rounds of negotiations and the members that took part in each of them over time.",
        "Note: * In 2015, the members did not reaffirm the mandate of the round that had stalled for years.",
    )
    texts = [e.text for e in area_summary(ps)] + [e.text for e in overview(ps)]
    assert texts and not any(t.startswith(("Table 1.", "Note:")) for t in texts)


def test_a_turn_opening_with_its_speaker_label_gives_way_to_substance():
    ps = paras(
        "THE PRESIDENT:  I tell you what, if I ran this plant I would be worried about my job.",
        "The missiles built here have changed the course of the war and the supply of arms to the front.",
        "Congress must pass the funding bill quickly so the plant can keep building missiles for the front.",
        "The plant employs hundreds of workers who build the missiles and the guidance systems in them.",
    )
    assert not any(e.text.startswith("THE PRESIDENT") for e in overview(ps, limit=3))


# --- held-out round 2 -------------------------------------------------------------------

def test_a_lead_in_ending_in_a_colon_is_not_a_summary() -> None:
    got = area_summary(paras(
        "In her words, the decade was one in which the markets:",
        "collapsed without warning. Savers lost everything. Banks closed their doors for weeks.",
        TOPIC,
    ))
    assert all(not e.text.endswith(":") and not e.text[0].islower() for e in got)


def test_reporters_questions_are_not_the_bottom_line() -> None:
    ps = (
        Paragraph("p1", "Why has the fishing quota dispute with the coast guards escalated so sharply this year?",
                  (Sentence("Why has the fishing quota dispute with the coast guards escalated so sharply this year?", 0),),
                  speaker="Q"),
        Paragraph("p2", TOPIC, (Sentence(TOPIC, 0),), speaker="The Minister"),
        Paragraph("p3", DETAIL, (Sentence(DETAIL, 0),), speaker="The Minister"),
    )
    assert all(e.paragraph != "p1" for e in overview(ps))


# --- held-out round 3 -------------------------------------------------------------------

def test_an_address_greeting_is_not_the_bottom_line() -> None:
    greeting = "Madam Chair, it’s good to see you."
    out = overview(paras(f"{greeting} {TOPIC}", DETAIL, MORE))
    assert greeting not in [e.text for e in out]


def test_a_filler_sentence_without_content_gives_way_to_substance() -> None:
    filler = "So I’m going to be going from here to there, and you’ll get me there as well."
    out = area_summary(paras(f"{filler} {TOPIC}"), limit=1)
    assert [e.text for e in out] == [TOPIC]


def spoken(n: int, text: str) -> Paragraph:
    return Paragraph(f"p{n}", text, para(n, text).sentences, speaker="THE CHAIR")


def test_a_transcript_bottom_line_skips_the_speakers_words_about_the_occasion():
    talk = (
        spoken(1, "I wish we could all meet in person instead of in this virtual format. "
                  "The fishing quota dispute could escalate into a confrontation between the coast guards."),
        spoken(2, "Coast guard patrols now shadow the fishing boats near the quota line every week."),
        spoken(3, "The quota line was drawn without the fishing crews, and the coast guards enforce it unevenly."),
        spoken(4, "A joint coast guard commission could settle the quota dispute before the season opens."),
    )
    out = [e.text for e in overview(talk)]
    assert len(out) == 3 and not any("in person" in s for s in out)


def test_a_hand_over_to_the_next_speaker_ranks_low():
    from briefgen.analysis.rules import summarize as R

    assert R.PHATIC_PHRASE.search("And now, Madam Chair, I’m kicking it over to you.")


def test_the_bottom_line_takes_the_verdict_over_narrative():
    story = ("Fleet owners met in the harbour hall on Monday to hear the quota figures read out by the clerk.",
             "Each coast guard has arrested fishing crews from the other side in the disputed waters this year.",
             "The boats went out again on Tuesday and came back with a small catch of cod and haddock.",
             "The quota deal is over, and both councils must now negotiate a new one.",
             "Patrol boats from the northern port shadowed the fishing fleet along the coast all week.")
    chosen = [e.text for e in overview(paras(*story), limit=3)]
    assert "The quota deal is over, and both councils must now negotiate a new one." in chosen


def test_the_bottom_line_prefers_sentences_that_hold_the_titles_words():
    story = ("Officials from both ports met again this week.",
             "The harbour master counted forty boats at anchor on Monday morning before the tide turned.",
             "The fishing quota dispute threatens the alliance between the two ports that has lasted forty years.",
             "Crews repaired nets and painted hulls while they waited for the decision of the councils.")
    out = summarize_overview(read_article(paras(*story)), "A Fishing Quota Dispute Threatens an Old Alliance", limit=3)
    assert story[2] in [e.text for e in out]


def test_a_venue_or_time_stamp_line_is_never_in_the_bottom_line():
    story = ("U.S. Department of State Headquarters Harry S. Truman Building Washington, D.C.",
             "5:39 P.M. CET",
             TOPIC, DETAIL, MORE)
    texts = [e.text for e in overview(paras(*story), limit=3)]
    assert story[0] not in texts and story[1] not in texts


def test_a_one_paragraph_statement_still_gets_three_sentences():
    assert len(overview(paras(f"{TOPIC} {DETAIL} {MORE} {ASIDE}"), limit=3)) == 3
