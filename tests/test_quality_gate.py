"""The analysis quality gate on the dev set: no metric may fall below its saved bound."""

import json

from tests.quality.gate import BOUNDS, compare, score


def test_dev_set_scores_stay_at_or_above_their_saved_bounds() -> None:
    totals, report = score()
    bounds = json.loads(BOUNDS.read_text())
    problems = compare(totals, bounds)
    assert not problems, "\n".join(problems) + "\n\n" + report


def test_every_dev_article_is_analysed() -> None:
    totals, _ = score()
    assert totals["missing"] == 0 and totals["articles"] == 4
