"""Data for the areas stage (where areas start, what they are called): cues, word lists, thresholds.

Kept apart from the code (as trafilatura keeps its boilerplate patterns) so a reader can
see every rule and why it is there. Nothing here names a person, place or phrase from a
particular article: each entry is a generic signal of the analytical-briefing genre.
"""

from __future__ import annotations

import re

from briefgen.analysis.lexicon import QUESTIONER_SPEAKERS

# --- Discourse cues that open a new theme ---------------------------------------------

# Nouns an analyst uses to announce "the next thing I am going to discuss". Paired with an
# ordinal ("The third ... area", "Another ... source of tension") they mark a new theme.
# "source" and "point" count only with "of friction/tension/...": "another source told
# reporters" and "another point in time" are not themes.
THEME_NOUNS = (
    "area", "arena", "issue", "challenge", "friction", "tension", "conflict",
    "concern", "problem", "risk", "flashpoint", "dispute", "front", "dimension",
    "source of friction", "source of tension", "source of conflict", "source of concern",
    "point of friction", "point of tension", "point of contention", "bone of contention",
    "aspect", "factor", "obstacle", "question", "difficulty", "sphere", "domain", "threat",
    "irritant", "fault line", "reason", "consideration", "priority", "implication", "lesson",
    "theme", "driver", "constraint", "vulnerability", "danger", "complication", "hurdle",
    "stumbling block", "roadblock", "battleground", "rivalry", "divergence", "disagreement",
)

# Words that put a theme in a sequence. "Another", "further" and "final" count, as do the
# numbered ordinals; "next" and "other" only with a theme noun (checked by the pattern).
ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "final", "last", "next", "another", "further", "additional", "other", "related",
    "separate", "remaining", "yet another", "one more", "a further", "a final",
)

_THEME = "|".join(sorted((re.escape(n).replace(r"\ ", r"\s+") for n in THEME_NOUNS), key=len, reverse=True))
_ORDINAL = "|".join(sorted((re.escape(o).replace(r"\ ", r"\s+") for o in ORDINALS), key=len, reverse=True))
# Up to three modifiers may sit between the ordinal and the noun ("third potential area",
# "another more serious"), but no article, preposition or comma: "The next day, the
# issue ..." is not a cue. Bounded so the regex stays linear on any input.
_NOT_MOD = r"(?!(?:the|a|an|this|that|these|those|of|in|on|at|to|for|with|by|from|and|or|but|is|was)\b)"
_MODS = rf"(?:{_NOT_MOD}[\w’'-]+\s+){{0,3}}?"

# Strong cues: an ordinal or a superlative framing plus a theme noun at the very start of
# a paragraph. These reliably open a new friction area, so they always start one.
STRONG_CUES = (
    # "Another potential area of friction ...", "The third potential area of conflict ..."
    re.compile(rf"^(?:(?:the|a|an)\s+)?(?:{_ORDINAL})\s+{_MODS}(?:{_THEME})s?\b", re.I),
    # "One of the more predictable frictions ...", "One of the biggest risks ..."
    re.compile(rf"^one\s+of\s+the\s+{_MODS}(?:{_THEME})s\b", re.I),
    # "The first concerns pricing.", "The second is climate policy.": the ordinal stands for
    # the theme announced just before ("several frictions could test it")
    re.compile(
        r"^the\s+(?:first|second|third|fourth|fifth|final|last)\s+"
        r"(?:concerns|involves|relates\s+to|centres\s+on|centers\s+on|is|was|lies\s+in)\s+(?!that\b|to\b|a\s+\w+\s+of\b)",
        re.I,
    ),
    # "On another front, ...", "On a separate issue, ..."
    re.compile(rf"^on\s+(?:another|a\s+separate|a\s+different|a\s+related)\s+(?:front|note|matter|track|{_THEME})\b", re.I),
    # "Perhaps the most serious point of friction ...", "Probably the biggest risk ..."
    re.compile(rf"^(?:perhaps|probably|arguably)\s+the\s+{_MODS}(?:{_THEME})s?\b", re.I),
)

# Which of STRONG_CUES is the bare ordinal ("The first concerns pricing."): where such
# items follow one another paragraph by paragraph, they list the parts of one theme.
BARE_ORDINAL_CUE = 2

# Weak cues: transitions that often, but not always, change the subject ("Finally, ...",
# "Turning to ...", "Beyond ..."). They start an area only where cohesion also dips, so a
# rhetorical "Finally," inside a paragraph run about one theme does not split it.
WEAK_CUES = (
    re.compile(r"^(?:finally|lastly|last\s+but\s+not\s+least|elsewhere|separately)\b", re.I),
    re.compile(r"^(?:turning|moving|returning)\s+(?:now\s+)?to\b", re.I),
    re.compile(r"^beyond\s+(?:the|this|these|its|their|[A-Z])", re.I),
    re.compile(r"^(?:a|one)\s+(?:further|final|related|separate)\s+\w+", re.I),
    re.compile(rf"^(?:the|a)\s+(?:most|biggest|greatest|key|main|major|central|primary|principal)\s+{_MODS}(?:{_THEME})s?\b", re.I),
)

# What follows the theme noun in a cue sentence ("... area of friction is in the Arctic")
# names the theme: a copula, an optional preposition, then the complement we title with.
CUE_COMPLEMENT = re.compile(
    # up to eight words may qualify the noun first ("frictions on display at the games")
    r"^(?:\s+[\w’'.-]+){0,8}?"
    # "...: energy" / "... — energy" name the theme after a colon or dash, as a copula does
    r"(?:\s*[:—–]\s*|\s*,?\s+"
    r"(?:is|are|was|were|lies|lay|concerns|concerned|involves|involved|relates\s+to|"
    r"(?:has|have|had|will|could|may|might)\s+been|(?:will|could|may|might)\s+be|remains|"
    r"centres\s+on|centers\s+on|comes\s+from|came\s+from|stems\s+from|arises\s+from)\s+"
    r"(?:(?:in|over|around|about|with|between|within|on|at|from|to|among|along)\s+)?)(?P<theme>.+)$",
    re.I,
)

# The words of a cue alone ("Another factor", "The second issue", "A further concern"):
# a title made of nothing else names the cue, not its theme.
CUE_WORDS = frozenset(w for phrase in THEME_NOUNS + ORDINALS for w in phrase.split()) | frozenset(
    t + "s" for t in THEME_NOUNS if " " not in t) | frozenset("a an the one".split())

# Paragraph openers that continue the previous paragraph's point (a contrast, an
# addition, a pronoun pointing back). A topic rarely starts there, so an unmarked split
# avoids them and the introduction extends over them.
CONTINUATION_STARTS = frozenset("""
however but yet still moreover furthermore further additionally also and so thus hence
therefore nonetheless nevertheless meanwhile indeed instead similarly likewise this these
that those such it its he she they his her their him them there
because
""".split())  # "Because ...": a paragraph that gives the reason for the one before
# How much a cohesion dip counts when the paragraph after it opens with a continuation.
CONTINUATION_DEPTH_FACTOR = 0.5

# --- Run-in labels -----------------------------------------------------------------------

# Reports and fact sheets open paragraphs with a bold run-in label ("Arms Sales. Since
# February ...", "Pandemic Response: It is in the ...", "Regime Change? President ...").
# Where a document does this at least LABEL_MIN_PARAGRAPHS times it is the author's own
# division, so each label opens an area and titles it. The label ends at a full stop,
# colon or question mark (footnote digits may stick to it: "Munitions.20"), then the
# sentence goes on with a capital letter (a figure after it is a row of data: "Killed: 18").
LABEL_END = re.compile(r"\**[.:?]\**\d{0,3}\**\s+\**(?=[A-Z“\"‘'(])")
LABEL_MAX_WORDS = 14
LABEL_MIN_PARAGRAPHS = 2
# A label is a noun phrase: these words make it a clause, so it is the paragraph's first
# sentence, not a label ("Democracy was too strong.", "We agree: ...").
LABEL_CLAUSE_WORDS = frozenset("""
is are was were be been am has have had do does did will would can could should may might
must shall i we you he she it they this that there here these those says said
""".split())
# After a colon label, a short verbless phrase ending in a full stop still belongs to it:
# "February-April: Active hostilities. The conflict ...".
LABEL_TAIL_MAX_WORDS = 8
# Answers and asides are not labels ("Yes. A 10-day course ...", "Indeed. ...").
NOT_LABELS = frozenset("""
yes no not well indeed true exactly certainly sure absolutely yeah okay ok so still now
also first second third finally however again note notes source sources
""".split())
# The rest of a labelled paragraph must hold a sentence of this many words, so a
# "Label: value" row of a table of figures is not taken for one.
LABEL_REST_MIN_WORDS = 8

# --- Transcripts -----------------------------------------------------------------------

# A turn this short ("Thank you.", "Prime Minister X.") is a handover, not a theme: it
# joins a neighbouring area instead of opening its own.
SHORT_TURN_WORDS = 12

# Text before the first speaker label of a transcript (room, time) is usually only a few
# words; when it is this short it joins the first turn rather than forming an Overview.
SHORT_PREAMBLE_WORDS = 30

# Endings of lower-case words that a keyword title skips: without a parser, "coming" or
# "allowed" is more likely a verb than the theme of an area.
VERB_LIKE_ENDINGS = ("ing", "ed")

# An exchange opened by a questioner is titled by its topic words ("Q&A: Filibuster"),
# since "Further remarks by X (3)" says nothing about what was asked; this heads it.
QA_TITLE_PREFIX = "Q&A: "
# ... and this names it when no topic word stands out.
QA_TITLE = "Questions and answers"
# Labels that are not a person making remarks, so "Remarks by Q" would read badly.
NON_PERSON_SPEAKERS = QUESTIONER_SPEAKERS + ("A", "ANSWER", "OPERATOR", "PARTICIPANT", "AUDIENCE MEMBER")

# --- Segmentation thresholds (calibrated as a set; do not tune one value in isolation) ---

# A prose run (no heading, speaker or cue inside it) at least this long is checked for an
# unmarked topic shift. Shorter runs are left whole: precision matters more than recall.
COHESION_MIN_RUN = 6
# A run this long is split at its weakest cohesion point even without a clear dip, so no
# area becomes an unreadable wall of text.
COHESION_FORCE_RUN = 10
# A dip must be at least this deep (TextTiling depth score: how far the similarity at a
# gap falls below the peaks on either side, cosine units) to count as a topic shift.
COHESION_MIN_DEPTH = 0.1
# Paragraphs compared on each side of a gap (TextTiling's block size).
COHESION_WINDOW = 2
# An unmarked split never leaves an area shorter than this. Paragraphs of fewer than
# SIDE_MIN_WORDS words ("Thank you.", "It's important.") do not count: handover lines
# would otherwise let one real paragraph stand as an area of its own.
COHESION_MIN_SIDE = 2
SIDE_MIN_WORDS = 8
# With this many headings the author has segmented the text: an unheaded run is cut
# only when it is too long to read (COHESION_FORCE_RUN), and an unheaded introduction
# keeps its paragraphs together unless it is COHESION_MIN_RUN long.
STRUCTURED_MIN_HEADINGS = 2
# A speaker's turn is one unit; only a long one is split by cohesion, and only where the
# vocabulary clearly changes (TURN_MIN_DEPTH: spoken paragraphs are short, so ordinary
# dips of 0.2-0.45 are noise, while a real change of subject falls far deeper), unless
# the turn is a wall of TURN_WALL_RUN paragraphs, which is cut at its deepest dip anyway.
TURN_FORCE_RUN = 16
TURN_MIN_DEPTH = 0.5
TURN_WALL_RUN = 40
# Spoken text (lexicon.SPOKEN_MIN_SHARE of paragraphs carry a speaker) has many short
# paragraphs and drifts between themes, so it gets at most one area per
# SPOKEN_PARAS_PER_AREA paragraphs; unmarked splits beyond that are merged away,
# shallowest first. A speech's first paragraph is a greeting, not a lede, so it opens
# the first area rather than an Overview of its own.
SPOKEN_PARAS_PER_AREA = 7
# More areas than this is not a briefing; the weakest boundaries are merged away.
MAX_AREAS = 12
# ... except in a report divided into chapters, which may hold one area per this many
# words (a 10,000-word report: 25), its navigation grouped by chapter.
WORDS_PER_AREA = 400
# The first run of a prose article this long opens with its first paragraph as an
# introduction (the lede that frames the themes that follow).
INTRO_MIN_RUN = 4

# A paragraph shaped like this is a subheading the cleaner left in the body: one short
# line, no sentence punctuation at its end, followed by real prose.
HEADING_MAX_WORDS = 10
HEADING_FOLLOWER_MIN_WORDS = 20
# News-analysis subheadings are often questions ("What happens next?", "Where does this
# leave X?"). A short question on its own line, followed by prose, is such a heading, but
# only outside transcripts, where a lone question is part of the dialogue. Fewer words
# than this is more likely a rhetorical "Why?" than a heading.
HEADING_QUESTION_MIN_WORDS = 3

# --- Words ----------------------------------------------------------------------------

# Determiners that open a noun phrase ("the border", "these families"): a title skips them,
# and a word after one and before a function word is taken for a noun, not a verb.
DETERMINERS = frozenset("the a an its their his her our this these those some many most each".split())

# Words that may follow a plural noun inside a noun phrase ("tensions between X and Y");
# any other lower-case word after a plural noun is read as its verb ("navies | patrol").
NP_GLUE = frozenset("""
of between in for on over with to against among across from and or at by toward towards
within along
""".split())

# Where a title is cut from a sentence, these end the noun phrase: verbs, auxiliaries and
# adverbs that follow a subject ("Tensions between X and Y | flared after ...").
PHRASE_BREAKERS = frozenset("""
is are was were be been being has have had do does did can could will would may might
shall should must also still already now then never often always increasingly largely
mostly only just even remains remain remained became become becomes seems seem seemed
appears appear appeared says said say stated told argues argued believes believed shows
showed show marks marked makes made takes took gives gave continues continued holds held
sees saw looks looked faces faced wants wanted needs needed began begins come comes came
goes went gets got provides provided includes included represents represented
that which who whom whose where when while because although though if as than so but
know knew think thought believe feel hope expect
cannot can't won't wouldn't couldn't shouldn't mustn't don't doesn't didn't isn't aren't
wasn't weren't hasn't haven't hadn't can’t won’t wouldn’t couldn’t shouldn’t don’t
doesn’t didn’t isn’t aren’t wasn’t weren’t hasn’t haven’t hadn’t
""".split())
# Negated auxiliaries ("The complexity of X | cannot be ...") end a subject as surely as
# the bare auxiliaries above; without them the title ran on into the verb.

# Openers of a leading adverbial clause ("Just days before X, ...", "In 2015, ..."); the
# title phrase is looked for after its comma. Speech fillers ("Look, ...", "Folks, ...",
# "Well, ...") and time phrases ("Last week, ...") lead in the same way.
LEADING_CLAUSE_WORDS = frozenset("""
just before after when while although though despite in at on as since during for with by
from because if unlike amid following over under according within once until given even
beyond finally lastly turning moving returning elsewhere separately
look well folks listen okay ok last next
not only yet still indeed meanwhile moreover furthermore however but and so also today
yesterday recently earlier later now then instead rather besides similarly likewise thus
""".split())

# Subjects that are the speaker or a person, not a theme: after one and its verb, the
# object names what the sentence is about ("we conducted | a nationally representative
# survey", "I inherited | a diplomatic agreement").
SUBJECT_PRONOUNS = frozenset("i we they you he she".split())
# Words that may stand between such a subject and its verb: auxiliaries and adverbs.
VERB_COMPANIONS = frozenset("""
have has had will would also now just already then again recently still first finally
jointly together all both never not
""".split())
# After the verb, these open a clause rather than name a thing ("believe that", "want to").
CLAUSE_OPENERS = frozenset("that to how what why whether if when where who which".split())
# The speaker's possessives open a noun phrase as a determiner would: "our diplomatic and
# humanitarian work" is about the work, not about the speaker.
VOICE_POSSESSIVES = frozenset("our my your".split())

# Words a title phrase should not end on: an article, conjunction or preposition left
# dangling when the phrase is cut to length.
TITLE_BAD_ENDS = frozenset("""
a an the and or but of to in on at by for with from as between among into over under its
their his her our your this that these those is are was were
""".split())

# Subjects that only frame what follows ("The bottom line is ...", "The fact is ...",
# "The point is ..."): a title made of one of these (with or without an article) says
# nothing about the theme.
EMPTY_TITLE_PHRASES = frozenset("""
bottom line|point|fact|truth|thing|reality|answer|result|idea|goal|key|lesson|question|
problem|reason|good news|bad news|short answer|long and short of it|upshot|irony|answer|
truth of the matter|matter|deal|thing is
""".replace("\n", "").split("|"))

# Words too general to name an area on their own ("a lot", "the answer", "people"): a
# keyword title made from the area's most frequent words skips them.
GENERIC_TITLE_WORDS = frozenset("""
lot lots thing things way ways time times people folks year years day days week weeks
answer question fact point kind sort bit part reason everybody everyone something
anything nothing world today tomorrow yesterday percent number case matter
""".split())

# The longest title we cut from a sentence, in words.
TITLE_MAX_WORDS = 8
# An author's heading (or run-in label) longer than this is cut where a clause or an
# apposition starts, at HEADING_TITLE_MIN_WORDS words or more ("Imposing Visa Restrictions
# on 19 Russian Oligarchs, their 47 Family Members ..." -> up to the comma), else here.
HEADING_TITLE_MAX_WORDS = 10
HEADING_TITLE_MIN_WORDS = 3
# A footnote number stuck to a heading's last word ("Lebanon29"): lower-case letters, then
# one to three digits. Names with figures ("G20", "FY2026") are capitals before digits.
FOOTNOTE_MARK = re.compile(r"(?<=[a-z]{3})\d{1,3}$")

# Single nouns too general to head a briefing section even when an area repeats them
# ("History", "Country", "Plan", "Deal"): a title of one such word (with or without an
# article) is rejected and a more specific phrase is looked for instead.
GENERIC_SINGLE_TITLES = frozenset("""
history country countries plan plans deal deals allies ally nation nations world thing
issue issues problem problems situation question questions matter matters work job jobs
military government people future past today change progress reason part effort efforts
""".split())

# Nouns that only frame what follows ("A big part of the reason ...", "The rest of the
# story"): a title made of one of these plus "of ..." names nothing.
FRAME_NOUNS = frozenset("""
part lot lots kind sort rest number bunch piece reason way fact bottom whole most some
much all none one each half majority
""".split())

# Forms of address for the people in the room ("Prime Minister", "Madam Vice President",
# "Excellency"): in speeches they recur in every turn, so they never make a topic phrase,
# and a title that is one of them plus a name is the person addressed. Not the entities
# stage's role nouns ("analyst", "athlete"): "security analysts" or "Olympic athletes"
# may well be what an area is about.
ADDRESS_WORDS = frozenset("""
president minister prime vice secretary madam mr mrs ms sir chairman chair ambassador
excellency excellencies majesty deputy senator governor mayor speaker
""".split())

# A topic phrase must recur in at least this many sentences of its area: once is the
# opening sentence's wording, twice is what the area keeps coming back to.
PHRASE_MIN_SENTENCES = 2
# Longest recurring phrase considered (words); longer repeats are quotations or lists.
PHRASE_MAX_WORDS = 4
# A title phrase is distinctive when one of its words has at least this share of its uses
# in the article inside the area; else the area's own names are tried first.
DISTINCT_MIN_SHARE = 0.5
# ... and the area's own names title it instead of the opening's subject when they are
# this many times more characteristic of it (uses here squared, over uses in the article).
NAMES_OVER_SUBJECT = 3.0
# A keyword title joins a second name ("Ukraine and Javelins") only when it is at least
# this share as characteristic of the area as the first.
SECOND_NAME_SHARE = 0.5
# ... and at least this share of its uses in the whole article must fall in the area:
# "United States" in every part of a speech names none of them.
PHRASE_MIN_SHARE = 0.5
# A split part of one speaker's turn is headed "Remarks by X: topic" (the turn's voice
# plus what this part is about) when that fits within TITLE_MAX_WORDS.
REMARKS_TOPIC_SEPARATOR = ": "

# The title of the opening area when it has no heading of its own.
INTRO_TITLE = "Overview"

# --- The shape of a briefing ------------------------------------------------------------

# A text shorter than this (in words: a readout, a two-paragraph statement) says one
# thing; divided into areas it only gains padding. It becomes a one-page note: the
# overview holds its sentences, and its PDF is one page.
NOTE_MAX_WORDS = 300
# A report at least this long, whose headings come in two levels, gets its chapters as the
# first level of its navigation (chapter -> areas); shorter texts keep one flat list, where
# a second level would hold one or two entries each.
LONG_REPORT_WORDS = 2500
# A first section headed like this is the report's own opening (its summary or
# introduction), shown as the overview's context rather than as a friction area.
OPENING_HEADINGS = frozenset("""
summary|overview|introduction|executive summary|in brief|at a glance|background and summary
""".replace("\n", "").split("|"))
