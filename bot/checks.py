"""Content checks: what must hold before any answer reaches a parent.

- every approved medical answer cites existing sections of the vetted sources, with a
  reviewer and a review date;
- every approved text has a current (non-fuzzy, matching) translation in every language;
- placeholders in translations match the Dutch, and every placeholder has a value;
- answers, buttons and flows point at things that exist, and every intent has an answer.
"""
from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Optional

import yaml

from bot.catalog import CURRENT, TARGET_LANGUAGES, Translations, get_translations
from bot.content import Content, get_content
from bot.paths import ROOT, SOURCES_DIR
from bot.question_kind import KINDS

# Intents handled by an action of their own rather than by a content answer.
ACTION_INTENTS = {"switch_language", "more_detail", "values_answer"}
SETTINGS_PLACEHOLDERS = {"clinic_name", "clinic_phone", "clinic_hours"}

def placeholders(text: str) -> set[str]:
    """Names of {placeholders} in a text."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def content_problems(content: Optional[Content] = None,
                     translations: Optional[Translations] = None,
                     sources_dir: Path = SOURCES_DIR,
                     translations_required: bool = True) -> list[str]:
    """Everything wrong with the content, one line per problem (empty list: all good).

    With `translations_required=False` (publishing), a stale or missing translation is not a
    problem: that text is simply not served in that language until its translation is
    approved. The release check (`python -m bot check`, the tests) requires them all.
    """
    content = content or get_content()
    translations = translations or get_translations()
    problems: list[str] = []
    source_texts = {}
    for key, doc in content.sources.items():
        path = sources_dir / doc.file
        if path.exists():
            source_texts[key] = _squash(path.read_text(encoding="utf-8"))
        else:
            problems.append(f"source {key}: file {path} not found")
    for key, doc in content.sources.items():
        for name, starts in doc.sections.items():
            if key in source_texts and _squash(starts) not in source_texts[key]:
                problems.append(f"source {key}: section {name!r} not found in {doc.file}")

    for ctx_key, text in content.ui.items():
        for lang in TARGET_LANGUAGES:
            state = translations.state(lang, f"ui.{ctx_key}", text)
            if state != CURRENT:  # interface texts: always required (every answer uses them)
                problems.append(f"ui.{ctx_key}: {lang} translation is {state}")

    for a in content.answers.values():
        where = f"{a.file}:{a.id}"
        if a.review.approved:
            if a.kind == "medical" and not a.sources:
                problems.append(f"{where}: approved medical answer without a source")
            if not a.review.date or not a.review.by:
                problems.append(f"{where}: approved without reviewer and review date")
            for name, text in a.texts().items():
                for lang in TARGET_LANGUAGES:
                    ctx = f"{a.id}.{name}"
                    state = translations.state(lang, ctx, text)
                    if state != CURRENT:
                        if translations_required:
                            problems.append(f"{where}: {lang} translation of {name} is {state}")
                    else:
                        translated = translations.get(lang, ctx, text) or ""
                        if placeholders(translated) != placeholders(text):
                            problems.append(f"{where}: {lang} {name} placeholders differ")
        for ref in a.sources:
            doc = content.sources.get(ref.doc)
            if doc is None or ref.section not in doc.sections:
                problems.append(f"{where}: cites unknown source {ref.doc!r} / {ref.section!r}")
        for name, text in a.texts().items():
            missing = placeholders(text) - set(a.values) - SETTINGS_PLACEHOLDERS
            if missing:
                problems.append(f"{where}: {name} uses undefined placeholders {sorted(missing)}")
        for target in a.next:
            if target not in content.answers:
                problems.append(f"{where}: button to unknown answer {target!r}")
            elif not content.answers[target].intents:
                problems.append(f"{where}: button to {target!r}, which no intent reaches")
    for flow, steps in content.flows.items():
        for step in steps:
            if step not in content.answers:
                problems.append(f"flow {flow}: unknown answer {step!r}")

    problems += question_kind_problems(content)
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    domain_intents = set(domain["intents"])
    for intent in sorted(domain_intents - content.intents - ACTION_INTENTS):
        problems.append(f"intent {intent}: no answer in content/answers")
    for intent in sorted(content.intents - domain_intents - {"nlu_fallback"}):
        problems.append(f"intent {intent}: used in content but not in domain.yml")
    return problems


def question_kind_problems(content: Content) -> list[str]:
    """content/question_kinds.yml names every kind the detector knows, each with an interface
    text for the honest reply, and only answers that exist."""
    problems = []
    for kind in KINDS:
        if kind not in content.question_kinds:
            problems.append(f"question_kinds.yml: kind {kind!r} is missing")
        if f"kind_{kind}" not in content.ui:
            problems.append(f"ui.yml: no text kind_{kind} for the honest reply")
    for kind, answer_ids in content.question_kinds.items():
        if kind not in KINDS:
            problems.append(f"question_kinds.yml: unknown kind {kind!r}")
        for answer_id in answer_ids:
            if answer_id not in content.answers:
                problems.append(f"question_kinds.yml: {kind} names unknown answer {answer_id!r}")
    return problems
