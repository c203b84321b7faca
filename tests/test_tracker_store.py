"""The cached SQL tracker store returns what Rasa's own store returns, reads only new rows,
and sees what another process wrote or deleted (bot.engine.tracker_store)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rasa.core.tracker_store import SQLTrackerStore, create_tracker_store
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.utils.endpoints import EndpointConfig

import bot.engine.tracker_store
from bot.engine.tracker_store import CachedSQLTrackerStore
from bot.ops.endpoints import write_endpoints
from bot.stores.conversations import forget

DOMAIN = Domain.from_dict(
    {
        "intents": ["ask"],
        "actions": ["action_answer"],
        "slots": {"topic": {"type": "any", "mappings": [{"type": "custom"}]}},
    }
)


def stores(db: Path, n: int = 2) -> list[SQLTrackerStore]:
    """`n` cached stores on one database (as separate Rasa processes would have) + a stock one."""
    made: list[SQLTrackerStore] = [
        CachedSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(db)) for _ in range(n)
    ]
    return made + [SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(db))]


def turn(i: int) -> list[Event]:
    """One question and its answer, as Rasa logs them."""
    return [
        UserUttered(f"question {i}", {"name": "ask", "confidence": 0.9}),
        ActionExecuted("action_answer"),
        BotUttered(f"answer {i}"),
        SlotSet("topic", f"topic {i}"),
        ActionExecuted("action_listen"),
    ]


async def say(store: SQLTrackerStore, sender: str, events: list[Event]) -> None:
    """Retrieve (or start) the sender's tracker, add events, save: what Rasa does per message."""
    tracker = (await store.retrieve(sender)) or store.init_tracker(sender)
    for e in events:
        tracker.update(e)
    await store.save(tracker)


async def dump(store: SQLTrackerStore, sender: str) -> list[dict[str, Any]]:
    tracker = await store.retrieve(sender)
    return [e.as_dict() for e in tracker.events] if tracker else []


async def test_history_is_complete_and_the_same_as_rasas_own_store(tmp_path: Path) -> None:
    ours, _, stock = stores(tmp_path / "t.db")
    for i in range(30):
        await say(ours, "a", turn(i))
        await say(ours, "b", turn(100 + i))  # another conversation in between
        assert await dump(ours, "a") == await dump(stock, "a")
    events = await dump(ours, "a")
    assert len(events) == 30 * 5 and events[-2]["value"] == "topic 29"
    assert (await ours.retrieve("a")).get_slot("topic") == "topic 29"


async def test_only_new_rows_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ours, _, _ = stores(tmp_path / "t.db")
    for i in range(10):
        await say(ours, "a", turn(i))
    await ours.retrieve("a")
    read: list[int] = []
    real = bot.engine.tracker_store.deserialise_events
    monkeypatch.setattr(
        bot.engine.tracker_store,
        "deserialise_events",
        lambda rows: read.append(len(rows)) or real(rows),
    )
    await say(ours, "a", turn(10))
    assert len((await ours.retrieve("a")).events) == 55
    assert read == [5]  # the first retrieve was unchanged, the second read one turn


async def test_a_write_by_another_process_is_seen(tmp_path: Path) -> None:
    first, second, stock = stores(tmp_path / "t.db")
    await say(first, "a", turn(0))
    await say(second, "a", turn(1))  # the second replica answers the next message
    assert await dump(first, "a") == await dump(stock, "a") and len(await dump(first, "a")) == 10
    await say(first, "a", turn(2))
    await say(second, "a", turn(3))
    assert await dump(first, "a") == await dump(second, "a") == await dump(stock, "a")
    assert (await first.retrieve("a")).get_slot("topic") == "topic 3"


async def test_a_deleted_conversation_is_gone(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    ours, _, _ = stores(db)
    await say(ours, "a", turn(0))
    assert forget("a", db) == 5  # "start over", from the web server's process
    assert (await ours.retrieve("a")) is None
    await say(ours, "a", turn(1))  # the same sender starts again: only the new turn
    assert [e["text"] for e in await dump(ours, "a") if e["event"] == "user"] == ["question 1"]


async def test_a_new_session_keeps_rasas_session_boundary(tmp_path: Path) -> None:
    first, second, stock = stores(tmp_path / "t.db")
    await say(first, "a", turn(0))
    await first.retrieve("a")
    await say(
        second,
        "a",
        [
            ActionExecuted("action_session_start"),
            SessionStarted(),
            SlotSet("topic", "carried over"),
            ActionExecuted("action_listen"),
        ],
    )
    await say(second, "a", turn(1))
    assert await dump(first, "a") == await dump(stock, "a")
    assert [e["event"] for e in await dump(first, "a")][:2] == ["session_started", "slot"]


async def test_the_cache_is_bounded(tmp_path: Path) -> None:
    ours = CachedSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "t.db"), cache_size=2)
    for sender in "abc":
        await say(ours, sender, turn(0))
        await ours.retrieve(sender)
    assert list(ours._cache) == ["b", "c"]
    assert len(await dump(ours, "a")) == 5  # dropped from memory, still in the database


def test_the_launchers_endpoints_load_this_store(tmp_path: Path, config: Any) -> None:
    # Rasa falls back to an in-memory store, with only a warning, if the class cannot load.
    endpoints = write_endpoints(config)
    store = create_tracker_store(
        EndpointConfig.from_dict(
            __import__("yaml").safe_load(endpoints.read_text())["tracker_store"]
        ),
        DOMAIN,
    )
    assert isinstance(store, CachedSQLTrackerStore)
    stock = write_endpoints(config, stock=True)
    store = create_tracker_store(
        EndpointConfig.from_dict(__import__("yaml").safe_load(stock.read_text())["tracker_store"]),
        DOMAIN,
    )
    assert type(store) is SQLTrackerStore


async def test_saving_a_tracker_it_built_needs_no_count_and_stores_each_event_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ours, _, stock = stores(tmp_path / "t.db")
    counted: list[str] = []
    real = SQLTrackerStore._additional_events
    monkeypatch.setattr(
        SQLTrackerStore,
        "_additional_events",
        lambda self, s, t: counted.append(t.sender_id) or real(self, s, t),
    )
    await say(ours, "a", turn(0))  # a new conversation: counted the stock way
    assert counted == ["a"]
    tracker = await ours.retrieve("a")
    for e in turn(1):
        tracker.update(e)
    await ours.save(tracker)
    await ours.save(tracker)  # saved twice: nothing new the second time
    tracker.update(SlotSet("topic", "later"))
    await ours.save(tracker)
    assert counted == ["a"]  # the three saves of a retrieved tracker: no count
    assert await dump(ours, "a") == await dump(stock, "a")
    assert len(await dump(stock, "a")) == 11


async def test_a_tracker_it_did_not_build_is_counted_the_stock_way(tmp_path: Path) -> None:
    first, second, stock = stores(tmp_path / "t.db")
    await say(first, "a", turn(0))
    await first.retrieve("a")  # first's cache: 5 events
    await say(second, "a", turn(1))  # the other replica stores 5 more
    tracker = await second.retrieve("a")  # its tracker (10 events), saved through `first`
    for e in turn(2):
        tracker.update(e)
    await first.save(tracker)
    assert await dump(first, "a") == await dump(stock, "a") and len(await dump(stock, "a")) == 15


async def test_an_unreachable_store_is_an_error_not_a_new_conversation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Rasa's FailSafeTrackerStore would answer None (a new conversation) and save to memory;
    with bot.engine.store_errors installed (as bot.engine.rasa_main does) the error reaches
    the caller, and a working store is used exactly as before."""
    from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.engine import store_errors

    class Down(InMemoryTrackerStore):
        async def retrieve(self, sender_id: str):  # type: ignore[no-untyped-def]
            raise ConnectionError("database down")

        async def save(self, tracker):  # type: ignore[no-untyped-def]
            raise ConnectionError("database down")

    domain = Domain.empty()
    tracker = DialogueStateTracker("s" * 32, domain.slots)
    stock = FailSafeTrackerStore(Down(domain))
    assert (await stock.retrieve("s" * 32)) is None  # Rasa's silent fallback …
    for name in ("retrieve", "retrieve_full_tracker", "save"):  # restored after the test
        monkeypatch.setattr(FailSafeTrackerStore, name, getattr(FailSafeTrackerStore, name))
    store_errors.install()
    with pytest.raises(ConnectionError):
        await FailSafeTrackerStore(Down(domain)).retrieve("s" * 32)
    with pytest.raises(ConnectionError):
        await FailSafeTrackerStore(Down(domain)).save(tracker)
    working = FailSafeTrackerStore(InMemoryTrackerStore(domain))
    await working.save(tracker)
    assert (await working.retrieve("s" * 32)).sender_id == "s" * 32


async def test_the_kept_tracker_is_rasas_and_what_callers_do_stays_theirs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tracker is built once and then only brought up to date; each caller gets a copy
    equal, state for state, to the one Rasa's own store builds from every event."""
    from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

    ours, other, stock = stores(tmp_path / "t.db")
    built: list[str] = []

    class Counting(DialogueStateTracker):
        """Rasa's tracker, counting the builds from every event (in the cached store only)."""

        @classmethod
        def from_events(cls, *args: Any, **kwargs: Any) -> DialogueStateTracker:
            built.append(args[0])
            return DialogueStateTracker.from_events(*args, **kwargs)

    monkeypatch.setattr(bot.engine.tracker_store, "DialogueStateTracker", Counting)
    for i in range(20):
        await say(ours, "a", turn(i))
        if i == 10:
            await say(other, "a", turn(1000))  # another process writes: read, still kept
        mine, theirs = await ours.retrieve("a"), await stock.retrieve("a")
        assert mine is not None and theirs is not None
        assert mine.current_state(EventVerbosity.ALL) == theirs.current_state(EventVerbosity.ALL)
        # What a caller does to its copy is not in the next one.
        mine.update(SlotSet("topic", "changed by the caller"))
        mine.update(UserUttered("unsaved", {"name": "ask", "confidence": 1.0}))
        again = await ours.retrieve("a")
        assert again is not None
        assert again.current_state(EventVerbosity.ALL) == theirs.current_state(EventVerbosity.ALL)
    assert built.count("a") <= 2  # the first read, and perhaps one after another's write
