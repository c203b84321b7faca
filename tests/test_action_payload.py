"""The action server gets the current turn's events, and all of them only where an action reads
the history; nothing else in the request changes (bot.engine.action_payload)."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
import rasa
import yaml
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.engine import action_payload
from bot.engine.action_payload import HISTORY_ACTIONS, turn_events

ROOT = Path(__file__).resolve().parent.parent
ORIGINAL = RemoteAction._action_call_format
DOMAIN = Domain.from_dict(
    {
        "intents": ["ask"],
        "actions": ["action_answer", "action_summary"],
        "slots": {"topic": {"type": "any", "mappings": [{"type": "custom"}]}},
    }
)
# Reading any of these on a tracker reads earlier turns.
HISTORY_READS = {"events", "applied_events", "events_after_latest_restart", "get_last_event_for"}


@pytest.fixture
def patched(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RemoteAction, "_action_call_format", ORIGINAL)
    action_payload.install()


def long_tracker(turns: int = 5) -> DialogueStateTracker:
    events: list[Any] = [ActionExecuted("action_listen")]
    for turn in range(turns):
        events += [
            UserUttered(f"vraag {turn}", {"name": "ask"}),
            ActionExecuted("action_answer"),
            BotUttered(f"antwoord {turn}", data={"custom": {"topic": f"t{turn}"}}),
            SlotSet("topic", f"t{turn}"),
            ActionExecuted("action_listen"),
        ]
    events.append(UserUttered("laatste vraag", {"name": "ask"}))
    return DialogueStateTracker.from_events("c", events, DOMAIN.slots)


def action(name: str, selective: bool = False) -> RemoteAction:
    kwargs = {"enable_selective_domain": True} if selective else {}
    return RemoteAction(name, EndpointConfig("http://127.0.0.1:1/webhook", **kwargs))


def test_an_action_gets_this_turn_only_and_the_rest_unchanged(patched: None) -> None:
    tracker = long_tracker()
    ours = RemoteAction._action_call_format(action("action_answer"), tracker, DOMAIN)
    stock = ORIGINAL(action("action_answer"), tracker, DOMAIN)
    assert [e["event"] for e in ours["tracker"]["events"]] == ["user"]
    assert ours["tracker"]["events"][0]["text"] == "laatste vraag"
    assert len(stock["tracker"]["events"]) == len(tracker.events)
    ours["tracker"].pop("events"), stock["tracker"].pop("events")
    assert ours == stock  # slots, latest message, domain, version: as Rasa sends them


def test_the_history_goes_to_the_actions_that_read_it(patched: None) -> None:
    tracker = long_tracker()
    ours = RemoteAction._action_call_format(action("action_summary"), tracker, DOMAIN)
    assert ours == ORIGINAL(action("action_summary"), tracker, DOMAIN)
    assert len(ours["tracker"]["events"]) == len(tracker.events)


def test_selective_domain_leaves_the_domain_out(patched: None) -> None:
    ours = RemoteAction._action_call_format(action("action_answer", True), long_tracker(), DOMAIN)
    assert "domain" not in ours and ours["next_action"] == "action_answer"


def test_turn_events_after_the_bot_spoke() -> None:
    tracker = long_tracker(2)
    tracker.update(ActionExecuted("action_answer"))
    tracker.update(BotUttered("x"))
    assert [e.type_name for e in turn_events(tracker)] == ["user", "action", "bot"]
    empty = DialogueStateTracker.from_events("d", [ActionExecuted("action_listen")])
    assert [e.type_name for e in turn_events(empty)] == ["action"]


def action_classes() -> list[tuple[str, str, ast.ClassDef]]:
    """(file, action name, class) for every class in actions/ whose name() returns a string."""
    found = []
    for path in sorted((ROOT / "actions").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == "name":
                    returned = [r.value for r in ast.walk(item) if isinstance(r, ast.Return)]
                    if returned and isinstance(returned[0], ast.Constant):
                        found.append((path.name, str(returned[0].value), node))
    return found


def reads_history(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Attribute) and n.attr in HISTORY_READS for n in ast.walk(node))


def test_only_the_listed_actions_read_the_history() -> None:
    """An action that reads earlier events must be in HISTORY_ACTIONS, or it would see only
    the current turn; and no helper outside an action class reads them."""
    classes = action_classes()
    # Every custom action of the domain is found, so none escapes the check.
    custom = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["actions"]
    assert {name for _, name, _ in classes} == set(custom)
    readers = {name for _, name, node in classes if reads_history(node)}
    assert readers == set(HISTORY_ACTIONS)
    for path in sorted((ROOT / "actions").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        helpers = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
        assert not [h.name for h in helpers if reads_history(h)], path.name


def test_install_refuses_another_rasa_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RemoteAction, "_action_call_format", ORIGINAL)
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    with pytest.raises(RuntimeError, match="3.6.21"):
        action_payload.install()
    assert RemoteAction._action_call_format is ORIGINAL
