"""The word lists more than one stage reads, one copy each.

A list lives here when two stages must agree on it: the areas and summaries both count
"content words", so both skip the same stop words; the quotes and entities stages both
know a speech verb when they see one. Lists only one stage reads stay in its rules module
(``briefgen.analysis.rules``). Every entry is general English or general knowledge of the
genre: nothing names a person, place or phrase from a particular article.
"""

from __future__ import annotations

import re

# --- Transcripts ----------------------------------------------------------------------

# A transcript speaker label opening a paragraph: "THE PRESIDENT:", "MS. ROE:", "Q:", or a
# bare "Q" before the question. The cleaner takes labels off the turns it recognises;
# the areas stage still finds those it did not, and the summaries rank a sentence that
# keeps one low. Upper case only, up to six words so "PRIME MINISTER ROE OF NEW ZEALAND"
# fits, so an ordinary sentence with a colon ("The banner read: ...") never matches.
# Accented Latin capitals count ("PRESIDENT NIINISTÖ:"): an ASCII-only class missed such
# labels and folded a whole turn into the previous one.
_UC = "A-ZÀ-ÖØ-Þ"
SPEAKER_LABEL = re.compile(
    r"^(?:(?P<q>Q)[ \t]+(?=[A-Z“\"(])|(?P<label>Q|(?:[UC][UC.’'\-]*\.?|[UC]\.)(?:[ \t]+(?:[UC][UC.’'\-]*|OF|THE|AND|DE|VON|VAN|AL-?[UC]*)){0,5})[ \t]*:[ \t]+)"
    .replace("UC", _UC)
)
# Upper-case leads that are not people: a paragraph starting "NOTE:" or "UPDATE:" is not a
# speaker's turn.
NOT_SPEAKERS: frozenset[str] = frozenset({
    "NOTE", "UPDATE", "EDITOR'S NOTE", "EDITOR’S NOTE", "WARNING", "BREAKING", "CORRECTION",
    "DISCLAIMER", "SOURCE", "SOURCES", "PHOTO", "IMAGE", "VIDEO", "WATCH", "READ", "LISTEN",
    "TAGS", "FILED UNDER", "CONTACT", "EMBARGOED", "UPDATED", "NB", "PS", "FAQ", "TL;DR",
})
# Label words kept in capitals when a label is made readable ("Q", roman numerals, acronyms).
LABEL_KEEP_UPPER: frozenset[str] = frozenset({"Q", "A", "II", "III", "IV", "UN", "US", "U.S.", "UK", "U.K.", "EU", "NATO"})
# Short words kept lower case when a label is made readable ("Prime Minister of India",
# "Minister for Foreign Affairs").
LABEL_KEEP_LOWER: frozenset[str] = frozenset({"of", "the", "and", "for", "to", "in", "on", "at", "de", "von", "van", "da"})

# Labels of people who ask: the answer that follows belongs in the same area, and the
# questions frame a press conference's answers without being its points.
QUESTIONER_SPEAKERS = ("Q", "QUESTION", "MODERATOR", "INTERVIEWER", "HOST")
# A text is spoken (a transcript or a speech) when at least this share of its paragraphs
# carry a speaker: its areas follow turns, and its opening is an entrance, not a lede.
SPOKEN_MIN_SHARE = 0.5

# --- Words -----------------------------------------------------------------------------

# Closed-class words: articles, prepositions, conjunctions, pronouns, auxiliaries. The
# quotes stage reads them as the words around a quotation that name nothing (a quote
# before "in" is no modifier of a noun); the areas and summaries never count them as topic.
FUNCTION_WORDS: frozenset[str] = frozenset({
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from",
    "by", "with", "as", "that", "which", "who", "whom", "whose", "this", "these", "those",
    "is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "could", "should", "may", "might", "must", "can", "do", "does", "did", "not", "it", "its",
    "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your",
    "into", "onto", "over", "under", "about", "after", "before", "during", "since", "than",
    "then", "so", "if", "when", "while", "where", "because", "although", "though", "also",
    "among", "between", "against", "amid", "despite", "toward", "towards", "per", "via",
    "upon", "within", "without", "through", "throughout", "across", "around", "behind",
})

# Words that carry no topic: the function words, and the commonest other words of the
# genre ("said", "new", "two", "well"). The areas' cohesion and titles and the summaries'
# centrality count only the rest ("content words"), so both stages skip the same ones.
STOP_WORDS: frozenset[str] = FUNCTION_WORDS | frozenset("""
above again all already am any below both doing down each either even ever every few
further having here hers him how however itself just least less like made make many me
more most much neither no now off once one only other ours out own quite rather said same
say says some still such theirs them there thus too two three until up us very well what
whether why yet mr ms mrs dr new
""".split())

# Sentence openers that point back to something earlier. A summary sentence that starts
# with one reads as a dangling reference out of context, and an area title never starts
# with one ("This", "They") or holds one.
DANGLING_STARTS: frozenset[str] = frozenset("""
this these that those he she it they his her its their him them such there here then
""".split())
# First- and second-person words: a speech's "I’ll", "Let me", "President X and I" or
# "My administration" is the speaker's voice, not a theme, so such phrases never title an
# area; with an occasion word ("in person", "this morning") they mark a summary sentence
# about the event rather than the speech's point.
SPEAKER_VOICE_WORDS: frozenset[str] = frozenset("""
i i'm i’m i'll i’ll i've i’ve i'd i’d me my mine we we're we’re we'll we’ll we've we’ve
us our ours you you're you’re you'll you’ll your yours let let's let’s
you've you’ve you'd you’d
""".split())

# Courtesies of speeches and transcripts ("Thank you", "I'm delighted to hand over"):
# true to the source but empty, so such sentences rank low in a summary and such words
# never make an area's title.
PHATIC_WORDS: frozenset[str] = frozenset("""
thank thanks thanking delighted pleased glad honor honour honored honoured welcome
greetings excellencies excellency gentlemen ladies morning evening afternoon
""".split())

# Spoken filler: with contractions ("I'm", "you'll"), the only content words of a
# sentence that says nothing ("So I'm going to be going from here to there"). Such a
# sentence ranks low in a summary (rules.summarize THIN_MIN_WORDS), filler never counts
# towards what a transcript keeps returning to, and never makes an area's title.
SPOKEN_FILLER: frozenset[str] = frozenset("""
going get got gonna want wanted say said saying think know look make let thing things lot
well really just here there yeah okay way
""".split())

# --- Abbreviations -----------------------------------------------------------------------

# Abbreviations after which a full stop never ends the sentence: titles before a name,
# "e.g."/"i.e."/"vs." inside a clause, "No. 10", "Jan. 6", "p. 4". The segmenter does not
# end a sentence there, and the quotes stage keeps the full stop as part of the word
# ("Gen." is a title there, not "Gen" at a sentence end).
ABBREVIATIONS: frozenset[str] = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "adm", "lt", "col", "maj", "capt", "cpt", "sgt",
    "cmdr", "cdr", "brig", "sen", "rep", "reps", "gov", "pres", "amb", "hon", "rev", "fr",
    "st", "mt", "ft", "jr", "sr", "messrs", "mme", "mlle", "supt", "insp", "det", "cpl", "pvt",
    "e.g", "i.e", "eg", "ie", "cf", "vs", "v", "viz", "al", "approx", "ca", "c",
    "no", "nos", "vol", "vols", "p", "pp", "ch", "sec", "art", "fig", "figs", "para", "paras",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "dept", "univ", "assn", "bros", "est", "ref", "op", "ed", "eds", "trans",
})
# Abbreviations that close a name or a list and so often end a sentence too: "in the U.S.
# The next day" ends, "Acme Inc. said" does not. The segmenter ends a sentence after one
# only when a clear sentence opener follows; the quotes stage keeps their full stop.
CLOSING_ABBREVIATIONS: frozenset[str] = frozenset({"inc", "ltd", "corp", "co", "llc", "plc", "etc"})

# --- Saying ------------------------------------------------------------------------------

# Verbs of saying and writing, every form we meet. The quotes stage takes one before or
# after a quotation as a cue that the quotation is a statement, its subject the speaker;
# the entities stage takes a name that says something as a person. Includes verbs of
# evaluation ("hailed", "condemned"), because news copy introduces a speaker's own words
# with them, and the verbs laws and reports "say" with ("stipulates", "provides").
SPEECH_VERBS: frozenset[str] = frozenset({
    "say", "says", "said", "saying",
    "state", "states", "stated", "stating",
    "tell", "tells", "told", "telling",
    "write", "writes", "wrote", "writing", "written",
    "warn", "warns", "warned", "warning",
    "argue", "argues", "argued", "arguing",
    "add", "adds", "added", "adding",
    "note", "notes", "noted", "noting",
    "testify", "testifies", "testified", "testifying",
    "explain", "explains", "explained", "explaining",
    "declare", "declares", "declared", "declaring",
    "announce", "announces", "announced", "announcing",
    "insist", "insists", "insisted", "insisting",
    "claim", "claims", "claimed", "claiming",
    "assert", "asserts", "asserted", "asserting",
    "observe", "observes", "observed", "observing",
    "remark", "remarks", "remarked", "remarking",
    "comment", "comments", "commented", "commenting",
    "stress", "stresses", "stressed", "stressing",
    "emphasise", "emphasises", "emphasised", "emphasising",
    "emphasize", "emphasizes", "emphasized", "emphasizing",
    "acknowledge", "acknowledges", "acknowledged", "acknowledging",
    "admit", "admits", "admitted", "admitting",
    "concede", "concedes", "conceded", "conceding",
    "reply", "replies", "replied", "replying",
    "respond", "responds", "responded", "responding",
    "answer", "answers", "answered",
    "ask", "asks", "asked", "asking",
    "urge", "urges", "urged", "urging",
    "pledge", "pledges", "pledged", "pledging",
    "promise", "promises", "promised", "promising",
    "vow", "vows", "vowed", "vowing",
    "report", "reports", "reported",
    "conclude", "concludes", "concluded", "concluding",
    "suggest", "suggests", "suggested", "suggesting",
    "predict", "predicts", "predicted", "predicting",
    "recall", "recalls", "recalled", "recalling",
    "tweet", "tweets", "tweeted", "tweeting",
    "post", "posts", "posted",
    "commend", "commends", "commended", "commending",
    "praise", "praises", "praised", "praising",
    "hail", "hails", "hailed", "hailing",
    "criticise", "criticises", "criticised", "criticising",
    "criticize", "criticizes", "criticized", "criticizing",
    "condemn", "condemns", "condemned", "condemning",
    "denounce", "denounces", "denounced", "denouncing",
    "accuse", "accuses", "accused", "accusing",
    "complain", "complains", "complained", "complaining",
    "lament", "laments", "lamented", "lamenting",
    "boast", "boasts", "boasted", "boasting",
    "affirm", "affirms", "affirmed", "affirming",
    "reaffirm", "reaffirms", "reaffirmed", "reaffirming",
    "reiterate", "reiterates", "reiterated", "reiterating",
    "confirm", "confirms", "confirmed", "confirming",
    "demand", "demands", "demanded", "demanding",
    "recommend", "recommends", "recommended", "recommending",
    "assess", "assesses", "assessed", "assessing",
    "estimate", "estimates", "estimated",
    "describe", "describes", "described", "describing",
    "characterise", "characterises", "characterised", "characterising",
    "characterize", "characterizes", "characterized", "characterizing",
    "quip", "quips", "quipped",
    "advise", "advises", "advised", "advising",
    "remind", "reminds", "reminded", "reminding",
    "assure", "assures", "assured", "assuring",
    "decry", "decries", "decried", "decrying",
    "deplore", "deplores", "deplored", "deploring",
    "bemoan", "bemoans", "bemoaned", "bemoaning",
    "joke", "jokes", "joked",
    "mention", "mentions", "mentioned",
    "contend", "contends", "contended",
    "maintain", "maintains", "maintained",
    "caution", "cautions", "cautioned",
    "proclaim", "proclaims", "proclaimed",
    "stipulate", "stipulates", "stipulated",
    "require", "requires", "required",
    "provide", "provides", "provided",
    "specify", "specifies", "specified",
    "mandate", "mandates", "mandated",
    "direct", "directs", "directed",
    "commit", "commits", "committed",
    "quoted",
})

# Speech verbs that documents and organisations "say" with as often as people do ("the
# act provides", "the ministry reported", "the survey estimated"), and that have ordinary
# non-speech senses besides. The quotes stage trusts them as a cue only in a clear
# construction ("provides that …"); the entities stage never takes one as a sign that the
# name before it is a person. ("Stipulates" has no other sense, so it is not here.)
DOCUMENT_VERBS: frozenset[str] = frozenset({
    "provide", "provides", "provided", "require", "requires", "required",
    "direct", "directs", "directed", "commit", "commits", "committed",
    "post", "posts", "posted", "report", "reports", "reported",
    "estimate", "estimates", "estimated", "assess", "assesses", "assessed", "assessing",
    "specify", "specifies", "specified", "mandate", "mandates", "mandated",
})

# --- People ------------------------------------------------------------------------------

# Titles, honorifics and roles written directly before a personal name ("Rear Admiral Yin
# Zhuo", "Dr. Lee", "Special Envoy Kim", "striker Ana Rojas"). The quotes stage splits them
# off a speaker's name as the role; the entities stage takes the name after one as a
# person, and a capitalised run holding one as a person's office, not an organisation.
# Matched lower case, dotted abbreviations with their dot.
TITLES: frozenset[str] = frozenset({
    # offices of state and government
    "president", "premier", "chancellor", "minister", "secretary", "secretary-general",
    "undersecretary", "director-general", "ambassador", "envoy", "diplomat", "senator",
    "representative", "congressman", "congresswoman", "lawmaker", "legislator", "governor",
    "mayor", "councillor", "councilor", "commissioner", "speaker", "chairman", "chairwoman",
    "chair", "chairperson", "director", "deputy", "chief", "head", "leader", "official",
    "officer", "spokesman", "spokeswoman", "spokesperson", "counsel", "counsellor",
    "counselor", "attorney", "judge", "justice", "administrator", "czar", "sheriff",
    "prosecutor", "treasurer", "comptroller", "superintendent", "dean", "provost",
    # military ranks
    "general", "admiral", "commander", "colonel", "lieutenant", "major", "captain",
    "sergeant", "marshal", "brigadier", "commodore",
    "gen.", "adm.", "lt.", "col.", "maj.", "capt.", "sgt.", "cmdr.",
    # royalty, clergy and honorifics
    "king", "queen", "prince", "princess", "emperor", "empress", "sheikh", "sultan", "emir",
    "pope", "cardinal", "bishop", "archbishop", "rabbi", "imam", "sir", "dame", "lord", "lady",
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx.", "dr", "dr.", "prof", "prof.", "professor",
    "sen.", "rep.", "gov.", "amb.", "pres.", "hon.", "rev.",
    # professions the genre names people by
    "analyst", "researcher", "scholar", "economist", "fellow", "journalist", "reporter",
    "author", "coach", "manager", "ceo", "founder", "pollster", "strategist", "player", "athlete", "striker",
    "goalkeeper", "champion", "medallist", "medalist",
})

# Words that only prefix a title ("Vice President", "Prime Minister", "Foreign Minister",
# "Trade Secretary"): part of a speaker's role for the quotes stage, but never a title by
# themselves. Kept out of TITLES because the entities stage would otherwise take "Ministry
# of Foreign Affairs" or "World Trade Organization" for a person's office.
OFFICE_PREFIXES: frozenset[str] = frozenset({
    "vice", "prime", "rear", "foreign", "defence", "defense", "finance", "trade", "state",
    # departments named in a title ("Secretary of the Treasury", "Homeland Security Secretary")
    "treasury", "homeland", "interior", "commerce", "labor", "labour", "agriculture",
    "transportation", "housing", "veterans", "press", "national", "acting", "former",
})

# Relations that introduce a person the way a title does ("my friend Joe", "his aide Ri"):
# the quotes stage reads them as the speaker's role. Kept out of TITLES because they are
# also names ("Son", "Partner") the entities stage must not read as titles.
RELATION_WORDS: frozenset[str] = frozenset({
    "friend", "colleague", "counterpart", "adviser", "advisor", "aide", "successor",
    "predecessor", "wife", "husband", "son", "daughter", "father", "mother", "brother",
    "sister", "partner",
})

# Endings of nationality nouns and adjectives ("Americans", "Ukrainian", "Korean",
# "Chinese", "British"). The areas stage skips a lone one as a title (it names a people in
# passing, not a theme); the quotes stage does not take a run ending in one for a person
# ("North Korean athletes"); the glossary knows a translated name's nationality word by
# it. Country names and surnames rarely end so ("Taiwan", "Japan", "Sullivan" do not);
# stages that can afford broader endings add them in their own rules.
DEMONYM_ENDINGS: tuple[str, ...] = ("ian", "ians", "ican", "icans", "ean", "eans", "ese", "ish")

# --- Organisations -----------------------------------------------------------------------

# Head words of organisation names ("Central Institute of Socialism", "Arctic Council",
# "U.S. Embassy"). The entities stage tags a capitalised run holding one as an
# organisation; the quotes stage knows "the committee said" refers back to the last
# "... Committee" and that a run holding one is no person; the glossary reads a foreign
# name head first when its head is one. Chosen for precision: "Union" and "Federation"
# are here, and the states named so ("Soviet Union") are places, which are checked first.
# Documents and news outlets also "say" things, but a "Plan" or a "Times" is no
# organisation: the quotes stage adds those words in its own rules.
ORG_HEADS: frozenset[str] = frozenset({
    # government and politics
    "ministry", "department", "agency", "office", "government", "administration", "cabinet",
    "parliament", "congress", "senate", "assembly", "council", "committee", "commission",
    "court", "tribunal", "authority", "bureau", "board", "directorate", "secretariat",
    "service", "party", "federal",
    # armed and security forces
    "army", "navy", "force", "forces", "command", "guard", "police",
    # alliances and bodies of states
    "union", "federation", "alliance", "coalition", "league", "conference", "forum",
    # education, research and civil society
    "institute", "institution", "university", "college", "school", "academy", "centre",
    "center", "foundation", "association", "society", "network", "group", "club", "team",
    "project", "programme",
    # business
    "bank", "fund", "company", "corporation", "consortium", "inc.", "ltd",
    # generic
    "organisation", "organization",
})

# --- Dates -------------------------------------------------------------------------------

# Month and day names: capitalised, but never a person's name ("in May", "on Friday"). The
# entities and quotes stages both skip them when they look for names.
MONTHS: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
