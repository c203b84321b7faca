"""Counsellor sessions and the login throttle, kept in the web server's memory.

A restart logs everyone out, which is acceptable for a console and keeps no session data
on disk. Times are passed in (monotonic seconds), so the rules are testable without sleeping.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field
from typing import Optional

from bot.web.console.accounts import Account


@dataclass
class Session:
    """One logged-in counsellor."""

    token: str
    csrf: str
    account: Account
    created: float
    last_seen: float
    previews: set[str] = field(default_factory=set)  # preview conversations to delete later
    # The account's credentials when the session began (AccountStore.stamp): a removed
    # account or a changed password ends every session it had.
    stamp: Optional[str] = None
    lang: Optional[str] = None  # the console's language once chosen with ?lang= (texts.py)

    def csrf_ok(self, token: Optional[str]) -> bool:
        """Whether a form's or header's CSRF token is this session's (constant time)."""
        return bool(token) and hmac.compare_digest(token or "", self.csrf)


class SessionStore:
    """Sessions by token, with an idle timeout and an absolute lifetime."""

    def __init__(self, idle_seconds: float, max_seconds: float) -> None:
        self.idle = idle_seconds
        self.max = max_seconds
        self._by_token: dict[str, Session] = {}

    def create(self, account: Account, now: float, stamp: Optional[str] = None) -> Session:
        """A new session (a fresh token: never reuse a pre-login one)."""
        s = Session(
            secrets.token_urlsafe(32), secrets.token_urlsafe(32), account, now, now, stamp=stamp
        )
        self._by_token[s.token] = s
        return s

    def get(self, token: Optional[str], now: float) -> Optional[Session]:
        """The live session for `token`, touching it; None when unknown or expired."""
        s = self._by_token.get(token or "")
        if s is None:
            return None
        if now - s.last_seen > self.idle or now - s.created > self.max:
            return None  # expired; its previews are removed by expired() in the sweep
        s.last_seen = now
        return s

    def drop(self, token: str) -> Optional[Session]:
        """End a session (logout); returns it so its previews can be deleted."""
        return self._by_token.pop(token, None)

    def expired(self, now: float) -> list[Session]:
        """Remove and return every expired session."""
        gone = [
            s
            for s in self._by_token.values()
            if now - s.last_seen > self.idle or now - s.created > self.max
        ]
        for s in gone:
            del self._by_token[s.token]
        return gone


class LoginThrottle:
    """Slows password guessing without locking a real counsellor out.

    The count is kept per (login name, client address): guesses from elsewhere never delay
    the counsellor at her own desk. After `attempts` wrong passwords within `window` seconds
    each further try must wait twice as long as the one before (1 s, 2 s, 4 s, … at most
    `max_delay`). An address also has a count over all names, with `address_factor` times as
    many free tries (colleagues may share one address), so one machine cannot spray names.
    """

    def __init__(
        self,
        attempts: int,
        window: float,
        max_delay: float,
        address_factor: int = 4,
        first_delay: float = 1.0,
    ) -> None:
        self.attempts, self.window, self.max_delay = attempts, window, max_delay
        self.address_factor, self.first_delay = address_factor, first_delay
        self._failures: dict[str, list[float]] = {}
        self._locked_until: dict[str, float] = {}

    @staticmethod
    def keys(name: str, address: str) -> list[str]:
        """The counts a login attempt by `name` from `address` is held to."""
        return [f"pair:{name}\x00{address}", f"addr:{address}"]

    def locked(self, keys: list[str], now: float) -> float:
        """Seconds until every one of `keys` may try again (0: now)."""
        return max([0.0] + [self._locked_until.get(k, 0) - now for k in keys])

    def failed(self, keys: list[str], now: float) -> None:
        """Count a wrong password against every key; past the free tries, delay the next."""
        for k in keys:
            recent = [t for t in self._failures.get(k, []) if now - t < self.window] + [now]
            self._failures[k] = recent
            limit = self.attempts * (self.address_factor if k.startswith("addr:") else 1)
            over = len(recent) - limit
            if over >= 0:
                delay = min(self.max_delay, self.first_delay * 2.0 ** min(over, 60))
                self._locked_until[k] = now + delay

    def succeeded(self, keys: list[str]) -> None:
        """A right password clears the pair's count (not the address's: others may guess)."""
        for k in keys:
            if k.startswith("pair:"):
                self._failures.pop(k, None)
                self._locked_until.pop(k, None)
