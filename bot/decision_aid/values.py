"""The "what matters to you" exercise: at most six questions, each skippable, then for every
option what fits the parents' answers and what fits less.

The result never ranks or recommends: every option is listed, always in the content's order,
with the parents' own statements under "fits", "fits less" or "to discuss", and no counts or
scores. Which answer speaks for or against which option is content (`relations:` in
content/answers/decision_aid.yml), reviewed like any other text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from bot.content.content import Content
from bot.content.schema import Answer
from bot.conversation.message import Message
from bot.conversation.payloads import BEGIN, FINISH, SKIP, exercise_payload
from bot.conversation.render import Renderer

RELATIONS = ("for", "against", "discuss")
RESULT_ID = "values_result"


@dataclass
class State:
    """The exercise so far (kept in the `values` slot): the question last asked and the answers."""

    asked: Optional[str] = None
    answers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_slot(cls, value: Any) -> "State":
        if not isinstance(value, dict):
            return cls()
        answers = value.get("answers")
        answers = answers if isinstance(answers, dict) else {}
        return cls(value.get("asked"), {str(k): str(v) for k, v in answers.items()})

    def as_slot(self) -> dict[str, Any]:
        return {"asked": self.asked, "answers": dict(self.answers)}


def step(
    content: Content, state: State, question: Optional[str], choice: Optional[str]
) -> tuple[State, Optional[Answer]]:
    """Record one button press (or a typed "skip") and return the next question, or None when
    the result is due. `question` "begin" starts over; a missing question means the one last
    asked; a choice that is not one of the question's own is treated as a skip."""
    questions = content.exercise
    ids = [q.id for q in questions]
    if question == BEGIN:
        state = State()
    else:
        question = question if question in ids else state.asked
        if question == FINISH or choice == FINISH:
            return State(None, state.answers), None
        if question in ids:
            answer = content.answers[question]
            if choice is not None and choice in answer.choices:
                state.answers[question] = choice
            else:
                state.answers.pop(question, None)  # skipped (or re-skipped)
    position = ids.index(question) + 1 if question in ids else 0
    if question == BEGIN:
        position = 0
    if position >= len(questions):
        return State(None, state.answers), None
    nxt = questions[position]
    return State(nxt.id, state.answers), nxt


@dataclass(frozen=True)
class OptionFit:
    """One option and the parents' statements that relate to it."""

    option: Answer
    statements: dict[str, list[tuple[Answer, str]]]  # relation -> [(question, choice)]


def result(content: Content, answers: dict[str, str]) -> list[OptionFit]:
    """Every option of the comparison, in content order, with the answers that relate to it."""
    comparison = next(a for a in content.answers.values() if a.comparison)
    options = [content.answers[i] for i in content.flows[comparison.comparison or ""][1:]]
    fits = []
    for option in options:
        statements: dict[str, list[tuple[Answer, str]]] = {rel: [] for rel in RELATIONS}
        for question in content.exercise:
            choice = answers.get(question.id)
            if choice is None:
                continue
            for rel in RELATIONS:
                if option.id in question.relations.get(choice, {}).get(rel, []):
                    statements[rel].append((question, choice))
        fits.append(OptionFit(option, statements))
    return fits


def question_message(renderer: Renderer, question: Answer, lang: str) -> Message:
    """One question: why it is asked, its choices, skip, and the way out to the result."""
    questions = renderer.content.exercise
    number = [q.id for q in questions].index(question.id) + 1
    progress = renderer.ui_filled(
        "values_progress", lang, number=str(number), total=str(len(questions))
    )
    text = (
        f"_{progress}_\n\n**{renderer.field(question, 'short', lang)}**\n\n"
        f"{renderer.field(question, 'more', lang)}"
    )
    buttons = [
        {
            "title": renderer.field(question, f"choice.{key}", lang),
            "payload": exercise_payload(question.id, key),
        }
        for key in question.choices
    ]
    buttons.append(
        {"title": renderer.ui("values_skip", lang), "payload": exercise_payload(question.id, SKIP)}
    )
    buttons.append(
        {
            "title": renderer.ui("values_finish", lang),
            "payload": exercise_payload(question.id, FINISH),
        }
    )
    return Message(
        text,
        buttons,
        {
            "topic": question.id,
            "layer": "short",
            "language": lang,
            "kind": "exercise",
            "status": "served",
            "exercise": {"number": number, "total": len(questions)},
        },
    )


def result_message(renderer: Renderer, answers: dict[str, str], lang: str) -> list[Message]:
    """The result: the frame text (no ranking, no advice, talk to your counsellor) and, per
    option, the parents' statements as a table (`custom.values_result`), which the pages draw
    as a table on wide screens and as a list per option on phones."""
    content = renderer.content
    [frame] = renderer.answer(content.answers[RESULT_ID], lang)
    headings = {rel: renderer.ui(f"values_{rel}", lang) for rel in RELATIONS}
    rows = []
    for fit in result(content, answers):
        cells = {
            rel: [renderer.field(q, f"said.{choice}", lang) for q, choice in items]
            for rel, items in fit.statements.items()
        }
        rows.append(
            {
                "answer": fit.option.id,
                "label": renderer.label(fit.option, lang),
                "payload": content.button_payload(fit.option),
                **cells,
            }
        )
    if not answers:
        frame.text = "\n\n".join([frame.text, renderer.ui("values_no_answers", lang)])
    frame.custom["values_result"] = {
        "caption": renderer.label(content.answers[RESULT_ID], lang),
        "columns": [{"key": rel, "label": headings[rel]} for rel in RELATIONS],
        "corner": renderer.ui("comparison_option", lang),
        "none": renderer.ui("values_none", lang),
        "rows": rows if answers else [],
    }
    frame.custom["values"] = dict(answers)
    return [frame]
