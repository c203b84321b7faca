"""The letter for relatives: a short letter about SMARD that a parent gives their family.

Its body is the texts the letter answer names (content/answers/letter.yml, `letter:`), taken
from the published bundle: a text whose answer is not approved there (a draft, such as the
sentence about a carrier's brothers and sisters until a counsellor approves it) or whose
translation is not current is left out, so the letter holds only vetted sentences. Names and
a personal line are added by the page on the parent's own device and never reach this module;
nothing is stored.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any, Optional
from xml.sax.saxutils import escape

from bot.content.schema import Answer
from bot.conversation.language import SUPPORTED
from bot.conversation.message import Untranslated
from bot.conversation.render import Renderer
from bot.decision_aid.summary_pdf import BODY_PT, SMALL_PT

LETTER_ID = "smard_letter"
LABELS = ("to", "from", "personal", "private", "download", "print", "qr")
BLANK = "_" * 28  # the PDF's write-in space for names: the server never sees them
WRITE_IN_LINES = 2  # the PDF's lines for the parent's own sentence
_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")


@dataclass(frozen=True)
class Letter:
    """A rendered letter, in one language, without names (the page adds those)."""

    title: str
    greeting: str  # with the placeholder {names}, filled in on the parent's device
    greeting_blank: str  # when no names are given
    paragraphs: list[str]
    closing: str
    sources_heading: str
    sources: list[str]  # the source and review line of every medical text in the letter
    language: str
    labels: dict[str, str] = field(default_factory=dict)  # the page's fields and buttons
    dutch: list[str] = field(default_factory=list)  # source titles that stay Dutch (lang="nl")

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "greeting": self.greeting,
            "greeting_blank": self.greeting_blank,
            "paragraphs": self.paragraphs,
            "closing": self.closing,
            "sources_heading": self.sources_heading,
            "sources": self.sources,
            "language": self.language,
            "labels": self.labels,
            "dutch": self.dutch,
        }


def offered(renderer: Renderer) -> Optional[Answer]:
    """The letter answer when it is approved and published with a body, else None."""
    answer = renderer.content.answers.get(LETTER_ID)
    return answer if answer is not None and answer.review.approved and answer.letter else None


def plain(text: str) -> str:
    """A served text as a letter's plain text: a link's address instead of its markdown."""
    return _LINK.sub(r"\2", text).replace("**", "")


def _body(renderer: Renderer, letter: Answer, lang: str) -> tuple[list[str], list[Answer]]:
    """The letter's paragraphs that are approved and translated, and the medical answers they
    come from (for the source lines)."""
    paragraphs: list[str] = []
    cited: list[Answer] = []
    for ref in letter.letter:
        answer_id, _, name = ref.partition(".")
        target = renderer.content.answers.get(answer_id)
        name = name or "short"
        # A draft in the bundle keeps no texts; checking approval as well says why it is absent.
        if target is None or not target.review.approved or name not in target.texts():
            continue
        try:
            paragraphs.append(plain(renderer.field(target, name, lang)))
        except Untranslated:
            continue  # not current in this language: left out, never the old or the Dutch text
        if target.sources and target not in cited:
            cited.append(target)
    return paragraphs, cited


def compose(renderer: Renderer, lang: str) -> Optional[Letter]:
    """The letter in `lang` from the published content, or None when there is none to give."""
    letter = offered(renderer)
    if letter is None or lang not in SUPPORTED:
        return None
    paragraphs, cited = _body(renderer, letter, lang)
    if not paragraphs:
        return None
    ui = lambda key: renderer.ui(key, lang)  # noqa: E731
    sources = [line for a in cited if (line := renderer.source_line(a, lang))]
    dutch: list[str] = []
    if lang != "nl":
        for a in cited:
            dutch += [renderer.content.sources[r.doc].title for r in a.sources]
            dutch += [f"‘{r.section}’" for r in a.sources]
    return Letter(
        title=ui("letter_title"),
        greeting=ui("letter_greeting"),
        greeting_blank=ui("letter_greeting_blank"),
        paragraphs=paragraphs,
        closing=ui("letter_closing"),
        sources_heading=ui("letter_sources"),
        sources=list(dict.fromkeys(sources)),
        language=lang,
        labels={k: ui(f"letter_{k}") for k in LABELS},
        dutch=list(dict.fromkeys(dutch)),
    )


def as_text(letter: Letter) -> str:
    """The letter as plain text, without names (what the kiosk's QR code holds: the parent
    adds names on their own phone)."""
    lines = [letter.title, "", letter.greeting_blank, ""]
    for paragraph in letter.paragraphs:
        lines += [paragraph, ""]
    lines += [letter.closing, "", "", letter.sources_heading + ":"]
    lines += [f"- {s}" for s in letter.sources]
    return "\n".join(lines)


def as_pdf(letter: Letter) -> bytes:
    """The letter as an A4 PDF, with write-in space for names and an own sentence: the server
    never receives those (the page's print version has them, typed on the parent's device)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import HRFlowable, Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    body = ParagraphStyle(
        "letter_body",
        styles["BodyText"],
        fontSize=BODY_PT,
        leading=BODY_PT * 1.4,
        spaceAfter=BODY_PT * 0.6,
    )
    small = ParagraphStyle(
        "letter_small", styles["Italic"], fontSize=SMALL_PT, leading=SMALL_PT * 1.35
    )
    p = lambda text, style=body: Paragraph(escape(text), style)  # noqa: E731
    story = [p(letter.title, styles["Title"]), p(letter.greeting.replace("{names}", BLANK))]
    story += [p(text) for text in letter.paragraphs]
    for _ in range(WRITE_IN_LINES):
        story += [Spacer(1, 8 * mm), HRFlowable(width="100%", color="#888888")]
    story += [
        Spacer(1, 6 * mm),
        p(letter.closing),
        Spacer(1, 8 * mm),
        p(BLANK),
        Spacer(1, 8 * mm),
        p(letter.sources_heading, styles["Heading4"]),
    ]
    story += [p(s, small) for s in letter.sources]
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=letter.title,
        lang=letter.language,
        leftMargin=22 * mm,
        rightMargin=22 * mm,
        topMargin=20 * mm,
        bottomMargin=18 * mm,
    ).build(story)
    return buffer.getvalue()
