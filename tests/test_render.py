"""Render: escaping, page set, anchors, links to the source, abbreviations, determinism."""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape
from pathlib import Path

import markdown
import pytest

from briefgen.model import (
    Area, Briefing, Context, Entities, Extract, GlossaryEntry, Meta, Page, Paragraph, Quote, Sentence, Source,
)
from briefgen.render import NAV_FILE, area_files, assemble_library, make_env, md_escape, render_part, safe_url

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# Source text that would be Markdown, HTML or Jinja syntax if printed raw.
HOSTILE = (
    "**bold** _em_ <script>alert(1)</script> [x](javascript:alert(1)) {{ 7*7 }} {% if 1 %}y{% endif %} "
    "{: #evil } `code` \\ &copy; *[AB]: trap"
)


def para(n: int, text: str, **kw: object) -> Paragraph:
    return Paragraph(f"p{n}", text, (Sentence(text, 0),), **kw)  # type: ignore[arg-type]


def briefing(
    paragraphs: tuple[Paragraph, ...] | None = None,
    title: str = "Frictions in the North",
    slug: str = "north",
) -> Briefing:
    """A small briefing: two areas, three statements and a term, two acronyms."""
    ps = paragraphs or (
        para(1, "The first paragraph about the NWR, the Northern Water Route."),
        para(2, "Officials said \u201cthe route is open to all\u201d in May.", heading="The route"),
        para(3, "Ana Ruiz, a professor at Lakeside, said \u201ctrade will double\u201d soon."),
        para(4, "Another \u201cquote\u201d and the EEA, the Eastern Economic Area.", heading="Trade"),
    )
    quotes = (
        Quote("the route is open to all", "p2", "statement"),
        Quote("trade will double", "p3", "statement", speaker="Ana Ruiz", role="a professor at Lakeside"),
        Quote("quote", "p4", "term"),
        Quote("a second remark", "p4", "statement", speaker="Bo Lind"),
    )
    areas = (
        Area("the-route", "The route", ("p1", "p2"), (Extract(ps[0].text, "p1"),), (0,),
             Entities(people=("Ana Ruiz",), places=("North Sea",))),
        Area("trade", "Trade", tuple(p.id for p in ps[2:]), (Extract(ps[-1].text, ps[-1].id),), (1, 2, 3)),
    )
    return Briefing(
        slug=slug,
        source=Source(f"seeds/{slug}.txt", slug, "txt", ""),
        meta=Meta(title=title, author="Kim Lee", organisation="Some Institute", date="2024-05-01",
                  source_url="https://example.org/north?a=1"),
        paragraphs=ps,
        areas=areas,
        quotes=quotes,
        glossary=(GlossaryEntry("NWR", "Northern Water Route"), GlossaryEntry("EEA", "Eastern Economic Area")),
        summary=(Extract(ps[0].text, "p1"), Extract(ps[2].text, "p3")),
    )


def render_site(bs: tuple[Briefing, ...], templates: Path = TEMPLATES) -> tuple[Page, ...]:
    """Every page of the site, as generate makes it: each briefing's part, then the library around them."""
    env = make_env(templates)
    return assemble_library(tuple(render_part(b, env) for b in bs), templates)


def render(*bs: Briefing) -> dict[str, str]:
    return {p.path: p.content for p in render_site(bs)}


def to_html(text: str) -> str:
    """Markdown as the site renders it (the extensions of mkdocs.yml)."""
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
    return markdown.markdown(body, extensions=["abbr", "admonition", "attr_list", "md_in_html", "toc"])


# --- escaping --------------------------------------------------------------------------


@pytest.mark.parametrize("start", ["# not a heading", "> not a quote", "1. not a list", "- no list",
                                   "+ no list", "!!! note", "=== no", "2) no"])
def test_line_starting_like_a_block_stays_literal(start: str) -> None:
    html = to_html(md_escape(start))
    assert unescape(html) == f"<p>{start}</p>"  # what a reader sees
    assert "<h1" not in to_html("A line of text\n" + md_escape(start))  # not a setext underline either


def test_hostile_text_renders_as_its_own_characters() -> None:
    html = to_html(md_escape(HOSTILE))
    assert "<script>" not in html and "<strong>" not in html and "<em>" not in html
    assert 'href="javascript' not in html and "<code>" not in html and 'id="evil"' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html and "{% if 1 %}" in html and "&amp;copy;" in html


def test_newlines_in_a_value_cannot_open_a_block() -> None:
    assert md_escape("first\n\n# heading\n    code") == "first # heading code"


def test_hostile_source_text_never_becomes_markup_on_any_page() -> None:
    ps = (para(1, HOSTILE), para(2, "# " + HOSTILE, heading="<b>" + HOSTILE))
    b = briefing(ps + (para(3, "x"), para(4, "y")), title="<i>T</i> {{ x }}")
    hostile_quote = Quote(HOSTILE, "p1", "statement", speaker="<b>Eve</b>", role="{% raw %}")
    b = Briefing(**{**b.__dict__, "quotes": (hostile_quote,) + b.quotes[1:]})
    pages = render(b)
    for path, text in pages.items():
        if not path.endswith(".md"):
            continue
        html = to_html(text)
        assert "<script>" not in html and "<b>" not in html and "<i>" not in html, path
        assert "javascript:" not in re.findall(r'href="([^"]*)"', html).__str__(), path


def test_unsafe_source_url_is_not_linked() -> None:
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("https://x.org/a b") is None
    assert safe_url("https://x.org/a)(b") is None
    assert safe_url("https://x.org/a?b=1") == "https://x.org/a?b=1"
    b = Briefing(**{**briefing().__dict__, "meta": Meta(title="T", source_url="javascript:alert(1)")})
    assert "javascript" not in render(b)["north/index.md"]


def test_front_matter_values_cannot_break_yaml() -> None:
    import yaml

    b = Briefing(**{**briefing().__dict__, "meta": Meta(title='A: "b"\n---\nc: d', author="x\u2028y")})
    text = render(b)["north/index.md"]
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["title"] == 'A: "b" --- c: d' and front["briefing"] == "north"
    assert set(front) == {"title", "author", "organisation", "source_date", "briefing"}


def test_front_matter_title_cannot_open_a_tag_in_the_theme() -> None:
    b = Briefing(**{**briefing().__dict__, "meta": Meta(title="</title><script>x</script>")})
    assert 'title: "‹/title›‹script›x‹/script›"' in render(b)["north/index.md"]


# --- page set, names, anchors, links ----------------------------------------------------


def test_page_set_and_names() -> None:
    assert sorted(render(briefing())) == [
        ".nav.yml", "assets/briefgen.css", "assets/briefgen.js", "index.md", "north/01-the-route.md",
        "north/02-trade.md", "north/glossary.md", "north/index.md", "north/quotes.md", "north/source.md", "tags.md",
    ]


def test_area_files_sort_in_reading_order_past_nine() -> None:
    areas = tuple(Area(f"z{i}" if i % 2 else f"a{i}", "T", (), (), ()) for i in range(12))
    files = area_files(areas)
    assert list(files) == sorted(files) and files[0] == "01-a0.md" and files[11] == "12-z11.md"


def test_area_slug_cannot_escape_its_folder() -> None:
    assert area_files((Area("../../etc", "T", (), (), ()),)) == ("01-etc.md",)


def test_source_page_anchors_every_paragraph_and_keeps_headings() -> None:
    html = to_html(render(briefing())["north/source.md"])
    for n in range(1, 5):
        assert f'id="p{n}"' in html and f'href="#p{n}">{n}</a>' in html
    assert re.search(r"<h2[^>]*>The route</h2>", html) and re.search(r"<h2[^>]*>Trade</h2>", html)


def test_every_summary_sentence_and_key_quote_links_to_its_source_paragraph() -> None:
    pages = render(briefing())
    overview, route, trade = pages["north/index.md"], pages["north/01-the-route.md"], pages["north/02-trade.md"]
    assert "Northern Water Route. [¶1](source.md#p1)" in overview
    assert "said “trade will double” soon. [¶3](source.md#p3)" in overview
    assert "> “the route is open to all”\n\n— Unattributed [¶2](source.md#p2)" in route
    assert "> “trade will double”\n\n— Ana Ruiz, a professor at Lakeside [¶3](source.md#p3)" in trade
    assert "> “quote”" not in trade  # a term is not a key quote


def test_area_page_lists_only_its_own_paragraphs_with_links() -> None:
    route = render(briefing())["north/01-the-route.md"]
    assert "[¶1](source.md#p1)" in route and "[¶2](source.md#p2)" in route and "#p3)" not in route


def test_quotes_page_groups_statements_by_speaker_unattributed_last() -> None:
    text = render(briefing())["north/quotes.md"]
    heads = re.findall(r"^## (.+)$", text, re.M)
    assert heads == ["Ana Ruiz", "Bo Lind", "Unattributed"]
    assert "“quote”" not in text


def test_quotes_page_puts_a_speakers_role_and_organisation_under_their_name() -> None:
    text = render(briefing())["north/quotes.md"]
    assert "## Ana Ruiz\n\n*a professor at Lakeside*\n{: .bg-role }\n\n> “trade will double”\n\n— [¶3]" in text


def test_a_role_already_in_the_speaker_is_not_repeated() -> None:
    b = briefing()
    spokes = Quote("trade will double", "p3", "statement", speaker="a spokesman for Lakeside", role="Lakeside")
    b = Briefing(**{**b.__dict__, "quotes": (b.quotes[0], spokes, *b.quotes[2:])})
    assert "— a spokesman for Lakeside [¶3]" in render(b)["north/02-trade.md"]


def test_overview_has_cards_pdf_link_and_source_metadata() -> None:
    text = render(briefing())["north/index.md"]
    assert '<a class="md-button" href="north.pdf" data-briefgen-pdf="north/north.pdf" download>Download PDF</a>' in text
    assert "[**The route**](01-the-route.md)" in text and "[**Trade**](02-trade.md)" in text
    assert "[https://example.org/north?a=1](https://example.org/north?a=1)" in text
    assert "Kim Lee · Some Institute · 2024-05-01" in text


def test_original_article_is_linked_from_the_overview_byline_home_card_and_front_matter() -> None:
    pages = render(briefing())
    overview, home = pages["north/index.md"], pages["index.md"]
    assert "Kim Lee · Some Institute · 2024-05-01 · [original](https://example.org/north?a=1)\n{: .bg-byline }" in overview
    assert 'source_url: "https://example.org/north?a=1"' in overview  # the PDF cover reads it from here
    assert "· [original](https://example.org/north?a=1)\n    {: .bg-meta }" in home
    plain = Briefing(**{**briefing().__dict__, "meta": Meta(title="T", author="Kim Lee")})
    assert "original" not in render(plain)["index.md"] and "source_url" not in render(plain)["north/index.md"]


def test_area_page_links_its_pdf_relative_to_its_directory_url() -> None:
    text = render(briefing())["north/02-trade.md"]
    assert 'href="../pdf/trade.pdf"' in text and 'href="../north.pdf"' in text


def test_pdf_buttons_name_their_pdf_from_the_site_root_for_the_post_build_relink() -> None:
    text = render(briefing())["north/02-trade.md"]
    assert 'href="../pdf/trade.pdf" data-briefgen-pdf="north/pdf/trade.pdf" download>Download PDF' in text
    assert 'href="../north.pdf" data-briefgen-pdf="north/north.pdf" download>Whole briefing (PDF)' in text


# --- the site navigation (docs/.nav.yml, INHERITed by mkdocs.yml) --------------------------


def nav(*bs: Briefing) -> list[object]:
    import yaml

    data = yaml.safe_load(render(*bs)[NAV_FILE])
    assert list(data) == ["nav"]  # INHERIT merges it into mkdocs.yml: nothing else may ride along
    return data["nav"]


def test_nav_titles_each_briefing_section_with_its_article_title_overview_first() -> None:
    assert nav(briefing(title="China and Russia: A Fractured Friendship")) == [
        {"Home": "index.md"},
        {"Tags": "tags.md"},
        {"China and Russia: A Fractured Friendship": [
            "north/index.md",  # bare: with navigation.indexes the section title links to it
            {"The route": "north/01-the-route.md"},
            {"Trade": "north/02-trade.md"},
            {"Quotes": "north/quotes.md"},
            {"Glossary": "north/glossary.md"},
            {"Source text": "north/source.md"},
        ]},
    ]


def test_nav_lists_briefings_in_home_page_order_and_falls_back_to_the_readable_slug() -> None:
    untitled = Briefing(**{**briefing(slug="mid").__dict__, "meta": Meta(title=None)})
    sections = [next(iter(item)) for item in nav(briefing(title="Zeta", slug="z"), untitled,
                                                  briefing(title="alpha", slug="a"))][2:]
    assert sections == ["alpha", "Mid", "Zeta"]
    home = render(briefing(title="Zeta", slug="z"), untitled, briefing(title="alpha", slug="a"))["index.md"]
    assert home.index("(a/index.md)") < home.index("(mid/index.md)") < home.index("(z/index.md)")


def test_nav_titles_from_hostile_source_text_stay_plain_text() -> None:
    hostile = '</title><script>x</script> "q": [a, b] # c\n- d: {e}\x85\x7f'
    b = briefing(title=hostile)
    b = Briefing(**{**b.__dict__, "areas": (Area("r", "<b>" + hostile, ("p1",), (), ()),) + b.areas[1:]})
    section = nav(b)[2]
    title, entries = next(iter(section.items()))
    assert title == '‹/title›‹script›x‹/script› "q": [a, b] # c - d: {e} \x7f'
    assert entries[1] == {"‹b›" + title: "north/01-r.md"}
    assert "<" not in render(b)[NAV_FILE]


def test_a_reordered_nav_survives_the_next_generate(tmp_path: Path) -> None:
    from briefgen.write import plan_writes

    first = render(briefing())[NAV_FILE]
    mine = first.replace('      - "Trade": north/02-trade.md\n', "").replace(
        '      - "The route"', '      - "Trade": north/02-trade.md\n      - "The route"')
    (tmp_path / NAV_FILE).write_text(mine, encoding="utf-8")
    later = render_site((briefing(), briefing(title="Another", slug="b")))
    plan = plan_writes(later, tmp_path, {NAV_FILE: first})
    merged = dict(plan.writes)[NAV_FILE]
    assert merged.index("north/02-trade.md") < merged.index("north/01-the-route.md")  # the user's order
    assert '  - "Another":\n      - b/index.md\n' in merged  # and the new briefing


def test_entities_become_page_tags() -> None:
    text = render(briefing())["north/01-the-route.md"]
    assert text.startswith('---\ntitle: "The route"\n') and 'tags:\n  - "Ana Ruiz"\n  - "North Sea"\n---' in text


def test_every_briefing_page_defines_the_glossary_as_abbreviations() -> None:
    for path, text in render(briefing()).items():
        if path.startswith("north/"):
            assert "*[NWR]: Northern Water Route\n*[EEA]: Eastern Economic Area\n" in text, path
    html = to_html(render(briefing())["north/source.md"])
    assert '<abbr title="Northern Water Route">NWR</abbr>' in html


def test_abbreviation_with_unsafe_term_is_left_out() -> None:
    b = Briefing(**{**briefing().__dict__, "glossary": (GlossaryEntry("A]B", "x"), GlossaryEntry("OK", "<b>y</b>"))})
    text = render(b)["north/glossary.md"]
    assert "*[A]B]" not in text and "*[OK]: <b>y</b>" in text
    assert '<abbr title="&lt;b&gt;y&lt;/b&gt;">OK</abbr>' in to_html(text + "\nOK\n")


def test_home_lists_briefings_sorted_by_title() -> None:
    text = render(briefing(title="Zeta", slug="z"), briefing(title="alpha", slug="a"))["index.md"]
    assert text.index("[**alpha**](a/index.md)") < text.index("[**Zeta**](z/index.md)")
    assert "2 friction areas" in text


# --- editability and determinism --------------------------------------------------------


def test_pages_have_no_trailing_whitespace_and_one_final_newline() -> None:
    for path, text in render(briefing()).items():
        assert text.endswith("\n") and not text.endswith("\n\n"), path
        assert not re.search(r"[ \t]+$", text, re.M), path
        assert "\n\n\n" not in text, path


def test_rendering_twice_gives_identical_bytes() -> None:
    assert render_site((briefing(),)) == render_site((briefing(),))
    assert all(isinstance(p, Page) for p in render_site((briefing(),)))


def test_an_untitled_article_is_named_from_its_file_name_without_the_ordering_number() -> None:
    from briefgen.render import readable_slug

    assert readable_slug("03-conversation-asian-games-frictions") == "Conversation asian games frictions"
    assert readable_slug("harbour") == "Harbour"


def test_a_note_shows_its_whole_text_on_the_overview_with_no_area_cards() -> None:
    b = briefing()
    note = Briefing(**{**b.__dict__, "areas": (), "note": True,
                       "context": Context(tuple(p.id for p in b.paragraphs))})
    pages = render(note)
    overview = pages["north/index.md"]
    assert 'note: "true"' in overview and "## The text" in overview and "Friction areas" not in overview
    assert "The first paragraph about the NWR" in overview and "[¶4](source.md#p4)" in overview
    assert not any(re.match(r"north/\d+-", path) for path in pages)


def test_the_opening_context_is_on_the_overview_not_a_card() -> None:
    b = briefing()
    b = Briefing(**{**b.__dict__, "areas": b.areas[1:], "summary": (),
                    "context": Context(("p1", "p2"), (Extract(b.paragraphs[0].text, "p1"),))})
    overview = render(b)["north/index.md"]
    context = overview.split("## Context", 1)[1].split("##", 1)[0]
    assert "The first paragraph about the NWR" in context and "(source.md#p1)" in context
    assert "**The route**" not in overview


def test_the_context_does_not_repeat_the_bottom_line() -> None:
    b = briefing()
    lede = Extract(b.paragraphs[0].text, "p1")
    b = Briefing(**{**b.__dict__, "summary": (lede,), "context": Context(("p1",), (lede,))})
    overview = render(b)["north/index.md"]
    bottom = overview.split("## Bottom line", 1)[1].split("##", 1)[0]
    assert "The first paragraph about the NWR" in bottom and "## Context" not in overview


def test_a_long_report_groups_its_areas_by_chapter_in_nav_and_overview() -> None:
    b = briefing()
    areas = (replace(b.areas[0], chapter="Background"), replace(b.areas[1], chapter="Background"))
    pages = render(Briefing(**{**b.__dict__, "areas": areas}))
    nav = pages[NAV_FILE]
    assert '      - "Background":\n          - "The route": north/01-the-route.md\n          - "Trade": north/02-trade.md' in nav
    assert "### Background" in pages["north/index.md"]


def test_a_chapter_that_is_one_area_of_its_own_name_is_not_nested() -> None:
    b = briefing()
    areas = (replace(b.areas[0], chapter="The route"), replace(b.areas[1], chapter="Trade"))
    nav = render(Briefing(**{**b.__dict__, "areas": areas}))[NAV_FILE]
    assert '      - "The route": north/01-the-route.md' in nav and '"Trade":\n' not in nav
