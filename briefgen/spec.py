"""Spec: the editable briefing spec per article, ``seeds/<stem>.briefing.yaml``.

briefgen writes the spec on the first analysis of an article, from what the analyser
chose. From then on the user owns it: renaming, reordering, merging or splitting areas,
choosing summary sentences, pinning or excluding quotes. ``resolve_spec`` applies it to a
fresh analysis (a pure stage), so a corrected article still flows into the pages while
the user's choices hold. Anything the spec says that the article no longer supports (a
summary sentence that is not verbatim any more) falls back to the analyser with a warning.

Errors name the file, the line and the key: ``seeds/x.briefing.yaml:12: areas[1].paragraphs:
p9-p3 is not a valid range``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefgen.analysis.features import Article, read_article
from briefgen.analysis.quotes import key_quote
from briefgen.analysis.summarize import summarize_area
from briefgen.errors import ConfigError
from briefgen.model import Area, Briefing, Entities, Extract, Paragraph, Quote
from briefgen.render import safe_url
from briefgen.state import range_labels

# libyaml's loader where PyYAML was built with it: 10-15x faster than the pure Python
# one, with the same nodes and line marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# libyaml's dumper writes the same text as the pure Python one only for printable BMP
# characters: it escapes astral characters (emoji) and NEL where PyYAML writes them raw.
# Specs already written must stay byte-identical, so it is used only for text in this
# range (checked by fuzzing both dumpers over it), and PyYAML's own dumper for the rest.
_C_DUMPER = getattr(yaml, "CSafeDumper", None)
_C_DUMPER_SAFE = re.compile("^[\x20-\x7e\u00a0-\ud7ff\ue000-\ufefe\uff00-\ufffd]*$")

SPEC_SUFFIX = ".briefing.yaml"
# The keys a spec may hold at each level; anything else is a typo worth an error.
TOP_KEYS = ("summary", "areas", "quotes", "meta")
AREA_KEYS = ("title", "slug", "paragraphs", "summary")
QUOTE_KEYS = ("pinned", "excluded", "speakers")
# The briefing's metadata a spec may correct: each one given wins over what the analyser read.
META_KEYS = ("title", "author", "organisation", "date", "source_url")
# A date as the spec and the pages write it.
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Slugs become file names and URLs.
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# "p2-p4", "p7", "p2 - p4"; several ranges may be given as a list or separated by commas.
_RANGE = re.compile(r"^p(\d+)(?:\s*-\s*p(\d+))?$", re.IGNORECASE)
# Quote marks a user (or an editor's autocorrect) may type either way.
_QUOTE_CLASS = {
    '"': '["\u201c\u201d\u201e\u201f\u2033]', "\u201c": '["\u201c\u201d\u201e\u201f\u2033]',
    "\u201d": '["\u201c\u201d\u201e\u201f\u2033]', "\u201e": '["\u201c\u201d\u201e\u201f\u2033]',
    "'": "['\u2018\u2019\u201a\u201b\u2032]", "\u2018": "['\u2018\u2019\u201a\u201b\u2032]",
    "\u2019": "['\u2018\u2019\u201a\u201b\u2032]", "\u201a": "['\u2018\u2019\u201a\u201b\u2032]",
}

# Outer quotation marks a user may keep when copying a quotation from a page.
_OPEN_MARKS = "“\"«„‘'"
_CLOSE_MARKS = "”\"»“’'"

HEADER = """\
# Briefing spec for {seed}.
# briefgen wrote it on the first analysis; it is yours now: `briefgen generate` applies it.
#   summary: the overview's bottom line, sentences copied verbatim from the article
#   areas: one entry per friction area page, in reading order. Rename (title, slug),
#     reorder, merge or split areas; paragraphs are ranges like p2-p4 (a list for several).
#     Leave an area's summary out and briefgen chooses the sentences.
#   quotes: pinned are always shown as key quotes, excluded never; give their exact words.
#     speakers: correct who said a quotation: "its exact words, or a unique run of them": Speaker
#   meta (add it to correct what the article says of itself): title, author, organisation,
#     date (YYYY-MM-DD), source_url (http or https); an empty value means "not stated".
"""


@dataclass(frozen=True)
class AreaSpec:
    """One area as the spec describes it."""

    title: str
    slug: str
    ranges: tuple[tuple[int, int], ...]  # inclusive paragraph numbers
    summary: tuple[str, ...] | None  # None: let the analyser choose
    line: int  # where the area starts, for messages
    paragraphs_line: int
    summary_lines: tuple[int, ...] = ()  # the line of each summary sentence


@dataclass(frozen=True)
class BriefingSpec:
    """A parsed, structurally valid spec."""

    path: str
    summary: tuple[str, ...] | None
    summary_lines: tuple[int, ...]
    areas: tuple[AreaSpec, ...] | None  # None: the analyser's areas
    pinned: tuple[tuple[str, int], ...] = ()  # (quote text, line)
    excluded: tuple[tuple[str, int], ...] = ()
    speakers: tuple[tuple[str, str | None, int], ...] = ()  # (words of a quote, its speaker, line)
    meta: tuple[tuple[str, str | None], ...] = ()  # (Meta field, value); None: not stated


# ---------------------------------------------------------------------------------------
# Where specs live
# ---------------------------------------------------------------------------------------


def spec_paths(seeds: tuple[Path, ...]) -> dict[Path, Path]:
    """Each seed's spec, ``<stem>.briefing.yaml`` beside it; ``<name>.briefing.yaml`` if two seeds share a stem."""
    stems = Counter(s.stem for s in seeds)
    return {s: s.with_name((s.name if stems[s.stem] > 1 else s.stem) + SPEC_SUFFIX) for s in seeds}


# ---------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------


class _SpecError(Exception):
    def __init__(self, node: Node | None, where: str, problem: str) -> None:
        super().__init__(problem)
        self.line = node.start_mark.line + 1 if node is not None else 1
        self.where = where
        self.problem = problem


def parse_spec(text: str, name: str) -> BriefingSpec:
    """Validate a spec's structure; every error names the file, line and key."""
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        raise ConfigError(f"{name}:{line}: not valid YAML: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{name}: not valid YAML: {exc}") from None
    try:
        return _parse(root, name)
    except _SpecError as exc:
        where = f"{exc.where}: " if exc.where else ""
        raise ConfigError(f"{name}:{exc.line}: {where}{exc.problem}") from None


def _parse(root: Node | None, name: str) -> BriefingSpec:
    if root is None or _is_null(root):
        return BriefingSpec(name, None, (), None)
    top = _mapping(root, "", TOP_KEYS)
    lined = _lined_strings(top.get("summary"), "summary")
    summary = tuple(t for t, _ in lined) if "summary" in top and not _is_null(top["summary"]) else None
    areas: tuple[AreaSpec, ...] | None = None
    if "areas" in top and not _is_null(top["areas"]):
        node = top["areas"]
        if not isinstance(node, SequenceNode):
            raise _SpecError(node, "areas", "must be a list of areas")
        areas = tuple(_area(item, f"areas[{i}]") for i, item in enumerate(node.value))
        slugs: dict[str, str] = {}
        for i, (a, item) in enumerate(zip(areas, node.value)):
            if a.slug in slugs:
                raise _SpecError(_mapping(item, "", AREA_KEYS)["slug"], f"areas[{i}].slug", f"{a.slug} is already the slug of {slugs[a.slug]}")
            slugs[a.slug] = f"areas[{i}]"
    pinned: tuple[tuple[str, int], ...] = ()
    excluded: tuple[tuple[str, int], ...] = ()
    speakers: tuple[tuple[str, str | None, int], ...] = ()
    if "quotes" in top and not _is_null(top["quotes"]):
        q = _mapping(top["quotes"], "quotes", QUOTE_KEYS)
        pinned = _lined_strings(q.get("pinned"), "quotes.pinned")
        excluded = _lined_strings(q.get("excluded"), "quotes.excluded")
        speakers = _speakers(q.get("speakers"))
    meta = _meta(top["meta"]) if "meta" in top and not _is_null(top["meta"]) else ()
    return BriefingSpec(
        path=name,
        summary=summary,
        summary_lines=tuple(n for _, n in lined),
        areas=areas,
        pinned=pinned,
        excluded=excluded,
        speakers=speakers,
        meta=meta,
    )


def _meta(node: Node) -> tuple[tuple[str, str | None], ...]:
    """The metadata the spec sets: each value checked, an empty one meaning "not stated"."""
    out: list[tuple[str, str | None]] = []
    for key, vnode in _mapping(node, "meta", META_KEYS).items():
        where = f"meta.{key}"
        value = None if _is_null(vnode) else " ".join(_string(vnode, where).split()) or None
        if value is not None and key == "date" and not _is_date(value):
            raise _SpecError(vnode, where, f"{value} is not a date (write it as YYYY-MM-DD, e.g. 2026-04-09)")
        if value is not None and key == "source_url" and safe_url(value) is None:
            raise _SpecError(vnode, where, f"{value} is not a web address (write a full http:// or https:// URL)")
        out.append((key, value))
    return tuple(out)


def _is_date(text: str) -> bool:
    if not _ISO_DATE.match(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _area(node: Node, where: str) -> AreaSpec:
    keys = _mapping(node, where, AREA_KEYS)
    for key in ("title", "slug", "paragraphs"):
        if key not in keys:
            raise _SpecError(node, where, f"missing key {key}")
    title = _string(keys["title"], f"{where}.title").strip()
    if not title:
        raise _SpecError(keys["title"], f"{where}.title", "must not be empty")
    slug = _string(keys["slug"], f"{where}.slug").strip()
    if not _SLUG.match(slug):
        raise _SpecError(keys["slug"], f"{where}.slug", f"{slug!r} is not a valid slug (lowercase letters, digits and single hyphens)")
    summary = None
    lined = _lined_strings(keys.get("summary"), f"{where}.summary")
    if "summary" in keys and not _is_null(keys["summary"]):
        summary = tuple(t for t, _ in lined)
    pnode = keys["paragraphs"]
    return AreaSpec(
        title=title,
        slug=slug,
        ranges=_ranges(pnode, f"{where}.paragraphs"),
        summary=summary,
        line=node.start_mark.line + 1,
        paragraphs_line=pnode.start_mark.line + 1,
        summary_lines=tuple(n for _, n in lined),
    )


def _ranges(node: Node, where: str) -> tuple[tuple[int, int], ...]:
    items = [node] if isinstance(node, ScalarNode) else node.value if isinstance(node, SequenceNode) else None
    if not items:
        raise _SpecError(node, where, "must be a paragraph range like p2-p4, or a list of them")
    out: list[tuple[int, int]] = []
    for item in items:
        for part in _string(item, where).split(","):
            m = _RANGE.match(part.strip())
            first = int(m.group(1)) if m else 0
            last = int(m.group(2) or m.group(1)) if m else 0
            if not m or first < 1 or last < first:
                raise _SpecError(item, where, f"{part.strip() or '(empty)'} is not a valid range (write p2-p4 or p7)")
            out.append((first, last))
    return tuple(out)


def _mapping(node: Node, where: str, allowed: tuple[str, ...]) -> dict[str, Node]:
    if not isinstance(node, MappingNode):
        raise _SpecError(node, where, "must be a mapping of keys")
    out: dict[str, Node] = {}
    for knode, vnode in node.value:
        key = knode.value if isinstance(knode, ScalarNode) else ""
        path = f"{where}.{key}" if where else key
        if key not in allowed:
            raise _SpecError(knode, path, f"unknown key; known keys here: {', '.join(allowed)}")
        if key in out:
            raise _SpecError(knode, path, "appears twice")
        out[key] = vnode
    return out


def _string(node: Node, where: str) -> str:
    if not isinstance(node, ScalarNode) or _is_null(node):
        raise _SpecError(node, where, "must be a text value")
    return str(node.value)


def _lined_strings(node: Node | None, where: str) -> tuple[tuple[str, int], ...]:
    if node is None or _is_null(node):
        return ()
    if not isinstance(node, SequenceNode):
        raise _SpecError(node, where, "must be a list of sentences or quotations")
    out = []
    for i, item in enumerate(node.value):
        text = _string(item, f"{where}[{i}]").strip()
        if not text:
            raise _SpecError(item, f"{where}[{i}]", "must not be empty")
        out.append((text, item.start_mark.line + 1))
    return tuple(out)


def _speakers(node: Node | None) -> tuple[tuple[str, str | None, int], ...]:
    """``quotes.speakers``: a mapping of a quotation's words to its speaker (null: nobody named)."""
    if node is None or _is_null(node):
        return ()
    if not isinstance(node, MappingNode):
        raise _SpecError(node, "quotes.speakers", 'must map a quotation\'s words to its speaker ("words": Name)')
    out = []
    for knode, vnode in node.value:
        words = _string(knode, "quotes.speakers").strip()
        if not words:
            raise _SpecError(knode, "quotes.speakers", "a quotation's words must not be empty")
        speaker = None if _is_null(vnode) else _string(vnode, f"quotes.speakers[{_short(words)}]").strip() or None
        out.append((words, speaker, knode.start_mark.line + 1))
    return tuple(out)


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:null"


# ---------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------


def spec_text(b: Briefing, seed_name: str) -> str:
    """The spec that reproduces ``b`` exactly: what briefgen writes on first analysis."""
    data = {
        "summary": [e.text for e in b.summary],
        "areas": [
            {
                "title": a.title,
                "slug": a.slug,
                "paragraphs": _range_text(a.paragraphs),
                "summary": [e.text for e in a.summary],
            }
            for a in b.areas
        ],
        "quotes": {"pinned": [], "excluded": []},
    }
    texts = [e.text for e in b.summary] + [t for a in b.areas for t in (a.title, a.slug, *(e.text for e in a.summary))]
    fast = _C_DUMPER is not None and all(_C_DUMPER_SAFE.match(t) for t in texts)
    dumper = _C_DUMPER if fast else yaml.SafeDumper
    body = yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=1_000_000, default_flow_style=False)
    return HEADER.format(seed=seed_name) + body


def _range_text(pids: tuple[str, ...]) -> str | list[str]:
    texts = range_labels(int(p[1:]) for p in pids)
    return texts[0] if len(texts) == 1 else texts


# ---------------------------------------------------------------------------------------
# Applying
# ---------------------------------------------------------------------------------------


def resolve_spec(b: Briefing, spec: BriefingSpec) -> tuple[Briefing, tuple[str, ...]]:
    """Apply ``spec`` to a fresh analysis; also say what fell back to the analyser and why."""
    warnings: list[str] = []
    # 1. Quotes: drop the excluded, add the pinned (found verbatim in the article), correct speakers.
    quotes, pinned = _quotes(b, spec, warnings)
    # 2. Areas from the spec: paragraphs, titles, summaries; the analyser's where absent.
    areas = b.areas if spec.areas is None else tuple(_areas(b, spec, warnings))
    # 3. Every area shows the key quotes in its paragraphs, pinned ones included.
    fixed = []
    for area in areas:
        members = set(area.paragraphs)
        fixed.append(replace(area, quotes=tuple(i for i, q in enumerate(quotes) if q.paragraph in members
                                                and (key_quote(q) or (q.paragraph, q.start) in pinned))))
    # 4. The metadata the spec corrects.
    meta = replace(b.meta, **dict(spec.meta)) if spec.meta else b.meta
    # 5. The overview's bottom line.
    summary = b.summary
    if spec.summary is not None:
        found, missing = _find_sentences(spec.summary, b.paragraphs, b.summary)
        if found is None:
            warnings.append(f"{spec.path}:{spec.summary_lines[missing]}: summary[{missing}]: no longer verbatim in the "
                            f"article: {_short(spec.summary[missing])}; using briefgen's choice until you update it")
        else:
            summary = found
    # A note the spec gives areas to is a briefing with areas: the user's choice wins.
    return replace(b, meta=meta, areas=tuple(fixed), quotes=quotes, summary=summary, note=b.note and not fixed), tuple(warnings)


def _areas(b: Briefing, spec: BriefingSpec, warnings: list[str]) -> list[Area]:
    assert spec.areas is not None
    count = len(b.paragraphs)
    owner: dict[int, str] = {}
    out: list[Area] = []
    article: Article | None = None  # read only when an area of the spec needs a new summary
    for i, a in enumerate(spec.areas):
        where = f"{spec.path}:{a.paragraphs_line}: areas[{i}].paragraphs"
        nums: list[int] = []
        for first, last in a.ranges:
            if last > count:
                raise ConfigError(f"{where}: p{last} is past the article's last paragraph, p{count}")
            for n in range(first, last + 1):
                if n in owner:
                    raise ConfigError(f"{where}: p{n} is already in {owner[n]}")
                owner[n] = f"areas[{i}]"
                nums.append(n)
        pids = tuple(f"p{n}" for n in sorted(nums))
        own = tuple(b.paragraph(pid) for pid in pids)
        same = next((x for x in b.areas if x.paragraphs == pids), None)
        if same:
            chosen = same.summary
        else:
            article = article or read_article(b.paragraphs)
            chosen = summarize_area(article, pids)
        summary = chosen
        if a.summary is not None:
            found, missing = _find_sentences(a.summary, own, chosen)
            if found is None:
                warnings.append(f"{spec.path}:{a.summary_lines[missing]}: areas[{i}].summary[{missing}]: no longer verbatim in "
                                f"{', '.join(_range_labels(a.ranges))}: {_short(a.summary[missing])}; "
                                "using briefgen's choice until you update it")
            else:
                summary = found
        out.append(Area(
            slug=a.slug,
            title=a.title,
            paragraphs=pids,
            summary=summary,
            quotes=(),
            entities=same.entities if same else _merged_entities(b.areas, set(pids)),
            # the chapter of the analyser's area its first paragraph was in
            chapter=next((x.chapter for x in b.areas if pids and pids[0] in x.paragraphs), None),
        ))
    return out


def _range_labels(ranges: tuple[tuple[int, int], ...]) -> list[str]:
    return [f"p{a}" if a == z else f"p{a}-p{z}" for a, z in ranges]


def _merged_entities(areas: tuple[Area, ...], members: set[str]) -> Entities:
    def union(pick: str) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for a in areas:
            if members & set(a.paragraphs):
                for name in getattr(a.entities, pick):
                    seen.setdefault(name, None)
        return tuple(seen)

    return Entities(people=union("people"), organisations=union("organisations"), places=union("places"))


def _find_sentences(
    texts: tuple[str, ...], paragraphs: tuple[Paragraph, ...], chosen: tuple[Extract, ...]
) -> tuple[tuple[Extract, ...] | None, int]:
    """Each text as the article's own words with its paragraph; (None, index) for the first that is not verbatim."""
    out: list[Extract] = []
    for n, text in enumerate(texts):
        # The analyser's own pick first, so a spec briefgen wrote maps back exactly.
        hit = next((e for e in chosen if e.text == text), None)
        if hit is None:
            pattern = verbatim_pattern(text)
            for p in paragraphs:
                m = pattern.search(p.text)
                if m:
                    hit = Extract(m.group(0), p.id)
                    break
        if hit is None:
            return None, n
        out.append(hit)
    return tuple(out), -1


def _quote_pattern(text: str) -> re.Pattern[str]:
    """Like ``verbatim_pattern``, for a quotation given with or without its outer quote marks."""
    if len(text) >= 2 and text[0] in _OPEN_MARKS and text[-1] in _CLOSE_MARKS:
        text = text[1:-1].strip()
    return verbatim_pattern(text)


def verbatim_pattern(text: str) -> re.Pattern[str]:
    """A regex matching ``text`` in an article up to whitespace and the style of quote marks."""
    parts = []
    for token in text.split():
        parts.append("".join(_QUOTE_CLASS.get(ch, re.escape(ch)) for ch in token))
    return re.compile(r"\s+".join(parts))


def _quotes(b: Briefing, spec: BriefingSpec, warnings: list[str]) -> tuple[tuple[Quote, ...], set[tuple[str, int]]]:
    """The article's quotations less the excluded ones, plus the pinned ones (also returned
    by paragraph and offset), with the speakers the spec corrects."""
    where: set[tuple[str, int]] = set()
    quotes = list(b.quotes)
    for text, line in spec.excluded:
        pattern = _quote_pattern(text)
        keep = [q for q in quotes if not pattern.fullmatch(q.text.strip())]
        if len(keep) == len(quotes):
            warnings.append(f"{spec.path}:{line}: quotes.excluded: no quotation with these words in the article: {_short(text)}")
        quotes = keep
    added = False
    for text, line in spec.pinned:
        pattern = _quote_pattern(text)
        at = next((i for i, q in enumerate(quotes) if pattern.fullmatch(q.text.strip())), None)
        if at is not None:
            # A pinned quotation is shown as a key quote even if the analyser took it for a term.
            quotes[at] = replace(quotes[at], kind="statement")
            where.add((quotes[at].paragraph, quotes[at].start))
            continue
        spot = next(((p, m) for p in b.paragraphs if (m := pattern.search(p.text))), None)
        if spot is None:
            warnings.append(f"{spec.path}:{line}: quotes.pinned: not verbatim in the article any more: {_short(text)}")
            continue
        p, m = spot
        quote = Quote(text=m.group(0), paragraph=p.id, kind="statement", speaker=p.speaker, start=m.start())
        quotes.append(quote)
        where.add((quote.paragraph, quote.start))
        added = True
    if added:
        # Reading order, so the new quotation sits where the article has it.
        quotes.sort(key=lambda q: (int(q.paragraph[1:]), q.start))
    for words, speaker, line in spec.speakers:
        pattern = _quote_pattern(words)
        hits = [i for i, q in enumerate(quotes) if pattern.search(q.text)]
        if len(hits) != 1:
            problem = "matches no quotation in the article" if not hits else f"matches {len(hits)} quotations; quote more of the words"
            raise ConfigError(f"{spec.path}:{line}: quotes.speakers: {_short(words)} {problem}")
        # The one place a speaker is corrected: every page and PDF reads Quote.speaker.
        quotes[hits[0]] = replace(quotes[hits[0]], kind="statement", speaker=speaker, role=None)
    return tuple(quotes), where


def _short(text: str) -> str:
    return f"“{text[:60]}…”" if len(text) > 60 else f"“{text}”"
