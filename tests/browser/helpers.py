"""Small steps a user takes in the chat pages."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from bot.config.config import Location


def bot_count(page: Page) -> int:
    return page.locator(".msg--bot").count()


def wait_for_reply(page: Page, before: int) -> None:
    expect(page.locator(".msg--bot")).to_have_count(before + 1, timeout=30_000)


def type_question(page: Page, text: str) -> str:
    before = bot_count(page)
    page.fill("#input", text)
    page.keyboard.press("Enter")
    wait_for_reply(page, before)
    return page.locator(".msg--bot").last.inner_text()


def press(page: Page, title: str) -> str:
    before = bot_count(page)
    page.locator(".msg--bot").last.get_by_role("button", name=title).first.click()
    wait_for_reply(page, before)
    return page.locator(".msg--bot").last.inner_text()


def reload_then_start_over(
    page: Page, sender: str, restart_label: str, greeting: str, db: Location
) -> None:
    """A reload keeps the conversation; "start over" clears it, on the server too (in the
    tracker store at `db`)."""
    from bot.stores.conversations import stored_events

    count = page.locator(".msg").count()
    page.reload()
    expect(page.locator(".msg")).to_have_count(count)
    assert stored_events(sender, db) > 0
    page.get_by_role("button", name=restart_label, exact=True).click()
    dialog = page.get_by_role("dialog")  # it asks first
    expect(dialog).to_be_visible()
    assert stored_events(sender, db) > 0
    dialog.locator(".confirm__yes").click()
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=30_000)
    expect(page.locator(".msg--bot").first).to_contain_text(greeting)
    assert stored_events(sender, db) == 0
