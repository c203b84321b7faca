"""The waiting-room kiosk in a real browser: taps only, QR codes, idle reset, erase."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from bot.config.config import Config
from bot.stores.conversations import stored_events
from tests.browser.conftest import KIOSK, screenshot


def tap_in_last(page: Page, title: str) -> None:
    before = page.locator(".msg--bot").count()
    page.locator(".msg--bot").last.get_by_role("button", name=title).first.tap()
    expect(page.locator(".msg--bot")).to_have_count(before + 1, timeout=30_000)


def open_kiosk(open_page, query: str = ""):  # type: ignore[no-untyped-def]
    page, rec = open_page("/kiosk" + query, KIOSK, touch=True)
    expect(page.locator("#tiles button").first).to_be_visible(timeout=30_000)
    return page, rec


def test_a_whole_kiosk_session_by_taps(open_page, config: Config) -> None:  # type: ignore[no-untyped-def]
    page, rec = open_kiosk(open_page, "?idle=4&countdown=2")
    screenshot(page, "kiosk-start-nl")
    page.get_by_role("button", name="English").tap()
    expect(page.locator("#tiles button").first).to_have_text("What is SMARD?", timeout=30_000)
    expect(page.locator(".privacy")).to_contain_text("Nothing is kept")
    # every control is a real touch target
    for box in [b.bounding_box() for b in page.locator("button:visible").all()]:
        assert box["width"] >= 44 and box["height"] >= 44
    page.locator("#tiles button", has_text="We are both carriers").tap()
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=30_000)
    tap_in_last(page, "More detail")
    last = page.locator(".msg--bot").last
    qr = last.locator(".qr img")
    expect(qr).to_have_count(1)
    assert qr.get_attribute("src").startswith("/api/qr?url=https%3A%2F%2Fwww.erfelijkheid.nl")
    # The image loads from our server (waited for: the first code takes a moment).
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=qr.element_handle(), timeout=10_000
    )
    expect(last.locator(".qr")).to_contain_text("https://www.erfelijkheid.nl/kinderwens")
    assert page.locator("#log a").count() == 0  # no way to navigate away
    screenshot(page, "kiosk-chat-en-qr")
    # idle: the question, then the reset, on the screen and on the server
    sender = rec.senders[-1]
    assert stored_events(sender, config.tracker_store) > 0
    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_be_visible(timeout=15_000)
    expect(dialog).to_contain_text("Are you still there?")
    screenshot(page, "kiosk-idle")
    expect(page.locator("#start")).to_be_visible(timeout=15_000)
    expect(dialog).to_be_hidden()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    assert stored_events(sender, config.tracker_store) == 0


def test_stop_and_erase(open_page, config: Config) -> None:  # type: ignore[no-untyped-def]
    page, rec = open_kiosk(open_page)
    page.locator("#tiles button").first.tap()
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=30_000)
    tap_in_last(page, "Welke typen SMARD zijn er?")
    sender = rec.senders[-1]
    assert stored_events(sender, config.tracker_store) > 0
    page.get_by_role("button", name="Stop en wis").tap()
    expect(page.locator("#start")).to_be_visible(timeout=30_000)
    expect(page.locator("#log .msg")).to_have_count(0)
    assert stored_events(sender, config.tracker_store) == 0
    assert rec.senders[-1] != sender


def test_kiosk_blocks_selection_and_context_menu(open_page) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_kiosk(open_page)
    assert page.evaluate("getComputedStyle(document.body).userSelect") == "none"
    assert page.evaluate("getComputedStyle(document.body).touchAction") == "pan-x pan-y"
    prevented = page.evaluate("""() => {
        const e = new MouseEvent('contextmenu', {bubbles: true, cancelable: true});
        return !document.body.dispatchEvent(e);
    }""")
    assert prevented
