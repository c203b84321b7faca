"""The tracker copied by its state equals Rasa's replayed copy, field by field, over every kind
of event a conversation holds; the copy and the original do not share what either changes
(bot.engine.tracker_copy)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionExecutionRejected,
    ActionReverted,
    ActiveLoop,
    AllSlotsReset,
    BotUttered,
    ConversationPaused,
    ConversationResumed,
    DefinePrevUserUtteredFeaturization,
    Event,
    FollowupAction,
    LoopInterrupted,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.engine import tracker_copy
from bot.engine.tracker_copy import copy_by_state

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = Domain.load(str(ROOT / "domain.yml"))


def replayed(tracker: DialogueStateTracker) -> DialogueStateTracker:
    """Rasa's own copy (DialogueStateTracker.copy in 3.6): every event replayed."""
    return tracker.travel_back_in_time(float("inf"))


def fields(tracker: DialogueStateTracker) -> dict[str, Any]:
    """Everything a tracker holds, in comparable form."""
    return {
        "events": list(tracker.events),
        "maxlen": tracker.events.maxlen,
        "slots": {
            name: (type(slot), slot.value, slot.has_been_set)
            for name, slot in tracker.slots.items()
        },
        "paused": tracker._paused,
        "followup": tracker.followup_action,
        "latest_action": tracker.latest_action,
        "latest_message": tracker.latest_message,
        "latest_bot": tracker.latest_bot_utterance,
        "loop": tracker.active_loop,
        "sender": tracker.sender_id,
        "rule": tracker.is_rule_tracker,
        "model_id": tracker.model_id,
        "state": tracker.current_state(),
        "applied": tracker.applied_events(),
    }


def random_history(seed: int, length: int) -> list[Event]:
    """Every kind of event the processor writes, in a random order."""
    rng = random.Random(seed)
    slot = rng.choice([s.name for s in DOMAIN.slots])
    makers = [
        lambda: UserUttered(f"vraag {rng.random()}", {"name": rng.choice(DOMAIN.intents)}),
        lambda: ActionExecuted(rng.choice(DOMAIN.action_names_or_texts)),
        lambda: ActionExecuted("action_listen"),
        lambda: BotUttered("antwoord", {"buttons": []}),
        lambda: SlotSet(slot, rng.choice([None, "nl", "en", "smard", True])),
        lambda: SlotSet(rng.choice([s.name for s in DOMAIN.slots]), "x"),
        lambda: DefinePrevUserUtteredFeaturization(rng.random() < 0.5),
        lambda: ActiveLoop(rng.choice(["a_form", None])),
        lambda: LoopInterrupted(rng.random() < 0.5),
        lambda: ActionExecutionRejected("a_form"),
        lambda: FollowupAction("action_listen"),
        lambda: ConversationPaused(),
        lambda: ConversationResumed(),
        lambda: UserUtteranceReverted(),
        lambda: ActionReverted(),
        lambda: AllSlotsReset(),
        lambda: Restarted(),
        lambda: SessionStarted(),
    ]
    return [rng.choice(makers)() for _ in range(length)]


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("max_history", [None, 7])
def test_the_copy_equals_the_replay(seed: int, max_history: int | None) -> None:
    tracker = DialogueStateTracker.from_events(
        "ouder", random_history(seed, 60), DOMAIN.slots, max_history
    )
    assert fields(copy_by_state(tracker)) == fields(replayed(tracker))


@pytest.mark.parametrize("seed", range(10))
def test_changing_the_copy_leaves_the_original(seed: int) -> None:
    """As _run_action does: the copy gets the policy's events and the action runs on it."""
    events = random_history(seed, 40) + [ActiveLoop("a_form"), SlotSet("lang", "en")]
    tracker = DialogueStateTracker.from_events("ouder", events, DOMAIN.slots)
    before = fields(tracker)
    duplicate = copy_by_state(tracker)
    duplicate.update_with_events(
        [SlotSet("lang", "nl"), ActionExecutionRejected("a_form"), LoopInterrupted(True)], DOMAIN
    )
    duplicate.update(ActionExecuted("utter_greet"))
    assert fields(tracker) == before


def test_a_tracker_without_domain_slots_is_replayed() -> None:
    tracker = DialogueStateTracker.from_events("ouder", [SlotSet("made_up", 1)], slots=None)
    duplicate = copy_by_state(tracker)
    assert duplicate.slots["made_up"].value == 1
    assert duplicate.slots is not tracker.slots


def test_install_refuses_another_rasa_version(monkeypatch: pytest.MonkeyPatch) -> None:
    import rasa

    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    with pytest.raises(RuntimeError, match="3.6.21"):
        tracker_copy.install()


def test_install_replaces_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(DialogueStateTracker, "copy", DialogueStateTracker.copy)
    tracker_copy.install()
    assert DialogueStateTracker.copy is copy_by_state
