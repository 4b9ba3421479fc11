"""The PDF step: briefing books and one-pagers, checked the way a reader would check them.

The slow tests build the seed's PDFs once (generate into a temp folder, then
``build_pdfs``) and read them back with poppler's pdftotext/pdffonts/pdftoppm and pypdf.
Page 1 and one area page are rendered to PNG under tests/artifacts/pdf/ for a person to look at.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefgen.config import load_settings
from briefgen.pdf import build_pdfs
from briefgen.pdf.collect import collect, make_markdown, split_front_matter
from briefgen.pdf.fragments import _target_key, clean_fragment, para_refs, resolve_links
from briefgen.pdf.onepager import OnePager, onepager_layouts
from briefgen.pdf.relink import relink_html, relink_pdf_buttons
from briefgen.pdf.writer import build_book, make_env
from briefgen.analysis import analyse_file
from briefgen.pipeline import generate
from tests.project import SEED

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts" / "pdf"
GENERATED = dt.datetime(2026, 3, 4, 5, 6, 7, tzinfo=dt.timezone.utc)


def _norm(text: str) -> str:
    return " ".join(text.split())


def _pages_text(pdf: Path) -> list[str]:
    """Each page's text as pdftotext reads it, whitespace collapsed."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [_norm(page) for page in out.split("\f")][: len(PdfReader(str(pdf)).pages)]


# ----------------------------------------------------------------------------- pure pieces


@pytest.mark.parametrize("href, key, expected", [
    ("source.md#p4", "01-arctic", ("source", "p4")),
    ("../source/#p4", "01-arctic", ("source", "p4")),  # raw HTML against directory URLs
    ("source/#p4", "index", ("source", "p4")),
    ("02-trade.md", "index", ("02-trade", "")),
    ("#summary", "01-arctic", ("01-arctic", "summary")),
    ("https://example.org/a", "index", None),
    ("../other-briefing/index.md", "index", None),
])
def test_internal_links_are_mapped_to_pages_of_the_book(href: str, key: str, expected: tuple[str, str] | None) -> None:
    assert _target_key(href, key) == expected


def test_download_links_and_permalinks_are_dropped_and_ids_prefixed() -> None:
    html = ('<h1>Arctic</h1><p><a class="md-button" href="../pdf/arctic.pdf">Download PDF</a></p>'
            '<h2 id="summary">Summary<a class="headerlink" href="#summary">¶</a></h2>'
            '<ul><li>Text <a href="source.md#p4">¶4</a></li></ul>')
    root, title = clean_fragment(html, "01-arctic")
    out = "".join(el.text_content() for el in root)
    assert title == "Arctic"
    assert "Download PDF" not in out and "Summary¶" not in out
    assert root.find(".//h2").get("id") == "01-arctic--summary"
    assert root.find(".//a").get("href") == "#source--p4"


def test_links_to_targets_not_in_the_pdf_become_plain_text() -> None:
    root, _ = clean_fragment('<p>See <a href="quotes.md">all quotes</a> and <a href="https://x.org">x</a>.</p>', "index")
    resolve_links([root], known=set())
    assert [a.get("href") for a in root.iter("a")] == ["https://x.org"]
    assert _norm(root.text_content()) == "See all quotes and x."


BUTTON = '<a class="md-button" href="../../pdf/trade.pdf" data-briefgen-pdf="north/pdf/trade.pdf" download>'


@pytest.mark.parametrize("page_dir, href", [
    ("north/02-trade", "../pdf/trade.pdf"),  # directory URLs (MkDocs, Zensical)
    ("north", "pdf/trade.pdf"),  # .html URLs (the offline bundle)
    ("", "north/pdf/trade.pdf"),  # the site's root
])
def test_pdf_button_href_is_made_relative_to_the_built_page(page_dir: str, href: str) -> None:
    html = f"<p>x</p>{BUTTON}<a href='../x.pdf'>other</a>"
    out = relink_html(html, page_dir)
    assert out == f"<p>x</p>{BUTTON.replace('../../pdf/trade.pdf', href)}<a href='../x.pdf'>other</a>"


def test_pdf_button_with_an_unsafe_target_is_left_alone() -> None:
    for target in ("../../etc/passwd.pdf", "javascript:alert(1)", "north/x.html", "/north/a.pdf"):
        html = BUTTON.replace("north/pdf/trade.pdf", target)
        assert relink_html(html, "north") == html


def test_relink_touches_only_pages_whose_links_change(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "north" / "02-trade").mkdir(parents=True)
    (site / "index.html").write_text("<p>home</p>", encoding="utf-8")
    page = site / "north" / "02-trade" / "index.html"
    page.write_text(BUTTON, encoding="utf-8")
    assert relink_pdf_buttons(site) == (page,)
    assert 'href="../pdf/trade.pdf"' in page.read_text(encoding="utf-8")
    before = page.stat().st_mtime_ns
    assert relink_pdf_buttons(site) == ()  # already right: not rewritten
    assert page.stat().st_mtime_ns == before


def test_paragraph_references_are_compact_runs_linked_when_present() -> None:
    assert para_refs((4, 5, 6, 9), {"source--p4", "source--p9"}) == (("4–6", "#source--p4"), ("9", "#source--p9"))
    assert para_refs((2,), set()) == (("2", None),)


def test_front_matter_is_read_and_bad_yaml_is_ignored() -> None:
    assert split_front_matter('---\ntitle: "A: B"\nauthor: X\n---\n# A\n') == ({"title": "A: B", "author": "X"}, "# A\n")
    assert split_front_matter("---\n: [\n---\nbody") == ({}, "---\n: [\n---\nbody")


def test_source_text_is_escaped_in_print_templates() -> None:
    area = type("A", (), {"summary": (type("E", (), {"text": "<script>alert(1)</script>", "paragraph": "p1"})(),)})()
    html = make_env(ROOT / "templates").get_template("fallback_area.html.j2").render(area=area, quotes=())
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_one_pager_layouts_shrink_paragraphs_then_type_then_quotes_but_keep_the_summary() -> None:
    html = ("<h2>Summary</h2><ul><li>Keep me.</li></ul><h2>Key quotes</h2>"
            "<blockquote><p>“Q1”</p></blockquote><p class=\"bg-cite\">— A</p>"
            "<blockquote><p>“Q2”</p></blockquote><p class=\"bg-cite\">— B</p>"
            "<h2>From the article</h2><p>P1</p><p>P2</p>")
    layouts = onepager_layouts(OnePager(slug="a", title="A", number=1, html=html, refs=()))
    texts = [_norm(_text(str(op.html))) for op in layouts]
    assert texts[0].endswith("From the article P1 P2")
    assert texts[1].endswith("From the article P1") and "P2" not in texts[1]
    assert "From the article" not in texts[2]
    assert [op.font_pt for op in layouts] == sorted((op.font_pt for op in layouts), reverse=True)
    assert "Q2" not in texts[-2] and "— B" not in texts[-2] and "Q1" in texts[-2]
    assert all("Keep me." in t for t in texts)


def _text(html: str) -> str:
    import lxml.html
    return " ".join(lxml.html.fragment_fromstring(html, create_parent="div").itertext())


# ----------------------------------------------------------------------------- the seed's PDFs


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Generate the seed's docs in a temp folder and build its PDFs once."""
    for tool in ("pdftotext", "pdffonts", "pdftoppm"):
        assert shutil.which(tool), f"{tool} missing: install poppler-utils (.ci/run does)"
    work = tmp_path_factory.mktemp("pdfsite")
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    (work / "seeds").mkdir()
    shutil.copy(SEED, work / "seeds" / SEED.name)
    settings = load_settings(work / "mkdocs.yml").with_overrides(templates=ROOT / "templates")
    generate(settings)
    site_page = settings.site / "china-russia-fractured-friendship" / "02-x" / "index.html"
    site_page.parent.mkdir(parents=True)
    site_page.write_text(BUTTON.replace("north/pdf/trade.pdf", "china-russia-fractured-friendship/pdf/x.pdf"))
    report = build_pdfs(settings, paper="a4", generated=GENERATED)
    briefing = analyse_file(SEED)
    slug = "china-russia-fractured-friendship"
    return {"settings": settings, "report": report, "briefing": briefing, "slug": slug,
            "book": settings.site / slug / f"{slug}.pdf", "pdf_dir": settings.site / slug / "pdf"}


def _area_pages(pages: list[str], n_areas: int) -> list[int]:
    """0-based index of the page where each friction area's section starts."""
    starts = []
    for k in range(1, n_areas + 1):
        starts.append(next(i for i, t in enumerate(pages) if f"FRICTION AREA {k} OF {n_areas}" in t.upper()))
    return starts


@pytest.mark.slow
def test_book_and_one_pagers_land_at_the_agreed_paths(built: dict) -> None:
    assert built["book"].is_file()
    names = sorted(p.name for p in built["pdf_dir"].glob("*.pdf"))
    assert names == sorted(f"{a.slug}.pdf" for a in built["briefing"].areas)
    assert not built["report"].overflowing


@pytest.mark.slow
def test_pdf_step_points_the_sites_pdf_buttons_at_the_pdfs(built: dict) -> None:
    page = built["settings"].site / built["slug"] / "02-x" / "index.html"
    assert built["report"].relinked == (str(page),)
    assert 'href="../pdf/x.pdf"' in page.read_text(encoding="utf-8")


@pytest.mark.slow
def test_book_cover_names_title_author_organisation_and_dates(built: dict) -> None:
    cover = _pages_text(built["book"])[0]
    meta = built["briefing"].meta
    for value in (meta.title, meta.author, meta.organisation):
        if value:
            assert _norm(value) in cover
    assert "generated 2026-03-04" in cover.lower() and "source date" in cover.lower()


@pytest.mark.slow
def test_every_page_has_running_header_and_page_x_of_y(built: dict) -> None:
    pages = _pages_text(built["book"])
    title = built["briefing"].meta.title
    for i, text in enumerate(pages, 1):
        assert f"page {i} of {len(pages)}" in text
        if i > 1:
            assert text.startswith(title)


@pytest.mark.slow
def test_each_area_section_has_title_summary_quotes_speakers_and_paragraph_refs(built: dict) -> None:
    b = built["briefing"]
    pages = _pages_text(built["book"])
    starts = _area_pages(pages, len(b.areas)) + [len(pages)]
    for k, area in enumerate(b.areas):
        section = " ".join(pages[starts[k]:max(starts[k] + 1, starts[k + 1])])
        assert area.title in section
        assert "Source paragraphs: ¶" in section
        assert _norm(area.summary[0].text)[:60] in section
        for qi in area.quotes:
            q = b.quotes[qi]
            if q.kind != "statement":
                continue
            assert _norm(q.text)[:50] in section, q.text
            assert (q.speaker or "Unattributed") in section


@pytest.mark.slow
def test_contents_lists_every_part_with_its_page_number(built: dict) -> None:
    b = built["briefing"]
    pages = _pages_text(built["book"])
    toc = pages[1]
    assert toc.startswith(b.meta.title) and "Contents" in toc
    for k, start in enumerate(_area_pages(pages, len(b.areas))):
        assert re.search(rf"{k + 1} {re.escape(b.areas[k].title)}[ .]*{start + 1}\b", toc), (b.areas[k].title, toc)
    for part in ("Glossary", "Source text"):
        page = next(i for i, t in enumerate(pages) if i > 1 and t.startswith(f"{b.meta.title} {part}"))
        assert re.search(rf"{part}[ .]*{page + 1}\b", toc)


@pytest.mark.slow
def test_source_text_and_glossary_are_in_the_book(built: dict) -> None:
    b = built["briefing"]
    text = " ".join(_pages_text(built["book"]))
    for p in b.paragraphs:
        assert _norm(p.text)[-40:] in text
    for g in b.glossary:
        assert g.term in text and _norm(g.expansion) in text


@pytest.mark.slow
def test_metadata_holds_title_author_subject_and_creation_date(built: dict) -> None:
    info = PdfReader(str(built["book"])).metadata
    meta = built["briefing"].meta
    assert info.title == meta.title
    assert info.author == meta.author
    assert info.subject and meta.title in info.subject
    assert info.creation_date.date() == GENERATED.date()


@pytest.mark.slow
def test_internal_links_are_live_and_contents_and_bookmarks_are_clickable(built: dict) -> None:
    for pdf in [built["book"], *built["pdf_dir"].glob("*.pdf")]:
        reader = PdfReader(str(pdf))
        names = set(reader.named_destinations)
        internal = 0
        for page in reader.pages:
            for ref in page.get("/Annots") or []:
                annot = ref.get_object()
                if annot.get("/Subtype") != "/Link":
                    continue
                if "/Dest" in annot:
                    assert str(annot["/Dest"]) in names, (pdf.name, annot["/Dest"])
                    internal += 1
                else:
                    assert str(annot["/A"].get("/URI", "")).startswith(("http://", "https://", "mailto:")), annot
        if pdf == built["book"]:
            assert internal >= len(built["briefing"].areas) + 2  # contents entries at least
            titles = [o.title for o in reader.outline if not isinstance(o, list)]
            assert all(a.title in titles for a in built["briefing"].areas)


@pytest.mark.slow
def test_one_pagers_have_exactly_one_page_with_summary_quotes_and_source_reference(built: dict) -> None:
    b = built["briefing"]
    for area in b.areas:
        pdf = built["pdf_dir"] / f"{area.slug}.pdf"
        assert len(PdfReader(str(pdf)).pages) == 1
        text = _pages_text(pdf)[0]
        assert area.title in text
        assert all(_norm(s.text)[:50] in text for s in area.summary)
        assert f"Source: “{b.meta.title}”" in text and "¶" in text
        statements = [b.quotes[i] for i in area.quotes if b.quotes[i].kind == "statement"]
        if statements:
            assert _norm(statements[0].text)[:40] in text


@pytest.mark.slow
def test_all_fonts_are_embedded(built: dict) -> None:
    for pdf in [built["book"], *built["pdf_dir"].glob("*.pdf")]:
        rows = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
        assert rows, pdf
        for row in rows:
            # columns: name type [type] encoding emb sub uni object ID; "emb" is the 5th from the end
            assert row.split()[-5] == "yes", row
            assert "DejaVu" in row, row


@pytest.mark.slow
def test_pages_rendered_to_png_for_a_person_to_look_at(built: dict) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pages = _pages_text(built["book"])
    first_area = _area_pages(pages, len(built["briefing"].areas))[0] + 1
    for page, name in ((1, "book-page1"), (first_area, "book-area1")):
        subprocess.run(["/usr/bin/pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile",
                        str(built["book"]), str(ARTIFACTS / name)], check=True)
    one = sorted(built["pdf_dir"].glob("*.pdf"))[0]
    subprocess.run(["/usr/bin/pdftoppm", "-png", "-r", "80", "-singlefile", str(one), str(ARTIFACTS / "onepager")], check=True)
    for name in ("book-page1", "book-area1", "onepager"):
        assert (ARTIFACTS / f"{name}.png").stat().st_size > 10_000


@pytest.mark.slow
def test_letter_paper_and_byte_identical_rebuilds(built: dict, tmp_path: Path) -> None:
    settings = built["settings"]
    md = make_markdown(settings.config_file, settings.docs)
    c = collect(settings.docs, built["slug"], md, built["briefing"], make_env(settings.templates))
    first = build_book(c, tmp_path / "a", settings.templates, settings.docs, "letter", GENERATED)
    again = build_book(c, tmp_path / "b", settings.templates, settings.docs, "letter", GENERATED)
    box = PdfReader(str(first)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    assert first.read_bytes() == again.read_bytes()


@pytest.mark.slow
def test_analyst_edits_in_docs_reach_the_pdf(built: dict, tmp_path: Path) -> None:
    settings = built["settings"]
    docs = tmp_path / "docs"
    shutil.copytree(settings.docs, docs)
    page = sorted((docs / built["slug"]).glob("0*.md"))[0]
    page.write_text(page.read_text(encoding="utf-8").replace("## Summary\n", "## Summary\n\n- Analyst note: <b>not bold</b> & checked.\n", 1),
                    encoding="utf-8")
    md = make_markdown(settings.config_file, docs)
    c = collect(docs, built["slug"], md, built["briefing"], make_env(settings.templates))
    out = build_book(c, tmp_path / "site", settings.templates, docs, "a4", GENERATED)
    assert "Analyst note: not bold & checked." in " ".join(_pages_text(out))


@pytest.mark.slow
def test_hand_written_area_page_shows_speaker_and_role(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "b").mkdir(parents=True)
    (docs / "b" / "index.md").write_text('---\ntitle: "Trade talks"\nauthor: "A. Writer"\norganisation: "Inst"\n'
                                         'source_date: "2024-05-01"\n---\n# Trade talks\n\n## Bottom line\n\n- Talks stalled.\n')
    (docs / "b" / "01-tariffs.md").write_text('---\ntitle: "Tariffs"\narea: "tariffs"\n---\n# Tariffs\n\n## Summary\n\n'
                                              '- Tariffs rose. [¶1](source.md#p1)\n\n## Key quotes\n\n> “We will not yield”\n\n'
                                              '— Jane Roe, a trade minister [¶1](source.md#p1)\n{: .bg-cite }\n')
    (docs / "b" / "source.md").write_text('# Source\n\n[1](#p1){: .bg-pnum } Tariffs rose. “We will not yield,” said Jane Roe.\n{: #p1 .bg-para }\n')
    md = make_markdown(ROOT / "mkdocs.yml", docs)
    c = collect(docs, "b", md, None, make_env(ROOT / "templates"))
    out = build_book(c, tmp_path / "site", ROOT / "templates", docs, "a4", GENERATED)
    text = " ".join(_pages_text(out))
    assert "“We will not yield” — Jane Roe, a trade minister ¶1" in text
    assert "Source paragraphs: ¶ 1" in text.replace("\u202f", " ")
    info = PdfReader(str(out)).metadata
    assert (info.title, info.author) == ("Trade talks", "A. Writer")


@pytest.mark.parametrize("url,shown", [("https://x.org/report", "https://x.org/report"), ("javascript:alert(1)", None)])
def test_book_cover_links_the_original_only_when_it_is_a_web_address(url: str, shown: str | None) -> None:
    import datetime as dt

    from briefgen.pdf.book import book_meta
    from briefgen.pdf.collect import Collected, SourcePage

    overview = SourcePage("index", (("title", "T"), ("source_url", url)), "")
    meta = book_meta(Collected(slug="t", overview=overview, areas=(), glossary=None, source=None),
                     dt.datetime(2026, 3, 4, tzinfo=dt.timezone.utc))
    assert meta.source_url == shown


def test_a_notes_book_is_its_overview_alone_with_no_contents_page() -> None:
    from briefgen.pdf.book import book_context
    from briefgen.pdf.collect import Collected, SourcePage

    overview = SourcePage("index", (("title", "T"), ("note", "true")), "<p>The whole text.</p>")
    glossary = SourcePage("glossary", (), "<p>No terms.</p>")
    ctx = book_context(Collected(slug="t", overview=overview, areas=(), glossary=glossary, source=glossary),
                       "a4", dt.datetime(2026, 3, 4, tzinfo=dt.timezone.utc))
    assert ctx["note"] and [s.kind for s in ctx["sections"]] == ["overview"]
