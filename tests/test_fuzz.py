"""Property tests of the analyser on generated articles (hypothesis; 1,000 examples each in CI).

The generated texts look like the articles briefgen reads, so every stage is exercised:
titles and bylines, headings, transcript speaker labels, curly and straight quotes (some
left open), "said X" attributions, acronyms defined in parentheses, abbreviations with
full stops, wrapped lines, CRLF, and random Unicode mixed in. Whatever the input:

- the analyser never crashes: a briefing, or an InputError (one line for the user);
- paragraph ids are p1..pn, unique and in order, and every area, quote and summary
  points at one of them;
- every paragraph, quote, summary sentence and sentence is the source's own words.

The example count comes from the profile in conftest.py (CI: 1,000).
"""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from briefgen.analysis.ingest import decode
from briefgen.analysis.segment import split_sentences
from briefgen.errors import InputError
from briefgen.model import Briefing, Source
from briefgen.analysis import analyse

# Words of the genre, with the shapes that rules key on: names, titles with full stops,
# dotted initialisms, acronyms, numbers, verbs of saying.
WORDS = (
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "relations",
    "between", "Russia", "China", "the Arctic", "trade", "sanctions", "security", "talks",
    "Beijing", "Moscow", "officials", "minister", "analysts", "policy", "said", "says", "told",
    "according", "warned", "Mr.", "Dr.", "Gen.", "U.S.", "e.g.", "No.", "Inc.", "a.m.", "Jan.",
    "NATO", "EU", "UN", "1.5", "2024", "40%", "$3", "Ivan", "Petrov", "Maria", "Chen", "Xi",
    "Jinping", "Q", "(", ")", "—", "–", "-", ";", ":", ",", "...", "…", "’s", "'s", "&",
)
NAMES = ("Ivan Petrov", "Maria Chen", "President Biden", "Jane Roe", "the spokesman", "he", "she", "Dr. Ana Ruiz")
QUOTES = (("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'"), ("“", ""), ('"', ""), ("", "”"))
ENDS = (".", ".", ".", "?", "!", "…", "", ".”", '."', ")", ".)", "...")
DEFINED = ("the North Atlantic Treaty Organization (NATO)", "the Russian Far East (RFE)",
           "Eastern Economic Area (EEA)", "(CRS)", "the Northern Sea Route ( NSR )")
LABELS = ("MR. SMITH:", "PRESIDENT BIDEN:", "Q:", "Q", "THE PRESIDENT:", "MS. ROE:", "(Laughter.)")
HEADINGS = ("The Arctic", "Trade and Finance", "Background", "Share this article", "Related",
            "Conclusion", "2. Security Issues", "Issues for Congress")

unicode_bits = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), max_codepoint=0x2FFFF), min_size=1, max_size=6,
)
# A stray control character now and then (more than 1% of the text is refused as binary).
control = st.sampled_from(("\x00", "\t", "\x1b", "\x0c"))
# Mostly the genre's words, some random Unicode, rarely a control character.
word = st.integers(0, 60).flatmap(lambda n: control if n == 0 else unicode_bits if n < 10 else st.sampled_from(WORDS))


@st.composite
def sentence(draw: st.DrawFn) -> str:
    """A sentence: words, perhaps a quotation with a speaker, perhaps an acronym defined."""
    words = draw(st.lists(word, min_size=1, max_size=18))
    text = " ".join(words)
    text = text[:1].upper() + text[1:]
    if draw(st.booleans()):
        opening, closing = draw(st.sampled_from(QUOTES))
        quoted = " ".join(draw(st.lists(word, min_size=1, max_size=20)))
        said = draw(st.sampled_from(("{q}, said {n}", "{n} said {q}", "{q} {n} said", "{q}", "{n}: {q}")))
        text = said.format(q=f"{opening}{quoted}{draw(st.sampled_from(('', ',', '.', '?')))}{closing}",
                           n=draw(st.sampled_from(NAMES))) + " " + text
    if draw(st.integers(0, 5)) == 0:
        text += " " + draw(st.sampled_from(DEFINED))
    return text + draw(st.sampled_from(ENDS))


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    """A paragraph: sentences, perhaps opened by a transcript label, perhaps hard-wrapped."""
    text = " ".join(draw(st.lists(sentence(), min_size=1, max_size=4)))
    if draw(st.integers(0, 4)) == 0:
        text = draw(st.sampled_from(LABELS)) + " " + text
    if draw(st.integers(0, 4)) == 0:  # hard-wrapped at a random width
        width = draw(st.integers(20, 90))
        lines, line = [], ""
        for w in text.split(" "):
            if line and len(line) + len(w) >= width:
                lines.append(line)
                line = w
            else:
                line = f"{line} {w}" if line else w
        text = "\n".join(lines + [line])
    return text


@st.composite
def article(draw: st.DrawFn) -> str:
    """A plain-text article: maybe a title and byline, headings, paragraphs, odd line endings."""
    blocks: list[str] = []
    if draw(st.booleans()):
        blocks.append(draw(st.sampled_from(("Frictions in the North", "Why the Talks Failed", "Q&A"))))
    if draw(st.booleans()):
        blocks.append(draw(st.sampled_from(("By Jane Roe", "By Ivan Petrov and Maria Chen", "March 3, 2024"))))
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.integers(0, 3)) == 0:
            blocks.append(draw(st.sampled_from(HEADINGS)))
        blocks.append(draw(paragraph()))
    text = draw(st.sampled_from(("\n\n", "\n", "\n\n\n", " \n \n"))).join(blocks)
    return text.replace("\n", "\r\n") if draw(st.integers(0, 5)) == 0 else text


@st.composite
def markup(draw: st.DrawFn) -> tuple[str, str]:
    """The same kind of article as Markdown or HTML, with markup and hostile bits mixed in."""
    fmt = draw(st.sampled_from(("md", "html")))
    paras = draw(st.lists(paragraph(), min_size=1, max_size=6))
    extra = st.sampled_from(("**bold**", "_em_", "[link](https://example.org)", "[x](javascript:alert(1))",
                             "<script>alert(1)</script>", "<b>b</b>", "`code`", "{{ x }}", "<", "&amp;", "]("))
    if fmt == "md":
        parts = [f"{' '.join(draw(st.lists(extra, max_size=2)))} {p}" for p in paras]
        if draw(st.booleans()):
            parts.insert(0, "---\ntitle: " + draw(st.sampled_from(("T", "'broken", "[x", "a: b: c"))) + "\n---")
        parts = [f"## {draw(st.sampled_from(HEADINGS))}\n\n{p}" if draw(st.booleans()) else p for p in parts]
        return fmt, "\n\n".join(parts)
    body = "".join(f"<h2>{draw(st.sampled_from(HEADINGS))}</h2><p>{p} {draw(extra)}</p>" if draw(st.booleans())
                   else f"<p>{p}</p>" for p in paras)
    return fmt, f"<html><head><title>T</title></head><body><article>{body}</article></body></html>"


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def analysed(text: str, fmt: str = "txt") -> Briefing | None:
    """The briefing of ``text`` read the way a seed file is, or None for a clean InputError."""
    try:
        return analyse(Source(f"fuzz.{fmt}", "fuzz", fmt, decode(text.encode("utf-8"), f"fuzz.{fmt}")))  # type: ignore[arg-type]
    except InputError as exc:
        assert "fuzz." in str(exc) and "\n" not in str(exc)  # one line naming the file
        return None


def check_structure(b: Briefing) -> None:
    """Ids, references and offsets are consistent, and every extract is its paragraph's words."""
    assert [p.id for p in b.paragraphs] == [f"p{i}" for i in range(1, len(b.paragraphs) + 1)]
    by_id = {p.id: p for p in b.paragraphs}
    for p in b.paragraphs:
        assert p.text.strip() and p.sentences
        for s in p.sentences:
            assert p.text[s.start:s.start + len(s.text)] == s.text
    seen: list[str] = []
    for area in b.areas:
        assert area.paragraphs and all(pid in by_id for pid in area.paragraphs)
        seen += area.paragraphs
        assert all(0 <= i < len(b.quotes) for i in area.quotes)
        for ex in area.summary:
            assert ex.paragraph in area.paragraphs and ex.text in by_id[ex.paragraph].text
    assert seen == sorted(set(seen), key=lambda pid: int(pid[1:]))  # areas in order, no overlap
    for q in b.quotes:
        assert q.text and q.paragraph in by_id
        assert by_id[q.paragraph].text[q.start:q.start + len(q.text)] == q.text
    for ex in b.summary:
        assert ex.text and ex.text in by_id[ex.paragraph].text


@given(article())
# Found by this test: "According." ending a paragraph after a quotation crashed quotes.py.
@example("The Arctic\r\n\r\nThe the North Atlantic Treaty Organization (NATO). Ivan Petrov said “the,” According.")
def test_analyser_on_text_never_crashes_and_is_verbatim(text: str) -> None:
    b = analysed(text)
    if b is None:
        return
    check_structure(b)
    source = squash(decode(text.encode("utf-8"), "fuzz.txt"))  # control characters are dropped on reading
    for p in b.paragraphs:
        assert squash(p.text) in source
    for q in b.quotes:
        assert squash(q.text) in source
    for ex in b.summary + tuple(s for a in b.areas for s in a.summary):
        assert squash(ex.text) in source
    for g in b.glossary:
        assert g.term in source


@given(markup())
def test_analyser_on_markdown_and_html_never_crashes(case: tuple[str, str]) -> None:
    fmt, text = case
    b = analysed(text, fmt)
    if b is not None:
        check_structure(b)
        assert not any("<script" in p.text.lower() for p in b.paragraphs)  # script elements are dropped


@given(st.text(st.one_of(st.characters(blacklist_categories=("Cs",)), st.characters(blacklist_categories=("Cs", "Cc")),
                         st.sampled_from(" \n.“”\"'()")), max_size=400))
def test_analyser_on_arbitrary_unicode_never_crashes(text: str) -> None:
    b = analysed(text)
    if b is not None:
        check_structure(b)
        for p in b.paragraphs:
            assert squash(p.text) in squash(decode(text.encode("utf-8"), "fuzz.txt"))


@given(st.lists(st.one_of(sentence(), word), min_size=1, max_size=12).map(" ".join))
def test_sentences_cover_the_paragraph_in_order(text: str) -> None:
    sentences = split_sentences(text)
    pos = 0
    for s in sentences:
        assert s.start >= pos and text[s.start:s.start + len(s.text)] == s.text
        assert not text[pos:s.start].strip()  # nothing but whitespace is skipped
        pos = s.start + len(s.text)
    assert not text[pos:].strip()


TEXT = st.text(st.one_of(st.characters(blacklist_categories=("Cs",)), st.sampled_from("\r\n “”’é")), max_size=300)


@given(st.one_of(st.binary(max_size=600), TEXT.map(lambda t: t.encode("utf-8")),
                 TEXT.map(lambda t: t.encode("cp1252", errors="ignore")), TEXT.map(lambda t: t.encode("utf-16"))))
def test_any_bytes_decode_to_clean_text_or_one_line(data: bytes) -> None:
    try:
        text = decode(data, "fuzz.txt")
    except InputError as exc:
        assert "fuzz.txt" in str(exc) and "\n" not in str(exc)
        return
    assert "\r" not in text and "\ufeff" not in text[:1]
    assert not any(ch < " " and ch not in "\n\t" for ch in text)
