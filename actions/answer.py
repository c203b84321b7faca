"""Answers a question from the vetted content (topics, conversation, safety, fallback)."""
from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.turn import Turn, read_turn, send, slot_events
from bot.render import Message, get_renderer
from bot.settings import get_settings
from bot.unanswered import UnansweredStore
from bot.safety import is_acute
from bot.scope import may_serve_medical


def answer_turn(turn: Turn, intent: Optional[str] = None) -> tuple[list[Message], Optional[str], Optional[str]]:
    """Messages for a turn, plus the condition and topic the conversation is now about."""
    renderer = get_renderer()
    content = renderer.content
    intent = intent or turn.intent
    if not turn.is_payload and is_acute(turn.text):
        intent = "emergency"  # safety first, whatever the classifier thought
    if intent == "choose_condition" and not turn.condition_named:
        intent = "out_of_scope"  # "choosing" needs a condition in this very message
    if content.is_medical_intent(intent) and not may_serve_medical(
            turn.text, turn.is_payload, turn.confidence):
        intent = "out_of_scope"  # unsure, and nothing in the message is about our subject
    selection = content.select(intent, turn.condition)
    if selection.needs_condition:
        return renderer.ask_condition(intent, turn.lang), None, None
    answer = selection.answer or content.answers["fallback"]
    condition = selection.condition or turn.condition
    return renderer.answer(answer, turn.lang, condition=condition), condition, answer.id


def keep_if_unanswered(turn: Turn, topic: Optional[str]) -> None:
    """A typed question that got the fallback is kept for the counsellors, only when the
    clinic turned that on, and only its (scrubbed) text, language and date. A counsellor's
    preview is not a parent's question, so it is never kept."""
    settings = get_settings()
    if settings.keep_unanswered and topic == "fallback" and not turn.is_payload \
            and turn.surface != "preview":
        UnansweredStore(settings.unanswered_retention_days).record(
            turn.text, turn.lang, dt.date.today())


class ActionAnswer(Action):
    """Serve the answer for the recognised intent in the conversation's language."""

    def name(self) -> str:
        return "action_answer"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        turn = read_turn(tracker)
        messages, condition, topic = answer_turn(turn)
        send(dispatcher, messages)
        keep_if_unanswered(turn, topic)
        return slot_events(turn.lang, condition, topic)


class ActionFallback(Action):
    """Say honestly what the assistant cannot answer, what it can, and who can help."""

    def name(self) -> str:
        return "action_fallback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        turn = read_turn(tracker)
        messages, condition, topic = answer_turn(turn, intent="out_of_scope")
        send(dispatcher, messages)
        keep_if_unanswered(turn, topic)
        return slot_events(turn.lang, condition)


class ActionMoreDetail(Action):
    """The second layer ("more detail") of the topic asked for, or of the last topic."""

    def name(self) -> str:
        return "action_more_detail"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        turn = read_turn(tracker)
        renderer = get_renderer()
        topic = turn.entities.get("topic") or tracker.get_slot("last_topic")
        answer = renderer.content.answers.get(topic or "")
        if answer is None:
            # Nothing to expand yet: offer the topics instead.
            answer = renderer.content.answers["greet"]
        send(dispatcher, renderer.answer(answer, turn.lang, layer="more", condition=turn.condition))
        return slot_events(turn.lang, turn.condition, answer.id)
