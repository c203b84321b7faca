"""No message text in any log at the level we ship: a marker string sent through every path a
parent's (or an attacker's) message can take — plain text, HTML, a '/' that is no payload, a
payload with an unknown intent, with odd entity values that would crash an action, a language
switch — must appear in none of the logs of Rasa, the action server and our web server."""

from __future__ import annotations

import json
import time
import uuid

import pytest
import requests

from bot.config.config import Config
from bot.config.settings import Settings

MARK = "zq" + uuid.uuid4().hex[:10]  # a word no log would otherwise hold


def _paths() -> list[str]:
    """Messages carrying the marker, one per path through the servers."""
    crafted = {"topic": {"x": MARK}}
    return [
        f"wat is smard {MARK}",
        f"<script>alert('{MARK}')</script>",
        f"/{MARK}",
        f"/ {MARK} hoe erft smard",
        f"/nonexistent_intent_{MARK}",
        f"/more_detail{json.dumps(crafted)}",
        f'/more_detail{{"topic": "{MARK}"}}',
        f'/more_detail{{"topic": ["{MARK}"]}}',
        f'/switch_language{{"language": "{MARK}"}}',
        f'/switch_language{{"language": {{"a": "{MARK}"}}}}',
        f'/values_answer{{"values_question": 5, "values_choice": "{MARK}"}}',
        f"/more_detail{{broken json {MARK}",
        f"my baby is not breathing {MARK}",
        MARK * 150,
    ]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_message_text_in_any_log(
    web_url: str, servers: Settings, lang: str, config: Config
) -> None:
    sender = uuid.uuid4().hex
    statuses = []
    for text in _paths():
        resp = requests.post(
            f"{web_url}/api/chat",
            timeout=60,
            json={"sender": sender, "message": text, "metadata": {"language": lang}},
        )
        statuses.append(resp.status_code)
        assert resp.status_code in (200, 400, 413, 502), (text, resp.status_code)
        assert resp.json().get("messages") or resp.json().get("message"), text  # never silence
    time.sleep(1.0)  # let the servers flush
    logs = sorted(config.paths.logs_dir.glob("*.log"))
    assert {p.stem for p in logs} >= {"rasa", "actions", "web"}, logs
    for path in logs:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert MARK not in text, (
            f"{path.name} holds message text: "
            + text[max(0, text.find(MARK) - 300) : text.find(MARK) + 100]
        )
    assert statuses.count(200) >= len(_paths()) // 2  # most of them were answered


def test_rasa_sends_nothing_to_its_vendor(servers: Settings, config: Config) -> None:
    """Rasa's telemetry and Sentry error reports are off in every process we start: no
    attempt to reach them in any log (a failed attempt would be logged by urllib3)."""
    from bot.ops.launcher import service_env

    assert service_env(config)["RASA_TELEMETRY_ENABLED"] == "false"
    for path in sorted(config.paths.logs_dir.glob("*.log")):
        text = path.read_text(encoding="utf-8", errors="replace").lower()
        for vendor in ("sentry", "telemetry.rasa", "segment.io", "api.segment"):
            assert vendor not in text, (path.name, vendor)
