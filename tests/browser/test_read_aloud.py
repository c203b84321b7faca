"""Read aloud in a real browser: on the website and the kiosk every answer has a real button
("Lees voor" / "Read aloud") that Enter, Space and a tap start and stop, that plays our own
server's audio of that answer (never a browser voice), one answer at a time, and that a screen
reader hears about through a live region. Screenshots of the control go to
test-artifacts/screens/<SCREENS_SET>/."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import KIOSK, PHONE
from tests.browser.helpers import type_question
from tests.browser.test_screens import snap

REPLY = 30_000


def player_state(page: Page) -> dict:  # type: ignore[type-arg]
    return page.locator("audio").evaluate(
        "a => ({paused: a.paused, src: a.getAttribute('src') || '', time: a.currentTime})"
    )


def assert_playing(page: Page, src: str) -> None:
    """The page's one <audio> plays `src`: not paused, and its time advances."""
    expect(page.locator("audio")).to_have_count(1)
    page.wait_for_function(
        "src => { const a = document.querySelector('audio');"
        " return a && !a.paused && a.getAttribute('src') === src && a.currentTime > 0.3; }",
        arg=src,
        timeout=15_000,
    )


def assert_stopped(page: Page) -> None:
    page.wait_for_function("() => document.querySelector('audio').paused", timeout=5_000)
    assert player_state(page)["src"] == ""


def read_button(message: Locator, name: str) -> Locator:
    button = message.get_by_role("button", name=name, exact=True)
    expect(button).to_have_count(1)
    return button


def test_website_reads_an_answer_aloud_by_keyboard(open_page) -> None:  # type: ignore[no-untyped-def]
    page, rec = open_page("/?lang=nl&condition=smard", PHONE)
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=REPLY)
    greeting = page.locator(".msg--bot").first
    type_question(page, "Hoe erft SMARD over?")
    answer = page.locator(".msg--bot").last
    button = read_button(answer, "Lees voor")
    # the button comes first in the answer, before its text
    assert answer.locator(":scope > *").first.evaluate("n => n.tagName") == "BUTTON"
    button.focus()
    snap(page, "read-aloud-website-nl-phone-ready")
    page.keyboard.press("Enter")
    assert_playing(page, "/audio/smard_inheritance/short.nl.ogg")
    expect(read_button(answer, "Stop")).to_be_focused()
    expect(page.locator(".read-aloud-status")).to_have_text("Het antwoord wordt voorgelezen.")
    snap(page, "read-aloud-website-nl-phone-playing")
    page.keyboard.press("Space")  # pressed again: stops
    assert_stopped(page)
    expect(read_button(answer, "Lees voor")).to_be_focused()
    expect(page.locator(".read-aloud-status")).to_have_text("Het voorlezen is gestopt.")
    # one at a time: starting another answer stops the first
    read_button(answer, "Lees voor").click()
    assert_playing(page, "/audio/smard_inheritance/short.nl.ogg")
    read_button(greeting, "Lees voor").click()
    assert_playing(page, "/audio/greet/short.nl.ogg")
    expect(page.get_by_role("button", name="Stop", exact=True)).to_have_count(1)
    read_button(answer, "Lees voor")
    # the audio came from our server, as the one media request of the page
    assert not rec.outside
    read_button(greeting, "Stop").click()
    assert_stopped(page)


def test_website_reads_the_more_detail_layer_in_english(open_page) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_page("/?lang=en&condition=smard", PHONE)
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=REPLY)
    type_question(page, "How is SMARD inherited?")
    before = page.locator(".msg--bot").count()
    page.locator(".msg--bot").last.get_by_role("button", name="More detail").click()
    expect(page.locator(".msg--bot")).to_have_count(before + 1, timeout=REPLY)
    more = page.locator(".msg--bot").last
    read_button(more, "Read aloud").focus()
    page.keyboard.press("Space")
    assert_playing(page, "/audio/smard_inheritance/more.en.ogg")
    expect(page.locator(".read-aloud-status")).to_have_text("The answer is being read aloud.")
    snap(page, "read-aloud-website-en-phone-more")
    page.keyboard.press("Enter")
    assert_stopped(page)


def test_kiosk_reads_an_answer_aloud_by_touch(open_page) -> None:  # type: ignore[no-untyped-def]
    page, rec = open_page("/kiosk?idle=600&countdown=30", KIOSK, touch=True)
    expect(page.locator("#tiles button").first).to_be_visible(timeout=REPLY)
    page.locator("#tiles button", has_text="Wij zijn allebei drager").tap()
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=REPLY)
    answer = page.locator(".msg--bot").last
    button = read_button(answer, "Lees voor")
    box = button.bounding_box()
    assert box and box["width"] >= 64 and box["height"] >= 64  # the kiosk's touch targets
    button.tap()
    assert_playing(page, "/audio/options_overview/short.nl.ogg")
    snap(page, "read-aloud-kiosk-nl-playing")
    read_button(answer, "Stop").tap()
    assert_stopped(page)
    # erasing stops the reading too
    read_button(answer, "Lees voor").tap()
    assert_playing(page, "/audio/options_overview/short.nl.ogg")
    page.locator("#erase").tap()
    expect(page.locator("#tiles button").first).to_be_visible(timeout=REPLY)
    assert_stopped(page)
    assert not rec.outside
