"""Which reply a parent's turn gets: the one place where the safety, feelings, scope,
condition and kind-of-question decisions meet.

Order, for a typed message (a button press skips the text-based nets):
1. An acute worry about a child → the emergency answer, whatever the classifier said. An
   unsure "emergency" classification the net does not confirm, asking a kind of question about
   a subject of ours, is that question.
2. Feelings (guilt, fear of death, despair, anger) → empathy and a person first; the topic the
   message also asked about is one button away. So does an unclassified statement in which the
   parent tells what the family lives through (not a question, not a request).
3. A "personal advice" classification that asks neither to choose nor to diagnose → the
   general answer the classifier ranked next, with "discuss your own situation".
   An unsure classification whose topic the message does not name, while it names the
   subject of a topic the classifier ranked next → that topic.
4. A medical intent with neither a confident classification nor a word of the subject matter
   → the honest fallback (scope.py).
5. The answer for (intent, condition). The conversation's condition never switches to one the
   parent did not name: an answer the sources give only for the other condition is offered,
   not served. A kind of question the answer does not cover (costs, pain, …) gets the honest
   "no checked information about …", with the answer as a button.
6. A message that does not name the topic's subject, classified without certainty, is asked
   "is this what you mean?" with the topic as a button, rather than served a neighbour's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

from bot.content import question_kind
from bot.content.content import Answer, Content
from bot.conversation import advice, feelings
from bot.conversation.safety import is_acute
from bot.conversation.scope import (
    CONFIDENT,
    SURE,
    has_subject,
    may_serve_medical,
    names_subject,
    subject_named,
    sure_of_topic,
)

# Served, offered, asked: what kind of reply this is.
ANSWER, ASK_CONDITION, NOT_COVERED, OTHER_CONDITION, UNSURE = (
    "answer",
    "ask_condition",
    "not_covered",
    "other_condition",
    "unsure",
)
_QUESTION = re.compile(
    r"\b(hoe|wat|waarom|wanneer|wie|welke|waar|how|what|why|when|who|which"
    r"|where)\b",
    re.IGNORECASE,
)
# How much of the classifier's confidence a topic ranked next needs for the subject it names
# to pick it (_subject_picks).
RUNNER_UP = 0.2
FEELING_ANSWERS = {
    "guilt": "feelings_guilt",
    "death": "feelings_death",
    "despair": "feelings_despair",
    "anger": "feelings_anger",
    "fear": "distress",
}


@dataclass(frozen=True)
class Asked:
    """What the parent sent, as far as the reply depends on it."""

    intent: str
    text: str = ""
    is_payload: bool = False
    entities: dict[str, Any] = field(default_factory=dict)
    condition: Optional[str] = None  # the conversation's condition for this turn
    condition_named: bool = False  # this message itself names the condition
    confidence: float = 1.0
    ranking: tuple[tuple[str, float], ...] = ()  # the classifier's other intents, best first


@dataclass(frozen=True)
class Reply:
    """The decision: what to send, and the conversation's condition afterwards."""

    kind: str
    intent: str
    answer: Optional[Answer] = None
    condition: Optional[str] = None
    question_kind: Optional[str] = None  # with NOT_COVERED: what was asked
    offered: tuple[Answer, ...] = ()
    note: Optional[str] = None  # an interface text to add under the answer


def decide(asked: Asked, content: Content) -> Reply:
    """The reply to one turn (see the module docstring for the order)."""
    typed = not asked.is_payload
    intent, confidence = asked.intent, asked.confidence
    if typed and is_acute(asked.text):
        return Reply(ANSWER, "emergency", content.answers["emergency"], asked.condition)
    felt = feelings.feeling(asked.text) if typed else None
    if felt or intent == "distress":
        related = _topic_answer(asked, content)
        comfort = content.answers[FEELING_ANSWERS.get(felt or "", "distress")]
        return Reply(
            ANSWER, intent, comfort, asked.condition, offered=(related,) if related else ()
        )
    if (
        typed
        and intent == "emergency"
        and confidence < CONFIDENT
        and question_kind.kinds_asked(asked.text)
    ):
        # the classifier's guess of an emergency, unsure and without a sign of one the net knows,
        # for a kind of question about a subject of ours ("does the heel prick hurt my baby?"):
        # that question, answered honestly
        honest = _not_covered_by_subject(asked, content)
        if honest:
            return honest
    note = None
    if typed and advice.asks_the_assistant(asked.text):
        intent = "personal_advice"
    elif typed and intent == "personal_advice" and advice.request(asked.text) is None:
        # Neither a choice nor a diagnosis is asked: the general fact of the best-ranked topic.
        # Its confidence is usually low, so the subject check below decides whether it is
        # served or asked about ("is this what you mean?").
        topic = next(
            ((name, c) for name, c in asked.ranking if content.is_medical_intent(name)), None
        )
        if topic:
            intent, confidence = topic
    if typed:
        intent, confidence = _subject_picks(asked, content, intent, confidence)
    if intent == "choose_condition" and (
        not asked.condition_named or (typed and _QUESTION.search(asked.text))
    ):
        intent = "out_of_scope"  # choosing names a condition, and is not itself a question
    if typed and (intent == "nlu_fallback" or intent == "out_of_scope" and confidence < CONFIDENT):
        # (a confident "out of scope" is a subject we do not cover: "my dog keeps barking")
        told = _experience(asked, content)
        if told:
            return told
    if typed and intent in ("out_of_scope", "nlu_fallback"):
        honest = _not_covered_by_subject(asked, content)
        if honest:
            return honest
    medical = content.is_medical_intent(intent)
    if medical and not may_serve_medical(asked.text, asked.is_payload, confidence):
        intent = "out_of_scope"  # unsure, and nothing in the message is about our subject
        medical = False
        told = _experience(asked, content) if typed else None
        if told:
            return told
    if medical and typed and advice.about_own_situation(asked.text):
        note = "own_situation"
    chosen = _chosen_answer(asked, content, intent)
    if chosen:
        return Reply(ANSWER, intent, chosen, asked.condition)
    selection = content.select(intent, asked.condition)
    kinds = _kinds(asked) if medical else []
    unsure = (
        typed and medical and not sure_of_topic(intent, asked.text, asked.is_payload, confidence)
    )
    if selection.needs_condition:
        candidates = content.candidates(intent)
        approved = tuple(a for a in candidates if a.review.approved)
        uncovered = _uncovered(kinds, candidates, content)
        if uncovered:
            return Reply(NOT_COVERED, intent, None, None, uncovered, approved)
        if unsure:
            return Reply(UNSURE, intent, None, None, offered=approved)
        # the kind asked travels with the question, for the condition's own answer to judge
        return Reply(ASK_CONDITION, intent, question_kind=kinds[0] if kinds else None)
    answer = selection.answer
    if selection.other_condition and (answer is None or not answer.review.approved):
        return Reply(
            OTHER_CONDITION, intent, answer, asked.condition, offered=(selection.other_condition,)
        )
    if answer is None:
        return Reply(ANSWER, "out_of_scope", content.answers["fallback"], asked.condition)
    condition = selection.condition or asked.condition
    uncovered = _uncovered(kinds, [answer], content) if answer.review.approved else None
    if uncovered:
        return Reply(NOT_COVERED, intent, None, condition, uncovered, (answer,))
    if unsure and answer.kind == "medical" and answer.review.approved:
        return Reply(UNSURE, intent, None, asked.condition, offered=(answer,))
    return Reply(ANSWER, intent, answer, condition, note=note)


def _subject_picks(
    asked: Asked, content: Content, intent: str, confidence: float
) -> tuple[str, float]:
    """The classifier's topic, unless it is unsure (below SURE) and the message names none of
    its subject while it names the subject of a topic the classifier ranked next: then that
    topic ("vruchtwaterpunctie … hoe werkt dat" ranked under symptoms first and prenatal
    testing second). Two signals that agree outweigh one that is unsure. An unclassified
    message (no topic above the fallback threshold) is not served this way: it is asked
    "is this what you mean?" (_not_covered_by_subject)."""
    if (
        confidence >= SURE
        or not content.is_medical_intent(intent)
        or names_subject(intent, asked.text)
    ):
        return intent, confidence
    for name, score in asked.ranking:
        if score < RUNNER_UP or name == "out_of_scope":
            break  # (ranked above the rest: "not our subject")
        if (
            content.is_medical_intent(name)
            and has_subject(name)
            and names_subject(name, asked.text)
        ):
            return name, score
    return intent, confidence


def _kinds(asked: Asked) -> list[str]:
    """The kinds of question asked: from the text, or carried on a button (the condition
    question re-asks with the kind the parent typed)."""
    if not asked.is_payload:
        return question_kind.kinds_asked(asked.text)
    carried = asked.entities.get("question_kind")
    return [carried] if carried in question_kind.KINDS else []


def _not_covered_by_subject(asked: Asked, content: Content) -> Optional[Reply]:
    """An unclassified question that names a topic's subject: a kind of question no answer on
    it covers ("does the heel prick hurt?") gets the honest reply that names both; otherwise the
    parent is asked whether that topic is what they mean. Both rather than the general fallback,
    and neither serves a text."""
    subject = subject_named(asked.text)
    if not subject:
        return None
    selection = content.select(subject, asked.condition)
    candidates = [selection.answer] if selection.answer else content.candidates(subject)
    approved = [a for a in candidates if a and a.review.approved]
    if not approved:
        return None
    uncovered = _uncovered(question_kind.kinds_asked(asked.text), approved, content)
    if uncovered:
        return Reply(NOT_COVERED, subject, None, asked.condition, uncovered, tuple(approved))
    return Reply(UNSURE, subject, None, asked.condition, offered=tuple(approved))


def _experience(asked: Asked, content: Content) -> Optional[Reply]:
    """Empathy and a person for an unclassified statement in which the parent tells what the
    family lives through: not a question, so "I have no answer to that" does not fit it."""
    if feelings.recounts_experience(asked.text):
        return Reply(ANSWER, "distress", content.answers["distress"], asked.condition)
    return None


def _chosen_answer(asked: Asked, content: Content, intent: str) -> Optional[Answer]:
    """An answer asked for by id on a button (`/ask_pgt{"topic":"option_pgt"}`): the general
    information offered to the other condition's parents, served without switching their
    conversation's condition."""
    topic = asked.entities.get("topic") if asked.is_payload else None
    answer = content.answers.get(topic) if isinstance(topic, str) else None
    if answer and answer.review.approved and intent in answer.intents:
        return answer
    return None


def _topic_answer(asked: Asked, content: Content) -> Optional[Answer]:
    """The approved answer to the topic a message asked about besides a feeling, if any."""
    if (
        not asked.text
        or not content.is_medical_intent(asked.intent)
        or not may_serve_medical(asked.text, asked.is_payload, asked.confidence)
    ):
        return None
    selection = content.select(asked.intent, asked.condition)
    answer = selection.answer
    return answer if answer and answer.review.approved else None


def _uncovered(kinds: list[str], answers: list[Answer], content: Content) -> Optional[str]:
    """The first kind of question asked that none of `answers` answers."""
    for kind in kinds:
        if not any(content.answers_kind(a, kind) for a in answers):
            return kind
    return None
