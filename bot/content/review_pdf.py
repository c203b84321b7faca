"""The printable review document: every answer with its sources, review state and texts in
Dutch and English side by side, as a PDF for a clinic's formal content review.

Unlike the renderer, this shows *all* answers, drafts and untranslated texts included, and
says plainly what is and is not served to parents. Built with reportlab's platypus, using
the built-in Helvetica fonts (WinAnsi covers Dutch; anything else renders as a box rather
than failing).
"""
from __future__ import annotations

import datetime as dt
import io
import re
from collections import Counter
from typing import Any, Callable, Optional
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from bot.config.settings import Settings, get_settings
from bot.content.catalog import (
    CURRENT,
    MISSING,
    SOURCE_LANGUAGE,
    TARGET_LANGUAGES,
    Translations,
    get_translations,
)
from bot.content.content import Content, get_content
from bot.content.formatting import format_value
from bot.content.readability import Readability
from bot.content.report import REVIEW_MAX_AGE, AnswerReport, answer_reports, totals
from bot.content.schema import Answer

TITLE = "Content review — SMARD / SMA keuzehulp"
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}
CONDITION_NAMES = {"smard": "SMARD", "sma": "SMA", "any": "any (both conditions)"}
TRANSLATION_NOTES = {"current": "current — served",
                     "stale": "stale — not served until re-checked",
                     "missing": "missing — not served"}
# Approvals recorded with the example content (bot/content/schema.py EXAMPLE_REVIEWERS) are no sign-off.
EXAMPLE_APPROVAL = "example approval ({by}), not yet approved by a named counsellor"
MISSING_MARK = "[translation missing]"
STALE_MARK = "[translation stale — not served]"

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_MARGIN = 18 * mm
_WIDTH = A4[0] - 2 * _MARGIN
_GRID = colors.HexColor("#b0b0b0")
_HEAD_BG = colors.HexColor("#e6e9ef")
_WARN = colors.HexColor("#a40000")
_WARN_BG = colors.HexColor("#fde4e4")


# -- styles ----------------------------------------------------------------------------------
def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName="Helvetica", fontSize=11, leading=14)  # text at least 10 pt
    return {
        "body": base,
        "small": ParagraphStyle("small", base, fontSize=10, leading=12.5),
        "small_warn": ParagraphStyle("small_warn", base, fontName="Helvetica-Bold", fontSize=10,
                                     leading=12.5, textColor=_WARN),
        "cell_head": ParagraphStyle("cell_head", base, fontName="Helvetica-Bold", fontSize=10,
                                    leading=12.5),
        "key": ParagraphStyle("key", base, fontName="Helvetica-Bold", fontSize=10, leading=12.5,
                              textColor=colors.HexColor("#444444")),
        "title": ParagraphStyle("title", base, fontName="Helvetica-Bold", fontSize=18,
                                leading=22, spaceAfter=4 * mm),
        "h1": ParagraphStyle("h1", base, fontName="Helvetica-Bold", fontSize=13, leading=16,
                             spaceBefore=4 * mm, spaceAfter=2 * mm),
        "h2": ParagraphStyle("h2", base, fontName="Helvetica-Bold", fontSize=12, leading=15,
                             spaceBefore=2 * mm, spaceAfter=1.5 * mm,
                             textColor=colors.HexColor("#1f3a68")),
        "warn": ParagraphStyle("warn", base, fontName="Helvetica-Bold", textColor=_WARN,
                               backColor=_WARN_BG, borderPadding=(2, 4, 3, 4),
                               spaceBefore=1 * mm, spaceAfter=2.5 * mm),
        "note": ParagraphStyle("note", base, fontName="Helvetica-Oblique",
                               textColor=colors.HexColor("#8a4b00")),
    }


def _markup(text: str) -> str:
    """Plain text as reportlab mini-markup: escaped, line breaks kept."""
    return escape(text).replace("\n", "<br/>")


def _table(rows: list[list[Any]], widths: list[float], header: bool = True,
           split_in_row: bool = False) -> Table:
    """A grid table with a shaded header row that repeats on every page it spans."""
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0,
                  splitInRow=1 if split_in_row else 0, hAlign="LEFT")
    style = [("GRID", (0, 0), (-1, -1), 0.4, _GRID),
             ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
             ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), _HEAD_BG))
    table.setStyle(TableStyle(style))
    return table


# -- texts -----------------------------------------------------------------------------------
def _filler(answer: Answer, lang: str, content: Content, translations: Translations,
            settings: Settings) -> Callable[[str], str]:
    """A function filling {placeholders} of `answer`'s texts in `lang` where it can."""
    def ui(key: str) -> str:
        text = translations.get(lang, f"ui.{key}", content.ui[key])
        if text is None:
            raise KeyError(key)
        return text

    try:
        clinic = settings.placeholders(lang)
    except KeyError:  # a clinic file without this language: leave its placeholders visible
        clinic = {}

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        # The document must never fail on one odd value: an unfilled {placeholder} stays
        # visible, which is itself worth a reviewer's attention.
        try:
            if name in answer.values:
                return format_value(answer.values[name], lang, ui)
            return clinic.get(name, match.group(0))
        except (KeyError, ValueError, IndexError, TypeError):
            return match.group(0)

    return lambda text: _PLACEHOLDER.sub(value, text)


def _readability(m: Optional[Readability]) -> str:
    if m is None:
        return "— (not served in this language)"
    flag = "; likely above B1" if m.above_b1 else ""
    return f"score {m.score:.0f}, {m.words_per_sentence:.1f} words per sentence{flag}"


def _overdue(answer: Answer, today: dt.date) -> bool:
    # Against `today`, not the clock, so a document made for a given day is reproducible.
    date = answer.review.date
    return date is not None and today - date > REVIEW_MAX_AGE


# -- sections --------------------------------------------------------------------------------
class _Anchor(Flowable):
    """Zero-size flowable marking an answer's start: a PDF bookmark and outline entry."""

    def __init__(self, key: str, title: str) -> None:
        super().__init__()
        self.key, self.title = key, title

    def wrap(self, *_: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=0)


def _summary(reports: list[AnswerReport], settings: Settings,
             today: dt.date, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    answers = [r.answer for r in reports]
    approved = [r for r in reports if r.answer.review.approved]
    others = Counter(a.review.state for a in answers if not a.review.approved)
    other_text = ", ".join(f"{n} {state}" for state, n in sorted(others.items())) or "none"
    langs = ", ".join(LANGUAGE_NAMES.get(lang, lang) for lang in TARGET_LANGUAGES)
    rows = [
        ["Answers in total", str(len(answers))],
        ["Approved (served to parents)", str(len(approved))],
        ["Not approved (never served)", f"{len(answers) - len(approved)} ({other_text})"],
        [f"Translations ({langs}) not current",
         f"{sum(r.translation != CURRENT for r in approved)} of the approved answers; "
         f"{sum(r.translation != CURRENT for r in reports)} of all answers"],
        ["Reviews older than 12 months", str(sum(_overdue(a, today) for a in answers))],
    ]
    readability = totals(reports)["readability"]  # the same figures as the console's summary
    for lang in (SOURCE_LANGUAGE, *TARGET_LANGUAGES):
        name = f"Readability, {LANGUAGE_NAMES.get(lang, lang)} (approved answers)"
        r = readability.get(lang)
        rows.append([name, f"mean score {r['mean']:.1f}; likely above B1: {r['above_b1']} of "
                           f"{r['scored']}" if r else "no texts served"])
    clinic = settings.clinic_name.get(SOURCE_LANGUAGE) or next(iter(settings.clinic_name.values()))
    cells = [[Paragraph(_markup(k), st["key"]), Paragraph(_markup(v), st["body"])] for k, v in rows]
    intro = (
        "This document lists every answer of the assistant with its review state, its sources "
        "and its texts in Dutch (the source) and English side by side. Only approved answers "
        "whose English translation is current are served to parents in English; drafts are "
        "never served. Placeholders such as {chance} or {clinic_name} are filled in with the "
        "values from the content and the clinic settings; a placeholder that cannot be filled "
        "is shown as it is. Readability scores: Flesch–Douma (Dutch), Flesch Reading Ease "
        "(English); the B1 flag is a heuristic, not a verdict.")
    return [
        Paragraph(_markup(TITLE), st["title"]),
        Paragraph(_markup(f"Generated on {today.isoformat()} · clinic settings: {clinic} "
                          f"({settings.path.name})"), st["body"]),
        Spacer(0, 3 * mm),
        Paragraph(_markup(intro), st["small"]),
        Paragraph("Summary", st["h1"]),
        _table(cells, [62 * mm, _WIDTH - 62 * mm], header=False),
    ]


def _overview(reports: list[AnswerReport], today: dt.date,
              st: dict[str, ParagraphStyle]) -> list[Flowable]:
    head = ["#", "Answer", "Kind", "Condition", "Review", "English", "Readability nl / en"]
    rows: list[list[Any]] = [[Paragraph(h, st["cell_head"]) for h in head]]
    for i, r in enumerate(reports, 1):
        a = r.answer
        review = a.review.state + (" (overdue)" if _overdue(a, today) else "")
        scores = " / ".join("—" if (m := r.readability.get(lang)) is None else
                            f"{m.score:.0f}{'*' if m.above_b1 else ''}"
                            for lang in (SOURCE_LANGUAGE, *TARGET_LANGUAGES))
        link = f'<a href="#answer-{escape(a.id)}" color="#1f3a68">{escape(a.id)}</a>'
        review_style = st["small"] if a.review.approved else st["small_warn"]
        rows.append([Paragraph(str(i), st["small"]), Paragraph(link, st["small"]),
                     Paragraph(a.kind, st["small"]), Paragraph(a.condition, st["small"]),
                     Paragraph(_markup(review), review_style),
                     Paragraph(r.translation, st["small"]), Paragraph(scores, st["small"])])
    widths = [9 * mm, 50 * mm, 23 * mm, 18 * mm, 26 * mm, 18 * mm]
    return [Paragraph("All answers", st["h1"]),
            Paragraph("* likely above B1. Click an answer to go to its section.", st["small"]),
            Spacer(0, 1.5 * mm),
            _table(rows, widths + [_WIDTH - sum(widths)])]


def _answer_section(r: AnswerReport, content: Content, translations: Translations,
                    settings: Settings, today: dt.date,
                    st: dict[str, ParagraphStyle]) -> list[Flowable]:
    a = r.answer
    fill = {lang: _filler(a, lang, content, translations, settings)
            for lang in (SOURCE_LANGUAGE, *TARGET_LANGUAGES)}
    heading = Paragraph(f"{_markup(a.id)} — {_markup(fill[SOURCE_LANGUAGE](a.label))}",
                        st["h2"])
    top: list[Flowable] = [_Anchor(f"answer-{a.id}", f"{a.id} — {a.label}"), heading]
    if not a.review.approved:
        top.append(Paragraph(_markup(f"{a.review.state.upper()} — not served to parents"),
                             st["warn"]))
    elif r.translation != CURRENT:
        top.append(Paragraph(_markup(f"English not served: translation {r.translation}"),
                             st["note"]))

    review_date = a.review.date.isoformat() if a.review.date else "—"
    if _overdue(a, today):
        review_date += " (older than 12 months: review again)"
    # Each cited section with the sentences quoted from it and the texts that rest on them.
    sources = [f"{content.sources[ref.doc].title if ref.doc in content.sources else ref.doc}"
               f" — {ref.section}"
               + (f" [{', '.join(ref.parts)}]" if ref.parts else "")
               + "".join(f"\n  “{q}”" for q in ref.quotes) for ref in a.sources]
    meta = [("Kind", a.kind), ("Condition", CONDITION_NAMES.get(a.condition, a.condition)),
            ("Review state", a.review.state),
            ("Reviewed by", EXAMPLE_APPROVAL.format(by=a.review.by) if a.review.example
             else a.review.by or "—"),
            ("Review date", review_date)]
    comment = getattr(a.review, "comment", None)  # older Review objects have no comment
    if comment:
        meta.append(("Review comment", comment))
    meta += [("English translation", TRANSLATION_NOTES.get(r.translation, r.translation)),
             ("Sources", "\n".join(sources) or "—"),
             ("File", a.file or "—")]
    meta += [(f"Readability {lang}", _readability(r.readability.get(lang)))
             for lang in (SOURCE_LANGUAGE, *TARGET_LANGUAGES)]
    meta_table = _table([[Paragraph(k, st["key"]), Paragraph(_markup(v), st["small"])]
                         for k, v in meta], [34 * mm, _WIDTH - 34 * mm], header=False)

    head = ["Field", *(LANGUAGE_NAMES.get(lang, lang) for lang in (SOURCE_LANGUAGE,
                                                                   *TARGET_LANGUAGES))]
    rows: list[list[Any]] = [[Paragraph(h, st["cell_head"]) for h in head]]
    for name, dutch in a.texts().items():
        row: list[Any] = [Paragraph(_markup(name), st["key"]),
                          Paragraph(_markup(fill[SOURCE_LANGUAGE](dutch)), st["body"])]
        for lang in TARGET_LANGUAGES:
            context = f"{a.id}.{name}"
            text = translations.get(lang, context, dutch)
            if text is None:
                state = translations.state(lang, context, dutch)
                row.append(Paragraph(_markup(MISSING_MARK if state == MISSING else STALE_MARK),
                                     st["note"]))
            else:
                row.append(Paragraph(_markup(fill[lang](text)), st["body"]))
        rows.append(row)
    field_width = 20 * mm
    text_width = (_WIDTH - field_width) / (len(head) - 1)
    texts = _table(rows, [field_width] + [text_width] * (len(head) - 1), split_in_row=True)
    # Keep heading and metadata together (and off the bottom of a page); the texts may split.
    return [CondPageBreak(60 * mm), KeepTogether([*top, meta_table, Spacer(0, 2 * mm)]),
            texts, Spacer(0, 5 * mm)]


def _signoff(st: dict[str, ParagraphStyle]) -> list[Flowable]:
    rows = [[Paragraph(h, st["cell_head"]) for h in ("Reviewed by", "Role", "Date", "Signature")]]
    rows += [["", "", "", ""] for _ in range(3)]
    table = _table(rows, [_WIDTH * f for f in (0.32, 0.22, 0.16, 0.30)])
    table.setStyle(TableStyle([("BOTTOMPADDING", (0, 1), (-1, -1), 14)]))  # room to sign
    return [CondPageBreak(70 * mm), Paragraph("Sign-off", st["h1"]),
            Paragraph("By signing, the reviewer confirms the approved answers above are "
                      "correct and suitable for parents, and lists any answers to be returned "
                      "with their comments.", st["small"]),
            Spacer(0, 2 * mm), table]


def _footer(today: dt.date) -> Callable[[Canvas, Any], None]:
    def draw(canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 10)
        canvas.setFillColor(colors.HexColor("#666666"))
        y = 10 * mm
        canvas.drawString(_MARGIN, y, f"{TITLE} · {today.isoformat()}")
        canvas.drawRightString(A4[0] - _MARGIN, y, f"page {doc.page}")
        canvas.setStrokeColor(_GRID)
        canvas.setLineWidth(0.4)
        canvas.line(_MARGIN, y + 3.5 * mm, A4[0] - _MARGIN, y + 3.5 * mm)
        canvas.restoreState()
    return draw


# -- public ----------------------------------------------------------------------------------
def review_pdf(content: Content | None = None, translations: Translations | None = None,
               settings: Settings | None = None, today: dt.date | None = None) -> bytes:
    """The review document for all answers as PDF bytes (A4).

    Defaults are the project's content, catalogs and clinic settings, and today's date.
    Drafts and untranslated texts are included and clearly marked as not served.
    """
    content = content or get_content()
    translations = translations or get_translations()
    settings = settings or get_settings()
    today = today or dt.date.today()
    reports = answer_reports(content, translations)
    st = _styles()

    story: list[Flowable] = [*_summary(reports, settings, today, st),
                             *_overview(reports, today, st), PageBreak(),
                             Paragraph("Answers", st["h1"])]
    for r in reports:
        story += _answer_section(r, content, translations, settings, today, st)
    story += _signoff(st)

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=_MARGIN, rightMargin=_MARGIN,
                            topMargin=_MARGIN, bottomMargin=_MARGIN + 4 * mm, title=TITLE,
                            author="smard-sma-keuzehulp", subject="Content review",
                            invariant=1)  # same inputs, same bytes: diffable between runs
    footer = _footer(today)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
