"""Questions parents asked that ended in the fallback, kept only when the clinic turns it on.

Nothing that identifies anyone is stored: no sender id, no IP, no time of day (the date
only), and e-mail addresses and phone numbers in the text are blanked. Entries older than the
retention period are deleted whenever the store is written or read. The store is a SQLite
file by default, or the database a URL names (PostgreSQL in production).
"""

from __future__ import annotations

import builtins
import datetime as dt
import re
from dataclasses import dataclass
from typing import ContextManager, Optional

import sqlalchemy
from sqlalchemy import Column, Integer, MetaData, Table, Text
from sqlalchemy.engine import Connection, Engine

from bot.stores.database import Location, engine_for

MAX_CHARS = 500
STATUSES = ("open", "added", "out_of_scope")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"(\+?\d[\d\s().-]{7,}\d)")
# One table on either database (the id is SERIAL on PostgreSQL); the date is an ISO text,
# as in stores made before, so comparing dates is comparing strings.
_TABLE = Table(
    "questions",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("asked_on", Text),
    Column("language", Text),
    Column("text", Text),
    Column("status", Text, server_default="open"),
    Column("topic", Text),
    Column("subject", Text),
    Column("kind", Text),
)
_LATER_COLUMNS = ("subject", "kind")  # stores made before subject and kind were kept


@dataclass(frozen=True)
class Unanswered:
    """One stored question."""

    id: int
    asked_on: dt.date
    language: str
    text: str
    status: str
    topic: Optional[str]
    subject: Optional[str] = None  # the topic the question was about (the classifier's intent)
    kind: Optional[str] = None  # the kind of question no approved text answers (costs, pain, …)


def scrub(text: str) -> str:
    """The text with e-mail addresses and phone numbers blanked, cut to MAX_CHARS."""
    text = _EMAIL.sub("[e-mail]", text)
    text = _PHONE.sub("[telefoon]", text)
    return text.strip()[:MAX_CHARS]


class UnansweredStore:
    """The database that holds unanswered questions: `path` is a SQLite file (the config's
    `unanswered_store`: .state/unanswered.db unless a database is configured) or a URL."""

    def __init__(self, retention_days: int, path: Location) -> None:
        self.retention_days = retention_days
        self.path = path
        self._engine: Optional[Engine] = None

    def _connect(self) -> ContextManager[Connection]:
        """A connection in a transaction (committed on leaving its `with`), table ready."""
        if self._engine is None:
            engine = engine_for(self.path, create=True)
            assert engine is not None
            with engine.begin() as conn:
                _TABLE.create(conn, checkfirst=True)
                columns = {c["name"] for c in sqlalchemy.inspect(conn).get_columns("questions")}
                for column in _LATER_COLUMNS:
                    if column not in columns:
                        conn.execute(
                            sqlalchemy.text(f"ALTER TABLE questions ADD COLUMN {column} TEXT")
                        )
            self._engine = engine
        return self._engine.begin()

    def purge(self, today: dt.date) -> int:
        """Delete entries past the retention period; return how many."""
        cutoff = (today - dt.timedelta(days=self.retention_days)).isoformat()
        with self._connect() as conn:
            return conn.execute(_TABLE.delete().where(_TABLE.c.asked_on < cutoff)).rowcount

    def record(
        self,
        text: str,
        language: str,
        today: dt.date,
        subject: Optional[str] = None,
        kind: Optional[str] = None,
    ) -> None:
        """Keep one unanswered question (scrubbed), with what it was about when known: the
        subject and the kind of question no approved text answers."""
        clean = scrub(text)
        if not clean:
            return
        self.purge(today)
        with self._connect() as conn:
            conn.execute(
                _TABLE.insert().values(
                    asked_on=today.isoformat(),
                    language=language,
                    text=clean,
                    subject=subject,
                    kind=kind,
                )
            )

    def list(self, today: dt.date) -> list[Unanswered]:
        """All entries within the retention period, newest first."""
        self.purge(today)
        with self._connect() as conn:
            t = _TABLE.c
            rows = conn.execute(
                sqlalchemy.select(
                    t.id,
                    t.asked_on,
                    t.language,
                    t.text,
                    t.status,
                    t.topic,
                    t.subject,
                    t.kind,
                ).order_by(t.asked_on.desc(), t.id.desc())
            ).fetchall()
        return [
            Unanswered(r[0], dt.date.fromisoformat(r[1]), r[2], r[3], r[4], r[5], r[6], r[7])
            for r in rows
        ]

    # builtins.list: inside the class, `list` names the method above
    def by_subject_and_kind(self, today: dt.date) -> builtins.list[tuple[str, str, int]]:
        """(subject, kind, number of open questions), most asked first: the texts to write next."""
        counts: dict[tuple[str, str], int] = {}
        for q in self.list(today):
            if q.status == "open":
                key = (q.subject or "-", q.kind or "-")
                counts[key] = counts.get(key, 0) + 1
        return sorted(
            ((s, k, n) for (s, k), n in counts.items()), key=lambda r: (-r[2], r[0], r[1])
        )

    def mark(self, entry_id: int, status: str, topic: Optional[str] = None) -> bool:
        """Mark an entry "added" (as an example to `topic`) or "out_of_scope"."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}")
        with self._connect() as conn:
            return (
                conn.execute(
                    _TABLE.update()
                    .where(_TABLE.c.id == entry_id)
                    .values(status=status, topic=topic)
                ).rowcount
                == 1
            )
