"""Search: Pagefind as an optional post-build step for large libraries.

Material's built-in (lunr) search ships the whole library as one ``search_index.json``
that every reader downloads on first search: about 3 MB per 100 briefings. Pagefind
indexes the built HTML into small hashed fragments; a search fetches only the few it
needs. It runs here on ``site/`` after MkDocs, like the PDF step, so mkdocs.yml keeps no
plugin or hook and still builds with Zensical. Its search page is a static
``site/find/index.html`` that loads Pagefind's own UI from ``site/pagefind/`` by
relative URLs: no third-party host.

The binary comes inside the ``pagefind_bin`` wheel (``pagefind[bin]``), so the step runs
offline. The same site gives the same index (hashed file names and bytes; checked by
``tests/test_search.py``).
"""

from __future__ import annotations

import html
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import BuildError

# Where the bundle and the search page go, relative to the site folder.
BUNDLE_DIR = "pagefind"
FIND_PAGE = "find/index.html"
# Only the briefing text is indexed: Material's header, nav, sidebars and footer repeat on
# every page and would make every page match every query.
ROOT_SELECTOR = "article.md-content__inner"
# Material's heading permalinks ("¶") are inside the article but are not text to find.
EXCLUDE_SELECTORS = ".headerlink"

# The search page. Pagefind's UI reads result URLs as root-relative ("/briefing/area/");
# baseUrl is the folder above /find/, so a site served under a sub-path (GitHub Pages'
# /repo/) still links right. Scripts and styles are relative: no third-party host.
_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Search · {site_name}</title>
<link rel="icon" href="../assets/images/favicon.png">
<link rel="stylesheet" href="../{bundle}/pagefind-ui.css">
<style>
  body {{ font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }}
  header a {{ color: inherit; }}
</style>
</head>
<body>
<header><p><a href="../">&larr; {site_name}</a></p><h1>Search the library</h1></header>
<main><div id="search"></div></main>
<script src="../{bundle}/pagefind-ui.js"></script>
<script>
  window.addEventListener("DOMContentLoaded", function () {{
    new PagefindUI({{
      element: "#search",
      showSubResults: true,
      showImages: false,
      baseUrl: new URL("../", window.location.href).pathname,
      autofocus: true,
    }});
  }});
</script>
</body>
</html>
"""


@dataclass(frozen=True)
class PagefindReport:
    """What the Pagefind step wrote: the bundle, the search page, and their sizes."""

    bundle: Path  # site/pagefind/
    page: Path  # site/find/index.html
    pages_indexed: int
    bundle_bytes: int  # every file under site/pagefind/


def pagefind_command(site: Path) -> list[str]:
    """The command line that indexes ``site`` with the binary shipped in ``pagefind_bin``."""
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise BuildError("Pagefind is not installed: pip install 'pagefind[bin]==1.5.2'") from None
    return [str(get_executable()), "--site", str(site), "--output-subdir", BUNDLE_DIR,
            "--root-selector", ROOT_SELECTOR, "--exclude-selectors", EXCLUDE_SELECTORS]


def search_page(site_name: str) -> str:
    """The HTML of the static search page that loads Pagefind's UI."""
    return _PAGE.format(site_name=html.escape(site_name), bundle=BUNDLE_DIR)


def folder_bytes(folder: Path) -> int:
    """The total size of every file under ``folder``."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def build_pagefind(site: Path, site_name: str = "Briefings") -> PagefindReport:
    """Index the built ``site`` with Pagefind into site/pagefind/ and write site/find/."""
    if not (site / "index.html").is_file():
        raise BuildError(f"{site}: no built site to index; run `briefgen build` first")
    page = site / FIND_PAGE
    # The page from a previous run must not be indexed as a page of the library.
    page.unlink(missing_ok=True)
    # Fragments are named by hash, so a previous run's would linger beside the new ones.
    shutil.rmtree(site / BUNDLE_DIR, ignore_errors=True)
    proc = subprocess.run(pagefind_command(site), capture_output=True, text=True)
    if proc.returncode != 0:
        detail = "; ".join((proc.stderr + "\n" + proc.stdout).strip().splitlines()[-3:]) or f"exit code {proc.returncode}"
        raise BuildError(f"{site}: pagefind failed: {detail}")
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(search_page(site_name), encoding="utf-8")
    bundle = site / BUNDLE_DIR
    return PagefindReport(bundle=bundle, page=page, pages_indexed=_pages_indexed(proc.stdout),
                          bundle_bytes=folder_bytes(bundle))


def _pages_indexed(output: str) -> int:
    """The page count from Pagefind's summary ("Indexed 871 pages"); 0 if it is not printed."""
    for line in output.splitlines():
        words = line.split()
        if len(words) == 3 and words[0] == "Indexed" and words[2] in ("page", "pages") and words[1].isdigit():
            return int(words[1])
    return 0


def site_name(config_file: Path) -> str:
    """The site_name of mkdocs.yml, for the search page's title; "Briefings" if unset."""
    import yaml

    from briefgen.config import _Loader

    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except (OSError, yaml.YAMLError):
        return "Briefings"
    name = data.get("site_name") if isinstance(data, dict) else None
    return name if isinstance(name, str) and name else "Briefings"
