"""The command line: thin wrappers that call library functions and turn errors into one line.

Exit codes: 0 success, 1 a problem the user can fix (the message names the file),
2 a usage error (argparse's own convention).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen import __version__
from briefgen.config import Settings, load_settings
from briefgen.errors import BriefgenError
from briefgen.state import CHANGELOG_FILE

if TYPE_CHECKING:
    from briefgen.pdf import PdfReport
    from briefgen.pipeline import GenerateResult
    from briefgen.search import PagefindReport

EPILOG = """\
typical use:
  briefgen analyze seeds/article.txt            read one article, print what was found
  briefgen generate                             seeds/ -> Markdown pages in docs/
  briefgen build                                generate, then build the site into site/
  briefgen pdf --paper letter                   briefing books and one-pagers as PDFs in site/
  briefgen check                                pages still true to their sources? file:line: problem
  briefgen serve                                live preview at http://127.0.0.1:8000

Settings live under `extra: briefgen:` in mkdocs.yml (seeds, templates, state, paper, search);
flags given on the command line win.
"""


def _err(message: str) -> None:
    print(f"briefgen: error: {message}", file=sys.stderr)


def _info(message: str) -> None:
    print(message, file=sys.stderr)


def _settings(args: argparse.Namespace) -> Settings:
    settings = load_settings(Path(args.config))
    return settings.with_overrides(
        seeds=Path(args.seeds) if getattr(args, "seeds", None) else None,
        docs=Path(args.docs) if getattr(args, "docs", None) else None,
    )


def _run_options(args: argparse.Namespace) -> dict[str, Any]:
    """The options of a generate run (for `generate` and `build`) from the command line."""
    return {
        "force": args.force,
        "lock_timeout": args.lock_timeout,
        "on_wait": _info,
        "jobs": args.jobs,
        # The bar only where someone watches: not in CI logs or pipes, not with --quiet.
        "progress": not args.quiet and sys.stderr.isatty(),
    }


def cmd_analyze(args: argparse.Namespace) -> int:
    """Print the analysis of one article as JSON or Markdown."""
    from briefgen.analysis import analyse_file
    from briefgen.export import to_json, to_markdown

    briefing = analyse_file(Path(args.file))
    sys.stdout.write(to_json(briefing) if args.format == "json" else to_markdown(briefing))
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    """Analyse every seed and merge the Markdown pages into the docs folder."""
    from briefgen.pipeline import generate

    settings = _settings(args)
    status, closing = _show_generated(generate(settings, **_run_options(args)), settings)
    for line in closing:
        _info(line)
    return status


def cmd_build(args: argparse.Namespace) -> int:
    """Generate, then build the static site with MkDocs, the PDFs and what else is asked for."""
    from briefgen.pdf import PdfReport
    from briefgen.pipeline import GenerateResult, OfflineBundle, SiteBuilt, Step, build
    from briefgen.search import PagefindReport

    settings = _settings(args)
    if args.pagefind and not settings.pagefind:
        settings = settings.with_overrides(search="both")
    status = 0
    closing: list[str] = []

    def show(step: Step) -> None:
        nonlocal status
        if isinstance(step, GenerateResult):
            status, lines = _show_generated(step, settings)
            closing.extend(lines)
        elif isinstance(step, SiteBuilt):
            _info(f"briefgen: site built in {step.site}")
        elif isinstance(step, PdfReport):
            _show_pdfs(step, settings)
        elif isinstance(step, PagefindReport):
            _show_pagefind(step, settings)
        elif isinstance(step, OfflineBundle):
            _info(f"briefgen: offline bundle written to {step.path} (unzip it, open briefings/index.html)")

    try:
        result = build(settings, offline=args.offline, on_step=show, **_run_options(args))
        if result.site is None:
            closing.append("briefgen: error: the site was not built; resolve the conflicts, then run build again")
    finally:
        # The seeds that failed are listed last, after the site and PDF lines, where a user looks.
        for line in closing:
            _info(line)
    return status


def cmd_check(args: argparse.Namespace) -> int:
    """Check the docs pages against their sources; print file:line: problem for each."""
    from briefgen.check import check_docs

    settings = _settings(args)
    problems = check_docs(settings)
    for problem in problems:
        print(problem)
    if problems:
        _err(f"{len(problems)} problem(s) in {settings.docs}")
        return 1
    _info(f"briefgen: {settings.docs} checked: no problems")
    return 0


def cmd_pdf(args: argparse.Namespace) -> int:
    """Write the briefing books and area one-pagers as PDFs into the site folder."""
    from briefgen.pdf import build_pdfs

    settings = _settings(args)
    _show_pdfs(build_pdfs(settings, paper=args.paper), settings)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the site with live reload."""
    from briefgen.site import serve_site

    settings = _settings(args)
    return serve_site(settings.config_file, args.dev_addr)


# ---------------------------------------------------------------------------------------
# What each step did, for the user: one line each, on stderr
# ---------------------------------------------------------------------------------------


def _show_generated(result: GenerateResult, settings: Settings) -> tuple[int, tuple[str, ...]]:
    """Print what generate did; return the exit status and the error lines to end on.

    The failed seeds and conflicts are returned rather than printed, so that `build` can
    list them after its own output, where a user looks.
    """
    w = result.written
    if result.recovered:
        _info(result.recovered)
    for note in result.notes:
        _info(f"briefgen: {note}")
    _info(
        f"briefgen: {len(result.built)} briefing(s) from {settings.seeds} into {settings.docs}: "
        f"{len(w.created)} page(s) created, {len(w.changed)} changed ({len(w.merged)} keeping your edits), "
        f"{len(w.unchanged)} unchanged"
    )
    for name in result.specs:
        _info(f"briefgen: wrote {settings.seeds / name}; edit it to rename, split or reorder areas, pin or drop quotes")
    if w.backup:
        _info(f"briefgen: --force: your edited versions were saved in {w.backup}")
    for path in w.deleted_kept:
        _info(f"briefgen: {settings.docs / path}: you deleted it, so it was not recreated (--force brings it back)")
    for path in w.removed:
        _info(f"briefgen: {settings.docs / path}: no longer generated; removed")
    for path, to in w.moved:
        _info(f"briefgen: {settings.docs / path}: its area was renamed, merged or split; your edits went to "
              + ", ".join(str(settings.docs / p) for p in to))
    for path in w.orphaned:
        _info(f"briefgen: warning: {settings.docs / path}: no longer generated, but you had edited it; it is out "
              f"of the site, and your version is saved as {Path(w.backup or '') / path}")
    if result.changed and result.changes is not None and result.changes.last is not None:
        last = result.changes.last
        _info(f"briefgen: {len(last.added)} briefing(s) added, {len(last.updated)} updated, {len(last.removed)} removed; "
              f"change log in {settings.state / CHANGELOG_FILE}")
    for message in result.warnings:
        _info(f"briefgen: warning: {message}")
    closing = [f"briefgen: error: {failure.message}" for failure in result.failures]
    status = 0
    if result.failures:
        closing.append(f"briefgen: error: {len(result.failures)} seed(s) failed; the others were generated")
        status = 1
    if w.conflicts:
        for conflict in w.conflicts:
            for line in conflict.lines:
                closing.append(f"{settings.docs / conflict.path}:{line}: conflict between your edit and the new text")
        closing.append(f"briefgen: error: {len(w.conflicts)} page(s) have conflicts: edit the marked blocks (keep "
                       "'yours', 'generated' or a mix), remove the markers, then run briefgen check")
        if w.unbased:
            closing.append(f"briefgen: error: {len(w.unbased)} of them had no merge base in {settings.state}/base (the "
                           "first edit-safe run, or the state folder was lost), so the whole page is one conflict; if you "
                           "never edited them, run `briefgen generate --force` (it backs up your versions first)")
        status = 1
    return status, tuple(closing)


def _show_pdfs(report: PdfReport, settings: Settings) -> None:
    """Print what the PDF step wrote, and each one-pager that overflows its page."""
    size = {"a4": "A4", "letter": "US Letter"}.get(report.paper, report.paper)
    _info(f"briefgen: {len(report.written)} PDF(s) written in {settings.site} ({size})")
    for path in report.overflowing:
        _info(f"briefgen: warning: {settings.site / path}: does not fit on one page even at the smallest type")


def _show_pagefind(report: PagefindReport, settings: Settings) -> None:
    """Print what Pagefind indexed, and whether Material's own search is still on."""
    _info(f"briefgen: Pagefind indexed {report.pages_indexed} page(s) into {report.bundle} "
          f"({report.bundle_bytes / 1e6:.2f} MB); search page {report.page}")
    if settings.search == "pagefind" and (settings.site / "search" / "search_index.json").exists():
        _info("briefgen: note: Material's own search is still on; remove `- search` from plugins in "
              f"{settings.config_file} to publish Pagefind only")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    parser = argparse.ArgumentParser(
        prog="briefgen",
        description="Turn analytical articles into briefings: an overview, one page per friction "
        "area with its key quotes, a glossary and the linked source, built as a MkDocs Material site.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"briefgen {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(name: str, func: Callable[[argparse.Namespace], int], help_: str, description: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
        p.set_defaults(func=func)
        return p

    p = add("analyze", cmd_analyze, "analyse one article and print the result",
            "Analyse one article (.txt, .md or .html) and print its paragraphs, friction areas, "
            "summaries, quotes and glossary. Nothing is written to disk.\n\n"
            "example:\n  briefgen analyze seeds/article.txt --format markdown")
    p.add_argument("file", help="the article file")
    p.add_argument("--format", choices=("json", "markdown"), default="json",
                   help="json (the machine-readable contract; default) or markdown (for reading)")

    def site_opts(p: argparse.ArgumentParser) -> None:
        p.add_argument("--config", default="mkdocs.yml", help="the MkDocs config holding briefgen's settings (default: mkdocs.yml)")

    def gen_opts(p: argparse.ArgumentParser) -> None:
        site_opts(p)
        p.add_argument("--seeds", metavar="DIR", help="folder of articles (default: seeds/)")
        p.add_argument("--docs", metavar="DIR", help="folder for the generated Markdown (default: docs/)")
        p.add_argument("--force", action="store_true",
                       help="regenerate every page from scratch, recreating deleted ones; your edited "
                       "versions are saved under the state folder's backup/ first")
        p.add_argument("--lock-timeout", type=float, default=120.0, metavar="SECONDS",
                       help="how long to wait for another generate run to finish (default: 120)")
        p.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                       help="processes that analyse seeds in parallel (default: one per CPU core)")
        p.add_argument("--quiet", "-q", action="store_true",
                       help="no progress bar (it is also off when stderr is not a terminal)")

    gen_opts(add("generate", cmd_generate, "write the Markdown pages for every seed",
                 "Analyse every article in the seeds folder and write its briefing pages into the docs "
                 "folder. A seed that cannot be read is reported and skipped; the others are still "
                 "generated, and the exit code is 1.\n\n"
                 "Your edits to the pages are kept: each page is merged three ways (what briefgen generated "
                 "last time, kept in .briefgen/base/; your file; the new text). Edits that overlap a change "
                 "leave <<<<<<< yours / >>>>>>> generated markers and exit code 1. A page you deleted stays "
                 "deleted. Each article's seeds/<stem>.briefing.yaml (written on first run) sets its areas, "
                 "summary sentences, pinned or excluded quotes and metadata; a page whose area is renamed, "
                 "merged or split there takes your edits along. What changed is logged in "
                 ".briefgen/changes.md and shown on the site.\n\n"
                 "example:\n  briefgen generate --seeds seeds --docs docs"))
    p = add("build", cmd_build, "generate, then build the site with MkDocs",
            "Run generate, then `mkdocs build --strict` into site/ (any MkDocs warning fails the build), "
            "then the PDFs. While a page has unresolved conflict markers, no site is built.\n\n"
            "With --offline, also write dist/briefings-offline.zip: the site for reading from file:// "
            "with no server (search included, PDFs from site/ copied in).\n\n"
            "examples:\n  briefgen build\n  briefgen build --offline --quiet")
    gen_opts(p)
    p.add_argument("--offline", action="store_true",
                   help="also write the offline bundle dist/briefings-offline.zip")
    p.add_argument("--pagefind", action="store_true",
                   help="also index the site with Pagefind (site/pagefind/, search page site/find/); "
                   "the same as `search: both` under extra.briefgen in mkdocs.yml")
    p = add("check", cmd_check, "check the pages against their source articles",
            "Check every page in the docs folder and print `file:line: problem` for each problem: a key "
            "quote that is no longer verbatim in its source article, a paragraph link that leads "
            "nowhere, an area page without a summary, a conflict marker left by a merge. Exit code 1 "
            "on any problem.\n\nexample:\n  briefgen check --docs docs --seeds seeds")
    site_opts(p)
    p.add_argument("--seeds", metavar="DIR", help="folder of articles (default: seeds/)")
    p.add_argument("--docs", metavar="DIR", help="folder of the Markdown pages (default: docs/)")
    p = add("pdf", cmd_pdf, "write the briefing books and one-pagers as PDFs",
            "From the pages in the docs folder (your edits included), write for every briefing "
            "site/<briefing>/<briefing>.pdf (cover, contents, bottom line, one section per friction "
            "area, glossary, numbered source text) and site/<briefing>/pdf/<area>.pdf (one page per "
            "friction area). `briefgen build` runs this after MkDocs.\n\n"
            "example:\n  briefgen pdf --paper letter")
    site_opts(p)
    p.add_argument("--docs", metavar="DIR", help="folder of the Markdown pages (default: docs/)")
    p.add_argument("--paper", choices=("a4", "letter"), default=None,
                   help="paper size (default: extra.briefgen.paper in mkdocs.yml, else a4)")
    p = add("serve", cmd_serve, "preview the site with live reload",
            "Run `mkdocs serve`: the site at http://127.0.0.1:8000, rebuilt when docs/ changes.\n\n"
            "example:\n  briefgen serve --dev-addr 127.0.0.1:8001")
    site_opts(p)
    p.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT", help="address to serve on")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: parse, dispatch, and turn a BriefgenError into one line and exit 1."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BriefgenError as exc:
        _err(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
