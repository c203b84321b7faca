"""Answers a question from the vetted content (topics, conversation, safety, fallback)."""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from typing import Any, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import runtime
from actions.runtime import get_renderer
from actions.turn import Turn, read_turn, send, slot_events
from bot.conversation import feelings
from bot.conversation.render import Message
from bot.conversation.routing import (
    ASK_CONDITION,
    NOT_COVERED,
    OTHER_CONDITION,
    UNSURE,
    Asked,
    decide,
)
from bot.conversation.safety import is_acute
from bot.stores.unanswered import UnansweredStore


def answer_turn(
    turn: Turn, intent: Optional[str] = None
) -> tuple[list[Message], Optional[str], Optional[str]]:
    """Messages for a turn, plus the condition and topic the conversation is now about."""
    renderer = get_renderer()
    reply = decide(
        Asked(
            intent or turn.intent,
            turn.text,
            turn.is_payload,
            turn.entities,
            turn.condition,
            turn.condition_named,
            turn.confidence,
            turn.ranking,
        ),
        renderer.content,
    )
    if reply.kind == ASK_CONDITION:
        return renderer.ask_condition(reply.intent, turn.lang, reply.question_kind), None, None
    if reply.kind == NOT_COVERED and reply.question_kind:
        return (
            renderer.not_covered(
                reply.question_kind, reply.intent, list(reply.offered), turn.lang, reply.condition
            ),
            reply.condition,
            NOT_COVERED,
        )
    if reply.kind == UNSURE:
        return (
            renderer.unsure(list(reply.offered), turn.lang, reply.condition),
            reply.condition,
            UNSURE,
        )
    if reply.kind == OTHER_CONDITION and reply.condition:
        return (
            renderer.other_condition(
                reply.offered[0], reply.condition, turn.lang, requested=reply.answer
            ),
            reply.condition,
            None,
        )
    answer = reply.answer or renderer.content.answers["fallback"]
    return (
        renderer.answer(
            answer, turn.lang, condition=reply.condition, note=reply.note, offer=reply.offered
        ),
        reply.condition,
        answer.id,
    )


def keep_if_unanswered(turn: Turn, topic: Optional[str], messages: list[Message]) -> None:
    """A typed question that got no answer (the fallback, the honest "no checked information
    about …", or "is this what you mean?") is kept for the counsellors, only when the clinic
    turned that on, and only its (scrubbed) text, language, date, and what it was about (the
    recognised topic and kind of question). A counsellor's preview is not a parent's question,
    so it is never kept."""
    config = runtime.action_config()
    settings = config.settings
    if (
        settings.keep_unanswered
        and topic in ("fallback", NOT_COVERED, UNSURE)
        and not turn.is_payload
        and turn.surface != "preview"
    ):
        asked = next((m.custom.get("asked") for m in messages if m.custom.get("asked")), None) or {}
        subject = asked.get("intent") or (
            turn.intent if turn.intent not in ("nlu_fallback", "out_of_scope") else None
        )
        UnansweredStore(settings.unanswered_retention_days, config.unanswered_store).record(
            turn.text, turn.lang, dt.date.today(), subject=subject, kind=asked.get("kind")
        )


def answered_first(turn: Turn, dispatcher: CollectingDispatcher) -> Optional[list[EventType]]:
    """For actions other than the answer (more detail, the values exercise, the language switch,
    the summary): a typed message about a child who may be ill now, or one that expresses a
    feeling, gets the answer's reply (emergency, empathy) instead, whatever the classifier
    said. The nets sit under every typed message, not only under the answer action."""
    if turn.is_payload or not (is_acute(turn.text) or feelings.feeling(turn.text)):
        return None
    messages, condition, topic = answer_turn(turn)
    send(dispatcher, messages)
    return slot_events(
        turn.lang, condition, topic if topic in get_renderer().content.answers else None
    )


class NetsFirst(Action, ABC):
    """An action other than the answer, under the same nets (`answered_first`): a typed
    message about a child who may be ill now, or one that expresses a feeling, gets the
    answer's reply; anything else gets this action's own reply (`respond`). Abstract, so
    rasa-sdk's executor does not register it as an action of its own."""

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        turn = read_turn(tracker)
        first = answered_first(turn, dispatcher)
        return first if first is not None else self.respond(turn, tracker, dispatcher)

    @abstractmethod
    def respond(
        self, turn: Turn, tracker: Tracker, dispatcher: CollectingDispatcher
    ) -> list[EventType]:
        """This action's reply to `turn`."""


class ActionAnswer(Action):
    """Serve the answer for the recognised intent in the conversation's language."""

    def name(self) -> str:
        return "action_answer"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        turn = read_turn(tracker)
        messages, condition, topic = answer_turn(turn)
        send(dispatcher, messages)
        keep_if_unanswered(turn, topic, messages)
        served = topic if topic in get_renderer().content.answers else None  # not a notice
        return slot_events(turn.lang, condition, served)


class ActionFallback(Action):
    """Say honestly what the assistant cannot answer, what it can, and who can help."""

    def name(self) -> str:
        return "action_fallback"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        turn = read_turn(tracker)
        messages, condition, topic = answer_turn(turn, intent="out_of_scope")
        send(dispatcher, messages)
        keep_if_unanswered(turn, topic, messages)
        return slot_events(turn.lang, condition)


class ActionMoreDetail(NetsFirst):
    """The second layer ("more detail") of the topic asked for, or of the last topic."""

    def name(self) -> str:
        return "action_more_detail"

    def respond(
        self, turn: Turn, tracker: Tracker, dispatcher: CollectingDispatcher
    ) -> list[EventType]:
        renderer = get_renderer()
        topic = turn.entities.get("topic") or tracker.get_slot("last_topic")
        answer = renderer.content.answers.get(topic or "")
        if answer is None:
            # Nothing to expand yet: offer the topics instead.
            answer = renderer.content.answers["greet"]
        send(dispatcher, renderer.answer(answer, turn.lang, layer="more", condition=turn.condition))
        return slot_events(turn.lang, turn.condition, answer.id)
