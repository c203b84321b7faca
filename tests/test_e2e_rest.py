"""Whole conversations over Rasa's REST channel and through our web server, real processes."""

from __future__ import annotations

import uuid
from typing import Any, Optional

import pytest
import requests

from bot.config.config import Config
from bot.web.rest_format import merge_custom


class Chat:
    """One conversation with the REST webhook (or our proxy), as a client would hold it."""

    def __init__(self, url: str, metadata: Optional[dict[str, Any]] = None, proxy: bool = False):
        self.url, self.metadata, self.proxy = url, metadata, proxy
        self.sender = uuid.uuid4().hex
        self.last: list[dict[str, Any]] = []

    def say(self, text: str) -> dict[str, Any]:
        body: dict[str, Any] = {"sender": self.sender, "message": text}
        if self.metadata:
            body["metadata"] = self.metadata
        resp = requests.post(self.url, json=body, timeout=60)
        assert resp.status_code == 200, resp.text
        data = resp.json()
        self.last = data["messages"] if self.proxy else merge_custom(data)
        assert self.last, f"no reply to {text!r}"
        return self.last[0]

    def press(self, title_part: str) -> dict[str, Any]:
        """Press the button whose title contains `title_part`."""
        buttons = [b for m in self.last for b in m.get("buttons", [])]
        matches = [b for b in buttons if title_part in b["title"]]
        assert matches, f"no button {title_part!r} in {[b['title'] for b in buttons]}"
        return self.say(matches[0]["payload"])


def topic(m: dict[str, Any]) -> str:
    return m["custom"]["topic"]


def test_dutch_conversation(rest_url: str) -> None:
    chat = Chat(rest_url)
    m = chat.say("hallo")
    assert topic(m) == "greet" and "Ik ben een chatbot, geen mens" in m["text"]
    assert len(m["buttons"]) >= 5
    m = chat.say("wat is smard precies")
    assert topic(m) == "smard_what" and m["custom"]["language"] == "nl"
    m = chat.press("Meer uitleg")
    assert (
        m["custom"]["layer"] == "more" and "minder dan 1 op de miljoen" in m["text"]
    )  # as the leaflet says it
    m = chat.say("is het erfelijk")  # the conversation is about SMARD now: no need to ask
    assert topic(m) == "smard_inheritance"
    m = chat.say("hoe groot is de kans dat ons volgende kind het ook krijgt")
    assert topic(m) == "smard_chance" and "25 van de 100 (25%)" in m["text"]
    m = chat.press("welke mogelijkheden")
    assert topic(m) == "options_overview"
    seen = []
    m = chat.press("Zwanger worden zonder onderzoek naar SMARD")
    while True:
        seen.append(topic(m))
        assert "**Wat is het?**" in m["text"] and "**Waar kunt u terecht?**" in m["text"]
        nxt = [b for b in m["buttons"] if b["title"].startswith("Volgende:")]
        if not nxt:
            break
        m = chat.say(nxt[0]["payload"])
    assert seen == [
        "option_no_testing",
        "option_prenatal",
        "option_pgt",
        "option_donation",
        "option_adoption",
        "option_no_children",
    ]
    m = chat.press("Terug naar")
    assert topic(m) == "options_overview"
    m = chat.press("Praat met een adviseur")
    assert topic(m) == "handoff" and "Telefoon" in m["text"]
    m = chat.say("bedankt, doei")
    assert topic(m) in {"thanks", "goodbye"}


def test_english_conversation_with_the_screening_flow(rest_url: str) -> None:
    chat = Chat(rest_url)
    m = chat.say("hi")
    assert topic(m) == "greet" and "I am a chatbot, not a person" in m["text"]
    m = chat.say("our baby had a positive heel prick test for sma, what now?")
    assert topic(m) == "sma_screening_result" and m["custom"]["language"] == "en"
    steps = [topic(m)]
    while any(b["title"].startswith("Next:") for b in m["buttons"]):
        m = chat.press("Next:")
        steps.append(topic(m))
    assert steps == [
        "sma_screening_result",
        "sma_next_steps",
        "sma_smn2",
        "sma_treatment",
        "sma_doctor_questions",
    ]
    m = chat.say("which gene is it")  # about SMA now
    assert topic(m) == "sma_cause"
    m = chat.say("PGT?")  # too short to tell: stays English
    assert m["custom"]["language"] == "en"


def test_condition_is_asked_when_unknown_and_the_page_can_preset_it(rest_url: str) -> None:
    m = Chat(rest_url).say("is it hereditary")
    assert topic(m) == "ask_condition"
    m = Chat(rest_url, metadata={"condition": "smard"}).say("is it hereditary")
    assert topic(m) == "smard_inheritance"


@pytest.mark.parametrize(
    "text, lang, start",
    [
        ("mijn baby wordt blauw!", "nl", "**Bel nu 112**"),
        ("my baby can't breathe", "en", "**Call 112 now**"),
    ],
)
def test_emergency_first(rest_url: str, text: str, lang: str, start: str) -> None:
    m = Chat(rest_url).say(text)
    assert m["text"].startswith(start) and m["custom"]["language"] == lang


@pytest.mark.parametrize(
    "text, expected, lang",
    [
        ("moeten wij pgt doen?", "personal_advice", "nl"),
        ("does my child have smard?", "personal_advice", "en"),
        ("ik ben zo verdrietig", "distress", "nl"),
        ("i'm so scared", "distress", "en"),
    ],
)
def test_safety_rules(rest_url: str, text: str, expected: str, lang: str) -> None:
    m = Chat(rest_url).say(text)
    assert topic(m) == expected and m["custom"]["language"] == lang


def test_language_follows_the_parent(rest_url: str) -> None:
    chat = Chat(rest_url, metadata={"language": "nl"})
    assert chat.say("what is sma")["custom"]["language"] == "en"  # typed English wins
    m = chat.say("kunnen we in het nederlands verder")
    assert m["text"].startswith("Prima, we gaan verder in het Nederlands")
    assert chat.say("ok")["custom"]["language"] == "nl"


# --- bad input ---------------------------------------------------------------------

BAD_MESSAGES = [
    "",
    " ",
    "x" * 100_000,
    "<img src=x onerror=alert(1)><script>alert(1)</script>",
    "😀😀😀",
    "\u0000\u0001",
    "{{clinic_name}} %s %(x)s",
]


# The status each bad message must get: 413 for the over-long one (refused before Rasa sees
# it), otherwise 200 with a non-empty reply (Rasa's `200 []` means an action failed).
BAD_STATUS = {"100k": 413}


@pytest.mark.parametrize(
    "message", BAD_MESSAGES, ids=["empty", "space", "100k", "html", "emoji", "control", "format"]
)
def test_bad_messages_over_rest_get_a_clear_reply(
    rest_url: str, message: str, request: pytest.FixtureRequest
) -> None:
    kind = request.node.callspec.id
    sender = uuid.uuid4().hex
    resp = requests.post(rest_url, json={"sender": sender, "message": message}, timeout=120)
    assert resp.status_code == BAD_STATUS.get(kind, 200), resp.text[:300]
    if resp.status_code == 200:
        msgs = merge_custom(resp.json())
        assert msgs and all(m.get("text") for m in msgs), msgs
        assert all(m.get("custom", {}).get("topic") for m in msgs if "custom" in m), msgs
        for m in msgs:
            assert "<script>" not in m.get("text", "") and "onerror" not in m.get("text", "")
    else:
        assert "longer than" in resp.text and "characters" in resp.text  # says what the limit is
    # and the server keeps answering
    m = Chat(rest_url).say("wat is smard")
    assert topic(m) == "smard_what"


@pytest.mark.parametrize("body", [b"{not json", b"[]", b'{"message": 5}', b""])
def test_malformed_requests_over_rest(rest_url: str, body: bytes) -> None:
    resp = requests.post(
        rest_url, data=body, headers={"Content-Type": "application/json"}, timeout=30
    )
    assert 400 <= resp.status_code < 500, resp.text
    assert Chat(rest_url).say("what is smard")["custom"]["topic"] == "smard_what"


def test_proxy_answers_like_rest(web_url: str) -> None:
    chat = Chat(f"{web_url}/api/chat", metadata={"language": "en", "surface": "web"}, proxy=True)
    m = chat.say("/greet")
    assert topic(m) == "greet" and m["custom"]["language"] == "en"
    m = chat.say("how is smard inherited")
    assert topic(m) == "smard_inheritance" and "custom" in m and "recipient_id" not in m


@pytest.mark.parametrize(
    "body, status, kind",
    [
        (b"{not json", 400, "bad_request"),
        (b'{"sender": "abc", "message": "hi"}', 400, "bad_request"),  # sender too short
        (
            b'{"sender": "' + b"a1" * 15 + b'", "message": "hi"}',
            400,
            "bad_request",
        ),  # 30: guessable
        (b'{"sender": "' + b"a1" * 16 + b'", "message": 5}', 400, "bad_request"),
        (b'{"sender": "' + b"a1" * 16 + b'", "message": "' + b"x" * 3000 + b'"}', 413, "too_long"),
        (
            b'{"sender": "' + b"a1" * 16 + b'", "message": "' + b"x" * 100_000 + b'"}',
            413,
            "too_long",
        ),
        (b"[" * 20_000 + b"]" * 20_000, 400, "bad_request"),  # deeply nested
        (
            b'{"sender": "'
            + b"a1" * 16
            + b'", "message": "hi", "metadata": '
            + b"[" * 5000
            + b"]" * 5000
            + b"}",
            400,
            "bad_request",
        ),
    ],
)
def test_proxy_rejects_bad_requests_clearly(
    web_url: str, body: bytes, status: int, kind: str
) -> None:
    resp = requests.post(
        f"{web_url}/api/chat",
        data=body,
        timeout=30,
        headers={"Content-Type": "application/json", "X-Chat-Language": "en"},
    )
    assert resp.status_code == status
    data = resp.json()
    assert data["error"] == kind and data["message"]
    assert requests.get(f"{web_url}/health", timeout=10).status_code == 200


def test_retention_on_the_real_tracker_store(rest_url: str, config: Config) -> None:
    import time

    from bot.stores.conversations import forget_older_than, stored_events

    chat = Chat(rest_url)
    chat.say("wat is smard")
    db = config.tracker_store
    assert stored_events(chat.sender, db) > 0
    forget_older_than(time.time() - 3600, db)  # an hour's retention keeps it
    assert stored_events(chat.sender, db) > 0
    assert forget_older_than(time.time() + 1, db) >= 1  # past its retention: gone
    assert stored_events(chat.sender, db) == 0


@pytest.mark.parametrize(
    "question, language",
    [
        ("Hoe erft SMARD over?", None),
        ("what is the chance of another child with smard", None),
        ("wat is een vlokkentest", "nl"),
        ("is it hereditary", "en"),
    ],
)
def test_preview_is_exactly_what_a_parent_gets_and_leaves_nothing(
    rest_url: str, config: Config, question: str, language: Optional[str]
) -> None:
    from bot.ops.evaluate import preview
    from bot.stores.conversations import stored_events

    metadata = {"language": language} if language else None
    parent = Chat(rest_url, metadata=metadata)
    parent.say(question)
    assert stored_events(parent.sender, config.tracker_store) > 0
    senders_before = all_senders(config)
    shown = preview(question, language=language, url=rest_url, db=config.tracker_store)
    assert shown == parent.last
    assert all_senders(config) == senders_before  # the preview's conversation is gone again


def all_senders(config: Config) -> set[str]:
    import sqlite3

    from bot.stores.conversations import tracker_db

    with sqlite3.connect(tracker_db(config.paths.state_dir)) as conn:
        return {row[0] for row in conn.execute("SELECT DISTINCT sender_id FROM events")}
