"""Small steps a user takes in the chat pages."""
from __future__ import annotations

from playwright.sync_api import Page, expect


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
