"""Deleting conversations from Rasa's SQLite tracker store.

Rasa 3.6 has no API to delete a conversation, so "start over" on the website and every
kiosk reset remove the sender's rows from the store's `events` table directly.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Optional

from bot.config.paths import STATE_DIR


def tracker_db(state_dir: Path = STATE_DIR) -> Path:
    """The SQLite file Rasa's tracker store writes (see launcher.write_endpoints)."""
    return state_dir / "trackers.db"


def _run(db: Path, sql: str, sender_id: str) -> Optional[sqlite3.Cursor]:
    """Run one statement on the store; None when there is no store (or no table) yet."""
    if not db.exists():
        return None
    with sqlite3.connect(db, timeout=10) as conn:
        try:
            return conn.execute(sql, (sender_id,))
        except sqlite3.OperationalError:  # no table yet: nothing was ever stored
            return None


def forget(sender_id: str, db: Path | None = None) -> int:
    """Delete everything stored for `sender_id`; return how many events were removed."""
    cur = _run(db or tracker_db(), "DELETE FROM events WHERE sender_id = ?", sender_id)
    return cur.rowcount if cur else 0


def stored_events(sender_id: str, db: Path | None = None) -> int:
    """How many events are stored for `sender_id` (for tests and the console)."""
    cur = _run(db or tracker_db(), "SELECT COUNT(*) FROM events WHERE sender_id = ?", sender_id)
    return cur.fetchone()[0] if cur else 0


def latest_parse(sender_id: str, db: Path | None = None) -> Optional[dict]:
    """What the NLU made of the sender's latest message (intent, ranking), from the store."""
    cur = _run(db or tracker_db(), "SELECT data FROM events WHERE sender_id = ? AND "
               "type_name = 'user' ORDER BY id DESC LIMIT 1", sender_id)
    row = cur.fetchone() if cur else None
    return json.loads(row[0]).get("parse_data") if row else None


def forget_older_than(cutoff: float, db: Path | None = None) -> int:
    """Delete every conversation whose last event is before `cutoff` (Unix time); return how
    many conversations were deleted."""
    db = db or tracker_db()
    if not db.exists():
        return 0
    with sqlite3.connect(db, timeout=10) as conn:
        try:
            stale = [row[0] for row in conn.execute(
                "SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < ?",
                (cutoff,))]
            conn.executemany("DELETE FROM events WHERE sender_id = ?", [(s,) for s in stale])
        except sqlite3.OperationalError:
            return 0
    return len(stale)


class KioskSweeper:
    """Deletes kiosk conversations the kiosk itself could not erase (crash, power cut).

    The kiosk page erases its conversation after the idle countdown. This is the server's
    safety net: any kiosk conversation quiet for longer than that (plus a margin) is deleted.
    """

    def __init__(self, max_quiet_seconds: float, db: Path | None = None) -> None:
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
