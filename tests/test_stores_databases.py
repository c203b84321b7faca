"""Our stores on both databases: the embedded SQLite and a real PostgreSQL (issue 11).

The tracker rows are written by Rasa's own SQLTrackerStore, in this process, so the table
layout our deletion, retention and preview read is exactly Rasa's on each dialect.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest
import sqlalchemy
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.ops.infra import PostgresServer
from bot.stores.conversations import (
    KioskSweeper,
    forget,
    forget_older_than,
    latest_parse,
    stored_events,
)
from bot.stores.database import Location
from bot.stores.unanswered import UnansweredStore


@dataclass
class Backend:
    name: str
    location: Location  # what our stores are given: a SQLite file or the database URL
    rasa: SQLTrackerStore


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    """Rasa's SQL tracker store and our stores' location, on an empty database."""
    if request.param == "sqlite":
        db = tmp_path / "trackers.db"
        yield Backend("sqlite", db, SQLTrackerStore(dialect="sqlite", db=str(db)))
        return
    pg: PostgresServer = request.getfixturevalue("postgres")
    _drop_tables(pg.url)
    store = SQLTrackerStore(
        dialect="postgresql",
        host="127.0.0.1",
        port=pg.port,
        db=pg.database,
        username=pg.user,
        password=pg.password,
    )
    yield Backend("postgresql", pg.url, store)
    store.engine.dispose()


def _drop_tables(url: str) -> None:
    engine = sqlalchemy.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sqlalchemy.text("DROP TABLE IF EXISTS events, questions"))
    engine.dispose()


def _save(
    arun: Any, store: SQLTrackerStore, sender: str, turns: list[tuple[str, str, float]]
) -> None:
    """Store a conversation through Rasa: (text, intent, time) per user message, each answered."""
    events: list[Any] = []
    for text, intent, at in turns:
        events += [
            UserUttered(
                text,
                {"name": intent, "confidence": 0.9},
                parse_data={
                    "text": text,
                    "intent": {"name": intent, "confidence": 0.9},
                    "intent_ranking": [{"name": intent, "confidence": 0.9}],
                },
                timestamp=at,
            ),
            ActionExecuted("action_answer", timestamp=at + 0.1),
            BotUttered("antwoord", timestamp=at + 0.2),
            ActionExecuted("action_listen", timestamp=at + 0.3),
        ]
    arun(store.save, DialogueStateTracker.from_events(sender, events))


def _rasa_events(arun: Any, store: SQLTrackerStore, sender: str) -> int:
    """How many events Rasa itself finds for `sender`."""

    async def count() -> int:
        tracker = await store.retrieve_full_tracker(sender)
        return len(tracker.events) if tracker else 0

    return arun(count)


A, B = "a" * 32, "b" * 32


def test_nothing_stored_yet_is_nothing_to_delete(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    # Before Rasa made its table (or its SQLite file): no error, nothing there.
    pg: PostgresServer = request.getfixturevalue("postgres")
    _drop_tables(pg.url)
    for location in (tmp_path / "none.db", pg.url):
        assert forget(A, location) == 0 and stored_events(A, location) == 0
        assert latest_parse(A, location) is None and forget_older_than(1e12, location) == 0
    assert not (tmp_path / "none.db").exists()


def test_forget_deletes_only_that_conversation_and_rasa_sees_it_gone(
    backend: Backend, arun: Any
) -> None:
    _save(
        arun,
        backend.rasa,
        A,
        [("wat is smard", "ask_what_is", 100.0), ("hoe erft het", "ask_inheritance", 200.0)],
    )
    _save(arun, backend.rasa, B, [("what is sma", "ask_what_is", 300.0)])
    stored = _rasa_events(arun, backend.rasa, A)
    assert stored >= 8 and stored_events(A, backend.location) == stored
    assert forget(A, backend.location) == stored
    assert stored_events(A, backend.location) == 0 and _rasa_events(arun, backend.rasa, A) == 0
    assert stored_events(B, backend.location) == _rasa_events(arun, backend.rasa, B) > 0


def test_latest_parse_is_the_last_message(backend: Backend, arun: Any) -> None:
    _save(
        arun,
        backend.rasa,
        A,
        [("wat is smard", "ask_what_is", 100.0), ("hoe erft het", "ask_inheritance", 200.0)],
    )
    parse = latest_parse(A, backend.location)
    assert parse and parse["intent"]["name"] == "ask_inheritance"
    assert latest_parse(B, backend.location) is None


def test_retention_deletes_conversations_quiet_since_the_cutoff(
    backend: Backend, arun: Any
) -> None:
    _save(
        arun,
        backend.rasa,
        A,
        [("wat is smard", "ask_what_is", 100.0), ("hoe erft het", "ask_inheritance", 200.0)],
    )
    _save(arun, backend.rasa, B, [("what is sma", "ask_what_is", 900.0)])
    assert forget_older_than(150.0, backend.location) == 0  # A still spoke at 200
    assert forget_older_than(500.0, backend.location) == 1
    assert _rasa_events(arun, backend.rasa, A) == 0 and _rasa_events(arun, backend.rasa, B) > 0


def test_kiosk_sweep_deletes_the_quiet_kiosk(backend: Backend, arun: Any) -> None:
    _save(arun, backend.rasa, A, [("wat is smard", "ask_what_is", 100.0)])
    _save(arun, backend.rasa, B, [("wat is sma", "ask_what_is", 100.0)])
    sweeper = KioskSweeper(max_quiet_seconds=170, db=backend.location)
    sweeper.seen(A, now=0)
    sweeper.seen(B, now=100)
    assert sweeper.sweep(now=200) == [A]
    assert _rasa_events(arun, backend.rasa, A) == 0 and _rasa_events(arun, backend.rasa, B) > 0


def test_unanswered_questions(backend: Backend) -> None:
    location: Location = (
        Path(str(backend.location)).with_name("unanswered.db")
        if backend.name == "sqlite"
        else backend.location
    )
    store = UnansweredStore(retention_days=30, path=location)
    today = dt.date(2026, 11, 30)
    store.record("oude vraag", "nl", today - dt.timedelta(days=31))
    store.record("hoeveel kost pgt? mail me op a@b.nl", "nl", today, subject="ask_pgt", kind="cost")
    store.record("what does it cost?", "en", today, subject="ask_pgt", kind="cost")
    listed = store.list(today)
    assert [q.text for q in listed] == [
        "what does it cost?",
        "hoeveel kost pgt? mail me op [e-mail]",
    ]
    assert listed[0].id > listed[1].id and listed[0].asked_on == today
    assert store.by_subject_and_kind(today) == [("ask_pgt", "cost", 2)]
    assert store.mark(listed[0].id, "added", topic="ask_pgt") and not store.mark(
        10**6, "out_of_scope"
    )
    assert [q.status for q in UnansweredStore(30, path=location).list(today)] == ["added", "open"]


def test_a_postgresql_outage_is_an_error_and_passes(postgres: PostgresServer, arun: Any) -> None:
    """While PostgreSQL is down a deletion fails loudly (it is never reported as done);
    afterwards the same process works again without a restart."""
    _drop_tables(postgres.url)
    store = SQLTrackerStore(
        dialect="postgresql",
        host="127.0.0.1",
        port=postgres.port,
        db=postgres.database,
        username=postgres.user,
        password=postgres.password,
    )
    _save(arun, store, A, [("wat is smard", "ask_what_is", 100.0)])
    assert stored_events(A, postgres.url) > 0
    postgres.stop()
    try:
        with pytest.raises(sqlalchemy.exc.OperationalError):
            forget(A, postgres.url)
    finally:
        postgres.start()
    assert forget(A, postgres.url) > 0 and stored_events(A, postgres.url) == 0
    store.engine.dispose()
