"""Areas: the friction areas of an article, each a titled, contiguous run of paragraphs.

Where each area starts is the job of ``boundaries``; what it is called, of ``titles``.
"""

from __future__ import annotations

from briefgen.analysis.boundaries import find_starts
from briefgen.analysis.features import Article
from briefgen.analysis.titles import title_areas
from briefgen.model import Section


def find_areas(article: Article) -> tuple[Section, ...]:
    """Split the article's paragraphs into titled friction areas, each a contiguous run."""
    if not article.paragraphs:
        return ()
    return title_areas(article, find_starts(article))
