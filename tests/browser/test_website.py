"""The website chat in a real browser, in Dutch and English."""

from __future__ import annotations

from playwright.sync_api import expect

from bot.config.config import Config
from bot.content.formatting import format_long_date
from tests.browser.conftest import DESKTOP, PHONE, screenshot
from tests.browser.helpers import (
    bot_count,
    press,
    reload_then_start_over,
    type_question,
    wait_for_reply,
)


def test_dutch_conversation_on_a_phone(open_page, content, config: Config) -> None:  # type: ignore[no-untyped-def]
    page, rec = open_page("/", PHONE)
    expect(page.locator(".msg--bot").first).to_contain_text("Ik ben een chatbot, geen mens")
    text = type_question(page, "hoe groot is de kans dat ons volgende kindje ook smard heeft")
    assert "25 van de 100 (25%)" in text
    reviewed = format_long_date(content.answers["smard_chance"].review.date, "nl")
    assert "Bron: Informatie over SMARD" in text and f"Gecontroleerd op {reviewed}" in text
    figure = page.locator(".msg--bot").last.locator("figure")
    expect(figure.locator("figcaption")).to_have_text("25 van de 100")
    assert "100 poppetjes" in figure.locator("img").get_attribute("alt")
    assert figure.locator("img").evaluate("img => img.naturalWidth > 0")
    screenshot(page, "website-nl-phone-chance")
    assert "verschillende mogelijkheden" in press(
        page, "Wij zijn allebei drager van SMARD: welke mogelijkheden zijn er?"
    )
    text = press(page, "Onderzoek naar SMARD tijdens de zwangerschap")
    assert "3 van de 1.000 (0,3%)" in text and "rond week 11" in text
    text = press(page, "Volgende: Onderzoek naar SMARD vóór de zwangerschap (PGT)")
    assert "98 van de 100 (98%)" in text
    screenshot(page, "website-nl-phone-options")
    sender = rec.senders[-1]
    reload_then_start_over(
        page, sender, "Opnieuw beginnen", "Ik ben een chatbot, geen mens", config.tracker_store
    )
    assert rec.senders[-1] != sender


def test_english_conversation_on_a_desktop(open_page, config: Config) -> None:  # type: ignore[no-untyped-def]
    page, rec = open_page("/?lang=en", DESKTOP)
    expect(page.locator(".msg--bot").first).to_contain_text("I am a chatbot, not a person")
    text = press(page, "How is SMARD inherited?")
    assert "autosomal recessive" in text and "Source: Informatie over SMARD" in text
    img = page.locator(".msg--bot").last.locator("figure img")
    assert "On the left a carrier" in img.get_attribute("alt")
    text = type_question(page, "and what is the chance for our next baby")
    assert "25 in 100 (25%)" in text
    expect(page.locator(".msg--bot").last.locator("figcaption")).to_have_text("25 in 100")
    text = press(page, "We are both carriers of SMARD: what are our options?")
    assert "Choose an option below" in text
    text = press(page, "Testing for SMARD before pregnancy (PGT)")
    assert "pgtnederland.nl" in text
    link = page.locator(".msg--bot").last.get_by_role("link", name="pgtnederland.nl")
    assert link.get_attribute("rel") == "noopener noreferrer"
    screenshot(page, "website-en-desktop")
    reload_then_start_over(
        page, rec.senders[-1], "Start over", "I am a chatbot, not a person", config.tracker_store
    )
    # the language switch
    page.get_by_role("button", name="Nederlands").first.click()
    expect(page.locator(".msg--bot").last).to_contain_text(
        "Prima, we gaan verder in het Nederlands"
    )
    expect(page.locator("html")).to_have_attribute("lang", "nl")


def _tab_until(page, condition: str, limit: int = 80) -> int:  # type: ignore[no-untyped-def]
    """Press Tab until the JS `condition` (about document.activeElement) holds; the presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(
            f"(() => {{ const el = document.activeElement; return !!({condition}); }})()"
        ):
            return presses
    raise AssertionError(f"{condition} not reached with {limit} Tab presses")


def test_keyboard_only(open_page) -> None:  # type: ignore[no-untyped-def]
    """Everything by keyboard from a freshly loaded page: Tab to the input, type, Enter; Tab to
    the answer's first button, Enter. After a typed question focus stays in the input; after a
    button, it moves to the new reply's first button (or to the reply when that button is
    below the screen), so the next choice is one key away."""
    page, _ = open_page("/", DESKTOP)
    expect(page.locator(".msg--bot")).to_have_count(1)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    _tab_until(page, "el && el.id === 'input'")
    page.keyboard.type("wat is smard")
    page.keyboard.press("Enter")
    wait_for_reply(page, 1)
    # tab on to a button of the answer and press it with the keyboard (past "Lees voor", which
    # reads the answer aloud and sends nothing: tests/browser/test_read_aloud.py)
    _tab_until(
        page,
        "el && el.tagName === 'BUTTON' && el.closest('.buttons') && "
        "el.closest('.msg--bot') === [...document.querySelectorAll('.msg--bot')].pop()",
    )
    label = page.evaluate("document.activeElement.textContent")
    before = bot_count(page)
    page.keyboard.press("Enter")
    wait_for_reply(page, before)
    expect(page.locator(".msg--me").last).to_have_text(label.strip())
    newest = page.locator(".msg--bot").last
    assert page.evaluate("""() => { const el = document.activeElement, li = [...document.querySelectorAll('.msg--bot')].pop();
        return el === li || el === li.querySelector('.buttons button'); }"""), newest.inner_text()[
        :80
    ]


def test_html_and_script_are_shown_as_text_and_run_nothing(open_page) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_page("/", DESKTOP)
    expect(page.locator(".msg--bot")).to_have_count(1)
    evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    type_question(page, evil)
    expect(page.locator(".msg--me").last).to_have_text(evil)
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator(".msg img[src='x']").count() == 0
    assert page.locator(".msg script").count() == 0


def test_server_unreachable_then_back(open_page) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_page("/?lang=en", DESKTOP)
    expect(page.locator(".msg--bot")).to_have_count(1)
    page.route("**/api/chat", lambda route: route.abort())
    page.fill("#input", "what is smard")
    page.keyboard.press("Enter")
    status = page.locator("#status")
    expect(status).to_be_visible()
    expect(status).to_contain_text("cannot be reached")
    screenshot(page, "website-en-offline")
    page.unroute("**/api/chat")
    status.get_by_role("button", name="Try again").click()
    expect(page.locator(".msg--bot")).to_have_count(2, timeout=30_000)
    expect(page.locator(".msg--bot").last).to_contain_text("SMARD")
    expect(status).to_be_hidden()
