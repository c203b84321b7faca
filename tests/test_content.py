"""The content loader, answer selection and the content check."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest

from bot.config.paths import CONTENT_DIR
from bot.content.checks import content_problems
from bot.content.content import Content, load_content
from bot.content.schema import normalize_text


def test_content_check_passes(content: Content) -> None:
    assert content_problems(content) == []


def test_normalize_joins_wrapped_lines_and_keeps_lists() -> None:
    text = "Een zin die\ndoorloopt.\n\n- punt een\n- punt\n  twee\n\nSlot."
    assert normalize_text(text) == "Een zin die doorloopt.\n\n- punt een\n- punt twee\n\nSlot."


def test_every_approved_medical_answer_cites_a_source(content: Content) -> None:
    medical = [a for a in content.answers.values() if a.kind == "medical" and a.review.approved]
    assert len(medical) >= 35
    assert all(a.sources and a.review.date and a.review.by for a in medical)


@pytest.mark.parametrize(
    "intent, condition, expected",
    [
        ("ask_chance", "smard", "smard_chance"),
        ("ask_chance", "sma", "sma_chance"),
        ("ask_what_is", "sma", "sma_what"),
        ("ask_smn2", None, "sma_smn2"),  # only SMA has it: no need to ask
        ("ask_name_meaning", None, "name_meaning"),
        ("ask_name_meaning", "smard", "smard_what"),  # "what does SMARD stand for?"
        ("ask_name_meaning", "sma", "name_meaning"),
        ("ask_pgt", "sma", "sma_options"),  # a draft: offered with the SMARD text beside it
        ("greet", "sma", "greet_sma"),  # a page preset to SMA greets for SMA
        ("greet", None, "greet"),
        ("greet", "smard", "greet"),
    ],
)
def test_select_answer_per_condition(content: Content, intent: str, condition, expected) -> None:
    assert content.select(intent, condition).answer.id == expected


@pytest.mark.parametrize(
    "intent, condition, offered",
    [
        ("ask_breathing", "sma", "smard_breathing"),  # SMARD only: offered, never served for SMA
        ("ask_autonomic", "sma", "smard_autonomic"),
        ("ask_smn2", "smard", "sma_smn2"),
        ("ask_pgt", "sma", "option_pgt"),  # SMA's own text is a draft
        ("ask_options", "sma", "options_overview"),
        ("ask_comparison", "sma", "options_comparison"),
    ],
)
def test_select_never_serves_the_other_condition(
    content: Content, intent: str, condition: str, offered: str
) -> None:
    sel = content.select(intent, condition)
    assert sel.answer is None or sel.answer.condition == condition
    assert sel.answer is None or not sel.answer.review.approved
    assert sel.other_condition is not None and sel.other_condition.id == offered
    assert sel.condition == condition  # the conversation's condition does not switch


def test_select_asks_for_the_condition_when_it_matters(content: Content) -> None:
    sel = content.select("ask_inheritance", None)
    assert sel.answer is None and sel.needs_condition


def test_button_payloads_carry_the_condition_only_when_needed(content: Content) -> None:
    assert (
        content.button_payload(content.answers["smard_cause"]) == '/ask_cause{"condition":"smard"}'
    )
    assert content.button_payload(content.answers["sma_smn2"]) == "/ask_smn2"


def _copy_content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def test_check_fails_for_approved_answer_without_source(content: Content) -> None:
    a = content.answers["smard_treatment"]
    answers = [
        dataclasses.replace(a, sources=()) if x.id == a.id else x for x in content.answers.values()
    ]
    problems = content_problems(Content(answers, content.ui, content.flows, content.sources))
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
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            'starts: "Atypische vorm"', 'starts: "Een kop die er niet staat"'
        ),
        encoding="utf-8",
    )
    problems = content_problems(load_content(directory))
    assert any("section 'Atypische vorm' not found" in p for p in problems)


# -- the safety texts (issue 15: clinical risks) ----------------------------------------------
def _working_renderer(content: Content):  # type: ignore[no-untyped-def]
    from bot.config.paths import ROOT
    from bot.config.settings import load_settings
    from bot.content.catalog import get_translations
    from bot.conversation.render import Renderer

    return Renderer(content, get_translations(), load_settings(ROOT / "clinic.example.yml"))


@pytest.mark.parametrize(
    "lang, call, signs, gp",
    [
        (
            "nl",
            "**Bel nu 112**",
            ["niet goed ademt", "blauw", "slap", "niet reageert", "bewusteloos", "stikt"],
            "huisartsenpost",
        ),
        (
            "en",
            "**Call 112 now**",
            ["not breathing well", "blue", "limp", "not responding", "unconscious", "choking"],
            "out-of-hours GP",
        ),
    ],
)
def test_emergency_text_is_unambiguous(
    content: Content, lang: str, call: str, signs: list[str], gp: str
) -> None:
    """112 first, for every danger sign bot/conversation/safety.py sends here; the GP and the out-of-hours
    service only for what is urgent but not life-threatening, never as an equal choice."""
    text = _working_renderer(content).field(content.answers["emergency"], "short", lang)
    assert text.startswith(call)
    danger = text[: text.index("112.") if "112." in text else len(text)]
    for sign in signs:
        assert sign in danger, sign
    assert gp in text and text.index(gp) > text.index(signs[-1])
    lowered = text.lower()
    assert "of uw eigen arts" not in lowered and "or your own doctor" not in lowered
    assert ("niet levensgevaarlijk" if lang == "nl" else "not life-threatening") in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_handoff_sends_danger_to_112_only(content: Content, lang: str) -> None:
    text = _working_renderer(content).field(content.answers["handoff"], "short", lang)
    assert "112" in text
    assert not re.search(r"112 (of|or) (uw|your) (eigen |own )?(arts|doctor|huisarts|GP)", text)
    assert ("niet levensgevaarlijk" if lang == "nl" else "not life-threatening") in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_distress_names_a_route_open_day_and_night(content: Content, lang: str) -> None:
    from bot.config.paths import ROOT
    from bot.config.settings import load_settings

    settings = load_settings(ROOT / "clinic.example.yml")
    text = _working_renderer(content).field(content.answers["distress"], "short", lang)
    assert settings.clinic_after_hours[lang] in text  # from the clinic's configuration
    assert settings.clinic_phone in text and "112" in text


def test_the_example_settings_mark_the_after_hours_route_as_an_example() -> None:
    from bot.config.paths import ROOT
    from bot.config.settings import load_settings

    example = load_settings(ROOT / "clinic.example.yml").clinic_after_hours
    assert example["nl"].startswith("[VOORBEELD]") and example["en"].startswith("[EXAMPLE]")


def test_about_bot_links_the_about_page_in_the_readers_language(content: Content) -> None:
    renderer = _working_renderer(content)
    assert "(/about?lang=nl)" in renderer.field(content.answers["about_bot"], "short", "nl")
    assert "(/about?lang=en)" in renderer.field(content.answers["about_bot"], "short", "en")


@pytest.mark.parametrize("answer_id", ["sma_next_steps", "sma_treatment"])
def test_a_baby_with_symptoms_is_treated_at_once_in_the_short_layer(
    content: Content, answer_id: str
) -> None:
    """A parent tapping "next" sees only the short layer: the exception must be there."""
    renderer = _working_renderer(content)
    nl = renderer.field(content.answers[answer_id], "short", "nl")
    en = renderer.field(content.answers[answer_id], "short", "en")
    assert "al verschijnselen" in nl and "meteen beginnen" in nl and "zonder te wachten" in nl
    assert "already have symptoms" in en and "at once" in en and "without waiting" in en


def _copy_with(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """The repository's content in `tmp_path`, with `old` replaced by `new` in answers/`name`."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    path = target / "answers" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def test_a_misspelt_key_in_an_answer_is_an_error_with_file_and_line(tmp_path: Path) -> None:
    """`nxt:` for `next:` used to drop the buttons without a word."""
    from bot.content.schema import ContentError

    name = sorted(
        p.name
        for p in (CONTENT_DIR / "answers").glob("*.yml")
        if "\n  next:" in p.read_text(encoding="utf-8")
    )[0]
    text = (CONTENT_DIR / "answers" / name).read_text(encoding="utf-8")
    line = text[: text.index("\n  next:") + 1].count("\n") + 1
    target = _copy_with(tmp_path, name, "\n  next:", "\n  nxt:")
    with pytest.raises(ContentError, match=rf"^{re.escape(name)}:{line}: unknown key 'nxt'"):
        load_content(target)


def test_the_repositorys_answers_follow_the_schema() -> None:
    from bot.content.schema import unknown_keys

    for path in sorted((CONTENT_DIR / "answers").glob("*.yml")):
        assert unknown_keys(path) == [], path


def test_every_field_of_an_answer_is_a_declared_key_read_as_declared() -> None:
    """One declaration: the loader and texts() follow ANSWER_KEYS, field for field."""
    from dataclasses import fields

    from bot.content.schema import ANSWER_KEYS, Answer, answer_from_raw

    assert {f.name for f in fields(Answer)} == set(ANSWER_KEYS) | {"file"}
    answer = answer_from_raw(
        {
            "id": "x",
            "label": "Een\n  knop",
            "short": "Kort",
            "parts": {"what": "Wat", "risks": None},
            "choices": {"a": "Keuze"},
            "said": {"a": "Gezegd"},
            "next": ["y"],
        },
        "x.yml",
    )
    assert answer.texts() == {
        "label": "Een knop",
        "short": "Kort",
        "part.what": "Wat",
        "choice.a": "Keuze",
        "said.a": "Gezegd",
    }
    assert (answer.kind, answer.condition, answer.next, answer.review.state) == (
        "medical",
        "any",
        ("y",),
        "draft",
    )
    with pytest.raises(KeyError):
        answer_from_raw({"id": "x"}, "x.yml")  # a label is required


def test_the_publish_step_drops_exactly_the_declared_text_keys() -> None:
    """One declaration: the bundle's drafts keep the keys ANSWER_KEYS marks as not served."""
    from bot.content.build import TEXT_FIELDS as published
    from bot.content.schema import ANSWER_KEYS, TEXT_FIELDS

    assert published is TEXT_FIELDS
    assert set(TEXT_FIELDS) == {k for k, spec in ANSWER_KEYS.items() if spec.served}
    assert {"short", "more", "parts", "choices", "said"} <= set(TEXT_FIELDS)
    assert not {"id", "label", "review", "intents"} & set(TEXT_FIELDS)
