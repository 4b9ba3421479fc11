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

# A speaker label at the start of a paragraph, used only when the cleaner did not already
# set Paragraph.speaker: "PRESIDENT BIDEN:", "SECRETARY BLINKEN:", "Q:". Upper case only,
# since "Note: ..." or "Update: ..." in prose are not turns.
# Capitals include accented Latin ones ("PRESIDENT NIINISTÖ:", "MINISTRE LE DRIAN:"):
# an ASCII-only class missed such labels and folded a whole turn into the previous one.
_UPPER = "A-ZÀ-ÖØ-Þ"
SPEAKER_LABEL = re.compile(rf"^(?P<label>[{_UPPER}][{_UPPER}.’'\- ]{{0,48}}[{_UPPER}.]):\s+")

# Labels of people who ask: the answer that follows belongs in the same area.
QUESTIONER_SPEAKERS = ("Q", "QUESTION", "MODERATOR", "INTERVIEWER", "HOST")

# --- Words -----------------------------------------------------------------------------

# Function words carry no topic; they are left out of cohesion and salience counts.
STOP_WORDS = frozenset("""
a about above after again against all also although am among an and any are as at be
because been before being below between both but by can could did do does doing down
during each either even ever every few for from further had has have having he her here
hers him his how however i if in into is it its itself just least less like made make
many may me might more most much must my neither no nor not now of off on once one only
or other our ours out over own per quite rather said same say says she should since so
some still such than that the their theirs them then there these they this those though
through thus to too toward towards under until up upon us very via was we were what when
where whether which while who whom whose why will with within without would yet you your
mr ms mrs dr new two three well also already within across around
""".split())

# Sentence openers that point back to something earlier. A summary sentence that starts
# with one reads as a dangling reference out of context.
DANGLING_STARTS = frozenset("""
this these that those he she it they his her its their him them such there here then
""".split())
# First- and second-person words: a speech's "I’ll", "Let me", "President X and I" or
# "My administration" is the speaker's voice, not a theme, so such phrases never title.
SPEAKER_VOICE_WORDS = frozenset("""
i i'm i’m i'll i’ll i've i’ve i'd i’d me my mine we we're we’re we'll we’ll we've we’ve
us our ours you you're you’re you'll you’ll your yours let let's let’s
you've you’ve you'd you’d
""".split())

# Courtesies of speeches and transcripts ("Thank you", "I'm delighted to hand over"):
# true to the source but empty as a summary, so such sentences rank low.
PHATIC_WORDS = frozenset("""
thank thanks thanking delighted pleased glad honor honour honored honoured welcome
greetings excellencies excellency gentlemen ladies morning evening afternoon
""".split())

# Spoken filler: with contractions ("I'm", "you'll"), the only content words of a
# sentence that says nothing ("So I'm going to be going from here to there"). A sentence
# with fewer than THIN_MIN_WORDS other content words ranks low.
SPOKEN_FILLER = frozenset("""
going get got gonna want wanted say said saying think know look make let thing things lot
well really just here there yeah okay way
""".split())
