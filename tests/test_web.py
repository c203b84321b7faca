"""Our web server on its own: pages, headers, input checks, and Rasa being down."""
from __future__ import annotations

import re
import socket
import subprocess
import sys

import pytest
import requests

from bot.config.config import Config
from bot.config.paths import ROOT, STATIC_DIR
from bot.ops.launcher import service_env, wait_for
from bot.web.request_rules import parse_chat


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def web_without_rasa(config: Config):  # type: ignore[no-untyped-def]
    """Our web server pointed at a Rasa port where nothing listens."""
    port = free_port()
    env = dict(service_env(config), BOT_PORT=str(port), BOT_RASA_PORT=str(free_port()))
    proc = subprocess.Popen([sys.executable, "-c", "from bot.web.web import serve; serve()"], cwd=ROOT,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(f"http://127.0.0.1:{port}/health", 30, proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_rasa_down_gives_a_clear_message_in_the_users_language(web_without_rasa: str) -> None:
    for lang, phrase in [("nl", "De chat is even niet bereikbaar"), ("en", "The chat cannot be reached")]:
        resp = requests.post(f"{web_without_rasa}/api/chat", timeout=30, json={
            "sender": "abcdef123456" * 3, "message": "hallo", "metadata": {"language": lang}})
        assert resp.status_code == 503
        assert resp.json()["message"].startswith(phrase)
        assert "112" in resp.json()["message"]
    assert requests.get(f"{web_without_rasa}/health", timeout=10).status_code == 200


def test_page_and_headers(web_without_rasa: str) -> None:
    resp = requests.get(web_without_rasa + "/", timeout=10)
    assert resp.status_code == 200 and "<main" in resp.text
    csp = resp.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert resp.headers["Referrer-Policy"] == "no-referrer"
    assert requests.get(web_without_rasa + "/static/chat.js", timeout=10).status_code == 200


def test_nothing_we_serve_loads_from_elsewhere() -> None:
    for path in STATIC_DIR.rglob("*"):
        if path.suffix in {".html", ".js", ".css"}:
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", text), path
            assert "@import" not in text and "fonts.googleapis" not in text, path


def test_parse_chat_keeps_only_known_metadata() -> None:
    clean, problem = parse_chat({"sender": "abcdef123456" * 3, "message": "hoi",
                                 "metadata": {"language": "en", "surface": "evil", "condition": "x",
                                              "extra": "dropped"}})
    assert problem is None
    assert clean["metadata"] == {"language": "en", "surface": "web"}
    assert parse_chat({"sender": "abcdef123456" * 3, "message": "x" * 2001})[1] == "too_long"
    assert parse_chat(["not", "an", "object"])[1] == "bad_request"
