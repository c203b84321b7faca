"""What one user turn is: intent, text, language and condition, read from the tracker."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.content.content import CONDITIONS
from bot.conversation import condition as conditions
from bot.conversation import language
from bot.conversation.render import Message


@dataclass(frozen=True)
class Turn:
    """The latest user message, with the language and condition to answer in."""

    intent: str
    text: str
    is_payload: bool
    entities: dict[str, Any]
    lang: str
    condition: Optional[str]
    confidence: float = 1.0
    condition_named: bool = False  # this message itself names the condition
    surface: str = "web"  # web | kiosk | preview (a counsellor trying a question)
    # the classifier's other intents, best first, with their confidence
    ranking: tuple[tuple[str, float], ...] = ()


def read_turn(tracker: Tracker) -> Turn:
    """Read the latest message and decide its language and condition."""
    msg = tracker.latest_message or {}
    text = msg.get("text") or ""
    is_payload = text.startswith("/")
    # Only string values: a crafted payload can carry any JSON, which must not crash an action
    # (Rasa would log the action server's error body, the whole conversation).
    entities = {
        e["entity"]: e["value"]
        for e in msg.get("entities") or []
        if isinstance(e, dict)
        and isinstance(e.get("entity"), str)
        and isinstance(e.get("value"), str)
    }
    metadata = msg.get("metadata") or {}
    if not isinstance(metadata, dict):
        metadata = {}
    lang = language.resolve(
        text,
        is_payload,
        current=tracker.get_slot("language"),
        metadata_language=metadata.get("language"),
    )
    # Explicit choice (button entity) > what the text names > the conversation so far >
    # the page's preset.
    condition = entities.get("condition")
    if condition not in CONDITIONS:
        condition = None if is_payload else conditions.mentioned(text)
    named = condition is not None
    if condition is None:
        condition = tracker.get_slot("condition")
    if condition not in CONDITIONS:
        condition = metadata.get("condition") if metadata.get("condition") in CONDITIONS else None
    intent_info = msg.get("intent") or {}
    intent = intent_info.get("name") or "nlu_fallback"
    confidence = float(intent_info.get("confidence") or 0.0)
    surface = (
        str(metadata.get("surface"))
        if metadata.get("surface") in ("web", "kiosk", "preview")
        else "web"
    )
    ranking = [
        r
        for r in msg.get("intent_ranking") or []
        if isinstance(r, dict) and r.get("name") not in (intent, "nlu_fallback")
    ]
    return Turn(
        intent,
        text,
        is_payload,
        entities,
        lang,
        condition,
        confidence,
        named,
        surface,
        tuple((str(r.get("name")), float(r.get("confidence") or 0.0)) for r in ranking),
    )


def send(dispatcher: CollectingDispatcher, messages: list[Message]) -> None:
    """Hand rendered messages to Rasa."""
    for m in messages:
        dispatcher.utter_message(
            text=m.text, buttons=m.buttons or None, json_message=m.custom or None
        )


def slot_events(
    lang: str, condition: Optional[str] = None, topic: Optional[str] = None
) -> list[EventType]:
    """Slot updates after a turn: always the language, the rest when known."""
    events: list[EventType] = [SlotSet("language", lang)]
    if condition in CONDITIONS:
        events.append(SlotSet("condition", condition))
    if topic:
        events.append(SlotSet("last_topic", topic))
    return events
