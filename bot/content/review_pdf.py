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
from typing import Any, Callable, Optional

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)

from bot.config.settings import Settings
from bot.content.catalog import (
    CURRENT,
    MISSING,
    SOURCE_LANGUAGE,
    TARGET_LANGUAGES,
    Translations,
)
from bot.content.content import Content
from bot.content.formatting import format_value
from bot.content.readability import Readability
from bot.content.report import AnswerReport, answer_reports
from bot.content.review_pdf_front import (
    LANGUAGE_NAMES,
    DocText,
    document_texts,
    overdue,
    overview,
    signoff,
    summary,
)
from bot.content.review_pdf_layout import (
    MARGIN,
    WIDTH,
    Anchor,
    as_markup,
    grid_table,
    page_footer,
    paragraph_styles,
)
from bot.content.schema import Answer

CONDITION_NAMES = {"smard": "SMARD", "sma": "SMA"}  # proper names; "any" is a text


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


# -- styles ----------------------------------------------------------------------------------
# -- texts -----------------------------------------------------------------------------------
def _filler(
    answer: Answer, lang: str, content: Content, translations: Translations, settings: Settings
) -> Callable[[str], str]:
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


def _readability(m: Optional[Readability], t: DocText) -> str:
    if m is None:
        return t("not_served_in_language")
    flag = t("readability_above_b1") if m.above_b1 else ""
    return (
        t("readability_score", score=f"{m.score:.0f}", words=f"{m.words_per_sentence:.1f}") + flag
    )


def _translation_note(state: str, t: DocText) -> str:
    """What a translation state means for parents ("stale — not served until re-checked")."""
    return t(f"translation_{state}") if state in ("current", "stale", "missing") else state


# -- sections --------------------------------------------------------------------------------
def _answer_section(
    r: AnswerReport,
    content: Content,
    translations: Translations,
    settings: Settings,
    today: dt.date,
    st: dict[str, ParagraphStyle],
    t: DocText,
) -> list[Flowable]:
    a = r.answer
    fill = {
        lang: _filler(a, lang, content, translations, settings)
        for lang in (SOURCE_LANGUAGE, *TARGET_LANGUAGES)
    }
    heading = Paragraph(
        f"{as_markup(a.id)} — {as_markup(fill[SOURCE_LANGUAGE](a.label))}", st["h2"]
    )
    top: list[Flowable] = [Anchor(f"answer-{a.id}", f"{a.id} — {a.label}"), heading]
    if not a.review.approved:
        top.append(
            Paragraph(
                as_markup(t("not_served_to_parents", state=a.review.state.upper())), st["warn"]
            )
        )
    elif r.translation != CURRENT:
        top.append(Paragraph(as_markup(t("english_not_served", state=r.translation)), st["note"]))

    review_date = a.review.date.isoformat() if a.review.date else "—"
    if overdue(a, today):
        review_date += " " + t("review_again")
    # Each cited section with the sentences quoted from it and the texts that rest on them.
    sources = [
        f"{content.sources[ref.doc].title if ref.doc in content.sources else ref.doc}"
        f" — {ref.section}"
        + (f" [{', '.join(ref.parts)}]" if ref.parts else "")
        + "".join(f"\n  “{q}”" for q in ref.quotes)
        for ref in a.sources
    ]
    meta = [
        (t("kind"), a.kind),
        (t("condition"), CONDITION_NAMES.get(a.condition) or t("condition_any")),
        (t("review_state"), a.review.state),
        (
            t("reviewed_by"),
            t("example_approval", by=a.review.by) if a.review.example else a.review.by or "—",
        ),
        (t("review_date"), review_date),
    ]
    comment = getattr(a.review, "comment", None)  # older Review objects have no comment
    if comment:
        meta.append((t("review_comment"), comment))
    meta += [
        (t("english_translation"), _translation_note(r.translation, t)),
        (t("sources"), "\n".join(sources) or "—"),
        (t("file"), a.file or "—"),
    ]
    meta += [
        (t("readability_in", language=lang), _readability(r.readability.get(lang), t))
        for lang in (SOURCE_LANGUAGE, *TARGET_LANGUAGES)
    ]
    meta_table = grid_table(
        [[Paragraph(k, st["key"]), Paragraph(as_markup(v), st["small"])] for k, v in meta],
        [34 * mm, WIDTH - 34 * mm],
        header=False,
    )

    head = [
        t("field"),
        *(LANGUAGE_NAMES.get(lang, lang) for lang in (SOURCE_LANGUAGE, *TARGET_LANGUAGES)),
    ]
    rows: list[list[Any]] = [[Paragraph(h, st["cell_head"]) for h in head]]
    for name, dutch in a.texts().items():
        row: list[Any] = [
            Paragraph(as_markup(name), st["key"]),
            Paragraph(as_markup(fill[SOURCE_LANGUAGE](dutch)), st["body"]),
        ]
        for lang in TARGET_LANGUAGES:
            context = f"{a.id}.{name}"
            text = translations.get(lang, context, dutch)
            if text is None:
                state = translations.state(lang, context, dutch)
                row.append(
                    Paragraph(
                        as_markup(t("mark_missing" if state == MISSING else "mark_stale")),
                        st["note"],
                    )
                )
            else:
                row.append(Paragraph(as_markup(fill[lang](text)), st["body"]))
        rows.append(row)
    field_width = 20 * mm
    text_width = (WIDTH - field_width) / (len(head) - 1)
    texts = grid_table(rows, [field_width] + [text_width] * (len(head) - 1), split_in_row=True)
    # Keep heading and metadata together (and off the bottom of a page); the texts may split.
    return [
        CondPageBreak(60 * mm),
        KeepTogether([*top, meta_table, Spacer(0, 2 * mm)]),
        texts,
        Spacer(0, 5 * mm),
    ]


# -- public ----------------------------------------------------------------------------------
def review_pdf(
    content: Content,
    translations: Translations,
    settings: Settings,
    today: dt.date | None = None,
    lang: str = "en",
) -> bytes:
    """The review document for all answers as PDF bytes (A4), for `content`, its catalogs and
    the clinic's `settings`, dated `today` (default: the clock's day), its own texts in `lang`
    (the console's language).
    Drafts and untranslated texts are included and clearly marked as not served.
    """
    today = today or dt.date.today()
    reports = answer_reports(content, translations)
    st = paragraph_styles()
    t = document_texts(content, translations, lang)

    story: list[Flowable] = [
        *summary(reports, settings, today, st, t),
        *overview(reports, today, st, t),
        PageBreak(),
        Paragraph(t("answers"), st["h1"]),
    ]
    for r in reports:
        story += _answer_section(r, content, translations, settings, today, st, t)
    story += signoff(st, t)

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm,
        title=t("title"),
        author="smard-sma-keuzehulp",
        subject=t("subject"),
        invariant=1,
    )  # same inputs, same bytes: diffable between runs
    footer = page_footer(t("title"), t("page", number="{number}"), today)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
