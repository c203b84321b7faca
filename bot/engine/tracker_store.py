"""Rasa's SQL tracker store, reading only the events it has not read before.

Rasa's `SQLTrackerStore.retrieve` reads every event of the conversation's latest session at
every message, parses its JSON and deserialises it into an event object: 21% of Rasa's CPU
under load here, and growing with the conversation (about 0.2 ms per stored event). This
subclass keeps the deserialised events of recent conversations in memory and on `retrieve`
reads only the rows added since. It also keeps the tracker built from those events and hands
out a copy by state (bot.engine.tracker_copy) with only the new events applied, as rebuilding
it from every event (`DialogueStateTracker.from_events`) was a quarter of a message's time
after 500 turns; the copy keeps Rasa's changes to the returned tracker out of the cache.

Staleness: every `retrieve` asks the database for the sender's row count and highest id. The
cache is used only if the count equals the cached rows plus the rows read since, so a write
by another process (another Rasa replica on the same database) is read, and a deletion
("start over", see bot.stores.conversations) or anything unexpected makes it reload everything the
stock way. A new session among the new rows also reloads, so which events belong to the
latest session is decided by Rasa's own query.

Writing is Rasa's own `save`, except how it finds the events not stored yet: Rasa counts the
session's stored rows with a query per save (15% of its CPU); for a tracker this store built
(Rasa retrieves, adds events and saves under the sender's lock) the stored ones are the
cached events it started from, or those of its last save, recognised by identity. Any other
tracker is counted the stock way.

Configured in the endpoints file as `type: bot.engine.tracker_store.CachedSQLTrackerStore`, with
the stock store's keys plus `cache_size` (conversations kept in memory, least recently used
dropped first).
"""

from __future__ import annotations

import itertools
import json
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Iterator, Optional

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, SessionStarted, deserialise_events
from rasa.shared.core.trackers import DialogueStateTracker

from bot.engine.tracker_copy import copy_by_state

# About 17 KB of memory per cached turn (68 KB for a conversation of 4 questions, measured
# with tracemalloc): 200 conversations hold a clinic's concurrent ones in tens of MB. One that
# dropped out is read again the stock way at its next message.
DEFAULT_CACHE_SIZE = 200


@dataclass
class _Cached:
    """What is known of one sender's stored events, as of the last read."""

    rows: int  # rows stored for the sender, every session
    last_id: int  # the highest of their ids
    session_start: Optional[float]  # timestamp of the latest session start (None: none)
    events: list[Event]  # the latest session's events, in id order
    # After a save: how many events of the saved tracker are stored, and the last of them.
    saved: Optional[tuple[int, Event]] = None
    # The tracker built from the first events of `events`, and the domain whose slots it has.
    built: Optional[tuple[Any, DialogueStateTracker]] = None


class CachedSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore whose `retrieve` reads only new rows; see the module docstring."""

    def __init__(self, *args: Any, cache_size: int = DEFAULT_CACHE_SIZE, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cache_size = int(cache_size)
        self._cache: OrderedDict[str, _Cached] = OrderedDict()

    async def retrieve(self, sender_id: str) -> Optional[DialogueStateTracker]:
        """The tracker of the sender's latest session, as Rasa's own `retrieve` returns it."""
        if not self.domain:
            return await super().retrieve(sender_id)
        with self.session_scope() as session:
            cached = self._read(session, sender_id)
        if cached is None:
            self._cache.pop(sender_id, None)
            return None
        self._cache[sender_id] = cached
        self._cache.move_to_end(sender_id)
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        return copy_by_state(self._built(sender_id, cached))

    def _built(self, sender_id: str, cached: _Cached) -> DialogueStateTracker:
        """The kept tracker brought up to `cached.events`, or one built from them afresh."""
        events = cached.events
        if cached.built is not None and cached.built[0] is self.domain:
            tracker = cached.built[1]
            done = len(tracker.events)
            # It grew from these very events (the same objects) and has no events beyond them.
            if done <= len(events) and (not done or tracker.events[-1] is events[done - 1]):
                for event in itertools.islice(events, done, None):
                    tracker.update(event)
                return tracker
        tracker = DialogueStateTracker.from_events(sender_id, events, self.domain.slots)
        cached.built = (self.domain, tracker)
        return tracker

    def _read(self, session: Any, sender_id: str) -> Optional[_Cached]:
        """The sender's events brought up to date: from the cache plus new rows, or reloaded."""
        E = self.SQLEvent
        rows, last_id = (
            session.query(sa.func.count(E.id), sa.func.max(E.id))
            .filter(E.sender_id == sender_id)
            .one()
        )
        if not rows:
            return None
        cached = self._cache.get(sender_id)
        if cached is not None and rows == cached.rows and last_id == cached.last_id:
            return cached
        if cached is not None and rows > cached.rows:
            new = (
                session.query(E)
                .filter(E.sender_id == sender_id, E.id > cached.last_id, E.id <= last_id)
                .order_by(E.id)
                .all()
            )
            if cached.rows + len(new) == rows and not any(
                r.type_name == SessionStarted.type_name for r in new
            ):
                start = cached.session_start
                # Rasa's session filter (timestamp >= the latest session start), on new rows.
                fresh = [
                    r
                    for r in new
                    if start is None or (r.timestamp is not None and r.timestamp >= start)
                ]
                return _Cached(
                    rows,
                    last_id,
                    start,
                    cached.events + deserialise_events([json.loads(r.data) for r in fresh]),
                    built=cached.built,
                )
        return self._reload(session, sender_id, rows, last_id)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Rasa's save; afterwards every event of `tracker` is known to be stored."""
        await super().save(tracker)
        cached = self._cache.get(tracker.sender_id)
        if cached is not None and tracker.events:
            cached.saved = (len(tracker.events), tracker.events[-1])

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator:
        """The events of `tracker` not stored yet (see the module docstring)."""
        stored = self._stored_prefix(tracker)
        if stored is None:
            return super()._additional_events(session, tracker)
        return itertools.islice(tracker.events, stored, len(tracker.events))

    def _stored_prefix(self, tracker: DialogueStateTracker) -> Optional[int]:
        """How many of the tracker's first events are stored, if it grew from this store."""
        cached = self._cache.get(tracker.sender_id)
        if cached is None:
            return None
        events = tracker.events
        known = [cached.saved] if cached.saved else []
        if cached.events:
            known.append((len(cached.events), cached.events[-1]))
        for n, last in known:
            if n <= len(events) and events[n - 1] is last:
                return n
        return None

    def _reload(self, session: Any, sender_id: str, rows: int, last_id: int) -> _Cached:
        """Every event of the latest session, by Rasa's own query, up to `last_id`."""
        found = (
            self._event_query(session, sender_id, fetch_events_from_all_sessions=False)
            .filter(self.SQLEvent.id <= last_id)
            .all()
        )
        starts = [
            r.timestamp
            for r in found
            if r.type_name == SessionStarted.type_name and r.timestamp is not None
        ]
        return _Cached(
            rows,
            last_id,
            max(starts) if starts else None,
            deserialise_events([json.loads(r.data) for r in found]),
        )
