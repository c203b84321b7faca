"""Questions parents asked that ended in the fallback, kept only when the clinic turns it on.

Nothing that identifies anyone is stored: no sender id, no IP, no time of day (the date
only), and e-mail addresses and phone numbers in the text are blanked. Entries older than the
retention period are deleted whenever the store is written or read.
"""
from __future__ import annotations

import builtins
import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from bot.config.paths import STATE_DIR

MAX_CHARS = 500
STATUSES = ("open", "added", "out_of_scope")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"(\+?\d[\d\s().-]{7,}\d)")


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
    """The SQLite file that holds unanswered questions."""

    def __init__(self, retention_days: int, path: Optional[Path] = None) -> None:
        self.retention_days = retention_days
        self.path = path or STATE_DIR / "unanswered.db"

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=10)
        conn.execute("CREATE TABLE IF NOT EXISTS questions (id INTEGER PRIMARY KEY, asked_on TEXT, "
                     "language TEXT, text TEXT, status TEXT DEFAULT 'open', topic TEXT, "
                     "subject TEXT, kind TEXT)")
        columns = {row[1] for row in conn.execute("PRAGMA table_info(questions)")}
        for column in ("subject", "kind"):  # stores made before subject and kind were kept
            if column not in columns:
                conn.execute(f"ALTER TABLE questions ADD COLUMN {column} TEXT")
        return conn

    def purge(self, today: dt.date) -> int:
        """Delete entries past the retention period; return how many."""
        cutoff = (today - dt.timedelta(days=self.retention_days)).isoformat()
        with self._connect() as conn:
            return conn.execute("DELETE FROM questions WHERE asked_on < ?", (cutoff,)).rowcount

    def record(self, text: str, language: str, today: dt.date, subject: Optional[str] = None,
               kind: Optional[str] = None) -> None:
        """Keep one unanswered question (scrubbed), with what it was about when known: the
        subject and the kind of question no approved text answers."""
        clean = scrub(text)
        if not clean:
            return
        self.purge(today)
        with self._connect() as conn:
            conn.execute("INSERT INTO questions (asked_on, language, text, subject, kind) "
                         "VALUES (?, ?, ?, ?, ?)", (today.isoformat(), language, clean, subject, kind))

    def list(self, today: dt.date) -> list[Unanswered]:
        """All entries within the retention period, newest first."""
        self.purge(today)
        with self._connect() as conn:
            rows = conn.execute("SELECT id, asked_on, language, text, status, topic, subject, kind "
                                "FROM questions ORDER BY asked_on DESC, id DESC").fetchall()
        return [Unanswered(r[0], dt.date.fromisoformat(r[1]), r[2], r[3], r[4], r[5], r[6], r[7])
                for r in rows]

    # builtins.list: inside the class, `list` names the method above
    def by_subject_and_kind(self, today: dt.date) -> builtins.list[tuple[str, str, int]]:
        """(subject, kind, number of open questions), most asked first: the texts to write next."""
        counts: dict[tuple[str, str], int] = {}
        for q in self.list(today):
            if q.status == "open":
                key = (q.subject or "-", q.kind or "-")
                counts[key] = counts.get(key, 0) + 1
        return sorted(((s, k, n) for (s, k), n in counts.items()), key=lambda r: (-r[2], r[0], r[1]))

    def mark(self, entry_id: int, status: str, topic: Optional[str] = None) -> bool:
        """Mark an entry "added" (as an example to `topic`) or "out_of_scope"."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}")
        with self._connect() as conn:
            return conn.execute("UPDATE questions SET status = ?, topic = ? WHERE id = ?",
                                (status, topic, entry_id)).rowcount == 1
