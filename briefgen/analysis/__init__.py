"""The analysis: one article's text in, a Briefing out, stage by stage.

``analyse`` is the list of stages. The stage modules are imported when it first runs, not
when this package is: a generate run whose seeds all come from the cache never analyses,
and these imports (trafilatura, lxml, pdfplumber, the rule tables) cost about 0.3 s.
"""

from __future__ import annotations

from pathlib import Path

from briefgen.analysis.ingest import read_source
from briefgen.errors import InputError
from briefgen.model import Area, Briefing, Context, Source


def analyse(source: Source, slug: str | None = None) -> Briefing:
    """Run every analysis stage on one decoded source."""
    from briefgen.analysis.areas import find_themes
    from briefgen.analysis.clean import clean
    from briefgen.analysis.entities import find_entities
    from briefgen.analysis.features import read_article
    from briefgen.analysis.glossary import find_acronyms
    from briefgen.analysis.quotes import find_quotes, key_quote
    from briefgen.analysis.segment import split_paragraphs
    from briefgen.analysis.summarize import summarize_area, summarize_overview
    from briefgen.analysis.titles import slugify

    # 1. Clean: markup and boilerplate out; title, author, organisation and date in.
    doc = clean(source)
    # 2. Paragraphs with stable ids, and their sentences.
    paragraphs = split_paragraphs(doc)
    if not paragraphs:
        raise InputError(f"{source.path}: no article text left after removing boilerplate")
    # 3. What every later stage reads of the article (content words, the facts a summary
    #    weighs, quotation marks, speaker turns), computed once.
    article = read_article(paragraphs)
    # 4. Friction areas: contiguous runs of paragraphs, each titled, after the opening
    #    context; a very short text is a note with none.
    themes = find_themes(article)
    sections = themes.sections
    # 5. Direct quotations with their speakers.
    quotes = find_quotes(article)
    # 6. Acronyms the article defines: in its headings and paragraphs, in reading order
    #    (a heading may be the only place one is defined), or in what was set aside (bios).
    glossary = find_acronyms(tuple(b.text for b in doc.blocks) + doc.aside)
    # 7. Per area: verbatim summary sentences, its key quotes, and the names it mentions.
    entities = find_entities(article, glossary, tuple(s.paragraphs for s in sections))
    areas = []
    for section, names in zip(sections, entities):
        members = set(section.paragraphs)
        areas.append(Area(
            slug=section.slug,
            title=section.title,
            paragraphs=section.paragraphs,
            summary=summarize_area(article, section.paragraphs),
            quotes=tuple(i for i, q in enumerate(quotes) if q.paragraph in members and key_quote(q)),
            entities=names,
            chapter=section.chapter,
        ))
    # 8. The overview's bottom line, and the opening's own sentences as its context.
    summary = summarize_overview(article, doc.meta.title)
    context = Context(themes.context, summarize_area(article, themes.context) if themes.context and not themes.note else ())
    return Briefing(
        slug=slug or slugify(source.stem),
        source=source,
        meta=doc.meta,
        paragraphs=paragraphs,
        areas=tuple(areas),
        quotes=quotes,
        glossary=glossary,
        summary=summary,
        context=context,
        note=themes.note,
    )


def analyse_file(path: Path) -> Briefing:
    """Read and analyse one article file."""
    return analyse(read_source(path))


def load_stages() -> None:
    """Import every stage now (before a process pool forks, so workers start warm)."""
    from briefgen.analysis import areas, clean, entities, features, glossary, quotes, segment, summarize  # noqa: F401
    # The readers import their libraries lazily; a worker would pay ~0.15 s for each.
    import pdfplumber  # noqa: F401
    import trafilatura  # noqa: F401
