"""Our web server under hostile or broken input, in-process (aiohttp's test server, no Rasa
needed): every response carries the security headers and no server version; deep or odd JSON
is a 400; the chat routes are rate limited with a message in the parent's language; /api/qr
only draws published addresses; console sessions end with their account; cookies are Secure
off loopback."""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from bot.config.config import Config
from bot.config.settings import Settings, load_settings
from bot.conversation.render import Renderer
from bot.web import web as bot_web
from bot.web.console.accounts import AccountStore, accounts_file
from bot.web.qr_routes import published_addresses
from bot.web.ratelimit import Buckets, ChatLimits, Rate
from bot.web.request_rules import error_message

CSRF = re.compile(r'name="csrf" value="([^"]+)"')
HEADERS = (
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cache-Control",
    "Cross-Origin-Opener-Policy",
    "Permissions-Policy",
)


def _sender() -> str:
    return uuid.uuid4().hex


@pytest.mark.parametrize(
    "method, path, body",
    [
        ("GET", "/", None),
        ("GET", "/no-such-page", None),
        ("DELETE", "/api/chat", None),
        ("POST", "/api/chat", b"{"),
        ("POST", "/api/summary", b"[" * 10_000 + b"]" * 10_000),
        ("GET", "/api/qr?url=https://example.org/", None),
        ("GET", "/console/", None),
        ("GET", "/console/login", None),
        ("POST", "/console/api/try", b"{}"),
    ],
    ids=lambda v: v if isinstance(v, str) else f"{len(v or b'')}B",
)
async def test_every_response_has_the_security_headers_and_no_version(
    web_client: Any, method: str, path: str, body: bytes | None
) -> None:
    async def go(client: TestClient) -> tuple[int, Any]:
        resp = await client.request(method, path, data=body, allow_redirects=False)
        return resp.status, resp.headers

    status, headers = await go(await web_client())
    for name in HEADERS:
        assert name in headers, (path, status, name)
    assert re.search(r"\d", headers.get("Server", "")) is None, headers.get("Server")
    assert "aiohttp" not in headers.get("Server", "").lower()
    if path.startswith("/console"):
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert headers["X-Frame-Options"] == "DENY"


async def test_an_unexpected_error_is_a_short_500_in_the_users_language(
    web_client: Any,
    renderer: Renderer,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(*args: Any) -> Any:
        raise TypeError("a bug, with the words mijn baby in it")

    monkeypatch.setattr(bot_web, "compose_summary", broken)

    async def go(client: TestClient) -> tuple[int, Any, Any]:
        resp = await client.post(
            "/api/summary", json={"language": "en", "topics": []}, headers={"X-Chat-Language": "en"}
        )
        return resp.status, await resp.json(), resp.headers

    status, data, headers = await go(await web_client())
    assert status == 500 and data["message"] == error_message(renderer, "unavailable", "en")
    assert "Content-Security-Policy" in headers
    assert "mijn baby" not in caplog.text and "Traceback" not in caplog.text
    assert "TypeError" in caplog.text


@pytest.mark.parametrize(
    "path, body",
    [
        ("/api/chat", b"[" * 20_000 + b"]" * 20_000),
        ("/api/forget", b'{"sender": ' + b"[" * 20_000 + b"]" * 20_000 + b"}"),
        ("/api/summary", b"{" + b'"a":{' * 8_000 + b"}" * 8_001),
        ("/api/summary", b'{"language": "nl", "topics": [], "values": {"q": ["a"]}}'),
        ("/api/summary", b'{"language": "nl", "topics": [], "values": {"q": {"x": 1}}}'),
        ("/api/summary", b'{"language": "nl", "topics": [["smard_what"]]}'),
        ("/api/summary-qr", b'{"language": "en", "topics": [{}]}'),
    ],
    ids=lambda v: v if isinstance(v, str) else f"{len(v)}B",
)
async def test_deep_or_odd_json_is_a_clear_400(
    web_client: Any, renderer: Renderer, path: str, body: bytes
) -> None:
    async def go(client: TestClient) -> tuple[int, Any]:
        resp = await client.post(
            path, data=body, headers={"Content-Type": "application/json", "X-Chat-Language": "en"}
        )
        return resp.status, await resp.json()

    status, data = await go(await web_client())
    assert status == 400 and data["message"] == error_message(renderer, "bad_request", "en")


async def test_non_string_choices_are_refused_for_every_exercise_question(
    web_client: Any, renderer: Renderer
) -> None:
    questions = [q.id for q in renderer.content.exercise]
    assert questions

    async def go(client: TestClient) -> list[int]:
        out = []
        for q in questions:
            for choice in (["x"], {"x": 1}, 1, None, True):
                resp = await client.post(
                    "/api/summary", json={"language": "nl", "topics": [], "values": {q: choice}}
                )
                out.append(resp.status)
        return out

    assert set(await go(await web_client())) == {400}


def test_buckets_allow_a_burst_then_the_refill_rate() -> None:
    b = Buckets(Rate(burst=3, per_second=2.0))
    assert [b.allow("s", now=0.0) for _ in range(4)] == [True, True, True, False]
    assert b.allow("other", now=0.0)  # another key has its own bucket
    assert not b.allow("s", now=0.4)  # 0.8 of a token
    assert b.allow("s", now=0.6) and not b.allow("s", now=0.6)  # one more after 0.5 s
    assert [b.allow("s", now=100.0) for _ in range(4)] == [
        True,
        True,
        True,
        False,
    ]  # no more than burst
    assert all(Buckets(Rate(0, 0)).allow("s", now=0) for _ in range(1000))  # 0: no limit


def test_buckets_forget_idle_keys_without_giving_anyone_more() -> None:
    b = Buckets(Rate(burst=2, per_second=1.0), max_keys=10)
    assert b.allow("busy", 0) and b.allow("busy", 0) and not b.allow("busy", 0)
    for i in range(20):
        b.allow(f"k{i}", now=0.5)
    assert len(b._tokens) <= 21
    assert not b.allow("busy", 0.5)  # still empty: not forgotten while it had no tokens


def test_chat_limits_need_both_buckets() -> None:
    limits = ChatLimits(Buckets(Rate(2, 0.001)), Buckets(Rate(3, 0.001)))
    assert limits.allow("a", "10.0.0.1", 0) and limits.allow("a", "10.0.0.1", 0)
    assert not limits.allow("a", "10.0.0.1", 0)  # the conversation's burst is spent
    assert not limits.allow("b", "10.0.0.1", 0)  # the address's burst is spent
    assert limits.allow("c", "10.0.0.2", 0)


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_chat_flood_gets_429_in_the_parents_language(
    web_client: Any, renderer: Renderer, lang: str
) -> None:
    sender = _sender()

    async def go(client: TestClient) -> list[tuple[int, Any]]:
        out = []
        for _ in range(5):
            resp = await client.post(
                "/api/chat",
                json={"sender": sender, "message": "hallo", "metadata": {"language": lang}},
            )
            out.append((resp.status, await resp.json()))
        resp = await client.post("/api/chat", json={"sender": _sender(), "message": "hallo"})
        out.append((resp.status, None))
        return out

    replies = await go(await web_client(rate_per_sender=(3, 0.001), rate_per_address=(0, 0)))
    assert [s == 429 for s, _ in replies] == [False] * 3 + [True] * 2 + [False]
    assert replies[3][1]["message"] == error_message(renderer, "too_many", lang)


async def test_qr_codes_only_for_published_addresses(web_client: Any, renderer: Renderer) -> None:
    published = sorted(published_addresses(renderer))
    assert len(published) >= 3 and all(u.startswith("https://") for u in published)

    async def go(client: TestClient) -> dict[str, int]:
        urls = published + [
            published[0] + "/../evil",
            "https://example.org/",
            "https://www.erfelijkheid.nl/",
            published[0] + "?x=1",
            "javascript:x",
        ]
        return {u: (await client.get("/api/qr", params={"url": u})).status for u in urls}

    status = await go(await web_client())
    assert {u for u, s in status.items() if s == 200} == set(published)
    assert {s for u, s in status.items() if u not in published} == {404}


def _with_host(tmp_path: Path, settings: Settings, host: str) -> Path:
    text, n = re.subn(r"(?m)^  host: .*$", f"  host: {host!r}", settings.path.read_text("utf-8"))
    assert n == 1
    path = tmp_path / "clinic.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "host, secure",
    [
        ("127.0.0.1", False),
        ("::1", False),
        ("localhost", False),
        ("0.0.0.0", True),
        ("10.1.2.3", True),
        ("bot.clinic.example", True),
    ],
)
def test_cookies_are_secure_unless_the_server_listens_on_loopback(
    tmp_path: Path, settings: Settings, host: str, secure: bool
) -> None:
    path = _with_host(tmp_path, settings, host)
    loaded = load_settings(path)
    assert loaded.host == host and loaded.console_secure_cookies is secure


def test_explicit_secure_cookie_setting_wins(tmp_path: Path, settings: Settings) -> None:
    text = settings.path.read_text(encoding="utf-8").replace(
        "console:\n", "console:\n  secure_cookies: false\n", 1
    )
    path = tmp_path / "clinic.yml"
    path.write_text(text, encoding="utf-8")
    assert load_settings(path).console_secure_cookies is False


@pytest.mark.parametrize("change", ["remove", "password"])
async def test_console_sessions_end_when_the_account_changes(
    web_client: Any, config: Config, change: str
) -> None:
    store = AccountStore(accounts_file(config.paths.state_dir))
    name = f"t{uuid.uuid4().hex[:12]}"
    password = "paarse olifant op de fiets"
    store.add(name, "Test", password)

    async def go(client: TestClient) -> tuple[int, int, int]:
        page = await client.get("/console/login")
        csrf = CSRF.search(await page.text()).group(1)  # type: ignore[union-attr]
        login = await client.post(
            "/console/login",
            allow_redirects=False,
            data={"csrf": csrf, "name": name, "password": password},
        )
        before = (await client.get("/console/", allow_redirects=False)).status
        if change == "remove":
            store.remove(name)
        else:
            store.set_password(name, "tram 9 naar het wkz")
        after = await client.get("/console/", allow_redirects=False)
        return login.status, before, after.status

    login, before, after = await go(await web_client())
    assert (login, before, after) == (303, 200, 303)
    if change == "password":
        store.remove(name)


async def test_behind_a_proxy_each_client_has_its_own_chat_limit(web_client: Any) -> None:

    async def go(client: TestClient) -> list[int]:
        out = []
        for client_ip in ("203.0.113.1", "203.0.113.1", "203.0.113.1", "203.0.113.2"):
            resp = await client.post(
                "/api/chat",
                headers={"X-Forwarded-For": client_ip},
                json={"sender": _sender(), "message": "hallo"},
            )
            out.append(resp.status)
        return out

    statuses = await go(
        await web_client(
            rate_per_sender=(0, 0), rate_per_address=(2, 0.001), trusted_proxies=("127.0.0.1",)
        )
    )
    assert [s == 429 for s in statuses] == [False, False, True, False]
