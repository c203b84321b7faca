"""Numbers and dates per locale (babel): 0,3% in Dutch, 0.3% in English."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

# Babel locale per conversation language. English readers here are mostly international
# families in the Netherlands, so British conventions (22 November 2026).
LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def locale_of(lang: str) -> str:
    """Babel locale for a conversation language."""
    return LOCALES[lang]


def format_long_date(day: dt.date, lang: str) -> str:
    """A date written out, e.g. '22 november 2026'."""
    return format_date(day, format="long", locale=locale_of(lang))


def format_date_range(start: dt.date, end: dt.date, lang: str) -> str:
    """A date range with the month written out, as the sources write it: '23–25 januari 2026'.

    (babel's interval formats abbreviate the month for this skeleton: '23–25 jan 2026'.)
    """
    loc = locale_of(lang)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{format_date(end, 'd MMMM y', locale=loc)}"
    if start.year == end.year:
        return f"{format_date(start, 'd MMMM', locale=loc)} – {format_date(end, 'd MMMM y', locale=loc)}"
    return f"{format_long_date(start, lang)} – {format_long_date(end, lang)}"


def format_value(spec: dict[str, Any], lang: str, ui: Callable[[str], str]) -> str:
    """Render one content value (`values:` in the content files) for `lang`.

    `ui(key)` returns an interface text in `lang` (for the "25 van de 100" pattern).
    """
    loc = locale_of(lang)
    kind = spec["type"]
    if kind == "number":
        return format_decimal(spec["value"], locale=loc)
    if kind == "frequency":
        count = format_decimal(spec["count"], locale=loc)
        per = format_decimal(spec["per"], locale=loc)
        if spec.get("percent"):
            percent = format_percent(spec["count"] / spec["per"], format="#,##0.#%", locale=loc)
            return ui("frequency_percent").format(count=count, per=per, percent=percent)
        return ui("frequency").format(count=count, per=per)
    if kind == "date_range":
        start, end = (dt.date.fromisoformat(str(spec[k])) for k in ("start", "end"))
        return format_date_range(start, end, lang)
    raise ValueError(f"unknown value type {kind!r}")
