"""Content checks: what must hold before any answer reaches a parent.

Each rule is a small function over the content (and catalogs, and source texts) that returns
its problems, one line each; `content_problems` runs them all. The rules:

- `sources_found`: every source file exists and every listed section is in it;
- `ui_translated`: every interface text has a current translation;
- `approvals_complete`: an approved medical answer cites a source; every approval has a
  reviewer and a date; approved texts have current translations with the same placeholders;
- `references_exist`: cited sections, buttons, flows and placeholders point at things that exist;
- `quotes_in_sources`: every quoted source sentence is in its cited section;
- `texts_cited`: every text of an approved medical answer rests on at least one quote;
- `facts_traceable`: every number, week, percentage and gene of a text (rendered, in Dutch and
  in its current English) is in the sentences it cites, in an equivalent form (bot/content/provenance.py);
- `condition_sources`: an answer for one condition does not cite only the other's source;
- `condition_named`: an answer for one condition names it (SMARD / SMA) in its label and in
  the text shown first, in every language;
- `intents_answered`: every intent has an answer and every answered intent is in the domain.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

import yaml

from bot.config.paths import ROOT, SOURCES_DIR
from bot.content.catalog import CURRENT, LANGUAGES, TARGET_LANGUAGES, Translations, get_translations
from bot.content.content import CONDITIONS, Content, get_content
from bot.content.provenance import (
    checked_fields,
    facts,
    find_quote,
    quotes_for,
    rendered,
    source_facts,
    unsupported,
)
from bot.content.question_kind import KINDS
from bot.content.schema import Answer
from bot.content.sources import section_texts

# Intents handled by an action of their own rather than by a content answer.
ACTION_INTENTS = {"switch_language", "more_detail", "values_answer"}
SETTINGS_PLACEHOLDERS = {"clinic_name", "clinic_phone", "clinic_hours", "clinic_after_hours"}
# Kinds of answer whose texts state facts from the sources.
FACT_KINDS = ("medical", "exercise")
# How each condition is named in a text (the Dutch and English names are the same).
CONDITION_NAMES = {"smard": re.compile(r"\bSMARD\b"), "sma": re.compile(r"\bSMA\b")}


def placeholders(text: str) -> set[str]:
    """Names of {placeholders} in a text."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@dataclass
class Context:
    """What the rules look at."""

    content: Content
    translations: Translations
    sources_dir: Path
    translations_required: bool
    source_texts: dict[str, str]  # doc key -> whole text (whitespace squashed)
    sections: dict[tuple[str, str], str]  # (doc key, section) -> section text

    def where(self, a: Answer) -> str:
        return f"{a.file}:{a.id}"

    def translation(self, lang: str, ctx: str, source: str) -> Optional[str]:
        return self.translations.get(lang, ctx, source)


Rule = Callable[[Context], list[str]]


# -- the rules ----------------------------------------------------------------------------------
def sources_found(c: Context) -> list[str]:
    problems = []
    for key, doc in c.content.sources.items():
        if key not in c.source_texts:
            problems.append(f"source {key}: file {c.sources_dir / doc.file} not found")
            continue
        for name, starts in doc.sections.items():
            if _squash(starts) not in c.source_texts[key]:
                problems.append(f"source {key}: section {name!r} not found in {doc.file}")
    return problems


def ui_translated(c: Context) -> list[str]:
    problems = []
    for ctx_key, text in c.content.ui.items():
        for lang in TARGET_LANGUAGES:
            state = c.translations.state(lang, f"ui.{ctx_key}", text)
            if state != CURRENT:  # interface texts: always required (every answer uses them)
                problems.append(f"ui.{ctx_key}: {lang} translation is {state}")
    return problems


def approvals_complete(c: Context) -> list[str]:
    problems = []
    for a in c.content.answers.values():
        if not a.review.approved:
            continue
        where = c.where(a)
        if a.kind == "medical" and not a.sources:
            problems.append(f"{where}: approved medical answer without a source")
        if not a.review.date or not a.review.by:
            problems.append(f"{where}: approved without reviewer and review date")
        for name, text in a.texts().items():
            for lang in TARGET_LANGUAGES:
                ctx = f"{a.id}.{name}"
                state = c.translations.state(lang, ctx, text)
                if state != CURRENT:
                    if c.translations_required:
                        problems.append(f"{where}: {lang} translation of {name} is {state}")
                else:
                    translated = c.translations.get(lang, ctx, text) or ""
                    if placeholders(translated) != placeholders(text):
                        problems.append(f"{where}: {lang} {name} placeholders differ")
    return problems


def references_exist(c: Context) -> list[str]:
    problems = []
    content = c.content
    for a in content.answers.values():
        where = c.where(a)
        for ref in a.sources:
            doc = content.sources.get(ref.doc)
            if doc is None or ref.section not in doc.sections:
                problems.append(f"{where}: cites unknown source {ref.doc!r} / {ref.section!r}")
            for part in ref.parts:
                if part not in a.texts():
                    problems.append(f"{where}: cites a source for {part!r}, which it has not")
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
    return problems


def quotes_in_sources(c: Context) -> list[str]:
    problems = []
    for a in c.content.answers.values():
        for ref in a.sources:
            section = c.sections.get((ref.doc, ref.section))
            if section is None:
                continue  # reported by sources_found / references_exist
            for quote in ref.quotes:
                if not find_quote(quote, section):
                    problems.append(f"{c.where(a)}: quote not in {ref.doc} / {ref.section!r}: "
                                    f"{quote!r}")
    return problems


def texts_cited(c: Context) -> list[str]:
    problems = []
    for a in c.content.answers.values():
        if a.kind != "medical" or not a.review.approved:
            continue
        for name in checked_fields(a):
            if name != "label" and not quotes_for(a, name):
                problems.append(f"{c.where(a)}: {name} cites no source sentence")
    return problems


def facts_traceable(c: Context) -> list[str]:
    problems = []
    for a in c.content.answers.values():
        if a.kind not in FACT_KINDS or not a.review.approved:
            continue
        for name in checked_fields(a):
            cited = source_facts(q for _, q in quotes_for(a, name))
            for lang in LANGUAGES:
                text = rendered(a, name, lang, c.content, c.translation)
                if text is None:
                    continue  # no current translation: not served (reported elsewhere)
                for fact in unsupported(facts(text, lang), cited):
                    problems.append(f"{c.where(a)}: {lang} {name}: {fact} is not in its cited "
                                    f"source sentences")
    return problems


def condition_sources(c: Context) -> list[str]:
    problems = []
    for a in c.content.answers.values():
        if a.condition not in CONDITIONS or not a.sources:
            continue
        about = {c.content.sources[r.doc].condition for r in a.sources if r.doc in c.content.sources}
        if a.condition not in about and about - {None}:
            problems.append(f"{c.where(a)}: an answer for {a.condition} cites only sources "
                            f"about {', '.join(sorted(x for x in about if x))}")
    return problems


def first_shown(a: Answer) -> list[str]:
    """The texts a parent sees first: the short layer, or every part of an option."""
    if a.short:
        return ["short"]
    return [f"part.{n}" for n, t in (a.parts or {}).items() if t]


def condition_named(c: Context) -> list[str]:
    problems = []
    for a in c.content.answers.values():
        if a.kind != "medical" or a.condition not in CONDITIONS or not a.review.approved:
            continue
        name = CONDITION_NAMES[a.condition]
        for lang in LANGUAGES:
            label = rendered(a, "label", lang, c.content, c.translation)
            if label is not None and not name.search(label):
                problems.append(f"{c.where(a)}: {lang} label does not name {a.condition.upper()}")
            shown = [rendered(a, f, lang, c.content, c.translation) for f in first_shown(a)]
            if shown and None not in shown and not any(name.search(t or "") for t in shown):
                problems.append(f"{c.where(a)}: {lang} {'/'.join(first_shown(a))} does not name "
                                f"{a.condition.upper()}")
    return problems


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


RULES: tuple[Rule, ...] = (sources_found, ui_translated, approvals_complete, references_exist,
                           quotes_in_sources, texts_cited, facts_traceable, condition_sources,
                           condition_named, intents_answered, question_kinds_declared)


def context(content: Optional[Content] = None, translations: Optional[Translations] = None,
            sources_dir: Path = SOURCES_DIR, translations_required: bool = True) -> Context:
    """Everything the rules need, read once."""
    content = content or get_content()
    translations = translations or get_translations()
    texts = {key: _squash((sources_dir / doc.file).read_text(encoding="utf-8"))
             for key, doc in content.sources.items() if (sources_dir / doc.file).exists()}
    return Context(content, translations, sources_dir, translations_required, texts,
                   section_texts(content, sources_dir))


def content_problems(content: Optional[Content] = None,
                     translations: Optional[Translations] = None,
                     sources_dir: Path = SOURCES_DIR,
                     translations_required: bool = True,
                     rules: tuple[Rule, ...] = RULES) -> list[str]:
    """Everything wrong with the content, one line per problem (empty list: all good).

    With `translations_required=False` (publishing), a stale or missing translation is not a
    problem: that text is simply not served in that language until its translation is
    approved. The release check (`python -m bot check`, the tests) requires them all.
    """
    c = context(content, translations, sources_dir, translations_required)
    return [problem for rule in rules for problem in rule(c)]
