"""Clean stage: short inputs and what a reader expects to be left of them."""

from __future__ import annotations

import pytest

from briefgen.analysis.clean import clean
from briefgen.model import Document, Source


def doc(text: str, fmt: str = "txt") -> Document:
    return clean(Source(path=f"a.{fmt}", stem="a", fmt=fmt, text=text))


def body(d: Document) -> list[str]:
    return [b.text for b in d.blocks if b.kind == "paragraph"]


def headings(d: Document) -> list[str]:
    return [b.text for b in d.blocks if b.kind == "heading"]


BODY = "Russia and China have a stable working relationship. It rests on mutual economic needs."


# --- plain text -------------------------------------------------------------------------


def test_txt_wrapped_lines_join_into_one_paragraph():
    d = doc("First line of a\nwrapped paragraph.\n\nSecond paragraph here.")
    assert body(d) == ["First line of a wrapped paragraph.", "Second paragraph here."]


def test_txt_whitespace_collapsed_but_typography_kept():
    d = doc("Long title\n\nA  “quoted”\tword — and  ‘more’ here.\n\nAnother paragraph.")
    assert body(d)[0] == "A “quoted” word — and ‘more’ here."


def test_txt_first_short_line_is_title_not_body():
    d = doc("China and Russia: A Fractured Friendship\n\n" + BODY)
    assert d.meta.title == "China and Russia: A Fractured Friendship"
    assert body(d) == [BODY]


def test_txt_without_title_is_titled_by_its_first_sentence_which_stays_body():
    d = doc(BODY + "\n\nAnother body paragraph follows here.")
    assert d.meta.title == "Russia and China have a stable working relationship."
    assert body(d)[0] == BODY


def test_untitled_long_first_sentence_is_cut_never_the_file_name():
    long = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen."
    d = clean(Source(path="conversation-us-china.txt", stem="conversation-us-china", fmt="txt", text=long + "\n\n" + BODY))
    assert d.meta.title == "One two three four five six seven eight nine ten eleven twelve thirteen fourteen…"


def test_untitled_article_with_a_heading_is_titled_by_it():
    opening = "Some body text opens the article and goes on a while. " * 3
    d = doc(opening + "\n\n## Energy ties\n\n" + BODY, "md")
    assert d.meta.title == "Some body text opens the article and goes on a while."
    d = doc("## Energy ties\n\n" + BODY + "\n\nMore text in a second paragraph here.", "md")
    assert d.meta.title == "Energy ties"
    # a site's name and motto above the first heading are a masthead, not the article
    d = doc("# [Ann Poe](/)\n\nI write about energy.\n\n## Energy ties\n\n" + BODY, "md")
    assert d.meta.title == "Energy ties" and body(d) == [BODY]


def test_txt_subheading_between_paragraphs_is_a_heading():
    d = doc(BODY + "\n\nTaiwan’s diplomatic isolation\n\n" + BODY)
    assert headings(d) == ["Taiwan’s diplomatic isolation"]
    assert len(body(d)) == 2


def test_txt_short_sentence_is_not_a_heading():
    d = doc(BODY + "\n\nThe banner read:\n\n" + BODY)
    assert headings(d) == []


def test_txt_header_lines_give_byline_and_date():
    d = doc("The Quiet Contest\nBy John Smith and Ann Lee\nPublished March 3, 2025\n\n" + BODY)
    assert (d.meta.title, d.meta.author, d.meta.date) == ("The Quiet Contest", "John Smith and Ann Lee", "2025-03-03")
    assert body(d) == [BODY]


def test_txt_unwrapped_lines_are_separate_paragraphs():
    line = "This line is long enough that nobody would hard-wrap a paragraph at this width, surely not." * 2
    d = doc(line + "\n" + line)
    assert body(d) == [line, line]


def test_txt_metadata_table_read_and_dropped():
    d = doc("Title: Arctic Rivalry\nAuthor: Jane Roe\nDate: 2024-01-05\n\n" + BODY)
    assert (d.meta.title, d.meta.author, d.meta.date) == ("Arctic Rivalry", "Jane Roe", "2024-01-05")
    assert body(d) == [BODY]


# --- boilerplate ------------------------------------------------------------------------


@pytest.mark.parametrize("chrome", [
    "Share this post",
    "Share on facebook\nShare on google\nShare on email",
    "Image source:",
    "Photo: A Russian corvette in the Baltic",
    "Read more: How Finland joined NATO",
    "Related: How Sweden joined NATO",
    "Subscribe to our newsletter",
    "Cite this article",
    "Download PDF",
    "© 2024 Center for Policy Studies. All rights reserved.",
    "Home > Analysis > Europe",
    "Updated September 18, 2026 (IF12760)",
    "Hide Overview",
    "April 9, 2026 (IN12678 - Version: 2)",
    "Jump to Main Text of Report",
    "Follow NCBI",
    "The Official Website of the State Housing Agency",
    "The Agency values diversity and is an equal opportunity employer.",
    "An official website of the United States government",
    "100 Main Street, Suite 6, Springfield, IL 62701 (217) 555-0100 (main line)",
])
def test_chrome_is_dropped(chrome):
    d = doc("Title line\n\n" + BODY + "\n\n" + chrome + "\n\nClosing body paragraph is here.")
    assert body(d) == [BODY, "Closing body paragraph is here."]


def test_sentence_with_a_phone_number_or_follow_stays_body():
    for line in ("Residents can call (217) 555-0100 to ask about the program before May.",
                 "Follow the money, the minister said, and the answers appear."):
        assert body(doc(BODY + "\n\n" + line)) == [BODY, line]


def test_related_section_at_the_end_is_not_body():
    d = doc("Title line\n\n" + BODY + "\n\nRelated articles\n\nHow Finland joined NATO\n\nWhy Sweden waited")
    assert body(d) == [BODY]


def test_body_sentence_starting_like_chrome_is_kept():
    text = "Related concerns include cyber attacks on ports."
    d = doc("Title line\n\n" + BODY + "\n\n" + text)
    assert text in body(d)


def test_bio_and_disclaimer_set_aside_with_author_and_organisation():
    d = doc(
        "Title line\n\n" + BODY + "\n\nAbout the Author\n\n"
        "Nicholas Roe is an intern with the Institute’s Eurasian Studies Project (ESP).\n\n"
        "This article is produced by the Eurasian Analysis Institute, Inc. (EA Institute), a nonprofit."
    )
    assert body(d) == [BODY]
    assert d.aside[0].startswith("Nicholas Roe is an intern")
    assert d.meta.author == "Nicholas Roe"
    assert d.meta.organisation == "Eurasian Analysis Institute"


def test_repeated_disclaimer_set_aside_once():
    note = "The views expressed in this article are those of the author alone."
    d = doc("Title line\n\n" + BODY + "\n\n" + note + "\n\n" + note)
    assert d.aside == (note,)


def test_disclosure_statement_names_the_author():
    note = ("Jane Roe does not work for, consult, own shares in or receive funding from any company "
            "or organisation that would benefit from this article.")
    d = doc(BODY + "\n\n" + note)
    assert body(d) == [BODY]
    assert d.meta.author == "Jane Roe"


def test_bio_shaped_sentence_in_the_middle_stays_body():
    middle = "Jane Roe is a professor at the Central Institute who studies the border."
    d = doc(BODY + "\n\n" + middle + "\n\n" + BODY)
    assert middle in body(d)


def test_metadata_is_null_when_the_text_does_not_say():
    d = doc(BODY + "\n\nAnother body paragraph.")
    assert (d.meta.author, d.meta.organisation, d.meta.date, d.meta.source_url) == (None, None, None, None)


# --- transcripts ------------------------------------------------------------------------

TRANSCRIPT = """State Dining Room

8:32 A.M. EST

PRESIDENT BIDEN:  Hello, everyone.  It is good to see you.

We have a big agenda.

PRIME MINISTER SUGA:  (As interpreted.)  Joe, Mr. Modi: it is an honor.

(Laughter.)

Q  And on China?

MS. PSAKI:  Nothing new.

END 8:44 A.M. EST
"""


def test_transcript_labels_become_speakers_and_turns_carry_on():
    d = doc("Remarks by the President\n\n" + TRANSCRIPT)
    got = [(b.speaker, b.text) for b in d.blocks]
    assert got == [
        ("President Biden", "Hello, everyone. It is good to see you."),
        ("President Biden", "We have a big agenda."),
        ("Prime Minister Suga", "Joe, Mr. Modi: it is an honor."),
        ("Q", "And on China?"),
        ("Ms. Psaki", "Nothing new."),
    ]


def test_sentence_with_colon_is_not_a_speaker_label():
    d = doc(BODY + "\n\nThe banner read: “national sport training centre”.\n\nNATO: the alliance grows.")
    assert all(b.speaker is None for b in d.blocks)


# --- markdown ---------------------------------------------------------------------------


def test_md_front_matter_gives_meta():
    d = doc("---\ntitle: \"Remarks by President\\_Biden\"\nauthor: Jane Roe\ndate: '2021-03-12'\n"
            "source_url: https://example.gov/x\n---\n\n" + BODY, "md")
    assert d.meta.title == "Remarks by President Biden"
    assert (d.meta.author, d.meta.date, d.meta.source_url) == ("Jane Roe", "2021-03-12", "https://example.gov/x")
    assert body(d) == [BODY]


def test_md_broken_front_matter_falls_back_to_lines():
    d = doc("---\ntitle: \"Unclosed quote\nauthor: [broken\n---\n\n" + BODY, "md")
    assert d.meta.title == "Unclosed quote"
    assert body(d) == [BODY]


def test_md_headings_and_inline_markup():
    d = doc("# The Title\n\n## First area\n\nA *philosophy* of **one** family, see [the report](https://x.org/r) "
            "and [bad](javascript:alert(1)).\n\n![a caption](img.png)", "md")
    assert d.meta.title == "The Title"
    assert headings(d) == ["First area"]
    assert body(d) == ["A philosophy of one family, see the report and bad."]
    assert d.blocks[-1].links == (("the report", "https://x.org/r"),)


def test_md_jinja_looking_text_stays_plain_text():
    d = doc("Title\n\nWrite {{ name }} and {% raw %} as they are.\n\nMore text here.", "md")
    assert body(d)[0] == "Write {{ name }} and {% raw %} as they are."


# --- html -------------------------------------------------------------------------------


def test_html_inline_tags_removed_without_spaces_and_entities_decoded():
    d = doc("<p>U.S. officials <span>assess</span><span>ed</span> the 21<sup>st</sup> century &amp; more&nbsp;threats.</p>", "html")
    assert body(d) == ["U.S. officials assessed the 21st century & more threats."]


def test_html_chrome_elements_dropped_and_headings_kept():
    d = doc("<html><head><title>T | Site</title><script>var x = 1;</script></head><body>"
            "<nav>Home Research</nav><header>Site header</header><h1>Real Title</h1>"
            "<h2>Overview</h2><p>Body text.</p><aside>Related</aside><form><button>Go</button></form>"
            "<footer>Footer text</footer></body></html>", "html")
    assert d.meta.title == "Real Title"
    assert headings(d) == ["Overview"]
    assert body(d) == ["Body text."]


def test_html_block_tags_separate_paragraphs():
    d = doc("<div>Title here</div><p>One.</p><ul><li>Two.</li><li>Three.</li></ul><blockquote>Four.</blockquote>", "html")
    assert body(d) == ["One.", "Two.", "Three.", "Four."]


def test_html_keeps_only_safe_links():
    d = doc('<p><a href="https://a.org">A</a> <a href="javascript:alert(1)">B</a> '
            '<a href="mailto:x@y.org">C</a> <a href="data:text/html,x">D</a></p>', "html")
    assert d.blocks[0].links == (("A", "https://a.org"), ("C", "mailto:x@y.org"))
    assert d.blocks[0].text == "A B C D"


def test_html_never_carries_markup():
    d = doc("<p>Safe <img src=x onerror=alert(1)><script>alert(2)</script><iframe src=x></iframe>text.</p>", "html")
    assert body(d) == ["Safe text."]


def test_html_report_header_gives_date_and_first_div_the_title():
    d = doc("<div><div>Russia-Korea Relations</div><div>Updated September 18, 2026\n (IF12760)</div>"
            "<h2>Overview</h2><p>" + BODY + "</p></div>", "html")
    assert (d.meta.title, d.meta.date) == ("Russia-Korea Relations", "2026-09-18")
    assert body(d) == [BODY]


def test_html_meta_tags_fill_meta():
    d = doc('<html><head><meta name="author" content="Jane Roe"><meta property="og:site_name" content="CPS">'
            '<meta property="article:published_time" content="2024-05-02T10:00:00Z">'
            '<link rel="canonical" href="https://cps.org/a"></head><body><h1>T</h1><p>Body.</p></body></html>', "html")
    assert (d.meta.author, d.meta.organisation, d.meta.date, d.meta.source_url) == ("Jane Roe", "CPS", "2024-05-02", "https://cps.org/a")


ARCTIC = [
    "The Arctic is warming fast, and friction grows along the northern sea route as ice retreats each summer.",
    "Shipping companies now plan regular transits, and coastal states argue over who may regulate the traffic.",
    "Military planners on every side have taken note, and new bases have opened along the coast in recent years.",
]


def test_html_reads_the_main_content_with_its_own_header_and_footer():
    d = doc("<html><head><title>Arctic Rivalry | Think Tank</title></head><body>"
            "<header><nav><a href='/'>Home</a> <a href='/a'>Topics</a></nav></header><main><article><header><h1>Arctic Rivalry</h1>"
            "<p>By Ann Poe</p><time datetime='2023-07-04'>July 4</time></header>"
            + "".join(f"<p>{p}</p>" for p in ARCTIC) +
            "<footer><p>Ann Poe is a research fellow at the Polar Institute (PI).</p></footer></article></main>"
            "<section class='comments'><h3>Comments</h3><p>Reader comment: great article, I disagree with most of it.</p></section>"
            "<footer>© 2023 Think Tank Inc.</footer></body></html>", "html")
    assert body(d) == ARCTIC
    assert d.aside == ("Ann Poe is a research fellow at the Polar Institute (PI).",)
    assert (d.meta.title, d.meta.author, d.meta.date, d.meta.organisation) == ("Arctic Rivalry", "Ann Poe", "2023-07-04", "Think Tank")


def test_html_bold_only_paragraph_is_a_subheading():
    d = doc("<h1>T</h1><p>One.</p><p><strong>Energy security</strong></p><p>Two.</p>", "html")
    assert headings(d) == ["Energy security"]


# --- robustness -------------------------------------------------------------------------


def test_one_huge_line_still_becomes_paragraphs():
    text = "This is one sentence of a very long line. " * 3000
    d = doc(text)
    assert len(body(d)) > 10
    assert " ".join(body(d)) == text.strip()


@pytest.mark.parametrize("text,fmt", [
    ("", "txt"), ("\x00\x00", "txt"), ("“unbalanced quote. And more", "txt"),
    ("<div>" * 3000 + "deep." + "</div>" * 3000, "html"), ("<p>unclosed <b>bold", "html"),
    ("---\n", "md"), ("# \n\n**", "md"),
])
def test_odd_input_never_raises(text, fmt):
    assert isinstance(doc(text, fmt), Document)


# --- held-out fixes: transcripts, disclosures, tables, struck text, question headings ---


def test_accented_speaker_label_opens_a_turn():
    d = doc(
        "MINISTER ROE:  We met today. Talks were good.\n\n"
        "PRESIDENT ÅSTRÖM:  Thank you, Minister. We agree on trade.\n\n"
        "Our ports will stay open to both sides.", "md")
    assert [(b.speaker, b.text) for b in d.blocks] == [
        ("Minister Roe", "We met today. Talks were good."),
        ("President Åström", "Thank you, Minister. We agree on trade."),
        ("President Åström", "Our ports will stay open to both sides."),
    ]


def test_single_label_speech_strips_the_label_and_names_the_speaker():
    d = doc(
        "Main Hall  \nSpringfield, Ohio\n\n3:15 P.M. EDT\n\n"
        "THE GOVERNOR:  Thank you all for coming today.\n\n"
        "We built this bridge together, and we will keep it open.", "md")
    assert [(b.kind, b.speaker, b.text) for b in d.blocks] == [
        ("paragraph", "The Governor", "Thank you all for coming today."),
        ("paragraph", "The Governor", "We built this bridge together, and we will keep it open."),
    ]


def test_one_word_label_after_prose_is_not_a_speaker():
    d = doc("Trade grew fast this year. Exports rose.\n\nWARNING: prices may rise again soon.")
    assert all(b.speaker is None for b in d.blocks)


def test_venue_lines_above_time_stamp_are_dropped_not_headings():
    d = doc("City Hall\n\nAnytown, Kansas\n\n10:02 A.M. CDT\n\n"
            "Good morning. It is a fine day to open a school.\n\nWe start with the youngest pupils first.")
    assert headings(d) == []
    assert body(d)[0] == "Good morning. It is a fine day to open a school."


def test_funding_disclosures_go_aside_and_name_the_authors():
    d = doc(BODY + "\n\nThe second paragraph of the article goes on here.\n\n"
            "Jane Roe received funding from the Example Trust\n\n"
            "John Doe has previously received relevant research funding from the Example Trust.")
    assert body(d) == [BODY, "The second paragraph of the article goes on here."]
    assert headings(d) == []
    assert d.meta.author == "Jane Roe; John Doe"


def test_body_sentence_with_has_no_interest_stays_body():
    d = doc(BODY + "\n\nVladimir Petrov has no interest in a deal this year.")
    assert body(d)[-1] == "Vladimir Petrov has no interest in a deal this year."


def test_html_table_caption_note_and_source_go_aside():
    html = (
        "<html><body><p>" + BODY + "</p><div><div><p>Table 2. Tariff Rounds</p></div>"
        "<table><tr><td>1990</td><td>Round A</td></tr></table>"
        "<div><p><strong>Source:</strong> Agency data.</p><p><strong>Note:</strong> * Figures rounded.</p></div></div>"
        "<p>The next paragraph of prose follows the table here.</p></body></html>"
    )
    d = doc(html, "html")
    assert body(d) == [BODY, "The next paragraph of prose follows the table here."]
    assert "Table 2. Tariff Rounds" in d.aside and "Note: * Figures rounded." in d.aside


def test_plain_caption_and_note_lines_are_not_body():
    d = doc(BODY + "\n\nFigure 3: Exports by Year\n\nNote: Data are estimates.\n\nExports rose again in the spring.")
    assert body(d) == [BODY, "Exports rose again in the spring."]


def test_struck_text_is_kept_verbatim_with_the_correction():
    md = "We sent <s>40</s> \\[400\\] trucks to the port.\n\nThey arrived on time."
    assert body(doc(md, "md"))[0] == "We sent 40 [400] trucks to the port."
    html = "<html><body><p>We sent <del>40</del> [400] trucks.</p><p>They came.</p></body></html>"
    assert body(doc(html, "html"))[0] == "We sent 40 [400] trucks."


def test_short_question_line_between_prose_is_a_heading():
    d = doc(BODY + "\n\nWhat comes next?\n\nTalks resume in May, and both sides expect a long round.")
    assert headings(d) == ["What comes next?"]


# --- held-out round 2 -------------------------------------------------------------------

def test_press_release_end_mark_is_not_body() -> None:
    d = doc("---\ntitle: A statement\n---\n\nThe ministers will meet on Monday to review the accord.\n\n\\###\n", "md")
    assert body(d) == ["The ministers will meet on Monday to review the accord."]


def test_inaudible_question_turn_is_dropped_not_left_as_a_lone_q() -> None:
    text = ("THE MINISTER: We will publish the figures next week, as promised.\n\n"
            "Q  (Inaudible.)\n\n"
            "THE MINISTER: No, the figures are final and will not change.\n")
    d = doc(text, "md")
    assert body(d) == ["We will publish the figures next week, as promised.",
                       "No, the figures are final and will not change."]


def test_research_service_reading_list_is_set_aside() -> None:
    html = ("<h1>Grain Storage Policy</h1><p>The program stores grain for lean years and pays farmers a fee.</p>"
            "<h2>Related Resources</h2><p>Report R12345, Grain Storage: Overview, by A. Writer.</p>")
    d = doc(html, "html")
    assert body(d) == ["The program stores grain for lean years and pays farmers a fee."]
    assert any("R12345" in a for a in d.aside)


# --- held-out round 3 -------------------------------------------------------------------

def test_trailing_run_of_coauthor_notes_goes_aside() -> None:
    d = doc(BODY + "\n\nThe second paragraph of the article goes on here.\n\n"
            "Ana Vidal is a co-author of the study the piece draws on. The research was publicly funded.\n\n"
            "Tomas Lind is part of the Northern Data Programme, a scholarly programme funded by the Trust.\n\n"
            "Åsa Ölund is Director of the Northern Data Programme, a scholarly programme.")
    assert body(d) == [BODY, "The second paragraph of the article goes on here."]


def test_portuguese_edition_disclosure_goes_aside_and_names_the_author() -> None:
    d = doc(BODY + "\n\nThe second paragraph of the article goes on here.\n\n"
            "Maria Souza não presta consultoria, trabalha, possui ações ou recebe financiamento de qualquer empresa.")
    assert body(d) == [BODY, "The second paragraph of the article goes on here."]
    assert d.meta.author == "Maria Souza"


def test_captioned_figure_box_with_a_long_source_line_goes_aside() -> None:
    source = ("Source: Adapted from a Harbour Board survey, \"Ports and Shipping Lanes in the Northern Seas "
              "(2024),\" https://example.org/a-very-long-address-for-the-survey-of-northern-ports-and-lanes. "
              "Edited to show the changes described in the section on new port rules.")
    d = doc("<div><h2>Ports</h2><p>" + BODY + "</p><table><tr><td><p>Figure 1. Northern Ports</p></td></tr>"
            "<tr><td><img></td></tr><tr><td><p>" + source + "</p></td></tr></table>"
            "<p>The second paragraph of the article goes on here.</p></div>", "html")
    assert body(d) == [BODY, "The second paragraph of the article goes on here."]
    assert "Figure 1. Northern Ports" in d.aside


# --- release and newsletter furniture ----------------------------------------------------


def test_a_release_s_media_contacts_and_their_lines_are_not_body():
    d = doc(BODY + "\n\nNews Media Contacts\n\nAnn Roe\n\nHarbour Laboratory, Port Town\n\n555-201-3344\n\nann.roe@example.org")
    texts = " ".join(b.text for b in d.blocks)
    assert "Media Contacts" not in texts and "ann.roe@example.org" not in texts and "555-201-3344" not in texts


def test_a_long_read_more_promo_is_not_body():
    promo = "Read more: I spent a decade counting seabirds on a remote island – here is what the numbers told me about the warming sea"
    assert len(promo) > 100
    d = doc(BODY + "\n\n" + promo)
    assert all(not b.text.startswith("Read more") for b in d.blocks)


def test_a_writer_s_credit_line_is_set_aside_and_a_byline_with_an_initial_is_read():
    d = doc(BODY + "\n\nBy Mary K. Stone\n\nStone, a Harbour Media employee, supports the Office of Communications.")
    texts = " ".join(b.text for b in d.blocks)
    assert "Harbour Media employee" not in texts and "By Mary" not in texts
    assert d.meta.author == "Mary K. Stone"


def test_bare_links_and_pointers_to_them_are_not_body():
    d = doc(BODY + "\n\nhttps://www.example.org/mission\n\nCrew biographies can be found at https://www.example.org/crew\n\n"
            "For more information about the mission, visit: www.example.org/mission")
    assert [b.text for b in d.blocks] == [BODY]
