"""Request rules shared by the parents' and the console's routes (bot/web/request_rules.py), by table."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import make_mocked_request

from bot.config.paths import ROOT
from bot.conversation.payloads import load_grammar
from bot.conversation.published import PublishedRenderer
from bot.conversation.render import Renderer
from bot.web import request_rules
from bot.web.request_rules import (
    ERROR_KINDS,
    MAX_MESSAGE_CHARS,
    as_response,
    error,
    error_message,
    parse_chat,
)
from bot.web.ui_texts import PUBLISHED

SENDER = "abcdefgh" * 4  # 32 characters: the shortest accepted


def _request(published: PublishedRenderer) -> web.Request:
    """A request to an application serving the bundle `published` stands for."""
    app = web.Application()
    app[PUBLISHED] = published
    return make_mocked_request("GET", "/", app=app)


@pytest.mark.parametrize(
    "body, kind",
    [
        (None, "bad_request"),
        ([], "bad_request"),
        ("text", "bad_request"),
        ({}, "bad_request"),
        ({"sender": SENDER}, "bad_request"),
        ({"sender": SENDER, "message": None}, "bad_request"),
        ({"sender": SENDER, "message": 5}, "bad_request"),
        ({"sender": SENDER, "message": "hi", "metadata": 1}, "bad_request"),
        ({"sender": "a" * 31, "message": "hi"}, "bad_request"),  # 31 characters: guessable
        ({"sender": "abcdefgh", "message": "hi"}, "bad_request"),
        ({"sender": "a" * 65, "message": "hi"}, "bad_request"),
        ({"sender": SENDER + "!", "message": "hi"}, "bad_request"),
        ({"sender": "abc " + SENDER, "message": "hi"}, "bad_request"),
        ({"sender": SENDER + "\n", "message": "hi"}, "bad_request"),
        ({"sender": 10**40, "message": "hi"}, "bad_request"),
        ({"message": "hi"}, "bad_request"),
        ({"sender": SENDER, "message": "x" * (MAX_MESSAGE_CHARS + 1)}, "too_long"),
        ({"sender": SENDER, "message": "hi", "metadata": [1]}, "bad_request"),
        ({"sender": SENDER, "message": "hi", "metadata": "nl"}, "bad_request"),
    ],
)
def test_rejected(body: Any, kind: str) -> None:
    assert parse_chat(body) == (None, kind)


@pytest.mark.parametrize("sender", ["abcdefgh" * 4, "A" * 64, "a-b_c-D9e" * 4, "0123456789" * 4])
def test_accepted_senders(sender: str) -> None:
    clean, err = parse_chat({"sender": sender, "message": "hoi"})
    assert err is None and clean == {
        "sender": sender,
        "message": "hoi",
        "metadata": {"surface": "web"},
    }


def test_longest_message_is_accepted() -> None:
    message = "x" * MAX_MESSAGE_CHARS
    assert MAX_MESSAGE_CHARS == 2000
    clean, err = parse_chat({"sender": SENDER, "message": message})
    assert err is None and clean is not None and clean["message"] == message
    assert parse_chat({"sender": SENDER, "message": ""})[1] is None


@pytest.mark.parametrize(
    "meta, expected",
    [
        (None, {"surface": "web"}),
        ({}, {"surface": "web"}),
        ({"language": "en"}, {"language": "en", "surface": "web"}),
        ({"language": "nl"}, {"language": "nl", "surface": "web"}),
        ({"language": "de"}, {"surface": "web"}),
        ({"language": ["en"]}, {"surface": "web"}),
        ({"surface": "kiosk"}, {"surface": "kiosk"}),
        ({"surface": "console"}, {"surface": "web"}),  # a parent cannot claim the console's preview
        ({"surface": "preview"}, {"surface": "web"}),
        ({"condition": "sma"}, {"condition": "sma", "surface": "web"}),
        ({"condition": "smard"}, {"condition": "smard", "surface": "web"}),
        ({"condition": "cf"}, {"surface": "web"}),
        (
            {"language": "en", "surface": "kiosk", "condition": "smard", "sender": "x", "extra": 1},
            {"language": "en", "surface": "kiosk", "condition": "smard"},
        ),
    ],
)
def test_metadata_is_cleaned(meta: Any, expected: dict[str, str]) -> None:
    body = {"sender": SENDER, "message": "hoi"}
    if meta is not None:
        body["metadata"] = meta
    clean, err = parse_chat(body)
    assert err is None and clean is not None
    assert clean["metadata"] == expected


def test_surfaces_are_those_of_the_route() -> None:
    console = ("console",)
    body = {"sender": SENDER, "message": "hoi", "metadata": {"surface": "kiosk"}}
    assert parse_chat(body, console)[0]["metadata"] == {"surface": "console"}  # type: ignore[index]
    body["metadata"] = {"surface": "console"}
    assert parse_chat(body, console)[0]["metadata"] == {"surface": "console"}  # type: ignore[index]
    assert request_rules.PARENT_SURFACES == ("web", "kiosk")


@pytest.mark.parametrize("kind", ERROR_KINDS)
@pytest.mark.parametrize("lang, asked", [("nl", "nl"), ("en", "en"), ("nl", "de"), ("nl", None)])
def test_errors_in_the_users_language(
    kind: str, lang: str, asked: Any, renderer: Renderer, published: PublishedRenderer
) -> None:
    response = error(_request(published), kind, asked, 418)
    assert response.status == 418
    assert response.content_type == "application/json"
    expected = renderer.ui_filled(f"error_{kind}", lang, max_chars=str(MAX_MESSAGE_CHARS))
    assert json.loads(response.body) == {"error": kind, "message": expected}


def test_error_texts(renderer: Renderer) -> None:
    """The texts come from content/ui.yml and its catalog, with the limit filled in."""
    for lang in ("nl", "en"):
        assert str(MAX_MESSAGE_CHARS) in (error_message(renderer, "too_long", lang) or "")
        assert "{" not in (error_message(renderer, "too_long", lang) or "{")
        assert "112" in (error_message(renderer, "unavailable", lang) or "")
    assert (error_message(renderer, "bad_request", "en") or "").startswith("I could not read")
    assert (error_message(renderer, "unavailable", "nl") or "").startswith(
        "De chat is even niet bereikbaar"
    )


def test_an_error_without_its_text_leaves_the_message_to_the_page(
    renderer: Renderer, tmp_path: Path
) -> None:
    """Nothing published (or no current translation): the page shows the offline text it
    loaded at start, rather than the server inventing one."""
    unpublished = PublishedRenderer(renderer.settings, tmp_path)  # nothing published there
    assert json.loads(error(_request(unpublished), "unavailable", "nl", 503).body) == {
        "error": "unavailable",
        "message": None,
    }


async def test_as_response_passes_responses_and_turns_raised_errors_into_responses() -> None:
    async def ok(request: Any) -> web.Response:
        return web.Response(text="fine", status=201)

    async def forbidden(request: Any) -> web.Response:
        raise web.HTTPForbidden(text="no")

    async def redirect(request: Any) -> web.Response:
        raise web.HTTPFound("/console/login")

    async def crash(request: Any) -> web.Response:
        raise ValueError("boom")

    r = await as_response(ok, None)  # type: ignore[arg-type]
    assert (r.status, r.text) == (201, "fine")
    r = await as_response(forbidden, None)  # type: ignore[arg-type]
    assert isinstance(r, web.Response) and not isinstance(r, web.HTTPException)
    assert (r.status, r.text, r.reason) == (403, "no", "Forbidden")
    r = await as_response(redirect, None)  # type: ignore[arg-type]
    assert r.status == 302 and r.headers["Location"] == "/console/login"
    with pytest.raises(ValueError):
        await as_response(crash, None)  # type: ignore[arg-type]


def test_limits() -> None:
    assert request_rules.MAX_BODY_BYTES == 64 * 1024
    assert (
        request_rules.SETTINGS.__class__ is web.AppKey
        and request_rules.HTTP_CLIENT.__class__ is web.AppKey
    )
    assert request_rules.GRAMMAR.__class__ is web.AppKey


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,  # would be a RecursionError in json.loads
        '{"a":' * 50_000 + "1" + "}" * 50_000,
        "",
        "{",
        "nul",
        "{'sender': 1}",
    ],
)
def test_loads_refuses_what_is_not_json_as_a_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        request_rules.loads(text)


def test_loads_reads_ordinary_json() -> None:
    assert request_rules.loads('{"sender": "x", "m": [1, {"a": null}]}') == {
        "sender": "x",
        "m": [1, {"a": None}],
    }


GRAMMAR = load_grammar(ROOT / "domain.yml")


@pytest.mark.parametrize(
    "message, kept",
    [
        ("/greet", True),
        ("/more_detail", True),
        ('/more_detail{"topic": "smard_what"}', True),
        ('/values_answer{"values_question":"q1","values_choice":"a"}', True),
        (
            '/values_answer{"knowledge_statement":"knowledge_carriers","knowledge_choice":"true"}',
            True,
        ),
        ('/switch_language{"language": "en"}', True),
        ("/no_such_intent", False),
        ("/greet extra words", False),
        ("//greet", False),
        ('/more_detail{"topic": {"x": 1}}', False),
        ('/more_detail{"topic": ["a"]}', False),
        ('/more_detail{"topic": 5}', False),
        ('/more_detail{"unknown_entity": "a"}', False),
        ('/more_detail{"topic": "' + "a" * 101 + '"}', False),
        ("/more_detail{broken", False),
        ('/more_detail["topic"]', False),
        ("/", False),
        ("/ hoe erft smard", False),
    ],
)
def test_payload_grammar(message: str, kept: bool) -> None:
    assert GRAMMAR.is_payload(message) is kept
    clean, err = parse_chat({"sender": SENDER, "message": message}, grammar=GRAMMAR)
    assert err is None and clean is not None
    assert (clean["message"] == message) is kept
    if not kept:
        assert not clean["message"].startswith("/")


def test_text_is_left_alone_by_the_grammar() -> None:
    for text in ("wat is smard", "  hallo", "50/50 kans?", ""):
        assert GRAMMAR.as_message(text) == text


def test_grammar_is_read_from_the_domain() -> None:
    assert {"greet", "more_detail", "values_answer", "switch_language"} <= GRAMMAR.intents
    assert GRAMMAR.entities == {
        "condition",
        "language",
        "topic",
        "values_question",
        "values_choice",
        "knowledge_statement",
        "knowledge_choice",
        "question_kind",
    }


def test_replicas_are_taken_in_turn_and_the_others_follow() -> None:
    from bot.web.rasa_proxy import Replicas

    r = Replicas((5005, 5006, 5007))
    firsts = [r.order() for _ in range(4)]
    assert [o[0].split(":")[2].split("/")[0] for o in firsts] == ["5005", "5006", "5007", "5005"]
    assert all(sorted(o) == sorted(firsts[0]) and len(o) == 3 for o in firsts)
    assert firsts[1] == [f"http://127.0.0.1:{p}/webhooks/rest/webhook" for p in (5006, 5007, 5005)]
    assert Replicas((5005,)).order() == ["http://127.0.0.1:5005/webhooks/rest/webhook"]


@pytest.mark.parametrize(
    "peer, forwarded, trusted, expected",
    [
        ("10.0.0.5", None, (), "10.0.0.5"),
        ("10.0.0.5", "203.0.113.9", (), "10.0.0.5"),  # an untrusted peer is not believed
        ("127.0.0.1", "203.0.113.9", ("127.0.0.1",), "203.0.113.9"),
        ("127.0.0.1", "198.51.100.1, 203.0.113.9", ("127.0.0.1",), "203.0.113.9"),  # nginx's own
        ("127.0.0.1", "not-an-address", ("127.0.0.1",), "127.0.0.1"),
        ("127.0.0.1", None, ("127.0.0.1",), "127.0.0.1"),
        ("127.0.0.1", "2001:db8::1", ("127.0.0.1",), "2001:db8::1"),
    ],
)
def test_client_address_behind_a_trusted_proxy(
    peer: str, forwarded: str | None, trusted: tuple[str, ...], expected: str
) -> None:
    from aiohttp.test_utils import make_mocked_request

    from bot.web.request_rules import client_address

    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    request = make_mocked_request("POST", "/api/chat", headers=headers)
    assert client_address(request.clone(remote=peer), trusted) == expected
