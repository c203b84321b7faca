"""The dialogue states of a conversation, computed once per event (a patch of Rasa 3.6).

At every prediction, Rasa 3.6's policies turn the *whole* history of the conversation into a
list of states (`Domain.states_for_tracker_history`): it replays every event into a fresh
tracker and builds a state at every action. Memoization and the rule policy each do this
several times per message, so the cost of a message grows with the length of the
conversation (about half of Rasa's time after 200 turns here).

The replacement keeps, per conversation and per way of asking, the replay tracker and the
states computed so far, and replays only the events that are new since the last call. It
falls back to Rasa's own function whenever the history is not a plain sequence of appended
events: an undo (`ActionReverted`, `UserUtteranceReverted`), a loop (`ActiveLoop`, whose
rejections `applied_events` handles), a history that does not start with the events the
cache saw, or a tracker with a limited event history. A restart or a new session starts the
cache again from there, as `applied_events` does. The states it returns are copies, because
Rasa's featurisers delete keys from them. When the caller asked for a window (`WINDOW`, set by
bot.engine.state_window for a policy that looks only at the end of the history), only the last
states are returned and copied.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Callable

RASA_VERSION = "3.6.21"  # the version whose Domain.states_for_tracker_history this replaces

# Conversations whose progress is kept (least recently used dropped), each a few states per turn.
CACHE_SIZE = 200

State = dict[str, Any]

# How many of the last states the current caller looks at (None: all). States after
# `action_unlikely_intent` do not count, as Rasa removes them before it slices a history.
WINDOW: ContextVar[int | None] = ContextVar("past_states_window", default=None)
UNLIKELY_INTENT = "action_unlikely_intent"


@dataclass
class _Progress:
    """How far one conversation's history has been replayed, for one way of asking."""

    start: int  # index in tracker.events of the first applied event (after the last reset)
    seen: int  # events of tracker.events replayed so far
    last: Any  # the last replayed event, compared with the tracker's event at seen - 1
    replay: Any  # the replayed tracker after `seen` events
    states: list[State]  # the states at every ActionExecuted so far
    last_ml_action: Any  # loop variables of Rasa's function, carried over
    turn_was_hidden: bool


_UNDO_NAMES = ("ActionReverted", "UserUtteranceReverted", "ActiveLoop")
_RESET_NAMES = ("Restarted", "SessionStarted")


class IncrementalStates:
    """Rasa's states_for_tracker_history with the replay of earlier calls kept."""

    def __init__(self, original: Callable[..., list[State]], size: int = CACHE_SIZE) -> None:
        """`original` is Rasa's function, used whenever the history is not plain appends."""
        from rasa.shared.core import events

        self._original = original
        self._size = size
        self._cache: OrderedDict[tuple[Any, ...], _Progress] = OrderedDict()
        self._undo = tuple(getattr(events, name) for name in _UNDO_NAMES)
        self._reset = tuple(getattr(events, name) for name in _RESET_NAMES)
        self._executed = events.ActionExecuted
        self.replayed = 0  # events replayed by this object (a measure for tests and the bench)

    def __call__(
        self,
        domain: Any,
        tracker: Any,
        omit_unset_slots: bool = False,
        ignore_rule_only_turns: bool = False,
        rule_only_data: dict[str, Any] | None = None,
    ) -> list[State]:
        """The states of `tracker`'s history, as Rasa's own function returns them."""
        events = tracker.events
        if tracker._max_event_history or not events:
            return tail(
                self._original(
                    domain, tracker, omit_unset_slots, ignore_rule_only_turns, rule_only_data
                )
            )
        key = (
            id(domain),
            tracker.sender_id,
            omit_unset_slots,
            ignore_rule_only_turns,
            json.dumps(rule_only_data, sort_keys=True, default=str),
        )
        progress = self._resume(key, events)
        if progress is None:
            progress = self._start(tracker)
            if progress is None:
                return tail(
                    self._original(
                        domain, tracker, omit_unset_slots, ignore_rule_only_turns, rule_only_data
                    )
                )
        new = [events[i] for i in range(progress.seen, len(events))]
        if any(isinstance(event, self._undo + self._reset) for event in new):
            self._cache.pop(key, None)
            return tail(
                self._original(
                    domain, tracker, omit_unset_slots, ignore_rule_only_turns, rule_only_data
                )
            )
        options = (domain, omit_unset_slots, ignore_rule_only_turns, rule_only_data)
        for event in new:
            if isinstance(event, self._executed):
                self._step(progress, options, event.hide_rule_turn, keep=True)
            progress.replay.update(event)
            self.replayed += 1
        progress.seen = len(events)
        if new:
            progress.last = new[-1]
        self._cache[key] = progress
        self._cache.move_to_end(key)
        while len(self._cache) > self._size:
            self._cache.popitem(last=False)
        final = self._step(progress, options, False, keep=False)
        everything = progress.states if final is None else [*progress.states, final]
        return [_copy(state) for state in tail(everything)]

    def _resume(self, key: tuple[Any, ...], events: Any) -> _Progress | None:
        """The cached progress, if `events` starts with exactly the events it replayed."""
        progress = self._cache.get(key)
        if progress is None or len(events) < progress.seen:
            return None
        # The event where the replay stopped, by time and content: another history under the
        # same id (deleted and begun again, or a branch) differs there.
        last = events[progress.seen - 1]
        if last.timestamp != progress.last.timestamp or last != progress.last:
            return None
        return progress

    def _start(self, tracker: Any) -> _Progress | None:
        """Progress at the start of the applied events, or None where they are not plain."""
        events = list(tracker.events)
        start = 0
        for index, event in enumerate(events):
            if isinstance(event, self._reset):
                start = index + 1
        if any(isinstance(event, self._undo) for event in events[start:]):
            return None
        return _Progress(
            start=start,
            seen=start,
            last=events[start - 1] if start else events[0],
            replay=tracker.init_copy(),
            states=[],
            last_ml_action=None,
            turn_was_hidden=False,
        )

    def _step(
        self, progress: _Progress, options: tuple[Any, ...], hide_rule_turn: bool, keep: bool
    ) -> State | None:
        """One pass of Rasa's loop body for the replayed tracker as it stands.

        With `keep`, the state and the loop variables are kept (an ActionExecuted of the
        history); without, they are not (the final state, which the next event changes).
        None where Rasa skips the turn (hidden for rule-only features)."""
        import rasa.shared.core.constants as constants

        domain, omit_unset_slots, ignore_rule_only_turns, rule_only_data = options
        tr = progress.replay
        last_ml_action = progress.last_ml_action
        turn_was_hidden = progress.turn_was_hidden
        state: State | None = None
        if ignore_rule_only_turns:
            if not turn_was_hidden:
                last_ml_action = domain._get_prev_action_sub_state(tr)
            if not tr.followup_action and not tr.latest_action_name == tr.active_loop_name:
                turn_was_hidden = hide_rule_turn
        if not (ignore_rule_only_turns and turn_was_hidden):
            state = domain.get_active_state(tr, omit_unset_slots=omit_unset_slots)
            if ignore_rule_only_turns:
                domain._remove_rule_only_features(state, rule_only_data)
                if progress.states:
                    domain._substitute_rule_only_user_input(state, progress.states[-1])
                if last_ml_action:
                    state[constants.PREVIOUS_ACTION] = last_ml_action
            state = domain._clean_state(state)
        if keep:
            progress.last_ml_action = last_ml_action
            progress.turn_was_hidden = turn_was_hidden
            if state is not None:
                # A copy: the sub-states are the replayed tracker's own dicts.
                progress.states.append(_copy(state))
        return state


def tail(states: list[State]) -> list[State]:
    """The last states the caller looks at (`WINDOW`), or all of them."""
    window = WINDOW.get()
    if window is None or len(states) <= window:
        return states
    counted = 0
    for start in range(len(states) - 1, -1, -1):
        previous = states[start].get("prev_action", {}).get("action_name")
        if previous != UNLIKELY_INTENT:
            counted += 1
            if counted == window:
                return states[start:]
    return states


def _copy(state: State) -> State:
    """A copy deep enough for Rasa's featurisers, which delete keys of the sub-states."""
    return {key: dict(value) if isinstance(value, dict) else value for key, value in state.items()}


_installed: IncrementalStates | None = None


def install() -> IncrementalStates:
    """Patch Domain.states_for_tracker_history in this process (only for serving: `run`)."""
    global _installed
    import rasa
    from rasa.shared.core.domain import Domain

    if rasa.__version__ != RASA_VERSION:
        raise RuntimeError(
            f"bot.engine.past_states was written for Rasa {RASA_VERSION}, not "
            f"{rasa.__version__}: check Domain.states_for_tracker_history "
            "and update the patch"
        )
    if _installed is None:
        incremental = IncrementalStates(Domain.states_for_tracker_history)

        def states_for_tracker_history(
            self: Domain,
            tracker: Any,
            omit_unset_slots: bool = False,
            ignore_rule_only_turns: bool = False,
            rule_only_data: dict[str, Any] | None = None,
        ) -> list[State]:
            return incremental(
                self, tracker, omit_unset_slots, ignore_rule_only_turns, rule_only_data
            )

        Domain.states_for_tracker_history = states_for_tracker_history
        _installed = incremental
    return _installed
