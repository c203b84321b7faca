"""The letter for relatives in a real browser, against the real servers, in both languages:
on the website, names and an own line typed into the page appear in the letter and its print
version but never in any request to our server, nor in storage or cookies; the PDF download
is the vetted letter with write-in space; on the kiosk, a QR code that decodes to the letter's
text, and nothing left after the kiosk is erased."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from bot.conversation.render import Renderer
from bot.decision_aid import letter as letters
from tests.browser.axe import axe_findings, describe
from tests.browser.test_decision_aid import (
    REPLY,
    WEB_EN,
    WEB_NL,
    decode_qr,
    open_chat,
    open_kiosk,
    pdf_text,
    press_exact,
    shot,
    tap_exact,
)
from tests.test_letter import NO_SYMPTOMS, SIBLINGS

BUTTON = {"nl": "Brief voor familie", "en": "Letter for relatives"}
# What a parent types: distinctive, so any trace of it in a request or in storage is found.
OWN = {
    "to": "Oma Truusje en opa Kees-Bartholomeus",
    "from": "Annelies en Marcoberto",
    "line": "Wij denken elke dag aan jullie, Zwanhilde.",
}
TRACES = ("Truusje", "Bartholomeus", "Annelies", "Marcoberto", "Zwanhilde")


def _inheritance_label(renderer: Renderer, lang: str) -> str:
    return renderer.label(renderer.content.answers["smard_inheritance"], lang)


def _storage(page: Page) -> str:
    """Everything the page could keep: both storages and the cookies, as one text."""
    kept = page.evaluate("""() => JSON.stringify([Object.entries(localStorage),
                                                  Object.entries(sessionStorage), document.cookie])""")
    return kept + repr(page.context.cookies())


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_website_letter_keeps_names_on_the_device(
    open_page, renderer: Renderer, lang: str
) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_chat(open_page, WEB_NL if lang == "nl" else WEB_EN)
    sent: list[dict[str, Any]] = []
    page.on(
        "request",
        lambda r: sent.append(
            {"url": r.url, "body": r.post_data or "", "headers": repr(r.headers)}
        ),
    )
    press_exact(page, _inheritance_label(renderer, lang))
    message = press_exact(page, BUTTON[lang])
    expect(page.locator(".msg--me").last).to_have_text(BUTTON[lang])
    letter = letters.compose(renderer, lang)
    assert letter is not None
    doc = message.locator("article.letter")
    expect(doc.locator("h2")).to_have_text(letter.title)
    expect(doc.locator(".letter__greeting")).to_have_text(letter.greeting_blank)
    expect(doc).to_contain_text(NO_SYMPTOMS[lang])
    assert SIBLINGS[lang] not in doc.inner_text()  # a draft: not in the letter
    for paragraph in letter.paragraphs:
        expect(doc).to_contain_text(paragraph)

    # Names and an own line, typed into the page, go into the letter there.
    message.get_by_label(letter.labels["to"]).fill(OWN["to"])
    message.get_by_label(letter.labels["from"]).fill(OWN["from"])
    message.get_by_label(letter.labels["personal"]).fill(OWN["line"])
    doc = message.locator("article.letter")
    expect(doc.locator(".letter__greeting")).to_have_text(
        letter.greeting.replace("{names}", OWN["to"])
    )
    expect(doc.locator(".letter__own")).to_have_text(OWN["line"])
    expect(doc.locator(".letter__from")).to_have_text(OWN["from"])
    expect(message.locator(".letter__private")).to_have_text(letter.labels["private"])
    shot(page, f"letter-website-{lang}")

    # Print: only the letter, with the names, and not the fields.
    page.evaluate(
        "() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }"
    )
    message.get_by_role("button", name=letter.labels["print"], exact=True).click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    expect(doc).to_be_visible()
    expect(doc).to_contain_text(OWN["to"])
    expect(message.locator(".letter__fields")).to_be_hidden()
    expect(page.locator(".msg--me").first).to_be_hidden()
    shot(page, f"letter-website-print-{lang}", whole=False)
    page.emulate_media(media="screen")
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")

    # The PDF download: the vetted letter, write-in space instead of names.
    with page.expect_download() as info:
        message.get_by_role("link", name=letter.labels["download"], exact=True).click()
    # Chromium reports a download's request as a download, not as a page request: its address
    # is checked with the others.
    sent.append({"url": info.value.url, "body": "", "headers": ""})
    assert info.value.url.startswith(f"{page.url.split('/?')[0]}/api/letter.pdf")
    data = open(info.value.path(), "rb").read()
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert letter.title in text and letter.closing in text
    assert not any(t in text for t in TRACES), text

    # A further question goes to the server as usual: the names never go along.
    before = len(sent)
    press_exact(page, renderer.label(renderer.content.answers["handoff"], lang))
    assert len(sent) > before
    assert any("/api/letter" in r["url"] for r in sent) and any(
        "/api/chat" in r["url"] for r in sent
    )
    leaked = [r for r in sent for t in TRACES if t in r["url"] + r["body"] + r["headers"]]
    assert leaked == [], leaked
    kept = _storage(page)
    assert not any(t in kept for t in TRACES), kept
    expect(message.locator("article.letter")).to_contain_text(OWN["to"])  # still on the screen


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_kiosk_letter_is_a_qr_code_holding_its_text_and_is_erased(
    open_page, renderer: Renderer, lang: str
) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_kiosk(open_page)
    if lang == "en":
        page.locator('button.lang[data-lang="en"]').tap()
        expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator("#tiles button", has_text=_inheritance_label(renderer, lang)).first.tap()
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=REPLY)
    message = tap_exact(page, BUTTON[lang])
    letter = letters.compose(renderer, lang)
    assert letter is not None
    img = message.locator("figure.letter-qr img")
    expect(img).to_be_visible(timeout=REPLY)
    expect(message.locator("figure.letter-qr figcaption")).to_have_text(letter.labels["qr"])
    expect(message.locator("article.letter h2")).to_have_text(letter.title)
    assert message.locator("input, textarea, form, a").count() == 0  # not the parent's device
    shot(page, f"letter-kiosk-qr-{lang}")
    decoded = decode_qr(img)
    assert decoded == letters.as_text(letter)
    assert NO_SYMPTOMS[lang] in decoded and SIBLINGS[lang] not in decoded

    page.get_by_role("button", name="Stop en wis" if lang == "nl" else "Stop and erase").tap()
    expect(page.locator("#start")).to_be_visible(timeout=REPLY)
    expect(page.locator("article.letter, figure.letter-qr")).to_have_count(0)
    assert letter.paragraphs[0] not in _storage(page) and letter.title not in _storage(page)


def test_the_letter_screens_have_no_axe_findings(open_page, renderer: Renderer) -> None:  # type: ignore[no-untyped-def]
    found = {}
    page, _ = open_chat(open_page, WEB_NL, bypass_csp=True)
    press_exact(page, _inheritance_label(renderer, "nl"))
    press_exact(page, BUTTON["nl"])
    expect(page.locator("article.letter")).to_be_visible()
    found["website letter with its fields"] = axe_findings(page)
    kiosk, _ = open_kiosk(open_page, bypass_csp=True)
    kiosk.locator("#tiles button", has_text=_inheritance_label(renderer, "nl")).first.tap()
    expect(kiosk.locator(".msg--bot")).to_have_count(1, timeout=REPLY)
    tap_exact(kiosk, BUTTON["nl"])
    expect(kiosk.locator("figure.letter-qr img")).to_be_visible(timeout=REPLY)
    found["kiosk letter with QR code"] = axe_findings(kiosk)
    assert all(not v for v in found.values()), {
        k: [describe(v) for v in vs] for k, vs in found.items()
    }
