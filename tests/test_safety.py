"""Safety: nothing in a hostile seed runs in a reader's browser or a PDF reader.

Hostile seeds (script, iframe, on* handlers, javascript: links, Jinja look-alikes, raw
HTML in Markdown) and two broken ones are built with `briefgen build`, the way a user
would. Every page of the site is parsed and every element checked against a build of a
harmless seed, so only what Material itself puts on a page is allowed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from briefgen.site import QUIET_ENV
from briefgen.write import safe_target
from tests.corpus.make_corpus import write_corpus

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
HOSTILE_SEEDS = ("hostile.html", "hostile.md", "jinja-lookalike.txt", "raw-html-in-markdown.md")
BAD_SEEDS = ("empty.txt", "png-named.txt")
# Words found only inside <script>, <svg>, <iframe>, handlers or javascript: links of the
# hostile seeds: they must not reach any page or PDF, even as text.
SCRIPT_ONLY = ("head script", "svg script", "a script block", "alert('hover')", "alert('click')",
               "alert('div')", "alert('link')", "alert('byline')", "alert('md-link')", "evil.example")
# Link schemes a page may point at; anything else (javascript:, data:, vbscript:) is unsafe.
SAFE_SCHEMES = ("http", "https", "mailto")
URL_ATTRS = ("href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "srcset")


def project(tmp: Path, seeds: dict[str, Path]) -> Path:
    """A fresh copy of the project's mkdocs.yml and templates with the given seeds."""
    tmp.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", tmp / "templates")
    (tmp / "seeds").mkdir()
    for name, src in seeds.items():
        shutil.copy(src, tmp / "seeds" / name)
    return tmp


def build(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefgen", "build"], cwd=folder, capture_output=True, text=True,
                          timeout=600, env={**os.environ, **QUIET_ENV})


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """One build of hostile and broken seeds, one of a harmless seed to compare with."""
    gen = tmp_path_factory.mktemp("gen")
    write_corpus(gen)
    hostile = project(tmp_path_factory.mktemp("hostile") / "p", {
        **{n: CORPUS / n for n in HOSTILE_SEEDS}, "empty.txt": CORPUS / "empty.txt", "png-named.txt": gen / "png-named.txt",
    })
    harmless = project(tmp_path_factory.mktemp("harmless") / "p", {"plain.txt": CORPUS / "article-base.txt"})
    return {"hostile": hostile, "harmless": harmless, "proc": build(hostile), "base_proc": build(harmless)}


def pages(folder: Path) -> list[tuple[Path, BeautifulSoup]]:
    return [(p, BeautifulSoup(p.read_text(encoding="utf-8"), "lxml")) for p in sorted((folder / "site").rglob("*.html"))]


def script_signature(tag: object) -> str:
    """What a <script> is, with the page's depth taken out (Material varies only that)."""
    src = str(tag.get("src") or "")
    if src:
        return "src:" + src.rsplit("/", 1)[-1]
    if tag.get("id") == "__config":
        return "config"
    return "inline:" + re.sub(r'new URL\("[./]*"', 'new URL("."', tag.string or "")


def scheme(url: str) -> str | None:
    """The scheme a browser would see: whitespace and control characters inside are ignored."""
    squashed = re.sub(r"[\x00-\x20]", "", url).lower()
    m = re.match(r"([a-z][a-z0-9+.\-]*):", squashed)
    return m.group(1) if m else None


def test_build_with_bad_seeds_builds_the_others_and_exits_1(builds: dict) -> None:
    proc = builds["proc"]
    assert proc.returncode == 1, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    site = builds["hostile"] / "site"
    for slug in ("hostile", "hostile-2", "jinja-lookalike", "raw-html-in-markdown"):
        assert (site / slug / "index.html").is_file(), slug
    # The failures are listed at the very end, after the site and PDF lines: one line
    # each, then the count.
    tail = proc.stderr.strip().splitlines()[-3:]
    assert all(ln.startswith("briefgen: error: ") for ln in tail), tail
    assert "empty.txt" in tail[0] + tail[1] and "png-named.txt" in tail[0] + tail[1]
    assert tail[2] == "briefgen: error: 2 seed(s) failed; the others were generated"


def test_harmless_build_succeeds(builds: dict) -> None:
    assert builds["base_proc"].returncode == 0, builds["base_proc"].stderr[-3000:]


def test_no_script_from_a_source_reaches_any_page(builds: dict) -> None:
    allowed = {script_signature(t) for _, soup in pages(builds["harmless"]) for t in soup.find_all("script")}
    assert allowed
    for path, soup in pages(builds["hostile"]):
        for tag in soup.find_all("script"):
            assert script_signature(tag) in allowed, f"{path}: {str(tag)[:200]}"


def test_no_event_handlers_embeds_or_unsafe_links_on_any_page(builds: dict) -> None:
    base_handlers = {(t.name, a) for _, s in pages(builds["harmless"]) for t in s.find_all(True) for a in t.attrs
                     if a.lower().startswith("on")}
    checked = 0
    for path, soup in pages(builds["hostile"]):
        assert not soup.find_all(("iframe", "frame", "object", "embed", "applet", "base")), path
        for tag in soup.find_all(True):
            for attr, value in tag.attrs.items():
                if attr.lower().startswith("on"):
                    assert (tag.name, attr) in base_handlers, f"{path}: <{tag.name} {attr}=...>"
                if attr.lower() in URL_ATTRS:
                    s = scheme(" ".join(value) if isinstance(value, list) else str(value))
                    assert s is None or s in SAFE_SCHEMES, f"{path}: <{tag.name} {attr}={value!r}>"
                    checked += 1
    assert checked > 100  # the scan saw the site's links


def test_script_only_words_and_jinja_results_never_reach_the_site(builds: dict) -> None:
    site = builds["hostile"] / "site"
    texts = "\n".join(soup.get_text(" ") for _, soup in pages(builds["hostile"]))
    for words in SCRIPT_ONLY:
        assert words not in texts, words
    source = BeautifulSoup((site / "jinja-lookalike" / "source" / "index.html").read_text(encoding="utf-8"), "lxml")
    text = source.get_text(" ")
    assert "{{ 7*7 }}" in text and "{% include '/etc/passwd' %}" in text  # shown, not evaluated
    assert "Templates Inside the Text {{ config }}" in texts  # the title too, wherever it is printed
    assert "root:x:0" not in texts and "uid=" not in texts


def test_escaped_markup_is_shown_as_text(builds: dict) -> None:
    # &lt;script&gt; in the HTML source is words about a script: it reads as text on the page.
    page = builds["hostile"] / "site" / "hostile" / "source" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    assert '<script>alert("entity")</script>' in soup.get_text(" ")


def test_generated_markdown_has_no_raw_html_from_sources(builds: dict) -> None:
    unsafe = re.compile(
        r"(?i)<(?:script|iframe|object|embed|svg|form)\b"          # raw embeds
        r"|<[a-z][^<>\n]*\son[a-z]+\s*="                          # a tag with an event handler
        r"|\]\(\s*<?\s*(?:javascript|data|vbscript):"              # a Markdown link to a script
        r"|(?:href|src)\s*=\s*[\"']?\s*(?:javascript|data|vbscript):"
    )
    docs = builds["hostile"] / "docs"
    mds = sorted(docs.rglob("*.md"))
    assert len(mds) > 10
    for md in mds:
        text = md.read_text(encoding="utf-8")
        m = unsafe.search(text)
        assert m is None, f"{md}: {text[max(0, m.start() - 80):m.end() + 80]!r}"


def test_briefing_folders_are_path_safe_slugs(builds: dict) -> None:
    docs = builds["hostile"] / "docs"
    folders = [p for p in docs.iterdir() if p.is_dir() and p.name != "assets"]
    assert len(folders) == len(HOSTILE_SEEDS)
    for folder in folders:  # named from seed file names: only slug characters
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", folder.name), folder.name
    for path in docs.rglob("*"):  # page files named from area titles: no path syntax either
        rel = path.relative_to(docs)
        assert all(re.fullmatch(r"[A-Za-z0-9._-]+", part) and ".." not in part for part in rel.parts), rel


def test_pdfs_carry_no_script_and_only_safe_links(builds: dict) -> None:
    pypdf = pytest.importorskip("pypdf")
    pdfs = sorted((builds["hostile"] / "site").rglob("*.pdf"))
    if not pdfs:
        pytest.skip("the build wrote no PDFs (PDF step not available)")
    for pdf in pdfs:
        raw = pdf.read_bytes()
        for key in (b"/JavaScript", b"/JS ", b"/JS(", b"/JS<", b"/Launch", b"/SubmitForm", b"/EmbeddedFile"):
            assert key not in raw, f"{pdf}: {key!r}"
        reader = pypdf.PdfReader(str(pdf))
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
        for words in SCRIPT_ONLY:
            assert words not in text, f"{pdf}: {words}"
        for page in reader.pages:
            for annot in page.get("/Annots") or ():
                action = annot.get_object().get("/A")
                uri = action.get_object().get("/URI") if action is not None else None
                if uri is not None:
                    assert scheme(str(uri)) in SAFE_SCHEMES + (None,) or str(uri).startswith("file:"), f"{pdf}: {uri}"
                    assert scheme(str(uri)) != "javascript"


@pytest.mark.parametrize("rel", ["../outside.md", "../../etc/passwd", "/etc/passwd", "a/../../x.md", "."])
def test_writes_outside_the_output_folder_are_refused(rel: str, tmp_path: Path) -> None:
    from briefgen.errors import BuildError

    docs = tmp_path / "docs"
    docs.mkdir()
    with pytest.raises(BuildError):
        safe_target(docs, rel)


def test_sibling_folder_with_the_same_prefix_is_outside(tmp_path: Path) -> None:
    # "/x/docs2" starts with "/x/docs" as a string but is not inside it.
    from briefgen.errors import BuildError

    (tmp_path / "docs").mkdir()
    with pytest.raises(BuildError):
        safe_target(tmp_path / "docs", "../docs2/page.md")
    assert safe_target(tmp_path / "docs", "brief/page.md") == (tmp_path / "docs" / "brief" / "page.md").resolve()


def test_symlink_pointing_outside_is_refused(tmp_path: Path) -> None:
    from briefgen.errors import BuildError

    (tmp_path / "docs").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "docs" / "link").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(BuildError):
        safe_target(tmp_path / "docs", "link/page.md")


@pytest.mark.parametrize("text", ["../../etc/passwd", "..", ".", "", "名前", "a/b\\c", " <script> ", "CON", "x" * 300,
                                  "Finance {: onclick=\"alert('attr')\" }", "~/.ssh/id_rsa", "%2e%2e%2f"])
def test_slugs_are_path_safe(text: str) -> None:
    from briefgen.analysis.titles import slugify

    slug = slugify(text)
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug) and len(slug) <= 60


def test_seed_names_that_slug_alike_get_distinct_folders(tmp_path: Path) -> None:
    from briefgen.seeds import unique_slugs

    names = ("名前.txt", "日本.txt", "..txt", "a b.txt", "a-b.md", "A_B.html")
    paths = tuple(tmp_path / n for n in names)
    slugs = unique_slugs(paths)
    assert len(set(slugs.values())) == len(names)
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", s) for s in slugs.values())
