"""Our web server on its own, in-process (pytest-aiohttp): pages, headers, input checks, and
Rasa being down."""

from __future__ import annotations

import re
import socket
from typing import Any

from bot.config.paths import STATIC_DIR
from bot.web.request_rules import parse_chat


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_rasa_down_gives_a_clear_message_in_the_users_language(web_client: Any) -> None:
    """Our web application, in-process, pointed at a Rasa port where nothing listens."""
    client = await web_client(rasa_port=free_port(), rasa_replicas=1)
    for lang, phrase in [
        ("nl", "De chat is even niet bereikbaar"),
        ("en", "The chat cannot be reached"),
    ]:
        resp = await client.post(
            "/api/chat",
            json={"sender": "abcdef123456" * 3, "message": "hallo", "metadata": {"language": lang}},
        )
        assert resp.status == 503
        message = (await resp.json())["message"]
        assert message.startswith(phrase)
        assert "112" in message
    assert (await client.get("/health")).status == 200


async def test_page_and_headers(web_client: Any) -> None:
    client = await web_client()
    resp = await client.get("/")
    assert resp.status == 200 and "<main" in await resp.text()
    csp = resp.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert resp.headers["Referrer-Policy"] == "no-referrer"
    assert (await client.get("/static/chat.js")).status == 200


def test_nothing_we_serve_loads_from_elsewhere() -> None:
    for path in STATIC_DIR.rglob("*"):
        if path.suffix in {".html", ".js", ".css"}:
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", text), path
            assert "@import" not in text and "fonts.googleapis" not in text, path


def test_parse_chat_keeps_only_known_metadata() -> None:
    clean, problem = parse_chat(
        {
            "sender": "abcdef123456" * 3,
            "message": "hoi",
            "metadata": {"language": "en", "surface": "evil", "condition": "x", "extra": "dropped"},
        }
    )
    assert problem is None
    assert clean["metadata"] == {"language": "en", "surface": "web"}
    assert parse_chat({"sender": "abcdef123456" * 3, "message": "x" * 2001})[1] == "too_long"
    assert parse_chat(["not", "an", "object"])[1] == "bad_request"
