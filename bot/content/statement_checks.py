"""Content rules for the knowledge checks ("Test wat u weet", content/answers/knowledge.yml).

A statement's correct value is decided by an answer parents can already read, never by a text
of its own: it cites that answer and text (`cites`) and the phrase in it that decides it
(`quote`, Dutch in the content, English in the catalog). `statements_decided` proves, in every
language, that the quote is in the cited text as a parent reads it, so an edit of that answer
which drops the fact stops the check from being published (one source of truth, as the
comparison takes its cells from the option answers).
"""

from __future__ import annotations

from bot.content.catalog import LANGUAGES
from bot.content.check_context import Context, squash_space
from bot.content.content import KNOWLEDGE_CHECKS
from bot.content.provenance import rendered
from bot.content.schema import Answer

KIND = "knowledge"


def check_condition(check: str) -> str:
    """The condition a check is about: `knowledge_smard` -> `smard`."""
    return check.removeprefix("knowledge_")


def statement_problems(c: Context, a: Answer) -> list[str]:
    """What is wrong with one approved statement: its value, its source, its citation, and
    its quote in each language."""
    where = c.where(a)
    if not isinstance(a.correct, bool):
        return [f"{where}: a statement needs `correct: true` or `correct: false`"]
    if not a.sources:
        return [f"{where}: a statement cites no source sentence"]
    cited = c.content.answers.get(a.cites.get("answer", ""))
    text = a.cites.get("text", "")
    if cited is None or not cited.review.approved or text not in cited.texts():
        return [f"{where}: cites {a.cites!r}, which is no text of an approved answer"]
    if not a.quote:
        return [f"{where}: a statement needs the `quote` that decides it"]
    problems = []
    for lang in LANGUAGES:
        quote = rendered(a, "quote", lang, c.content, c.translation)
        shown = rendered(cited, text, lang, c.content, c.translation)
        if quote is None or shown is None:
            continue  # no current translation: not served (reported by the translation rule)
        if squash_space(quote) not in squash_space(shown):
            problems.append(f"{where}: {lang} quote {quote!r} is not in {cited.id}.{text}")
    return problems


def statements_decided(c: Context) -> list[str]:
    """Every check's steps are statements of its condition; every approved statement is
    decided by the text it cites; an offer names a check that exists."""
    problems = []
    for check in KNOWLEDGE_CHECKS:
        for step in c.content.flows.get(check, []):
            a = c.content.answers.get(step)
            if a is not None and (a.kind != KIND or a.condition != check_condition(check)):
                problems.append(
                    f"flow {check}: {step} is not a {KIND} statement about "
                    f"{check_condition(check).upper()}"
                )
    for a in c.content.answers.values():
        if a.knowledge_check and a.knowledge_check not in KNOWLEDGE_CHECKS:
            problems.append(f"{c.where(a)}: offers unknown knowledge check {a.knowledge_check!r}")
        if a.kind == KIND and a.review.approved:
            problems += statement_problems(c, a)
    return problems
