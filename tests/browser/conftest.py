"""Browser fixtures: Debian's Chromium driven by Playwright against the real servers.

Every page records its requests; a test fails if any request leaves our server.
Screenshots go to test-artifacts/screenshots/ for a reviewer to look at.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from bot.config.paths import ROOT

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# As the machine's notes advise: without the background-networking flags Chromium tries to
# reach Google's hosts at start, which would also break the "nothing leaves" check.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
KIOSK = {"width": 1080, "height": 1400}


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Recorder:
    """The requests a page made, and the chat requests' bodies (to learn the sender id)."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.outside: list[str] = []
        self.chat_bodies: list[dict[str, Any]] = []

    def __call__(self, request: Any) -> None:
        url = request.url
        if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(
            url
        ).hostname not in ("127.0.0.1", "localhost", "::1"):
            self.outside.append(url)
        if url.endswith("/api/chat") and request.method == "POST":
            self.chat_bodies.append(request.post_data_json)

    @property
    def senders(self) -> list[str]:
        return [b["sender"] for b in self.chat_bodies]


@pytest.fixture()
def open_page(browser: Browser, web_url: str):  # type: ignore[no-untyped-def]
    """open_page(path, viewport) -> (page, recorder); checks nothing left our server."""
    contexts = []
    recorders = []

    def open_(
        path: str, viewport: dict[str, int] = DESKTOP, bypass_csp: bool = False, touch: bool = False
    ) -> tuple[Page, Recorder]:
        # Pages run under their real Content-Security-Policy; only the axe checks lift it,
        # because axe-core is injected as an inline script.
        context = browser.new_context(viewport=viewport, bypass_csp=bypass_csp, has_touch=touch)
        recorder = Recorder(web_url)
        context.on("request", recorder)
        page = context.new_page()
        page.goto(path if path.startswith("http") else web_url + path)
        contexts.append(context)
        recorders.append(recorder)
        return page, recorder

    yield open_
    for context in contexts:
        context.close()
    for recorder in recorders:
        assert recorder.outside == [], f"requests left our server: {recorder.outside}"


def screenshot(page: Page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
