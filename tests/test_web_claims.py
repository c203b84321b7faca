"""README claims about our web server, tested in-process (aiohttp's test server): the console
cookie's SameSite=Strict, the per-address login limit, an access log with paths and status
codes only, the CSP frame-ancestors for embedding, and the retention and kiosk sweeps that
run periodically while the server runs."""

from __future__ import annotations

import asyncio
import logging
import re
import time
import uuid
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer, make_mocked_request

from bot.config.config import Config
from bot.config.settings import Settings
from bot.web import web as bot_web

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


async def _run(coro_fn, web_client) -> Any:  # type: ignore[no-untyped-def]
    """coro_fn(client, app) against a fresh in-process app (pytest-aiohttp)."""
    client = await web_client()
    return await coro_fn(client, client.server.app)


async def _login_attempt(client: TestClient, name: str, password: str) -> tuple[int, str]:
    page = await client.get("/console/login")
    csrf = CSRF.search(await page.text()).group(1)  # type: ignore[union-attr]
    resp = await client.post(
        "/console/login",
        data={"csrf": csrf, "name": name, "password": password},
        allow_redirects=False,
    )
    return resp.status, resp.headers.getall("Set-Cookie", [])  # type: ignore[return-value]


async def test_console_cookies_are_samesite_strict_httponly_and_limited_to_console(
    web_client, counsellor
) -> None:  # type: ignore[no-untyped-def]
    async def go(client: TestClient, app: web.Application) -> list[str]:
        page = await client.get("/console/login")
        cookies = page.headers.getall("Set-Cookie", [])
        status, more = await _login_attempt(client, counsellor.name, counsellor.password)
        assert status == 303
        return cookies + list(more)

    cookies = await _run(go, web_client)
    session = [c for c in cookies if c.startswith("console_session=")]
    assert session, cookies
    for cookie in cookies:
        if "=;" in cookie or '=""' in cookie:  # a deleted cookie
            continue
        attrs = [a.strip().lower() for a in cookie.split(";")[1:]]
        assert "samesite=strict" in attrs, cookie
        assert "httponly" in attrs, cookie
        assert "path=/console" in attrs, cookie


async def test_one_address_gets_exactly_twenty_wrong_passwords(
    settings: Settings, web_client: Any
) -> None:
    """README: after 5 wrong passwords a name is locked; an address gets 20 tries."""
    assert settings.console_lock_attempts == 5

    async def go(client: TestClient, app: web.Application) -> list[int]:
        statuses = []
        for i in range(21):  # a different unknown name each time: only the address counts
            status, _ = await _login_attempt(client, f"nobody{i}-{uuid.uuid4().hex[:6]}", "wrong")
            statuses.append(status)
        return statuses

    statuses = await _run(go, web_client)
    assert statuses[:20] == [401] * 20
    assert statuses[20] == 429


async def test_one_name_gets_exactly_five_wrong_passwords(web_client: Any) -> None:
    async def go(client: TestClient, app: web.Application) -> list[int]:
        return [(await _login_attempt(client, "locked-name", "wrong"))[0] for _ in range(6)]

    assert await _run(go, web_client) == [401] * 5 + [429]


def test_access_log_has_method_path_and_status_only(caplog: pytest.LogCaptureFixture) -> None:
    request = make_mocked_request(
        "GET",
        "/api/qr?url=https%3A%2F%2Fexample.org%2Fsecret&lang=nl",
        headers={"User-Agent": "parent-phone", "Referer": "http://127.0.0.1/?q=wat+is+smard"},
    )
    response = web.Response(status=200)
    logger = logging.getLogger("test.access")
    with caplog.at_level(logging.INFO, logger="test.access"):
        bot_web.PathOnlyAccessLogger(logger, "").log(request, response, 0.0123)
    [line] = [r.getMessage() for r in caplog.records]
    assert "GET /api/qr 200" in line
    for leaked in (
        "?",
        "url=",
        "example.org",
        "secret",
        "lang=",
        "parent-phone",
        "smard",
        "127.0.0.1",
    ):
        assert leaked not in line, (leaked, line)


def test_the_server_uses_the_path_only_access_log(
    monkeypatch: pytest.MonkeyPatch, config: Config
) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr(bot_web.web, "run_app", lambda app, **kw: seen.update(kw))
    bot_web.serve(config)
    assert seen["access_log_class"] is bot_web.PathOnlyAccessLogger
    assert "access_log_format" not in seen


async def test_csp_frame_ancestors_lists_only_the_configured_origins(
    settings: Settings, web_client: Any
) -> None:
    async def go(client: TestClient, app: web.Application) -> dict[str, str]:
        return {
            p: (await client.get(p)).headers["Content-Security-Policy"]
            for p in ("/", "/kiosk", "/console/login")
        }

    csp = await _run(go, web_client)
    ancestors = re.search(r"frame-ancestors ([^;]+)", csp["/"]).group(1).split()  # type: ignore[union-attr]
    assert ancestors == ["'self'", *settings.embed_origins]
    assert "http://127.0.0.1:1" not in ancestors and "*" not in ancestors
    assert "frame-ancestors 'none'" in csp["/console/login"]


async def test_retention_and_kiosk_sweeps_run_periodically(
    monkeypatch: pytest.MonkeyPatch, settings: Settings, config: Config
) -> None:
    """The loops, not only their functions: with the 30 s pause shortened, the running server
    sweeps again and again, with a 24-hour cutoff and the kiosk's idle + countdown + 60 s."""
    calls: dict[str, list[float]] = {"retention": [], "kiosk": [], "sessions": []}
    real_sleep = asyncio.sleep
    pauses: list[float] = []

    async def fast_sleep(seconds: float, *args: Any, **kwargs: Any) -> Any:
        if seconds == 30:
            pauses.append(seconds)
            seconds = 0.02
        return await real_sleep(seconds, *args, **kwargs)

    async def sessions(app: web.Application) -> None:
        calls["sessions"].append(time.time())

    monkeypatch.setattr(bot_web.asyncio, "sleep", fast_sleep)
    monkeypatch.setattr(
        bot_web,
        "forget_older_than",  # db: the settings' tracker store
        lambda cutoff, db: calls["retention"].append(cutoff),
    )
    monkeypatch.setattr(bot_web, "sweep_sessions", sessions)
    assert settings.retention_hours == 24

    async def go(client: TestClient, app: web.Application) -> float:
        sweeper = app[bot_web.KIOSK_SWEEPER]
        monkeypatch.setattr(sweeper, "sweep", lambda now: calls["kiosk"].append(now) or [])
        await real_sleep(0.5)
        return sweeper.max_quiet_seconds

    # Its own client, closed here: the sweeps must stop with the server.
    async with TestClient(TestServer(bot_web.create_app(config))) as client:
        max_quiet = await go(client, client.server.app)
    assert max_quiet == settings.kiosk_idle_seconds + settings.kiosk_countdown_seconds + 60
    assert set(pauses) == {30}
    for name, times in calls.items():
        assert len(times) >= 3, (name, len(times))
    now = time.time()
    for cutoff in calls["retention"]:
        assert abs((now - cutoff) - 24 * 3600) < 60
    # and the loop stops with the server: no sweeps after shutdown
    count = len(calls["retention"])
    await real_sleep(0.1)
    assert len(calls["retention"]) == count
