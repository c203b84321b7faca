"""A tracker copied by its state, not by replaying its history (a patch of Rasa 3.6).

Rasa 3.6 copies the conversation's tracker before it runs every action
(`MessageProcessor._run_action`: `tracker.copy()`), and `DialogueStateTracker.copy` builds the
copy by replaying every event of the conversation into a fresh tracker
(`travel_back_in_time(inf)`). Two or three actions per message, each replaying the whole
history, make a message cost more the longer the conversation is.

The replacement builds the same tracker from the final state: the same events (the same
objects, as the replay appends them), copies of the slots with their values, and the fields
the events set (latest message, action and bot utterance, active loop, follow-up action,
paused). It is what the replay gives, field by field (`tests/test_tracker_copy.py` compares
the two over every kind of event). Still replayed: a tracker whose slots are made up on the fly
(no domain), and one with a limited event history, whose replay starts from the events it kept
(and so differs from the tracker itself). `travel_back_in_time` itself, which Rasa uses to look at the past, is
unchanged.
"""

from __future__ import annotations

import copy
from typing import Any

RASA_VERSION = "3.6.21"  # the version whose DialogueStateTracker.copy this replaces


def copy_by_state(tracker: Any) -> Any:
    """A duplicate of `tracker`, equal to Rasa's replayed copy, in time independent of history."""
    from rasa.shared.core.trackers import AnySlotDict

    if tracker._max_event_history or isinstance(tracker.slots, AnySlotDict):
        return tracker.travel_back_in_time(float("inf"))
    duplicate = tracker.init_copy()
    # The replay appends the tracker's own event objects; a deque copy keeps its maxlen.
    duplicate.events = copy.copy(tracker.events)
    duplicate.slots = {name: copy.copy(slot) for name, slot in tracker.slots.items()}
    duplicate._paused = tracker._paused
    duplicate.followup_action = tracker.followup_action
    # Shared, as nothing changes it in place: ActionExecuted sets a new dict each time.
    duplicate.latest_action = tracker.latest_action
    duplicate.latest_message = tracker.latest_message
    duplicate.latest_bot_utterance = tracker.latest_bot_utterance
    # The loop's flags are changed in place (rejected, interrupted): a copy of its own.
    duplicate.active_loop = copy.copy(tracker.active_loop)
    return duplicate


def install() -> None:
    """Replace DialogueStateTracker.copy in this process (call before Rasa serves)."""
    import rasa
    from rasa.shared.core.trackers import DialogueStateTracker

    if rasa.__version__ != RASA_VERSION:
        raise RuntimeError(
            f"bot.engine.tracker_copy was written for Rasa {RASA_VERSION}, not "
            f"{rasa.__version__}: check DialogueStateTracker.copy and update the patch"
        )
    DialogueStateTracker.copy = copy_by_state
