"""The content report: every answer with its review state, translation state and readability,
and a summary. Used by `python -m bot content report` (and later by the counsellor console)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Optional

from bot.content.catalog import TARGET_LANGUAGES, Translations, get_translations
from bot.content.content import Content, get_content
from bot.content.readability import Readability, measure
from bot.content.schema import Answer

REVIEW_MAX_AGE = dt.timedelta(days=365)


@dataclass(frozen=True)
class AnswerReport:
    """What a counsellor needs to know about one answer."""

    answer: Answer
    translation: str  # current | stale | missing (worst over the answer's texts)
    readability: dict[str, Optional[Readability]]  # per language; None: not served in it

    @property
    def review_overdue(self) -> bool:
        return (
            bool(self.answer.review.date)
            and dt.date.today() - self.answer.review.date > REVIEW_MAX_AGE  # type: ignore[operator]
        )


def _worst(states: list[str]) -> str:
    for state in ("missing", "stale"):
        if state in states:
            return state
    return "current"


def _served_text(answer: Answer, lang: str, translations: Translations) -> Optional[str]:
    """The answer's body text in `lang` as far as it can be served, else None."""
    parts = []
    for name, text in answer.texts().items():
        if name == "label":
            continue
        got = translations.get(lang, f"{answer.id}.{name}", text)
        if got is None:
            return None
        parts.append(got)
    return "\n\n".join(parts) or None


def answer_reports(
    content: Optional[Content] = None, translations: Optional[Translations] = None
) -> list[AnswerReport]:
    """One report line per answer, in content order."""
    content = content or get_content()
    translations = translations or get_translations()
    out = []
    for a in content.answers.values():
        states = [
            translations.state(lang, f"{a.id}.{name}", text)
            for lang in TARGET_LANGUAGES
            for name, text in a.texts().items()
        ]
        readability: dict[str, Optional[Readability]] = {}
        for lang in ("nl", *TARGET_LANGUAGES):
            text = _served_text(a, lang, translations)
            readability[lang] = measure(text, lang) if text else None
        out.append(AnswerReport(a, _worst(states), readability))
    return out


def as_text(reports: list[AnswerReport]) -> str:
    """The report as plain text for the terminal."""
    lines = [
        f"{'answer':24} {'kind':12} {'cond':5} {'review':20} {'en':8} "
        f"{'nl score/wps':14} {'en score/wps':14}"
    ]
    for r in reports:
        a = r.answer
        review = f"{a.review.state} {a.review.date or ''}".strip()
        cells = []
        for lang in ("nl", "en"):
            m = r.readability.get(lang)
            cells.append(
                "-"
                if m is None
                else f"{m.score:5.1f}/{m.words_per_sentence:4.1f}{' >B1' if m.above_b1 else ''}"
            )
        lines.append(
            f"{a.id:24} {a.kind:12} {a.condition:5} {review:20} {r.translation:8} "
            f"{cells[0]:14} {cells[1]:14}"
        )
    lines += ["", "Summary:"] + [f"  {line}" for line in totals(reports)["lines"]]
    return "\n".join(lines)


def totals(reports: list[AnswerReport]) -> dict[str, Any]:
    """Counts and readability over the whole content (approved answers for readability)."""
    approved = [r for r in reports if r.answer.review.approved]
    readability: dict[str, dict[str, float]] = {}
    out: dict[str, Any] = {
        "answers": len(reports),
        "approved": len(approved),
        "not_approved": len(reports) - len(approved),
        "translations_not_current": sum(r.translation != "current" for r in approved),
        "overdue": sum(r.review_overdue for r in reports),
        "readability": readability,
    }
    lines = [
        f"answers: {len(reports)} ({len(approved)} approved, "
        f"{len(reports) - len(approved)} not approved)",
        f"translations not current (approved answers): {out['translations_not_current']}",
        f"reviews older than 12 months: {out['overdue']}",
    ]
    for lang in ("nl", "en"):
        scored = [m for m in (r.readability.get(lang) for r in approved) if m]
        if scored:
            mean = sum(m.score for m in scored) / len(scored)
            above = sum(m.above_b1 for m in scored)
            wps = sum(m.words_per_sentence for m in scored) / len(scored)
            readability[lang] = {
                "mean": round(mean, 1),
                "above_b1": above,
                "scored": len(scored),
                "words_per_sentence": round(wps, 1),
            }
            lines.append(
                f"readability {lang}: mean score {mean:.1f}; likely above B1: "
                f"{above} of {len(scored)}"
            )
    out["lines"] = lines
    return out
