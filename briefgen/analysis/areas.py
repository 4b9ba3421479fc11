"""Areas: the friction areas of an article, each a titled, contiguous run of paragraphs.

Where each area starts is the job of ``boundaries``; what it is called, of ``titles``.
``find_themes`` then shapes the result as a briefing shows it: a text too short to divide
is a one-page note; the opening before the first theme is the overview's context, not an
area; a long report's areas carry the chapter they stand in.
"""

from __future__ import annotations

from dataclasses import replace

from briefgen.analysis.boundaries import HEADING, INTRO, find_starts
from briefgen.analysis.features import Article
from briefgen.analysis.rules import areas as R
from briefgen.analysis.titles import title_areas
from briefgen.model import Section, Themes


def find_themes(article: Article) -> Themes:
    """The article divided for a briefing: its context and its areas, or a note when it is very short."""
    pids = tuple(f.paragraph.id for f in article.paragraphs)
    if not pids:
        return Themes((), ())
    if words(article) < R.NOTE_MAX_WORDS:
        return Themes(pids, (), note=True)
    starts = find_starts(article)
    sections = title_areas(article, starts)
    context: tuple[str, ...] = ()
    opening = _opening(article, starts)
    if opening:
        # a headed opening ("Summary") runs to the next heading, however the analyser cut it
        index = {f.paragraph.id: i for i, f in enumerate(article.paragraphs)}
        k = 1
        while opening == HEADING and k < len(sections) and starts[index[sections[k].paragraphs[0]]] < HEADING:
            k += 1
        if k < len(sections):
            context, sections = tuple(p for s in sections[:k] for p in s.paragraphs), sections[k:]
    if words(article) >= R.LONG_REPORT_WORDS:
        chapters = {f.paragraph.id: f.paragraph.chapter for f in article.paragraphs}
        sections = tuple(replace(s, chapter=chapters[s.paragraphs[0]]) for s in sections)
    return Themes(context, sections)


def find_areas(article: Article) -> tuple[Section, ...]:
    """Split the article's paragraphs into titled runs, the opening included, each contiguous."""
    if not article.paragraphs:
        return ()
    return title_areas(article, find_starts(article))


def words(article: Article) -> int:
    """How many words the article's body holds, as a reader counts them."""
    return sum(len(f.paragraph.text.split()) for f in article.paragraphs)


def _opening(article: Article, starts: dict[int, int]) -> int:
    """What kind of introduction the first run is: INTRO (a lede), HEADING (a section headed
    as one, "Summary"), or 0 when it is a theme of its own."""
    first = article.paragraphs[0].paragraph
    if starts.get(0) == INTRO and not article.speakers[0]:
        return INTRO
    heading = (first.heading or "").strip().rstrip(":.").lower()
    return HEADING if starts.get(0) == HEADING and heading in R.OPENING_HEADINGS else 0
