"""The knowledge check ("Test wat u weet"): every statement's correct value is decided by the
answer text it cites (one source of truth, in both languages as published), the check step by
step through the action (buttons and typed answers), where it is offered, and the score in the
summary only when the parent adds it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from typing import Any, Optional

import pytest
from pypdf import PdfReader
from rasa_sdk import Tracker

from actions.summary import ActionSummary
from actions.values_exercise import ActionValues
from bot.content.check_context import context
from bot.content.content import KNOWLEDGE_CHECKS, Content
from bot.content.statement_checks import statements_decided
from bot.conversation.payloads import knowledge_payload
from bot.conversation.render import Renderer
from bot.decision_aid import knowledge, summary_pdf
from bot.decision_aid import summary as summaries
from tests.test_actions import run, slot


def _statements(content: Content) -> list[tuple[str, Any]]:
    return [(check, s) for check in KNOWLEDGE_CHECKS for s in content.knowledge(check)]


def test_each_check_asks_five_or_six_statements_or_its_smn2_ones(content: Content) -> None:
    smard, sma = content.knowledge("knowledge_smard"), content.knowledge("knowledge_sma")
    assert 5 <= len(smard) <= 6 and 1 <= len(sma) <= 3
    assert {s.condition for s in smard} == {"smard"} and {s.condition for s in sma} == {"sma"}
    # SMN2 is SMA's: never in the check offered after SMARD's options, always in SMA's.
    assert not any("SMN2" in s.short for s in smard)
    assert all("SMN2" in s.short for s in sma)
    # Both values occur, so "always true" is not a winning strategy.
    assert {s.correct for s in smard} == {True, False} and {s.correct for s in sma} == {True, False}
    for _, s in _statements(content):
        cited = content.answers[s.cites["answer"]]
        assert s.review.approved and cited.review.approved and cited.kind == "medical"
        assert cited.condition == s.condition, s.id


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_statement_is_decided_by_the_text_it_cites(renderer: Renderer, lang: str) -> None:
    """The phrase that decides each statement is in the cited answer's text as parents are
    served it (the published bundle), in this language; the feedback shows that very text."""
    for _, s in _statements(renderer.content):
        cited = renderer.content.answers[s.cites["answer"]]
        quote = renderer.field(s, "quote", lang)
        served = renderer.field(cited, s.cites["text"], lang)
        assert quote in served, (s.id, lang)
        for choice in knowledge.CHOICES:
            feedback = knowledge.feedback_message(renderer, s, choice, lang)
            assert served in feedback.text and renderer.source_line(cited, lang) in feedback.text


def _without(content: Content, answer_id: str, text: str, phrase: str) -> Content:
    """`content` with `phrase` cut out of one text of one answer (as an edit might)."""
    answer = content.answers[answer_id]
    if text.startswith("part."):
        parts = dict(answer.parts or {})
        parts[text[5:]] = (parts[text[5:]] or "").replace(phrase, "")
        changed = dataclasses.replace(answer, parts=parts)
    else:
        changed = dataclasses.replace(answer, **{text: getattr(answer, text).replace(phrase, "")})
    answers = [changed if a.id == answer_id else a for a in content.answers.values()]
    return Content(
        answers, content.ui, content.flows, content.sources, dict(content.question_kinds)
    )


def test_the_check_refuses_a_statement_whose_fact_left_its_answer(content: Content) -> None:
    assert statements_decided(context(content)) == []
    for _, s in _statements(content):
        edited = _without(content, s.cites["answer"], s.cites["text"], s.quote or "")
        problems = statements_decided(context(edited))
        assert any(s.id in p and "nl quote" in p for p in problems), s.id
    # …and a statement without its value or citing a text that does not exist.
    s = content.answers["knowledge_carriers"]
    for broken in [
        dataclasses.replace(s, correct=None),
        dataclasses.replace(s, cites={"answer": "smard_carrier", "text": "part.x"}),
        dataclasses.replace(s, cites={"answer": "sma_options", "text": "short"}),
    ]:
        answers = [broken if a.id == s.id else a for a in content.answers.values()]
        edited = Content(answers, content.ui, content.flows, content.sources)
        assert any(s.id in p for p in statements_decided(context(edited))), broken


@pytest.mark.parametrize(
    "answer_id,check",
    [
        ("option_no_children", "knowledge_smard"),
        ("options_comparison", "knowledge_smard"),
        ("sma_smn2", "knowledge_sma"),
    ],
)
@pytest.mark.parametrize("lang,title", [("nl", "Test wat u weet"), ("en", "Check what you know")])
def test_the_check_is_offered_after_the_walk_the_comparison_and_smn2(
    renderer: Renderer, answer_id: str, check: str, lang: str, title: str
) -> None:
    [message] = renderer.answer(renderer.content.answers[answer_id], lang)
    assert {"title": title, "payload": knowledge_payload(check)} in message.buttons
    # Only there: not on the walk's other steps.
    for other in ("options_overview", "option_pgt", "sma_screening_result"):
        [m] = renderer.answer(renderer.content.answers[other], lang)
        assert not any("knowledge_statement" in b["payload"] for b in m.buttons)


@pytest.mark.parametrize(
    "typed,choice",
    [
        ("waar", "true"),
        ("Klopt!", "true"),
        ("true", "true"),
        ("That's true.", "true"),
        ("niet waar", "false"),
        ("Dat klopt niet", "false"),
        ("not true", "false"),
        ("False", "false"),
        ("weet ik niet", "unsure"),
        ("I don’t know", "unsure"),
        ("geen idee", "unsure"),
        ("waarom?", None),
        ("is het waar dat dragers ziek zijn", None),
        ("", None),
    ],
)
def test_typed_answers(typed: str, choice: Optional[str]) -> None:
    assert knowledge.typed_choice(typed) == choice


def _tracker(
    lang: str,
    state: Any,
    text: str,
    intent: str = "values_answer",
    statement: Optional[str] = None,
    choice: Optional[str] = None,
    slots: Optional[dict[str, Any]] = None,
) -> Tracker:
    entities = [{"entity": "knowledge_statement", "value": statement}] if statement else []
    if choice:
        entities.append({"entity": "knowledge_choice", "value": choice})
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 1.0},
        "entities": entities,
        "metadata": {"language": lang},
    }
    return Tracker(
        "t",
        {"knowledge": state, "language": lang, **(slots or {})},
        latest,
        [],
        False,
        None,
        {},
        "action_listen",
    )


def _press(
    lang: str, state: Any, payload_statement: str, choice: Optional[str] = None
) -> tuple[list[dict[str, Any]], Any]:
    msgs, events = run(
        ActionValues(),
        _tracker(
            lang,
            state,
            knowledge_payload(payload_statement, choice),
            statement=payload_statement,
            choice=choice,
        ),
    )
    return msgs, slot(events, "knowledge")


@pytest.mark.parametrize(
    "lang,score", [("nl", "U had 3 van de 5 goed."), ("en", "You got 3 of 5 right.")]
)
def test_the_smard_check_through_the_action(renderer: Renderer, lang: str, score: str) -> None:
    statements = renderer.content.knowledge("knowledge_smard")
    [intro, first], state = _press(lang, None, "knowledge_smard")
    assert intro["custom"]["topic"] == "knowledge_intro"
    assert first["custom"]["knowledge"] == {"number": 1, "total": 5}
    assert [b["title"] for b in first["buttons"]] == [
        renderer.ui(k, lang)
        for k in ("knowledge_true", "knowledge_false", "knowledge_unsure", "knowledge_stop")
    ]
    assert state["asked"] == statements[0].id and state["answers"] == {}
    # 1: pressed right; 2: pressed wrong; 3: typed right; 4: typed "weet ik niet"; 5: right.
    right = lambda s: "true" if s.correct else "false"  # noqa: E731
    wrong = lambda s: "false" if s.correct else "true"  # noqa: E731
    [feedback, nxt], state = _press(lang, state, statements[0].id, right(statements[0]))
    assert feedback["custom"]["feedback"]["right"] is True
    cited = renderer.content.answers[statements[0].cites["answer"]]
    assert feedback["buttons"] == [
        {"title": renderer.label(cited, lang), "payload": renderer.content.button_payload(cited)}
    ]
    assert renderer.ui("knowledge_right", lang) in feedback["text"]
    assert nxt["custom"]["topic"] == statements[1].id
    [feedback, _], state = _press(lang, state, statements[1].id, wrong(statements[1]))
    assert renderer.ui("knowledge_wrong", lang) in feedback["text"]
    typed = {
        ("nl", True): "waar",
        ("nl", False): "niet waar",
        ("en", True): "true",
        ("en", False): "not true",
    }[(lang, bool(statements[2].correct))]
    msgs, events = run(ActionValues(), _tracker(lang, state, typed))
    state = slot(events, "knowledge")
    assert msgs[0]["custom"]["feedback"]["right"] is True
    # A typed "weet ik niet" (the values exercise's skip) answers the statement that waits.
    msgs, events = run(
        ActionValues(), _tracker(lang, state, "weet ik niet" if lang == "nl" else "don't know")
    )
    state = slot(events, "knowledge")
    assert msgs[0]["custom"]["feedback"]["choice"] == "unsure"
    assert renderer.ui("knowledge_not_known", lang) in msgs[0]["text"]
    [_, result], state = _press(lang, state, statements[4].id, right(statements[4]))
    assert result["custom"]["topic"] == "knowledge_result"
    assert result["custom"]["knowledge_score"] == {"right": 3, "total": 5}
    assert score in result["text"] and state["asked"] is None and state["added"] == {}
    add = result["buttons"][0]
    assert add == {"title": renderer.ui("knowledge_add", lang), "payload": knowledge_payload("add")}
    # Only when the parent asks is the score kept for the summary (in the slot, nowhere else).
    [added], state = _press(lang, state, "add")
    assert state["added"] == {"knowledge_smard": [3, 5]}
    assert added["buttons"][0]["payload"] == "/ask_summary"


def test_stop_gives_the_score_so_far_and_nothing_answered_gives_none(renderer: Renderer) -> None:
    first = renderer.content.knowledge("knowledge_sma")[0]
    _, state = _press("en", None, "knowledge_sma")
    [result], stopped = _press("en", state, "stop")
    assert result["custom"]["knowledge_score"] == {"right": 0, "total": 0}
    assert "You got" not in result["text"]
    assert not any(b["payload"] == knowledge_payload("add") for b in result["buttons"])
    [_, _], state = _press("en", state, first.id, "unsure")
    [result], _ = _press("en", state, "stop")
    assert "You got 0 of 1 right." in result["text"]


def test_anything_else_re_asks_the_statement_or_is_answered_as_a_question(
    renderer: Renderer,
) -> None:
    _, state = _press("nl", None, "knowledge_smard")
    # "klopt dat?" classified as an answer but none of the answers: the statement again.
    msgs, events = run(ActionValues(), _tracker("nl", state, "hmm"))
    assert [m["custom"]["topic"] for m in msgs] == [state["asked"]]
    assert slot(events, "knowledge") is None  # unchanged
    # Typed while no statement waits: answered as any other message, the check not started.
    # (not the values exercise's offer either: "waar" is no skip)
    msgs, events = run(ActionValues(), _tracker("nl", None, "waar"))
    assert [m["custom"]["topic"] for m in msgs] == ["fallback"]
    assert slot(events, "knowledge") is None and slot(events, "values") is None
    # …as the classifier's next guess.
    t = _tracker("en", None, "true")
    t.latest_message["intent_ranking"] = [
        {"name": "values_answer", "confidence": 0.45},
        {"name": "thanks", "confidence": 0.4},
    ]
    msgs, _ = run(ActionValues(), t)
    assert msgs[0]["custom"]["topic"] == "thanks"


def test_the_summary_holds_the_score_only_when_added(renderer: Renderer) -> None:
    latest = {
        "text": "samenvatting",
        "intent": {"name": "ask_summary", "confidence": 0.9},
        "entities": [],
        "metadata": {},
    }
    for state, expected in [
        ({"check": "knowledge_smard", "asked": None, "answers": {"a": "true"}, "added": {}}, {}),
        (
            {
                "check": "knowledge_smard",
                "asked": None,
                "answers": {},
                "added": {"knowledge_smard": [3, 5]},
            },
            {"knowledge_smard": [3, 5]},
        ),
    ]:
        t = Tracker(
            "t",
            {"knowledge": state, "language": "nl"},
            latest,
            [],
            False,
            None,
            {},
            "action_listen",
        )
        [m], _ = run(ActionSummary(), t)
        assert m["custom"]["summary"]["knowledge"] == expected


@pytest.mark.parametrize(
    "lang,line", [("nl", "SMARD: 3 van de 5 goed"), ("en", "SMARD: 3 of 5 right")]
)
def test_the_summary_section(renderer: Renderer, lang: str, line: str) -> None:
    ok = {"language": lang, "topics": [], "values": {}, "knowledge": {"knowledge_smard": [3, 5]}}
    summary = summaries.compose(renderer, summaries.parse_request(ok, renderer), dt.date.today())
    assert summary.knowledge == [line]
    text = summaries.as_text(summary)
    assert f"{renderer.ui('summary_knowledge', lang)}:\n- {line}" in text
    pdf = PdfReader(io.BytesIO(summary_pdf.as_pdf(summary)))
    squashed = re.sub(r"\s+", "", "".join(p.extract_text() for p in pdf.pages))
    for shown in (renderer.ui("summary_knowledge", lang), line):
        assert re.sub(r"\s+", "", shown) in squashed
    none = summaries.compose(
        renderer, summaries.parse_request({**ok, "knowledge": {}}, renderer), dt.date.today()
    )
    assert none.knowledge == [] and renderer.ui("summary_knowledge", lang) not in summaries.as_text(
        none
    )
    for bad in [
        {"knowledge_smard": [6, 5]},
        {"knowledge_smard": [3, 9]},
        {"knowledge_x": [1, 1]},
        {"knowledge_smard": [True, 5]},
        {"knowledge_smard": "3/5"},
        ["knowledge_smard"],
        {"knowledge_sma": [1, 5]},
    ]:
        assert summaries.parse_request({**ok, "knowledge": bad}, renderer) is None, bad
