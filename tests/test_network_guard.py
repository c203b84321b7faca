"""The guard in tests/conftest.py: every test fails if a request leaves localhost."""

from __future__ import annotations

import asyncio
import socket

import pytest
import requests

TEST_NET = "192.0.2.1"  # TEST-NET-1 (RFC 5737): never a real host


@pytest.fixture()
def guard(network_guard):  # type: ignore[no-untyped-def]
    return network_guard


def _take(guard) -> list[str]:  # type: ignore[no-untyped-def]
    escaped = list(guard.escapes)
    guard.escapes.clear()
    return escaped


def test_connecting_elsewhere_is_refused_and_recorded(guard) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(guard.Escape):
        socket.create_connection((TEST_NET, 80), timeout=1)
    with socket.socket() as s, pytest.raises(guard.Escape):
        s.connect_ex((TEST_NET, 443))
    assert _take(guard) == [f"look up '{TEST_NET}'", f"connect to ('{TEST_NET}', 443)"]


def test_a_swallowed_escape_is_still_recorded(guard) -> None:  # type: ignore[no-untyped-def]
    # requests turns the refusal into its own error; code under test might swallow that
    try:
        requests.get("http://example.org/", timeout=1)
    except requests.RequestException:
        pass
    assert _take(guard) == ["look up 'example.org'"]


def test_asyncio_connections_are_guarded(guard, arun) -> None:  # type: ignore[no-untyped-def]
    async def main() -> None:
        await asyncio.open_connection(TEST_NET, 80)

    with pytest.raises(guard.Escape):
        arun(main)
    assert _take(guard)


def test_the_teardown_check_fails_a_test_that_escaped(guard) -> None:  # type: ignore[no-untyped-def]
    gen = guard.teardown_check(None)
    next(gen)
    guard.escapes.append("connect to ('192.0.2.1', 80)")
    with pytest.raises(AssertionError, match="left localhost"):
        next(gen)
    assert not guard.escapes


@pytest.mark.parametrize(
    "host, local",
    [
        ("127.0.0.1", True),
        ("127.3.2.1", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("LOCALHOST", True),
        (None, True),
        ("", True),
        (b"127.0.0.1", True),
        ("0.0.0.0", True),
        ("192.0.2.1", False),
        ("10.0.0.1", False),
        ("example.org", False),
        ("::ffff:8.8.8.8", False),
        ("localhost.example.org", False),
        ("8.8.8.8", False),
    ],
)
def test_what_counts_as_local(guard, host: object, local: bool) -> None:  # type: ignore[no-untyped-def]
    assert guard.is_local(host) is local


def test_loopback_still_works(guard) -> None:  # type: ignore[no-untyped-def]
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=2):
            pass
    assert not guard.escapes
