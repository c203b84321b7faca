"""The decision aid's logic: the comparison (one source of truth for every number), the values
exercise (never a ranking or a recommendation, over every combination of answers), and the
personal summary (vetted content only; PDF and QR text)."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
from typing import Any

import pytest
import yaml
from pypdf import PdfReader
from rasa_sdk import Tracker

from actions.summary import ActionSummary
from actions.values_exercise import ActionValues
from bot.config.paths import ROOT
from bot.conversation.comparison import COLUMNS
from bot.conversation.render import Renderer
from bot.decision_aid import summary as summaries
from bot.decision_aid import summary_pdf, values
from tests.test_actions import run, slot

NUMBER = re.compile(r"\d[\d.,]*(?:\s?%)?")
# Words that would rank, recommend or steer, in both languages.
STEERING = re.compile(
    r"\b(best\w*|beter|aanbevol\w*|aanrad\w*|aan te raden|advies om|adviseer|raad(en)? (u|je) aan|"
    r"moet(en)? kiezen|kies voor|recommend\w*|should choose|better|advise you|suits you best|"
    r"top|winner|score|punten|points|ranking|rangorde: 1)\b",
    re.I,
)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_number_in_the_comparison_is_the_number_in_its_answer(
    renderer: Renderer, lang: str
) -> None:
    comparison = renderer.content.answers["options_comparison"]
    [message] = renderer.answer(comparison, lang)
    table = message.custom["comparison"]
    options = renderer.content.flows["options"][1:]
    assert [r["answer"] for r in table["rows"]] == options  # all six, in the content's order
    assert [c["part"] for c in table["columns"]] == list(COLUMNS)
    filled = 0
    for row in table["rows"]:
        [served] = renderer.answer(renderer.content.answers[row["answer"]], lang)
        assert len(row["cells"]) == len(COLUMNS)
        for cell in row["cells"]:
            if cell["filled"]:
                filled += 1
                assert cell["answer"] == row["answer"]  # it links to the answer it comes from
                assert cell["text"] in served.text  # the very text, numbers and all
                for number in NUMBER.findall(cell["text"]):
                    assert number in served.text, (row["answer"], number)
            else:
                assert not NUMBER.search(cell["text"]), (row["answer"], cell)
                assert cell["text"] == renderer.ui("ask_counsellor", lang)
    assert filled >= 12
    risks = {r["answer"]: r["cells"][COLUMNS.index("risks")]["text"] for r in table["rows"]}
    # Each number as the leaflet gives it, as a natural frequency with the percentage: 25% (1 op 4)
    # is 25 in 100 as everywhere else (answers, picture), 0,3 procent (3 op 1000) is 3 in 1,000,
    # never 250 in 1,000 (issue 15).
    assert {"nl": "3 van de 1.000 (0,3%)", "en": "3 in 1,000 (0.3%)"}[lang] in risks[
        "option_prenatal"
    ]
    assert {"nl": "25 van de 100 (25%)", "en": "25 in 100 (25%)"}[lang] in risks[
        "option_no_testing"
    ]
    assert "250" not in risks["option_no_testing"]
    tells = {r["answer"]: r["cells"][COLUMNS.index("tells")]["text"] for r in table["rows"]}
    assert {"nl": "98 van de 100 (98%)", "en": "98 in 100 (98%)"}[lang] in tells["option_pgt"]


def _all_answer_combinations(renderer: Renderer) -> list[dict[str, str]]:
    questions = renderer.content.exercise
    per_question = [[None, *q.choices] for q in questions]  # None: skipped
    combos = []
    for picks in itertools.product(*per_question):
        combos.append({q.id: c for q, c in zip(questions, picks) if c is not None})
    return combos


def table_of(message):  # type: ignore[no-untyped-def]
    return message.custom["values_result"]


# Which option each answer speaks for, against or asks to discuss, read straight from the
# reviewed content file (not through bot.content.content / bot.decision_aid.values, which the result is made by).
_RAW_EXERCISE = {
    item["id"]: item
    for item in yaml.safe_load(
        (ROOT / "content" / "answers" / "decision_aid.yml").read_text(encoding="utf-8")
    )
    if isinstance(item, dict) and item.get("kind") == "exercise"
}


def _assert_statements_follow_the_reviewed_relations(
    renderer: Renderer, answers: dict[str, str], table: dict, lang: str
) -> None:  # type: ignore[type-arg]
    if not answers:
        assert table["rows"] == []
        return
    for row in table["rows"]:
        for rel in values.RELATIONS:
            expected = [
                renderer.field(renderer.content.answers[qid], f"said.{choice}", lang)
                for qid, choice in answers.items()
                if row["answer"]
                in ((_RAW_EXERCISE[qid].get("relations") or {}).get(choice) or {}).get(rel, [])
            ]
            assert sorted(row[rel]) == sorted(expected), (answers, row["answer"], rel)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_values_result_never_ranks_or_recommends(renderer: Renderer, lang: str) -> None:
    questions = renderer.content.exercise
    assert 1 <= len(questions) <= 6
    combos = _all_answer_combinations(renderer)
    assert len(combos) == 3**5 * 4
    order = renderer.content.flows["options"][1:]
    counsellor = "erfelijkheidsadviseur" if lang == "nl" else "genetic counsellor"
    # The fixed frame says it is no ranking and no advice, and sends them to the counsellor;
    # everything after it depends on the answers and must not steer.
    frame = renderer.field(renderer.content.answers[values.RESULT_ID], "short", lang)
    assert counsellor in frame
    for answers in combos:
        [message] = values.result_message(renderer, answers, lang)
        assert message.text.startswith(frame)
        rest = message.text[len(frame) :]
        assert not STEERING.search(rest), (answers, STEERING.search(rest))
        assert message.custom["values"] == answers and message.custom["values"] is not answers
        _assert_statements_follow_the_reviewed_relations(renderer, answers, table_of(message), lang)
        table = message.custom["values_result"]
        if answers:
            assert [r["answer"] for r in table["rows"]] == order  # every option, fixed order
        statements = [s for r in table["rows"] for rel in values.RELATIONS for s in r[rel]]
        assert not any(NUMBER.search(s) or STEERING.search(s) for s in statements)
        labels = [r["label"] for r in table["rows"]]
        assert not any(NUMBER.search(label) for label in labels)


def test_every_answer_shows_in_the_result_and_a_wish_fits_somewhere(renderer: Renderer) -> None:
    """Whatever a parent answers, "less important" too, the result shows it under some option
    (the summary repeats every answer, so the result must not leave one out); and an answer
    that makes an option fit less also fits some other option (issue 13: avoiding a procedure
    during pregnancy was only ever "fits less")."""
    content = renderer.content
    for question in content.exercise:
        for choice in question.choices:
            fits = values.result(content, {question.id: choice})
            shown = {rel for fit in fits for rel, items in fit.statements.items() if items}
            assert shown, (question.id, choice, "appears nowhere in the result")
            if "against" in shown:
                assert "for" in shown, (question.id, choice, "only ever fits less")


def test_each_question_says_why_and_can_be_skipped(renderer: Renderer) -> None:
    for lang, why in [("nl", "Waarom ik dit vraag"), ("en", "Why I ask")]:
        for question in renderer.content.exercise:
            message = values.question_message(renderer, question, lang)
            assert why in message.text
            payloads = [b["payload"] for b in message.buttons]
            assert any('"values_choice":"skip"' in p for p in payloads)
            assert any('"values_choice":"finish"' in p for p in payloads)
            assert len(message.buttons) == len(question.choices) + 2


def _values_tracker(lang: str, state: Any, question: str | None, choice: str | None) -> Tracker:
    entities = [{"entity": "values_question", "value": question}] if question else []
    if choice:
        entities.append({"entity": "values_choice", "value": choice})
    text = "/values_answer" if question else ("sla over" if lang == "nl" else "skip")
    latest = {
        "text": text,
        "intent": {"name": "values_answer", "confidence": 1.0},
        "entities": entities,
        "metadata": {"language": lang},
    }
    return Tracker(
        "t", {"values": state, "language": lang}, latest, [], False, None, {}, "action_listen"
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_exercise_through_the_action_with_skips(lang: str) -> None:
    msgs, events = run(ActionValues(), _values_tracker(lang, None, "begin", None))
    assert msgs[0]["custom"]["topic"] == "values_know_before"
    state = slot(events, "values")
    msgs, events = run(
        ActionValues(), _values_tracker(lang, state, "values_know_before", "important")
    )
    state = slot(events, "values")
    assert state["answers"] == {"values_know_before": "important"}
    # A typed "skip" skips the question last asked.
    msgs, events = run(ActionValues(), _values_tracker(lang, state, None, None))
    assert msgs[0]["custom"]["topic"] == "values_own_child"
    state = slot(events, "values")
    for _ in range(4):
        msgs, events = run(ActionValues(), _values_tracker(lang, state, state["asked"], "skip"))
        state = slot(events, "values")
    [result] = msgs
    assert result["custom"]["topic"] == "values_result"
    assert result["custom"]["values"] == {"values_know_before": "important"}
    pgt = next(r for r in result["custom"]["values_result"]["rows"] if r["answer"] == "option_pgt")
    assert len(pgt["for"]) == 1 and pgt["against"] == []


def test_skipping_everything_gives_an_honest_empty_result() -> None:
    state = None
    msgs, events = run(ActionValues(), _values_tracker("en", state, "begin", None))
    state = slot(events, "values")
    while state["asked"]:
        msgs, events = run(ActionValues(), _values_tracker("en", state, state["asked"], "skip"))
        state = slot(events, "values")
    assert "You did not answer any questions" in msgs[0]["text"]
    assert msgs[0]["custom"]["values_result"]["rows"] == []


def test_the_summary_action_collects_topics_and_values_but_no_text() -> None:
    def bot(topic: str, kind: str = "medical", status: str = "served") -> dict[str, Any]:
        return {
            "event": "bot",
            "text": "…",
            "data": {"custom": {"topic": topic, "kind": kind, "status": status}},
        }

    events = [
        bot("greet", "conversation"),
        bot("smard_inheritance"),
        bot("sma_options", status="draft"),
        bot("option_pgt"),
        bot("smard_inheritance"),
    ]
    latest = {
        "text": "samenvatting",
        "intent": {"name": "ask_summary", "confidence": 0.9},
        "entities": [],
        "metadata": {},
    }
    t = Tracker(
        "t",
        {"values": {"asked": None, "answers": {"values_avoid_ivf": "important"}}, "language": "nl"},
        latest,
        events,
        False,
        None,
        {},
        "action_listen",
    )
    [m], _ = run(ActionSummary(), t)
    assert m["custom"]["summary"] == {
        "language": "nl",
        "topics": ["smard_inheritance", "option_pgt"],
        "values": {"values_avoid_ivf": "important"},
        "knowledge": {},
    }
    assert "3 goede vragen" in m["text"]


def test_summary_requests_only_admit_vetted_content(renderer: Renderer) -> None:
    ok = {"language": "en", "topics": ["smard_inheritance"], "values": {"values_avoid_ivf": "less"}}
    assert summaries.parse_request(ok, renderer) is not None
    for bad in [
        {**ok, "language": "de"},
        {**ok, "topics": ["sma_options"]},  # a draft
        {**ok, "topics": ["greet"]},
        {**ok, "topics": ["<script>"]},
        {**ok, "values": {"values_avoid_ivf": "maybe"}},
        {**ok, "topics": "x"},
        {**ok, "topics": ["smard_what"] * 41},
        "nonsense",
        None,
    ]:
        assert summaries.parse_request(bad, renderer) is None, bad


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_summary_text_and_pdf_hold_topics_values_and_the_three_questions(
    renderer: Renderer, lang: str
) -> None:
    request = summaries.parse_request(
        {
            "language": lang,
            "topics": ["smard_inheritance", "option_prenatal"],
            "values": {"values_own_child": "important"},
        },
        renderer,
    )
    summary = summaries.compose(renderer, request, dt.date(2026, 11, 22))
    text = summaries.as_text(summary)
    for topic in ("smard_inheritance", "option_prenatal"):
        answer = renderer.content.answers[topic]
        assert renderer.label(answer, lang) in text
        assert renderer.source_line(answer, lang) in text
    assert (
        renderer.field(renderer.content.answers["values_own_child"], "said.important", lang) in text
    )
    for key in summaries.THREE_QUESTIONS:
        assert renderer.ui(key, lang) in text
    assert ("22 november 2026" if lang == "nl" else "22 November 2026") in text
    pdf = PdfReader(io.BytesIO(summary_pdf.as_pdf(summary)))
    squashed = re.sub(r"\s+", "", "".join(p.extract_text() for p in pdf.pages))
    for line in [
        renderer.label(renderer.content.answers["option_prenatal"], lang),
        renderer.ui("three_questions_3", lang),
        summary.values[0],
    ]:
        assert re.sub(r"\s+", "", line) in squashed


def test_qr_text_always_fits(renderer: Renderer) -> None:
    every = [
        a.id for a in renderer.content.answers.values() if a.kind == "medical" and a.review.approved
    ][: summaries.MAX_TOPICS]
    request = summaries.parse_request({"language": "nl", "topics": every, "values": {}}, renderer)
    summary = summaries.compose(renderer, request, dt.date(2026, 11, 22))
    text = summaries.qr_text(summary)
    assert len(text.encode()) <= summaries.QR_MAX_BYTES
    assert summaries.qr_svg(text).startswith(b"<svg")
    short = summaries.compose(
        renderer,
        summaries.parse_request(
            {"language": "nl", "topics": ["smard_what"], "values": {}}, renderer
        ),
        dt.date.today(),
    )
    assert summaries.qr_text(short) == summaries.as_text(short)  # with its source line
