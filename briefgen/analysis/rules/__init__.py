"""Each stage's own rules as data: one module per stage, read by that stage only.

Lists that more than one stage reads live in ``briefgen.analysis.lexicon``.
"""
