"""The embed snippet: the example clinic page (another origin) opens the chat in an iframe."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

from playwright.sync_api import expect

from bot.config.config import Config
from bot.config.paths import ROOT
from tests.browser.conftest import DESKTOP, screenshot
from tests.conftest import EMBED_HOST_PORT


def test_example_host_page_embeds_the_chat(open_page, web_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page_html = (ROOT / "examples" / "host-page.html").read_text(encoding="utf-8")
    (tmp_path / "host-page.html").write_text(
        page_html.replace("http://127.0.0.1:8000", web_url), encoding="utf-8"
    )
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    host = http.server.ThreadingHTTPServer(("127.0.0.1", EMBED_HOST_PORT), handler)
    threading.Thread(target=host.serve_forever, daemon=True).start()
    try:
        page, _ = open_page(f"http://127.0.0.1:{EMBED_HOST_PORT}/host-page.html", DESKTOP)
        opener = page.get_by_role("button", name="Chat met de keuzehulp")
        opener.click()
        expect(page.get_by_role("button", name="Chat sluiten")).to_have_attribute(
            "aria-expanded", "true"
        )
        chat = page.frame_locator("iframe[title='Chat met de keuzehulp']")
        expect(chat.locator(".msg--bot").first).to_contain_text(
            "Ik ben een chatbot", timeout=30_000
        )
        chat.locator("#input").fill("wat is smard")
        chat.locator("#input").press("Enter")
        expect(chat.locator(".msg--bot")).to_have_count(2, timeout=30_000)
        screenshot(page, "website-embedded")
    finally:
        host.shutdown()


def test_an_origin_not_listed_cannot_embed_the_chat(
    open_page, web_url: str, tmp_path: Path, config: Config
) -> None:  # type: ignore[no-untyped-def]
    """The same host page from an origin that is not in server.embed_origins: the browser
    refuses to show the chat in the frame (CSP frame-ancestors)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert f"http://127.0.0.1:{port}" not in config.settings.embed_origins
    page_html = (ROOT / "examples" / "host-page.html").read_text(encoding="utf-8")
    (tmp_path / "host-page.html").write_text(
        page_html.replace("http://127.0.0.1:8000", web_url), encoding="utf-8"
    )
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    host = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=host.serve_forever, daemon=True).start()
    try:
        page, _ = open_page(f"http://127.0.0.1:{port}/host-page.html", DESKTOP)
        page.get_by_role("button", name="Chat met de keuzehulp").click()
        frame_el = page.locator("iframe[title='Chat met de keuzehulp']")
        expect(frame_el).to_have_count(1)
        page.wait_for_timeout(3000)
        frame = frame_el.element_handle().content_frame()  # type: ignore[union-attr]
        # Chromium shows its own error page instead of the chat
        assert (
            frame is None
            or frame.url.startswith("chrome-error://")
            or frame.locator(".msg--bot").count() == 0
        )
        assert frame is None or frame.locator("#input").count() == 0
    finally:
        host.shutdown()
