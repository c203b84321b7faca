"""Faults a parent must never notice as silence, with the real servers: the action server
killed mid-conversation gets a message in the parent's language with "try again", and the
launcher's supervisor restarts it within seconds; the state files are owner-only."""

from __future__ import annotations

import os
import signal
import stat
import time
import uuid

import pytest
import requests

from bot.config.config import Config
from bot.config.settings import Settings
from bot.conversation.render import Renderer
from bot.ops.launcher import Services
from bot.web.request_rules import error_message


def _chat(web_url: str, sender: str, text: str, lang: str) -> requests.Response:
    return requests.post(
        f"{web_url}/api/chat",
        timeout=60,
        json={"sender": sender, "message": text, "metadata": {"language": lang}},
    )


def _actions(services: Services):  # type: ignore[no-untyped-def]
    [child] = [c for c in services.children if c.name == "actions"]
    return child


@pytest.mark.slow
@pytest.mark.parametrize("lang, question", [("en", "what is smard"), ("nl", "wat is smard")])
def test_action_server_killed_gets_a_message_then_is_restarted(
    web_url: str,
    services: Services,
    servers: Settings,
    renderer: Renderer,
    lang: str,
    question: str,
) -> None:
    sender = uuid.uuid4().hex
    assert _chat(web_url, sender, question, lang).json()["messages"]
    child = _actions(services)
    old = child.proc
    os.kill(old.pid, signal.SIGKILL)
    old.wait(timeout=10)
    # Meanwhile: never an empty reply, always the localised "try again".
    resp = _chat(web_url, sender, question, lang)
    assert resp.status_code in (502, 503)
    assert resp.json()["message"] == error_message(renderer, "unavailable", lang)
    assert "opnieuw" in resp.json()["message"] or "try again" in resp.json()["message"]
    # The supervisor restarts it (back-off 1 s the first time): answered again within 30 s.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        resp = _chat(web_url, sender, question, lang)
        if resp.status_code == 200:
            break
        time.sleep(0.5)
    assert resp.status_code == 200 and resp.json()["messages"], resp.text
    assert child.proc is not old and child.proc.poll() is None
    # The conversation went on where it was: the same topic answered in the same language.
    custom = resp.json()["messages"][0].get("custom") or {}
    assert custom.get("language") == lang


def test_state_files_are_owner_only(servers: Settings, web_url: str, config: Config) -> None:
    _chat(web_url, uuid.uuid4().hex, "wat is smard", "nl")  # so the tracker store has a row
    state = config.paths.state_dir
    paths = [state, *state.rglob("*")]
    assert any(p.name == "trackers.db" for p in paths)
    for p in paths:
        mode = stat.S_IMODE(p.stat().st_mode)
        assert mode & 0o077 == 0, (str(p), oct(mode))


def test_the_supervisor_backs_off_then_gives_up_loudly(
    config: Config, capsys: pytest.CaptureFixture[str]
) -> None:
    # A child that always exits at once: restarted after 1 s, then 2 s; after `max_restarts`
    # within the window it is left down and the supervisor says so on stderr.
    import sys
    import threading
    from pathlib import Path

    from bot.ops.launcher import Child

    services = Services(config, Path("unused"), max_restarts=2)
    child = Child("always-exits", [sys.executable, "-c", "raise SystemExit(3)"], "", 1)
    services.children = [child]
    services._spawn(child)
    threading.Thread(target=services.supervise, kwargs={"poll": 0.1}, daemon=True).start()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (child.proc is None and len(child.restarts) == 2):
        time.sleep(0.1)
    services.stop()
    err = capsys.readouterr().err
    assert child.proc is None and len(child.restarts) == 2, err
    assert "restarting in 1 s" in err and "restarting in 2 s" in err
    assert "exited 3 times within 300 s; not restarting it" in err
