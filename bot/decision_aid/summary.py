"""The personal summary a parent takes to the counsellor.

It is built from the conversation: the medical topics the parent was shown, their answers
in the values exercise, and the knowledge check's score when the parent chose to add it.
The action hands the page only those ids; the page asks our server to render them (as text,
as a PDF (summary_pdf.py), or as a QR code that holds the text itself). Rendering uses only
vetted, published content, and nothing of it is stored: every request is answered from
memory and forgotten.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

import segno

from bot.content.content import KNOWLEDGE_CHECKS
from bot.content.formatting import format_long_date
from bot.content.statement_checks import check_condition
from bot.conversation.language import SUPPORTED
from bot.conversation.render import Renderer

MAX_TOPICS = 40
THREE_QUESTIONS = ("three_questions_1", "three_questions_2", "three_questions_3")
QR_MAX_BYTES = 2900  # a version-40 QR code at error level L holds 2,953 bytes


@dataclass(frozen=True)
class SummaryRequest:
    """What a summary is made of: ids only, checked against the published content."""

    language: str
    topics: tuple[str, ...]
    values: dict[str, str] = field(default_factory=dict)
    knowledge: dict[str, list[int]] = field(default_factory=dict)  # check -> [right, total]

    def as_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "topics": list(self.topics),
            "values": self.values,
            "knowledge": self.knowledge,
        }


def collect(
    events: Iterable[dict[str, Any]], values_slot: Any, language: str, knowledge_slot: Any = None
) -> SummaryRequest:
    """The topics a conversation showed (served medical answers, first view first), the
    values answers, from the tracker's events, and the knowledge scores the parent added."""
    topics: list[str] = []
    for event in events:
        if event.get("event") != "bot":
            continue
        custom = (event.get("data") or {}).get("custom") or {}
        if (
            custom.get("kind") == "medical"
            and custom.get("status") == "served"
            and custom.get("topic")
            and custom["topic"] not in topics
        ):
            topics.append(custom["topic"])
    answers = values_slot.get("answers") if isinstance(values_slot, dict) else None
    added = knowledge_slot.get("added") if isinstance(knowledge_slot, dict) else None
    return SummaryRequest(
        language,
        tuple(topics[:MAX_TOPICS]),
        dict(answers) if isinstance(answers, dict) else {},
        dict(added) if isinstance(added, dict) else {},
    )


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
        if (
            question not in exercise
            or not isinstance(choice, str)
            or choice not in exercise[question].choices
        ):
            return None
    knowledge = body.get("knowledge") or {}
    if not isinstance(knowledge, dict) or not all(
        check in KNOWLEDGE_CHECKS and _is_score(score, len(renderer.content.knowledge(check)))
        for check, score in knowledge.items()
    ):
        return None
    return SummaryRequest(
        body["language"],
        tuple(dict.fromkeys(topics)),
        dict(values),
        {check: list(score) for check, score in knowledge.items()},
    )


def _is_score(score: Any, statements: int) -> bool:
    """[right, total]: whole numbers with 0 <= right <= total <= the check's statements."""
    return (
        isinstance(score, list)
        and len(score) == 2
        and all(isinstance(n, int) and not isinstance(n, bool) for n in score)
        and 0 <= score[0] <= score[1] <= statements
    )


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
    knowledge_heading: str = ""
    knowledge: list[str] = field(default_factory=list)  # the added scores; empty: no section
    labels: dict[str, str] = field(default_factory=dict)  # the pages' buttons and QR note
    dutch: list[str] = field(default_factory=list)  # source titles that stay Dutch (lang="nl")

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "made": self.made,
            "topics_heading": self.topics_heading,
            "topics": [{"label": label, "source": s} for label, s in self.topics],
            "values_heading": self.values_heading,
            "values": self.values,
            "questions_heading": self.questions_heading,
            "questions": self.questions,
            "own_heading": self.own_heading,
            "footer": self.footer,
            "knowledge_heading": self.knowledge_heading,
            "knowledge": self.knowledge,
            "language": self.language,
            "labels": self.labels,
            "dutch": self.dutch,
        }


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
    values = [
        renderer.field(q, f"said.{request.values[q.id]}", lang)
        for q in content.exercise
        if q.id in request.values
    ]
    knowledge = [
        renderer.ui_filled(
            "summary_knowledge_line",
            lang,
            right=str(right),
            total=str(total),
            condition=ui(f"condition_{check_condition(check)}"),
        )
        for check, (right, total) in request.knowledge.items()
    ]
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
        knowledge_heading=ui("summary_knowledge"),
        knowledge=knowledge,
        labels={k: ui(f"summary_{k}") for k in ("download", "print", "qr")},
        dutch=list(dict.fromkeys(dutch)),
    )


def as_text(summary: Summary, sources: bool = True, max_topics: Optional[int] = None) -> str:
    """The summary as plain text (what the kiosk's QR code holds)."""
    topics = summary.topics[:max_topics]
    lines = [summary.title, summary.made, "", summary.topics_heading + ":"]
    lines += [
        f"- {label}" + (f" ({source})" if source and sources else "") for label, source in topics
    ]
    if len(topics) < len(summary.topics):
        lines.append("- …")
    lines += ["", summary.values_heading + ":"] + [f"- {v}" for v in summary.values]
    if summary.knowledge:
        lines += ["", summary.knowledge_heading + ":"] + [f"- {k}" for k in summary.knowledge]
    lines += ["", summary.questions_heading + ":"]
    lines += [f"{i}. {q}" for i, q in enumerate(summary.questions, 1)]
    lines += ["", summary.own_heading + ":", "", "", summary.footer]
    return "\n".join(lines)


def qr_text(summary: Summary) -> str:
    """The fullest text a QR code can hold: with every source line if it fits (it does for
    about 15 topics), else without them (the chat and the PDF show them), else fewer topics."""
    candidates = [as_text(summary), as_text(summary, sources=False)]
    candidates += [
        as_text(summary, sources=False, max_topics=n) for n in range(len(summary.topics) - 1, 0, -1)
    ]
    for text in candidates:
        if len(text.encode("utf-8")) <= QR_MAX_BYTES:
            return text
    return candidates[-1]


def qr_svg(text: str) -> bytes:
    """A QR code (SVG) holding `text` itself: no address, nothing to look up later."""
    buffer = io.BytesIO()
    segno.make(text, error="l", micro=False).save(
        buffer, kind="svg", scale=4, border=4, xmldecl=False, svgns=True
    )
    return buffer.getvalue()
