"""Content checks against the vetted sources: every source and section is found, every quote
is in its section, every text of an approved medical answer rests on quotes, every fact of it
(rendered, in every language) is in the sentences it cites (bot/content/provenance.py), and an
answer for one condition cites that condition's sources and names it where it is shown first."""

from __future__ import annotations

import re

from bot.content.catalog import LANGUAGES
from bot.content.check_context import Context, squash_space
from bot.content.content import CONDITIONS
from bot.content.provenance import (
    checked_fields,
    facts,
    find_quote,
    quotes_for,
    rendered,
    source_facts,
    unsupported,
)
from bot.content.schema import Answer

# Kinds of answer whose texts state facts from the sources.
FACT_KINDS = ("medical", "exercise", "knowledge")
# How each condition is named in a text (the Dutch and English names are the same).
CONDITION_NAMES = {"smard": re.compile(r"\bSMARD\b"), "sma": re.compile(r"\bSMA\b")}


def sources_found(c: Context) -> list[str]:
    problems = []
    for key, doc in c.content.sources.items():
        if key not in c.source_texts:
            problems.append(f"source {key}: file {c.sources_dir / doc.file} not found")
            continue
        for name, starts in doc.sections.items():
            if squash_space(starts) not in c.source_texts[key]:
                problems.append(f"source {key}: section {name!r} not found in {doc.file}")
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
                    problems.append(
                        f"{c.where(a)}: quote not in {ref.doc} / {ref.section!r}: {quote!r}"
                    )
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
                    problems.append(
                        f"{c.where(a)}: {lang} {name}: {fact} is not in its cited source sentences"
                    )
    return problems


def condition_sources(c: Context) -> list[str]:
    problems = []
    for a in c.content.answers.values():
        if a.condition not in CONDITIONS or not a.sources:
            continue
        about = {
            c.content.sources[r.doc].condition for r in a.sources if r.doc in c.content.sources
        }
        if a.condition not in about and about - {None}:
            problems.append(
                f"{c.where(a)}: an answer for {a.condition} cites only sources "
                f"about {', '.join(sorted(x for x in about if x))}"
            )
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
                problems.append(
                    f"{c.where(a)}: {lang} {'/'.join(first_shown(a))} does not name "
                    f"{a.condition.upper()}"
                )
    return problems
