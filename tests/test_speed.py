"""The speed-ups keep Rasa's behaviour: the action server's reply is still checked, and the
launcher really starts Rasa with them (bot.engine.action_reply, bot.engine.rasa_main)."""

from __future__ import annotations

import copy
import importlib
from typing import Any

import jsonschema
import pytest
import rasa
from rasa.core.actions.action import RemoteAction
from rasa.core.channels import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.engine import action_reply, rasa_main

VALID = {
    "events": [{"event": "slot", "name": "topic", "value": "smard_what"}],
    "responses": [{"text": "x", "buttons": [{"title": "a", "payload": "/b"}]}],
}
INVALID = [
    {"events": [{"event": "slot", "value": "no name"}]},  # a slot event needs a name
    {"events": {"event": "slot"}},  # events must be a list
    {"events": [], "responses": ["a bare string"]},  # responses are objects
    {"events": [{"event": "no_such_event"}]},
]


@pytest.fixture
def patched(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rasa's RemoteAction with the patch installed; restored afterwards."""
    monkeypatch.setattr(
        RemoteAction, "_validate_action_result", RemoteAction._validate_action_result
    )
    action_reply.install()


async def run_remote_action(reply: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """RemoteAction.run (Rasa's own code path) against an action server answering `reply`."""

    async def request(self: EndpointConfig, **kwargs: Any) -> dict[str, Any]:
        return reply

    monkeypatch.setattr(EndpointConfig, "request", request)
    domain = Domain.from_dict(
        {
            "slots": {"topic": {"type": "any", "mappings": [{"type": "custom"}]}},
            "actions": ["action_answer"],
        }
    )
    action = RemoteAction("action_answer", EndpointConfig("http://127.0.0.1:1/webhook"))
    tracker = DialogueStateTracker("sender", domain.slots)
    return await action.run(
        CollectingOutputChannel(),
        TemplatedNaturalLanguageGenerator(domain.responses),
        tracker,
        domain,
    )


def test_written_for_this_rasa_version() -> None:
    # The patch replaces one method of this version; after an upgrade, re-read it and re-pin.
    assert rasa.__version__ == action_reply.RASA_VERSION


def test_install_refuses_another_rasa(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    monkeypatch.setattr(
        RemoteAction, "_validate_action_result", RemoteAction._validate_action_result
    )
    with pytest.raises(RuntimeError, match="3.7.0"):
        action_reply.install()
    assert RemoteAction._validate_action_result is not action_reply.validate_action_result


@pytest.mark.parametrize("reply", INVALID)
async def test_an_invalid_reply_is_still_rejected(
    reply: dict[str, Any], patched: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert RemoteAction._validate_action_result is action_reply.validate_action_result
    with pytest.raises(jsonschema.ValidationError) as ours:
        await run_remote_action(reply, monkeypatch)
    # The same error as Rasa's own check (jsonschema.validate) would have raised.
    with pytest.raises(jsonschema.ValidationError) as stock:
        jsonschema.validate(reply, RemoteAction.action_response_format_spec())
    assert ours.value.message.startswith(stock.value.message + ". Failed to validate Action")
    assert list(ours.value.path) == list(stock.value.path)


async def test_a_valid_reply_becomes_events(patched: None, monkeypatch: pytest.MonkeyPatch) -> None:
    events = await run_remote_action(VALID, monkeypatch)
    assert [e.type_name for e in events] == ["bot", "slot"]
    assert events[1].key == "topic" and events[1].value == "smard_what"


def test_the_rasa_entry_installs_the_patch_before_rasa_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import rasa.__main__
    from rasa.core.policies.policy import Policy
    from rasa.core.tracker_store import FailSafeTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.engine import (
        action_payload,
        applied_events,
        classifier_layout,
        debug_logs,
        past_states,
        state_window,
        store_errors,
        tracker_copy,
    )

    seen = []
    monkeypatch.setattr(RemoteAction, "_action_call_format", RemoteAction._action_call_format)
    monkeypatch.setattr(Domain, "states_for_tracker_history", Domain.states_for_tracker_history)
    monkeypatch.setattr(past_states, "_installed", None)
    monkeypatch.setattr(Policy, "_prediction_states", Policy._prediction_states)
    monkeypatch.setattr(state_window, "_installed", None)
    from rasa.nlu.classifiers.logistic_regression_classifier import (
        LogisticRegressionClassifier as LRC,
    )

    monkeypatch.setattr(LRC, "load", LRC.__dict__["load"])
    monkeypatch.setattr(classifier_layout, "_installed", None)
    monkeypatch.setattr(DialogueStateTracker, "copy", DialogueStateTracker.copy)
    monkeypatch.setattr(DialogueStateTracker, "applied_events", DialogueStateTracker.applied_events)
    monkeypatch.setattr(applied_events, "_installed", None)
    monkeypatch.setattr(Policy, "format_tracker_states", Policy.format_tracker_states)
    for name in debug_logs.POLICY_MODULES:
        monkeypatch.setattr(importlib.import_module(name), "copy", copy)
    monkeypatch.setattr(
        RemoteAction, "_validate_action_result", RemoteAction._validate_action_result
    )
    for name in ("retrieve", "retrieve_full_tracker", "save"):  # restored after the test
        monkeypatch.setattr(FailSafeTrackerStore, name, getattr(FailSafeTrackerStore, name))
    monkeypatch.setattr(
        rasa.__main__,
        "main",
        lambda: seen.append(
            (
                RemoteAction._validate_action_result is action_reply.validate_action_result,
                FailSafeTrackerStore.retrieve is store_errors._retrieve,
                Domain.states_for_tracker_history.__module__ == past_states.__name__,
                RemoteAction._action_call_format.__module__ == action_payload.__name__,
                DialogueStateTracker.copy is tracker_copy.copy_by_state,
                DialogueStateTracker.applied_events.__module__ == applied_events.__name__,
                Policy.format_tracker_states.__module__ == debug_logs.__name__,
                Policy._prediction_states.__module__ == state_window.__name__,
                LRC.__dict__["load"].__func__.__module__ == classifier_layout.__name__,
            )
        ),
    )
    rasa_main.main()
    assert seen == [(True,) * 9]


def test_bench_percentiles_and_table() -> None:
    from bot.ops import bench

    assert bench.percentile([3, 1, 2, 4], 50) == 2.5
    assert bench.percentile(list(range(101)), 99) == 99
    assert len(bench.questions()) > 100
    stock, ours = bench.Result("stock"), bench.Result("shipped")
    for r, rate in ((stock, 10.0), (ours, 35.0)):
        r.loads, r.failed, r.rss = (
            {50: (rate, 900.0, 1500.0)},
            {50: 0},
            {"rasa": 600, "actions": 150, "web": 60},
        )
    stock.failed[50] = 3
    text = bench.table([stock, ours], 3)
    assert (
        "| 50 concurrent fresh conversations: messages/s, p50, p99 | 10.0/s, 900 ms, 1500 ms "
        "(3 failed) | 35.0/s, 900 ms, 1500 ms |" in text
    )
    assert "| throughput at 50 clients relative to stock | 1.00× | 3.50× |" in text
