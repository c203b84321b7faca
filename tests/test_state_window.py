"""With each policy given only the states it looks at (bot.engine.state_window, on top of
bot.engine.past_states), the trained model predicts exactly what stock Rasa predicts, at every
step of a long conversation; and the window is what each policy needs."""

from __future__ import annotations

import json
import random
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Iterator

import pytest
from rasa.core.policies.policy import Policy
from rasa.core.processor import MessageProcessor
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.engine import past_states, state_window

ROOT = Path(__file__).resolve().parent.parent
STOCK_STATES = Domain.states_for_tracker_history
STOCK_PREDICTION_STATES = Policy._prediction_states


@pytest.fixture(scope="module")
def processor(model_path: Path) -> MessageProcessor:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model_path))
    assert agent.processor is not None
    return agent.processor


@pytest.fixture()
def shipped() -> Iterator[None]:
    """The two patches installed for the test, Rasa's own put back after it."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Domain, "states_for_tracker_history", STOCK_STATES)
        mp.setattr(Policy, "_prediction_states", STOCK_PREDICTION_STATES)
        mp.setattr(past_states, "_installed", None)
        mp.setattr(state_window, "_installed", None)
        past_states.install()
        state_window.install()
        yield


def _policies(processor: MessageProcessor) -> list[Any]:
    nodes = processor.graph_runner._instantiated_nodes.values()
    return [n._component for n in nodes if isinstance(n._component, Policy)]


def _predict(processor: MessageProcessor, tracker: DialogueStateTracker, stock: bool) -> Any:
    """The ensemble's prediction and every policy's own, shipped or stock."""
    from rasa.core.policies.rule_policy import RulePolicy

    policies = _policies(processor)
    rule_only = next(p for p in policies if isinstance(p, RulePolicy))._get_rule_only_data()
    with pytest.MonkeyPatch.context() as mp:
        if stock:
            mp.setattr(Domain, "states_for_tracker_history", STOCK_STATES)
            mp.setattr(Policy, "_prediction_states", STOCK_PREDICTION_STATES)
        each = [
            p.predict_action_probabilities(tracker, processor.domain, rule_only_data=rule_only)
            for p in policies
        ]
        return processor._predict_next_with_tracker(tracker), each


def _same(a: Any, b: Any) -> bool:
    fields = (
        "policy_name",
        "probabilities",
        "events",
        "hide_rule_turn",
        "is_end_to_end_prediction",
    )
    return all(getattr(a, f) == getattr(b, f) for f in fields)


def _story_turns() -> list[tuple[str, list[str]]]:
    """The training stories as (intent, actions) turns: the memoised paths."""
    import yaml

    stories = yaml.safe_load((ROOT / "data" / "stories" / "flows.yml").read_text())["stories"]
    turns: list[tuple[str, list[str]]] = []
    for story in stories:
        for step in story["steps"]:
            if "intent" in step:
                turns.append((step["intent"], []))
            elif "action" in step:
                turns[-1][1].append(step["action"])
    return turns


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_predictions_equal_stock_rasa_over_a_long_conversation(
    processor: MessageProcessor, shipped: None, seed: int
) -> None:
    """Seed 0 follows the stories first (the memoization policy recalls them), then wanders."""
    rng = random.Random(seed)
    domain = processor.domain
    tracker = DialogueStateTracker.from_events(
        f"window-{seed}",
        [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")],
        slots=domain.slots,
    )
    scripted = _story_turns() if seed == 0 else []
    compared = recalled = 0
    for turn in range(120):
        intent = scripted[turn][0] if turn < len(scripted) else rng.choice(domain.intents)
        tracker.update(UserUttered(f"vraag {turn}", {"name": intent, "confidence": 0.9}))
        for _ in range(4):
            (ours, ours_each), (stock, stock_each) = (
                _predict(processor, tracker, stock=False),
                _predict(processor, tracker, stock=True),
            )
            assert _same(ours, stock), f"turn {turn}, intent {intent}"
            for mine, theirs in zip(ours_each, stock_each):
                assert _same(mine, theirs), f"turn {turn}, intent {intent}, {mine.policy_name}"
            recalled += any(
                p.policy_name == "MemoizationPolicy" and max(p.probabilities) == 1.0
                for p in ours_each
            )
            compared += 1
            action = domain.action_names_or_texts[ours.max_confidence_index]
            tracker.update(
                ActionExecuted(action, ours.policy_name, ours.max_confidence, ours.hide_rule_turn)
            )
            if action == "action_listen":
                break
            tracker.update(BotUttered("antwoord"))
    assert compared >= 240
    if seed == 0:
        assert recalled >= len(scripted)  # the memoised path was really taken
    # The window was in force: the policies were handed fewer states than the history has.
    full = len(STOCK_STATES(domain, tracker))
    for policy in _policies(processor):
        window = state_window.window_for(policy)
        assert window is not None and window < full // 10


def test_the_window_is_what_each_policy_needs(processor: MessageProcessor) -> None:
    from rasa.core.policies.memoization import MemoizationPolicy
    from rasa.core.policies.rule_policy import RULES, RULES_FOR_LOOP_UNHAPPY_PATH, RulePolicy

    policies = _policies(processor)
    rule = next(p for p in policies if isinstance(p, RulePolicy))
    memo = next(p for p in policies if type(p) is MemoizationPolicy)
    keys = [*rule.lookup[RULES], *rule.lookup[RULES_FOR_LOOP_UNHAPPY_PATH]]
    assert state_window.window_for(rule) == 1 + max(len(json.loads(k)) for k in keys)
    # Rasa 3.6 memorises whole stories (max_history unbounded): one more than the longest.
    assert memo.featurizer.max_history is None
    lengths = [state_window._memorised_length(memo, key) for key in memo.lookup]
    assert state_window.window_for(memo) == 1 + max(n for n in lengths if n is not None)

    other = SimpleNamespace(featurizer=None)  # a policy we know nothing about sees everything
    assert state_window.window_for(other) is None


def _state(action: str) -> dict[str, Any]:
    return {"prev_action": {"action_name": action}, "user": {"intent": "ask"}}


def test_the_tail_skips_nothing_rasa_would_count() -> None:
    states = [_state(f"a{i}") for i in range(6)]
    states.insert(4, _state(past_states.UNLIKELY_INTENT))  # removed by Rasa before slicing
    token = past_states.WINDOW.set(3)
    try:
        assert past_states.tail(states) == [_state("a3"), _state(past_states.UNLIKELY_INTENT)] + [
            _state("a4"),
            _state("a5"),
        ]
    finally:
        past_states.WINDOW.reset(token)
    assert past_states.tail(states) == states  # no window: everything


def test_the_window_holds_only_inside_a_prediction(shipped: None) -> None:
    seen: list[int | None] = []

    probe = SimpleNamespace(featurizer=None, _state_window=7)

    def record(self: Any, *args: Any, **kwargs: Any) -> list[Any]:
        seen.append(past_states.WINDOW.get())
        return []

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(state_window, "_installed", None)
        mp.setattr(Policy, "_prediction_states", record)
        state_window.install()
        Policy._prediction_states(probe, None, None)
    assert seen == [7]
    assert past_states.WINDOW.get() is None


def test_install_refuses_another_rasa_version(monkeypatch: pytest.MonkeyPatch) -> None:
    import rasa

    assert rasa.__version__ == state_window.RASA_VERSION
    monkeypatch.setattr(state_window, "_installed", None)
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    with pytest.raises(RuntimeError, match="3.6.21"):
        state_window.install()


@pytest.mark.parametrize("compressed", [True, False])
def test_a_memorised_key_is_counted_in_states(
    processor: MessageProcessor, compressed: bool
) -> None:
    from rasa.core.policies.memoization import MemoizationPolicy

    memo = next(p for p in _policies(processor) if type(p) is MemoizationPolicy)
    with pytest.MonkeyPatch.context() as mp:
        mp.setitem(memo.config, "enable_feature_string_compression", compressed)
        for n in (1, 2, 7):
            states: list[dict[str, Any]] = [{}] + [_state(f"a{i}") for i in range(n - 1)]
            assert state_window._memorised_length(memo, memo._create_feature_key(states)) == n
        with_text = [{"user": {"text": "a {brace"}}, _state("a")]
        assert state_window._memorised_length(memo, memo._create_feature_key(with_text)) is None
