"""The knowledge check ("Test wat u weet"), one button press (or typed "waar" / "not true" /
"weet ik niet") at a time (see bot/decision_aid/knowledge.py). Its buttons and typed answers
arrive as the `values_answer` intent; the values exercise's action hands them here."""

from __future__ import annotations

import dataclasses

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answer import answer_turn
from actions.runtime import get_renderer
from actions.turn import Turn, send, slot_events
from bot.content.content import KNOWLEDGE_CHECKS
from bot.content.statement_checks import check_condition
from bot.decision_aid import knowledge


def next_guess(turn: Turn) -> Turn:
    """The turn as if the classifier's next guess were its first (the first took the message
    for an answer to the decision aid)."""
    if not turn.ranking:
        return dataclasses.replace(turn, intent="nlu_fallback", confidence=0.0)
    (intent, confidence), *rest = turn.ranking
    return dataclasses.replace(turn, intent=intent, confidence=confidence, ranking=tuple(rest))


def respond_knowledge(
    turn: Turn, tracker: Tracker, dispatcher: CollectingDispatcher
) -> list[EventType]:
    """Start a check, record an answer and give its feedback and the next statement (or the
    score), stop, or put the score in the summary. Called by the values exercise's action
    for the check's buttons and for a typed "waar" / "weet ik niet" while a statement waits."""
    renderer = get_renderer()
    content = renderer.content
    state = knowledge.State.from_slot(tracker.get_slot("knowledge"))
    statement = turn.entities.get("knowledge_statement")
    choice = turn.entities.get("knowledge_choice")
    condition = turn.condition
    if statement in KNOWLEDGE_CHECKS:
        first = content.knowledge(statement)[0]
        state = knowledge.State(statement, first.id, {}, state.added)
        send(
            dispatcher,
            renderer.answer(content.answers[knowledge.INTRO_ID], turn.lang)
            + [knowledge.question_message(renderer, first, turn.lang)],
        )
        condition = check_condition(statement)
    elif statement == knowledge.ADD and state.check and state.answers:
        state.added[state.check] = list(knowledge.score(content, state))
        send(dispatcher, [knowledge.added_message(renderer, turn.lang)])
    elif statement == knowledge.STOP and state.check:
        state.asked = None
        send(dispatcher, [knowledge.result_message(renderer, state, turn.lang)])
    else:
        statement = statement or state.asked
        if choice is None and not turn.is_payload:
            choice = knowledge.typed_choice(turn.text)
        if statement is None or knowledge.check_of(content, statement) is None:
            # Nothing waits for an answer ("klopt het dat …?"): answered as any other question,
            # as if the classifier's next guess were its first.
            messages, condition, _ = answer_turn(next_guess(turn))
            send(dispatcher, messages)
            return slot_events(turn.lang, condition)
        if choice not in knowledge.CHOICES:
            # Not an answer to the statement: ask it again.
            send(
                dispatcher,
                [knowledge.question_message(renderer, content.answers[statement], turn.lang)],
            )
            return slot_events(turn.lang, condition)
        state, answered, nxt = knowledge.record(content, state, statement, choice)
        send(
            dispatcher,
            [
                knowledge.feedback_message(renderer, answered, choice, turn.lang),
                knowledge.question_message(renderer, nxt, turn.lang)
                if nxt
                else knowledge.result_message(renderer, state, turn.lang),
            ],
        )
    return [*slot_events(turn.lang, condition), SlotSet("knowledge", state.as_slot())]
