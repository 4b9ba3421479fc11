"""Search at scale: what a reader downloads to search, with lunr and with Pagefind.

Serves a built site (with ``briefgen build --pagefind``) on 127.0.0.1 and, in headless
Chromium, (1) opens the home page and runs one search in Material's search box, (2) opens
the Pagefind page site/find/ and runs the same search, counting every response's bytes.
Also given: the same files gzip-compressed, as most hosts send them. Pagefind's index and
fragments are compressed already, so gzip changes them little; lunr's JSON shrinks a lot.

    .venv/bin/python -m benchmarks.search_bench SITE_DIR "query"
"""

from __future__ import annotations

import functools
import gzip
import http.server
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib's name
        pass


def _measure(browser: object, url: str, box: str, result: str, query: str, site: Path) -> tuple[int, int, int, int]:
    """(raw bytes, gzip bytes, requests, index bytes) for opening ``url`` and searching ``query``."""
    ctx = browser.new_context()
    page = ctx.new_page()
    paths: list[str] = []
    page.on("requestfinished", lambda r: paths.append(urlparse(r.url).path))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.locator(box).click()
    page.locator(box).press_sequentially(query, delay=20)
    page.locator(result).first.wait_for(timeout=20_000)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    ctx.close()
    files = [site / (p.lstrip("/") + ("index.html" if p.endswith("/") else "")) for p in paths]
    files = [f for f in files if f.is_file()]
    raw = sum(f.stat().st_size for f in files)
    gz = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)
    # The search data proper, apart from page, theme and UI code.
    data = sum(f.stat().st_size for f in files if f.parent.name in ("search", "index", "fragment") or f.suffix == ".pf_meta")
    return raw, gz, len(paths), data


def main(site: Path, query: str) -> None:
    """Print the bytes each search downloads."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            lunr = _measure(browser, base, "input.md-search__input", ".md-search-result__item", query, site)
            pf = _measure(browser, base + "find/", ".pagefind-ui__search-input", ".pagefind-ui__result", query, site)
            browser.close()
    finally:
        server.shutdown()
    index = (site / "search" / "search_index.json").stat().st_size
    bundle = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
    print(f"lunr search_index.json: {index} bytes; Pagefind bundle (all files): {bundle} bytes")
    for name, (raw, gz, n, data) in (("lunr (home page + one search)", lunr), ("Pagefind (find page + one search)", pf)):
        print(f"{name}: {raw} bytes in {n} requests ({gz} gzipped); index data {data} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
