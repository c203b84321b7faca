"""Deleting conversations from Rasa's SQLite tracker store.

Rasa 3.6 has no API to delete a conversation, so "start over" on the website and every
kiosk reset remove the sender's rows from the store's `events` table directly.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.paths import STATE_DIR


def tracker_db(state_dir: Path = STATE_DIR) -> Path:
    """The SQLite file Rasa's tracker store writes (see launcher.write_endpoints)."""
    return state_dir / "trackers.db"


def forget(sender_id: str, db: Path | None = None) -> int:
    """Delete everything stored for `sender_id`; return how many events were removed."""
    db = db or tracker_db()
    if not db.exists():
        return 0
    with sqlite3.connect(db, timeout=10) as conn:
        try:
            cur = conn.execute("DELETE FROM events WHERE sender_id = ?", (sender_id,))
        except sqlite3.OperationalError:  # no table yet: nothing was ever stored
            return 0
        return cur.rowcount


def stored_events(sender_id: str, db: Path | None = None) -> int:
    """How many events are stored for `sender_id` (for tests and the console)."""
    db = db or tracker_db()
    if not db.exists():
        return 0
    with sqlite3.connect(db, timeout=10) as conn:
        try:
            return conn.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?",
                                (sender_id,)).fetchone()[0]
        except sqlite3.OperationalError:
            return 0
