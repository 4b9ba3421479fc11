"""Clean: judge the blocks a reader gave; pull out title, author, organisation, date.

Two steps, as a reader would take them:

1. A reader (``analysis/readers/``, one per format) turns the file into raw blocks
   (paragraphs and headings, markup gone) plus the metadata the format itself carries
   (front matter, ``<meta>`` tags, a PDF's document info). For HTML and Markdown,
   trafilatura has already chosen the main content and marked what lies around it.
2. Every block is judged here the same way whatever the format: chrome is dropped, prose
   about the article (bios, disclaimers, disclosures) is set aside, transcript labels
   become speakers, and the rest is body. Metadata is read from what was dropped or set
   aside, and from the blocks around the main content.

The patterns are data in ``clean_rules``. Body text is the source's own words: only
markup is removed and runs of whitespace are collapsed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from briefgen.analysis import clean_rules as R
from briefgen.analysis.dates import iso_date as _iso_date
from briefgen.analysis.readers import RawBlock as _Raw
from briefgen.analysis.readers import read
from briefgen.analysis.readers.markdown import split_meta_pairs, hints_from_mapping
from briefgen.analysis.segment import split_sentences
from briefgen.analysis.speakers import label_of, readable_speaker, speaker_label
from briefgen.model import Block, Document, Meta, Source

_WS = re.compile(r"\s+")


def clean(source: Source) -> Document:
    """Turn a source into body blocks plus metadata."""
    reading = read(source)
    return _judge(list(reading.blocks), dict(reading.hints), reading.marked_headings)


def _norm(text: str) -> str:
    """Collapse runs of whitespace to one space; nothing else changes."""
    return _WS.sub(" ", text).strip()


def _title_ok(text: str, max_chars: int = R.TITLE_MAX_CHARS, max_words: int = R.TITLE_MAX_WORDS) -> bool:
    """Whether a line reads as a title: short, capitalised, not a sentence."""
    return (
        0 < len(text) <= max_chars
        and len(text.split()) <= max_words
        and text[-1] not in ".;,"
        and (text[0].isupper() or text[0].isdigit() or text[0] in "“\"‘'")
    )


def _clean_name(text: str) -> str:
    """A byline's names without trailing roles or punctuation."""
    return text.strip(" ,;:–—-|").strip()


# --- judging blocks -------------------------------------------------------------------


def _is_drop(text: str) -> bool:
    """Whether a short block is site chrome (share bars, credits, promos, date lines, an address)."""
    if len(text) <= R.CONTACT_MAX_CHARS and text[-1] not in ".!?”\"" and R.CONTACT_BLOCK.search(text):
        return True
    if any(rx.match(text) for rx in R.DROP_ANY):
        return True
    if len(text) > R.SHORT_BLOCK:
        return False
    text = R.LEADING_GLYPHS.sub("", text) or text  # "› Back to Top", "» Read more"
    return any(rx.match(text) for rx in R.DROP_SHORT) or bool(R.TIME_STAMP.match(text))


def _is_aside(text: str) -> bool:
    """Whether a block is prose about the article: disclaimer, disclosure."""
    return any(rx.match(text) for rx in R.ASIDE)


def _is_bio(text: str) -> re.Match[str] | None:
    """An author bio ("X is a senior fellow at ..."), judged by its first sentence."""
    return R.BIO.match(text) if len(text) <= R.BIO_MAX else None


def _judge(raws: list[_Raw], hints: dict[str, str], marked_headings: bool = True) -> Document:
    """Sort raw blocks into body, aside and dropped; read the metadata on the way."""
    hints = dict(hints)
    for raw in raws:
        if raw.meta_table:
            _read_meta_table(raw.lines, hints)
        elif raw.kind == "paragraph" and len(raw.text) <= R.META_ROW_MAX:
            pairs = split_meta_pairs(raw.text)
            if pairs:
                _read_meta_table(tuple(f"{k}: {v}" for k, v in pairs), hints)
                raw = replace(raw, meta_table=True)
    raws = [r for r in raws if r.text and not r.meta_table and not _meta_row(r)]
    title, raws = _take_title(raws, hints, marked_headings)
    raws = _drop_venue(raws)
    dates: list[tuple[int, str]] = []  # (priority, iso date)
    authors: list[str] = []
    orgs: list[str] = []
    footer_orgs: list[str] = []
    aside: list[str] = []
    kept: list[_Raw] = []
    tail = notes = False
    # What is left of the main content after each block: where headings are marked up, a
    # "Notes:" or "Sources:" line that is not one starts the article's tail only near its
    # end, not mid-article ("Notes:" then a list of points).
    sizes = [len(r.text) if r.region == "body" else 0 for r in raws]
    left = [0] * len(sizes)
    for i in range(len(sizes) - 2, -1, -1):
        left[i] = left[i + 1] + sizes[i + 1]
    total = sum(sizes) or 1
    for i, raw in enumerate(raws):
        text = raw.text
        if raw.region != "body":
            _read_outside(raw, dates, authors, footer_orgs, aside)
            continue
        if raw.aside or (len(text) <= R.SHORT_BLOCK and R.TABLE_NOTE.match(text)) or \
                (len(text) <= R.TABLE_FURNITURE_MAX_CHARS and R.TABLE_CAPTION.match(text)):
            # a caption (with its source line, when a cell holds both), a table's note
            aside.append(text)
            continue
        if R.TAIL_SECTION.match(text) and (raw.kind == "heading" or not marked_headings or left[i] <= R.TAIL_MAX_SHARE * total):
            tail = True
            notes = bool(R.NOTES_SECTION.match(text))
            continue
        if raw.kind == "heading":
            if _is_drop(text) or _is_aside(text) or _link_row(raw):
                continue
            tail = False
            kept.append(raw)
            continue
        if _read_date_line(text, dates) or _read_byline(text, authors) or _read_meta_strip(text, dates, authors):
            continue
        if _is_drop(text) or _link_row(raw) or (raw.lines and len(raw.lines) > 1 and all(_is_drop(line) for line in raw.lines)):
            orgs.extend(organisations(text))
            continue
        if tail and not notes and len(text) > R.BIO_MAX:
            tail = False  # a long paragraph is article prose again, not a bio (a note may be long)
        if tail or _is_aside(text):
            aside.append(text)
            continue
        kept.append(raw)
    kept = _set_aside_bios(kept, aside)
    blocks = _transcript(kept)
    if not marked_headings:
        blocks = _text_headings(blocks)
    blocks = _trim_headings(blocks)
    blocks = tuple(b for big in blocks for b in _split_giant(big))
    aside_t = tuple(dict.fromkeys(aside))
    disclosed: list[str] = []  # co-authors each write their own disclosure: all are named
    for text in aside_t:
        orgs.extend(organisations(text))
        bio = _is_bio(text)
        disclosure = R.DISCLOSURE_SUBJECT.match(text)
        if bio:
            authors.append(bio.group("name"))
        elif disclosure:
            disclosed.append(disclosure.group("name"))
    if disclosed:
        authors.append("; ".join(dict.fromkeys(disclosed)))
    meta = Meta(
        title=title or untitled(blocks),
        author=hints.get("author") or (authors[0] if authors else None) or _title_speaker(title)
        or hints.get("file_author"),
        organisation=hints.get("organisation") or (orgs[0] if orgs else None) or (footer_orgs[0] if footer_orgs else None),
        # The format's own date first, then "Published" lines, then the first date line in reading order.
        date=_iso_date(hints.get("date") or "") or (min(dates, key=lambda d: d[0])[1] if dates else None)
        or hints.get("file_date"),
        source_url=hints.get("source_url"),
    )
    return Document(meta=meta, blocks=blocks, aside=aside_t)


def _read_outside(raw: _Raw, dates: list[tuple[int, str]], authors: list[str], orgs: list[str], aside: list[str]) -> None:
    """A block around the main content gives metadata only: a date line, a byline, a
    copyright line's publisher, a bio or a disclosure (set aside). It is never body."""
    text = raw.text
    if _read_date_line(text, dates) or _read_byline(text, authors):
        return
    if _is_drop(text):
        orgs.extend(organisations(text))
    elif raw.region == "after" and (_is_aside(text) or (raw.kind == "paragraph" and _is_bio(text))):
        aside.append(text)


def _title_speaker(title: str | None) -> str | None:
    """Who speaks or signs, as a government title says it: "Remarks by President Biden on ..."."""
    m = R.TITLE_BYLINE.match(title or "")
    return _clean_name(m.group("names")) if m else None


def _link_row(raw: _Raw) -> bool:
    """A navigation, breadcrumb or share row: a block that is mostly the text of its links."""
    if not raw.link_chars or len(raw.text) > R.LINK_ROW_MAX_CHARS:
        return False
    share = raw.link_chars / len(raw.text)
    return share >= R.LINK_ROW_SHARE and (len(raw.links) >= 2 or raw.link_chars >= len(raw.text) * 0.9 and len(raw.text) <= R.SHORT_BLOCK)


def _meta_row(raw: _Raw) -> bool:
    """A short block that is a metadata row ("Authors: X", "Report No.: IN1 Version: 4"), read above."""
    return raw.kind == "paragraph" and len(raw.text) <= R.META_ROW_MAX and split_meta_pairs(raw.text) is not None


def _drop_venue(raws: list[_Raw]) -> list[_Raw]:
    """Drop the venue/dateline lines above a transcript's opening time stamp.

    A date line or byline among them stays, for the metadata (a printed page shows its date
    above the venue).
    """
    def carries_meta(r: _Raw) -> bool:
        return _read_date_line(r.text, []) or bool(R.BYLINE.match(r.text))

    for i, raw in enumerate(raws[:R.VENUE_MAX_LINES + 3]):
        if raw.kind == "paragraph" and R.TIME_STAMP.match(raw.text):
            before = [r for r in raws[:i] if r.region == "body" and not carries_meta(r)]
            if len(before) <= R.VENUE_MAX_LINES and all(
                    _venue_line(line) for r in before for line in (r.lines or (r.text,))):
                return [r for r in raws[:i] if r.region != "body" or carries_meta(r)] + raws[i:]
            return raws
    return raws


def _venue_line(text: str) -> bool:
    """A short line that is not a sentence: a place ("East Room") or a city and state."""
    return (
        len(text) <= R.VENUE_MAX_CHARS and (text[-1] not in ".!?”\"" or R.ENDS_WITH_INITIALS.search(text) is not None)
        and not R.BYLINE.match(text) and not _read_date_line(text, [])  # those carry metadata
    )


def _take_title(raws: list[_Raw], hints: dict[str, str], marked_headings: bool) -> tuple[str | None, list[_Raw]]:
    """The article's title, and the blocks without the one that gave it.

    Short blocks above the title (a web page's breadcrumb, a product label, a masthead)
    are page furniture: they are marked ``before``, read for metadata only.
    """
    title = hints.get("title")
    top = _top(raws)
    if title:
        # The body often repeats the declared title as its first heading.
        for i in top:
            if _same_words(raws[i].text, title):
                return title, _above_title(raws, i)
        # Further down, below nothing but short lines: a saved page's menus stand above it.
        for i, raw in enumerate(raws):
            if len(raw.text) > R.SHORT_BLOCK and raw.region == "body":
                break
            if _same_words(raw.text, title):
                return title, _above_title(raws, i)
        return title, raws
    # An h1 or a block marked as the title, near the top.
    for i in top:
        if raws[i].title_like and _title_ok(raws[i].text):
            return raws[i].text, _above_title(raws, i)
    # A first line that reads as a title, followed by more text.
    body = [i for i, r in enumerate(raws) if r.region == "body"]
    first_i = next((i for i, r in enumerate(raws)
                    if not _is_drop(r.text) and not _link_row(r) and r.region != "after" and not r.site_name), None)
    if len(body) > 1 and first_i is not None and first_i <= body[0]:
        first = raws[first_i]
        if first.kind == "paragraph" and _title_ok(first.text) and first.text[-1] not in "!?" \
                and not speaker_label(first.text) \
                and not R.REPORT_HEADER.match(first.text) and not first.meta_table \
                and not R.BYLINE.match(first.text) and not _read_date_line(first.text, []):
            return first.text, raws[:first_i] + raws[first_i + 1:]
        if first.kind == "heading" and _title_ok(first.text):
            return first.text, raws[:first_i] + raws[first_i + 1:]
    # The first heading, when only a few short lines (a site's name, its motto) stand above it.
    above = 0
    for i in top:
        raw = raws[i]
        if raw.kind == "heading" and raw.region == "body" and _title_ok(raw.text):
            return raw.text, _above_title(raws, i)
        if raw.region == "body":
            above += 1
            if len(raw.text) > R.SHORT_BLOCK or above > R.MASTHEAD_MAX_LINES:
                break
    page = hints.get("page_title")
    if page:
        page = re.split(r"\s+[|–—]\s+|\s+-\s+", page)[0]
    return page or None, raws


def _same_words(a: str, b: str) -> bool:
    """Whether two texts are the same words (case, spacing and control characters aside;
    a page's metadata and its text do not always keep the same stray controls)."""
    def key(s: str) -> str:
        return " ".join("".join(ch for ch in s if unicodedata.category(ch)[0] != "C").casefold().split())
    return key(a) == key(b)


def _top(raws: list[_Raw]) -> list[int]:
    """Indexes of the blocks where a title may be: the page's masthead (``before``) and the
    first TITLE_SEARCH_BLOCKS blocks of the main content."""
    out: list[int] = []
    body = 0
    for i, raw in enumerate(raws):
        if raw.region == "after" or body >= R.TITLE_SEARCH_BLOCKS:
            break
        out.append(i)
        body += raw.region == "body"
    return out


def _above_title(raws: list[_Raw], i: int) -> list[_Raw]:
    """The blocks without the title at ``i``; short blocks above it become ``before``."""
    above = raws[:i]
    # ... unless nothing would be left below it to read as the article
    text_below = any(r.kind == "paragraph" and r.region == "body" for r in raws[i + 1:])
    if text_below and all(len(r.text) <= R.SHORT_BLOCK for r in above):
        above = [replace(r, region="before") if r.region == "body" else r for r in above]
    return above + raws[i + 1:]


def untitled(blocks: tuple[Block, ...]) -> str | None:
    """A title for an article that states none: its first heading, else its first sentence.

    Never the file name. A long first sentence is cut after TITLE_FALLBACK_WORDS words.
    """
    if blocks and blocks[0].kind == "heading" and _title_ok(blocks[0].text):
        return blocks[0].text
    first = next((b.text for b in blocks if b.kind == "paragraph"), None)
    if not first:
        return None
    sentences = split_sentences(first)
    sentence = (sentences[0].text if sentences else first).strip()
    words = sentence.split()
    if len(words) > R.TITLE_FALLBACK_WORDS:
        return " ".join(words[:R.TITLE_FALLBACK_WORDS]).rstrip(",;:") + "…"
    return sentence


def _read_date_line(text: str, dates: list[tuple[int, str]]) -> bool:
    """Record the date of a date line or report header; True when the block is one."""
    if len(text) > 80:
        return False
    header = R.REPORT_HEADER.match(text)
    dated = R.DATE_LINE.match(text)
    iso = _iso_date(text)
    if iso is None:
        return False
    bare = re.fullmatch(r"[\w ,.\-/]{0,40}", text) is not None and not re.search(r"[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}", text)
    if not (header or dated or bare):
        return False
    low = text.lower()
    priority = 0 if low.startswith(("published", "posted", "released")) else 1
    dates.append((priority, iso))
    return True


def _read_meta_table(lines: tuple[str, ...], hints: dict[str, str]) -> None:
    """Fill missing hints from "Key: value" lines (a metadata table in plain text)."""
    data: dict[str, object] = {}
    for line in lines:
        key, _, value = line.partition(":")
        data.setdefault(key.strip().lower(), value.strip())
    for field, value in hints_from_mapping(data).items():
        hints.setdefault(field, value)


def _read_meta_strip(text: str, dates: list[tuple[int, str]], authors: list[str]) -> bool:
    """A blog's meta row, "Ann Poe — 2013-09-29 — in Code — Permalink": short pieces
    between dashes or bars, one of them a date. The date and a leading name are read; True
    when the block is one."""
    if len(text) > R.SHORT_BLOCK:
        return False
    pieces = [p for p in R.META_STRIP_SEPARATOR.split(text) if p]
    if len(pieces) < 3 or any(len(p) > R.META_STRIP_PIECE for p in pieces):
        return False
    dated = [iso for iso in (_iso_date(p) for p in pieces) if iso]
    if not dated:
        return False
    dates.append((1, dated[0]))
    if R.PERSON_NAME.fullmatch(pieces[0]):
        authors.append(pieces[0])
    return True


def _read_byline(text: str, authors: list[str]) -> bool:
    """Record the names of a "By X" byline; True when the block is one."""
    if len(text) > 120:
        return False
    m = R.BYLINE.match(text)
    if not m or not m.group("names")[0].isupper():
        return False
    authors.append(_clean_name(m.group("names")))
    return True


def organisations(text: str) -> list[str]:
    """Publishers a notice names: "produced by the X, Inc.", "© 2024 X"."""
    found = []
    for rx in R.ORGANISATION:
        m = rx.search(text)
        if m:
            org = _clean_name(m.group("org"))
            if org and org[0].isupper() and not org.lower().startswith(("all rights", "the author")):
                found.append(org)
    return found


def _set_aside_bios(kept: list[_Raw], aside: list[str]) -> list[_Raw]:
    """Move author bios out of the body; only at its very start or end, where bios live.

    A body sentence can have a bio's shape ("Jane Roe is a professor at X who said..."),
    so only the leading and trailing runs of bio-shaped paragraphs are taken.
    """
    def bio(raw: _Raw) -> bool:
        return raw.kind == "paragraph" and (_is_bio(raw.text) is not None or R.FUNDING_NOTE.match(raw.text) is not None)

    end = len(kept)
    while end > 0 and (bio(kept[end - 1]) or kept[end - 1].kind == "heading"):
        end -= 1
    start = 0
    while start < end and bio(kept[start]):
        start += 1
    for raw in kept[:start] + kept[end:]:
        if raw.kind == "paragraph":
            aside.append(raw.text)
    return kept[start:end]


def _transcript(kept: list[_Raw]) -> tuple[Block, ...]:
    """Blocks with speaker turns read: labels off, speakers on, stage directions out."""
    labelled = sum(1 for r in kept if r.kind == "paragraph" and speaker_label(r.text))
    if labelled < 2 and not _single_speaker(kept):
        return tuple(Block(r.kind, r.text, None, r.links, r.level if r.kind == "heading" else 0) for r in kept)
    out: list[Block] = []
    speaker: str | None = None
    started = False
    for raw in kept:
        text = raw.text
        if raw.kind == "heading":
            speaker = None
            out.append(Block("heading", text, level=raw.level))
            continue
        m = speaker_label(text)
        if m:
            started = True
            speaker = readable_speaker(label_of(m))
            text = text[m.end():]
        elif not started and len(text) <= 80 and text[-1] not in ".!?”\"":
            continue  # the place line ("East Room", "Via Teleconference") before the first turn
        if R.STAGE_ONLY.match(text):
            continue  # "(Laughter.)" on its own
        text = R.STAGE_AT_END.sub("", R.STAGE_AT_START.sub("", text)).strip()
        if text:
            out.append(Block("paragraph", text, speaker, raw.links))
    return tuple(out)


def _single_speaker(kept: list[_Raw]) -> bool:
    """A one-speaker speech: its only label opens the first sentence-like paragraph."""
    for raw in kept:
        if raw.kind != "paragraph":
            continue
        m = speaker_label(raw.text)
        if m:
            return len((m.group("label") or "").split()) >= R.SINGLE_LABEL_MIN_WORDS
        if len(raw.text) > 80 or raw.text[-1] in ".!?”\"":
            return False  # prose came first: the label is not a turn opener
    return False


def _text_headings(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Short standalone lines between paragraphs in plain text are subheadings."""
    out = list(blocks)
    spoken = any(b.speaker is not None for b in blocks)  # a question in a transcript is asked, not a heading
    for i, block in enumerate(out):
        if block.kind != "paragraph" or block.speaker is not None or i + 1 >= len(out):
            continue
        text = block.text
        question = not spoken and text[-1] == "?" and len(text.split()) <= R.QUESTION_HEADING_MAX_WORDS
        if (
            _title_ok(text, R.HEADING_MAX_CHARS, R.HEADING_MAX_WORDS)
            and (text[-1] not in R.HEADING_END_PUNCT + "”\"" or question)
            and out[i + 1].kind == "paragraph"
            and len(out[i + 1].text) > len(text)
            and (i == 0 or out[i - 1].kind == "paragraph")
        ):
            out[i] = replace(block, kind="heading", links=())
    return tuple(out)


def _trim_headings(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Drop headings with no paragraph after them (a trailing "Related" heading)."""
    out = list(blocks)
    while out and out[-1].kind == "heading":
        out.pop()
    return tuple(out)


def _split_giant(block: Block) -> tuple[Block, ...]:
    """A paragraph too long to read is cut at sentence ends (or, failing that, spaces)."""
    text = block.text
    if block.kind != "paragraph" or len(text) <= R.MAX_PARAGRAPH_CHARS:
        return (block,)
    cuts = [s.start for s in split_sentences(text)][1:]
    if not cuts:
        cuts = [m.start() + 1 for m in re.finditer(r" ", text)]
    pieces: list[str] = []
    start = 0
    for cut in cuts:
        if cut - start >= R.PARAGRAPH_TARGET:
            pieces.append(text[start:cut].strip())
            start = cut
    pieces.append(text[start:].strip())
    return tuple(Block("paragraph", p, block.speaker, block.links if i == 0 else ()) for i, p in enumerate(pieces) if p)
