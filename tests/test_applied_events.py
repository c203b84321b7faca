"""The incremental applied events equal Rasa's own at every step of a growing conversation,
over every kind of event, and fall back to Rasa's where the fold cannot be resumed
(bot.engine.applied_events)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
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

from bot.engine import applied_events
from bot.engine.applied_events import IncrementalApplied

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = Domain.load(str(ROOT / "domain.yml"))
STOCK = DialogueStateTracker.applied_events  # Rasa's own (the patch is only installed for `run`)


def random_events(rng: random.Random, length: int, loops: bool = False) -> list[Event]:
    """User turns, bot actions and slots, with undos, restarts and new sessions among them."""
    makers = [
        lambda: UserUttered("vraag", {"name": rng.choice(DOMAIN.intents)}),
        lambda: ActionExecuted(rng.choice(["action_listen", "utter_greet", "a_form"])),
        lambda: BotUttered("antwoord"),
        lambda: SlotSet("lang", rng.choice(["nl", "en"])),
        lambda: DefinePrevUserUtteredFeaturization(False),
        lambda: UserUtteranceReverted(),
        lambda: ActionReverted(),
        lambda: Restarted(),
        lambda: SessionStarted(),
    ]
    weights = [5, 6, 4, 2, 2, 1, 1, 0.3, 0.3]
    if loops:
        makers.append(lambda: ActiveLoop(rng.choice(["a_form", None])))
        weights.append(0.5)
    return [rng.choices(makers, weights)[0]() for _ in range(length)]


@pytest.mark.parametrize("seed", range(30))
@pytest.mark.parametrize("loops", [False, True])
def test_equal_to_rasa_at_every_step(seed: int, loops: bool) -> None:
    rng = random.Random(seed)
    incremental = IncrementalApplied(STOCK)
    tracker = DialogueStateTracker("ouder", DOMAIN.slots)
    for _ in range(25):
        # Each message, as Rasa reads it: the tracker from the store, then several calls.
        for event in random_events(rng, rng.randint(1, 8), loops):
            tracker.update(event)
        fresh = DialogueStateTracker.from_events("ouder", list(tracker.events), DOMAIN.slots)
        assert incremental(fresh) == STOCK(fresh)
        assert incremental(fresh) == STOCK(fresh)


def test_only_new_events_are_folded() -> None:
    rng = random.Random(1)
    incremental = IncrementalApplied(STOCK)
    tracker = DialogueStateTracker("ouder", DOMAIN.slots)
    for _ in range(50):
        for event in random_events(rng, 6):
            tracker.update(event)
        incremental(tracker)
    assert incremental.folded == len(tracker.events)


def test_another_history_under_the_same_id_is_detected() -> None:
    incremental = IncrementalApplied(STOCK)
    first = DialogueStateTracker.from_events(
        "ouder", [ActionExecuted("action_listen"), UserUttered("a", {"name": "greet"})]
    )
    incremental(first)
    other = DialogueStateTracker.from_events(
        "ouder",
        [ActionExecuted("action_listen"), UserUttered("b", {"name": "bye"}), BotUttered("x")],
    )
    assert incremental(other) == STOCK(other)


def test_callers_get_a_list_of_their_own() -> None:
    incremental = IncrementalApplied(STOCK)
    tracker = DialogueStateTracker.from_events("ouder", [ActionExecuted("action_listen")])
    incremental(tracker).clear()
    assert incremental(tracker) == STOCK(tracker)


def test_a_limited_history_uses_rasas_own() -> None:
    incremental = IncrementalApplied(STOCK)
    events = random_events(random.Random(3), 40)
    tracker = DialogueStateTracker.from_events("ouder", events, DOMAIN.slots, 10)
    assert incremental(tracker) == STOCK(tracker)
    assert incremental.folded == 0


def test_install_refuses_another_rasa_version(monkeypatch: pytest.MonkeyPatch) -> None:
    import rasa

    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    with pytest.raises(RuntimeError, match="3.6.21"):
        applied_events.install()


def test_install_replaces_applied_events(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(DialogueStateTracker, "applied_events", STOCK)
    monkeypatch.setattr(applied_events, "_installed", None)
    incremental = applied_events.install()
    tracker = DialogueStateTracker.from_events("ouder", [ActionExecuted("action_listen")])
    assert tracker.applied_events() == STOCK(tracker)
    assert incremental.folded == 1
