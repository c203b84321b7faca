"""Console access rules on their own: password hashes, sessions, the login throttle."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.web.console.accounts import (
    AccountError,
    AccountStore,
    check_password,
    hash_password,
    is_common,
)
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
    assert sessions.get(s.token, now=1700) is s  # active
    assert sessions.get(s.token, now=1700 + 1801) is None  # idle too long
    t = sessions.create(Account("j", "J"), now=0)
    for minute in range(1, 8 * 60, 20):  # busy all day…
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


def test_throttle_delays_one_name_from_one_address_growing() -> None:
    throttle = LoginThrottle(attempts=5, window=900, max_delay=900)
    keys = LoginThrottle.keys("j", "10.0.0.1")
    for i in range(4):
        throttle.failed(keys, now=i)
    assert throttle.locked(keys, now=4) == 0  # four wrong: no delay yet
    throttle.failed(keys, now=5)  # the fifth: 1 s
    assert throttle.locked(keys, now=5) == pytest.approx(1)
    throttle.failed(keys, now=6)  # then 2 s, 4 s, 8 s …
    assert throttle.locked(keys, now=6) == pytest.approx(2)
    throttle.failed(keys, now=8)
    assert throttle.locked(keys, now=8) == pytest.approx(4)
    # The same name from another address, and another name from this one, are not delayed.
    assert throttle.locked(LoginThrottle.keys("j", "10.0.0.2"), now=8) == 0
    assert throttle.locked(LoginThrottle.keys("k", "10.0.0.1"), now=8) == 0
    for t in range(9, 30):
        throttle.failed(keys, now=t)
    assert throttle.locked(keys, now=29) == pytest.approx(900)  # at most max_delay
    assert throttle.locked(keys, now=29 + 901) == 0
    # A right password clears the pair, not the address (25 wrong over all names by now).
    throttle.succeeded(keys)
    assert throttle.locked(keys[:1], now=30) == 0
    assert throttle.locked(keys[1:], now=30) > 0


def test_throttle_counts_an_address_over_all_names() -> None:
    throttle = LoginThrottle(attempts=5, window=900, max_delay=900, address_factor=4)
    for i in range(19):
        throttle.failed(LoginThrottle.keys(f"name{i}", "10.0.0.9"), now=i)
    assert throttle.locked(LoginThrottle.keys("new", "10.0.0.9"), now=19) == 0
    throttle.failed(LoginThrottle.keys("name19", "10.0.0.9"), now=19)  # the 20th
    assert throttle.locked(LoginThrottle.keys("new", "10.0.0.9"), now=19) == pytest.approx(1)
    assert throttle.locked(LoginThrottle.keys("new", "10.0.0.8"), now=19) == 0


def test_throttle_forgets_failures_older_than_the_window() -> None:
    slow = LoginThrottle(attempts=3, window=60, max_delay=60)
    for t in (0, 100, 200, 300):
        slow.failed(LoginThrottle.keys("k", "a"), now=t)
    assert slow.locked(LoginThrottle.keys("k", "a"), now=301) == 0


@pytest.mark.parametrize(
    "password",
    [
        "password1234",
        "Password1234!",
        "1234password",
        "wachtwoord2024",
        "Welkom123456",
        "qwertyuiop12",
        "123456789012",
        "abcdefghijkl",
        "aaaabbbbaaaabbbb",
        "abcabcabcabc",
        "!!Geheim!!2025",
        "voetbal12345",
        "letmeinletmein",
    ],
)
def test_common_passwords_are_refused(tmp_path: Path, password: str) -> None:
    assert is_common(password)
    with pytest.raises(AccountError):
        AccountStore(tmp_path / "accounts.json").add("jdevries", "J", password)


@pytest.mark.parametrize(
    "password",
    [
        "correct horse battery staple",
        "paarse olifant op de fiets",
        "tram 9 naar het wkz",
        "Zeven-Bruggen-Over",
        "genetic counselling rocks 4x",
    ],
)
def test_uncommon_passwords_are_accepted(tmp_path: Path, password: str) -> None:
    assert not is_common(password)
    AccountStore(tmp_path / "accounts.json").add("jdevries", "J", password)


def test_stamp_changes_with_the_password_and_is_gone_with_the_account(tmp_path: Path) -> None:
    store = AccountStore(tmp_path / "accounts.json")
    store.add("jdevries", "J", "correct horse battery staple")
    first = store.stamp("jdevries")
    assert first and store.stamp("jdevries") == first  # stable while nothing changes
    store.set_password("jdevries", "correct horse battery staple")  # even the same password
    assert store.stamp("jdevries") not in (None, first)
    store.remove("jdevries")
    assert store.stamp("jdevries") is None and store.stamp("nobody") is None
