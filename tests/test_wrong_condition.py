"""Wrong-condition answers: over every (intent, condition) pair that has an answer for one
condition, a message that names the *other* condition must never get that answer, and the
conversation's condition must never switch to a condition the parent did not name.

Messages are the intent's own training examples that name no condition, with the other
condition added ("… bij SMA" / "… with SMA"), run through `action_answer` with the intent
given, so this tests answer selection, not the classifier.
"""

from __future__ import annotations

import re
from typing import Any, Optional

import pytest
import yaml

from actions.answer import ActionAnswer
from bot.config.paths import ROOT
from bot.content.content import get_content
from bot.conversation.condition import mentioned
from bot.conversation.language import detect
from tests.test_actions import run, slot, tracker

OTHER = {"smard": "sma", "sma": "smard"}
NAME = {
    ("nl", "smard"): "bij SMARD",
    ("nl", "sma"): "bij SMA",
    ("en", "smard"): "with SMARD",
    ("en", "sma"): "with SMA",
}


def _examples() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            if "intent" in item:
                out.setdefault(item["intent"], []).extend(
                    re.findall(r"^- (.*)$", item.get("examples", ""), re.M)
                )
    return out


def _cases() -> list[tuple[str, str, str, str]]:
    """(intent, condition with an answer, message naming the other condition, language)."""
    content = get_content()
    examples = _examples()
    cases = []
    for intent in sorted({i for a in content.answers.values() for i in a.intents}):
        conditions = {
            a.condition
            for a in content.answers.values()
            if intent in a.intents and a.condition in OTHER
        }
        for condition in sorted(conditions):
            for lang in ("nl", "en"):
                plain = [
                    e
                    for e in examples.get(intent, [])
                    if mentioned(e) is None and detect(e) == lang
                ]
                if plain:
                    message = f"{plain[0].rstrip('?!. ')} {NAME[(lang, OTHER[condition])]}?"
                    cases.append((intent, condition, message, lang))
    return cases


CASES = _cases()


def _served(messages: list[dict[str, Any]]) -> Optional[str]:
    custom = next((m.get("custom") for m in messages if m.get("custom")), None) or {}
    return custom.get("topic")


def test_there_are_cases_for_both_conditions_and_languages() -> None:
    assert {c for _, c, _, _ in CASES} == {"smard", "sma"}
    assert {lang for _, _, _, lang in CASES} == {"nl", "en"}
    assert len(CASES) >= 20


@pytest.mark.parametrize("start", [None, "smard", "sma"])
def test_no_answer_for_the_condition_the_message_does_not_name(start: Optional[str]) -> None:
    """For each pair, from a new conversation and from one about either condition."""
    answers = get_content().answers
    wrong = []
    for intent, condition, message, lang in CASES:
        slots = {"language": lang, **({"condition": start} if start else {})}
        msgs, events = run(ActionAnswer(), tracker(message, intent, slots=slots))
        topic = _served(msgs)
        served = answers.get(topic or "")
        named = OTHER[condition]
        if served is not None and served.condition == condition:
            wrong.append(f"{message!r} ({intent}) got {topic} ({condition})")
        if slot(events, "condition") not in (None, named):
            wrong.append(
                f"{message!r} ({intent}) switched the condition to {slot(events, 'condition')}"
            )
    assert not wrong, "\n".join(wrong)


def _plain_cases() -> list[tuple[str, str, str, str]]:
    """(intent, condition with an answer, a message naming no condition, language)."""
    content = get_content()
    examples = _examples()
    cases = []
    for intent in sorted({i for a in content.answers.values() for i in a.intents}):
        conditions = {
            a.condition
            for a in content.answers.values()
            if intent in a.intents and a.condition in OTHER
        }
        for condition in sorted(conditions):
            for lang in ("nl", "en"):
                plain = [
                    e
                    for e in examples.get(intent, [])
                    if mentioned(e) is None and detect(e) == lang
                ]
                if plain:
                    cases.append((intent, condition, plain[0], lang))
    return cases


PLAIN_CASES = _plain_cases()


def test_the_conversations_condition_holds_when_the_message_names_none() -> None:
    """A conversation about one condition, a message that names none: never the other
    condition's answer, and the conversation's condition stays what the parent named."""
    assert {c for _, c, _, _ in PLAIN_CASES} == {"smard", "sma"}
    assert len(PLAIN_CASES) >= 20
    answers = get_content().answers
    wrong = []
    for intent, condition, message, lang in PLAIN_CASES:
        named = OTHER[condition]
        msgs, events = run(
            ActionAnswer(), tracker(message, intent, slots={"language": lang, "condition": named})
        )
        topic = _served(msgs)
        served = answers.get(topic or "")
        if served is not None and served.condition == condition:
            wrong.append(f"{message!r} ({intent}) in a {named} conversation got {topic}")
        if slot(events, "condition") not in (None, named):
            wrong.append(
                f"{message!r} ({intent}) switched the condition to {slot(events, 'condition')}"
            )
    assert not wrong, "\n".join(wrong)
