"""The soak script (bot/ops/soak.py): in the test command a short soak of each mode with
the real processes (and, in production mode, the real PostgreSQL and Redis) must end with no
error and no lost turn; latency and memory are printed, never asserted. The walkers' tally is
checked against a small real HTTP server that misbehaves on purpose, so the soak can fail."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from bot.config.paths import ROOT
from bot.config.settings import Settings
from bot.ops.soak_report import report, verdict
from bot.ops.soak_walk import Tally, Walker

# CI: one minute per mode (two minutes in all), 50 clients as in the full soak.
CI_MINUTES, CI_CLIENTS = 1, 50
QUESTIONS = {"nl": ["wat is smard"], "en": ["what is smard"]}


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["embedded", "production"])
def test_a_short_soak_has_no_error_and_no_lost_turn(
    mode: str, settings: Settings, report_figure: Any
) -> None:
    from tests.conftest import outside_overrides

    outside = outside_overrides()
    pg_port = int(outside.get("BOT_PG_PORT", "15432"))
    redis_port = int(outside.get("BOT_REDIS_PORT", "16379"))

    # Ports beside the other tests' (embedded +0, production test +10).
    env = dict(
        os.environ,
        BOT_RASA_PORT=str(settings.rasa_port + 30),
        BOT_ACTION_PORT=str(settings.action_port + 30),
        BOT_PORT=str(settings.port + 30),
    )
    artifact = ROOT / "test-artifacts" / f"soak-{mode}.txt"
    artifact.unlink(missing_ok=True)  # never read an earlier run's report
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "soak",
            "--mode",
            mode,
            "--minutes",
            str(CI_MINUTES),
            "--clients",
            str(CI_CLIENTS),
            "--pg-port",
            str(pg_port + 30),
            "--redis-port",
            str(redis_port + 30),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert artifact.exists(), out.stdout[-3000:] + out.stderr[-3000:]
    text = artifact.read_text(encoding="utf-8")
    report_figure(f"CI soak {mode}", text)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert re.search(r"^errors: 0$", text, re.M), text
    assert re.search(r"^lost turns: 0 ", text, re.M), text
    answered = int(re.search(r"^messages answered: (\d+)", text, re.M).group(1))  # type: ignore[union-attr]
    assert answered > CI_CLIENTS, text  # every client got through at least a few turns


def _idle_then_reuse(port: int, path: str, idle: float) -> bytes:
    """One keep-alive connection: a request, `idle` seconds of silence, a second request on
    the same connection; the start of the second answer (b"" when the server closed it)."""
    import socket
    import time

    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(request)
        assert sock.recv(65536).startswith(b"HTTP/1.1 200")
        time.sleep(idle)
        try:
            sock.sendall(request)
            return sock.recv(65536)[:12]
        except OSError:
            return b""


@pytest.mark.slow
def test_rasa_and_the_action_server_keep_idle_connections_longer_than_their_clients(
    services: Any, settings: Settings
) -> None:
    # Sanic's default closes an idle connection after 5 s, while Rasa's and our web tier's
    # aiohttp clients keep theirs 15 s: a message sent on a connection being closed failed
    # (the soak's "try again" replies). Idle past Sanic's default, the connection still serves.
    idle = 6.0
    assert _idle_then_reuse(settings.action_port, "/health", idle) == b"HTTP/1.1 200"
    assert _idle_then_reuse(settings.rasa_port, "/", idle) == b"HTTP/1.1 200"


def _server(kind: str) -> web.Application:
    """A stand-in web tier: answers well, with 502 'unavailable', or with no messages."""

    async def chat(request: web.Request) -> web.Response:
        body = await request.json()
        if kind == "unavailable":
            return web.json_response({"error": "unavailable", "message": "…"}, status=502)
        if kind == "empty":
            return web.json_response({"messages": []})
        lang = body["metadata"]["language"]
        return web.json_response(
            {
                "messages": [
                    {
                        "text": "x",
                        "custom": {"language": lang},
                        "buttons": [{"title": "b", "payload": "/ask_cause"}],
                    }
                ]
            }
        )

    async def forget(request: web.Request) -> web.Response:
        return web.json_response({"deleted": 3})

    app = web.Application()
    app.router.add_post("/api/chat", chat)
    app.router.add_post("/api/forget", forget)
    return app


def _walk(kind: str, stored: int) -> Tally:
    """One walk against the stand-in, whose 'store' holds every turn answered so far plus
    `stored` (-1: the first conversation misses a turn)."""
    import aiohttp

    async def go() -> Tally:
        runner = web.AppRunner(_server(kind))
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        tally = Tally()
        try:
            async with aiohttp.ClientSession() as session:
                walker = Walker(
                    session,
                    f"http://127.0.0.1:{port}",
                    QUESTIONS,
                    tally,
                    lambda sender: max(0, tally.answered + stored),
                    0,
                    seed=1,
                )
                await walker.walk()
        finally:
            await runner.cleanup()
        return tally

    with ThreadPoolExecutor(max_workers=1) as pool:  # Playwright may hold this thread's loop
        return pool.submit(asyncio.run, go()).result()


def test_a_turn_missing_from_the_store_is_a_lost_turn() -> None:
    good = _walk("ok", 0)
    assert good.errors == {} and good.answered >= 8 and good.walks == 1
    assert good.conversations == 2
    lossy = _walk("ok", -1)
    assert lossy.lost >= 1 and lossy.errors == {}


@pytest.mark.parametrize(
    "kind, error", [("unavailable", "HTTP 502 unavailable"), ("empty", "empty reply")]
)
def test_failed_replies_are_errors_by_kind(kind: str, error: str) -> None:
    tally = _walk(kind, 0)
    assert set(tally.errors) == {error} and tally.errors[error] >= 5 and tally.answered == 0


def test_memory_verdict_flat_or_growing() -> None:
    flat = [(s, {"rasa": 600.0 + (s > 0) * 10}) for s in range(0, 181, 10)]
    growing = [(s, {"rasa": 600.0 + s}) for s in range(0, 181, 10)]
    assert verdict(flat)["rasa"].startswith("flat")
    assert verdict(growing)["rasa"].startswith("growing")
    assert verdict(flat[:6])["rasa"].startswith("too short")
    text = report(
        "embedded", 2, 3, 1, Tally(latencies=[0.1], answered=1), growing, 180.0, 0, ("1", "1")
    )
    assert "GROWING memory" in text and "OK (0 errors, 0 lost turns)" in text


def test_a_typed_message_in_any_log_is_found(tmp_path: Path) -> None:
    from bot.ops.soak_report import logged_messages

    question = "how is smard inherited by our children"
    clean, leaky = tmp_path / "rasa.log", tmp_path / "pg.log"
    clean.write_text("WARNING Rasa answered 502\nhow is\n", encoding="utf-8")
    leaky.write_text(f"ERROR: duplicate key; DETAIL: ({question})\n", encoding="utf-8")
    questions = {"en": [question, "hi"], "nl": []}
    assert logged_messages([clean], questions) == 0
    assert logged_messages([clean, leaky], questions) == 1
