"""Console access rules on their own: password hashes, sessions, the login throttle."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.web.console.accounts import AccountError, AccountStore, check_password, hash_password
from bot.web.console.sessions import LoginThrottle, SessionStore


def test_passwords_are_stored_only_as_scrypt_hashes(tmp_path: Path) -> None:
    store = AccountStore(tmp_path / "accounts.json")
    store.add("jdevries", "J. de Vries", "correct horse battery")
    raw = (tmp_path / "accounts.json").read_text()
    assert "correct horse battery" not in raw
    stored = json.loads(raw)["jdevries"]["password"]
    assert stored.startswith("scrypt$16384$8$1$")
    assert (tmp_path / "accounts.json").stat().st_mode & 0o777 == 0o600
    assert store.verify("jdevries", "correct horse battery").display_name == "J. de Vries"
    assert store.verify("jdevries", "correct horse batterY") is None
    assert store.verify("nobody", "correct horse battery") is None
    # Same password, different salt: different hashes.
    assert hash_password("correct horse battery") != hash_password("correct horse battery")
    assert not check_password("x", "not-a-hash")


def test_no_default_account_and_weak_passwords_refused(tmp_path: Path) -> None:
    store = AccountStore(tmp_path / "accounts.json")
    assert store.list() == []
    for name in ("admin", "counsellor", "root", "test"):
        for password in ("admin", "password", "", "welkom01"):
            assert store.verify(name, password) is None
    with pytest.raises(AccountError):
        store.add("a", "A", "short")
    with pytest.raises(AccountError):
        store.add("jdevries", "J", "aaaaaaaaaaaaaaaa")  # long but too simple
    with pytest.raises(AccountError):
        store.add("Bad Name!", "J", "correct horse battery")
    store.add("jdevries", "J", "correct horse battery")
    with pytest.raises(AccountError):
        store.add("jdevries", "J", "another good password")
    store.set_password("jdevries", "another good password")
    assert store.verify("jdevries", "another good password")
    store.remove("jdevries")
    assert store.list() == []


def test_sessions_expire_when_idle_and_after_their_lifetime() -> None:
    sessions = SessionStore(idle_seconds=1800, max_seconds=8 * 3600)
    from bot.web.console.accounts import Account
    s = sessions.create(Account("j", "J"), now=0)
    assert sessions.get(s.token, now=1700) is s           # active
    assert sessions.get(s.token, now=1700 + 1801) is None  # idle too long
    t = sessions.create(Account("j", "J"), now=0)
    for minute in range(1, 8 * 60, 20):                    # busy all day…
        assert sessions.get(t.token, now=minute * 60) is t
    assert sessions.get(t.token, now=8 * 3600 + 1) is None  # …but not past the lifetime
    assert {x.token for x in sessions.expired(now=10 * 3600)} == {s.token, t.token}
    assert sessions.get("made-up", now=0) is None


def test_csrf_token_is_the_sessions_own() -> None:
    from bot.web.console.accounts import Account
    sessions = SessionStore(1800, 3600)
    a, b = sessions.create(Account("a", "A"), 0), sessions.create(Account("b", "B"), 0)
    assert a.csrf_ok(a.csrf) and not a.csrf_ok(b.csrf)
    assert not a.csrf_ok(None) and not a.csrf_ok("")
    assert a.token != b.token and a.csrf != a.token


def test_throttle_locks_a_name_after_repeated_wrong_passwords() -> None:
    throttle = LoginThrottle(attempts=5, window=900, lock=900)
    keys = ["name:j", "addr:10.0.0.1"]
    for i in range(4):
        throttle.failed(keys, now=i)
    assert throttle.locked(keys, now=5) == 0
    throttle.failed(keys, now=5)
    assert throttle.locked(["name:j"], now=6) == pytest.approx(899)
    assert throttle.locked(["name:other", "addr:10.0.0.1"], now=6) == 0  # address: 4 × 5 tries
    assert throttle.locked(keys, now=5 + 901) == 0  # unlocked after the lock period
    # Failures spread wider than the window do not add up.
    slow = LoginThrottle(attempts=3, window=60, lock=60)
    for t in (0, 100, 200, 300):
        slow.failed(["name:k"], now=t)
    assert slow.locked(["name:k"], now=301) == 0
