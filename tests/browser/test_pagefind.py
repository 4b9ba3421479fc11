"""The Pagefind search page, in a browser: a reader types an area's title and finds its page."""

from __future__ import annotations

import pytest

from briefgen.search import build_pagefind
from tests.browser.conftest import Built, area_urls, norm

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def pagefind_site(built: Built) -> Built:
    """The served site with the Pagefind step run on it (adds only site/pagefind/ and site/find/)."""
    build_pagefind(built.site_dir)
    return built


def test_typing_an_area_title_finds_that_area_page(pagefind_site: Built, page: object) -> None:
    built = pagefind_site
    urls = area_urls(built)
    briefing = built.briefings[0]
    area = next(a for a in briefing.areas if (briefing.slug, a.slug) in urls)
    page.goto(built.base_url + "find/")
    box = page.locator(".pagefind-ui__search-input")
    box.press_sequentially(area.title, delay=20)
    results = page.locator(".pagefind-ui__result-link")
    results.first.wait_for(timeout=15_000)
    hits = {a.get_attribute("href"): norm(a.inner_text()) for a in results.all()}
    # Result links carry the site's sub-path, so they open the page, not the host's root.
    assert urls[(briefing.slug, area.slug)] in {built.base_url.split("/site/")[0] + h for h in hits}
    assert norm(area.title) in hits.values()
    # Everything came from the site itself: no third-party host, no failed load, no JS error.
    assert all(u.startswith(built.base_url.split("/site/")[0]) for u in page.watch.requests)
    assert not page.watch.failed and not page.watch.errors
