"""PDF: a briefing book per briefing and a one-page PDF per friction area, via WeasyPrint.

The PDFs are built from the generated pages, not from the analysis: analysts edit the
Markdown in ``docs/<slug>/`` and the site shows their edits, so a PDF made from the
analysis alone would contradict the web page it sits next to.

The step, as ``build_pdfs`` runs it:
1. collect (I/O, ``collect``): each page of ``docs/<slug>/`` as readers see it, the seed's
   cached analysis filling gaps;
2. contexts (pure, ``book`` and ``onepager`` on ``fragments``): metadata, sections,
   one-pager layouts, links resolved inside the PDF;
3. write (I/O, ``writer``): Jinja2 print templates, then WeasyPrint, offline;
4. relink (I/O, ``relink``): the built site's PDF buttons pointed at the PDFs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefgen.briefings import Analyses
from briefgen.config import Settings
from briefgen.errors import BuildError
from briefgen.pdf.book import PAPER_SIZES
from briefgen.pdf.collect import briefing_slugs, collect, make_markdown
from briefgen.pdf.relink import relink_pdf_buttons
from briefgen.pdf.writer import build_book, build_onepagers, make_env


@dataclass(frozen=True)
class PdfReport:
    """The files one PDF run wrote, and one-pagers that still needed more than a page."""

    written: tuple[str, ...] = ()
    overflowing: tuple[str, ...] = ()
    relinked: tuple[str, ...] = ()  # built HTML files whose PDF buttons were re-pointed
    paper: str = "a4"


def build_pdfs(settings: Settings, paper: str | None = None, generated: dt.datetime | None = None,
               only: tuple[str, ...] | None = None) -> PdfReport:
    """Write every briefing's book and one-pagers into the site folder."""
    # 1. Settings and inputs: paper, date, the pages in docs/, the model as fallback.
    paper = paper or settings.paper
    if paper not in PAPER_SIZES:
        raise BuildError(f"paper size {paper!r}: use one of {', '.join(PAPER_SIZES)}")
    generated = generated or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    slugs = only or briefing_slugs(settings.docs)
    if not slugs:
        raise BuildError(f"{settings.docs}: no briefings found; run `briefgen generate` first")
    # The analysis from the cache generate filled (only stale or new seeds are analysed again),
    # shaped by its spec as the pages were.
    fallbacks = Analyses(settings)
    md = make_markdown(settings.config_file, settings.docs)
    env = make_env(settings.templates)
    written: list[str] = []
    overflowing: list[str] = []
    # 2. Per briefing: collect, then book, then one-pagers.
    for slug in slugs:
        c = collect(settings.docs, slug, md, fallbacks.shaped(slug), env)
        book = build_book(c, settings.site, settings.templates, settings.docs, paper, generated)
        pages, over = build_onepagers(c, settings.site, settings.templates, settings.docs, paper, generated)
        written += [str(book)] + [str(p) for p in pages]
        overflowing += over
    # 3. The built site's download buttons pointed at where the PDFs now are.
    relinked = relink_pdf_buttons(settings.site)
    return PdfReport(written=tuple(written), overflowing=tuple(overflowing),
                     relinked=tuple(str(p) for p in relinked), paper=paper)
