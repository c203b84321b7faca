"""Sentence-level provenance and condition labels (issue 15): each rule of the content check
passes on the project's content and fails on a bad example."""

from __future__ import annotations

import dataclasses
from typing import Optional

import pytest

from bot.content import checks
from bot.content.catalog import Translations, get_translations
from bot.content.content import Content
from bot.content.provenance import facts, find_quote, sentence_around, source_facts, unsupported
from bot.content.schema import Answer, SourceRef


def _with(content: Content, answer: Answer) -> Content:
    """The content with one answer replaced."""
    answers = [answer if a.id == answer.id else a for a in content.answers.values()]
    return Content(answers, content.ui, content.flows, content.sources)


def _problems(
    rule: checks.Rule, content: Content, translations: Optional[Translations] = None
) -> list[str]:
    return rule(checks.context(content, translations or get_translations()))


class _EnglishOverride(Translations):
    """The project's catalogs with some English texts replaced (current, as if approved)."""

    def __init__(self, texts: dict[str, str]) -> None:  # noqa: D107 - no catalog reading
        base = get_translations()
        self.__dict__.update(base.__dict__)
        self._texts = texts

    def get(self, lang: str, context: str, source: str) -> Optional[str]:
        if lang == "en" and context in self._texts:
            return self._texts[context]
        return super().get(lang, context, source)


# -- every rule passes on the content ---------------------------------------------------------
@pytest.mark.parametrize("rule", checks.RULES, ids=lambda r: r.__name__)
def test_rule_passes_on_the_content(content: Content, rule: checks.Rule) -> None:
    assert _problems(rule, content) == []


def test_every_approved_medical_text_quotes_sentences(content: Content) -> None:
    medical = [a for a in content.answers.values() if a.kind == "medical" and a.review.approved]
    assert medical and all(ref.quotes for a in medical for ref in a.sources)


# -- equivalent forms -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence, text, lang",
    [
        ("Die kans is voor ieder kind 25% (1 op 4).", "25 van de 100 (25%)", "nl"),
        ("Die kans is voor ieder kind 25% (1 op 4).", "25 in 100 (25%)", "en"),
        ("Die kans is voor ieder kind 25% (1 op 4).", "Dat is 1 op 4.", "nl"),
        ("Die kans is voor ieder kind 25% (1 op 4).", "That is 1 in 4.", "en"),
        ("Deze kans is ongeveer 0,3 procent (3 op 1000).", "3 van de 1.000 (0,3%)", "nl"),
        ("Deze kans is ongeveer 0,3 procent (3 op 1000).", "3 in 1,000 (0.3%)", "en"),
        (
            "Uiteindelijk blijkt 98% van de teruggeplaatste embryo’s de aandoening echt niet te hebben.",
            "98 van de 100 (98%)",
            "nl",
        ),
        (
            "Het komt naar schatting voor bij minder dan 1 op de miljoen pasgeborenen.",
            "minder dan 1 op de miljoen",
            "nl",
        ),
        (
            "Het komt naar schatting voor bij minder dan 1 op de miljoen pasgeborenen.",
            "fewer than 1 in a million",
            "en",
        ),
        (
            "Dit kan met een vlokkentest (rond de 11e week van de zwangerschap).",
            "rond week 11",
            "nl",
        ),
        (
            "Meestal ontstaan ademhalingsproblemen in de eerste zes maanden.",
            "in the first 6 months",
            "en",
        ),
    ],
)
def test_equivalent_forms_are_accepted(sentence: str, text: str, lang: str) -> None:
    assert unsupported(facts(text, lang), source_facts([sentence])) == []


@pytest.mark.parametrize(
    "sentence, text, lang, problem",
    [
        (
            "Die kans is voor ieder kind 25% (1 op 4).",
            "250 van de 1.000 (25%)",
            "nl",
            "frequency 250 per 1000",
        ),
        (
            "Die kans is voor ieder kind 25% (1 op 4).",
            "250 in 1,000 (25%)",
            "en",
            "frequency 250 per 1000",
        ),
        (
            "Die kans is voor ieder kind 25% (1 op 4).",
            "50 van de 100 (50%)",
            "nl",
            "percentage 50%",
        ),
        ("Deze kans is ongeveer 0,3 procent (3 op 1000).", "ongeveer 3%", "nl", "percentage 3%"),
        (
            "Dit kan met een vlokkentest (rond de 11e week van de zwangerschap).",
            "rond week 12",
            "nl",
            "number 12",
        ),
        ("SMARD ontstaat in beide kopieën van het IGHMBP2-gen.", "het SMN1-gen", "nl", "gene SMN1"),
        (
            "Iemand die slechts in één kopie van het gen een afwijking heeft is drager.",
            "Van elk gen zijn er 2 kopieën.",
            "nl",
            "number 2",
        ),
    ],
)
def test_changed_numbers_and_genes_are_refused(
    sentence: str, text: str, lang: str, problem: str
) -> None:
    assert problem in unsupported(facts(text, lang), source_facts([sentence]))


def test_link_addresses_are_not_facts() -> None:
    text = "Zie [de site](https://example.org/page-2026/100)."
    assert facts(text, "nl").numbers == frozenset()


# -- quotes_in_sources ------------------------------------------------------------------------
def test_quote_found_with_other_line_breaks_and_spaces() -> None:
    section = "Die kans is voor ieder kind\n25% (1 op 4).  Dit geldt zowel"
    assert find_quote("Die kans is voor  ieder kind 25% (1 op 4).", section)
    assert not find_quote("Die kans is voor ieder kind 50% (1 op 2).", section)


def test_sentence_around_a_partial_quote() -> None:
    section = "Eerste zin. Die kans is voor ieder kind 25% (1 op 4). Laatste zin."
    assert sentence_around("ieder kind 25%", section) == "Die kans is voor ieder kind 25% (1 op 4)."


def test_check_fails_for_a_quote_that_is_not_in_its_section(content: Content) -> None:
    a = content.answers["smard_chance"]
    ref = dataclasses.replace(a.sources[0], quotes=("Die kans is voor ieder kind 50% (1 op 2).",))
    problems = _problems(
        checks.quotes_in_sources, _with(content, dataclasses.replace(a, sources=(ref,)))
    )
    assert any("smard_chance: quote not in smard_leaflet" in p and "50%" in p for p in problems)


def test_check_fails_for_a_quote_from_another_section(content: Content) -> None:
    a = content.answers["smard_chance"]
    # In the leaflet, but in "Prenatale diagnostiek": the section cited must hold the sentence.
    ref = dataclasses.replace(
        a.sources[0], quotes=("Deze kans is ongeveer 0,3 procent (3 op 1000).",)
    )
    problems = _problems(
        checks.quotes_in_sources, _with(content, dataclasses.replace(a, sources=(ref,)))
    )
    assert any("smard_chance: quote not in" in p for p in problems)


# -- texts_cited ------------------------------------------------------------------------------
def test_check_fails_for_a_text_that_cites_no_sentence(content: Content) -> None:
    a = content.answers["smard_chance"]
    ref = dataclasses.replace(a.sources[0], parts=("more",))
    problems = _problems(checks.texts_cited, _with(content, dataclasses.replace(a, sources=(ref,))))
    assert problems == ["inheritance.yml:smard_chance: short cites no source sentence"]


# -- facts_traceable --------------------------------------------------------------------------
def test_check_fails_for_a_value_in_another_denominator(content: Content) -> None:
    """option_no_testing as it was: 250 van de 1.000 for the leaflet's 25% (1 op 4). The value is
    rendered first, in both languages."""
    a = content.answers["option_no_testing"]
    bad = dataclasses.replace(
        a, values={"chance": {"type": "frequency", "count": 250, "per": 1000, "percent": True}}
    )
    problems = _problems(checks.facts_traceable, _with(content, bad))
    assert any("option_no_testing: nl part.risks: frequency 250 per 1000" in p for p in problems)
    assert any("option_no_testing: en part.risks: frequency 250 per 1000" in p for p in problems)


def test_check_fails_for_a_week_that_is_not_in_the_sentence(content: Content) -> None:
    a = content.answers["option_prenatal"]
    bad = dataclasses.replace(a, values={**a.values, "cvs_week": {"type": "number", "value": 12}})
    problems = _problems(checks.facts_traceable, _with(content, bad))
    assert any("option_prenatal: nl part.when: number 12" in p for p in problems)


def test_check_fails_for_a_number_cited_for_another_part(content: Content) -> None:
    """smard_chance's 25% is cited for short and more; cite it for `more` only and `short` loses
    its number's sentence."""
    a = content.answers["smard_chance"]
    ref = a.sources[0]
    refs = (
        dataclasses.replace(ref, parts=("more",)),
        SourceRef(
            ref.doc, ref.section, ("Dit geldt zowel voor zonen als voor dochters.",), ("short",)
        ),
    )
    problems = _problems(
        checks.facts_traceable, _with(content, dataclasses.replace(a, sources=refs))
    )
    assert any("smard_chance: nl short: frequency 25 per 100" in p for p in problems)


def test_check_fails_for_a_gene_not_in_the_sentences(content: Content) -> None:
    a = content.answers["smard_cause"]
    bad = dataclasses.replace(a, short=a.short.replace("IGHMBP2", "SMN1"))
    problems = _problems(
        checks.facts_traceable,
        _with(content, bad),
        _EnglishOverride({"smard_cause.short": "The SMN1 gene."}),
    )
    assert any("smard_cause: nl short: gene SMN1" in p for p in problems)
    assert any("smard_cause: en short: gene SMN1" in p for p in problems)


def test_check_fails_for_a_number_changed_in_the_english_only(content: Content) -> None:
    a = content.answers["smard_chance"]
    translations = _EnglishOverride({"smard_chance.more": "That is the same as 1 in 3."})
    problems = _problems(checks.facts_traceable, content, translations)
    assert problems == [
        "inheritance.yml:smard_chance: en more: frequency 1 per 3 is not in its "
        "cited source sentences"
    ]
    assert a.more and "1 op 4" in a.more


# -- condition_sources ------------------------------------------------------------------------
def test_check_fails_for_an_sma_answer_citing_only_the_smard_leaflet(content: Content) -> None:
    a = content.answers["sma_what"]
    ref = SourceRef(
        "smard_leaflet",
        "Wat is de oorzaak?",
        (
            "SMARD is een ziekte van de spieren en de zenuwen ten gevolge van afwijkingen "
            "in IGHMBP2-gen.",
        ),
    )
    problems = _problems(
        checks.condition_sources, _with(content, dataclasses.replace(a, sources=(ref,)))
    )
    assert problems == ["sma.yml:sma_what: an answer for sma cites only sources about smard"]


def test_an_answer_may_cite_both_sources(content: Content) -> None:
    assert {r.doc for r in content.answers["sma_more_info"].sources} == {
        "smard_leaflet",
        "sma_workshop",
    }


# -- condition_named --------------------------------------------------------------------------
def test_check_fails_for_a_label_without_the_condition(content: Content) -> None:
    a = content.answers["options_overview"]
    bad = dataclasses.replace(a, label="Wij zijn allebei drager: welke mogelijkheden zijn er?")
    problems = _problems(checks.condition_named, _with(content, bad))
    assert "options.yml:options_overview: nl label does not name SMARD" in problems


def test_check_fails_for_a_text_without_the_condition(content: Content) -> None:
    a = content.answers["sma_next_steps"]
    translations = _EnglishOverride(
        {
            "sma_next_steps.short": "Does your baby have symptoms?",
            "sma_next_steps.label": "What happens next?",
        }
    )
    problems = _problems(checks.condition_named, content, translations)
    assert problems == [
        "sma.yml:sma_next_steps: en label does not name SMA",
        "sma.yml:sma_next_steps: en short does not name SMA",
    ]
    assert "SMA" in (a.short or "")


def test_smard_does_not_count_as_naming_sma(content: Content) -> None:
    a = content.answers["sma_what"]
    bad = dataclasses.replace(a, label="Wat is SMARD?")
    problems = _problems(checks.condition_named, _with(content, bad))
    assert "sma.yml:sma_what: nl label does not name SMA" in problems


def test_options_name_smard(content: Content) -> None:
    for answer_id in content.flows["options"]:
        a = content.answers[answer_id]
        assert "SMARD" in a.label, answer_id


@pytest.mark.parametrize("answer_id", ["smard_development", "smard_autonomic", "smard_classic"])
def test_classic_type_facts_say_classic_type(content: Content, answer_id: str) -> None:
    assert "klassieke type" in (content.answers[answer_id].short or "")
