"""The knowledge check ("Test wat u weet"): a few statements, one per turn, each marked true,
not true or don't know; after each, whether that was right and the correct fact, which is the
text of the answer the statement cites, with that answer's source line; at the end the score.

The statements and their correct values are content (content/answers/knowledge.yml), checked
against the texts they cite (bot/content/statement_checks.py). The score lives only in the
conversation's `knowledge` slot, and reaches the summary only when the parent asks for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

from bot.content.content import KNOWLEDGE_CHECKS, Content
from bot.content.schema import Answer
from bot.content.statement_checks import check_condition
from bot.conversation.message import Message
from bot.conversation.payloads import knowledge_payload
from bot.conversation.render import Renderer

CHOICES = ("true", "false", "unsure")
STOP, ADD = "stop", "add"
INTRO_ID, RESULT_ID = "knowledge_intro", "knowledge_result"
# What a parent may type instead of pressing a button (the buttons are the primary way): the
# whole message, lower case, without punctuation. Recognition only; no text shown to anyone.
TYPED = {
    "true": {
        "waar",
        "dat is waar",
        "klopt",
        "dat klopt",
        "het klopt",
        "juist",
        "true",
        "that's true",
        "thats true",
        "it's true",
        "correct",
        "right",
    },
    "false": {
        "niet waar",
        "dat is niet waar",
        "klopt niet",
        "dat klopt niet",
        "onwaar",
        "onjuist",
        "false",
        "not true",
        "that's not true",
        "wrong",
        "incorrect",
    },
    "unsure": {
        "weet ik niet",
        "weet niet",
        "ik weet het niet",
        "geen idee",
        "don't know",
        "dont know",
        "i don't know",
        "i dont know",
        "not sure",
        "no idea",
    },
}


def typed_choice(text: str) -> Optional[str]:
    """The choice a typed message makes ("waar", "not true", "weet ik niet"), if it is one."""
    words = " ".join(re.sub(r"[^\w' ]+", " ", text.lower().replace("’", "'")).split())
    return next((choice for choice, said in TYPED.items() if words in said), None)


@dataclass
class State:
    """The check so far (the `knowledge` slot): which check, the statement last asked, the
    answers, and the scores the parent put in the summary ({check: [right, total]})."""

    check: Optional[str] = None
    asked: Optional[str] = None
    answers: dict[str, str] = field(default_factory=dict)
    added: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def from_slot(cls, value: Any) -> "State":
        if not isinstance(value, dict):
            return cls()
        answers, added = value.get("answers"), value.get("added")
        check = value.get("check") if value.get("check") in KNOWLEDGE_CHECKS else None
        asked = value.get("asked") if isinstance(value.get("asked"), str) else None
        return cls(
            check,
            asked,
            {str(k): str(v) for k, v in answers.items()} if isinstance(answers, dict) else {},
            {str(k): list(v) for k, v in added.items()} if isinstance(added, dict) else {},
        )

    def as_slot(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "asked": self.asked,
            "answers": dict(self.answers),
            "added": {k: list(v) for k, v in self.added.items()},
        }

    @property
    def in_progress(self) -> bool:
        """Whether a statement is waiting for its answer."""
        return self.asked is not None


def is_right(statement: Answer, choice: str) -> bool:
    """Whether `choice` is the statement's correct value ("don't know" never is)."""
    return choice == ("true" if statement.correct else "false")


def score(content: Content, state: State) -> tuple[int, int]:
    """(right, answered) over the statements of the state's check."""
    statements = {s.id: s for s in content.knowledge(state.check or "")}
    answered = [(statements[i], c) for i, c in state.answers.items() if i in statements]
    return sum(is_right(s, c) for s, c in answered), len(answered)


def check_of(content: Content, statement_id: str) -> Optional[str]:
    """The check a statement belongs to."""
    return next(
        (c for c in KNOWLEDGE_CHECKS if statement_id in [s.id for s in content.knowledge(c)]), None
    )


def record(
    content: Content, state: State, statement_id: str, choice: str
) -> tuple[State, Answer, Optional[Answer]]:
    """Record one answer; return the new state, the statement answered and the next one (None:
    the score is due). An older statement's button answers that one and goes on from there."""
    check = check_of(content, statement_id) or ""
    statements = content.knowledge(check)
    ids = [s.id for s in statements]
    answers = dict(state.answers) if check == state.check else {}
    answers[statement_id] = choice
    position = ids.index(statement_id) + 1
    nxt = statements[position] if position < len(statements) else None
    new = State(check, nxt.id if nxt else None, answers, dict(state.added))
    return new, statements[position - 1], nxt


def question_message(renderer: Renderer, statement: Answer, lang: str) -> Message:
    """One statement with its three buttons and the way out."""
    check = check_of(renderer.content, statement.id) or ""
    ids = [s.id for s in renderer.content.knowledge(check)]
    number = ids.index(statement.id) + 1
    progress = renderer.ui_filled(
        "knowledge_progress", lang, number=str(number), total=str(len(ids))
    )
    text = f"_{progress}_\n\n**{renderer.field(statement, 'short', lang)}**"
    buttons = [
        {
            "title": renderer.ui(f"knowledge_{choice}", lang),
            "payload": knowledge_payload(statement.id, choice),
        }
        for choice in CHOICES
    ]
    buttons.append(
        {"title": renderer.ui("knowledge_stop", lang), "payload": knowledge_payload(STOP)}
    )
    return Message(
        text,
        buttons,
        {
            "topic": statement.id,
            "layer": "short",
            "language": lang,
            "kind": "knowledge",
            "status": "served",
            "condition": statement.condition,
            "knowledge": {"number": number, "total": len(ids)},
        },
    )


def feedback_message(renderer: Renderer, statement: Answer, choice: str, lang: str) -> Message:
    """Right or not, and the correct fact: the cited answer's text itself, with its source line,
    and a button to that whole answer (every message carries a button: Rasa's REST channel
    would split a text without one into its paragraphs)."""
    cited = renderer.content.answers[statement.cites["answer"]]
    verdict = (
        "knowledge_not_known"
        if choice == "unsure"
        else "knowledge_right"
        if is_right(statement, choice)
        else "knowledge_wrong"
    )
    truth = "knowledge_is_true" if statement.correct else "knowledge_is_false"
    parts = [
        f"**{renderer.ui(verdict, lang)}** {renderer.ui(truth, lang)}",
        renderer.field(cited, statement.cites["text"], lang),
    ]
    source = renderer.source_line(cited, lang)
    if source:
        parts.append(f"_{source}_")
    button = {
        "title": renderer.label(cited, lang),
        "payload": renderer.content.button_payload(cited),
    }
    return Message(
        "\n\n".join(parts),
        [button],
        {
            "topic": statement.id,
            "layer": "short",
            "language": lang,
            "kind": "knowledge",
            "status": "served",
            "condition": statement.condition,
            "feedback": {
                "choice": choice,
                "right": is_right(statement, choice),
                "correct": statement.correct,
                "cites": dict(statement.cites),
            },
        },
    )


def result_message(renderer: Renderer, state: State, lang: str) -> Message:
    """The score ("3 van de 5 goed"), where to read on, and the button that puts the score in
    the summary (only when something was answered)."""
    [message] = renderer.answer(
        renderer.content.answers[RESULT_ID],
        lang,
        condition=check_condition(state.check or "") or None,
    )
    right, total = score(renderer.content, state)
    if total:
        message.text = "\n\n".join(
            [
                f"**{renderer.ui_filled('knowledge_score', lang, right=str(right), total=str(total))}**",
                message.text,
            ]
        )
        message.buttons.insert(
            0, {"title": renderer.ui("knowledge_add", lang), "payload": knowledge_payload(ADD)}
        )
    message.custom.update(kind="knowledge", knowledge_score={"right": right, "total": total})
    return message


def added_message(renderer: Renderer, lang: str) -> Message:
    """The score is in the summary now: say so, and offer the summary."""
    content = renderer.content
    summary = content.answers["summary"]
    return Message(
        renderer.ui("knowledge_added", lang),
        [{"title": renderer.label(summary, lang), "payload": content.button_payload(summary)}],
        {"topic": "knowledge_added", "language": lang, "kind": "conversation", "status": "served"},
    )
