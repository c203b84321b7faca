"""The events that count in a conversation, worked out once per event (a patch of Rasa 3.6).

`DialogueStateTracker.applied_events` (the history without what was undone or restarted away)
walks every event of the conversation, and Rasa 3.6 calls it several times per message: the
session check (`MessageProcessor._update_tracker_session`, `_has_session_expired`), the
memoization policy, `get_last_event_for`. After 500 turns that was about a quarter of Rasa's
time here.

Rasa's walk is a left fold over the events (a restart or a new session empties the list, an
undo removes from its end, anything else is appended), except for loops: whether a loop's
action counts depends on every `ActiveLoop` event of the whole history. The replacement keeps,
per conversation, the fold so far and folds in only the events that are new since the last
call. It uses Rasa's own function for a history with a loop, one that does not start with the
events the cache saw, and a tracker with a limited event history. Callers get a list of their
own.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable

RASA_VERSION = "3.6.21"  # the version whose DialogueStateTracker.applied_events this replaces

CACHE_SIZE = 200  # conversations whose fold is kept (least recently used dropped)


@dataclass
class _Fold:
    """How far one conversation's events have been folded."""

    seen: int  # events of tracker.events folded so far
    last: Any  # the last folded event, compared with the tracker's event at seen - 1
    applied: list[Any]  # the applied events after `seen` events


class IncrementalApplied:
    """Rasa's applied_events with the fold of earlier calls kept."""

    def __init__(self, original: Callable[[Any], list[Any]], size: int = CACHE_SIZE) -> None:
        """`original` is Rasa's method, used whenever the fold cannot be resumed."""
        from rasa.shared.core import events

        self._original = original
        self._size = size
        self._cache: OrderedDict[str, _Fold] = OrderedDict()
        self._events = events
        self.folded = 0  # events folded by this object (a measure for tests)

    def __call__(self, tracker: Any) -> list[Any]:
        """The applied events of `tracker`, as Rasa's own method returns them."""
        events = tracker.events
        if tracker._max_event_history or not events:
            return self._original(tracker)
        key = tracker.sender_id
        fold = self._resume(key, events) or _Fold(seen=0, last=None, applied=[])
        new = [events[i] for i in range(fold.seen, len(events))]
        if any(isinstance(event, self._events.ActiveLoop) for event in new):
            # Loops make an earlier action count or not depending on later events.
            self._cache.pop(key, None)
            return self._original(tracker)
        for event in new:
            self._fold(fold, event)
        fold.seen = len(events)
        fold.last = events[-1]
        self._cache[key] = fold
        self._cache.move_to_end(key)
        while len(self._cache) > self._size:
            self._cache.popitem(last=False)
        return list(fold.applied)

    def _resume(self, key: str, events: Any) -> _Fold | None:
        """The cached fold, if `events` starts with exactly the events it folded."""
        fold = self._cache.get(key)
        if fold is None or len(events) < fold.seen:
            return None
        # Another history under the same id (deleted and begun again) differs there.
        last = events[fold.seen - 1]
        if last.timestamp != fold.last.timestamp or last != fold.last:
            return None
        return fold

    def _fold(self, fold: _Fold, event: Any) -> None:
        """One step of Rasa's loop in applied_events, for a history without loops."""
        from rasa.shared.core.trackers import DialogueStateTracker

        e = self._events
        self.folded += 1
        if isinstance(event, (e.Restarted, e.SessionStarted)):
            fold.applied = []
        elif isinstance(event, e.ActionReverted):
            DialogueStateTracker._undo_till_previous(e.ActionExecuted, fold.applied)
        elif isinstance(event, e.UserUtteranceReverted):
            DialogueStateTracker._undo_till_previous(e.UserUttered, fold.applied)
            DialogueStateTracker._undo_till_previous(e.ActionExecuted, fold.applied)
        else:
            fold.applied.append(event)


_installed: IncrementalApplied | None = None


def install() -> IncrementalApplied:
    """Patch DialogueStateTracker.applied_events in this process (only for serving: `run`)."""
    global _installed
    import rasa
    from rasa.shared.core.trackers import DialogueStateTracker

    if rasa.__version__ != RASA_VERSION:
        raise RuntimeError(
            f"bot.engine.applied_events was written for Rasa {RASA_VERSION}, not "
            f"{rasa.__version__}: check DialogueStateTracker.applied_events "
            "and update the patch"
        )
    if _installed is None:
        incremental = IncrementalApplied(DialogueStateTracker.applied_events)

        def applied_events(self: DialogueStateTracker) -> list[Any]:
            return incremental(self)

        DialogueStateTracker.applied_events = applied_events
        _installed = incremental
    return _installed
