"""Check: are the (possibly hand-edited) pages still true to their sources?

``briefgen check`` reads every Markdown page in the docs folder and reports, as
``file:line: problem``:

- a key quote (a blockquote with an attribution line) whose words are no longer verbatim
  in its source article: an analyst's edit must not put words in a speaker's mouth;
- a link to a page or a paragraph anchor (``source.md#p12``) that leads nowhere;
- an area page (front matter ``area:``) with no summary left;
- a conflict marker left behind by a merge;
- in the navigation (``.nav.yml``), a conflict marker or an entry for a page that is gone.

The parsers read the Markdown the templates write, and tolerate what people do to it by
hand: other quote marks, re-wrapped lines, emphasis, elisions marked with an ellipsis.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import yaml

from briefgen.analysis.clean_rules import MD_FENCE, MD_HEADING, MD_SETEXT
from briefgen.briefings import Analyses
from briefgen.config import Settings
from briefgen.model import Failure, Paragraph
from briefgen.render import NAV_FILE
from briefgen.spec import verbatim_pattern

# A line that starts an attribution under a quotation: a dash of some kind, or <cite>.
_ATTRIBUTION = re.compile(r"^\s*(?:[—―–]|--|<cite\b|\*\*?[—―–])")
_BLOCKQUOTE = re.compile(r"^ {0,3}>( ?)(.*)$")
# Outer quotation marks around a key quote, added by the page, not part of the words.
_OPEN_MARKS = "“\"«„‘'"
_CLOSE_MARKS = "”\"»“’'"
# Elisions a quotation may use to skip words: each piece must still be verbatim, in order.
_ELISION = re.compile(r"\s*(?:\[\s*(?:…|\.\.\.)\s*\]|…|\.\.\.)\s*")
_LINK = re.compile(r"(?<!!)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_PARA_ANCHOR = re.compile(r"^p\d+$")
# Ids a page declares: attr_list ({: #p12 }) or raw HTML (id="p12").
_ATTR_ID = re.compile(r"\{:?[^}\n]*?#([\w-]+)[^}\n]*\}")
_HTML_ID = re.compile(r"""\b(?:id|name)\s*=\s*["']([^"']+)["']""")
_SUMMARY_HEADING = re.compile(r"^(summary|bottom line|in brief|tl;?dr)\b", re.IGNORECASE)
_SUMMARY_ADMONITION = re.compile(r"""^[!?]{3}\+?\s+(?:abstract|summary|tldr)\b""", re.IGNORECASE)
# What the area template prints when it found no sentence: not a summary.
_NO_SUMMARY = re.compile(r"^no summary\b", re.IGNORECASE)
# A line that cannot be a setext heading's text: a list item, quote, or another rule.
CONFLICT_OR_RULE = re.compile(r"^\s*([-*+>]|\d+[.)]|=+\s*$|-+\s*$)")
_CONFLICT_OPEN = re.compile(r"^<{7}(?: |$)")
_CONFLICT_MID = re.compile(r"^={7}$")
_CONFLICT_CLOSE = re.compile(r"^>{7}(?: |$)")


def check_docs(settings: Settings) -> tuple[str, ...]:
    """Every problem found in the docs folder, as ``file:line: problem`` lines in file order.

    Quotes are checked against each seed's analysis from the cache, as generate left it;
    only a seed changed since (or never generated) is analysed again.
    """
    docs = settings.docs
    if not docs.is_dir():
        return (f"{docs}: docs folder not found; run briefgen generate first",)
    analyses = Analyses(settings)
    problems: list[str] = [analyses.problem] if analyses.problem else []
    sources: dict[str, tuple[Paragraph, ...] | None] = {}
    problems += nav_problems(docs)
    cache: dict[Path, set[str] | None] = {}
    for page in sorted(docs.rglob("*.md")):
        rel = page.relative_to(docs)
        name = str(docs / rel)
        text = page.read_text(encoding="utf-8", errors="replace")
        lines = text.splitlines()
        problems += [f"{name}:{n}: {p}" for n, p in conflict_markers(lines)]
        problems += [f"{name}:{n}: {p}" for n, p in broken_links(page, lines, cache)]
        front = front_matter(lines)
        if "area" in front and not has_summary(lines):
            problems.append(f"{name}:1: area page has no summary")
        slug = rel.parts[0] if len(rel.parts) > 1 else None
        if slug is None or slug not in analyses.seeds:
            continue
        seed = analyses.seeds[slug]
        if slug not in sources:
            found = analyses.get(slug)
            if isinstance(found, Failure):
                problems.append(f"{seed}: cannot check quotes against it: {found.message}")
                found = None
            sources[slug] = found.paragraphs if found is not None else None
        paragraphs = sources[slug]
        if paragraphs is None:
            continue
        for n, quote in key_quotes(lines):
            if not is_verbatim(quote, paragraphs):
                problems.append(f"{name}:{n}: quote is not verbatim in {seed}: {_short(quote)}")
    return tuple(problems)


# ---------------------------------------------------------------------------------------
# Conflict markers
# ---------------------------------------------------------------------------------------


def conflict_markers(lines: list[str]) -> list[tuple[int, str]]:
    """Merge conflict markers; a bare ``=======`` counts only inside a conflict (else it is a heading rule)."""
    out: list[tuple[int, str]] = []
    inside = False
    for n, line in enumerate(lines, 1):
        if _CONFLICT_OPEN.match(line):
            inside = True
            out.append((n, "conflict marker left from a merge: choose a side, then delete the markers"))
        elif _CONFLICT_CLOSE.match(line):
            inside = False
            out.append((n, "conflict marker left from a merge"))
        elif inside and _CONFLICT_MID.match(line):
            out.append((n, "conflict marker left from a merge"))
    return out


def nav_problems(docs: Path) -> list[str]:
    """Conflict markers in the navigation file, and nav entries naming pages docs/ lacks."""
    nav = docs / NAV_FILE
    if not nav.is_file():
        return []
    text = nav.read_text(encoding="utf-8", errors="replace")
    marks = [f"{nav}:{n}: {p}" for n, p in conflict_markers(text.splitlines())]
    if marks:
        return marks  # the YAML cannot be read until they are resolved
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        return [f"{nav}:1: not valid YAML, so the site will not build: {' '.join(str(exc).split())}"]
    missing: list[str] = []
    stack = [data.get("nav") if isinstance(data, dict) else None]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack += reversed(item)
        elif isinstance(item, dict):
            stack += reversed(list(item.values()))
        elif isinstance(item, str) and item.endswith(".md") and not (docs / item).is_file():
            missing.append(item)
    lines = text.splitlines()
    return [f"{nav}:{_line_of(lines, page)}: navigation names a page that does not exist: {page}" for page in missing]


def _line_of(lines: list[str], needle: str) -> int:
    return next((n for n, line in enumerate(lines, 1) if needle in line), 1)


# ---------------------------------------------------------------------------------------
# Key quotes
# ---------------------------------------------------------------------------------------


def key_quotes(lines: list[str]) -> list[tuple[int, str]]:
    """(line, words) of every blockquote that has an attribution, Markdown removed."""
    out: list[tuple[int, str]] = []
    n = 0
    fenced = False
    while n < len(lines):
        if MD_FENCE.match(lines[n]):
            fenced = not fenced
        if fenced or not _BLOCKQUOTE.match(lines[n]):
            n += 1
            continue
        body: list[tuple[int, str]] = []
        while n < len(lines) and (m := _BLOCKQUOTE.match(lines[n])):
            body.append((n + 1, m.group(2)))
            n += 1
        # The attribution may sit inside the quote or just under it, after one blank line.
        after = [line for line in lines[n:n + 2] if line.strip()][:1]
        cut = next((i for i, (_, t) in enumerate(body) if _ATTRIBUTION.match(t)), None)
        if cut is None and after and _ATTRIBUTION.match(after[0]):
            cut = len(body)
        if cut is None:
            continue
        words = [(ln, t.strip()) for ln, t in body[:cut] if t.strip()]
        if not words:
            continue
        text = unmark(" ".join(t for _, t in words))
        if text:
            out.append((words[0][0], text))
    return out


def unmark(text: str) -> str:
    """The words of a line of Markdown: escapes undone, emphasis, links and outer quote marks removed."""
    text = re.sub(r"\{:[^}]*\}", "", text)
    text = re.sub(r"(?<!\\)\[((?:[^\]\\]|\\.)*)\]\([^)]*\)", r"\1", text)
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and not text[i + 1].isalnum() and not text[i + 1].isspace():
            out.append(text[i + 1])
            i += 2
            continue
        if ch in "*`":
            i += 1
            continue
        out.append(ch)
        i += 1
    words = html.unescape("".join(out)).strip()
    if len(words) >= 2 and words[0] in _OPEN_MARKS and words[-1] in _CLOSE_MARKS:
        words = words[1:-1].strip()
    return words


def is_verbatim(quote: str, paragraphs: tuple[Paragraph, ...]) -> bool:
    """Whether ``quote`` (its pieces around any ellipsis, in order) stands in one paragraph."""
    pieces = [p for p in _ELISION.split(quote) if p.strip()]
    if not pieces:
        return True
    patterns = [verbatim_pattern(p) for p in pieces]
    for para in paragraphs:
        at = 0
        for pattern in patterns:
            m = pattern.search(para.text, at)
            if not m:
                break
            at = m.end()
        else:
            return True
    return False


# ---------------------------------------------------------------------------------------
# Links
# ---------------------------------------------------------------------------------------


def broken_links(page: Path, lines: list[str], cache: dict[Path, set[str] | None]) -> list[tuple[int, str]]:
    """Relative links to pages that do not exist, or to paragraph anchors (#p12) they lack."""
    out: list[tuple[int, str]] = []
    fenced = False
    for n, line in enumerate(lines, 1):
        if MD_FENCE.match(line):
            fenced = not fenced
        if fenced:
            continue
        for m in _LINK.finditer(line):
            href = m.group(1)
            if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.IGNORECASE) or href.startswith("/"):
                continue  # external or site-absolute: not ours to resolve
            file_part, _, anchor = href.partition("#")
            if file_part and not file_part.endswith(".md"):
                continue  # PDFs and other downloads are built later
            target = (page.parent / file_part).resolve() if file_part else page.resolve()
            if target not in cache:
                cache[target] = _ids(target) if target.is_file() else None
            ids = cache[target]
            if ids is None:
                out.append((n, f"link to a missing page: {href}"))
            elif anchor and _PARA_ANCHOR.match(anchor) and anchor not in ids:
                out.append((n, f"paragraph link leads nowhere: {href} (no ¶{anchor[1:]} there)"))
    return out


def _ids(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    return set(_ATTR_ID.findall(text)) | set(_HTML_ID.findall(text))


# ---------------------------------------------------------------------------------------
# Front matter and summaries
# ---------------------------------------------------------------------------------------


def front_matter(lines: list[str]) -> dict[str, object]:
    """The page's YAML front matter, or {} if it has none or it is not a mapping."""
    if not lines or lines[0].strip() != "---":
        return {}
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            try:
                data = yaml.safe_load("\n".join(lines[1:end]))
            except yaml.YAMLError:
                return {}
            return data if isinstance(data, dict) else {}
    return {}


def has_summary(lines: list[str]) -> bool:
    """Whether a Summary heading (or abstract admonition) has at least one line of content under it."""
    levels = _heading_levels(lines)
    n = 0
    while n < len(lines):
        level = levels.get(n)
        if level and _SUMMARY_HEADING.match(_heading_text(lines[n])):
            for m in range(n + 1, len(lines)):
                if MD_SETEXT.match(lines[m]) and m == n + 1:
                    continue
                if levels.get(m, 7) <= level:
                    break
                text = lines[m].strip()
                if text and m not in levels and not _NO_SUMMARY.match(text):
                    return True
        elif _SUMMARY_ADMONITION.match(lines[n]):
            for line in lines[n + 1:]:
                if line.strip() and not line.startswith((" ", "\t")):
                    break
                if line.strip() and not _NO_SUMMARY.match(line.strip()):
                    return True
        n += 1
    return False


def _heading_levels(lines: list[str]) -> dict[int, int]:
    """Line index -> heading level, for ATX (# Title) and setext (Title / =====) headings."""
    out: dict[int, int] = {}
    for n, line in enumerate(lines):
        if m := MD_HEADING.match(line):
            out[n] = len(m.group(1))
        elif n + 1 < len(lines) and line.strip() and (m := MD_SETEXT.match(lines[n + 1])):
            if not CONFLICT_OR_RULE.match(line):
                out[n] = 1 if m.group(1).startswith("=") else 2
    return out


def _heading_text(line: str) -> str:
    m = MD_HEADING.match(line)
    return m.group(2) if m else line.strip()


def _short(text: str) -> str:
    return f"“{text[:70]}…”" if len(text) > 70 else f"“{text}”"
