"""The command line: thin wrappers that call library functions and turn errors into one line.

Exit codes: 0 success, 1 a problem the user can fix (the message names the file),
2 a usage error (argparse's own convention).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from briefgen import __version__
from briefgen.config import Settings, load_settings
from briefgen.errors import BriefgenError

EPILOG = """\
typical use:
  briefgen analyze seeds/article.txt            read one article, print what was found
  briefgen generate                             seeds/ -> Markdown pages in docs/
  briefgen build                                generate, then build the site into site/
  briefgen serve                                live preview at http://127.0.0.1:8000

Settings live under `extra: briefgen:` in mkdocs.yml (seeds, templates, state, paper);
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


def cmd_analyze(args: argparse.Namespace) -> int:
    """Print the analysis of one article as JSON or Markdown."""
    from briefgen.export import to_json, to_markdown
    from briefgen.pipeline import analyse_file

    briefing = analyse_file(Path(args.file))
    sys.stdout.write(to_json(briefing) if args.format == "json" else to_markdown(briefing))
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    """Analyse every seed and write the Markdown pages."""
    from briefgen.pipeline import generate

    settings = _settings(args)
    result = generate(settings)
    w = result.written
    _info(
        f"briefgen: {len(result.briefings)} briefing(s) from {settings.seeds} into {settings.docs}: "
        f"{len(w.created)} page(s) created, {len(w.changed)} changed, {len(w.unchanged)} unchanged"
    )
    for failure in result.failures:
        _err(failure.message)
    if result.failures:
        _err(f"{len(result.failures)} seed(s) failed; the others were generated")
        return 1
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """Generate, then build the static site with MkDocs."""
    from briefgen.site import build_site

    status = cmd_generate(args)
    settings = _settings(args)
    build_site(settings.config_file)
    _info(f"briefgen: site built in {settings.site}")
    return status


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the site with live reload."""
    from briefgen.site import serve_site

    settings = _settings(args)
    return serve_site(settings.config_file, args.dev_addr)


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

    gen_opts(add("generate", cmd_generate, "write the Markdown pages for every seed",
                 "Analyse every article in the seeds folder and write its briefing pages into the docs "
                 "folder. A seed that cannot be read is reported and skipped; the others are still "
                 "generated, and the exit code is 1.\n\nexample:\n  briefgen generate --seeds seeds --docs docs"))
    gen_opts(add("build", cmd_build, "generate, then build the site with MkDocs",
                 "Run generate, then `mkdocs build --strict` into site/. Any MkDocs warning fails the build."))
    p = add("serve", cmd_serve, "preview the site with live reload",
            "Run `mkdocs serve`: the site at http://127.0.0.1:8000, rebuilt when docs/ changes.")
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
