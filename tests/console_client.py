"""Logging in to the counsellor console over HTTP, as a browser's form would."""
from __future__ import annotations

import re

import requests

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def login(base: str, name: str, password: str) -> tuple[requests.Session, str]:
    """A logged-in session and its CSRF token; fails the test when the login does."""
    s = requests.Session()
    page = s.get(f"{base}/console/login", timeout=10)
    resp = s.post(f"{base}/console/login", timeout=30, allow_redirects=False,
                  data={"csrf": CSRF.search(page.text).group(1), "name": name, "password": password})
    assert resp.status_code == 303 and resp.headers["Location"] == "/console/", resp.text[:500]
    home = s.get(f"{base}/console/", timeout=30)
    return s, CSRF.search(home.text).group(1)


def try_login(base: str, name: str, password: str) -> requests.Response:
    """One login attempt in a fresh browser session (for the refusal tests)."""
    s = requests.Session()
    page = s.get(f"{base}/console/login", timeout=10)
    return s.post(f"{base}/console/login", timeout=30, allow_redirects=False,
                  data={"csrf": CSRF.search(page.text).group(1), "name": name, "password": password})
