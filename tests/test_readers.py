"""Readers: every format into blocks, judged alike. Fixtures are made here (WeasyPrint, python-docx)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefgen.analysis.clean import clean
from briefgen.analysis.ingest import read_source
from briefgen.analysis.readers.pdf import Line, _join
from briefgen.errors import InputError
from briefgen.model import Document, Source

FIXTURES = Path(__file__).parent / "fixtures"

# Long words on purpose: justified, hyphenated type breaks them at line ends.
PROSE = [
    "The international telecommunications infrastructure underwent considerable transformation "
    "throughout the decade, as governments reconsidered regulatory frameworks and manufacturers "
    "reorganised production across several continents. " * 3,
    "Notwithstanding extraordinary countermeasures, intergovernmental negotiations stalled repeatedly; "
    "representatives characterised the disagreements as fundamentally irreconcilable, and well-known "
    "mediators withdrew. " * 3,
]
HEADER = "Quarterly Review of Telecommunications Policy"


def body(d: Document) -> list[str]:
    return [b.text for b in d.blocks if b.kind == "paragraph"]


def headings(d: Document) -> list[str]:
    return [b.text for b in d.blocks if b.kind == "heading"]


def read(path: Path) -> Document:
    return clean(read_source(path))


# --- PDF --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three pages or more: running header, "Page N of M" footers, justified hyphenated body, a footnote."""
    from weasyprint import HTML

    sections = "".join(
        f"<h2>Section {n}</h2>" + "".join(f"<p>{p}</p>" for p in PROSE) for n in range(1, 4)
    )
    html = f"""<html lang="en"><head><title>Untitled</title><style>
      @page {{ size: A5; margin: 2cm 1.8cm;
        @top-center {{ content: "{HEADER}"; font-size: 8pt }}
        @bottom-center {{ content: "Page " counter(page) " of " counter(pages); font-size: 8pt }} }}
      body {{ font-family: "DejaVu Serif"; font-size: 10pt; text-align: justify; hyphens: auto }}
      h1 {{ font-size: 18pt }} h2 {{ font-size: 13pt }} .note {{ font-size: 7pt }}
    </style></head><body><h1>The Future of Telecommunications</h1><p>By Jane Roe</p><p>March 3, 2025</p>
    {sections}<p class="note">1 The figures come from the ministry's annual returns.</p></body></html>"""
    path = tmp_path_factory.mktemp("pdf") / "telecom-review.pdf"
    HTML(string=html).write_pdf(path)
    return path


@pytest.mark.slow
def test_pdf_running_header_and_page_numbers_stay_out_of_the_body(report_pdf: Path) -> None:
    d = read(report_pdf)
    text = " ".join(b.text for b in d.blocks)
    assert HEADER not in text and not re.search(r"Page \d+ of \d+", text)


@pytest.mark.slow
def test_pdf_paragraphs_rebuilt_across_lines_and_pages_with_broken_words_joined(report_pdf: Path) -> None:
    d = read(report_pdf)
    assert body(d) == [" ".join(p.split()) for p in PROSE] * 3
    assert "\u2010" not in " ".join(body(d))  # no hyphen left where a line broke a word
    assert "well-known" in body(d)[1]  # a real hyphen stays


@pytest.mark.slow
def test_pdf_headings_by_type_size_title_byline_date_and_footnote(report_pdf: Path) -> None:
    d = read(report_pdf)
    assert headings(d) == ["Section 1", "Section 2", "Section 3"]
    assert (d.meta.title, d.meta.author, d.meta.date) == ("The Future of Telecommunications", "Jane Roe", "2025-03-03")
    assert d.aside == ("1 The figures come from the ministry's annual returns.",)


@pytest.mark.slow
def test_pdf_without_a_text_layer_is_a_one_line_error(tmp_path: Path) -> None:
    from weasyprint import HTML

    path = tmp_path / "scan.pdf"
    HTML(string="<div style='width:10cm;height:12cm;background:#444'></div>").write_pdf(path)
    with pytest.raises(InputError, match="no text layer") as err:
        read(path)
    assert "\n" not in str(err.value) and str(path) in str(err.value)


def test_damaged_pdf_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    with pytest.raises(InputError, match="not a readable PDF"):
        read(path)


def _line(text: str) -> Line:
    return Line(0, 0.0, 10.0, 0.0, 100.0, text, 10.0, False, 800.0)


@pytest.mark.parametrize("lines,hyphenated,joined", [
    (["regulat\u2010", "ory frameworks"], set(), "regulatory frameworks"),  # U+2010 HYPHEN set by the typesetter
    (["regulat\u00ad", "ory frameworks"], set(), "regulatory frameworks"),  # soft hyphen
    (["regulat-", "ory frameworks"], set(), "regulatory frameworks"),  # ASCII, the word is not written with it
    (["a well-", "known mediator"], {"well-known"}, "a well-known mediator"),  # the document writes "well-known"
    (["the full-", "scale war"], None, "the full-scale war"),  # the document marks its own breaks otherwise
    (["Russia-", "China ties"], set(), "Russia-China ties"),  # a capital after the hyphen: a compound
    (["first line", "second line"], set(), "first line second line"),
])
def test_pdf_lines_join_into_the_printed_words(lines: list[str], hyphenated: set[str] | None, joined: str) -> None:
    assert _join([_line(t) for t in lines], hyphenated) == joined


# --- Word -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = HEADER
    section.footer.paragraphs[0].text = "Page 1 of 3 | Internal draft"
    document.add_heading("The Future of Telecommunications", 0)
    document.add_paragraph("By Jane Roe")
    table = document.add_table(rows=2, cols=2)
    for row, (key, value) in zip(table.rows, (("Organisation:", "Institute for Networks"), ("Publication Date:", "April 9, 2026"))):
        row.cells[0].text, row.cells[1].text = key, value
    document.add_heading("Section 1", 1)
    document.add_paragraph(PROSE[0])
    bold = document.add_paragraph().add_run("Energy security")
    bold.bold = True
    document.add_paragraph(PROSE[1])
    path = tmp_path_factory.mktemp("docx") / "telecom-review.docx"
    document.save(path)
    return path


def test_docx_headings_kept_headers_and_footers_never_read(report_docx: Path) -> None:
    d = read(report_docx)
    assert headings(d) == ["Section 1", "Energy security"]
    assert body(d) == [" ".join(p.split()) for p in PROSE]
    assert HEADER not in " ".join(b.text for b in d.blocks) and "Internal draft" not in " ".join(body(d))


def test_docx_title_style_byline_and_metadata_table_give_the_meta(report_docx: Path) -> None:
    d = read(report_docx)
    assert (d.meta.title, d.meta.author, d.meta.organisation, d.meta.date) == (
        "The Future of Telecommunications", "Jane Roe", "Institute for Networks", "2026-04-09")


def test_docx_core_properties_of_the_tool_are_not_the_author(tmp_path: Path) -> None:
    import docx

    document = docx.Document()  # python-docx's template says author "python-docx"
    document.add_paragraph(PROSE[0])
    document.add_paragraph(PROSE[1])
    path = tmp_path / "plain.docx"
    document.save(path)
    assert read(path).meta.author is None


# --- Markdown saved from a web page -------------------------------------------------------


def test_web_saved_markdown_keeps_the_article_and_reads_its_metadata_table() -> None:
    d = read(FIXTURES / "web" / "grain-reserves-insight.md")
    assert d.meta.title == "Grain Reserves and Food Security: Issues for the Legislature"
    assert (d.meta.author, d.meta.date) == ("Jane Roe, John Poe", "2026-03-09")
    assert d.meta.source_url == "https://library.example.gov/products/IN99001"
    assert headings(d) == ["Overview", "Options for the Legislature"]
    assert [p[:30] for p in body(d)] == [
        "Public grain reserves have ret", "Stocks. The national reserve h",
        "The legislature could direct t", "Critics argue that a larger re",
    ]
    assert d.aside and d.aside[0].startswith("Disclaimer:")


def test_web_saved_markdown_never_shows_markup_navigation_or_versions() -> None:
    d = read(FIXTURES / "web" / "grain-reserves-insight.md")
    text = " ".join(b.text for b in d.blocks)
    for furniture in ("**", "](", "Skip to main", "Home", "Share/Save", "Hide Overview", "Version", "RESEARCH PRODUCT"):
        assert furniture not in text, furniture


@pytest.mark.parametrize("row,meta", [
    ("Authors: Ann Poe", ("author", "Ann Poe")),
    ("**Publication Date:** 4 May 2024", ("date", "2024-05-04")),
    ("| Source: | https://example.org/a |", ("source_url", "https://example.org/a")),
])
def test_markdown_metadata_rows_go_to_the_meta(row: str, meta: tuple[str, str]) -> None:
    text = f"# T\n\n{row}\n\n" + PROSE[0] + "\n\n" + PROSE[1]
    d = clean(Source(path="a.md", stem="a", fmt="md", text=text))
    assert getattr(d.meta, meta[0]) == meta[1]
    assert row.strip("|* ").split(":")[0] not in " ".join(body(d))


def test_a_credit_line_is_not_the_publisher() -> None:
    d = clean(Source(path="a.md", stem="a", fmt="md", text="# T\n\n" + PROSE[0] + "\n\nSource: Reuters\n\n" + PROSE[1]))
    assert d.meta.organisation is None and "Source: Reuters" not in body(d)


# --- HTML -------------------------------------------------------------------------------


def _page(article: str, around: str = "") -> str:
    return ("<html><head><title>Arctic Shipping | Polar Institute</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/t'>Topics</a> <a href='/a'>About</a></nav>"
            f"{around}<article><h1>Arctic Shipping</h1>{article}</article>"
            "<footer>© 2024 Polar Institute</footer></body></html>")


ARTICLE = "".join(f"<p>{p}</p>" for p in PROSE)


def test_html_page_wrapped_in_one_form_is_still_read() -> None:
    html = _page(ARTICLE).replace("<body>", "<body><form action='/search'>").replace("</body>", "</form></body>")
    d = clean(Source(path="a.html", stem="a", fmt="html", text=html))
    assert body(d) == [" ".join(p.split()) for p in PROSE]


def test_html_breadcrumb_and_share_rows_are_not_body() -> None:
    rows = ("<p><a href='/'>Home</a> › <a href='/p'>Publications</a> › <a href='/c'>Commentary</a></p>"
            "<p><a href='https://x.example/share'>Share on X</a> <a href='mailto:?'>Email</a> <a href='#'>Print</a></p>")
    d = clean(Source(path="a.html", stem="a", fmt="html", text=_page(rows + ARTICLE)))
    assert body(d) == [" ".join(p.split()) for p in PROSE]
    assert d.meta.title == "Arctic Shipping" and d.meta.organisation == "Polar Institute"


def test_html_teaser_list_outside_the_article_is_not_body() -> None:
    teasers = "<aside><h3>More in Popular</h3><ul>" + "".join(
        f"<li><a href='/n{i}'>Teaser headline number {i} about something else</a></li>" for i in range(8)) + "</ul></aside>"
    d = clean(Source(path="a.html", stem="a", fmt="html", text=_page(ARTICLE, teasers)))
    assert body(d) == [" ".join(p.split()) for p in PROSE] and "More in Popular" not in headings(d)


def test_same_input_gives_the_same_document(report_docx: Path) -> None:
    for path in (report_docx, FIXTURES / "web" / "grain-reserves-insight.md"):
        assert read(path) == read(path)


@pytest.mark.parametrize("line,date", [
    ("Published 04/09/2026", "2026-04-09"),  # month first, as US pages write it
    ("Updated: 16.09.2026", "2026-09-16"),  # a day over 12 settles the order
    ("Posted 2026/09/16", "2026-09-16"),
    ("Published March 3, 2025", "2025-03-03"),
])
def test_date_lines_in_numbers_or_words_give_the_date(line: str, date: str) -> None:
    d = clean(Source(path="a.txt", stem="a", fmt="txt", text=f"A Title\n\n{line}\n\n" + PROSE[0]))
    assert d.meta.date == date and line not in " ".join(body(d))


def test_a_saved_page_in_word_is_titled_by_its_title_style_below_the_menus(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for item in ("Home", "File a Complaint", "Publications", "Contact Us", "Topics", "Automobiles",
                 "Businesses", "Consumers", "Housing", "Employment"):
        document.add_paragraph(item)
    document.add_heading("The Future of Telecommunications", 0)
    document.add_paragraph(PROSE[0])
    path = tmp_path / "saved-page.docx"
    document.save(path)
    d = read(path)
    assert d.meta.title == "The Future of Telecommunications"
    assert body(d) == [" ".join(PROSE[0].split())]


def test_a_blog_meta_row_gives_author_and_date_and_is_not_body() -> None:
    text = "# A Post\n\n" + PROSE[0] + "\n\nAnn Poe — 2013-09-29— in Code — Permalink — License\n"
    d = clean(Source(path="a.md", stem="a", fmt="md", text=text))
    assert (d.meta.author, d.meta.date) == ("Ann Poe", "2013-09-29")
    assert body(d) == [" ".join(PROSE[0].split())]
