"""Attribution: the error classes of issue 15, as short invented input/expected pairs.

Each case is a paragraph (or a few) and the speaker expected for its one statement, or
``None`` where the text does not say who spoke: a wrong speaker is worse than none.
"""

from __future__ import annotations

import pytest

from briefgen.analysis.features import read_article
from briefgen.analysis.quotes import find_quotes
from briefgen.analysis.segment import split_paragraphs
from briefgen.model import Block, Document, Meta, Quote


def quotes(*texts: str, headings: tuple[str | None, ...] = ()) -> tuple[Quote, ...]:
    """Quotes of paragraphs p1, p2, … built from ``texts``, segmented as the pipeline segments them."""
    blocks: list[Block] = []
    for n, t in enumerate(texts):
        heading = headings[n] if n < len(headings) else None
        if heading:
            blocks.append(Block("heading", heading))
        blocks.append(Block("paragraph", t))
    return find_quotes(read_article(split_paragraphs(Document(Meta(), tuple(blocks)))))


def statements(*texts: str, headings: tuple[str | None, ...] = ()) -> list[tuple[str, str | None]]:
    """(words, speaker) of each statement."""
    return [(q.text, q.speaker) for q in quotes(*texts, headings=headings) if q.kind == "statement"]


def last_speaker(*texts: str) -> str | None:
    """The speaker of the last statement of ``texts``."""
    found = statements(*texts)
    assert found, quotes(*texts)
    return found[-1][1]


# --- speaker after the quote: commas, question and exclamation marks ----------------------

@pytest.mark.parametrize("text, speaker", [
    ("“The harbour will reopen in spring,” Mara Quint said.", "Mara Quint"),
    ("“The harbour will reopen in spring,” said Mara Quint.", "Mara Quint"),
    ("“Why was the money sitting in the bank?” Mr. Odell Brisk asked.", "Odell Brisk"),
    ("“Why was the money sitting in the bank?” Mr. Brisk said.", "Brisk"),
    ("“We will not give up!” Senator Ilse Varga shouted.", "Ilse Varga"),
    ("“The plan is finished,” Tomas Ferreira fumed.", "Tomas Ferreira"),
    ("“I could not be happier,” Lena Okafor gushed.", "Lena Okafor"),
    ("“Please vote,” Lena Okafor implored.", "Lena Okafor"),
    ("“It is what it is,” Lena Okafor sighed.", "Lena Okafor"),
])
def test_the_speaker_after_the_quote_with_any_verb_of_saying(text: str, speaker: str) -> None:
    assert last_speaker(text) == speaker


def test_a_name_never_runs_into_the_verb_after_it() -> None:
    assert last_speaker("“We are staying,” Tomas Ferreira returned to the theme, telling the crowd.") == "Tomas Ferreira"
    assert last_speaker("“No,” Odile Vance declined when asked.") == "Odile Vance"


def test_a_long_apposition_between_name_and_verb_is_the_role() -> None:
    q = quotes("“Voters are tired,” Republican pollster Ivo Tanaka, part of the bipartisan team that "
               "runs the survey, told a broadcaster.")[0]
    assert (q.speaker, q.role) == ("Ivo Tanaka", "Republican pollster")


def test_a_role_before_the_name_after_said_is_the_role() -> None:
    q = quotes("“The water came back,” said the mission’s project scientist, Ada Brenner of the laboratory.")[0]
    assert q.speaker == "Ada Brenner"
    assert q.role is not None and q.role.startswith("the mission’s project scientist")


def test_a_sentence_after_a_full_stop_is_not_an_attribution() -> None:
    found = statements("The vote was close. “We won the count in every single district of the state.” "
                       "Nadia Holm said the recount would start on Monday.")
    assert found == [("We won the count in every single district of the state.", None)]


# --- colon introductions and label rows -----------------------------------------------------

def test_a_colon_after_a_verb_of_saying_introduces_the_quote() -> None:
    assert last_speaker("Ruth Abara agreed: “We will win this state by a clear margin.”") == "Ruth Abara"


@pytest.mark.parametrize("text, speaker, role", [
    ("Sen. Halvard Moe (D-ME): “This bill protects every farm family in the state and we will pass it.”",
     "Halvard Moe", "Sen."),
    ("Harbour Workers Union President Kemal Arslan: “Our members welcome the decision and the jobs it brings.”",
     "Kemal Arslan", "Harbour Workers Union President"),
    ("The Brisk Family: “We are grateful beyond words that our father is finally home with us.”",
     "Brisk Family", None),
])
def test_a_label_row_names_the_speaker(text: str, speaker: str, role: str | None) -> None:
    q = quotes(text)[0]
    assert (q.kind, q.speaker, q.role) == ("statement", speaker, role)


def test_a_label_quoting_a_headline_is_a_title() -> None:
    assert quotes("The Daily Ledger: “Harbour Workers Return To The Docks After Long Strike”")[0].kind == "term"


def test_a_topic_row_takes_its_speaker_from_the_heading_above() -> None:
    found = statements("On the harbour: “We will reopen it before the summer season begins here.”",
                       "On the budget: “The numbers add up and the council will approve them.”",
                       headings=("Harbour Minister Petra Lund on the Morning Show",))
    assert [s for _, s in found] == ["Petra Lund", "Petra Lund"]


def test_a_plain_heading_names_no_speaker() -> None:
    found = statements("On the harbour: “We will reopen it before the summer season begins here.”",
                       headings=("Harbour Reopening Plans",))
    assert [s for _, s in found] == [None]


# --- "according to", spokespeople and documents ---------------------------------------------

def test_according_to_names_the_source() -> None:
    assert last_speaker("The port “will not reopen this year,” according to Irma Castell, the port director.") \
        == "Irma Castell"


def test_an_unnamed_spokesperson_is_the_speaker_and_the_organisation_the_role() -> None:
    q = quotes("“We do not comment on rumours,” a spokesman for Northwind Shipping said.")[0]
    assert q.speaker == "a spokesman for Northwind Shipping"
    assert q.role == "Northwind Shipping"


def test_a_document_speaks() -> None:
    assert last_speaker("“Risks to the harbour remain high,” the report said.") == "the report"


# --- pronouns: the most recent compatible person, never a place or an organisation ----------

def test_a_bare_surname_is_the_antecedent_of_he() -> None:
    assert last_speaker("Donald Kessler spoke on Monday in Dayton.",
                        "Kessler vowed to fight the ruling. “We will win on appeal,” he said.") == "Donald Kessler"


def test_a_lone_surname_that_says_something_is_a_person() -> None:
    assert last_speaker("Budgets will tighten, Marchetti said, and hiring will slow.",
                        "“We are ready for a hard year,” he said.") == "Marchetti"


def test_a_pronoun_skips_an_organisation_and_a_place() -> None:
    text = ("Growing up in North Dakota, Alvarsson wanted to fly. He worked in the car trade until "
            "Pratt & Whitney offered him a job in St. Louis.")
    assert last_speaker("Ingrid Alvarsson joined the agency in 1997.", text,
                        "“I wanted to come back and build rockets,” she recalled.") == "Ingrid Alvarsson"


def test_he_goes_to_the_subject_not_the_object() -> None:
    assert last_speaker("Maren Holt met Viktor Saar on Tuesday.",
                        "“The talks went well,” she said.") == "Maren Holt"


def test_she_skips_a_man_the_text_has_called_he() -> None:
    assert last_speaker("Tomas Reyes and Anna Kowal spoke at the rally.",
                        "“The state is ours,” he said.",
                        "Kowal disagreed with Reyes on the budget.",
                        "“We have work to do,” she said.") == "Anna Kowal"


def test_a_pronoun_with_no_person_before_it_stays_unattributed() -> None:
    assert last_speaker("The harbour reopened in Lisbon on Monday.", "“It was long overdue,” he said.") is None


# --- follow-on quotes, paraphrase, other paragraphs -------------------------------------------

def test_a_follow_on_quote_in_the_paragraph_inherits_the_speaker() -> None:
    found = statements("“The harbour is open,” Ada Brenner said. “Ships can dock from today.”")
    assert [s for _, s in found] == ["Ada Brenner", "Ada Brenner"]


def test_a_quote_after_a_paraphrase_is_the_paraphrased_speaker() -> None:
    assert last_speaker("Repairs took longer than planned, Hobart said. “We found damage under every pier "
                        "and had to rebuild two of them from the seabed up.”") == "Hobart"


def test_a_quote_after_a_named_subject_with_no_verb_of_saying_is_theirs() -> None:
    assert last_speaker("Ingrid Alvarsson recalled her first flight as the most exciting. “The view was "
                        "spectacular, and every minute of it was worth the long wait.”") == "Ingrid Alvarsson"


# --- multi-sentence and nested quotes ---------------------------------------------------------

def test_a_multi_sentence_quote_keeps_its_speaker() -> None:
    q = quotes("“The harbour is open. Ships can dock. Cargo moves again,” Ada Brenner said.")[0]
    assert q.speaker == "Ada Brenner"


def test_a_quote_nested_in_another_belongs_to_the_outer_speaker() -> None:
    found = statements("“They told us ‘the harbour is closed for good,’ and we did not believe them,” "
                       "Ada Brenner said.")
    assert found[0][1] == "Ada Brenner"


# --- headline capitals and partial quotes -----------------------------------------------------

def test_headline_capitals_still_read_the_verb() -> None:
    assert last_speaker("Kessler Said He Would “Fight For Every Vote In Ohio”") == "Kessler"


def test_a_partial_quote_someone_said_is_a_statement() -> None:
    q = quotes("Halvard Moe called the plan “utterly flawed data” on Tuesday.")[0]
    assert (q.kind, q.speaker) == ("statement", "Halvard Moe")


@pytest.mark.parametrize("text", [
    "The council adopted its “harbour first” plan in May.",
    "Her novel “The Long Tide” sold well.",
    "Protesters chanted “open the docks” outside.",
])
def test_scare_quotes_titles_and_slogans_stay_terms(text: str) -> None:
    assert all(q.kind == "term" for q in quotes(text))


def test_a_headline_quote_in_single_marks_counts() -> None:
    q = quotes("Kessler vows ‘we will win on appeal’ after the ruling")[0]
    assert (q.kind, q.speaker) == ("statement", "Kessler")


# --- what a speaker may be ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "“It was a long night,” 70 said.",
    "“It was a long night,” calling said.",
])
def test_a_speaker_is_never_a_number_or_a_fragment(text: str) -> None:
    assert all(q.speaker is None for q in quotes(text))


def test_a_participle_speaks_with_the_subject_of_the_clause_before() -> None:
    assert last_speaker("Harbour Director Marta Quint echoed the sentiment, calling it “a great day for the "
                        "harbour and everyone who works in it.”") == "Marta Quint"


def test_a_paragraph_of_quotation_goes_on_from_the_quote_the_last_one_ended_with() -> None:
    found = statements("“The harbour is open,” Ada Brenner said.",
                       "“Ships can dock from today, and cargo will move again by the end of the week.”")
    assert [s for _, s in found] == ["Ada Brenner", "Ada Brenner"]


def test_a_paragraph_of_quotation_after_plain_prose_stays_unattributed() -> None:
    found = statements("Ada Brenner runs the harbour.",
                       "“Ships can dock from today, and cargo will move again by the end of the week.”")
    assert [s for _, s in found] == [None]


def test_the_name_before_a_run_of_asides_is_the_speaker() -> None:
    q = quotes("Ada Brenner, science teacher at the Harbour Academy in Rantoul, Illinois, said, “Our students "
               "have never seen the sea, and now they will study it every week.”")[0]
    assert q.speaker == "Ada Brenner"


@pytest.mark.parametrize("text, words, speaker", [
    ("Mayor Ana Rojas calls it a “rapidly alarming situation.”", "rapidly alarming situation.", "Ana Rojas"),
    ("Councillor Li Wei reminds residents that the depot “cannot and does not open at night.”",
     "cannot and does not open at night.", "Li Wei"),
    ("Rep. Ivo Tanaka decries how “small ports that feed our towns” are ignored.",
     "small ports that feed our towns", "Ivo Tanaka"),
    ("Rep. Ivo Tanaka advises fishermen “to keep their licences close at hand.”",
     "to keep their licences close at hand.", "Ivo Tanaka"),
])
def test_partial_quotes_after_verbs_of_saying_are_statements(text: str, words: str, speaker: str) -> None:
    assert (words, speaker) in statements(text)


def test_a_title_in_title_case_after_its_noun_is_a_term() -> None:
    found = quotes("In later years Ana Rojas chaired a team to advise the agency and completed the study "
                   "“Harbours at the Threshold” about the future of the ports.")
    assert [q.kind for q in found] == ["term"]


def test_it_is_called_names_a_thing() -> None:
    assert all(q.kind == "term" for q in quotes("It is called the “harbour plan of the northern council”."))


def test_a_quote_someone_was_asked_has_no_speaker_from_the_subject() -> None:
    assert last_speaker("And the mayor was asked, “What will you do about the harbour this winter, Mayor?”") is None
