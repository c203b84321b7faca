"""Which reply a turn gets (bot/conversation/routing.py), pinned by tables: safety and feelings first, kinds
of question the sources do not answer, general facts for one's own situation, the condition that
never switches, and the honest "is this what you mean?"."""

from __future__ import annotations

import json
from typing import Optional

import pytest

from bot.content.content import Content
from bot.conversation.routing import (
    ANSWER,
    ASK_CONDITION,
    NOT_COVERED,
    OTHER_CONDITION,
    RUNNER_UP,
    UNSURE,
    Asked,
    decide,
)


def asked(
    intent: str,
    text: str,
    condition: Optional[str] = None,
    confidence: float = 0.9,
    runner_up: Optional[str] = None,
    runner_up_confidence: float = 0.0,
    named: bool = False,
) -> Asked:
    payload = text.startswith("/")
    entities: dict[str, str] = {}
    if payload and "{" in text:
        entities = json.loads(text[text.index("{") :])
        # as actions/turn.py reads it: a button's condition is the parent's explicit choice
        condition, named = entities.get("condition") or condition, "condition" in entities or named
    ranking = (("out_of_scope", 0.5), (runner_up, runner_up_confidence)) if runner_up else ()
    return Asked(intent, text, payload, entities, condition, named, confidence, ranking)


# (intent the classifier chose, message, conversation's condition) -> (reply kind, answer id)
SERVED = [
    ("ask_pgt", "wat is pgt precies", "smard", ANSWER, "option_pgt"),
    (
        "ask_prenatal",
        "hoe groot is de kans op een miskraam na een vlokkentest",
        "smard",
        ANSWER,
        "option_prenatal",
    ),
    (
        "ask_prenatal",
        "in welke week wordt de vruchtwaterpunctie gedaan?",
        "smard",
        ANSWER,
        "option_prenatal",
    ),  # timing: the option's `when` part answers it
    ("ask_autonomic", "voelen kinderen met smard minder pijn?", "smard", ANSWER, "smard_autonomic"),
    ("ask_what_is", "what is spinal muscular atrophy?", "sma", ANSWER, "sma_what"),
    ("ask_name_meaning", "what does SMARD stand for?", "smard", ANSWER, "smard_what"),
    ("ask_name_meaning", "waar staan de letters sma voor", "sma", ANSWER, "name_meaning"),
    ("greet", "/greet", "sma", ANSWER, "greet_sma"),
    ("greet", "/greet", None, ANSWER, "greet"),
    ("ask_smn2", "what does the number of SMN2 copies mean", None, ANSWER, "sma_smn2"),
]


@pytest.mark.parametrize("intent, text, condition, kind, answer_id", SERVED)
def test_answers_served(
    content: Content, intent: str, text: str, condition: Optional[str], kind: str, answer_id: str
) -> None:
    reply = decide(asked(intent, text, condition), content)
    assert (reply.kind, reply.answer.id if reply.answer else None) == (kind, answer_id)


# Kinds of question the sources do not answer: named honestly, the topic offered, never served.
NOT_COVERED_CASES = [
    ("ask_pgt", "how much does PGT cost?", "smard", "cost", ["option_pgt"]),
    (
        "ask_pgt",
        "Wat kost een PGT-behandeling en wordt het vergoed?",
        "smard",
        "cost",
        ["option_pgt"],
    ),
    (
        "sma_positive_screening",
        "does the heel prick hurt?",
        "sma",
        "pain",
        ["sma_screening_result"],
    ),
    (
        "ask_why_screening",
        "Doet de hielprik pijn bij mijn baby?",
        None,
        "pain",
        ["sma_why_screening"],
    ),
    (
        "ask_why_screening",
        "Waarom wordt juist in de hiel geprikt?",
        None,
        "procedure",
        ["sma_why_screening"],
    ),
    ("ask_pgt", "how long is the waiting list for PGT?", "smard", "waiting", ["option_pgt"]),
    ("ask_treatment", "is Spinraza available for my baby?", "sma", "medicine", ["sma_treatment"]),
    ("ask_types", "what are the types of SMA, type 1 to 4?", "sma", "types", ["sma_severity"]),
    (
        "ask_symptoms",
        "what is the life expectancy with SMA type 1",
        "sma",
        "life_expectancy",
        ["sma_severity"],
    ),
    ("ask_donation", "Wie kan eiceldonor worden?", "smard", "eligibility", ["option_donation"]),
    ("ask_donation", "How does egg donation work?", "smard", "mechanism", ["option_donation"]),
    (
        "ask_carrier",
        "What is genetic carrier screening?",
        "smard",
        "carrier_screening",
        ["smard_carrier"],
    ),
    (
        "ask_inheritance",
        "Are chromosomal disorders inherited?",
        "smard",
        "genetics_general",
        ["smard_inheritance"],
    ),
    (
        "ask_why_screening",
        "Welke andere ziektes worden met de hielprik opgespoord?",
        None,
        "other_conditions",
        ["sma_why_screening"],
    ),
]


@pytest.mark.parametrize("intent, text, condition, kind, offered", NOT_COVERED_CASES)
def test_kinds_the_sources_do_not_answer_get_the_honest_reply(
    content: Content,
    intent: str,
    text: str,
    condition: Optional[str],
    kind: str,
    offered: list[str],
) -> None:
    reply = decide(asked(intent, text, condition), content)
    assert reply.kind == NOT_COVERED and reply.answer is None
    assert reply.question_kind == kind
    assert [a.id for a in reply.offered] == offered


def test_kind_unknown_condition_offers_both_conditions(content: Content) -> None:
    reply = decide(asked("ask_treatment", "how much does the treatment cost?"), content)
    assert reply.kind == NOT_COVERED and reply.question_kind == "cost"
    assert {a.id for a in reply.offered} == {"smard_treatment", "sma_treatment"}


@pytest.mark.parametrize(
    "text",
    [
        "my baby went blue",
        "mijn baby ademt niet meer",
        "she is not breathing",
        "hij wordt blauw",
    ],
)
def test_acute_worry_wins_over_any_intent(content: Content, text: str) -> None:
    for intent in ("ask_pgt", "greet", "personal_advice", "distress", "out_of_scope"):
        reply = decide(asked(intent, text), content)
        assert reply.answer is not None and reply.answer.id == "emergency"


@pytest.mark.parametrize(
    "text, answer_id",
    [
        ("is it our fault?", "feelings_guilt"),
        ("ik voel me zo schuldig, hadden we het kunnen weten?", "feelings_guilt"),
        ("can my child die of this?", "feelings_death"),
        ("gaat mijn kindje dood aan smard?", "feelings_death"),
        ("we are devastated", "feelings_despair"),
        ("there is nothing that can be done", "feelings_despair"),
        ("we zijn er kapot van", "feelings_despair"),
        ("why us? it is so unfair", "feelings_anger"),
        ("ik ben zo boos", "feelings_anger"),
        ("I'm so scared for our baby", "distress"),
        ("we maken ons zoveel zorgen", "distress"),
    ],
)
def test_feelings_come_first(content: Content, text: str, answer_id: str) -> None:
    for intent in ("ask_symptoms", "personal_advice", "distress", "out_of_scope"):
        reply = decide(asked(intent, text, "smard"), content)
        assert reply.kind == ANSWER and reply.answer is not None and reply.answer.id == answer_id


def test_feelings_offer_the_topic_asked_as_a_button(content: Content) -> None:
    reply = decide(
        asked("ask_chance", "I'm so scared, what is the chance our next baby has SMARD?", "smard"),
        content,
    )
    assert reply.answer is not None and reply.answer.id == "distress"
    assert [a.id for a in reply.offered] == ["smard_chance"]


@pytest.mark.parametrize(
    "text, runner_up, expected",
    [
        # a question about their own situation that the sources answer in general: the fact
        (
            "our baby already has symptoms, should treatment wait for more tests?",
            "ask_next_steps",
            "sma_next_steps",
        ),
        (
            "onze baby heeft al klachten, moet de behandeling wachten op meer onderzoek?",
            "ask_treatment",
            "sma_treatment",
        ),
        # asked to choose or to diagnose: the kind refusal
        ("should we do PGT?", "ask_pgt", "personal_advice"),
        ("moeten wij voor pgt kiezen?", "ask_pgt", "personal_advice"),
        ("does my son have SMA?", "ask_what_is", "personal_advice"),
        ("what would you do in our place?", "ask_options", "personal_advice"),
    ],
)
def test_general_facts_are_not_personal_advice(
    content: Content, text: str, runner_up: str, expected: str
) -> None:
    # the topic ranks low behind a sure "personal advice" (and behind a non-topic intent)
    reply = decide(
        asked(
            "personal_advice",
            text,
            "sma",
            confidence=0.96,
            runner_up=runner_up,
            runner_up_confidence=0.02,
        ),
        content,
    )
    assert reply.answer is not None and reply.answer.id == expected
    if expected != "personal_advice":
        assert reply.note == "own_situation"


def test_asking_the_assistant_what_it_would_do_is_refused_whatever_the_topic(
    content: Content,
) -> None:
    reply = decide(asked("ask_pgt", "what would you do, PGT or a CVS?", "smard"), content)
    assert reply.answer is not None and reply.answer.id == "personal_advice"


@pytest.mark.parametrize(
    "intent, condition, offered",
    [
        ("ask_pgt", "sma", "option_pgt"),
        ("ask_options", "sma", "options_overview"),
        ("ask_comparison", "sma", "options_comparison"),
        ("start_values", "sma", "values_intro"),
        ("ask_inheritance", "sma", "smard_inheritance"),
        ("ask_breathing", "sma", "smard_breathing"),
        ("ask_smn2", "smard", "sma_smn2"),
    ],
)
def test_no_dead_end_and_no_switch_to_the_other_condition(
    content: Content, intent: str, condition: str, offered: str
) -> None:
    text = {
        "ask_pgt": "wat is pgt",
        "ask_options": "what are our options if we want a child",
        "ask_comparison": "compare the options",
        "start_values": "help us think about it",
        "ask_inheritance": "how is it inherited",
        "ask_breathing": "breathing problems",
        "ask_smn2": "what about smn2 copies",
    }[intent]
    reply = decide(asked(intent, text, condition), content)
    assert reply.kind == OTHER_CONDITION
    assert [a.id for a in reply.offered] == [offered]
    assert reply.condition == condition


def test_the_offered_text_is_served_on_its_button_without_switching(content: Content) -> None:
    reply = decide(asked("ask_pgt", '/ask_pgt{"topic":"option_pgt"}', "sma"), content)
    assert reply.kind == ANSWER and reply.answer is not None and reply.answer.id == "option_pgt"
    assert reply.condition == "sma"


def test_a_topic_button_for_an_unapproved_or_foreign_answer_is_not_served(content: Content) -> None:
    for text in ('/ask_pgt{"topic":"sma_options"}', '/ask_pgt{"topic":"smard_what"}'):
        reply = decide(asked("ask_pgt", text, "sma"), content)
        assert reply.kind == OTHER_CONDITION


def test_generic_question_asks_which_condition(content: Content) -> None:
    reply = decide(asked("ask_inheritance", "how is a disease passed on to children?"), content)
    assert reply.kind == ASK_CONDITION


@pytest.mark.parametrize(
    "intent, text",
    [
        # words of the subject matter (so not the fallback), but not of the topic it was sorted into
        (
            "ask_donation",
            "Why do some couples need help when a genetic condition runs in the family?",
        ),
        ("ask_adoption", "what can we expect as carriers"),
    ],
)
def test_unsure_of_the_topic_asks_instead_of_serving(
    content: Content, intent: str, text: str
) -> None:
    reply = decide(asked(intent, text, "smard", confidence=0.6), content)
    assert reply.kind == UNSURE and reply.answer is None and reply.offered


def test_sure_or_subject_named_is_served(content: Content) -> None:
    assert (
        decide(asked("ask_donation", "can we use a donor?", "smard", confidence=0.5), content).kind
        == ANSWER
    )
    assert (
        decide(
            asked("ask_adoption", "what can we expect as carriers", "smard", confidence=0.96),
            content,
        ).kind
        == ANSWER
    )


@pytest.mark.parametrize(
    "text, kind",
    [("Hoe gaat de hielprik?", NOT_COVERED), ("what about sma after the heel prick?", UNSURE)],
)
def test_choosing_a_condition_is_not_a_question(content: Content, text: str, kind: str) -> None:
    reply = decide(asked("choose_condition", text, named=True), content)
    assert reply.kind == kind and (reply.answer is None or reply.answer.id == "fallback")


@pytest.mark.parametrize(
    "text, intent, kind, offered",
    [
        (
            "Doet de hielprik pijn bij mijn baby?",
            "sma_positive_screening",
            "pain",
            "sma_screening_result",
        ),
        (
            "Hoe wordt de hielprik afgenomen?",
            "sma_positive_screening",
            "procedure",
            "sma_screening_result",
        ),
        ("What does PGT cost?", "ask_pgt", "cost", "option_pgt"),
        ("wat kost een vlokkentest", "ask_prenatal", "cost", "option_prenatal"),
    ],
)
def test_unclassified_questions_that_name_a_subject_and_a_kind_get_the_honest_reply(
    content: Content, text: str, intent: str, kind: str, offered: str
) -> None:
    for classified in ("out_of_scope", "nlu_fallback"):
        reply = decide(asked(classified, text), content)
        assert (reply.kind, reply.intent, reply.question_kind) == (NOT_COVERED, intent, kind)
        assert [a.id for a in reply.offered] == [offered]


def test_unclassified_without_a_subject_gets_the_fallback(content: Content) -> None:
    reply = decide(asked("out_of_scope", "How much does it cost?"), content)
    assert reply.answer is not None and reply.answer.id == "fallback"


def test_choosing_a_condition(content: Content) -> None:
    reply = decide(asked("choose_condition", "het gaat om sma", "sma", named=True), content)
    assert reply.answer is not None and reply.answer.id == "menu_sma"


def test_the_kind_asked_travels_with_the_condition_question(content: Content) -> None:
    reply = decide(asked("ask_types", "wat zijn de verschillende vormen?"), content)
    assert reply.kind == ASK_CONDITION and reply.question_kind == "types"
    # SMARD's answer names its types; SMA's answer does not: the honest reply
    smard = decide(
        asked("ask_types", '/ask_types{"condition":"smard","question_kind":"types"}'), content
    )
    sma = decide(
        asked("ask_types", '/ask_types{"condition":"sma","question_kind":"types"}'), content
    )
    assert smard.kind == ANSWER and smard.answer is not None and smard.answer.id == "smard_types"
    assert sma.kind == NOT_COVERED and sma.question_kind == "types"
    # a kind that is not one the assistant knows is ignored
    odd = decide(asked("ask_types", '/ask_types{"condition":"sma","question_kind":"<b>"}'), content)
    assert odd.kind == ANSWER


@pytest.mark.parametrize(
    "text, offered",
    [
        (
            "Maar wat is een vlokkentest precies en wanneer wordt deze uitgevoerd?",
            "option_prenatal",
        ),
        ("Is de uitslag van de hielprik niet goed?", "sma_screening_result"),
    ],
)
def test_an_unclassified_question_naming_a_topic_asks_whether_that_is_meant(
    content: Content, text: str, offered: str
) -> None:
    reply = decide(asked("nlu_fallback", text, "smard"), content)
    assert reply.kind == UNSURE and [a.id for a in reply.offered] == [offered]


# Whole replies, every field: what actions/answer.py reads (the kind, the intent, the answer, the
# condition the conversation keeps, the kind of question, what is offered, the note). The
# messages are built with Asked's defaults: a typed message, no condition, a sure classifier.
# (Asked, kind, intent, answer id, condition afterwards, question kind, offered ids, note)
WHOLE = [
    (Asked("greet"), ANSWER, "greet", "greet", None, None, (), None),
    (Asked("greet", "hallo"), ANSWER, "greet", "greet", None, None, (), None),
    (Asked("greet", "hallo", condition="smard"), ANSWER, "greet", "greet", "smard", None, (), None),
    (Asked("greet", "/greet", True), ANSWER, "greet", "greet", None, None, (), None),
    # the served answer's condition becomes the conversation's
    (
        Asked("ask_smn2", "what does the number of SMN2 copies mean"),
        ANSWER,
        "ask_smn2",
        "sma_smn2",
        "sma",
        None,
        (),
        None,
    ),
    (
        Asked("ask_treatment", "how is it treated", condition="sma"),
        ANSWER,
        "ask_treatment",
        "sma_treatment",
        "sma",
        None,
        (),
        None,
    ),
    # a button press: no note about one's own situation, whatever the answer
    (
        Asked(
            "ask_pgt", '/ask_pgt{"condition":"smard"}', True, {"condition": "smard"}, "smard", True
        ),
        ANSWER,
        "ask_pgt",
        "option_pgt",
        "smard",
        None,
        (),
        None,
    ),
    (
        Asked("ask_adoption", "/ask_adoption", True, condition="smard"),
        ANSWER,
        "ask_adoption",
        "option_adoption",
        "smard",
        None,
        (),
        None,
    ),
    (
        Asked("ask_adoption", "what can we expect as carriers", condition="smard"),
        ANSWER,
        "ask_adoption",
        "option_adoption",
        "smard",
        None,
        (),
        "own_situation",
    ),
    (
        Asked("ask_adoption", "what can we expect as carriers", condition="smard", confidence=0.6),
        UNSURE,
        "ask_adoption",
        None,
        "smard",
        None,
        ("option_adoption",),
        None,
    ),
    # acute worry: the emergency answer, the conversation's condition kept
    (Asked("ask_pgt", "my baby went blue"), ANSWER, "emergency", "emergency", None, None, (), None),
    (
        Asked("greet", "my baby went blue", condition="sma"),
        ANSWER,
        "emergency",
        "emergency",
        "sma",
        None,
        (),
        None,
    ),
    # which condition? nothing served, nothing kept, the kind asked travels along
    (Asked("ask_pgt", "wat is pgt"), ASK_CONDITION, "ask_pgt", None, None, None, (), None),
    (
        Asked("ask_types", "wat zijn de verschillende vormen?"),
        ASK_CONDITION,
        "ask_types",
        None,
        None,
        "types",
        (),
        None,
    ),
    (
        Asked("ask_treatment", "how much does the treatment cost?"),
        NOT_COVERED,
        "ask_treatment",
        None,
        None,
        "cost",
        ("sma_treatment", "smard_treatment"),
        None,
    ),
    # feelings: the distress answer without a feeling word too; a topic offered only when the
    # message asked a medical question whose answer is approved
    (Asked("distress", "help"), ANSWER, "distress", "distress", None, None, (), None),
    # classified as distress: empathy first, before the refusal to say what the assistant would do
    (
        Asked("distress", "what would you do in our place?"),
        ANSWER,
        "distress",
        "distress",
        None,
        None,
        (),
        None,
    ),
    (Asked("distress", "/distress", True), ANSWER, "distress", "distress", None, None, (), None),
    (
        Asked("greet", "we are devastated"),
        ANSWER,
        "greet",
        "feelings_despair",
        None,
        None,
        (),
        None,
    ),
    (
        Asked("ask_options", "I am so scared, what are our options?", condition="sma"),
        ANSWER,
        "ask_options",
        "distress",
        "sma",
        None,
        (),
        None,
    ),  # SMA's options text is a draft
    (
        Asked("ask_pgt", "I am so scared, what is pgt?", condition="sma"),
        ANSWER,
        "ask_pgt",
        "distress",
        "sma",
        None,
        (),
        None,
    ),  # PGT's text is SMARD's only
    (
        Asked("ask_pgt", "I am so scared, what is pgt?", condition="smard"),
        ANSWER,
        "ask_pgt",
        "distress",
        "smard",
        None,
        ("option_pgt",),
        None,
    ),
    # the assistant asked what it would do: refused, whatever the topic (typed by default)
    (
        Asked("ask_pgt", "what would you do, PGT or a CVS?"),
        ANSWER,
        "personal_advice",
        "personal_advice",
        None,
        None,
        (),
        None,
    ),
    # "personal advice" with nothing ranked behind it: the refusal stands
    (
        Asked(
            "personal_advice",
            "our baby already has symptoms, should treatment wait for more tests?",
        ),
        ANSWER,
        "personal_advice",
        "personal_advice",
        None,
        None,
        (),
        None,
    ),
    # unsure of a medical topic and no word of the subject: the fallback, not a kind of question
    (
        Asked("ask_pgt", "how much does it cost for our baby?", confidence=0.3),
        ANSWER,
        "out_of_scope",
        "fallback",
        None,
        None,
        (),
        None,
    ),
    # an intent no answer has (a stale or forged button): the fallback, never an empty offer
    (
        Asked("no_such_intent", "/no_such_intent", True),
        ANSWER,
        "out_of_scope",
        "fallback",
        None,
        None,
        (),
        None,
    ),
    (
        Asked("no_such_intent", "/no_such_intent", True, condition="sma"),
        ANSWER,
        "out_of_scope",
        "fallback",
        "sma",
        None,
        (),
        None,
    ),
    # choosing a condition needs the message to name it
    (
        Asked("choose_condition", "het gaat om sma", condition="sma", condition_named=True),
        ANSWER,
        "choose_condition",
        "menu_sma",
        "sma",
        None,
        (),
        None,
    ),
    (
        Asked("choose_condition", "het gaat om sma", condition="sma"),
        ANSWER,
        "out_of_scope",
        "fallback",
        "sma",
        None,
        (),
        None,
    ),
]


@pytest.mark.parametrize(
    "turn, kind, intent, answer_id, condition, question_kind, offered, note", WHOLE
)
def test_whole_replies(
    content: Content,
    turn: Asked,
    kind: str,
    intent: str,
    answer_id: Optional[str],
    condition: Optional[str],
    question_kind: Optional[str],
    offered: tuple[str, ...],
    note: Optional[str],
) -> None:
    reply = decide(turn, content)
    assert reply.offered == tuple(reply.offered) and None not in reply.offered
    got = (
        reply.kind,
        reply.intent,
        reply.answer.id if reply.answer else reply.answer,
        reply.condition,
        reply.question_kind,
        tuple(a.id for a in reply.offered),
        reply.note,
    )
    assert got == (kind, intent, answer_id, condition, question_kind, offered, note)


@pytest.mark.parametrize(
    "intent, confidence", [("nlu_fallback", 0.3), ("out_of_scope", 0.6), ("ask_pgt", 0.3)]
)
def test_an_unclassified_story_gets_empathy_not_the_fallback(
    content: Content, intent: str, confidence: float
) -> None:
    reply = decide(
        asked(
            intent, "we geven het op, voor ons hoeft het allemaal niet meer", confidence=confidence
        ),
        content,
    )
    assert reply.answer is not None and reply.answer.id == "distress"
    assert (reply.kind, reply.intent) == (ANSWER, "distress")


def test_out_of_scope_at_exactly_the_confident_threshold_is_confident(content: Content) -> None:
    """Sure of "out of scope" from CONFIDENT on (scope's threshold, inclusive): the fallback;
    just below it, the statement of what a family lives through gets empathy."""
    from bot.conversation.scope import CONFIDENT

    story = "we geven het op, voor ons hoeft het allemaal niet meer"
    at = decide(asked("out_of_scope", story, confidence=CONFIDENT), content)
    below = decide(asked("out_of_scope", story, confidence=CONFIDENT - 0.01), content)
    assert at.answer is not None and at.answer.id == "fallback"
    assert below.answer is not None and below.answer.id == "distress"


def test_an_unclassified_question_is_no_story(content: Content) -> None:
    reply = decide(
        asked("nlu_fallback", "we wonder what the weather will be tomorrow?", confidence=0.3),
        content,
    )
    assert reply.answer is not None and reply.answer.id == "fallback"


def test_a_confident_out_of_scope_statement_is_no_story(content: Content) -> None:
    reply = decide(
        asked("out_of_scope", "my dog keeps barking at the neighbours", confidence=0.9), content
    )
    assert reply.answer is not None and reply.answer.id == "fallback"


def test_the_subject_named_picks_between_the_classifiers_topics(content: Content) -> None:
    # the classifier put symptoms first, prenatal testing second; the message names only the
    # second's subject (vruchtwater): the second is the topic
    text = "vruchtwaterpunctie bij smard, hoe werkt dat?"
    ranked = Asked(
        "ask_symptoms",
        text,
        condition="smard",
        condition_named=True,
        confidence=0.54,
        ranking=(("ask_prenatal", 0.38), ("ask_autonomic", 0.03)),
    )
    reply = decide(ranked, content)
    assert (
        reply.kind == ANSWER and reply.answer is not None and reply.answer.id == "option_prenatal"
    )
    # a runner-up under RUNNER_UP, or "out of scope" ranked above it, picks nothing
    weak = decide(
        Asked(
            "ask_symptoms",
            text,
            condition="smard",
            condition_named=True,
            confidence=0.54,
            ranking=(("ask_prenatal", RUNNER_UP - 0.01),),
        ),
        content,
    )
    assert weak.answer is None or weak.answer.id != "option_prenatal"
    behind = decide(
        Asked(
            "ask_symptoms",
            text,
            condition="smard",
            condition_named=True,
            confidence=0.54,
            ranking=(("out_of_scope", 0.3), ("ask_prenatal", 0.25)),
        ),
        content,
    )
    assert behind.answer is None or behind.answer.id != "option_prenatal"
    # a sure classification, or one whose own subject is named, stays
    sure = decide(
        Asked(
            "ask_symptoms",
            text,
            condition="smard",
            condition_named=True,
            confidence=0.96,
            ranking=(("ask_prenatal", 0.38),),
        ),
        content,
    )
    assert sure.answer is None or sure.answer.id != "option_prenatal"
    own = decide(
        Asked(
            "ask_symptoms",
            "symptomen na een vruchtwaterpunctie bij smard?",
            condition="smard",
            condition_named=True,
            confidence=0.54,
            ranking=(("ask_prenatal", 0.38),),
        ),
        content,
    )
    assert own.answer is not None and own.answer.id != "option_prenatal"
    # an unclassified message is asked about, not served (the classifier's ranking is too weak)
    unclassified = decide(
        Asked(
            "nlu_fallback",
            "what drugs are there for sma, how early?",
            condition="sma",
            condition_named=True,
            confidence=0.4,
            ranking=(("ask_treatment", 0.33),),
        ),
        content,
    )
    assert unclassified.kind == UNSURE


def test_an_unsure_emergency_guess_for_a_question_about_a_subject_is_that_question(
    content: Content,
) -> None:
    # the classifier guessed "emergency" (0.45) for "does the heel prick hurt my baby?"; the net
    # sees no sign of illness, and the message asks a kind of question (pain) about the heel prick
    text = "Doet de hielprik pijn bij mijn baby?"
    guess = decide(Asked("emergency", text, confidence=0.45), content)
    assert guess.kind == NOT_COVERED and guess.question_kind == "pain"
    # sure of it, or a sign the net knows: the emergency answer
    sure = decide(Asked("emergency", text, confidence=0.9), content)
    assert sure.answer is not None and sure.answer.id == "emergency"
    acute = decide(
        Asked("emergency", "doet de hielprik pijn, ze ademt niet meer", confidence=0.45), content
    )
    assert acute.answer is not None and acute.answer.id == "emergency"


def test_the_runner_up_rule_at_its_boundaries(content: Content) -> None:
    """Each threshold of the rule is inclusive where the code says so: a runner-up of exactly
    RUNNER_UP counts, a classification of exactly SURE stays, and a runner-up without subject
    words of its own (it cannot be "named") is passed over for the next one that is named."""
    from bot.conversation.scope import SURE

    text = "vruchtwaterpunctie bij smard, hoe werkt dat?"

    def ranked(confidence: float, ranking: tuple[tuple[str, float], ...]) -> Asked:
        return Asked(
            "ask_symptoms",
            text,
            condition="smard",
            condition_named=True,
            confidence=confidence,
            ranking=ranking,
        )

    at_runner_up = decide(ranked(0.54, (("ask_prenatal", RUNNER_UP),)), content)
    assert at_runner_up.answer is not None and at_runner_up.answer.id == "option_prenatal"
    at_sure = decide(ranked(SURE, (("ask_prenatal", 0.38),)), content)
    assert at_sure.answer is None or at_sure.answer.id != "option_prenatal"
    just_below_sure = decide(ranked(SURE - 0.01, (("ask_prenatal", 0.38),)), content)
    assert just_below_sure.answer is not None and just_below_sure.answer.id == "option_prenatal"
    # start_values has no subject words: never picked by this rule, the named one after it is
    past_one = decide(ranked(0.54, (("start_values", 0.38), ("ask_prenatal", 0.3))), content)
    assert past_one.answer is not None and past_one.answer.id == "option_prenatal"


def test_an_emergency_guess_from_confident_on_is_the_emergency_answer(content: Content) -> None:
    # CONFIDENT is inclusive: at exactly that confidence the guess is believed
    from bot.conversation.scope import CONFIDENT

    text = "Doet de hielprik pijn bij mijn baby?"
    at = decide(Asked("emergency", text, confidence=CONFIDENT), content)
    assert at.answer is not None and at.answer.id == "emergency"
    below = decide(Asked("emergency", text, confidence=CONFIDENT - 0.01), content)
    assert below.kind == NOT_COVERED
