"""Deleting conversations from Rasa's tracker store (SQLite by default, or PostgreSQL).

Rasa 3.6 has no API to delete a conversation, so "start over" on the website and every
kiosk reset remove the sender's rows from the store's `events` table (Rasa's SQLTrackerStore
layout, the same on both databases) directly.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional, Union

import sqlalchemy
from sqlalchemy.engine import Row

from bot.stores.database import Location, engine_for, is_missing_table


def tracker_db(state_dir: Path) -> Path:
    """The SQLite file Rasa's tracker store writes (see bot.ops.endpoints.write_endpoints)."""
    return state_dir / "trackers.db"


def _run(db: Location, sql: str, **params: Any) -> Optional[Union[list[Row], int]]:
    """Run one statement on the store: its rows, or for a change how many rows it changed;
    None when there is no store (or no table) yet."""
    engine = engine_for(db)
    if engine is None:
        return None
    try:
        with engine.begin() as conn:
            result = conn.execute(sqlalchemy.text(sql), params)
            # Read before the connection goes back to the pool.
            return result.fetchall() if result.returns_rows else result.rowcount
    except sqlalchemy.exc.DBAPIError as exc:
        if is_missing_table(exc):  # no table yet: nothing was ever stored
            return None
        raise


def forget(sender_id: str, db: Location) -> int:
    """Delete everything stored for `sender_id`; return how many events were removed.
    `db`: the tracker store's SQLite file or database URL (default: the embedded SQLite)."""
    removed = _run(db, "DELETE FROM events WHERE sender_id = :sender", sender=sender_id)
    return removed if isinstance(removed, int) else 0


def stored_events(sender_id: str, db: Location) -> int:
    """How many events are stored for `sender_id` (for tests and the console)."""
    rows = _run(db, "SELECT COUNT(*) FROM events WHERE sender_id = :sender", sender=sender_id)
    return int(rows[0][0]) if isinstance(rows, list) and rows else 0


def user_turns(sender_id: str, db: Location) -> int:
    """How many of `sender_id`'s messages the store holds (its `user` events): what a parent
    sent and was answered, counted where Rasa keeps it (the soak script's lost turns)."""
    rows = _run(
        db,
        "SELECT COUNT(*) FROM events WHERE sender_id = :sender AND type_name = 'user'",
        sender=sender_id,
    )
    return int(rows[0][0]) if isinstance(rows, list) and rows else 0


def latest_parse(sender_id: str, db: Location) -> Optional[dict]:
    """What the NLU made of the sender's latest message (intent, ranking), from the store."""
    rows = _run(
        db,
        "SELECT data FROM events WHERE sender_id = :sender AND "
        "type_name = 'user' ORDER BY id DESC LIMIT 1",
        sender=sender_id,
    )
    return json.loads(rows[0][0]).get("parse_data") if isinstance(rows, list) and rows else None


def forget_older_than(cutoff: float, db: Location) -> int:
    """Delete every conversation whose last event is before `cutoff` (Unix time); return how
    many conversations were deleted."""
    engine = engine_for(db)
    if engine is None:
        return 0
    try:
        with engine.begin() as conn:
            stale = [
                row[0]
                for row in conn.execute(
                    sqlalchemy.text(
                        "SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < :cutoff"
                    ),
                    {"cutoff": cutoff},
                )
            ]
            if stale:
                conn.execute(
                    sqlalchemy.text("DELETE FROM events WHERE sender_id = :sender"),
                    [{"sender": s} for s in stale],
                )
    except sqlalchemy.exc.DBAPIError as exc:
        if is_missing_table(exc):
            return 0
        raise
    return len(stale)


class KioskSweeper:
    """Deletes kiosk conversations the kiosk itself could not erase (crash, power cut).

    The kiosk page erases its conversation after the idle countdown. This is the server's
    safety net: any kiosk conversation quiet for longer than that (plus a margin) is deleted.
    """

    def __init__(self, max_quiet_seconds: float, db: Location) -> None:
        self.max_quiet_seconds = max_quiet_seconds
        self.db = db
        self.last_seen: dict[str, float] = {}

    def seen(self, sender_id: str, now: float) -> None:
        """A kiosk message from `sender_id` at `now` (monotonic seconds)."""
        self.last_seen[sender_id] = now

    def forgotten(self, sender_id: str) -> None:
        """The kiosk erased it itself."""
        self.last_seen.pop(sender_id, None)

    def sweep(self, now: float) -> list[str]:
        """Delete every kiosk conversation quiet for too long; return their sender ids."""
        stale = [s for s, t in self.last_seen.items() if now - t > self.max_quiet_seconds]
        for sender_id in stale:
            forget(sender_id, self.db)
            del self.last_seen[sender_id]
        return stale
