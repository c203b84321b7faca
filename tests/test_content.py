"""The content loader, answer selection and the content check."""
from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from bot.checks import content_problems
from bot.content import Content, load_content, normalize_text
from bot.paths import CONTENT_DIR


def test_content_check_passes(content: Content) -> None:
    assert content_problems(content) == []


def test_normalize_joins_wrapped_lines_and_keeps_lists() -> None:
    text = "Een zin die\ndoorloopt.\n\n- punt een\n- punt\n  twee\n\nSlot."
    assert normalize_text(text) == "Een zin die doorloopt.\n\n- punt een\n- punt twee\n\nSlot."


def test_every_approved_medical_answer_cites_a_source(content: Content) -> None:
    medical = [a for a in content.answers.values() if a.kind == "medical" and a.review.approved]
    assert len(medical) >= 35
    assert all(a.sources and a.review.date and a.review.by for a in medical)


@pytest.mark.parametrize("intent, condition, expected", [
    ("ask_chance", "smard", "smard_chance"),
    ("ask_chance", "sma", "sma_chance"),
    ("ask_what_is", "sma", "sma_what"),
    ("ask_smn2", None, "sma_smn2"),            # only SMA has it: no need to ask
    ("ask_name_meaning", None, "name_meaning"),
    ("ask_name_meaning", "smard", "smard_what"),  # "what does SMARD stand for?"
    ("ask_name_meaning", "sma", "name_meaning"),
    ("ask_pgt", "sma", "sma_options"),          # a draft: offered with the SMARD text beside it
    ("greet", "sma", "greet_sma"),              # a page preset to SMA greets for SMA
    ("greet", None, "greet"),
    ("greet", "smard", "greet"),
])
def test_select_answer_per_condition(content: Content, intent: str, condition, expected) -> None:
    assert content.select(intent, condition).answer.id == expected


@pytest.mark.parametrize("intent, condition, offered", [
    ("ask_breathing", "sma", "smard_breathing"),   # SMARD only: offered, never served for SMA
    ("ask_autonomic", "sma", "smard_autonomic"),
    ("ask_smn2", "smard", "sma_smn2"),
    ("ask_pgt", "sma", "option_pgt"),              # SMA's own text is a draft
    ("ask_options", "sma", "options_overview"),
    ("ask_comparison", "sma", "options_comparison"),
])
def test_select_never_serves_the_other_condition(content: Content, intent: str, condition: str,
                                                  offered: str) -> None:
    sel = content.select(intent, condition)
    assert sel.answer is None or sel.answer.condition == condition
    assert sel.answer is None or not sel.answer.review.approved
    assert sel.other_condition is not None and sel.other_condition.id == offered
    assert sel.condition == condition  # the conversation's condition does not switch


def test_select_asks_for_the_condition_when_it_matters(content: Content) -> None:
    sel = content.select("ask_inheritance", None)
    assert sel.answer is None and sel.needs_condition


def test_button_payloads_carry_the_condition_only_when_needed(content: Content) -> None:
    assert content.button_payload(content.answers["smard_cause"]) == '/ask_cause{"condition":"smard"}'
    assert content.button_payload(content.answers["sma_smn2"]) == "/ask_smn2"


def _copy_content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def test_check_fails_for_approved_answer_without_source(tmp_path: Path) -> None:
    directory = _copy_content(tmp_path)
    path = directory / "answers" / "smard.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(
        '  sources: [{doc: smard_leaflet, section: "Welke medische adviezen zijn er?"}]\n', ""),
        encoding="utf-8")
    problems = content_problems(load_content(directory))
    assert any("smard_treatment: approved medical answer without a source" in p for p in problems)


def test_check_fails_for_approved_answer_without_review_date(content: Content) -> None:
    a = content.answers["smard_cause"]
    broken = dataclasses.replace(a, review=dataclasses.replace(a.review, date=None))
    answers = [broken if x.id == a.id else x for x in content.answers.values()]
    problems = content_problems(Content(answers, content.ui, content.flows, content.sources))
    assert any("smard_cause: approved without reviewer and review date" in p for p in problems)


def test_check_fails_for_a_section_that_is_not_in_the_source(tmp_path: Path) -> None:
    directory = _copy_content(tmp_path)
    path = directory / "sources.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'starts: "Atypische vorm"', 'starts: "Een kop die er niet staat"'), encoding="utf-8")
    problems = content_problems(load_content(directory))
    assert any("section 'Atypische vorm' not found" in p for p in problems)
