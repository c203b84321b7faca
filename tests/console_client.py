"""Logging in to the counsellor console over HTTP, as a browser's form would."""

from __future__ import annotations

import re
from typing import Any

import requests

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def login(base: str, name: str, password: str) -> tuple[requests.Session, str]:
    """A logged-in session and its CSRF token; fails the test when the login does."""
    s = requests.Session()
    page = s.get(f"{base}/console/login", timeout=10)
    resp = s.post(
        f"{base}/console/login",
        timeout=30,
        allow_redirects=False,
        data={"csrf": CSRF.search(page.text).group(1), "name": name, "password": password},
    )
    assert resp.status_code == 303 and resp.headers["Location"] == "/console/", resp.text[:500]
    home = s.get(f"{base}/console/", timeout=30)
    return s, CSRF.search(home.text).group(1)


def try_login(base: str, name: str, password: str) -> requests.Response:
    """One login attempt in a fresh browser session (for the refusal tests)."""
    s = requests.Session()
    page = s.get(f"{base}/console/login", timeout=10)
    return s.post(
        f"{base}/console/login",
        timeout=30,
        allow_redirects=False,
        data={"csrf": CSRF.search(page.text).group(1), "name": name, "password": password},
    )


# -- the same, in-process (pytest-aiohttp's client on our application) --------------------------
async def login_in_process(client: Any, name: str, password: str) -> str:
    """Log the aiohttp test `client` in (its cookie jar keeps the session); its CSRF token.
    Fails the test when the login does."""
    page = await client.get("/console/login")
    resp = await client.post(
        "/console/login",
        allow_redirects=False,
        data={"csrf": CSRF.search(await page.text()).group(1), "name": name, "password": password},
    )
    assert resp.status == 303 and resp.headers["Location"] == "/console/", (await resp.text())[:500]
    home = await client.get("/console/")
    return CSRF.search(await home.text()).group(1)


async def try_login_in_process(client: Any, name: str, password: str) -> Any:
    """One login attempt as a fresh browser would make it (no cookies kept from before)."""
    client.session.cookie_jar.clear()
    page = await client.get("/console/login")
    return await client.post(
        "/console/login",
        allow_redirects=False,
        data={"csrf": CSRF.search(await page.text()).group(1), "name": name, "password": password},
    )
