"""Data for the clean stage: tag lists, boilerplate and label patterns, each with its reason.

Kept apart from the code (as trafilatura keeps its XPath lists) so a new kind of
boilerplate is one line here, with the reason beside it. Every pattern is anchored and
free of nested quantifiers, so a megabyte-long paragraph costs one linear scan at most.
"""

from __future__ import annotations

import re

# --- HTML ---------------------------------------------------------------------------
# trafilatura chooses a page's main content (readers/html.py); these only say how a tree
# becomes blocks, and which parts of the whole page are read for metadata only.

# Elements that never hold article text: code, embeds, controls, the document head.
# A <form> is NOT here: some sites wrap the whole page in one, and dropping it dropped the
# article. Struck-through text (<s>, <del>) is not here either: transcripts write
# "<s>400</s> [4,000]", and both the withdrawn word and the correction are the source's words.
NOISE_TAGS: tuple[str, ...] = (
    "script", "style", "iframe", "noscript", "svg", "template", "head", "select", "option",
    "button", "input", "textarea", "canvas", "video", "audio", "object", "embed", "map",
    "figcaption",
)

# End tags the parser would stop at; browsers read on, so briefgen drops them before parsing.
STRAY_END_TAGS = re.compile(r"(?i)</(?:body|html)\s*>")

# Page chrome: text inside these is read for metadata (a title, a byline, a copyright
# line's publisher) when briefgen reads a whole page, never as body.
CHROME_TAGS: frozenset[str] = frozenset({"nav", "header", "footer", "aside", "menu", "dialog"})

# Elements that flow inside a line of text: removing them must not add a space, or
# "<span>assess</span><span>ed</span>" would read "assess ed" and "21<sup>st</sup>" "21 st".
# "hi" and "ref" are trafilatura's names for formatting and links.
INLINE_TAGS: frozenset[str] = frozenset({
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn",
    "em", "font", "i", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span",
    "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "nobr", "img",
    "hi", "ref", "math",
})

# A <code> element directly inside one of these is a code block, not a word in a sentence
# (inline code inside a paragraph stays: it is part of the sentence's words).
CODE_BLOCK_PARENTS: frozenset[str] = frozenset({"body", "div", "section", "article", "main", "quote", "blockquote", "item", "li", "cell", "td"})

# Heading elements and their level; h1 is usually the title.
HEADING_TAGS: dict[str, int] = {f"h{n}": n for n in range(1, 7)}

# class words of an element that holds a page's title when it is not an <h1>.
TITLE_CLASS = re.compile(r"(?i)\b(?:title|headline|entry-title|post-title|article-title)\b")

# A link to a site's home page: "/", "./", "index.html", "https://example.org/".
HOME_HREF = re.compile(r"(?i)^(?:\.?/|/?index\.html?|https?://[^/?#]+/?)$")
# What separates an article's title from the section and site names in a <title> element.
TITLE_SEPARATOR = re.compile(r"\s+[|–—·»]\s+|\s+-\s+")

# Link schemes safe to keep as a link; anything else (javascript:, data:, vbscript:) is dropped.
SAFE_LINK_SCHEMES: tuple[str, ...] = ("http://", "https://", "mailto:")

# A table whose every cell is shorter than this is data or page metadata, not prose.
TABLE_PROSE_CELL = 200

# A navigation, breadcrumb or share row: a block of at most LINK_ROW_MAX_CHARS whose text
# is at least LINK_ROW_SHARE link text (two links or more, or one link that is the whole
# short block, as "Download PDF"). A sentence with a link or two in it is far below.
LINK_ROW_MAX_CHARS = 400
LINK_ROW_SHARE = 0.7

# --- Markdown -----------------------------------------------------------------------

# Raw HTML elements in Markdown whose content is code or an embed, never prose: dropped
# with their content before rendering, so a stray unclosed "<script>" cannot swallow the
# article. The attribute run is bounded so a line of many "<script" costs linear time.
MD_RAW_DROP_OPEN = re.compile(r"<(script|style|iframe|noscript|template|textarea|svg|object|math)\b[^>\n]{0,2000}>", re.I)
# Strong emphasis with its closing marker after a space ("**Lebanon. **"), on one line; the
# opening marker must touch a word, so "a ** b ** c" (arithmetic) is left alone.
MD_LOOSE_STRONG = re.compile(r"(\*\*|__)(\S[^*_\n]{0,300}?)\s+\1(?!\w)( ?)")
# Markdown block syntax that `briefgen check` reads in the generated pages.
MD_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$")
MD_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
MD_FENCE = re.compile(r"^ {0,3}(```|~~~)")
FRONT_MATTER = re.compile(r"\A(?:[ \t]*\n)*---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)

# Front-matter keys that mean each Meta field, in order of preference.
FRONT_MATTER_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "name"),
    "author": ("author", "authors", "byline", "by", "creator", "written by"),
    "organisation": ("organisation", "organization", "publisher", "site_name", "source", "site", "agency", "institution"),
    "date": ("date", "published", "published_time", "published_at", "pubdate", "publication date", "date published",
             "release date", "created", "updated", "modified_time", "last updated"),
    # "Source:" is a name (organisation) or an address (source_url); each field takes only its kind.
    "source_url": ("source_url", "url", "canonical_url", "canonical", "link", "original_url", "source"),
}

# --- Boilerplate ----------------------------------------------------------------------
# Whole-block patterns, matched at the start of a block's text (case-insensitive).
# DROP: chrome with no content worth keeping. ASIDE: prose about the article (bios,
# disclaimers, disclosures) that is not body but defines acronyms and names the author.

# Blocks longer than this are never one-line chrome: a share bar or a credit is short.
SHORT_BLOCK = 160

# Chrome lines, only tested on short blocks (SHORT_BLOCK).
DROP_SHORT: tuple[re.Pattern[str], ...] = tuple(re.compile(p, re.I) for p in (
    r"^share (?:this|on|via|the|article|story|post|page)\b",      # share bars
    r"^(?:share|tweet|email|print|pin it|copy link)\s*$",           # lone share buttons
    r"^(?:image|photo|picture|video|graphic|map|chart|illustration|figure|fig\.)\s*(?:source|credit|courtesy)?s?\s*[:|]",  # captions, credits
    r"^(?:sources?|credits?|courtesy|photograph)\s*:",               # credit lines ("Source: Reuters")
    r"^(?:photo by|image by|image via|getty images|ap photo|file photo)\b",
    r"^(?:read|see) (?:more|also|next|the full|the report)\b",      # promos
    # promo headers: the word alone or with a colon, so a body sentence "Related concerns..." stays
    r"^(?:related|recommended|more from [^.!?]{1,40}|more on this|further reading|you may also like|most popular|trending)(?:\s+(?:articles?|posts?|stories|content|reading|links|topics|videos?))?\s*(?::|$)",
    r"^(?:sign up|subscribe|join our|get our|follow us|follow (?:him|her|them|me) on|like us on|newsletter)\b",
    r"^follow\s+[\w&.\-]+(?:\s+on\s+\w+)?\s*$",  # "Follow NCBI", "Follow AP on X"
    r"^(?:cite this|citation|download (?:the )?(?:pdf|report|full)|print (?:this|article|page)|version history|permalink)\b",
    r"^(?:copyright\s*(?:©|\(c\)|\d{4})|all rights reserved|©|\(c\)\s*\d{4})",  # copyright lines
    r"^(?:home|news|articles?|analysis|commentary|publications?)\s*(?:[>/»›|]\s*[^>/»›|]+)+$",  # breadcrumbs
    r"^(?:tags?|topics?|categories|filed under|keywords)\s*:",       # tag lists
    r"^(?:about the authors?|about this (?:article|author|report)|author bios?|notes?|footnotes|endnotes|references|sources)\s*:?\s*$",
    r"^(?:advertisement|sponsored|(?:skip|jump) to (?:the )?(?:main )?(?:content|text)|back to top|table of contents|listen to this article)\b",
    r"^(?:comments?|leave a (?:comment|reply)|\d+ comments?)\s*$",
    r"^(?:previous|next) (?:article|post|story)\b",
    r"^(?:end|\(end\))\s*(?:\d{1,2}:\d{2}\s*[ap]\.?\s*m\.?.*)?$",   # transcript end marker
    # press-release end marks: "###" (often escaped "\###" in Markdown, so read as text), "-30-"
    r"^(?:#{3,}|-\s?30\s?-|\*\s?\*\s?\*)\s*$",
    r"^(?:last )?(?:updated|modified|published|posted|released|reviewed)\b[^.!?]{0,60}$",  # date lines
    r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s[^.!?]{0,40}\d{4}$",  # dateline "Friday, March 12, 2021"
    r"^(?:for immediate release|press release|media contact|contact:)",
    # a bare link on a line of its own ("https://www.nasa.gov/neowise"), and pointers to one
    r"^(?:https?://|www\.)\S+$",
    r"^(?:for more (?:information|details)|to learn more|learn more|more information)\b[^.!?]{0,120}\b(?:visit|see|go to)\b[^!?]{0,100}$",
    r"^[^.!?]{0,80}\bcan be found (?:at|on)\s+(?:https?://|www\.)\S+$",
    # a contact block's lone e-mail address or phone number
    r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*$",
    r"^\+?\(?\d[\d\s().-]{6,18}\d$",
    # site footers and the US government's standard site banner (every .gov page has it)
    r"^(?:the )?official (?:web ?site|home ?page) of\b",
    r"^[^.!?]{0,120}\bis an equal opportunity employer\.?$",
    r"^(?:an official website of the united states government|official websites use \.gov|"
    r"secure \.gov websites use https|the \.gov means it[’']s official|the site is secure\.?$)",
    r"^(?:federal government websites often end in \.gov|the https:// ensures that you are connecting|"
    r"a \.gov website belongs to an official government organization|a lock \()",
    # a web page's controls saved as text: "Hide Overview", "Show more", "Expand all", and
    # lone control labels ("Close", "Yes", "No") with no punctuation, which no sentence is
    r"^(?:show|hide|expand|collapse|toggle)(?:\s+\w+){0,2}\s*$",
    r"^(?:close|menu|account|log ?in|log ?out|sign ?in|sign ?out|search|yes|no|submit|cancel|back|skip|more|less|top)$",
    r"^(?:was this (?:content|page|article|information) (?:helpful|useful)\??|logged in as:?|here[’']s how you know)$",
    # a version list row: "April 9, 2026 (IN12678 - Version: 2)", "Version 3 (PDF)"
    r"^[^.!?]{0,60}\bversion\s*:?\s*\d{1,3}\b[^.!?]{0,40}$",

    r"^(?:by|written by|words by|story by)\s+(?-i:[A-Z])[^.!?]{0,100}$",   # bylines (the author is read before this drops it)
))

# A site's postal address or switchboard: a block with a US state and ZIP code or a phone
# number that is not a sentence (a sentence ends in a stop: "Call (651) 555-0100 for help.").
CONTACT_BLOCK = re.compile(r"\b[A-Z]{2}\s\d{5}(?:-\d{4})?\b|\(\d{3}\)\s?\d{3}-\d{4}")
CONTACT_MAX_CHARS = 300

# Chrome at any length: a promo's colon makes it one, however long the title it links
# ("Read more: I'm a physicist who worked on ... – here's how ...").
DROP_ANY: tuple[re.Pattern[str], ...] = tuple(re.compile(p, re.I) for p in (
    r"^(?:read|see|watch|listen) (?:more|also|next|related)\s*:",
))

# Arrows and bullets a site puts before its controls ("› Back to Top", "» Read more"):
# not words, so chrome is judged without them.
LEADING_GLYPHS = re.compile(r"^[›»>•·▸▶→]+\s*")

# Prose about the article rather than of it: kept in Document.aside for the glossary and meta.
ASIDE: tuple[re.Pattern[str], ...] = tuple(re.compile(p, re.I) for p in (
    # disclosure statement (The Conversation and others)
    r"^[^.!?]{2,80}?\s(?:does|do) not work for, consult, own shares in or receive funding from",
    r"^[^.!?]{2,80}?\s(?:has|have) (?:disclosed no|no relevant|no conflicts?)",
    # the same statement in The Conversation's Portuguese, Spanish, French and Indonesian editions
    r"^[^.!?]{2,80}?\s(?:não presta consultoria|no recibe salario|ne travaille pas|tidak bekerja)",
    # publisher disclaimers
    r"^(?:this (?:article|report|commentary|analysis|piece|publication|paper|brief) (?:is|was) (?:produced|published|written|prepared|made available))",
    r"^(?:the )?(?:views|opinions|positions)(?:,? [a-z]+)*,? (?:expressed|stated|presented)",
    r"^all views,? positions,? and conclusions",
    r"^(?:disclaimer|disclosure|editor[’']s note|correction)\s*:",
    r"^(?:this|the) (?:article|piece|story) (?:is|was) republished from",
    r"^(?:[a-z ]+ )?is (?:a )?(?:non-?profit|nonpartisan|independent)[^.]{0,80}(?:organi[sz]ation|institution|think tank|institute)",
    # a writer's credit line closing a story: "Smith, a Media Fusion employee, supports the
    # Office of Communications." (a contractor's byline, not the story's own prose)
    r"^[A-ZÀ-ÖØ-Þ][\w’'\-]+(?:\s[A-ZÀ-ÖØ-Þ][\w’'.\-]+){0,3},\san?\s[^,.!?]{1,60}\s(?:employee|contractor|intern),\s(?:supports|works (?:for|in|with|on))\b[^!?]{0,150}$",
))

# An author bio: "Name is a/an/the <role> at/with/of <org>". Tested on short blocks only,
# because a body sentence ("Moscow is a partner of Beijing") can have the same shape, so
# the subject must look like a personal name (two to four capitalised words) and the role
# must be a job word.
BIO = re.compile(
    # accented capitals too ("Magnus Öberg"); the role is matched case-blind, since bios
    # capitalise it ("is Director of", "is an Associate Professor at")
    r"^(?P<name>(?:(?:Dr|Prof|Mr|Mrs|Ms)\.\s)?[A-ZÀ-ÖØ-Þ][\w’'\-]+(?:\s(?:[A-ZÀ-ÖØ-Þ]\.|[A-ZÀ-ÖØ-Þ][\w’'\-]+)){1,3})"
    r"\s(?:is|was|serves as|works as)\s(?:an?|the|currently an?|currently the|also an?)?\s?"
    r"(?:[\w\-]+\s){0,4}?"
    r"(?P<role>(?i:co-author|intern|fellow|senior fellow|research fellow|professor|lecturer|reader|researcher|"
    r"analyst|director|editor|correspondent|reporter|journalist|writer|contributor|associate|"
    r"scholar|student|candidate|scientist|economist|historian|adviser|advisor|specialist|"
    r"expert|author|chair|head|manager|officer|member|founder|president|partner|consultant|"
    r"coordinator|assistant|program|programme|visiting))\b"
)
BIO_MAX = 600

# Funding notes have a body sentence's shape ("The institute receives funding from ..."),
# so like bios they are set aside only in the article's leading or trailing run.
# Past tense and qualifiers too ("X received funding from", "X has previously received
# relevant research funding from"), and the other disclosure shapes: "X has no ..." and
# "X is a trustee/member of ...". A disclosure may lack its full stop.
_NAME = r"[A-ZÀ-ÖØ-Þ][\w’'\-]+(?:\s(?:[A-ZÀ-ÖØ-Þ]\.|[A-ZÀ-ÖØ-Þ][\w’'\-]+)){1,3}"
_FUNDING = (
    r"(?:(?:has|have)\s)?(?:previously\s|also\s|currently\s)?(?:receives?|received)\s"
    r"(?:[\w\-]+\s){0,3}?funding\sfrom"
    # plural nouns only, so a body sentence "X has no interest in peace" never matches
    r"|(?:has|have)\sno\s(?:[\w\-]+\s){0,3}?(?:interests|affiliations|conflicts)\b"
    # roles a disclosure names; plain "member"/"fellow" are left to BIO (a job, not a tie)
    r"|(?:is|was)\san?\s(?:unpaid\s|honorary\s)?(?:trustee|board\smember|unpaid\s\w+)\sof"
    # "X is part of the Y Programme, ... funded by": a tie to a named organisation
    r"|(?:is|was)\spart\sof\sthe\s[A-Z]"
    # holdings and past service: "X owns shares in Y", "X served as a specialist with Y"
    r"|(?:owns?|holds?|has\sheld)\s(?:[\w\-]+\s){0,2}?shares\sin"
    r"|(?:has\s)?(?:previously\s)?served\sas\san?\s"
    # the same disclosure in The Conversation's other-language editions (pt, es, fr, id)
    r"|não\spresta\sconsultoria|no\srecibe\ssalario|ne\stravaille\spas|tidak\sbekerja"
)
FUNDING_NOTE = re.compile(
    r"^(?:" + _NAME + r")\s(?:" + _FUNDING + r")"
    # the work itself: "The study was funded by ...", "This research is supported by ..."
    r"|^(?:[Tt]he|[Tt]his)\s(?:study|research|project|survey|work|fieldwork|analysis)\s(?:(?:was|is|has\sbeen)\s)?"
    r"(?:(?:partly|partially|jointly|generously)\s)?(?:funded|supported|financed)\sby"
)

# A table's caption ("Table 1. Rounds of Talks", "Figure 2: Trade") and its note line
# ("Note: * In 2015, ..."): short blocks that label data, set aside rather than read as body.
TABLE_NOTE = re.compile(
    r"(?i)^(?:(?:table|figure|fig\.|exhibit|chart|graph|box)\s+[A-Z]?\d{1,3}(?:[.\-]\d{1,3})?\s*[.:]\s+\S"
    r"|notes?\s*:\s*\S)"
)
# A table whose first non-empty cell is such a caption is a figure or table box as a whole
# (research-service layout: caption cell, image cell, then a "Source: ..." cell that may be
# long, with a URL). All its cells are furniture, set aside however long they are.
TABLE_CAPTION = re.compile(
    r"(?i)^(?:table|figure|fig\.|exhibit|chart|graph|box)\s+[A-Z]?\d{1,3}(?:[.\-]\d{1,3})?\s*[.:]\s+\S"
)
# A dropped data table's parent element that holds only its furniture (caption, notes,
# source) when its text is at most this long; a bigger parent also holds article prose.
TABLE_WRAPPER_TAGS: frozenset[str] = frozenset({"div", "figure", "section"})
TABLE_FURNITURE_MAX_CHARS = 600

# Metadata rows: "Key: value" with these keys, as a plain-text block of such lines, a
# two-column table, or a web page's row ("Report No.: IN12678 Version: 4 Source: https://...",
# several pairs on one line). Read into the metadata and dropped from the body.
_META_KEYS = (
    r"title|headline|authors?|by|byline|written by|date|published|publication date|date published|"
    r"release date|updated|last updated|posted|source|publisher|organi[sz]ation|agency|url|link|tags?|"
    r"categor(?:y|ies)|topics?|type|language|licen[cs]e|word count|reading time|section|series|"
    r"report (?:no\.?|number)|product (?:no\.?|number)|version|doi|isbn"
)
META_TABLE_KEYS = re.compile(r"(?i)^(?:" + _META_KEYS + r")\s*:\s*\S")
# Each key of a row, where it starts (at the start, or after a space or a cell's pipe).
META_ROW_KEY = re.compile(r"(?i)(?:^|(?<=[\s|]))(?P<key>" + _META_KEYS + r")\s*:\s*")
# A metadata row is short; a longer block that opens "Source: ..." is prose.
META_ROW_MAX = 200

# "About the author" and friends open a trailing section whose blocks are set aside.
TAIL_SECTION = re.compile(
    r"(?i)^(?:about the authors?|about this (?:author|article)|author bios?|the authors?|"
    r"notes|footnotes|endnotes|references|sources|bibliography|further reading|related (?:articles|posts|content|reading)|"
    # a release's closing contacts: "News Media Contacts", "Press Contact", "Media Inquiries"
    r"(?:news\s+)?media\s+(?:contacts?|inquiries)|press\s+contacts?|"
    # a research service's reading list closing a report: "CRS Resources", "Related CRS Products"
    r"(?:(?:related|additional|other)\s+)?(?:(?-i:[A-Z]{2,6})\s+)?(?:resources|products))\s*:?\s*$"
)

# The tail sections that hold notes: a long note there is still a note, not prose again.
NOTES_SECTION = re.compile(r"(?i)^(?:notes|footnotes|endnotes|references|sources|bibliography)\s*:?\s*$")

# A tail section opened by a line of text (not a heading) holds at most this share of the
# main content's text after it; more, and the line is a mid-article label ("Notes:" before
# a list of points).
TAIL_MAX_SHARE = 0.35

# --- Metadata -------------------------------------------------------------------------

MONTHS: dict[str, int] = {
    m: i for i, names in enumerate((
        ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
        ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
        ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
    ), start=1) for m in names
}
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
# Dates as articles write them: "March 3, 2025", "3 March 2025", "2025-03-03".
DATE_MDY = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I)
DATE_DMY = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I)
# A date in numbers only, "09/16/2026", "16.09.2026", "2026/09/16": read by dateparser.
DATE_NUMERIC = re.compile(r"(?<![\d/.])(?:\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})|\d{4}/\d{1,2}/\d{1,2})(?![\d/]|\.\d)")
# A PDF's document-info date: "D:20250303120000+01'00'".
DATE_PDF = re.compile(r"^D:(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})")
DATE_ISO = re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)")  # also inside "2024-05-02T10:00Z"

# A report header: a date line plus a report number, "Updated March 3, 2025 (R12345)".
REPORT_HEADER = re.compile(
    r"^(?:(?:updated|published|released|revised|posted)\s+)?[^()]{0,40}\d{4}\s*\(?(?P<num>[A-Z]{1,5}[\-\s]?\d{2,6}[A-Z]?)\)?\s*$",
    re.I,
)
# Words that introduce a date line; "Updated" wins over "Published" only when no other is given.
DATE_LINE = re.compile(r"^(?:last )?(?:updated|published|posted|released|revised|modified|date)\b:?", re.I)

# "By Jane Doe", "By Jane Doe and John Roe, Senior Fellow": the byline's names.
# Initials keep their full stop ("By Elizabeth M. Jarrell").
BYLINE = re.compile(r"^(?:by|written by|words by|story by)\s+(?P<names>[A-Z](?:[^.!?\n|]|(?<=\b[A-Z])\.){1,100}?)\s*(?:[,|–—-]\s.*)?$", re.I)

# A government release names its speaker or signatory in its title: "Remarks by President
# Biden on ...", "Statement by NSC Spokesperson Jane Roe on ...", "Press Call by ...". The
# names end at the first preposition or comma ("..., Prime Minister Roe of X, and ...").
TITLE_BYLINE = re.compile(
    r"(?i)^(?:(?:joint\s)?(?:remarks|statement|readout|letter|message|press\s(?:briefing|gaggle|call|conference)|"
    r"on-the-record\spress\scall|background\spress\scall|op-ed|testimony|interview|address|speech))"
    r"(?:\sas\sprepared(?:\sfor\sdelivery)?)?\sby\s"
    r"(?P<names>(?-i:[A-Z])[^,;:]{1,80}?)(?=\s(?:of|on|at|to|in|before|during|for|regarding|after|following|with|ahead)\s|,|;|:|$)"
)

# A blog's meta row: short pieces between dashes, bars or dots, one a date:
# "Ann Poe — 2013-09-29 — in Code — Permalink — License".
META_STRIP_SEPARATOR = re.compile(r"\s*(?:—|–|\||·|•)\s*")
META_STRIP_PIECE = 40
# A person's name on its own: two to four capitalised words ("Ann Poe", "Jean-Luc de Roe").
PERSON_NAME = re.compile(_NAME)

# "X does not work for..." / "X has disclosed...": the subject of a disclosure is the author.
DISCLOSURE_SUBJECT = re.compile(
    r"^(?P<name>" + _NAME + r")\s(?:does not work for|has disclosed|" + _FUNDING + r")"
)

# Who published it: "produced by the X, Inc. (X)", "published by X", "© 2024 X".
ORGANISATION = (
    re.compile(r"\b(?:produced|published) by (?:the )?(?P<org>[A-Z][^,.;()]{2,100}?)(?:,? (?:Inc|Ltd|LLC|Corp|Co)\b\.?)?\s*(?:\(|,|\.|;|$)"),
    re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?:the )?(?P<org>[A-Z][^,.;()|]{2,80}?)(?:,? (?:Inc|Ltd|LLC|Corp|Co)\b\.?)?\s*(?:\.|,|;|\||all rights|$)", re.I),
)

# --- Transcripts ----------------------------------------------------------------------

# Speaker labels ("THE PRESIDENT:") and how they read are one definition for every
# stage: briefgen.analysis.lexicon and briefgen.analysis.speakers.
# A transcript with one label only (a single-speaker speech) opens with it; a lone label is
# read as a speaker when it has two words or more ("THE PRESIDENT:"), since a one-word
# upper-case lead ("WASHINGTON:") is more often a dateline than a speaker.
SINGLE_LABEL_MIN_WORDS = 2

# Stage directions at a turn's start or end: "(As interpreted.)", "(Laughter.)", "(Applause.)".
STAGE_DIRECTION = r"\((?:[Aa]s interpreted|[Ll]aughter|[Aa]pplause|[Cc]ross-?talk|[Ii]naudible|[Ii]n [A-Z][a-z]+|[Ss]peaks? [^)]{1,30}|[Pp]ause|[Mm]usic|[Oo]ff-?mic|[Ss]ic|[A-Z][a-z]+ (?:interpretation|translation))[^()]{0,40}\)"
STAGE_AT_START = re.compile(r"^(?:" + STAGE_DIRECTION + r"\s*)+")
STAGE_AT_END = re.compile(r"(?:\s*" + STAGE_DIRECTION + r")+$")
STAGE_ONLY = re.compile(r"^\([^()]{1,60}\)$")

# Transcript time stamps: "8:32 A.M. EST", "10:05 a.m. ET".
TIME_STAMP = re.compile(r"^\d{1,2}:\d{2}\s*[AaPp]\.?\s*[Mm]\.?(?:\s*[A-Z]{2,4})?\.?$")
# Lines above a transcript's opening time stamp are its venue or dateline ("Rose Garden",
# "Troy, Alabama"), never subheadings: up to this many lines, each at most this long.
VENUE_MAX_LINES = 4
VENUE_MAX_CHARS = 100
# A place line may end in initials, not a full stop: "Washington, D.C.", "New York, N.Y."
ENDS_WITH_INITIALS = re.compile(r"\b(?:[A-Z]\.){2,}$")

# --- Plain-text structure -------------------------------------------------------------

# A standalone heading line in plain text: short, no terminal punctuation.
HEADING_MAX_CHARS = 100
HEADING_MAX_WORDS = 14
HEADING_END_PUNCT = ".!?;:,"
# A short standalone question ("Where does this leave us?") between prose paragraphs is a
# subheading too, outside transcripts; longer questions are rhetorical body lines.
QUESTION_HEADING_MAX_WORDS = 10
# A title: a little longer than a heading is allowed ("Remarks by ... Summit").
TITLE_MAX_CHARS = 200
TITLE_MAX_WORDS = 30
# The title is looked for among the first blocks only (a page may open with a few lines of chrome).
TITLE_SEARCH_BLOCKS = 8
# With no title marked, the first heading is the title when at most this many short lines
# (a site's name, its motto) stand above it.
MASTHEAD_MAX_LINES = 3
# An article that states no title is titled by its first heading, else its first sentence,
# cut after this many words ("…" marks the cut).
TITLE_FALLBACK_WORDS = 14

# A line longer than this is not hard-wrapped: each such line is its own paragraph.
WRAP_WIDTH = 100

# A hard-wrapped text with no blank lines at all still has paragraphs: a wrapper fills
# each line of a paragraph until the next word does not fit, so inside a block of at
# least WRAP_MIN_LINES lines, a line that had room for the next line's first word (the
# block's longest line taken as the width) ended a paragraph. Short blocks are left
# alone: an address or a two-line heading is not wrapped prose.
WRAP_MIN_LINES = 6

# A block longer than this with no paragraph breaks is split at sentence ends into
# paragraphs of about PARAGRAPH_TARGET characters, so one giant line still reads.
MAX_PARAGRAPH_CHARS = 4000
PARAGRAPH_TARGET = 1200

# --- PDF and Word -------------------------------------------------------------------
# How readers/pdf.py reads a page's layout. Calibrated together on printed dev articles
# (benchmarks/formats.py) and real reports; change one and re-measure the set.

# Characters this many points above or below a line still belong to it (superscripts, note marks).
PDF_LINE_TOLERANCE = 4.5
# A font whose name says bold (or heavier): "DejaVuSerif-Bold", "Arial,Bold", "Lato-Black".
PDF_BOLD_FONT = re.compile(r"(?i)bold|black|heavy|semibold|demi")
# Running headers and footers live in the top and bottom bands of a page (this share of its height).
PDF_MARGIN_BAND = 0.12
# Two lines on different pages are "at the same height" within this many points.
PDF_SAME_HEIGHT = 6
# A margin line is running when it repeats on at least this share of the pages (and on two at least).
PDF_RUNNING_SHARE = 0.4
# A page number on its own: "3", "- 3 -", "Page 3", "Page 3 of 9", "3 / 9", "iv".
PDF_PAGE_NUMBER = re.compile(r"(?i)^[\-–—(\[]?\s*(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|/)\s*\d{1,4})?\s*[\-–—)\]]?$")
# Type at least this much bigger than the body's is a heading.
PDF_HEADING_RATIO = 1.15
# Type at most this share of the body's, below a page's last body line, is a footnote.
PDF_FOOTNOTE_RATIO = 0.9
# A footnote opens with its number or mark: "1 ", "12. ", "* ", "† ".
PDF_NOTE_START = re.compile(r"^(?:\d{1,3}[.)]?\s|[*†‡§]\s?)")
# A line that stops this share of the column's width short of its right edge ends a paragraph.
PDF_SHORT_LINE = 0.12
# Text is justified when at least this share of its lines end at the same point (the edge);
# in ragged text the edge is where this share of the lines (sorted by where they end) end.
PDF_JUSTIFIED_SHARE = 0.2
PDF_RIGHT_EDGE_RANK = 0.8
# A gap between two characters of a line wider than this many type sizes separates table
# cells (a justified line's widest word space is about one).
PDF_CELL_GAP = 2.5
# A list item's first line: a bullet, or a number or letter with a stop or bracket.
PDF_LIST_MARK = re.compile(r"^(?:[•◦▪‣∙●○■□–-]\s|\(?(?:\d{1,2}|[a-z])[.)]\s)")
PDF_BULLET = re.compile(r"^[•◦▪‣∙●○■□]\s+")
# A first line indented by more than this many points opens a paragraph.
PDF_INDENT = 8
# A gap between lines of more than this many line steps separates paragraphs.
PDF_GAP_RATIO = 1.4
# Document-info titles that are a tool's or template's leftover, not the article's title.
PDF_JUNK_TITLE = re.compile(r"(?i)^(?:untitled|document\d*|doc\d*|microsoft word\b.*|slide \d+|title|presentation\d*)$|\.(?:docx?|pdf|indd|rtf|odt)$")
# Document-info authors that are an account or a tool, not a person who wrote the article.
PDF_JUNK_AUTHOR = re.compile(r"(?i)^(?:python-docx|administrator|admin|user|owner|windows user|microsoft office user|author|unknown)$")
