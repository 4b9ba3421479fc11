"""Data for the glossary stage: what a short form and a long form look like, and how far to look.

Generic shapes of acronym definitions in analytical prose; nothing names a particular
article's acronyms.
"""

from __future__ import annotations

import re

from briefgen.analysis.lexicon import DEMONYM_ENDINGS, ORG_HEADS

# A parenthetical with no nested parentheses, short enough to hold a short form or a
# long form. A negated class with a bound keeps the scan linear on a 1 MB line.
PARENTHETICAL = re.compile(r"\(([^()\n]{1,120})\)")

# One short form candidate: letters and digits, with the joiners acronyms use
# ("U.S.", "R&D", "COVID-19", "TCP/IP").
SHORT_FORM = re.compile(r"[A-Za-z0-9][A-Za-z0-9.&/\-]{0,14}")

# Words that open a parenthetical alternative but are not part of the short form:
# "(or DPRK)", "(hereafter PRC)", "(the UNSC)", "(also known as ...)".
SF_LEAD_WORDS = frozenset({"or", "the", "hereafter", "hereinafter", "also", "known", "as", "a", "an"})

# Qualifiers written before a short form inside the parentheses: "(FY2026 NDAA)",
# "(2025 ATA)". The acronym is what follows them.
SF_QUALIFIER = re.compile(r"(?:FY|CY|FFY)\s?\d{2,4}|\d{4}|\d{1,2}(?:st|nd|rd|th)", re.I)

# A short form made only of these letters is a Roman numeral ("(II)", "(XIV)"), a list
# marker rather than an acronym. Only I, V and X: list markers never reach L, C, D or M,
# and those letters start common acronyms ("ICC", "MC", "DC", "CD").
ROMAN_NUMERAL = re.compile(r"[IVX]+")

# Corporate suffixes that follow a long form after a comma ("Institute, Inc. (ERA
# Institute)"); they are not spelled by the short form.
CORPORATE_SUFFIX = re.compile(r",?\s*\b(?:Inc|Ltd|LLC|L\.L\.C|Corp|Co|plc|PLC|GmbH|AG|S\.A|N\.V)\.?\s*$")

# Year qualifiers that follow a long form but are not part of it: "National Defense
# Authorization Act for Fiscal Year 2026 (FY2026 NDAA)", "Trade Act of 1974 (TA)".
TRAILING_QUALIFIER = re.compile(
    r"(?:,?\s+(?:for|of|in)\s+(?:(?:the\s+)?(?:Fiscal|Financial|Calendar)\s+Years?\s+|FY\s?)?\d{2,4}"
    r"|,?\s+\d{4})\s*$",
    re.I,
)

# Where a long form cannot reach back past: clause punctuation, brackets, quote marks,
# dashes, and a sentence end (a full stop after two lower-case letters, so "U.S." is not
# taken for one; a trailing "Inc." is cut off as a corporate suffix before this applies).
LONG_FORM_BOUNDARY = re.compile(r"[;:!?()\[\]\"“”]|(?<=[a-z]{2}[.])\s|—|–\s")

# Small words a long form may skip without spelling a letter ("Republic of Korea",
# "Belt and Road"); they may also spell one ("Department of Defense" -> DoD).
MINOR_WORDS = frozenset({
    "of", "and", "the", "for", "on", "in", "to", "at", "by", "with", "a", "an", "&",
    "de", "du", "des", "la", "le", "el", "del", "für", "und",
})

# Articles of other languages that open a name and spell its acronym's first letter when
# capitalised: "La France Insoumise (LFI)", "Der Spiegel", "El Pais". They are minor words
# elsewhere ("Banco de la Nacion"), so only a capitalised one may start a long form.
LEADING_ARTICLES = frozenset({"la", "le", "les", "el", "los", "las", "il", "lo", "der", "die", "das", "al"})

# A name's "of" complement that its acronym leaves out: "Administrative Office of the U.S.
# Courts (AO)", "Office of the Director of National Intelligence" is not needed. Tried only
# when the whole run does not spell the acronym; the complement's words must be capitalised
# (or "the"), and at most this many.
OF_COMPLEMENT_MAX_WORDS = 4
# Prepositions that open such a left-out complement: "of" as above, and "for" in programme
# names whose acronym stops at the head ("X Economic Framework for Prosperity (XEF)").
COMPLEMENT_PREPOSITIONS = frozenset({"of", "for"})

# A word of a long form; a slash separates words too ("Research/Development").
WORD = re.compile(r"[^\s/]+")

# Short forms of one hyphen-free word in "LF, or SF," must be all capitals here: the
# pattern is common in prose ("China, or Beijing,") and only an acronym makes it a
# definition.
# The comma is optional ("the Presidential Council or PC"): the strict spelling below,
# where every content word must spell a letter, keeps plain "X or Y" prose out.
OR_DEFINITION = re.compile(r",?\s+or\s+(?:the\s+)?([A-Z][A-Z0-9.&\-]{1,11})(?=[,;.)]|\s+(?:is|was|has|had)\b)")

# "the Islamic Revolutionary Guard Corps — IRGC — said": an acronym set off by dashes
# right after its long form, read like "LF, or SF" (strictly: every word must spell).
DASH_DEFINITION = re.compile(r"\s[—–]\s?([A-Z][A-Z0-9.&\-]{1,11})\s?(?=[—–,;.)])")

# How far back a long form may start, in characters per word of its window: enough for
# "Intercontinental" and its neighbours, small enough that a line full of parentheses
# costs little per parenthesis.
CHARS_PER_WORD = 24

# The last word before a parenthesis.
LAST_WORD = re.compile(r"(\S+)\s*$")

# Prepositions after the head noun of a long form whose acronym puts the head last:
# "Agreement on Electronic Commerce (ECA)", "Convention on Cluster Munitions (CCM)".
HEAD_LAST_PREPOSITIONS = frozenset({"on", "of", "for"})

# Head nouns of the translated names read head-first ("Liberal Party (PL)"): parties,
# movements and institutions are what foreign acronyms in English prose mostly name.
HEAD_FIRST_NOUNS = ORG_HEADS | frozenset({"movement", "front", "bloc", "democrats", "republicans"})

# Endings of nationality adjectives. Head-first languages put them after the rest of the
# name: "Brazilian Social Democracy Party (PSDB)" is Partido da Social Democracia Brasileira.
# Broader than lexicon.DEMONYM_ENDINGS ("German", "Cuban", "Hellenic"): the ending only
# lets one more word order be tried, and the letters must still spell the acronym.
NATIONALITY_ENDINGS = DEMONYM_ENDINGS + ("ic", "an")

# A one-word long form whose acronym is its own first letters ("Democrats (DEM)"): at
# least this many letters, so two-letter coincidences ("Texas (TE)") stay out.
TRUNCATION_MIN_LETTERS = 3

# Max extra letters one word may contribute beyond its initial ("Intercontinental" -> IC,
# "coronavirus" -> COVI); more than this and a single long word would spell anything.
MAX_LETTERS_PER_WORD = 4
