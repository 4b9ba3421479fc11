"""Data for the segmenter: which words open a sentence, and which quotations hold one sentence.

The abbreviations it knows are shared with the quotes stage, so they are in ``lexicon``.
"""

from __future__ import annotations

# A quotation up to this long (characters between its marks) is one speaker's sentence: a
# sentence end inside it would cut that sentence in two. Longer ones hold several.
SHORT_QUOTE_CHARS = 150

# Words that begin sentences far more often than they follow "U.S." or "Inc." inside one.
SENTENCE_OPENERS: frozenset[str] = frozenset({
    "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you",
    "there", "in", "on", "at", "for", "but", "however", "yet", "so", "as", "if", "when",
    "while", "after", "before", "since", "although", "though", "because", "many", "some",
    "most", "such", "his", "her", "their", "our", "a", "an", "what", "why", "how", "who",
    "meanwhile", "moreover", "still", "instead", "then", "now", "today", "yesterday",
    "according", "both", "each", "all", "one", "two", "under", "during", "with", "by",
    "despite", "also", "other", "another", "further", "finally", "first", "second",
})
