"""Each stage's own rules as data: one module per stage.

Lists that more than one stage reads live in ``briefgen.analysis.lexicon``. The Article
(``features``) reads the summary rules too: it works out the facts a summary weighs of
each sentence once, for the area summaries and the bottom line alike.
"""
