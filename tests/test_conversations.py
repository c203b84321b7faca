"""Deleting conversations from the tracker store, and the kiosk sweep."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.stores.conversations import KioskSweeper, forget, forget_older_than, stored_events


def _store(tmp_path: Path) -> Path:
    db = tmp_path / "trackers.db"
    with sqlite3.connect(db) as conn:
        conn.execute(
            "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, "
            "timestamp REAL, data TEXT)"
        )
        conn.executemany(
            "INSERT INTO events (sender_id, timestamp, data) VALUES (?, ?, ?)",
            [("a" * 12, 100.0, "x"), ("a" * 12, 200.0, "y"), ("b" * 12, 900.0, "z")],
        )
    return db


def test_forget_deletes_only_that_conversation(tmp_path: Path) -> None:
    db = _store(tmp_path)
    assert forget("a" * 12, db) == 2
    assert stored_events("a" * 12, db) == 0 and stored_events("b" * 12, db) == 1
    assert forget("nobody-here", tmp_path / "missing.db") == 0


def test_kiosk_sweep_deletes_quiet_kiosk_conversations(tmp_path: Path) -> None:
    db = _store(tmp_path)
    sweeper = KioskSweeper(max_quiet_seconds=170, db=db)
    sweeper.seen("a" * 12, now=1000)
    sweeper.seen("b" * 12, now=1100)
    assert sweeper.sweep(now=1150) == []
    assert sweeper.sweep(now=1200) == ["a" * 12]
    assert stored_events("a" * 12, db) == 0 and stored_events("b" * 12, db) == 1
    sweeper.forgotten("b" * 12)  # the kiosk erased it itself
    assert sweeper.sweep(now=5000) == []


def test_retention_deletes_conversations_by_their_last_message(tmp_path: Path) -> None:
    db = _store(tmp_path)
    assert forget_older_than(150.0, db) == 0  # "a" still had a message at 200
    assert forget_older_than(500.0, db) == 1
    assert stored_events("a" * 12, db) == 0 and stored_events("b" * 12, db) == 1
