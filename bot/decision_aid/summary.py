"""The personal summary a parent takes to the counsellor.

It is built from the conversation: the medical topics the parent was shown and their answers
in the values exercise. The action hands the page only those ids; the page asks our server to
render them (as text, as a PDF, or as a QR code that holds the text itself). Rendering uses
only vetted, published content, and nothing of it is stored: every request is answered from
memory and forgotten.
"""
from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional
from xml.sax.saxutils import escape

import segno

from bot.content.formatting import format_long_date
from bot.conversation.language import SUPPORTED
from bot.conversation.render import Renderer

MAX_TOPICS = 40
THREE_QUESTIONS = ("three_questions_1", "three_questions_2", "three_questions_3")
OWN_QUESTION_LINES = 6
BODY_PT, SMALL_PT = 12, 11  # the PDF's body text and its source lines (issue 13: at least 11 pt)
QR_MAX_BYTES = 2900  # a version-40 QR code at error level L holds 2,953 bytes


@dataclass(frozen=True)
class SummaryRequest:
    """What a summary is made of: ids only, checked against the published content."""

    language: str
    topics: tuple[str, ...]
    values: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"language": self.language, "topics": list(self.topics), "values": self.values}


def collect(events: Iterable[dict[str, Any]], values_slot: Any, language: str) -> SummaryRequest:
    """The topics a conversation showed (served medical answers, first view first) and the
    values answers, from the tracker's events."""
    topics: list[str] = []
    for event in events:
        if event.get("event") != "bot":
            continue
        custom = (event.get("data") or {}).get("custom") or {}
        if custom.get("kind") == "medical" and custom.get("status") == "served" \
                and custom.get("topic") and custom["topic"] not in topics:
            topics.append(custom["topic"])
    answers = values_slot.get("answers") if isinstance(values_slot, dict) else None
    return SummaryRequest(language, tuple(topics[:MAX_TOPICS]),
                          dict(answers) if isinstance(answers, dict) else {})


def parse_request(body: Any, renderer: Renderer) -> Optional[SummaryRequest]:
    """A request from a page, or None when it is malformed or names anything that is not
    approved, published content (so a summary can only ever contain vetted texts)."""
    if not isinstance(body, dict) or body.get("language") not in SUPPORTED:
        return None
    topics, values = body.get("topics") or [], body.get("values") or {}
    if not isinstance(topics, list) or not isinstance(values, dict) or len(topics) > MAX_TOPICS:
        return None
    answers = renderer.content.answers
    for topic in topics:
        a = answers.get(topic) if isinstance(topic, str) else None
        if a is None or a.kind != "medical" or not a.review.approved:
            return None
    exercise = {q.id: q for q in renderer.content.exercise}
    for question, choice in values.items():
        if (question not in exercise or not isinstance(choice, str)
                or choice not in exercise[question].choices):
            return None
    return SummaryRequest(body["language"], tuple(dict.fromkeys(topics)), dict(values))


@dataclass(frozen=True)
class Summary:
    """A rendered summary, in one language."""

    title: str
    made: str
    topics_heading: str
    topics: list[tuple[str, str]]  # (label, source and review line)
    values_heading: str
    values: list[str]
    questions_heading: str
    questions: list[str]
    own_heading: str
    footer: str
    language: str
    labels: dict[str, str] = field(default_factory=dict)  # the pages' buttons and QR note
    dutch: list[str] = field(default_factory=list)  # source titles that stay Dutch (lang="nl")

    def as_dict(self) -> dict[str, Any]:
        return {"title": self.title, "made": self.made, "topics_heading": self.topics_heading,
                "topics": [{"label": label, "source": s} for label, s in self.topics],
                "values_heading": self.values_heading, "values": self.values,
                "questions_heading": self.questions_heading, "questions": self.questions,
                "own_heading": self.own_heading, "footer": self.footer,
                "language": self.language, "labels": self.labels, "dutch": self.dutch}


def compose(renderer: Renderer, request: SummaryRequest, today: dt.date) -> Summary:
    """Render a summary request with the published content."""
    lang, content = request.language, renderer.content
    ui = lambda key: renderer.ui(key, lang)  # noqa: E731
    topics, dutch = [], []
    for topic in request.topics:
        answer = content.answers[topic]
        topics.append((renderer.label(answer, lang), renderer.source_line(answer, lang) or ""))
        if lang != "nl":
            dutch += [content.sources[r.doc].title for r in answer.sources]
            dutch += [f"‘{r.section}’" for r in answer.sources]
    values = [renderer.field(q, f"said.{request.values[q.id]}", lang)
              for q in content.exercise if q.id in request.values]
    return Summary(
        title=ui("summary_title"),
        made=renderer.ui_filled("summary_made", lang, date=format_long_date(today, lang)),
        topics_heading=ui("summary_topics"),
        topics=topics or [(ui("summary_no_topics"), "")],
        values_heading=ui("summary_values"),
        values=values or [ui("summary_no_values")],
        questions_heading=ui("summary_questions"),
        questions=[ui(k) for k in THREE_QUESTIONS],
        own_heading=ui("summary_own"),
        footer=renderer.ui_filled("summary_footer", lang),
        language=lang,
        labels={k: ui(f"summary_{k}") for k in ("download", "print", "qr")},
        dutch=list(dict.fromkeys(dutch)),
    )


def as_text(summary: Summary, sources: bool = True, max_topics: Optional[int] = None) -> str:
    """The summary as plain text (what the kiosk's QR code holds)."""
    topics = summary.topics[:max_topics]
    lines = [summary.title, summary.made, "", summary.topics_heading + ":"]
    lines += [f"- {label}" + (f" ({source})" if source and sources else "")
              for label, source in topics]
    if len(topics) < len(summary.topics):
        lines.append("- …")
    lines += ["", summary.values_heading + ":"] + [f"- {v}" for v in summary.values]
    lines += ["", summary.questions_heading + ":"]
    lines += [f"{i}. {q}" for i, q in enumerate(summary.questions, 1)]
    lines += ["", summary.own_heading + ":", "", "", summary.footer]
    return "\n".join(lines)


def qr_text(summary: Summary) -> str:
    """The fullest text a QR code can hold: with every source line if it fits (it does for
    about 15 topics), else without them (the chat and the PDF show them), else fewer topics."""
    candidates = [as_text(summary), as_text(summary, sources=False)]
    candidates += [as_text(summary, sources=False, max_topics=n)
                   for n in range(len(summary.topics) - 1, 0, -1)]
    for text in candidates:
        if len(text.encode("utf-8")) <= QR_MAX_BYTES:
            return text
    return candidates[-1]


def qr_svg(text: str) -> bytes:
    """A QR code (SVG) holding `text` itself: no address, nothing to look up later."""
    buffer = io.BytesIO()
    segno.make(text, error="l", micro=False).save(buffer, kind="svg", scale=4, border=4,
                                                  xmldecl=False, svgns=True)
    return buffer.getvalue()


def as_pdf(summary: Summary) -> bytes:
    """The summary as an A4 PDF (reportlab), with room for the parents' own questions."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import HRFlowable, ListFlowable, Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    # Parents' body text at 12 pt, source lines and footer at 11 pt (never below 11 pt).
    body = ParagraphStyle("summary_body", styles["BodyText"], fontSize=BODY_PT, leading=BODY_PT * 1.35)
    small = ParagraphStyle("summary_small", styles["Italic"], fontSize=SMALL_PT, leading=SMALL_PT * 1.35)
    p = lambda text, style=body: Paragraph(escape(text), style)  # noqa: E731
    story = [p(summary.title, styles["Title"]), p(summary.made), Spacer(1, 4 * mm),
             p(summary.topics_heading, styles["Heading2"])]
    story.append(ListFlowable([[p(label)] + ([p(source, small)] if source else [])
                               for label, source in summary.topics], bulletType="bullet"))
    story += [p(summary.values_heading, styles["Heading2"]),
              ListFlowable([p(v) for v in summary.values], bulletType="bullet"),
              p(summary.questions_heading, styles["Heading2"]),
              ListFlowable([p(q) for q in summary.questions], bulletType="1"),
              p(summary.own_heading, styles["Heading2"])]
    for _ in range(OWN_QUESTION_LINES):
        story += [Spacer(1, 9 * mm), HRFlowable(width="100%", color="#888888")]
    story += [Spacer(1, 8 * mm), p(summary.footer, small)]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title=summary.title, lang=summary.language,
                      leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
                      bottomMargin=18 * mm).build(story)
    return buffer.getvalue()
