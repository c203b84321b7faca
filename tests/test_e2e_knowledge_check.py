"""The knowledge check end to end, through our web server and the real Rasa and action
servers, in both languages: offered after the comparison and after the SMN2 step, buttons and
typed answers, the feedback with the cited text and its source line, the score, and the score in
the summary only once the parent adds it."""

from __future__ import annotations

import pytest
import requests

from bot.conversation.payloads import knowledge_payload
from bot.conversation.render import Renderer
from tests.test_e2e_decision_aid import Chat

TYPED = {
    "nl": {True: "waar", False: "niet waar", None: "weet ik niet"},
    "en": {True: "true", False: "not true", None: "don't know"},
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_smard_check_after_the_comparison_over_rest(
    web_url: str, renderer: Renderer, lang: str
) -> None:
    chat = Chat(web_url, lang)
    [comparison] = chat.say('/ask_comparison{"condition":"smard"}')
    begin = next(b for b in comparison["buttons"] if "knowledge_statement" in b["payload"])
    assert begin == {
        "title": renderer.ui("knowledge_begin", lang),
        "payload": knowledge_payload("knowledge_smard"),
    }
    [intro, statement] = chat.say(begin["payload"])
    assert intro["custom"]["topic"] == "knowledge_intro" and intro["custom"]["language"] == lang
    statements = renderer.content.knowledge("knowledge_smard")
    # right by button, wrong by button, right typed, "don't know" typed, right by button
    plan = [("button", True), ("button", False), ("typed", True), ("typed", None), ("button", True)]
    for s, (how, right) in zip(statements, plan):
        assert statement["custom"]["topic"] == s.id
        value = None if right is None else (s.correct if right else not s.correct)
        if how == "button":
            pressed = renderer.ui("knowledge_true" if value else "knowledge_false", lang)
            [message] = [b["payload"] for b in statement["buttons"] if b["title"] == pressed]
        else:
            message = TYPED[lang][value]
        replies = chat.say(message)
        assert len(replies) == 2, [
            (m.get("custom", {}).get("topic"), m.get("text", "")[:80]) for m in replies
        ]
        feedback, statement = replies
        cited = renderer.content.answers[s.cites["answer"]]
        assert feedback["custom"]["feedback"]["right"] is bool(right)
        assert renderer.field(cited, s.cites["text"], lang) in feedback["text"]
        assert (renderer.source_line(cited, lang) or "-") in feedback["text"]
    result = statement
    assert result["custom"]["knowledge_score"] == {"right": 3, "total": 5}
    assert renderer.ui_filled("knowledge_score", lang, right="3", total="5") in result["text"]
    [offer] = chat.say("/ask_summary")
    assert offer["custom"]["summary"]["knowledge"] == {}  # not added: not in the summary
    [added] = chat.say(knowledge_payload("add"))
    assert added["custom"]["topic"] == "knowledge_added"
    [offer] = chat.say(added["buttons"][0]["payload"])
    request = offer["custom"]["summary"]
    assert request["knowledge"] == {"knowledge_smard": [3, 5]}
    summary = requests.post(f"{web_url}/api/summary", json=request, timeout=30).json()
    assert summary["knowledge_heading"] == renderer.ui("summary_knowledge", lang)
    assert summary["knowledge"] == [
        renderer.ui_filled("summary_knowledge_line", lang, condition="SMARD", right="3", total="5")
    ]
    bad = {**request, "knowledge": {"knowledge_smard": [9, 5]}}
    assert requests.post(f"{web_url}/api/summary", json=bad, timeout=30).status_code == 400


@pytest.mark.parametrize(
    "lang,question",
    [
        ("nl", "wat betekent het aantal SMN2-kopieën?"),
        ("en", "what does the number of SMN2 copies mean?"),
    ],
)
def test_the_smn2_check_after_the_smn2_step_over_rest(
    web_url: str, renderer: Renderer, lang: str, question: str
) -> None:
    chat = Chat(web_url, lang)
    [smn2] = chat.say(question)
    assert smn2["custom"]["topic"] == "sma_smn2"
    assert {
        "title": renderer.ui("knowledge_begin", lang),
        "payload": knowledge_payload("knowledge_sma"),
    } in smn2["buttons"]
    [_, first] = chat.say(knowledge_payload("knowledge_sma"))
    assert first["custom"]["knowledge"] == {"number": 1, "total": 3}
    [_, second] = chat.say(knowledge_payload(first["custom"]["topic"], "true"))
    [stop] = [
        b["payload"] for b in second["buttons"] if b["title"] == renderer.ui("knowledge_stop", lang)
    ]
    [result] = chat.say(stop)
    assert result["custom"]["knowledge_score"] == {"right": 1, "total": 1}
