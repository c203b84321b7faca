"""Switches the conversation's language on request."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.answer import NetsFirst, answer_turn, keep_if_unanswered
from actions.runtime import get_renderer
from actions.turn import Turn, send, slot_events
from bot.conversation import language


class ActionSwitchLanguage(NetsFirst):
    """Switch to the requested language and confirm *in that language*.

    Rasa renders an action's messages with the slots from before its own SlotSet, so the
    confirmation is rendered here directly in the new language.
    """

    def name(self) -> str:
        return "action_switch_language"

    def respond(
        self, turn: Turn, tracker: Tracker, dispatcher: CollectingDispatcher
    ) -> list[EventType]:
        if not turn.is_payload and not language.asks_for_a_language(turn.text):
            # classified as a language switch, but no language is asked for ("hoe lang is het
            # zwangerschapsverlof in Nederland"): the honest fallback, in the same language
            messages, condition, topic = answer_turn(turn, intent="out_of_scope")
            send(dispatcher, messages)
            keep_if_unanswered(turn, topic, messages)
            return slot_events(turn.lang, condition)
        target = turn.entities.get("language")
        if target not in language.SUPPORTED:
            target = language.requested_language(turn.text)
        if target not in language.SUPPORTED:
            target = language.other(tracker.get_slot("language") or turn.lang)
        renderer = get_renderer()
        send(dispatcher, renderer.answer(renderer.content.answers["language_switched"], target))
        return slot_events(target, turn.condition)
