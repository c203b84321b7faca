"""Screenshots of every main screen at every size, for a reviewer (not a check): what a parent
or counsellor sees in the viewport right after each step. They go to
test-artifacts/screens/<SCREENS_SET>/ (default "after"); taking the set first from an older
commit ("before") gives the pairs that show a change. Run: pytest tests/browser/test_screens.py"""

from __future__ import annotations

import os
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from bot.config.paths import ROOT
from tests.browser.helpers import bot_count, wait_for_reply

SET = os.environ.get("SCREENS_SET", "after")
OUT = ROOT / "test-artifacts" / "screens" / SET
REPLY = 30_000
SIZES = {
    "phone": {"width": 375, "height": 812},
    "phone320": {"width": 320, "height": 640},
    "desktop": {"width": 1280, "height": 900},
}
KIOSK_SIZES = {
    "kiosk-portrait": {"width": 1080, "height": 1920},
    "kiosk-landscape": {"width": 1920, "height": 1080},
}
CONSOLE = {"width": 1366, "height": 768}


def snap(page: Page, name: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(300)  # let a smooth scroll settle (a picture, not a measurement)
    page.screenshot(path=str(OUT / f"{name}.png"))


def reply_to(page: Page, action: Any) -> None:
    before = bot_count(page)
    action()
    wait_for_reply(page, before)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_website_screens(open_page, size: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_page(f"/?lang={lang}&condition=smard", SIZES[size])
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=REPLY)
    tag = f"website-{lang}-{size}"
    snap(page, f"{tag}-1-greeting")
    question = {
        "nl": "hoe groot is de kans dat ons volgende kindje ook smard heeft",
        "en": "what is the chance that our next baby has smard too",
    }[lang]
    reply_to(page, lambda: (page.fill("#input", question), page.keyboard.press("Enter")))
    snap(page, f"{tag}-2-chance")
    ask = {
        "nl": "Kunt u de mogelijkheden naast elkaar zetten?",
        "en": "Can you put the options side by side?",
    }[lang]
    reply_to(page, lambda: (page.fill("#input", ask), page.keyboard.press("Enter")))
    snap(page, f"{tag}-3-comparison")
    values = {
        "nl": "help ons nadenken over wat wij belangrijk vinden",
        "en": "help us think about what matters to us",
    }[lang]
    reply_to(page, lambda: (page.fill("#input", values), page.keyboard.press("Enter")))
    snap(page, f"{tag}-4-values-question")
    first = page.locator(".msg--bot").last.locator(".buttons button").first
    reply_to(page, first.click)
    to_result = {"nl": "Naar het resultaat", "en": "To the result"}[lang]
    button = page.locator(".msg--bot").last.get_by_role("button", name=to_result)
    if button.count():
        reply_to(page, button.first.click)
        snap(page, f"{tag}-5-values-result")
    reply_to(page, lambda: page.locator("#summary").click())
    page.wait_for_timeout(500)
    snap(page, f"{tag}-6-summary")
    if page.locator("#about").get_attribute("target") == "_blank":  # the old page: a new tab
        with page.context.expect_page() as opened:
            page.locator("#about").click()
        about = opened.value
        about.set_viewport_size(SIZES[size])
    else:
        page.locator("#about").click()
        about = page
    about.wait_for_load_state()
    snap(about, f"{tag}-7-about")
    about.get_by_role(
        "link", name={"nl": "Terug naar de chat", "en": "Back to the chat"}[lang]
    ).first.click()
    about.wait_for_load_state()
    page.wait_for_timeout(1500)
    snap(about, f"{tag}-8-back-from-about")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", list(KIOSK_SIZES))
def test_kiosk_screens(open_page, size: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_page("/kiosk?idle=600&countdown=30", KIOSK_SIZES[size], touch=True)
    expect(page.locator("#tiles button").first).to_be_visible(timeout=REPLY)
    if lang == "en":
        page.get_by_role("button", name="English").tap()
        expect(page.locator("#tiles button").first).to_have_text("What is SMARD?", timeout=REPLY)
    tag = f"kiosk-{lang}-{size}"
    snap(page, f"{tag}-1-start")
    overview = {"nl": "Wij zijn allebei drager", "en": "We are both carriers"}[lang]
    reply_to(page, lambda: page.locator("#tiles button", has_text=overview).tap())
    snap(page, f"{tag}-2-options")
    compare = {
        "nl": "Alle mogelijkheden bij SMARD naast elkaar",
        "en": "All SMARD options side by side",
    }[lang]
    button = page.locator(".msg--bot").last.get_by_role("button", name=compare)
    if button.count():
        reply_to(page, button.first.tap)
        snap(page, f"{tag}-3-comparison")
    reply_to(page, lambda: page.locator("#summary").tap())
    page.wait_for_timeout(800)
    snap(page, f"{tag}-4-summary")
    page.locator("#chat .about-open").tap()
    page.wait_for_timeout(800)
    snap(page, f"{tag}-5-about")


def test_console_screens(open_page, web_url: str, counsellor: Any) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_page("/console/login", CONSOLE)
    snap(page, "console-1-login")
    page.fill("#name", counsellor.name)
    page.fill("#password", counsellor.password)
    page.locator("form.login").get_by_role("button", name="Log in").click()
    expect(page).to_have_url(web_url + "/console/")
    snap(page, "console-2-overview")
    page.goto(web_url + "/console/answers/smard_chance")
    snap(page, "console-3-answer")
    page.goto(web_url + "/console/answers/sma_options")
    snap(page, "console-4-answer-draft")
    page.goto(web_url + "/console/try")
    for text in ("wat is smard", "hoe groot is de kans dat ons volgende kindje ook smard heeft"):
        before = page.locator("#try-log .diag").count()
        page.fill("#try-input", text)
        page.keyboard.press("Enter")
        expect(page.locator("#try-log .diag")).to_have_count(before + 1, timeout=REPLY)
    snap(page, "console-5-try")
    page.goto(web_url + "/console/?lang=nl")  # the console in Dutch (its texts from ui.yml)
    expect(page.locator("h1")).to_have_text("Inhoud")
    snap(page, "console-6-overview-nl")
