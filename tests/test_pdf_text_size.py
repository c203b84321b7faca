"""Text sizes of the two PDFs, read from the PDFs themselves (every text run's font size times
its text matrix scale): the parents' summary has no text below 11 pt, the counsellors'
review document none below 10 pt (issue 13)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from bot.content.catalog import get_translations
from bot.content.review_pdf import review_pdf
from bot.conversation.render import Renderer
from bot.decision_aid import summary as summaries
from bot.decision_aid import summary_pdf


def text_sizes(data: bytes) -> list[float]:
    """The rendered size of every non-blank text run in the PDF, in points."""
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes.append(round(size * (abs(tm[3]) or 1) * (abs(cm[3]) or 1), 2))

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    assert sizes, "no text found"
    return sizes


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_parents_summary_pdf_is_at_least_11_pt(renderer: Renderer, lang: str) -> None:
    request = summaries.parse_request(
        {
            "language": lang,
            "topics": ["smard_inheritance", "option_prenatal"],
            "values": {"values_own_child": "important"},
        },
        renderer,
    )
    data = summary_pdf.as_pdf(summaries.compose(renderer, request, dt.date(2026, 11, 22)))
    assert min(text_sizes(data)) >= 11


def test_the_review_pdf_is_at_least_10_pt(content, settings) -> None:  # type: ignore[no-untyped-def]
    data = review_pdf(content, get_translations(), settings, today=dt.date(2026, 11, 22))
    assert min(text_sizes(data)) >= 10
