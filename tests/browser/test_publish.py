"""Publishing without third-party requests, hosted under a sub-path and offline (issue 9)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

import pytest

from briefgen.publish import BUNDLE_ROOT, SHIM_URL, build_offline, copy_pdfs, offline_config, zip_site
from tests.browser.conftest import RESULT_LINK, Built, area_urls, fetch, norm, page_urls, search

# Schemes a page may use without asking any host: inline data, blobs, the page itself.
_LOCAL_SCHEMES = ("data:", "blob:", "about:")


def _foreign(requests: list[str], allowed: str) -> list[str]:
    """The requests that went anywhere but ``allowed`` (a scheme://host:port prefix)."""
    return [u for u in requests if not u.startswith(_LOCAL_SCHEMES) and not u.startswith(allowed)]


def _visit_everything(page: object, urls: list[str]) -> None:
    """Open each URL and let it settle, so lazy loads (search index, worker) are recorded."""
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("networkidle")


# ---- pure parts of publish.py: no browser ----

def test_offline_config_inherits_and_names_the_local_shim() -> None:
    text = offline_config("mkdocs.yml")
    assert "INHERIT: mkdocs.yml" in text
    # The plugin adds a CDN shim unless a polyfill URL already says iframe-worker.
    assert SHIM_URL in text and "iframe-worker" in SHIM_URL and "http" not in text


def test_zip_is_reproducible_and_has_one_top_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text("home")
    (site / "a" / "index.html").write_text("a")
    one = zip_site(site, tmp_path / "one.zip").read_bytes()
    (site / "index.html").touch()  # a newer mtime must not change the bundle
    two = zip_site(site, tmp_path / "two.zip").read_bytes()
    assert one == two
    names = zipfile.ZipFile(tmp_path / "one.zip").namelist()
    assert names == [f"{BUNDLE_ROOT}/a/index.html", f"{BUNDLE_ROOT}/index.html"]


def test_copy_pdfs_keeps_paths_and_skips_briefings_not_in_the_bundle(tmp_path: Path) -> None:
    hosted, offline = tmp_path / "site", tmp_path / "offline"
    for rel in ("a/a.pdf", "a/pdf/one.pdf", "gone/gone.pdf"):
        (hosted / rel).parent.mkdir(parents=True, exist_ok=True)
        (hosted / rel).write_bytes(b"%PDF-" + rel.encode())
    (offline / "a").mkdir(parents=True)
    copied = copy_pdfs(hosted, offline)
    assert [c.relative_to(offline).as_posix() for c in copied] == ["a/a.pdf", "a/pdf/one.pdf"]
    assert (offline / "a/pdf/one.pdf").read_bytes() == b"%PDF-a/pdf/one.pdf"


# ---- the hosted build, over HTTP under /site/ ----

@pytest.mark.browser
def test_hosted_pages_request_only_the_site_itself(built: Built, page: object) -> None:
    b = built.briefings[0]
    origin = f"{urlsplit(built.base_url).scheme}://{urlsplit(built.base_url).netloc}/"
    _visit_everything(page, [built.base_url, next(iter(area_urls(built).values())), f"{built.base_url}{b.slug}/source/"])
    texts = [text for _, text in search(page, b.areas[0].title)]
    assert any(norm(b.areas[0].title) in t for t in texts)
    assert page.watch.requests, "no request was recorded at all"
    assert not _foreign(page.watch.requests, origin), _foreign(page.watch.requests, origin)


@pytest.mark.browser
def test_sitemap_and_canonical_links_use_site_url(built: Built) -> None:
    urls = page_urls(built.base_url)
    assert urls and all(u.startswith(built.base_url) for u in urls), urls[:3]
    b = built.briefings[0]
    assert f"{built.base_url}{b.slug}/" in urls
    html = fetch(f"{built.base_url}{b.slug}/")
    assert re.search(rf'<link rel="canonical" href="{re.escape(built.base_url + b.slug)}/"', html)


@pytest.mark.browser
def test_404_page_under_a_sub_path_loads_its_styles_and_links_home(built: Built, page: object) -> None:
    resp = page.goto(f"{built.base_url}no/such/page/")
    assert resp.status == 404
    page.wait_for_load_state("networkidle")
    assert not page.watch.failed, page.watch.failed
    assert all(u.startswith(built.base_url) for u in page.watch.requests if u.endswith((".css", ".js")))
    # Material's stylesheet applied: the header is laid out, not an unstyled list.
    assert page.locator("header.md-header").evaluate("e => getComputedStyle(e).position") in ("sticky", "fixed")
    home = page.locator("a.md-header__button.md-logo, a.md-header__title, a[title]").first
    assert page.evaluate("a => a.href", home.element_handle()).startswith(built.base_url)


# ---- the offline bundle, from file:// ----

@pytest.fixture(scope="module")
def offline(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline zip built from the same docs, unzipped; its index.html."""
    out = tmp_path_factory.mktemp("offline")
    bundle = build_offline(built.settings, out / "briefings-offline.zip")
    with zipfile.ZipFile(bundle) as zf:
        zf.extractall(out)
    return out / BUNDLE_ROOT / "index.html"


@pytest.mark.browser
def test_offline_bundle_opens_from_file_with_search_and_no_requests_elsewhere(
        built: Built, offline: Path, page: object) -> None:
    root = offline.parent
    b = built.briefings[0]
    # Directory URLs are off, so every page is a real .html file a browser can open.
    assert (root / b.slug / "index.html").is_file() and (root / SHIM_URL).is_file()
    _visit_everything(page, [offline.as_uri(), (root / b.slug / "source.html").as_uri()])
    texts = [text for _, text in search(page, b.areas[0].title)]
    assert any(norm(b.areas[0].title) in t for t in texts), texts[:3]
    page.locator(RESULT_LINK).first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and re.split("[?#]", page.url)[0].endswith(".html")
    assert not _foreign(page.watch.requests, "file://"), _foreign(page.watch.requests, "file://")
    assert not page.watch.errors, page.watch.errors


@pytest.mark.browser
def test_offline_bundle_carries_the_pdfs_that_were_built(built: Built, offline: Path) -> None:
    if built.no_pdf:
        pytest.skip(built.no_pdf)
    pdfs = sorted(built.site_dir.glob("*/**/*.pdf"))
    assert pdfs, "`briefgen pdf` ran but left no PDF under the site's briefing folders"
    for pdf in pdfs:
        assert (offline.parent / pdf.relative_to(built.site_dir)).read_bytes() == pdf.read_bytes()


def _dead_links(root: Path) -> dict[str, list[str]]:
    """Relative links in the bundle's pages that point at no file: href -> pages."""
    dead: dict[str, list[str]] = {}
    for html in sorted(root.rglob("*.html")):
        if html.name == "404.html":  # only ever served by a web server, never opened offline
            continue
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
        for el in soup.select("a[href], link[href], script[src], img[src]"):
            ref = el.get("href") or el.get("src")
            url = urlsplit(ref)
            if url.scheme or not url.path:
                continue
            target = (html.parent / unquote(url.path)).resolve()
            if not (target / "index.html" if target.is_dir() else target).is_file():
                dead.setdefault(ref, []).append(html.relative_to(root).as_posix())
    return dead


@pytest.mark.browser
def test_offline_bundle_has_no_dead_page_links(offline: Path) -> None:
    dead = {k: v for k, v in _dead_links(offline.parent).items() if not k.endswith(".pdf")}
    assert not dead, dead


@pytest.mark.browser
def test_offline_bundle_pdf_links_reach_the_pdfs(built: Built, offline: Path) -> None:
    if built.no_pdf:
        pytest.skip(built.no_pdf)
    dead = {k: v for k, v in _dead_links(offline.parent).items() if k.endswith(".pdf")}
    assert not dead, dead
    # And the area pages do link their one-pagers (an empty dead list alone proves nothing).
    areas = sorted((offline.parent / built.briefings[0].slug).glob("[0-9]*.html"))
    assert areas and re.search(r'href="pdf/[^"]+\.pdf"', areas[0].read_text(encoding="utf-8")), "no area PDF link"
