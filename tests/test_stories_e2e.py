"""The Rasa test stories (tests/stories/*.yml), replayed through the real REST webhook with the
real action server, checking what the parent receives.

`rasa test` (tests/test_rasa.py) checks only the predicted intent and that `action_answer` is
chosen: it passes with the action server dead. Here every user turn of every story (typed text
or button payload, with its metadata if any) is sent in one conversation per story, and each
reply must

- exist (Rasa answers `200 []` when an action fails),
- carry the answer id (`custom.topic`) and language (`custom.language`) that
  tests/story_expectations.yml lists for that turn, and
- for a served answer, have exactly the text our renderer makes of the published answer.

So a broken action, a safety regression (an acute worry not answered with `emergency`) or a
wrong answer text fails the story. `test_a_dead_action_server_fails_the_stories` starts a
second Rasa whose action endpoint is a dead port and checks that the same replay fails.

The expectations are kept in their own file, keyed by story name, one entry per user turn,
rather than in comments in the story files (which `rasa test` reads as well). To see what the
assistant answers now: `STORIES_RECORD=/tmp/expected.yml pytest tests/test_stories_e2e.py`.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import pytest
import requests
import yaml

from bot.config.config import Config
from bot.config.paths import ROOT
from bot.config.settings import Settings
from bot.conversation.render import Renderer
from bot.decision_aid.values import RESULT_ID
from bot.ops.launcher import service_env
from bot.ops.readiness import wait_for
from bot.web.rest_format import merge_custom

STORY_DIR = ROOT / "tests" / "stories"
EXPECTATIONS = ROOT / "tests" / "story_expectations.yml"


@dataclass(frozen=True)
class Turn:
    message: str
    metadata: Optional[dict[str, Any]]


@dataclass(frozen=True)
class Story:
    name: str
    file: str
    turns: tuple[Turn, ...]


def load_stories() -> list[Story]:
    stories = []
    for path in sorted(STORY_DIR.glob("*.yml")):
        for story in yaml.safe_load(path.read_text(encoding="utf-8")).get("stories", []):
            turns = tuple(
                Turn(str(step["user"]).strip(), step.get("metadata"))
                for step in story["steps"]
                if "user" in step
            )
            stories.append(Story(story["story"], path.name, turns))
    return stories


STORIES = load_stories()
_RAW: dict[str, Any] = (
    yaml.safe_load(EXPECTATIONS.read_text(encoding="utf-8")) if EXPECTATIONS.exists() else {}
) or {}
# story name -> expected {topic, language} per user turn; and the page metadata of a story
EXPECTED: dict[str, list[dict[str, str]]] = {
    name: (entry["turns"] if isinstance(entry, dict) else entry) for name, entry in _RAW.items()
}
STORY_METADATA: dict[str, dict[str, Any]] = {
    name: entry.get("metadata") or {} for name, entry in _RAW.items() if isinstance(entry, dict)
}


def replay(story: Story, url: str) -> list[list[dict[str, Any]]]:
    """Send the story's user turns in one new conversation; the bot messages per turn."""
    sender = "story-" + uuid.uuid4().hex
    replies = []
    for turn in story.turns:
        body: dict[str, Any] = {"sender": sender, "message": turn.message}
        metadata = {**STORY_METADATA.get(story.name, {}), **(turn.metadata or {})}
        if metadata:
            body["metadata"] = metadata
        resp = requests.post(url, json=body, timeout=60)
        resp.raise_for_status()
        replies.append(merge_custom(resp.json()))
    return replies


def observed(messages: list[dict[str, Any]]) -> dict[str, str]:
    custom = next((m["custom"] for m in messages if m.get("custom")), {})
    return {"topic": str(custom.get("topic")), "language": str(custom.get("language"))}


def problems(story: Story, replies: list[list[dict[str, Any]]], renderer: Renderer) -> list[str]:
    """Every way the replies differ from the story's expectations (empty: the story passes)."""
    expected = EXPECTED.get(story.name)
    if expected is None:
        return [f"{story.name!r} has no entry in {EXPECTATIONS.name}"]
    if len(expected) != len(story.turns):
        return [f"{story.name!r}: {len(story.turns)} user turns, {len(expected)} expectations"]
    found = []
    for i, (turn, messages, want) in enumerate(zip(story.turns, replies, expected), 1):
        where = f"{story.name!r} turn {i} ({turn.message!r})"
        if not messages:
            found.append(f"{where}: no reply at all (an action failed?)")
            continue
        got = observed(messages)
        for key in ("topic", "language"):
            if got[key] != str(want[key]):
                found.append(f"{where}: {key} {got[key]!r}, expected {want[key]!r}")
        found += text_problems(where, messages, renderer)
    return found


def text_problems(where: str, messages: list[dict[str, Any]], renderer: Renderer) -> list[str]:
    """A served answer's text must be what the renderer makes of the published answer."""
    first = next((m for m in messages if m.get("custom")), None)
    if first is None:
        return [f"{where}: the reply carries no custom payload"]
    custom = first["custom"]
    answer = renderer.content.answers.get(custom.get("topic"))
    if (
        answer is None
        or custom.get("status") != "served"
        or custom.get("kind") in ("exercise", "knowledge")
    ):  # composed: question, feedback
        return [] if first.get("text") else [f"{where}: an empty reply text"]
    layer = custom.get("layer") or "short"
    try:
        rendered = renderer.answer(answer, custom["language"], layer, note=custom.get("note"))
    except Exception as exc:  # noqa: BLE001 - a topic the renderer cannot render is a finding
        return [f"{where}: the renderer cannot render {answer.id} ({exc})"]
    texts = [m.text for m in rendered]
    text = first.get("text", "")
    # the exercise's result is the answer's frame text followed by the parents' statements
    composed = answer.id == RESULT_ID and any(text.startswith(t) for t in texts)
    if text not in texts and not composed:
        return [
            f"{where}: text {first.get('text', '')[:80]!r} is not the rendered "
            f"{answer.id} ({layer}, {custom['language']})"
        ]
    return []


def test_every_story_has_expectations() -> None:
    names = [s.name for s in STORIES]
    assert len(names) == len(set(names)), "story names must be unique"
    assert len(STORIES) >= 25
    assert set(EXPECTED) == set(names)


@pytest.mark.parametrize("story", STORIES, ids=[s.name for s in STORIES])
def test_story_over_rest(story: Story, rest_url: str, renderer: Renderer) -> None:
    replies = replay(story, rest_url)
    record = os.environ.get("STORIES_RECORD")
    if record:
        path = Path(record)
        data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
        data = data or {}
        data[story.name] = [observed(m) for m in replies]
        path.write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8"
        )
    found = problems(story, replies, renderer)
    assert not found, "\n".join(found)


def test_the_acute_worry_stories_expect_the_emergency_answer() -> None:
    for story in STORIES:
        if story.name.startswith("acute worry"):
            assert {e["topic"] for e in EXPECTED[story.name]} == {"emergency"}, story.name


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_a_dead_action_server_fails_the_stories(
    servers: Settings, model_path: Path, renderer: Renderer, tmp_path: Path, config: Config
) -> None:
    """Rasa with its action endpoint on a port where nothing listens: every story fails."""
    dead, port = _free_port(), _free_port()
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        yaml.safe_dump(
            {
                "action_endpoint": {"url": f"http://127.0.0.1:{dead}/webhook"},
                "tracker_store": {"type": "SQL", "dialect": "sqlite", "db": str(tmp_path / "t.db")},
            }
        ),
        encoding="utf-8",
    )
    log = (tmp_path / "rasa.log").open("wb")
    rasa = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "rasa",
            "run",
            "--model",
            str(model_path),
            "--endpoints",
            str(endpoints),
            "--credentials",
            "credentials.yml",
            "--interface",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        cwd=ROOT,
        env=service_env(config),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/", 180, rasa)
        url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
        failing = [s.name for s in STORIES if problems(s, replay(s, url), renderer)]
        assert failing == [s.name for s in STORIES]
    finally:
        rasa.terminate()
        try:
            rasa.wait(timeout=20)
        except subprocess.TimeoutExpired:
            rasa.kill()
        log.close()
