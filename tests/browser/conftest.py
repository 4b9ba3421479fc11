"""Fixtures for the browser tests: a built site served on 127.0.0.1, and headless Chromium.

The site is built once per session in a scratch copy of the project, from the dev
articles, so the tests never touch the working tree's docs/ or site/. It is built with a
sub-path ``site_url`` (http://127.0.0.1:PORT/site/) and served from the project copy's
root, the way GitHub Pages serves a project site, so links that ignore the sub-path break.

Chromium is Debian's (``apt-get install chromium``): Playwright's own browser download is
not used. The flags keep it from phoning home, which on a closed network makes it refuse
connections, and which would show up as third-party requests in the offline tests.
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from briefgen.config import Settings, load_settings
from briefgen.model import Briefing
from briefgen.analysis import analyse_file
from briefgen.seeds import find_seeds

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "tests" / "fixtures" / "dev"
SCREENSHOTS = ROOT / "tests" / "artifacts" / "screenshots"
CHROMIUM = os.environ.get("BRIEFGEN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
# Everything a build reads from the project; the rest (.venv, site, .git...) is left out.
_SKIP = shutil.ignore_patterns(".venv", ".git", "site", "dist", "docs", "tests", "*.egg-info",
                               "__pycache__", ".pytest_cache", ".hypothesis", ".briefgen", "seeds")
SUB_PATH = "site"


@dataclass(frozen=True)
class Built:
    """A project copy with its docs generated and its site built and served."""

    root: Path  # the project copy; also the HTTP server's document root
    settings: Settings
    briefings: tuple[Briefing, ...]
    base_url: str  # the site's address, with the sub-path and a trailing slash
    site_dir: Path
    no_pdf: str | None  # why no PDFs were made, or None when `briefgen pdf` ran


def _dev_articles() -> tuple[Path, ...]:
    """The dev articles: each file that has a .gold.yaml answer beside it."""
    golds = {p.name.removesuffix(".gold.yaml") for p in DEV.glob("*.gold.yaml")}
    return tuple(sorted(p for p in DEV.iterdir() if p.suffix != ".yaml" and p.stem in golds))


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files; a missing page under the site gets the site's 404.html, as nginx would."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib's name
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / SUB_PATH / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def _pdf_missing() -> str | None:
    """Why the PDF step cannot run yet, or None when `briefgen pdf` is there."""
    if importlib.util.find_spec("briefgen.pdf") is None:
        return "briefgen.pdf does not exist yet (the PDF step has not landed)"
    from briefgen.cli import build_parser

    commands = next(a.choices for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))  # noqa: SLF001
    if "pdf" not in commands:
        return "briefgen.pdf exists but `briefgen pdf` is not a command yet"
    return None


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """Generate the dev articles' briefings and build the hosted site under /site/."""
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT, root, ignore=_SKIP, dirs_exist_ok=True)
    seeds = root / "seeds"
    seeds.mkdir(exist_ok=True)
    for article in _dev_articles():
        shutil.copy(article, seeds / article.name)
    settings = load_settings(root / "mkdocs.yml")
    # Generate the way a user does; the model is read separately to know what to look for.
    gen = subprocess.run([sys.executable, "-m", "briefgen", "generate", "--config", str(settings.config_file)],
                         capture_output=True, text=True)
    assert gen.returncode == 0, gen.stderr[-3000:]
    briefings = tuple(analyse_file(p) for p in find_seeds(seeds))
    # Bind first: the port goes into site_url before the build.
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(root)))
    base_url = f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}/"
    env = {**os.environ, "SITE_URL": base_url}
    env.pop("BRIEFGEN_OFFLINE", None)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
                           str(settings.config_file)], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    no_pdf = _pdf_missing()
    if no_pdf is None:
        pdf = subprocess.run([sys.executable, "-m", "briefgen", "pdf", "--config", str(settings.config_file)],
                             capture_output=True, text=True, env=env)
        assert pdf.returncode == 0, pdf.stderr[-3000:]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Built(root, settings, briefings, base_url, settings.site, no_pdf)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Debian Chromium, shared by every test in the session."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: apt-get install chromium (make test and .ci/run do this)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@dataclass
class Watch:
    """What a page did: every request URL, JavaScript errors, failed requests."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def watch(page: object) -> Watch:
    """Record a page's requests, uncaught exceptions, console errors and failed loads."""
    w = Watch()
    page.on("request", lambda r: w.requests.append(r.url))
    page.on("pageerror", lambda e: w.errors.append(f"pageerror: {e}"))
    page.on("console", lambda m: w.errors.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("requestfailed", lambda r: w.failed.append(f"{r.url} ({r.failure})"))
    return w


@pytest.fixture
def context(browser: object) -> Iterator[object]:
    """A fresh desktop-sized browser context (own storage, so palette choices don't leak)."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: object) -> Iterator[object]:
    """A page whose requests and errors are recorded in ``page.watch``."""
    p = context.new_page()
    p.watch = watch(p)
    yield p
    p.close()


# ---- helpers shared by the test modules ----

def norm(text: str) -> str:
    """Whitespace collapsed, typographic quotes and dashes folded, for comparing page text."""
    text = text.translate(str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                                         "\u2013": "-", "\u2014": "-", "\u00a0": " "}))
    return re.sub(r"\s+", " ", text).strip()


def fetch(url: str) -> str:
    """GET a URL from the local server as text."""
    with urllib.request.urlopen(url, timeout=10) as resp:  # noqa: S310 - 127.0.0.1 only
        return resp.read().decode("utf-8")


def page_urls(base_url: str) -> tuple[str, ...]:
    """Every page the sitemap lists."""
    return tuple(re.findall(r"<loc>([^<]+)</loc>", fetch(base_url + "sitemap.xml")))


def h1_of(html: str) -> str:
    """The text of a page's first <h1>, without the permalink mark."""
    m = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    return norm(re.sub(r"<[^>]+>", "", m.group(1)).replace("¶", "")) if m else ""


def area_urls(built: Built) -> dict[tuple[str, str], str]:
    """(briefing slug, area slug) -> the URL of that area's page, found by its <h1>."""
    urls = page_urls(built.base_url)
    out: dict[tuple[str, str], str] = {}
    for b in built.briefings:
        # The briefing's own pages (overview, quotes, glossary, source) are not area pages.
        own = {f"{built.base_url}{b.slug}/{name}" for name in ("", "quotes/", "glossary/", "source/")}
        mine = [u for u in urls if u.startswith(f"{built.base_url}{b.slug}/") and u not in own]
        heads = {u: h1_of(fetch(u)) for u in mine}
        for area in b.areas:
            title = norm(area.title)
            hits = [u for u, h in heads.items() if h == title] or [u for u, h in heads.items() if title in h]
            if hits:
                out[(b.slug, area.slug)] = hits[0]
    return out


SEARCH_INPUT = "input.md-search__input"
RESULT = ".md-search-result__item"
RESULT_LINK = "a.md-search-result__link"


def search(page: object, query: str) -> list[tuple[str, str]]:
    """Type ``query`` into the header search like a reader; (href without ?h=..., text) per result."""
    page.wait_for_load_state("networkidle")  # the search index and worker are loaded
    box = page.locator(SEARCH_INPUT)
    box.click()
    box.press_sequentially(query, delay=20)
    page.locator(RESULT).first.wait_for(timeout=10_000)
    links = page.locator(f"{RESULT} {RESULT_LINK}")
    return [(re.sub(r"\?h=[^#]*", "", a.get_attribute("href") or ""), norm(a.inner_text())) for a in links.all()]


def shot(page: object, name: str, full_page: bool = True) -> None:
    """Save a screenshot under tests/artifacts/screenshots/ (git-ignored) to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)
