"""Word lists for the quotes stage, kept as data so they can be read and tuned apart from the code.

Every list is lower case and generic English news/analysis vocabulary; none names a person,
place or phrase from any particular article. Multi-word cues are tuples of words.
"""

from __future__ import annotations

from briefgen.analysis.lexicon import (
    DEMONYM_ENDINGS,
    DOCUMENT_VERBS,
    MONTHS,
    OFFICE_PREFIXES,
    ORG_HEADS,
    RELATION_WORDS,
    TITLES,
    WEEKDAYS,
)

# How far around a quote we look for its attribution, in characters. Attribution sits in
# the same sentence; the cap keeps a 1 MB single-line "sentence" from costing more than
# a constant per quote.
LEFT_WINDOW = 700
RIGHT_WINDOW = 400
# How far back (characters of earlier text) we look for the person a pronoun stands for.
ANTECEDENT_WINDOW = 3000

# A short quote (this many words or fewer) is a term unless a speech verb governs it
# closely: "said such an incident “should never happen”" is speech, "the “correction”" is not.
SHORT_QUOTE_WORDS = 3
# ...and "closely" means at most this many words between the verb and the opening mark.
SHORT_QUOTE_VERB_DISTANCE = 8
# A quote this long with no cue at all is still somebody's statement, not a phrase.
LONG_QUOTE_WORDS = 8
# A quotation whose content words are at least this share capitalised is a title of a
# report, strategy or book ("Strategy for a Free and Open Indo-Pacific"), not speech.
TITLE_CASE_SHARE = 0.75
# A quote that follows a statement in the same sentence ("calls for X “…” in the event
# “…”") continues it when it is at least this long; shorter ones are fragments.
CONTINUED_QUOTE_WORDS = 4
# Term nouns ("the term", "the slogan") only label the quote right after them.
TERM_NOUN_DISTANCE = 4

# Speech verbs (lexicon.SPEECH_VERBS) that are common in ordinary, non-speech use; they count as a cue only when
# followed by "that" or a colon, or right before the quote ("provides that…", "required:").
# The verbs documents say things with (lexicon.DOCUMENT_VERBS), and everyday ones.
WEAK_SPEECH_VERBS: frozenset[str] = DOCUMENT_VERBS | frozenset({
    "add", "adds", "added", "adding", "note", "notes", "noted", "noting",
    "state", "states", "maintain", "maintains", "maintained", "recall", "recalls", "recalled",
    "answer", "answers", "answered", "ask", "asks", "asked", "asking",
    "mention", "mentions", "mentioned", "promise", "promises", "promised", "promising",
    "stress", "stresses", "stressed", "stressing", "demand", "demands", "demanded", "demanding",
})

# Weak speech verbs also count right before "to" and the quote: "committed to “…”",
# "pledged to “…”" give the subject's own wording of what they will do.
WEAK_VERB_INFINITIVE = "to"

# Nouns of stated aims: in "<verb> the Department's intention to “…”" a weak speech verb
# ("states", "notes") still cues the quote, and its subject is the speaker.
INTENT_NOUNS: frozenset[str] = frozenset({
    "intention", "intentions", "intent", "aim", "aims", "goal", "goals", "plan", "plans",
    "commitment", "commitments", "determination", "resolve", "desire", "objective",
    "objectives", "ambition", "ambitions", "pledge", "promise", "vow", "readiness",
    "willingness",
})
# How many words may stand between such a verb and the intent noun ("states the
# Department's intention to").
INTENT_NOUN_REACH = 5

# "In his words, it was a decade during which wars:" ¶ "dragged on …": a possessive's
# "words" cue a quotation by that person; the possessive stands for this pronoun.
WORDS_OF_POSSESSIVE: dict[str, str] = {"his": "he", "her": "she", "their": "they"}
WORDS_NOUN = "words"

# Multi-word attribution phrases; their subject is the speaker, like a speech verb's.
SPEECH_PHRASES: tuple[tuple[str, ...], ...] = (
    ("called", "for"), ("calls", "for"), ("call", "for"), ("calling", "for"),
    ("called", "on"), ("calls", "on"), ("calling", "on"),
    ("spoke", "of"), ("speaks", "of"), ("spoke", "about"),
    ("went", "on", "to", "say"), ("was", "quoted", "as", "saying"),
    ("put", "it"), ("summed", "it", "up"), ("made", "clear"), ("made", "it", "clear"),
)

# "according to X" names the source after the cue rather than before it.
ACCORDING_TO: tuple[str, ...] = ("according", "to")
SOURCE_PHRASES: tuple[tuple[str, ...], ...] = (
    ACCORDING_TO, ("in", "the", "words", "of"), ("as", "quoted", "by"),
)

# Nouns that introduce a term, name, title or slogan rather than speech: "the term “X”",
# "slogans such as “X”", "its historical name of “X”", "a banner read: “X”".
TERM_NOUNS: frozenset[str] = frozenset({
    "term", "terms", "word", "words", "phrase", "phrases", "expression", "name", "names",
    "title", "titles", "slogan", "slogans", "motto", "mottos", "mottoes", "label", "labels",
    "nickname", "nicknames", "moniker", "hashtag", "hashtags", "banner", "banners",
    "placard", "placards", "sign", "signs", "headline", "headlines", "brand", "catchphrase",
    "chant", "chants", "concept", "notion", "idea", "doctrine", "mantra", "refrain",
    "formula", "buzzword", "euphemism", "codename", "rubric", "tagline", "logo",
    # titles of works: "his book “The Long Game”"
    "book", "novel", "film", "movie", "song", "poem", "album", "essay", "documentary",
    "column", "op-ed", "podcast", "exhibition",
    # set sayings nobody in the text is quoted as saying: "the creed that “…”"
    "creed", "creeds", "credo", "credos", "maxim", "maxims", "adage", "adages", "proverb",
    "proverbs", "dictum", "watchword", "watchwords",
})

# Verbs that name or display words rather than say them: a chant or a banner's text
# is a slogan, "so-called" and "dubbed" mark a label.
TERM_VERBS: frozenset[str] = frozenset({
    "chanted", "chant", "chanting", "chants", "read", "reads", "reading",
    "dubbed", "dub", "dubs", "dubbing", "nicknamed", "labelled", "labeled", "labelling",
    "labeling", "branded", "titled", "entitled", "renamed", "rebranded", "coined",
    "so-called", "termed", "styled", "spelled", "spelt", "named", "emblazoned", "bearing",
    "printed", "inscribed",
})

# Multi-word term cues.
TERM_PHRASES: tuple[tuple[str, ...], ...] = (
    ("such", "as"), ("known", "as"), ("referred", "to", "as"), ("refer", "to", "as"),
    ("refers", "to", "as"), ("so", "called"), ("the", "so-called"),
)

# Of the term verbs, those that also give a document's words: "a banner read: “…”" is a
# slogan, but "the statement read: “…”" is the statement itself.
DISPLAY_VERBS: frozenset[str] = frozenset({"read", "reads", "reading"})

# Naming verbs: "calling troops “heroes”". A short quote after one is a label (a term);
# a long one is the subject's own characterisation, so a statement.
NAMING_VERBS: frozenset[str] = frozenset({
    "call", "calls", "called", "calling",
    "name", "names", "named", "naming",  # "naming their son “Rocket”": a label
})

# Before a quote, these let a quote be read as a modifier: "a “don't attack me” mindset".
MODIFIER_DETERMINERS: frozenset[str] = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "its", "his", "her", "their", "our",
    "my", "your", "new", "so-called",
})

# Words that end a subject clause when read backwards from a speech verb: the speaker
# is what follows them. ("…troops, while the ministry said", "…such that he wrote").
CLAUSE_OPENERS: frozenset[str] = frozenset({
    "that", "while", "whereas", "because", "but", "although", "though", "when", "where",
    "since", "whether", "if", "unless", "yet", "so", "and", "or", "what", "how", "why",
    "as",  # "As the report noted, …"
})

# Relative pronouns: in "X, who stated that", the speaker is X, before the comma.
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "which", "whose"})

# Auxiliaries and adverbs that sit between a subject and its speech verb ("has also said").
SUBJECT_VERB_FILLERS: frozenset[str] = frozenset({
    "has", "have", "had", "is", "was", "were", "are", "been", "be", "being", "will", "would",
    "could", "should", "may", "might", "must", "can", "did", "does", "do", "also", "later",
    "then", "once", "previously", "recently", "reportedly", "publicly", "repeatedly", "again",
    "further", "subsequently", "even", "often", "since", "already", "still", "now", "first",
    "not", "never", "famously", "explicitly", "openly", "bluntly", "simply", "just",
    "specifically", "initially", "separately", "jointly", "both", "all",
})

# Lower-case words that may stay inside a name or a document's title: "Sport and Olympic
# Committee", "Article 3 of the treaty", "spokesperson for the ministry".
NAME_CONNECTORS: frozenset[str] = frozenset({
    "of", "for", "and", "the", "de", "del", "da", "di", "du", "van", "von", "der", "den",
    "al", "el", "bin", "ibn", "la", "le", "on", "&",
})
# Of those, the ones that may also join lower-case words in a noun phrase subject
# ("Article 3 of the new bilateral treaty", "a spokesman for the ministry").
NP_CONNECTORS: frozenset[str] = frozenset({"of", "for", "the", "'s", "’s"})

# Prepositions that open an adjunct before the subject ("In 2026, …", "with X calling").
LEADING_PREPOSITIONS: frozenset[str] = frozenset({
    "in", "at", "on", "during", "with", "after", "before", "from", "by", "under", "amid",
    "through", "following", "speaking", "writing", "as", "last", "earlier", "later", "this",
    "today", "yesterday", "meanwhile", "however", "moreover", "indeed", "instead", "then",
    "separately", "similarly", "likewise", "also", "still", "now", "here",
})

# A short quote right after one of these is the object of a preposition, a quoted noun
# phrase rather than speech: "grant review only for “compelling reasons”", "known as
# “the backstop”". A speech verb further back does not make it a statement.
TERM_AFTER_PREPOSITIONS: frozenset[str] = frozenset({
    "for", "of", "as", "about", "on", "into", "with", "against", "toward", "towards", "like",
})

# Prepositions that put a participle's noun in an object position: in "a report on cyber
# insurance recommending", the noun after "on" is what the report is about, not who
# recommends; the name further back in the clause is the speaker.
OBJECT_PREPOSITIONS: frozenset[str] = frozenset({
    "on", "about", "of", "into", "regarding", "concerning", "for", "over", "in", "to",
})

# How many words back from that preposition the clause's named subject may stand.
CLAUSE_NAME_REACH = 12

# Determiners stripped from the front of a speaker ("the committee" → "committee").
ARTICLES: frozenset[str] = frozenset({"the", "a", "an"})
# Possessive determiners that may open a speaker's noun phrase ("his spokesman").
POSSESSIVES: frozenset[str] = frozenset({"his", "her", "its", "their", "our", "my"})

# Pronoun subjects. He/she/I/we stand for a person; they/it for an organisation, a
# document or a group.
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she"})
FIRST_PERSON: frozenset[str] = frozenset({"i", "we"})
GROUP_PRONOUNS: frozenset[str] = frozenset({"they", "it"})

# Contractions a pronoun subject carries in speech ("He’d say", "She’ll tell you",
# "I’ve said"): the pronoun is the subject, never the whole token.
PRONOUN_CONTRACTION = r"(?:['’](?:d|ll|s|ve|re|m))"

# Lower-case nouns for a person that, after a possessive, make a sentence subject a
# pronoun can refer to ("My dad had a saying. He’d say, “…”"): a transcript's
# speakers name relatives and colleagues this way rather than by name.
PERSON_NOUNS: frozenset[str] = frozenset({
    "dad", "father", "mom", "mum", "mother", "grandfather", "grandmother", "grandpa",
    "grandma", "brother", "sister", "son", "daughter", "wife", "husband", "uncle", "aunt",
    "friend", "boss", "colleague", "teacher", "coach", "mentor", "neighbour", "neighbor",
})

# Words after which a name is an object or a comparison, not a subject ("looked like X",
# "met with X", "a letter to X"): a pronoun in a later paragraph does not refer back to
# such a name.
NON_SUBJECT_PRECEDERS: frozenset[str] = frozenset({
    "like", "unlike", "with", "to", "by", "of", "for", "from", "about", "against", "than",
    "at", "into", "toward", "towards", "without", "between", "among", "including", "via",
    "resembled", "resembles", "named", "called", "met", "meet", "meets", "saw", "see",
})

# Nouns of saying: in "<noun> by <speaker> that “…”" ("assurances by the chair that
# “…”") the quote is the speaker's words, though no speech verb is used.
SPEECH_NOUNS: frozenset[str] = frozenset({
    "assurance", "assurances", "reassurance", "reassurances", "claim", "claims",
    "statement", "statements", "warning", "warnings", "promise", "promises", "pledge",
    "pledges", "insistence", "denial", "denials", "assertion", "assertions", "remark",
    "remarks", "comment", "comments", "suggestion", "suggestions", "admission",
    "admissions", "allegation", "allegations", "announcement", "announcements",
    "declaration", "declarations", "vow", "vows", "threat", "threats", "argument",
    "arguments", "insinuation", "insinuations", "boast", "boasts",
})
# Joiners of the speaker in that form: "assurances by X that", "claims from X that".
SPEECH_NOUN_BY: frozenset[str] = frozenset({"by", "from"})
# How many words the speaker of that form may have.
SPEECH_NOUN_SPEAKER_WORDS = 8

# Words after a one- or two-word quote that are not the noun it modifies ("said “no”
# again", "called it “unfair” yesterday"): with these the quote is not a scare-quoted
# modifier.
NOT_MODIFIED_NOUNS: frozenset[str] = frozenset({
    "again", "instead", "too", "either", "anyway", "here", "there", "now", "today",
    "yesterday", "tonight", "tomorrow", "earlier", "later", "once", "twice", "first",
    "last", "afterwards", "repeatedly", "publicly", "privately", "not", "no", "nor",
})
# The quote of a scare-quoted modifier is at most this many words ("“hostage-taking”
# tactics"); longer quotes before a noun are speech.
MODIFIER_QUOTE_WORDS = 2

# Title and honorific words: before a name they are the person's role ("Rear Admiral",
# "Indo-Pacific Commander", "Prime Minister", "his aide"), and they prove a capitalised run
# is a person. The titles, the words that only prefix one, and relations (all in lexicon).
TITLE_WORDS: frozenset[str] = TITLES | OFFICE_PREFIXES | RELATION_WORDS
# Of the title words, those that cannot be a role on their own ("Foreign", "Vice",
# "State"): they only prefix another title word.
TITLE_PREFIXES: frozenset[str] = OFFICE_PREFIXES | frozenset({
    "deputy", "chief", "lieutenant", "brigadier", "major",
})

# Bodies that speak as organisations do ("the Times reported", "the Kremlin said", "the
# embassy said", "the panel found") but that the entities stage does not tag as one: news
# outlets, buildings that stand for a government, missions abroad, monitors and
# observatories (as often an instrument), panels, services and programmes. Documents are
# in DOCUMENT_HEADS below.
SPEAKING_BODIES: frozenset[str] = frozenset({
    "times", "post", "daily", "journal", "news", "press", "kremlin", "pentagon", "embassy",
    "consulate", "delegation", "monitor", "observatory", "panel", "services", "program",
})

# Head words of documents, which "say" things through verbs that people rarely use for
# speech: "the treaty requires", "Article 3 provides", "the agreement commits".
DOCUMENT_HEADS: frozenset[str] = frozenset({
    "treaty", "agreement", "accord", "act", "law", "bill", "resolution", "report", "assessment",
    "statement", "declaration", "communique", "charter", "article", "section", "clause",
    "paragraph", "provision", "memorandum", "document", "strategy", "review", "constitution",
    "directive", "decree", "order", "regulation", "text", "plan", "guidance", "doctrine",
    "protocol", "convention", "pact", "deal", "framework", "letter", "message", "tweet",
    "notice", "editorial", "commentary", "note", "cable", "readout", "transcript",
    "study", "survey", "paper", "initiative",
})

# Head words of organisations, documents and outlets. "the committee said" refers back to
# the last named "... Committee"; and a capitalised run ending in one is not a person.
SOURCE_HEADS: frozenset[str] = ORG_HEADS | DOCUMENT_HEADS | SPEAKING_BODIES

# Capitalised words that do not belong to a person's name: compass and region words,
# calendar words, and sentence-starting function words. They stop a run from counting as
# a person when a pronoun looks for its antecedent.
NOT_NAME_WORDS: frozenset[str] = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "upper", "lower", "greater", "new", "old", "far", "middle", "near",
    "republic", "kingdom", "states", "united", "democratic", "people's", "people’s",
    "federal", "federation", "empire", "island", "islands", "sea", "ocean", "river",
    "mountains", "peninsula", "strait", "gulf", "bay", "coast", "city", "province", "region",
    "games", "olympics", "olympic", "cup", "championship", "championships", "summit",
    "war", "world", "cold", "day", "week", "year",
    "the", "a", "an", "in", "on", "at", "for", "but", "however", "and", "or", "this",
    "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "his", "her",
    "their", "our", "after", "before", "during", "while", "when", "as", "if", "since",
    "although", "according", "despite", "meanwhile", "moreover", "also", "both", "all",
    "some", "many", "most", "other", "another", "there", "here", "what", "why", "how",
    "who", "one", "two", "three", "first", "second", "third", "last", "next",
    "covid", "internet", "english",
    # words of organisation names: "Ministry of Foreign Affairs" ends in no one's surname
    "affairs", "studies", "relations", "nations", "resources", "security", "development",
    "defense", "defence", "intelligence", "research", "policy", "international", "national",
    "public", "economic", "social", "science", "sciences", "technology", "energy", "health",
    "education", "trade", "commerce", "industry", "cooperation", "peace", "rights", "human",
    "environment", "strategic", "global", "unification", "welfare",
}) | frozenset(MONTHS) | frozenset(WEEKDAYS)
# Endings of nationality words (lexicon.DEMONYM_ENDINGS), and of region adjectives
# ("Arctic", "Baltic", "Northern"): a run ending in one describes something ("North Korean
# athletes") rather than naming a person.
DESCRIPTIVE_ENDINGS: tuple[str, ...] = DEMONYM_ENDINGS + ("ic", "ern")

# --- Labels: "Sen. Ana Rojas (D-NM): “…”" and headings naming the speaker of their rows -----

# A speaker label is a short noun phrase: at most this many words ("Steel Manufacturers
# Association President Ana Rojas" is 7).
LABEL_MAX_WORDS = 12
# A label may end in a parenthesis of party and state ("(D-PA)", "(R)") of at most this
# many tokens, marks included; it is not part of the name.
LABEL_PARENTHESIS_TOKENS = 8
# A label never opens with these: a topic ("On tariffs:", "Re:"), a question or a
# stretch of page furniture ("Watch:", "Background:"). Such a row's speaker, if any, is
# named by its heading.
LABEL_NOT_FIRST: frozenset[str] = frozenset({
    "on", "re", "about", "regarding", "concerning", "topic", "subject", "question", "answer",
    "background", "context", "summary", "update", "note", "watch", "read", "listen", "see",
    "source", "sources", "photo", "video", "image", "credit", "caption", "headline", "quote",
    "quotes", "key", "bottom", "why", "what", "how", "when", "where", "who", "here", "here’s",
    "here's", "this", "that", "these", "those", "today", "yesterday", "tomorrow", "tonight",
    "meanwhile", "also", "plus", "bonus", "breaking", "related", "more", "full", "latest",
})
# Lower-case role nouns: people named by what they are. A label may hold them beside the
# names ("Fogel lawyers Ana Rojas and Li Wei"), a subject may ("the project scientist"),
# and "said the project scientist, Ana Rojas" makes the phrase her role.
ROLE_NOUNS: frozenset[str] = frozenset({
    "scientist", "scientists", "engineer", "engineers", "manager", "managers", "researcher",
    "researchers", "analyst", "analysts", "expert", "experts", "economist", "economists",
    "strategist", "strategists", "pollster", "pollsters", "consultant", "consultants",
    "adviser", "advisers", "advisor", "advisors", "aide", "aides", "professor", "lecturer",
    "historian", "student", "students", "teacher", "teachers", "doctor", "doctors",
    "activist", "activists", "organizer", "organiser", "volunteer", "volunteers",
    "investigator", "investigators", "lead", "coordinator", "specialist", "technician",
    "astronaut", "pilot", "commentator", "critic", "critics", "observer", "observers",
    "voter", "voters", "supporter", "supporters", "opponent", "opponents", "lawmaker",
    "lawmakers", "legislator", "legislators", "diplomat", "diplomats", "negotiator",
    "lawyer", "lawyers", "attorney", "attorneys", "spokesperson", "spokesman", "spokeswoman",
    "spokespeople", "family", "member", "members", "co-founder", "cofounder", "designate",
    "nominee", "candidate", "host", "anchor", "correspondent", "columnist", "contributor",
    "owner", "worker", "workers", "farmer", "farmers", "resident", "residents", "parent",
    "parents", "mother", "father", "son", "daughter", "wife", "husband", "widow", "brother",
    "sister", "leader", "leaders", "chief", "executive", "officer", "officials", "official",
    "staff", "president", "ceo", "chair", "director",
})
# In a heading that names a row's speaker, the name ends before these: "Secretary of
# State Ana Rojas on Meet the Press", "Ana Rojas at the summit".
HEADING_SPEAKER_CUTS: frozenset[str] = frozenset({"on", "at", "with"})
# A paragraph this short, with no quotation and no full stop, may be a heading set as a
# line of its own ("President Ana Rojas on Meet the Press"), naming the rows' speaker.
LABEL_LINE_CHARS = 120
# A row that opens with one of these and ends in a colon before its quotation is a topic
# ("On tariffs: “…”"), never a speaker or a speech verb's subject ("On the jobs report:").
TOPIC_OPENERS: frozenset[str] = frozenset({"on", "re", "regarding", "about", "concerning"})

# --- Subjects after a quotation: "…,” Ana Rojas, a fellow at the institute, said" ----------

# Verbs that attribute a quotation only right beside it ("“…,” Rojas fumed", "Rojas
# agreed: “…”"): news copy's colourful verbs of saying and of reacting. Elsewhere they have
# other senses ("agreed to the deal", "sighed with relief"), so they are not in
# lexicon.SPEECH_VERBS and never make a quotation of their own.
ATTRIBUTION_VERBS: frozenset[str] = frozenset({
    "agreed", "agrees", "gushed", "gushes", "implored", "implores", "fumed", "fumes",
    "sighed", "sighs", "scoffed", "scoffs", "snapped", "snaps", "shouted", "shouts", "yelled",
    "yells", "screamed", "screams", "whispered", "whispers", "mused", "muses", "marveled",
    "marvelled", "marvels", "exclaimed", "exclaims", "cried", "cries", "laughed", "laughs",
    "chuckled", "chuckles", "groaned", "groans", "grumbled", "grumbles", "muttered",
    "mutters", "mumbled", "mumbles", "sneered", "sneers", "retorted", "retorts", "countered",
    "counters", "rebutted", "pleaded", "pleads", "begged", "begs", "beseeched", "protested",
    "protests", "objected", "objects", "raged", "rages", "ranted", "rants", "railed",
    "rails", "thundered", "thunders", "bellowed", "bellows", "roared", "roars", "blasted",
    "blasts", "slammed", "slams", "charged", "charges", "scolded", "scolds", "chided",
    "chides", "mocked", "mocks", "teased", "teases", "taunted", "taunts", "bragged", "brags",
    "crowed", "crows", "touted", "touts", "cheered", "cheers", "enthused", "enthuses",
    "raved", "raves", "wondered", "wonders", "speculated", "speculates", "reasoned",
    "reasons", "reflected", "reflects", "recounted", "recounts", "remembered", "remembers",
    "continued", "continues", "went", "offered", "offers", "volunteered", "conceded",
    "allowed", "acknowledged", "confided", "confides", "confessed", "confesses", "explained",
    "vented", "vents", "lamented", "fretted", "frets", "worried", "worries",
    "pressed", "presses", "pushed", "insisted", "interjected", "interrupted", "chimed",
    "quipped", "joked", "deadpanned", "emailed", "texted", "messaged", "wrote", "tweeted",
    "posted", "told", "stated", "declared", "announced", "replied", "responded", "answered",
    "asked", "inquired", "queried", "demanded", "predicted", "warned", "vowed", "promised",
    "pledged", "threatened", "threatens", "boasted", "reassured",
    "summarized", "summarised", "concluded", "observed", "remarked",
    "noted", "added", "argued", "claimed", "contended", "maintained", "stressed",
    "emphasized", "emphasised", "recalled", "described", "complained", "cautioned",
    "griped", "gripes", "whined", "whines", "sniffed", "sniffs", "huffed", "huffs",
    "hissed", "hisses", "growled", "growls", "murmured", "murmurs", "stammered",
    "sobbed", "sobs", "wept", "smiled", "smiles", "grinned", "grins", "nodded", "shrugged",
})
# Words that open a subject noun phrase as an article does ("another official said",
# "two aides said").
SUBJECT_DETERMINERS: frozenset[str] = frozenset({
    "another", "one", "two", "three", "several", "some", "many", "both", "other", "senior",
    "former", "top",
})
# A subject noun phrase is at most this many words ("a senior official at the Department
# of Energy" is 9).
SUBJECT_MAX_WORDS = 12
# Prepositions that keep a subject going: "a spokesman for Disney", "a professor at Yale".
SUBJECT_LINKS: frozenset[str] = frozenset({"of", "for", "at", "from", "with", "to", "the"})
# An apposition between subject and verb ("…,” Ana Rojas, part of the team that runs the
# survey, told reporters") is at most this many tokens; only one of at most
# APPOSITION_ROLE_WORDS words is kept as the speaker's role.
APPOSITION_MAX_WORDS = 30
APPOSITION_ROLE_WORDS = 14
# In "a spokesman for Disney" or "a professor at the University of Leeds", an unnamed
# person speaks for the organisation after one of these: the phrase is the speaker and
# the organisation its role.
SPEAKS_FOR_LINKS: frozenset[str] = frozenset({"for", "of", "at", "with", "from"})
# Words set in headline capitals ("Rojas Says She Will “Fight On”"): when the name, the
# verb and every word after it up to the quotation are capitalised, small words too, a
# capitalised speech verb is still a verb ("Edward Said" is told apart by its own verb).
HEADLINE_MIN_WORDS = 2

# --- Antecedents: whom "he" and "she" stand for --------------------------------------------

# The gender a pronoun gives the person it is resolved to; a later pronoun of the other
# gender is not resolved to that person ("Ana Rojas … she said" then "he said" is not her).
PRONOUN_GENDER: dict[str, str] = {"he": "m", "she": "f"}
# Last words of a capitalised run that make it a building, a place or a thing rather than
# a person ("Dolley Madison House", "Kennedy Space Center", "Madison Square").
NOT_PERSON_WORDS: frozenset[str] = frozenset({
    "house", "center", "centre", "building", "airport", "station", "base", "hotel", "avenue",
    "street", "road", "square", "bridge", "tower", "museum", "library", "stadium", "arena",
    "airfield", "hospital", "prize", "award", "medal", "mission", "rocket", "spacecraft",
    "telescope", "satellite", "rover", "aircraft", "airplane", "plane", "ship",
})
# Verbs after which a lone capitalised word is a person doing something, though never
# seen in full ("Rojas remembers", "Rojas figured"): a pronoun may refer back to it.
PERSON_ACTS: frozenset[str] = frozenset({
    "remembers", "remembered", "figured", "thinks", "thought", "believes", "believed",
    "hopes", "hoped", "wants", "wanted", "knows", "knew", "feels", "felt", "joined",
    "joins", "began", "begins", "started", "starts", "grew", "worked", "works", "served",
    "serves", "met", "meets", "led", "leads", "spent", "spends", "is", "was", "has", "had",
    "isn’t", "isn't", "wasn’t", "wasn't", "hasn’t", "hasn't", "will", "would", "also",
    "vowed", "aimed", "returned", "declined", "refused", "decided", "chose", "helped",
    "learned", "studied", "graduated", "earned", "received", "won", "lost", "became",
})
# Titles that give a person's gender ("Ms. Rojas", "Congresswoman Rojas").
TITLE_GENDER: dict[str, str] = {
    "mr": "m", "mr.": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "sheikh": "m",
    "congressman": "m", "chairman": "m", "spokesman": "m", "businessman": "m",
    "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "dame": "f", "lady": "f",
    "queen": "f", "princess": "f", "congresswoman": "f", "chairwoman": "f", "spokeswoman": "f",
    "businesswoman": "f",
}
# A capitalised run right after one of these is a place ("in St. Louis", "near Dayton"),
# unless a title makes it a person.
LOCATIVE_PRECEDERS: frozenset[str] = frozenset({
    "in", "near", "outside", "inside", "across", "throughout", "around", "toward", "towards",
})
# First words of place names ("St. Louis", "Fort Worth", "Lake Placid", "Cape Town").
PLACE_PREFIXES: frozenset[str] = frozenset({
    "st.", "st", "mt.", "mt", "ft.", "ft", "fort", "mount", "lake", "cape", "port", "saint",
    "san", "santa", "los", "las", "new",
})
# Of the naming verbs, those that also quote someone's words about a thing: "called the
# plan “utterly flawed data”" is the subject's statement, where "named their son “Rocket”"
# is a label. Only with an object between verb and quotation ("a base called “X”" names a
# thing) and a quotation of at least this many words.
CALLING_VERBS: frozenset[str] = frozenset({"call", "calls", "called", "calling"})
CALLED_QUOTE_WORDS = 2
# The object between such a verb and the quotation is a short noun phrase ("the plan",
# "it", "calls it a") with no participle in it ("call you using the “raise hand”"), and
# never in the passive ("it is called the “harbour plan”": a name, a term).
CALLED_OBJECT_WORDS = 4
OBJECT_PRONOUNS: frozenset[str] = frozenset({"it", "him", "her", "them", "this", "that", "these", "those"})

# --- What a speaker may be -------------------------------------------------------------------

# A speaker is at most this many words ("spokesman for the Ministry of Foreign Affairs of
# the Republic" is 10); longer, it is a clause, not a name.
SPEAKER_MAX_WORDS = 12
# Lower-case nouns for groups of people that may speak on their own ("officials said",
# "critics argue", "residents said").
GROUP_NOUNS: frozenset[str] = frozenset({
    "officials", "residents", "critics", "experts", "analysts", "observers", "witnesses",
    "protesters", "protestors", "demonstrators", "organizers", "organisers", "authorities",
    "police", "investigators", "prosecutors", "lawmakers", "legislators", "senators",
    "republicans", "democrats", "voters", "supporters", "opponents", "aides", "advisers",
    "advisors", "sources", "scientists", "researchers", "doctors", "economists", "leaders",
    "parents", "students", "teachers", "workers", "farmers", "neighbours", "neighbors",
    "families", "survivors", "veterans", "members", "staff", "employees", "executives",
    "diplomats", "negotiators", "activists", "campaigners", "spokespeople", "authors",
    "editors", "writers", "judges", "justices", "officers", "commanders", "generals",
})
# Speech verbs' forms that are also plural nouns ("Member states", "press reports"): at
# the end of a speaker they are its noun, not a verb run into it.
PLURAL_NOUN_LOOKALIKES: frozenset[str] = frozenset({
    "states", "reports", "notes", "claims", "comments", "remarks", "demands", "promises",
    "posts", "answers", "estimates", "warnings", "pledges", "vows", "tweets", "replies",
    "charges", "cheers", "counters", "offers", "objects", "protests", "reasons", "cries",
})
# "The minister was asked, “…”", "she was told “…”": in the passive the subject hears the
# quotation; its speaker is someone else, so none is given.
PASSIVE_AUXILIARIES: frozenset[str] = frozenset({"was", "were", "is", "are", "been", "being", "be", "got"})
PASSIVE_SPEECH: frozenset[str] = frozenset({"asked", "told", "urged", "warned", "reminded", "informed", "advised"})
# Capitalised words that are usually something else (a bill, a month, a verb) but are
# also common first names: before a surname ("Bill Brockett", "Mark Lee") they are a name.
GIVEN_NAME_WORDS: frozenset[str] = frozenset({
    "bill", "mark", "grant", "will", "rose", "may", "june", "april", "august", "guy", "dean",
    "earl", "frank", "rich", "chase", "pat", "sue", "art", "summer", "hope", "faith", "joy",
    "major", "king", "prince", "bishop", "judge", "penny", "sterling", "drew", "gene",
})

# --- Key quotes: what an area page shows ------------------------------------------------------

# A key quote is a statement with a speaker that reads on its own: at least this many words
# ("their allies," does not), or a whole short sentence of at least KEY_QUOTE_SENTENCE_WORDS
# ("We will win.").
KEY_QUOTE_WORDS = 6
KEY_QUOTE_SENTENCE_WORDS = 3
# "Ana Rojas, science teacher at the academy in Rantoul, Illinois, said": the name may
# stand this many comma-separated asides before the verb.
ASIDE_SEGMENTS = 4
# Lower-case words that join names into one run ("Ministry of Defence") but never stand
# inside a person's name: a run is split at them before it is read as a person
# ("President Rojas on August 19", "Ana Rojas and Li Wei").
PERSON_RUN_BREAKS: frozenset[str] = frozenset({"and", "of", "for", "on", "the", "&"})
# A weak speech verb still cues a quotation after a short adjunct and a comma or colon
# ("asked on social media, “…”"): at most this many words of adjunct.
CUE_ADJUNCT_WORDS = 6
