"""The production mode on Rasa's own distributed engine, with the real servers: two Rasa
replicas and two action servers sharing a real PostgreSQL tracker store and a real Redis lock
store, our web tier spreading messages over them. A conversation whose messages alternate
between the replicas stays consistent; a replica killed mid-conversation loses no turn;
PostgreSQL restarted gives a clear "try again" during the outage and full recovery after."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any, Iterator

import pytest
import requests

from bot.config.config import Config
from bot.config.paths import ROOT
from bot.config.settings import Settings
from bot.conversation.render import Renderer
from bot.ops.launcher import Services, service_env
from bot.ops.readiness import wait_for
from bot.stores.conversations import stored_events
from bot.web.request_rules import error_message

pytestmark = pytest.mark.slow


@dataclasses.dataclass
class Cluster:
    settings: Settings
    services: Services
    web_url: str

    def rest(self, replica: int) -> str:
        return f"http://127.0.0.1:{self.settings.rasa_ports[replica]}/webhooks/rest/webhook"


@pytest.fixture(scope="module")
def cluster(
    config: Config, model_path: Path, postgres_url: str, redis_url: str
) -> Iterator[Cluster]:
    # Ports beside the embedded mode's (which keeps running for the other tests).
    settings = config.settings
    prod = config.with_settings(
        rasa_port=settings.rasa_port + 10,
        action_port=settings.action_port + 10,
        port=settings.port + 10,
        rasa_replicas=2,
        action_servers=2,
        tracker_db_url=postgres_url,
        lock_store_url=redis_url,
        rate_per_address=(0, 0),
    )
    services = Services(prod, model_path).start()
    env = service_env(prod)  # its ports, replicas and databases: prod's BOT_* variables
    web = subprocess.Popen(
        [sys.executable, "-c", "from bot.web.web import serve; serve()"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{prod.settings.port}/health", 30, web)
        yield Cluster(prod.settings, services, f"http://127.0.0.1:{prod.settings.port}")
    finally:
        web.terminate()
        web.wait(timeout=10)
        services.stop()


def _say(url: str, sender: str, text: str, lang: str = "en") -> list[dict[str, Any]]:
    resp = requests.post(
        url, timeout=60, json={"sender": sender, "message": text, "metadata": {"language": lang}}
    )
    assert resp.status_code == 200, resp.text
    return resp.json()


def _custom(messages: list[dict[str, Any]]) -> dict[str, Any]:
    """The first message's custom payload (Rasa's REST channel sends it as its own item)."""
    return next(m["custom"] for m in messages if "custom" in m)


def _values(question: str) -> str:
    return "/values_answer" + json.dumps({"values_question": question}, separators=(",", ":"))


def test_a_conversation_alternating_between_replicas_stays_consistent(cluster: Cluster) -> None:
    sender = uuid.uuid4().hex
    r0, r1 = cluster.rest(0), cluster.rest(1)
    # Language and condition set on replica 0 …
    first = _custom(_say(r0, sender, '/choose_condition{"condition":"smard"}', "en"))
    assert first["language"] == "en"
    # … hold on replica 1 for a button that names neither: the language and condition come
    # from the conversation (the shared store), not from this request's Dutch page metadata.
    second = _custom(_say(r1, sender, "/ask_inheritance", "nl"))
    assert second["topic"] == "smard_inheritance" and second["language"] == "en"
    # The values exercise: its position is carried from one replica to the other.
    asked = _say(r0, sender, _values("begin"))
    q1 = _custom(asked)
    assert q1["exercise"]["number"] == 1
    first_choice = next(m["buttons"] for m in asked if m.get("buttons"))[0]["payload"]
    q2 = _custom(_say(r1, sender, first_choice))
    assert q2["exercise"]["number"] == 2 and q2["language"] == "en"
    q3 = _custom(_say(r0, sender, "skip"))
    assert q3["exercise"]["number"] == 3
    # Every turn is in the one shared store, in order.
    assert stored_events(sender, cluster.settings.tracker_db_url) > 0


def test_our_web_tier_spreads_messages_over_the_replicas(cluster: Cluster) -> None:
    before = [_user_turns_logged(cluster, i) for i in range(2)]
    for _ in range(6):
        resp = requests.post(
            f"{cluster.web_url}/api/chat",
            timeout=60,
            json={"sender": uuid.uuid4().hex, "message": "wat is smard"},
        )
        assert resp.status_code == 200 and resp.json()["messages"]
    after = [_user_turns_logged(cluster, i) for i in range(2)]
    assert all(a > b for a, b in zip(after, before)), (before, after)


def _user_turns_logged(cluster: Cluster, replica: int) -> int:
    """The CPU time replica `replica`'s process has used (clock ticks): it grows by several
    ticks per message served and hardly at all while idle (Rasa logs no requests at WARNING,
    so this is how a test can see which replica did the work)."""
    child = [c for c in cluster.services.children if c.name.startswith("rasa")][replica]
    assert child.proc is not None
    with open(f"/proc/{child.proc.pid}/stat", encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks


def test_a_replica_killed_mid_conversation_loses_no_turn(cluster: Cluster) -> None:
    sender = uuid.uuid4().hex
    chat = f"{cluster.web_url}/api/chat"
    sent = 0
    for text in ("what is smard", "how is it inherited?"):
        assert _say(chat, sender, text)["messages"]
        sent += 1
    [victim] = [c for c in cluster.services.children if c.name == "rasa"]
    assert victim.proc is not None
    os.kill(victim.proc.pid, signal.SIGKILL)
    victim.proc.wait(timeout=10)
    # Every next message is answered by the other replica, without a gap.
    for text in ("what are the symptoms?", "what is a carrier?", "what can we do?"):
        reply = _say(chat, sender, text)
        assert reply["messages"], text
        sent += 1
    rows = _user_events(sender, cluster.settings.tracker_db_url)
    assert rows == sent, (rows, sent)
    # The supervisor brings the killed replica back.
    wait_for(f"http://127.0.0.1:{cluster.settings.rasa_ports[0]}/", 180)


def _user_events(sender: str, url: str) -> int:
    import sqlalchemy

    engine = sqlalchemy.create_engine(url)
    with engine.connect() as conn:
        n = conn.execute(
            sqlalchemy.text(
                "SELECT COUNT(*) FROM events WHERE sender_id = :s AND type_name = 'user'"
            ),
            {"s": sender},
        ).scalar()
    engine.dispose()
    return int(n or 0)


@pytest.mark.parametrize("lang", ["en"])
def test_postgres_restart_gives_try_again_then_recovers(
    cluster: Cluster, postgres: Any, renderer: Renderer, lang: str
) -> None:
    sender = uuid.uuid4().hex
    chat = f"{cluster.web_url}/api/chat"
    assert _say(chat, sender, "what is smard", lang)["messages"]
    postgres.stop()
    try:
        resp = requests.post(
            chat,
            timeout=60,
            json={
                "sender": sender,
                "message": "how is it inherited?",
                "metadata": {"language": lang},
            },
        )
        assert resp.status_code in (502, 503), resp.text
        assert resp.json()["message"] == error_message(renderer, "unavailable", lang)
    finally:
        postgres.start()
    # After the outage: answered again, and the conversation goes on where it was.
    deadline = time.monotonic() + 60
    while True:
        resp = requests.post(
            chat,
            timeout=60,
            json={
                "sender": sender,
                "message": "how is it inherited?",
                "metadata": {"language": lang},
            },
        )
        if resp.status_code == 200 or time.monotonic() > deadline:
            break
        time.sleep(1)
    assert resp.status_code == 200, resp.text
    custom = _custom(resp.json()["messages"])
    assert custom["topic"] == "smard_inheritance" and custom["language"] == lang
    assert _user_events(sender, cluster.settings.tracker_db_url) >= 2
