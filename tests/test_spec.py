"""The editable briefing spec, seeds/<stem>.briefing.yaml: written once, then the user's."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.analysis.ingest import read_source
from briefgen.errors import ConfigError
from briefgen.analysis import analyse
from briefgen.spec import parse_spec, resolve_spec, spec_text
from tests.test_edits import SPEC, make_project, read, run

ROOT = Path(__file__).resolve().parents[1]
DEV = sorted(p for p in (ROOT / "tests/fixtures/dev").iterdir() if p.suffix in (".txt", ".md", ".html") and p.name != "SOURCES.md")


def write_spec(root: Path, text: str) -> None:
    (root / "seeds" / "harbour.briefing.yaml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("seed", DEV, ids=lambda p: p.stem)
def test_a_spec_briefgen_wrote_shapes_the_briefing_exactly_as_the_analyser_did(seed: Path) -> None:
    # So the pages of a first run are those of every run after it, which reads the spec.
    b = analyse(read_source(seed))
    assert resolve_spec(b, parse_spec(spec_text(b, seed.name), "x.briefing.yaml")) == (b, ())


def test_the_first_generate_writes_a_spec_and_later_runs_leave_it_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path, spec=None)
    code, out = run(capsys, root, "generate")
    assert code == 0, out
    spec = root / "seeds" / "harbour.briefing.yaml"
    assert "areas:" in spec.read_text(encoding="utf-8") and "wrote" in out
    spec.write_text(SPEC, encoding="utf-8")
    assert run(capsys, root, "generate")[0] == 0
    assert spec.read_text(encoding="utf-8") == SPEC


def test_renaming_an_area_in_the_spec_renames_its_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path)
    assert run(capsys, root, "generate")[0] == 0
    write_spec(root, SPEC.replace("title: Quota talks\n    slug: quota-talks", "title: Sharing the catch\n    slug: sharing-the-catch"))
    code, out = run(capsys, root, "generate")
    assert code == 0, out
    assert not (root / "docs/harbour/02-quota-talks.md").exists()
    page = read(root, "docs/harbour/02-sharing-the-catch.md")
    assert "# Sharing the catch" in page and "Quota talks are the second source of friction." in page
    assert "02-sharing-the-catch.md" in read(root, "docs/harbour/index.md")


def test_splitting_an_area_in_the_spec_makes_two_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path)
    # Quota talks (p4-p6) becomes two areas; the second has no summary, so briefgen picks one.
    write_spec(root, SPEC.replace(
        "  - title: Quota talks\n    slug: quota-talks\n    paragraphs: p4-p6\n",
        "  - title: The southern claim\n    slug: southern-claim\n    paragraphs: p4-p5\n",
    ).replace(
        "  - title: Outlook\n",
        "  - title: The northern answer\n    slug: northern-answer\n    paragraphs: p6\n  - title: Outlook\n",
    ))
    code, out = run(capsys, root, "generate")
    assert code == 0, out
    claim = read(root, "docs/harbour/02-southern-claim.md")
    answer = read(root, "docs/harbour/03-northern-answer.md")
    assert "[¶5](source.md#p5)" in claim and "¶6" not in claim
    assert "The northern council rejects that view." in answer and "¶5" not in answer
    assert "## Summary\n\n- " in answer
    assert (root / "docs/harbour/04-outlook.md").exists()


def test_a_pinned_quote_is_shown_and_an_excluded_one_is_not(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path)
    write_spec(root, SPEC + "quotes:\n  pinned:\n    - Neither side can afford a closed harbour.\n"
               "  excluded:\n    - '“We cannot keep the fleet at sea on these prices,”'\n")
    code, out = run(capsys, root, "generate")
    assert code == 0, out
    assert "> “Neither side can afford a closed harbour.”" in read(root, "docs/harbour/03-outlook.md")
    assert "> “We cannot keep" not in read(root, "docs/harbour/01-fuel-costs.md")
    assert run(capsys, root, "check")[0] == 0


def test_a_summary_sentence_no_longer_in_the_source_falls_back_with_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path)
    write_spec(root, SPEC.replace("Observers expect a compromise before the season opens.", "Observers expect a deal."))
    code, out = run(capsys, root, "generate")
    assert code == 0, out
    assert "harbour.briefing.yaml:16: areas[2].summary[0]: no longer verbatim in p7-p8: “Observers expect a deal.”" in out
    assert "Observers expect a deal." not in read(root, "docs/harbour/03-outlook.md")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("paragraphs: p4-p6", "paragraphs: p9-p3"), "harbour.briefing.yaml:9: areas[1].paragraphs: p9-p3 is not a valid range"),
        (("    slug: outlook\n", "    slug: outlook\n    colour: red\n"), "harbour.briefing.yaml:14: areas[2].colour: unknown key"),
        (("paragraphs: p4-p6", "paragraphs: p3-p6"), "harbour.briefing.yaml:9: areas[1].paragraphs: p3 is already in areas[0]"),
        (("paragraphs: p7-p8", "paragraphs: p7-p12"), "harbour.briefing.yaml:14: areas[2].paragraphs: p12 is past the article's last paragraph, p8"),
        (("slug: outlook", "slug: Out look"), "harbour.briefing.yaml:13: areas[2].slug: 'Out look' is not a valid slug"),
        (("slug: outlook", "slug: fuel-costs"), "harbour.briefing.yaml:13: areas[2].slug: fuel-costs is already the slug of areas[0]"),
    ],
)
def test_an_invalid_spec_is_an_error_naming_the_line_and_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: tuple[str, str], message: str
) -> None:
    root = make_project(tmp_path)
    (root / "seeds" / "other.txt").write_text("Another Article\n\nIt has one paragraph of plain text about fishing boats.\n", encoding="utf-8")
    write_spec(root, SPEC.replace(*change))
    code, out = run(capsys, root, "generate")
    assert code == 1
    assert message in out
    # The other article is still generated.
    assert (root / "docs/other/index.md").exists()


def test_parse_spec_rejects_bad_yaml_with_its_line() -> None:
    with pytest.raises(ConfigError, match=r"^s.yaml:3: not valid YAML"):
        parse_spec("areas:\n  - title: x\n  slug: [\n", "s.yaml")


def test_a_broken_spec_leaves_that_articles_pages_as_they_were(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path)
    assert run(capsys, root, "generate")[0] == 0
    before = {p: p.read_text(encoding="utf-8") for p in (root / "docs" / "harbour").iterdir()}
    write_spec(root, SPEC.replace("paragraphs: p4-p6", "paragraphs: p6-p4"))
    assert run(capsys, root, "generate")[0] == 1
    assert {p: p.read_text(encoding="utf-8") for p in (root / "docs" / "harbour").iterdir()} == before


def test_a_speaker_set_in_the_spec_reaches_the_area_and_quotes_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path)
    write_spec(root, SPEC + "quotes:\n  speakers:\n    \"where the fish are landed\": Harbour Clerk Ida Moss\n")
    code, out = run(capsys, root, "generate")
    assert code == 0, out
    quota = read(root, "docs/harbour/02-quota-talks.md")
    assert "— Harbour Clerk Ida Moss [¶5]" in quota and "— Tomas Berg" not in quota
    quotes_page = read(root, "docs/harbour/quotes.md")
    assert "## Harbour Clerk Ida Moss" in quotes_page and "## Tomas Berg" not in quotes_page
    assert run(capsys, root, "check")[0] == 0


def test_a_speaker_set_to_null_makes_the_quote_unattributed() -> None:
    b = analyse(read_source(ROOT / "tests/fixtures/dev" / DEV[0].name))
    said = next(q for q in b.quotes if q.kind == "statement" and q.speaker)
    spec = parse_spec(f"quotes:\n  speakers:\n    {said.text[:40]!r}: null\n", "s.yaml")
    resolved, _ = resolve_spec(b, spec)
    fixed = next(q for q in resolved.quotes if q.paragraph == said.paragraph and q.start == said.start)
    assert (fixed.speaker, fixed.role) == (None, None)


@pytest.mark.parametrize(("words", "problem"), [
    ("the harbour was never closed", "matches no quotation in the article"),
    ("the", "matches 2 quotations; quote more of the words"),
])
def test_a_speaker_key_must_match_exactly_one_quote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], words: str, problem: str
) -> None:
    root = make_project(tmp_path)
    write_spec(root, SPEC + f"quotes:\n  speakers:\n    \"{words}\": Ida Moss\n")
    code, out = run(capsys, root, "generate")
    assert code == 1
    assert f"harbour.briefing.yaml:19: quotes.speakers: “{words}” {problem}" in out


META = "meta:\n  title: The Harbour Quarrel\n  author: Ann Editor\n  organisation: Coast Institute\n  date: 2026-04-09\n  source_url: https://example.org/harbour\n"


def test_metadata_in_the_spec_wins_wherever_it_is_shown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path)
    write_spec(root, SPEC + META)
    code, out = run(capsys, root, "generate")
    assert code == 0, out
    overview = read(root, "docs/harbour/index.md")
    assert 'title: "The Harbour Quarrel"\nauthor: "Ann Editor"\norganisation: "Coast Institute"\nsource_date: "2026-04-09"' in overview
    assert "Ann Editor · Coast Institute · 2026-04-09 · [original](https://example.org/harbour)" in overview
    assert "Jane Example" not in overview
    home = read(root, "docs/index.md")
    assert "[**The Harbour Quarrel**](harbour/index.md)" in home and "Ann Editor · Coast Institute" in home
    # Every page of the briefing carries the author in its metadata (the site's <meta name="author">).
    for page in sorted((root / "docs/harbour").glob("*.md")):
        assert 'author: "Ann Editor"' in page.read_text(encoding="utf-8"), page.name
    assert "- Author: Ann Editor\n- Organisation: Coast Institute" in read(root, "docs/harbour/source.md")
    assert '"The Harbour Quarrel":' in read(root, "docs/.nav.yml")


def test_an_empty_metadata_value_means_not_stated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path)
    write_spec(root, SPEC + "meta:\n  author: ''\n")
    assert run(capsys, root, "generate")[0] == 0
    assert "Jane Example" not in "".join(p.read_text(encoding="utf-8") for p in (root / "docs").rglob("*.md"))
    assert "author: null" in read(root, "docs/harbour/index.md")


def test_the_pdf_cover_takes_the_specs_metadata(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import datetime as dt

    from briefgen.briefings import Analyses
    from briefgen.config import load_settings
    from briefgen.pdf.book import book_meta
    from briefgen.pdf.collect import collect, make_markdown
    from briefgen.pdf.writer import make_env

    root = make_project(tmp_path)
    write_spec(root, SPEC + "meta:\n  author: Ann Editor\n  organisation: null\n")
    assert run(capsys, root, "generate")[0] == 0
    settings = load_settings(root / "mkdocs.yml")
    c = collect(settings.docs, "harbour", make_markdown(settings.config_file, settings.docs),
                Analyses(settings).shaped("harbour"), make_env(settings.templates))
    meta = book_meta(c, dt.datetime(2026, 4, 9, tzinfo=dt.timezone.utc))
    assert (meta.author, meta.organisation) == ("Ann Editor", None)


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ("meta:\n  date: 2026-13-01\n", "harbour.briefing.yaml:18: meta.date: 2026-13-01 is not a date (write it as YYYY-MM-DD"),
        ("meta:\n  date: last spring\n", "harbour.briefing.yaml:18: meta.date: last spring is not a date"),
        ("meta:\n  source_url: ftp://example.org/x\n", "harbour.briefing.yaml:18: meta.source_url: ftp://example.org/x is not a web address"),
        ("meta:\n  source_url: example.org\n", "harbour.briefing.yaml:18: meta.source_url: example.org is not a web address"),
        ("meta:\n  publisher: X\n", "harbour.briefing.yaml:18: meta.publisher: unknown key; known keys here: title, author"),
        ("meta:\n  author: [A, B]\n", "harbour.briefing.yaml:18: meta.author: must be a text value"),
    ],
)
def test_bad_metadata_is_an_error_naming_the_file_line_and_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], meta: str, message: str
) -> None:
    root = make_project(tmp_path)
    write_spec(root, SPEC + meta)
    code, out = run(capsys, root, "generate")
    assert code == 1 and message in out, out
