"""Dates as articles write them, to ISO YYYY-MM-DD; and metadata values as one line of text."""

from __future__ import annotations

import datetime as _dt
import re

from briefgen.analysis import clean_rules as R

_WS = re.compile(r"\s+")


def iso_date(text: str) -> str | None:
    """The first date written in ``text``, as YYYY-MM-DD; None when there is none.

    "March 3, 2025", "3 March 2025", "Mar. 3 2025", "2025-03-03" (also inside a timestamp)
    and the PDF document-info form "D:20250303...". A day that does not exist is no date.
    """
    found: list[tuple[int, str]] = []
    for rx in (R.DATE_ISO, R.DATE_MDY, R.DATE_DMY, R.DATE_PDF):
        m = rx.search(text)
        if not m:
            continue
        month = m.group("month")
        month_n = int(month) if month.isdigit() else R.MONTHS.get(month.lower().rstrip("."), 0)
        try:
            day = _dt.date(int(m.group("year")), month_n, int(m.group("day")))
        except ValueError:
            continue
        found.append((m.start(), day.isoformat()))
    if not found:
        numeric = R.DATE_NUMERIC.search(text)
        if numeric:
            parsed = _parse_numeric(numeric.group(0))
            if parsed:
                found.append((numeric.start(), parsed))
    return min(found)[1] if found else None


def _parse_numeric(text: str) -> str | None:
    """A numeric date ("09/16/2026", "16.09.2026", "2026/09/16") read by dateparser.

    Month first when both readings are possible (US government and research-service
    pages, most of what briefgen reads, write it so); a day over 12 settles it. The base
    date is fixed, so the same text always gives the same date.
    """
    import dateparser

    settings = {
        "DATE_ORDER": "MDY", "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"],
        "RELATIVE_BASE": _dt.datetime(2000, 1, 1), "PARSERS": ["absolute-time"],
    }
    parsed = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    return parsed.date().isoformat() if parsed else None


def as_text(value: object, field: str) -> str | None:
    """A front-matter value as one line of text (lists of authors joined, dates in ISO)."""
    if value is None:
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, dict):
        return as_text(value.get("name") or value.get("title"), field)
    if isinstance(value, (list, tuple)):
        parts = [p for p in (as_text(v, field) for v in value) if p]
        return ", ".join(parts) if parts else None
    text = _WS.sub(" ", str(value)).strip()
    if field == "date":
        return iso_date(text)
    return text or None
