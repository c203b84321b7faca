"""Content checks: what must hold before any answer reaches a parent.

Each rule is a small function over the content (and catalogs, and source texts) that returns
its problems, one line each; `content_problems` runs them all, in order. A rule about one
answer at a time is an `AnswerRule`, run answer by answer with `each_answer`
(bot/content/check_context.py); the rules against the sources are in
bot/content/source_checks.py. The rules:

- `sources_found`: every source file exists and every listed section is in it;
- `ui_translated`: every interface text has a current translation;
- `approvals_complete`: an approved medical answer cites a source; every approval has a
  reviewer and a date; approved texts have current translations with the same placeholders
  (`medical_answer_cites_a_source`, `reviewer_and_date_recorded`,
  `translations_current_with_same_placeholders`);
- `references_exist`: cited sections, buttons, flows, placeholders and a letter's texts point at
  things that exist (`citations_resolve`, `placeholders_defined`, `buttons_lead_to_answers`,
  `letter_texts_exist`, `flow_steps_exist`);
- `quotes_in_sources`: every quoted source sentence is in its cited section;
- `texts_cited`: every text of an approved medical answer rests on at least one quote;
- `facts_traceable`: every number, week, percentage and gene of a text (rendered, in Dutch and
  in its current English) is in the sentences it cites, in an equivalent form (bot/content/provenance.py);
- `condition_sources`: an answer for one condition does not cite only the other's source;
- `condition_named`: an answer for one condition names it (SMARD / SMA) in its label and in
  the text shown first, in every language;
- `intents_answered`: every intent has an answer and every answered intent is in the domain;
- `statements_decided`: every statement of a knowledge check is decided by the answer text it
  cites, in every language (bot/content/statement_checks.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import yaml

from bot.config.paths import ROOT, SOURCES_DIR
from bot.content.catalog import CURRENT, TARGET_LANGUAGES, Translations
from bot.content.check_context import Context, Rule, context, each_answer, placeholders
from bot.content.content import Content
from bot.content.question_kind import KINDS
from bot.content.schema import Answer
from bot.content.source_checks import (
    condition_named,
    condition_sources,
    facts_traceable,
    quotes_in_sources,
    sources_found,
    texts_cited,
)
from bot.content.statement_checks import statements_decided

# Intents handled by an action of their own rather than by a content answer.
ACTION_INTENTS = {"switch_language", "more_detail", "values_answer"}
SETTINGS_PLACEHOLDERS = {"clinic_name", "clinic_phone", "clinic_hours", "clinic_after_hours"}


# -- the rules ----------------------------------------------------------------------------------
def ui_translated(c: Context) -> list[str]:
    problems = []
    for ctx_key, text in c.content.ui.items():
        for lang in TARGET_LANGUAGES:
            state = c.translations.state(lang, f"ui.{ctx_key}", text)
            if state != CURRENT:  # interface texts: always required (every answer uses them)
                problems.append(f"ui.{ctx_key}: {lang} translation is {state}")
    return problems


def medical_answer_cites_a_source(c: Context, a: Answer) -> list[str]:
    if a.kind == "medical" and not a.sources:
        return [f"{c.where(a)}: approved medical answer without a source"]
    return []


def reviewer_and_date_recorded(c: Context, a: Answer) -> list[str]:
    if not a.review.date or not a.review.by:
        return [f"{c.where(a)}: approved without reviewer and review date"]
    return []


def translations_current_with_same_placeholders(c: Context, a: Answer) -> list[str]:
    problems = []
    for name, text in a.texts().items():
        for lang in TARGET_LANGUAGES:
            ctx = f"{a.id}.{name}"
            state = c.translations.state(lang, ctx, text)
            if state != CURRENT:
                if c.translations_required:
                    problems.append(f"{c.where(a)}: {lang} translation of {name} is {state}")
            else:
                translated = c.translations.get(lang, ctx, text) or ""
                if placeholders(translated) != placeholders(text):
                    problems.append(f"{c.where(a)}: {lang} {name} placeholders differ")
    return problems


def approvals_complete(c: Context) -> list[str]:
    return each_answer(
        medical_answer_cites_a_source,
        reviewer_and_date_recorded,
        translations_current_with_same_placeholders,
        approved_only=True,
    )(c)


def citations_resolve(c: Context, a: Answer) -> list[str]:
    """Each cited section exists, and each text a citation is `for` is a text of the answer."""
    problems = []
    for ref in a.sources:
        doc = c.content.sources.get(ref.doc)
        if doc is None or ref.section not in doc.sections:
            problems.append(f"{c.where(a)}: cites unknown source {ref.doc!r} / {ref.section!r}")
        for part in ref.parts:
            if part not in a.texts():
                problems.append(f"{c.where(a)}: cites a source for {part!r}, which it has not")
    return problems


def placeholders_defined(c: Context, a: Answer) -> list[str]:
    problems = []
    for name, text in a.texts().items():
        missing = placeholders(text) - set(a.values) - SETTINGS_PLACEHOLDERS
        if missing:
            problems.append(f"{c.where(a)}: {name} uses undefined placeholders {sorted(missing)}")
    return problems


def buttons_lead_to_answers(c: Context, a: Answer) -> list[str]:
    problems = []
    for target in a.next:
        if target not in c.content.answers:
            problems.append(f"{c.where(a)}: button to unknown answer {target!r}")
        elif not c.content.answers[target].intents:
            problems.append(f"{c.where(a)}: button to {target!r}, which no intent reaches")
    return problems


def letter_texts_exist(c: Context, a: Answer) -> list[str]:
    """Each text a letter names (`answer_id` or `answer_id.field`) is a text of an answer."""
    problems = []
    for ref in a.letter:
        answer_id, _, name = ref.partition(".")
        target = c.content.answers.get(answer_id)
        if target is None or (name or "short") not in target.texts():
            problems.append(f"{c.where(a)}: letter names unknown text {ref!r}")
    return problems


def flow_steps_exist(c: Context) -> list[str]:
    return [
        f"flow {flow}: unknown answer {step!r}"
        for flow, steps in c.content.flows.items()
        for step in steps
        if step not in c.content.answers
    ]


def references_exist(c: Context) -> list[str]:
    return each_answer(
        citations_resolve, placeholders_defined, buttons_lead_to_answers, letter_texts_exist
    )(c) + flow_steps_exist(c)


def intents_answered(c: Context) -> list[str]:
    problems = []
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    domain_intents = set(domain["intents"])
    for intent in sorted(domain_intents - c.content.intents - ACTION_INTENTS):
        problems.append(f"intent {intent}: no answer in content/answers")
    for intent in sorted(c.content.intents - domain_intents - {"nlu_fallback"}):
        problems.append(f"intent {intent}: used in content but not in domain.yml")
    return problems


def question_kinds_declared(c: Context) -> list[str]:
    """content/question_kinds.yml names every kind the detector knows, each with an interface
    text for the honest reply, and only answers that exist."""
    problems = []
    for kind in KINDS:
        if kind not in c.content.question_kinds:
            problems.append(f"question_kinds.yml: kind {kind!r} is missing")
        if f"kind_{kind}" not in c.content.ui:
            problems.append(f"ui.yml: no text kind_{kind} for the honest reply")
    for kind, answer_ids in c.content.question_kinds.items():
        if kind not in KINDS:
            problems.append(f"question_kinds.yml: unknown kind {kind!r}")
        for answer_id in answer_ids:
            if answer_id not in c.content.answers:
                problems.append(f"question_kinds.yml: {kind} names unknown answer {answer_id!r}")
    return problems


RULES: tuple[Rule, ...] = (
    sources_found,
    ui_translated,
    approvals_complete,
    references_exist,
    quotes_in_sources,
    texts_cited,
    facts_traceable,
    condition_sources,
    condition_named,
    intents_answered,
    question_kinds_declared,
    statements_decided,
)


def content_problems(
    content: Optional[Content] = None,
    translations: Optional[Translations] = None,
    sources_dir: Path = SOURCES_DIR,
    translations_required: bool = True,
    rules: tuple[Rule, ...] = RULES,
) -> list[str]:
    """Everything wrong with the content, one line per problem (empty list: all good).

    With `translations_required=False` (publishing), a stale or missing translation is not a
    problem: that text is simply not served in that language until its translation is
    approved. The release check (`python -m bot check`, the tests) requires them all.
    """
    c = context(content, translations, sources_dir, translations_required)
    return [problem for rule in rules for problem in rule(c)]
