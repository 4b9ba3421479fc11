"""Data for the summarize stage: what makes a sentence a good or a poor summary.

Kept apart from the code, like the other stages' rules, so each judgement can be read and
argued about. Generic signals of the genre only: nothing names an article's people or places.
"""

from __future__ import annotations

import re

# Spoken sentences often open with a conjunction ("And they said ..."); the back-reference
# is looked for after it, so "And they" dangles as surely as "They". ("So" is left out:
# "So these weapons ..." usually sums up, which is what a summary wants.)
DANGLING_SKIP = frozenset("""
and but
""".split())

# Generic signal words of the genre: sentences that assess risk or friction are what a
# briefing reader wants in a summary. Matched on lower-case word stems.
SIGNAL_WORDS = frozenset("""
could risk risks friction frictions tension tensions conflict conflicts threat threats
concern concerns potential likely may might undermine undermines challenge challenges
dispute disputes rivalry pressure strain strains sour fracture divide divergence
implication implications significant key critical strategic clash clashes
""".split())

# Courtesy phrases of meetings and remarks: a greeting or hand-over addressed to someone
# ("Mr. Prime Minister, it's good to see you.", "The floor is yours.", "I'll turn it over
# to you now."). Like PHATIC_WORDS, true to the source but not a point of the briefing.
PHATIC_PHRASE = re.compile(
    r"(?i)^(?:mr\.|madam|madame|mister)\s(?:vice\s|deputy\s)?(?:president|prime\sminister|secretary|"
    r"chairman|chair|speaker|ambassador|minister)\b[^.!?]{0,3},"
    r"|\b(?:good|great|nice|wonderful|a\s(?:real\s)?pleasure)\s(?:\S+\s)?to\s(?:see|be\swith|speak\s(?:to|with))\syou\b"
    r"|\blook(?:ing)?\sforward\sto\s(?:seeing|meeting|hearing\sfrom|working\swith)\syou\b"
    r"|\bthe\sfloor\sis\syours\b|\b(?:turn|turning|kick|kicking|hand|handing|pass|passing)\sit\s(?:back\s)?over\sto\b"
    r"|\bon\s(?:such\s)?short\snotice\b"
    # a speech's closing blessing ("May God bless you all", "God bless America")
    r"|\b(?:may\s)?god\s(?:bless|protect|save)\b"
)

# A sentence whose content words, spoken filler (lexicon.SPOKEN_FILLER) and contractions
# aside, number fewer than this says nothing: it ranks low as a courtesy does.
THIN_MIN_WORDS = 2

# The speaker's own voice about the occasion ("I wish we were able to do this in person",
# "I'm going to be very brief", "I tell you what, Linda: ..."): a sentence with a first-
# or second-person word (SPEAKER_VOICE_WORDS) and one of these words or phrases, or one
# that addresses someone in the room (OCCASION_ADDRESS), is about the event itself,
# not the speech's point, so it ranks low in a bottom line.
OCCASION_WORDS = frozenset("""
brief briefly virtual virtually format gather gathering gathered hospitality reciprocate
invitation invited inviting host hosting hosted podium introduction introduce introduced
seated visit visiting visited trip questions remarks
""".split())
OCCASION_PHRASE = re.compile(
    r"(?i)(?:in\sperson|tell\syou\swhat|(?:good|great)\sto\sbe|be\swith\syou|with\sus\s(?:today|here)"
    r"|before\sI\s(?:take|answer|begin|start)|let\sme\s(?:begin|start|say|thank|just|end|close|conclude|finish)|this\s(?:morning|afternoon|evening))"
)
# A direct address inside a sentence (", Mr. Prime Minister,", ", Linda:"): the speaker
# turns to someone present. The name part is capitalised words only.
OCCASION_ADDRESS = re.compile(
    r"(?:^|,\s)(?:(?:Mr|Mrs|Ms|Dr)\.|Madam|Madame|Sir)(?:\s[A-Z][\w’'-]*){0,3}\s?[,:!?]"
    r"|,\s[A-Z][a-z]+[:!]"
)
# In a spoken text (speakers.is_spoken) the first sentences are the speaker's
# entrance, not a journalist's lede: the position bonus is scaled by this factor there,
# so what the speech keeps returning to decides its bottom line.
SPOKEN_POSITION_FACTOR = 0.35
# A content word "recurs" when it appears in at least this many paragraphs; a sentence
# made of recurring words speaks to the whole article (its spread), one made of words
# found nowhere else is an aside or an anecdote.
SPREAD_MIN_PARAGRAPHS = 3
# A sentence with this many recurring words gets the full spread bonus: counted, not a
# share, so a short aside of two recurring words ("I wish we were doing this together")
# does not beat a full statement of the theme.
SPREAD_FULL = 6

# --- Summaries ------------------------------------------------------------------------

# Table and figure furniture the cleaner may keep in the body of a report: captions
# ("Table 1. Rounds of talks", "Figure 2: ...") and source or note lines ("Note: * In
# 2015 ..."). They are verbatim but say nothing on their own, so they never summarise.
APPARATUS_START = re.compile(
    r"^\s*(?:(?:notes?|sources?)\s*:|(?:table|figure|fig\.|chart|map|box|graph|exhibit)\s+[\dA-Z][\w.-]{0,4}[.:])",
    re.I,
)

# Sentences shorter than this (in words) are rarely a self-contained statement.
SUMMARY_MIN_WORDS = 8
# Sentences longer than this are usually run-ons or lists; readable briefings avoid them.
SUMMARY_MAX_WORDS = 60
# Sentences per area: 1-3, about one per this many sentences of the area.
SUMMARY_SENTENCES_PER = 4
# Overview bottom line: 3-5 sentences, at most OVERVIEW_PER_PARAGRAPH from one paragraph
# (unless the text has too few paragraphs to give OVERVIEW_MIN that way).
OVERVIEW_MIN = 3
OVERVIEW_MAX = 5
OVERVIEW_PER_PARAGRAPH = 2

# --- The bottom line: the argument ----------------------------------------------------

# What makes a sentence carry an article's argument rather than its narrative: a
# judgement or verdict ("The New Republic is over", "the verdict of history"), a
# recommendation ("Congress should", "it's time to"), a firm claim about the future
# ("will not waver", "can never"), a conclusion ("I have concluded", "the lesson"). Each
# cue found adds to a sentence's standing in the overview (at most THESIS_MAX_CUES).
THESIS_CUES = re.compile(
    r"(?i)\b(?:must|should|ought\s+to|needs?\s+to|it(?:[’']s|\s+is)\s+(?:time|long\s+past\s+time)|"
    r"conclu(?:de|ded|des|sion)|verdict|lessons?|proof|clear(?:ly|est)?|in\s+short|ultimately|above\s+all|"
    r"at\s+stake|is\s+over|bottom\s+line|the\s+(?:real|key|central|fundamental|larger|deeper)\s+(?:question|issue|problem|challenge|danger|risk)|"
    r"will\s+not|won[’']t|cannot|can[’']t|never|(?:I|we)\s+believe|argu(?:e|ed|es)|"
    r"urgent(?:ly)?|essential|vital|fail(?:s|ed|ure)?|succe(?:ed|eded|ss)|"
    r"(?:more|most|less|least)\s+(?:important|likely|dangerous|serious)|harsh|"
    r"appears?\s+to|likely|unlikely|signal(?:s|led|ed)?|reshap\w+|upends?|marks?\s+(?:a|the)\s+end)\b"
)
THESIS_MAX_CUES = 2
# A sentence that shares words with the article's title states its subject: the title is
# the author's own summary of the argument.
TITLE_MIN_WORDS = 1

# Lines that are no sentence at all but the page's furniture: a place and venue line
# ("U.S. Department of State Headquarters ... Washington, D.C."), a time stamp ("5:39 P.M.
# CET"), an "Updated ..." line or a report number. A bottom line never holds one.
FURNITURE_LINE = re.compile(
    r"(?i)^(?:updated|released|published|posted|issued)\b|\b\d{1,2}:\d{2}\s*[ap]\.?m\.?|"
    r"^(?:report|crs report|insight|in focus)\s+(?:no\.?\s*)?[A-Z]{1,3}\d{3,}|\bvia\s+teleconference\b"
)
# A sentence with fewer lower-case words than this is a name, title or place line.
FURNITURE_MAX_LOWER = 2
