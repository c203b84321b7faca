"""The values exercise step by step (bot/decision_aid/values.py; its buttons from bot/conversation/payloads.py), pinned by tables: the buttons' wire format
(the one the story tests and stored conversations use), where each press leads, and the exact
shape of the question and result messages the pages draw."""

from __future__ import annotations

import json
import re
from typing import Any, Optional

import pytest

from bot.config.paths import ROOT
from bot.content.content import Content
from bot.conversation.payloads import exercise_payload
from bot.conversation.render import Renderer
from bot.decision_aid import values

_PAYLOAD = re.compile(r"^/values_answer(\{.*\})$")


def entities(payload: str) -> dict[str, str]:
    """A button payload read as Rasa reads `/intent{json}`: its entities."""
    match = _PAYLOAD.match(payload)
    assert match, payload
    return json.loads(match.group(1))


def _story_payloads() -> list[str]:
    """Every exercise button press written in the story tests."""
    found: list[str] = []
    for path in sorted((ROOT / "tests" / "stories").glob("*.yml")):
        found += [
            p
            for p in re.findall(
                r"^\s*(/values_answer\{.*\})\s*$", path.read_text(encoding="utf-8"), re.M
            )
            if "knowledge_statement" not in p
        ]  # the knowledge check's (its own tests)
    return found


def test_the_story_tests_press_exercise_buttons() -> None:
    payloads = _story_payloads()
    kinds = {entities(p).get("values_choice") for p in payloads}
    assert {None, "skip", "finish"} <= kinds and len(kinds) > 3  # begin, skip, finish, choices


@pytest.mark.parametrize("written", _story_payloads())
def test_payloads_are_the_wire_format_of_the_stories(written: str) -> None:
    body = entities(written)
    assert exercise_payload(body["values_question"], body.get("values_choice")) == written


def test_begin_skip_and_finish_are_the_words_on_the_wire() -> None:
    # stored conversations and the story tests carry these; a change would strand them
    assert (values.BEGIN, values.SKIP, values.FINISH) == ("begin", "skip", "finish")
    assert exercise_payload(values.BEGIN) == '/values_answer{"values_question":"begin"}'


def _ids(content: Content) -> list[str]:
    return [q.id for q in content.exercise]


# (answers before, question last asked, pressed question, pressed choice)
#   -> (answers after, question asked next; None: the result)
# Question ids are given by position in the exercise (0 = the first), choices by key.
STEPS: list[
    tuple[dict[int, str], Optional[int], Any, Optional[str], dict[int, str], Optional[int]]
] = [
    ({0: "less"}, 2, "begin", None, {}, 0),  # begin starts over, answers gone
    ({}, None, "begin", None, {}, 0),
    ({}, 0, 0, "important", {0: "important"}, 1),  # a choice is recorded, next one
    ({0: "less"}, 0, 0, "important", {0: "important"}, 1),  # and replaces the earlier one
    ({0: "less"}, 1, 0, "skip", {}, 1),  # skip removes an earlier answer
    ({0: "less"}, 1, None, None, {0: "less"}, 2),  # typed skip: the one last asked
    ({1: "less"}, 1, None, None, {}, 2),
    ({0: "less"}, 0, 0, "maybe", {}, 1),  # not one of its choices: a skip
    ({0: "less"}, 3, 1, "important", {0: "less", 1: "important"}, 2),  # an older button
    ({0: "less"}, 2, 2, "finish", {0: "less"}, None),  # finish: the result, answers kept
    ({0: "less"}, None, "values_nonsense", None, {0: "less"}, 0),  # unknown, none asked: first
    ({0: "less"}, 2, "values_nonsense", "skip", {0: "less"}, 3),  # unknown: the one last asked
    ({}, -1, -1, "consider", {-1: "consider"}, None),  # the last question: the result
    ({4: "less"}, -1, None, None, {4: "less"}, None),
]


@pytest.mark.parametrize("before, asked, question, choice, after, nxt", STEPS)
def test_each_press_leads_where_it_should(
    content: Content,
    before: dict[int, str],
    asked: Optional[int],
    question: Any,
    choice: Optional[str],
    after: dict[int, str],
    nxt: Optional[int],
) -> None:
    ids = _ids(content)
    state = values.State(
        None if asked is None else ids[asked], {ids[i]: c for i, c in before.items()}
    )
    pressed = ids[question] if isinstance(question, int) else question
    new, question_next = values.step(content, state, pressed, choice)
    assert new.answers == {ids[i]: c for i, c in after.items()}
    expected = None if nxt is None else ids[nxt]
    assert new.asked == expected
    assert (question_next.id if question_next else None) == expected


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_button_of_every_question_does_what_it_says(renderer: Renderer, lang: str) -> None:
    content = renderer.content
    ids = _ids(content)
    for i, question in enumerate(content.exercise):
        message = values.question_message(renderer, question, lang)
        *choices, skip, finish = message.buttons
        earlier = {ids[0]: "less"} if i else {}
        following = ids[i + 1] if i + 1 < len(ids) else None
        for key, button in zip(question.choices, choices):
            assert button == {
                "title": renderer.field(question, f"choice.{key}", lang),
                "payload": exercise_payload(question.id, key),
            }
            body = entities(button["payload"])
            new, nxt = values.step(
                content,
                values.State(question.id, dict(earlier)),
                body["values_question"],
                body.get("values_choice"),
            )
            assert new.answers == {**earlier, question.id: key}
            assert (nxt.id if nxt else None) == new.asked == following
        assert skip == {
            "title": renderer.ui("values_skip", lang),
            "payload": exercise_payload(question.id, values.SKIP),
        }
        new, nxt = values.step(
            content, values.State(question.id, {**earlier, question.id: "x"}), **_pressed(skip)
        )
        assert new.answers == earlier and (nxt.id if nxt else None) == following
        assert finish == {
            "title": renderer.ui("values_finish", lang),
            "payload": exercise_payload(question.id, values.FINISH),
        }
        new, nxt = values.step(
            content, values.State(question.id, dict(earlier)), **_pressed(finish)
        )
        assert nxt is None and new == values.State(None, earlier)


def _pressed(button: dict[str, str]) -> dict[str, Optional[str]]:
    body = entities(button["payload"])
    return {"question": body["values_question"], "choice": body.get("values_choice")}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_question_message_is_numbered_and_shaped_for_the_pages(
    renderer: Renderer, lang: str
) -> None:
    questions = renderer.content.exercise
    total = len(questions)
    progresses = set()
    for number, question in enumerate(questions, start=1):
        message = values.question_message(renderer, question, lang)
        progress = renderer.ui_filled("values_progress", lang, number=str(number), total=str(total))
        assert str(number) in progress and str(total) in progress
        progresses.add(progress)
        # progress in italics, the question in bold, then why it is asked
        assert message.text == (
            f"_{progress}_\n\n**{renderer.field(question, 'short', lang)}**"
            f"\n\n{renderer.field(question, 'more', lang)}"
        )
        assert message.custom == {
            "topic": question.id,
            "layer": "short",
            "language": lang,
            "kind": "exercise",
            "status": "served",
            "exercise": {"number": number, "total": total},
        }
    assert len(progresses) == total


def test_progress_reads_as_the_parent_sees_it(renderer: Renderer) -> None:
    [first, *_, last] = renderer.content.exercise
    total = len(renderer.content.exercise)
    assert values.question_message(renderer, first, "nl").text.startswith(f"_Vraag 1 van {total}_")
    assert values.question_message(renderer, last, "en").text.startswith(
        f"_Question {total} of {total}_"
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("answered", [{}, {0: "important"}, {0: "less", 5: "not"}])
def test_the_result_table_is_shaped_for_the_pages(
    renderer: Renderer, lang: str, answered: dict[int, str]
) -> None:
    content = renderer.content
    ids = _ids(content)
    answers = {ids[i]: c for i, c in answered.items()}
    [frame] = renderer.answer(content.answers[values.RESULT_ID], lang)
    [message] = values.result_message(renderer, answers, lang)
    if answers:
        assert message.text == frame.text
    else:  # said once, under the frame
        assert message.text == f"{frame.text}\n\n{renderer.ui('values_no_answers', lang)}"
    table = message.custom["values_result"]
    assert set(table) == {"caption", "columns", "corner", "none", "rows"}
    assert table["caption"] == renderer.label(content.answers[values.RESULT_ID], lang)
    assert table["columns"] == [
        {"key": rel, "label": renderer.ui(f"values_{rel}", lang)} for rel in values.RELATIONS
    ]
    assert table["corner"] == renderer.ui("comparison_option", lang)
    assert table["none"] == renderer.ui("values_none", lang)
    options = content.flows["options"][1:]
    assert [r["answer"] for r in table["rows"]] == (options if answers else [])
    for row in table["rows"]:
        option = content.answers[row["answer"]]
        assert set(row) == {"answer", "label", "payload", *values.RELATIONS}
        assert row["label"] == renderer.label(option, lang)
        assert row["payload"] == content.button_payload(option)  # the row opens the option
    assert message.custom["values"] == answers


def test_an_empty_or_broken_slot_is_an_exercise_not_begun() -> None:
    for slot in (None, "nonsense", [], {}, {"answers": "x"}, {"asked": None, "answers": {}}):
        assert values.State.from_slot(slot).as_slot() == {"asked": None, "answers": {}}
    stored = {"asked": "values_own_child", "answers": {"values_know_before": "less", 3: 4}}
    assert values.State.from_slot(stored).as_slot() == {
        "asked": "values_own_child",
        "answers": {"values_know_before": "less", "3": "4"},
    }
