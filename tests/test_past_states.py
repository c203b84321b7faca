"""The incremental dialogue states give exactly what Rasa's own function gives, at every step
of a conversation, and fall back to it where the history is not plain appends
(bot.engine.past_states)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    BotUttered,
    DefinePrevUserUtteredFeaturization,
    Event,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.engine import past_states
from bot.engine.past_states import IncrementalStates

ROOT = Path(__file__).resolve().parent.parent
STOCK = Domain.states_for_tracker_history  # Rasa's own (the patch is only installed for `run`)

# A domain whose slots do shape the states, unlike the project's (none influences the dialogue).
SLOTTED = Domain.from_dict(
    {
        "intents": ["ask", "thanks", "stop"],
        "entities": ["topic"],
        "actions": ["action_answer", "action_fallback", "utter_ok"],
        "responses": {"utter_ok": [{"text": "ok"}]},
        "slots": {
            "choice": {
                "type": "categorical",
                "values": ["a", "b"],
                "mappings": [{"type": "custom"}],
            },
            "asked": {"type": "bool", "mappings": [{"type": "custom"}]},
            "note": {"type": "text", "influence_conversation": False, "mappings": []},
        },
    }
)
RULE_ONLY = {"rule_only_slots": ["asked"], "rule_only_loops": []}
WAYS = [
    {},
    {"omit_unset_slots": True},
    {"ignore_rule_only_turns": True, "rule_only_data": RULE_ONLY},
    {"ignore_rule_only_turns": True, "rule_only_data": None},
]


def conversation(domain: Domain, turns: int, seed: int) -> list[Event]:
    """A conversation as Rasa writes it: session start, then user turns with bot actions,
    slot changes, hidden rule turns and the featurisation marker after each user message."""
    rng = random.Random(seed)
    actions = [a for a in domain.user_actions if a != "action_listen"] or ["action_answer"]
    slots = {slot.name: slot for slot in domain.slots}
    events: list[Event] = [
        ActionExecuted("action_session_start"),
        SessionStarted(),
        ActionExecuted("action_listen"),
    ]
    for turn in range(turns):
        intent = rng.choice(domain.intents)
        entities = [{"entity": "topic", "value": "x"}] if rng.random() < 0.2 else []
        events.append(UserUttered(f"vraag {turn}", {"name": intent}, entities))
        events.append(DefinePrevUserUtteredFeaturization(False))
        for _ in range(rng.choice([1, 1, 2])):
            events.append(ActionExecuted(rng.choice(actions), hide_rule_turn=rng.random() < 0.3))
            if slots and rng.random() < 0.4:
                name = rng.choice(sorted(slots))
                values = getattr(slots[name], "values", None)
                value: Any = rng.choice(values) if values else rng.choice([True, False, "x"])
                events.append(SlotSet(name, value))
            events.append(BotUttered(f"antwoord {turn}"))
        events.append(ActionExecuted("action_listen", hide_rule_turn=rng.random() < 0.3))
    return events


def tracker(domain: Domain, events: list[Event], sender: str = "c") -> DialogueStateTracker:
    return DialogueStateTracker.from_events(sender, events, domain.slots)


def project_domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


@pytest.mark.parametrize("way", WAYS, ids=lambda way: ",".join(way) or "default")
@pytest.mark.parametrize("which", ["slotted", "project"])
def test_every_prefix_gives_rasa_states(which: str, way: dict[str, Any]) -> None:
    """As a conversation grows event by event, each call equals Rasa's own from scratch,
    while it replays each event once."""
    domain = SLOTTED if which == "slotted" else project_domain()
    events = conversation(domain, turns=25, seed=7)
    incremental = IncrementalStates(STOCK)
    for end in range(1, len(events) + 1):
        expected = STOCK(domain, tracker(domain, events[:end]), **way)
        assert incremental(domain, tracker(domain, events[:end]), **way) == expected, end
    # Each event at most once (Rasa's own replays 13,000 here: every prefix again).
    assert incremental.replayed <= len(events)


def test_the_states_can_be_changed_by_the_caller() -> None:
    """Rasa's featurisers delete keys from the states; the next call is not affected."""
    events = conversation(SLOTTED, turns=5, seed=3)
    incremental = IncrementalStates(STOCK)
    first = incremental(SLOTTED, tracker(SLOTTED, events))
    for state in first:
        for sub in state.values():
            sub.clear()
    assert incremental(SLOTTED, tracker(SLOTTED, events)) == STOCK(
        SLOTTED, tracker(SLOTTED, events)
    )


@pytest.mark.parametrize(
    "change",
    [
        [ActionReverted()],
        [UserUtteranceReverted()],
        [Restarted(), ActionExecuted("action_listen")],
        [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")],
    ],
    ids=["action reverted", "utterance reverted", "restarted", "new session"],
)
def test_undo_and_reset_give_rasa_states(change: list[Event]) -> None:
    """An undo or a reset in the new events: Rasa's own function decides, then it goes on."""
    events = conversation(SLOTTED, turns=6, seed=11)
    incremental = IncrementalStates(STOCK)
    incremental(SLOTTED, tracker(SLOTTED, events))
    later = events + change + conversation(SLOTTED, turns=3, seed=12)[3:]
    for end in range(len(events), len(later) + 1):
        expected = STOCK(SLOTTED, tracker(SLOTTED, later[:end]))
        assert incremental(SLOTTED, tracker(SLOTTED, later[:end])) == expected, end


def test_another_history_under_the_same_id_is_noticed() -> None:
    """A conversation deleted and begun again with the same id, or a history that differs
    before the point the cache reached, is replayed from the start."""
    incremental = IncrementalStates(STOCK)
    first = conversation(SLOTTED, turns=6, seed=1)
    incremental(SLOTTED, tracker(SLOTTED, first))
    second = conversation(SLOTTED, turns=8, seed=2)  # new timestamps, other events
    assert incremental(SLOTTED, tracker(SLOTTED, second)) == STOCK(
        SLOTTED, tracker(SLOTTED, second)
    )
    branch = second[:-1] + [ActionExecuted("action_fallback")]
    assert incremental(SLOTTED, tracker(SLOTTED, branch)) == STOCK(
        SLOTTED, tracker(SLOTTED, branch)
    )
    assert incremental(SLOTTED, tracker(SLOTTED, second)) == STOCK(
        SLOTTED, tracker(SLOTTED, second)
    )


def test_conversations_are_kept_apart_and_the_cache_is_bounded() -> None:
    incremental = IncrementalStates(STOCK, size=2)
    histories = {f"c{i}": conversation(SLOTTED, turns=4, seed=i) for i in range(4)}
    for _ in range(2):
        for sender, events in histories.items():
            got = incremental(SLOTTED, tracker(SLOTTED, events, sender))
            assert got == STOCK(SLOTTED, tracker(SLOTTED, events, sender))
    assert len(incremental._cache) == 2


def test_install_refuses_another_rasa_version(monkeypatch: pytest.MonkeyPatch) -> None:
    import rasa

    assert rasa.__version__ == past_states.RASA_VERSION
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    monkeypatch.setattr(past_states, "_installed", None)
    with pytest.raises(RuntimeError, match="3.6.21"):
        past_states.install()
    assert Domain.states_for_tracker_history is STOCK
