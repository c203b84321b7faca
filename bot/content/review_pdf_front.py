"""The review document's front and back matter: the title, the summary of review states and
readability, the table of all answers, and the sign-off table (review_pdf.py: the document,
with a section per answer)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any, Callable
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    Spacer,
    TableStyle,
)

from bot.config.settings import Settings
from bot.content.catalog import (
    CURRENT,
    SOURCE_LANGUAGE,
    TARGET_LANGUAGES,
    Translations,
)
from bot.content.content import Content
from bot.content.report import REVIEW_MAX_AGE, AnswerReport, totals
from bot.content.review_pdf_layout import (
    WIDTH,
    as_markup,
    grid_table,
)
from bot.content.schema import Answer

# Each language by its own name (like the parents' language buttons): the same in every language.
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}
PREFIX = "review_pdf_"  # the document's texts in content/ui.yml and its catalogs
DocText = Callable[..., str]


def document_texts(content: Content, translations: Translations, lang: str) -> DocText:
    """`t(key, **values)`: the review document's text `review_pdf_<key>` in `lang`, filled in.
    A translation that is not current is never shown: the Dutch source stands in (a PDF
    cannot mark a passage's language the way the console's pages do)."""

    def t(key: str, **values: Any) -> str:
        source = content.ui[PREFIX + key]
        text = translations.get(lang, f"ui.{PREFIX}{key}", source)
        return (source if text is None else text).format(**values)

    return t


def overdue(answer: Answer, today: dt.date) -> bool:
    # Against `today`, not the clock, so a document made for a given day is reproducible.
    date = answer.review.date
    return date is not None and today - date > REVIEW_MAX_AGE


def summary(
    reports: list[AnswerReport],
    settings: Settings,
    today: dt.date,
    st: dict[str, ParagraphStyle],
    t: DocText,
) -> list[Flowable]:
    answers = [r.answer for r in reports]
    approved = [r for r in reports if r.answer.review.approved]
    others = Counter(a.review.state for a in answers if not a.review.approved)
    other_text = ", ".join(f"{n} {state}" for state, n in sorted(others.items())) or t("none")
    langs = ", ".join(LANGUAGE_NAMES.get(lang, lang) for lang in TARGET_LANGUAGES)
    rows = [
        [t("answers_total"), str(len(answers))],
        [t("approved_served"), str(len(approved))],
        [t("not_approved"), f"{len(answers) - len(approved)} ({other_text})"],
        [
            t("translations_not_current", languages=langs),
            t(
                "translations_not_current_counts",
                approved=sum(r.translation != CURRENT for r in approved),
                all=sum(r.translation != CURRENT for r in reports),
            ),
        ],
        [t("reviews_overdue"), str(sum(overdue(a, today) for a in answers))],
    ]
    readability = totals(reports)["readability"]  # the same figures as the console's summary
    for lang in (SOURCE_LANGUAGE, *TARGET_LANGUAGES):
        name = t("readability_of", language=LANGUAGE_NAMES.get(lang, lang))
        r = readability.get(lang)
        rows.append(
            [
                name,
                t(
                    "readability_mean",
                    mean=f"{r['mean']:.1f}",
                    above=r["above_b1"],
                    scored=r["scored"],
                )
                if r
                else t("no_texts_served"),
            ]
        )
    clinic = settings.clinic_name.get(SOURCE_LANGUAGE) or next(iter(settings.clinic_name.values()))
    cells = [
        [Paragraph(as_markup(k), st["key"]), Paragraph(as_markup(v), st["body"])] for k, v in rows
    ]
    intro = t("intro")
    return [
        Paragraph(as_markup(t("title")), st["title"]),
        Paragraph(
            as_markup(
                t("generated", date=today.isoformat(), clinic=clinic, file=settings.path.name)
            ),
            st["body"],
        ),
        Spacer(0, 3 * mm),
        Paragraph(as_markup(intro), st["small"]),
        Paragraph(t("summary"), st["h1"]),
        grid_table(cells, [62 * mm, WIDTH - 62 * mm], header=False),
    ]


def overview(
    reports: list[AnswerReport], today: dt.date, st: dict[str, ParagraphStyle], t: DocText
) -> list[Flowable]:
    head = ["#"] + [
        t(f"col_{c}") for c in ("answer", "kind", "condition", "review", "english", "readability")
    ]
    rows: list[list[Any]] = [[Paragraph(h, st["cell_head"]) for h in head]]
    for i, r in enumerate(reports, 1):
        a = r.answer
        review = a.review.state + (" " + t("overdue") if overdue(a, today) else "")
        scores = " / ".join(
            "—"
            if (m := r.readability.get(lang)) is None
            else f"{m.score:.0f}{'*' if m.above_b1 else ''}"
            for lang in (SOURCE_LANGUAGE, *TARGET_LANGUAGES)
        )
        link = f'<a href="#answer-{escape(a.id)}" color="#1f3a68">{escape(a.id)}</a>'
        review_style = st["small"] if a.review.approved else st["small_warn"]
        rows.append(
            [
                Paragraph(str(i), st["small"]),
                Paragraph(link, st["small"]),
                Paragraph(a.kind, st["small"]),
                Paragraph(a.condition, st["small"]),
                Paragraph(as_markup(review), review_style),
                Paragraph(r.translation, st["small"]),
                Paragraph(scores, st["small"]),
            ]
        )
    widths = [9 * mm, 50 * mm, 23 * mm, 18 * mm, 26 * mm, 18 * mm]
    return [
        Paragraph(t("all_answers"), st["h1"]),
        Paragraph(t("all_answers_note"), st["small"]),
        Spacer(0, 1.5 * mm),
        grid_table(rows, widths + [WIDTH - sum(widths)]),
    ]


def signoff(st: dict[str, ParagraphStyle], t: DocText) -> list[Flowable]:
    head = ("signed_by", "role", "date", "signature")
    rows = [[Paragraph(t(h), st["cell_head"]) for h in head]]
    rows += [["", "", "", ""] for _ in range(3)]
    table = grid_table(rows, [WIDTH * f for f in (0.32, 0.22, 0.16, 0.30)])
    table.setStyle(TableStyle([("BOTTOMPADDING", (0, 1), (-1, -1), 14)]))  # room to sign
    return [
        CondPageBreak(70 * mm),
        Paragraph(t("signoff"), st["h1"]),
        Paragraph(t("signoff_text"), st["small"]),
        Spacer(0, 2 * mm),
        table,
    ]
