"""The analysis quality gate on the dev set: no metric may fall below its saved bound."""

import json

import pytest

from tests.quality.gate import BOUNDS, FORMATS, compare, score


def test_dev_set_scores_stay_at_or_above_their_saved_bounds() -> None:
    totals, report = score()
    bounds = {k: v for k, v in json.loads(BOUNDS.read_text()).items() if "." not in k}
    problems = compare(totals, bounds)
    assert not problems, "\n".join(problems) + "\n\n" + report


def test_every_dev_article_is_analysed() -> None:
    totals, _ = score()
    assert totals["missing"] == 0 and totals["articles"] == 4


@pytest.mark.slow
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_dev_set_printed_as_pdf_and_saved_as_docx_stays_at_or_above_its_bounds(fmt: str) -> None:
    totals, report = score(formats=(fmt,))
    bounds = {k: v for k, v in json.loads(BOUNDS.read_text()).items() if k.startswith(f"{fmt}.")}
    assert bounds, f"no {fmt}.* bounds saved: run python -m tests.quality.gate --update"
    problems = compare(totals, bounds)
    assert not problems, "\n".join(problems) + "\n\n" + report
