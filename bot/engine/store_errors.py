"""A tracker store that cannot be reached is an error, not a new conversation.

Rasa wraps every tracker store in a FailSafeTrackerStore: when the database is down, retrieve
returns None (Rasa then answers as if the conversation had just begun: language, condition
and flow position gone) and save writes to memory (the turn is lost when the database comes
back). For a parent both are worse than "try again". This patch makes the wrapper re-raise,
so the message fails, our REST channel logs the error's type only, Rasa answers nothing, and
our web tier shows the localised "try again"; after the outage the conversation goes on
where it was.
"""

from __future__ import annotations

from typing import Any, Optional

RASA_VERSION = "3.6.21"


async def _retrieve(self: Any, sender_id: str) -> Optional[Any]:
    return await self._tracker_store.retrieve(sender_id)


async def _retrieve_full_tracker(self: Any, sender_id: str) -> Optional[Any]:
    return await self._tracker_store.retrieve_full_tracker(sender_id)


async def _save(self: Any, tracker: Any) -> None:
    await self._tracker_store.save(tracker)


def install() -> None:
    """Replace FailSafeTrackerStore's silent fallbacks with the primary store's errors."""
    import rasa
    from rasa.core.tracker_store import FailSafeTrackerStore

    if rasa.__version__ != RASA_VERSION:
        raise RuntimeError(
            f"bot.engine.store_errors was written for Rasa {RASA_VERSION}, not "
            f"{rasa.__version__}: check FailSafeTrackerStore and update it"
        )
    FailSafeTrackerStore.retrieve = _retrieve
    FailSafeTrackerStore.retrieve_full_tracker = _retrieve_full_tracker
    FailSafeTrackerStore.save = _save
