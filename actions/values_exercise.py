"""The "what matters to you" exercise, one button press at a time (see bot/decision_aid/values.py)."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answer import NetsFirst
from actions.knowledge_check import respond_knowledge
from actions.runtime import get_renderer
from actions.turn import Turn, send, slot_events
from bot.decision_aid import knowledge, values


class ActionValues(NetsFirst):
    """Record the answer (or skip) and ask the next question, or show the result."""

    def name(self) -> str:
        return "action_values"

    def respond(
        self, turn: Turn, tracker: Tracker, dispatcher: CollectingDispatcher
    ) -> list[EventType]:
        renderer = get_renderer()
        content = renderer.content
        state = values.State.from_slot(tracker.get_slot("values"))
        question = turn.entities.get("values_question")
        typed_for_check = (
            question is None
            and state.asked is None
            and (
                knowledge.State.from_slot(tracker.get_slot("knowledge")).in_progress
                or knowledge.typed_choice(turn.text) in ("true", "false")
            )
        )
        if "knowledge_statement" in turn.entities or typed_for_check:
            # The knowledge check's buttons, and a typed "waar" or "weet ik niet" for it (the
            # exercise's own questions come first when one waits).
            return respond_knowledge(turn, tracker, dispatcher)
        if question is None and state.asked is None:
            # "skip" typed outside the exercise: offer to start it.
            send(dispatcher, renderer.answer(content.answers["values_intro"], turn.lang))
            return slot_events(turn.lang, "smard", "values_intro")
        state, nxt = values.step(content, state, question, turn.entities.get("values_choice"))
        if nxt is not None:
            send(dispatcher, [values.question_message(renderer, nxt, turn.lang)])
        else:
            send(dispatcher, values.result_message(renderer, state.answers, turn.lang))
        return [
            *slot_events(turn.lang, "smard", nxt.id if nxt else values.RESULT_ID),
            SlotSet("values", state.as_slot()),
        ]
