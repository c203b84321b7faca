"""Numbers and dates per locale."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.content.formatting import format_long_date, format_value
from bot.conversation.render import Renderer


def test_frequencies_per_locale(renderer: Renderer) -> None:
    spec = {"type": "frequency", "count": 3, "per": 1000, "percent": True}
    assert format_value(spec, "nl", lambda k: renderer.ui(k, "nl")) == "3 van de 1.000 (0,3%)"
    assert format_value(spec, "en", lambda k: renderer.ui(k, "en")) == "3 in 1,000 (0.3%)"


def test_dates_per_locale() -> None:
    assert format_long_date(dt.date(2026, 11, 12), "nl") == "12 november 2026"
    assert format_long_date(dt.date(2026, 11, 12), "en") == "12 November 2026"


def test_numbers_in_answers_come_from_values(renderer: Renderer) -> None:
    c = renderer.content
    nl = renderer.answer(c.answers["option_prenatal"], "nl")[0].text
    en = renderer.answer(c.answers["option_prenatal"], "en")[0].text
    assert "rond week 11" in nl and "0,3%" in nl and "3 van de 1.000" in nl
    assert "around week 11" in en and "0.3%" in en and "3 in 1,000" in en
    assert "25 van de 100 (25%)" in renderer.answer(c.answers["smard_chance"], "nl")[0].text
    # As the leaflet gives it (98%): per 100, not per 1,000 (issue 15).
    assert "98 in 100 (98%)" in renderer.answer(c.answers["option_pgt"], "en")[0].text


def test_date_ranges_write_the_month_out() -> None:
    """As the source writes it ("23–25 januari 2026"), never a shortened month (issue 15)."""
    from bot.content.formatting import format_date_range

    start, end = dt.date(2026, 1, 23), dt.date(2026, 1, 25)
    assert format_date_range(start, end, "nl") == "23–25 januari 2026"
    assert format_date_range(start, end, "en") == "23–25 January 2026"
    assert (
        format_date_range(dt.date(2026, 1, 30), dt.date(2026, 2, 2), "nl")
        == "30 januari – 2 februari 2026"
    )


def test_a_range_over_the_new_year_writes_both_years_out() -> None:
    from bot.content.formatting import format_date_range

    start, end = dt.date(2026, 12, 30), dt.date(2027, 1, 2)
    assert format_date_range(start, end, "nl") == "30 december 2026 – 2 januari 2027"
    assert format_date_range(start, end, "en") == "30 December 2026 – 2 January 2027"


def test_an_unknown_value_type_names_itself(renderer: Renderer) -> None:
    """The content author sees which value is wrong (the content check raises it)."""
    with pytest.raises(ValueError, match=r"^unknown value type 'ratio'$"):
        format_value({"type": "ratio", "value": 3}, "nl", lambda k: renderer.ui(k, "nl"))
