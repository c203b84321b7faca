"""The letter for relatives: offered in a SMARD conversation (or one whose condition is not
known yet: the letter names SMARD itself); an SMA conversation gets an honest reply instead,
as the sources do not say how SMA is inherited. Only the language goes to the page, which asks
our server for the letter (bot/decision_aid/letter.py), so its text is never stored in the
conversation, and names typed on the page never reach the server at all.
"""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.answer import NetsFirst
from actions.runtime import get_renderer
from actions.turn import Turn, send, slot_events
from bot.decision_aid.letter import LETTER_ID, offered

SMA_REPLY_ID = "letter_sma"


class ActionLetter(NetsFirst):
    """Offer the letter for relatives (website: fields, print, PDF; kiosk: a QR code)."""

    def name(self) -> str:
        return "action_letter"

    def respond(
        self, turn: Turn, tracker: Tracker, dispatcher: CollectingDispatcher
    ) -> list[EventType]:
        renderer = get_renderer()
        answers = renderer.content.answers
        if turn.condition == "sma":
            send(dispatcher, renderer.answer(answers[SMA_REPLY_ID], turn.lang, condition="sma"))
            return slot_events(turn.lang, turn.condition, SMA_REPLY_ID)
        # A letter answer in draft gets the renderer's honest "not checked yet".
        messages = renderer.answer(answers[LETTER_ID], turn.lang, condition=turn.condition)
        if offered(renderer) is not None and messages[0].custom.get("status") == "served":
            messages[0].custom["letter"] = {"language": turn.lang}
        send(dispatcher, messages)
        return slot_events(turn.lang, turn.condition, LETTER_ID)
