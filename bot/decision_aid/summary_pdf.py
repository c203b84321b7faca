"""The personal summary as an A4 PDF (reportlab), with room for the parents' own questions."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from bot.decision_aid.summary import Summary

OWN_QUESTION_LINES = 6
BODY_PT, SMALL_PT = 12, 11  # the PDF's body text and its source lines (issue 13: at least 11 pt)


def as_pdf(summary: Summary) -> bytes:
    """The summary as an A4 PDF (reportlab), with room for the parents' own questions."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import HRFlowable, ListFlowable, Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    # Parents' body text at 12 pt, source lines and footer at 11 pt (never below 11 pt).
    body = ParagraphStyle(
        "summary_body", styles["BodyText"], fontSize=BODY_PT, leading=BODY_PT * 1.35
    )
    small = ParagraphStyle(
        "summary_small", styles["Italic"], fontSize=SMALL_PT, leading=SMALL_PT * 1.35
    )
    p = lambda text, style=body: Paragraph(escape(text), style)  # noqa: E731
    story = [
        p(summary.title, styles["Title"]),
        p(summary.made),
        Spacer(1, 4 * mm),
        p(summary.topics_heading, styles["Heading2"]),
    ]
    story.append(
        ListFlowable(
            [
                [p(label)] + ([p(source, small)] if source else [])
                for label, source in summary.topics
            ],
            bulletType="bullet",
        )
    )
    story += [
        p(summary.values_heading, styles["Heading2"]),
        ListFlowable([p(v) for v in summary.values], bulletType="bullet"),
        *(
            [
                p(summary.knowledge_heading, styles["Heading2"]),
                ListFlowable([p(k) for k in summary.knowledge], bulletType="bullet"),
            ]
            if summary.knowledge
            else []
        ),
        p(summary.questions_heading, styles["Heading2"]),
        ListFlowable([p(q) for q in summary.questions], bulletType="1"),
        p(summary.own_heading, styles["Heading2"]),
    ]
    for _ in range(OWN_QUESTION_LINES):
        story += [Spacer(1, 9 * mm), HRFlowable(width="100%", color="#888888")]
    story += [Spacer(1, 8 * mm), p(summary.footer, small)]
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=summary.title,
        lang=summary.language,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    ).build(story)
    return buffer.getvalue()
