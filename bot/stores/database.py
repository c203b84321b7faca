"""Where a store lives: a SQLite file (the embedded default) or a database URL (production).

Our stores speak SQL through SQLAlchemy (1.4, as Rasa's SQLTrackerStore does), so the same
statements run on SQLite and on PostgreSQL. One engine per database per process, with its
connections checked before use, so a database restart costs no more than the outage itself.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

import sqlalchemy
from sqlalchemy.engine import Engine

# A SQLite file, or a SQLAlchemy URL such as "postgresql://user:password@127.0.0.1/keuzehulp"
# (declared with the configuration, which names the stores' locations).
from bot.config.config import Location


def is_url(location: Location) -> bool:
    """Whether `location` is a database URL rather than a SQLite file."""
    return isinstance(location, str) and "://" in location


def engine_for(location: Location, create: bool = False) -> Optional[Engine]:
    """The engine for `location`; None for a SQLite file that does not exist (nothing stored
    yet) unless `create`."""
    if is_url(location):
        return _engine(str(location))
    path = Path(location)
    if not path.exists():
        if not create:
            return None
        path.parent.mkdir(parents=True, exist_ok=True)
    return _engine(f"sqlite:///{path}")


@lru_cache(maxsize=16)
def _engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        # Rasa writes the same file: wait for its lock rather than fail at once.
        return sqlalchemy.create_engine(url, connect_args={"timeout": 10})
    return sqlalchemy.create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


def is_missing_table(exc: sqlalchemy.exc.DBAPIError) -> bool:
    """Whether `exc` says the table does not exist (nothing was ever stored there)."""
    orig = exc.orig
    return getattr(orig, "pgcode", None) == "42P01" or "no such table" in str(orig)
