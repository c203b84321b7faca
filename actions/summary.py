"""The personal summary: which topics this conversation showed and the values answers.

Only ids go to the page; it asks our server to render them (bot/decision_aid/summary.py), so the summary's
text is never stored in the conversation.
"""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.answer import NetsFirst
from actions.runtime import get_renderer
from actions.turn import Turn, send, slot_events
from bot.decision_aid.summary import collect


class ActionSummary(NetsFirst):
    """Offer the summary of this conversation (download, print, or QR code on the kiosk)."""

    def name(self) -> str:
        return "action_summary"

    def respond(
        self, turn: Turn, tracker: Tracker, dispatcher: CollectingDispatcher
    ) -> list[EventType]:
        renderer = get_renderer()
        messages = renderer.answer(renderer.content.answers["summary"], turn.lang)
        request = collect(
            tracker.events, tracker.get_slot("values"), turn.lang, tracker.get_slot("knowledge")
        )
        messages[0].custom["summary"] = request.as_dict()
        send(dispatcher, messages)
        return slot_events(turn.lang, turn.condition, "summary")
