"""The properties behind issue 13, measured on the rendered pages in both languages, on a
phone (375 × 812 and 320 wide), a desktop and the kiosk (portrait and landscape):

- after every reply its first line and its buttons are in the viewport and under no fixed
  element (the typing bar, the kiosk's bar); the focused element is never hidden by one;
- no sideways scrolling at 320 px, no control cut off; no word broken in any table;
- a number is written the same way wherever it appears (answer, picture, comparison, summary);
- the About page and back keeps the conversation; starting over asks first;
- an English page is English, except Dutch titles marked lang="nl";
- every page has a favicon and no request of a page fails.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import bot_count, wait_for_reply
from tests.browser.measure import (
    broken_words,
    focus_clear,
    frequencies,
    reply_in_view,
    sideways,
    spilling_buttons,
)

REPLY = 30_000
PHONE = {"width": 375, "height": 812}
NARROW = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 900}
PORTRAIT = {"width": 1080, "height": 1920}
LANDSCAPE = {"width": 1920, "height": 1080}
ASK = {
    "chance": {
        "nl": "hoe groot is de kans dat ons volgende kindje ook smard heeft",
        "en": "what is the chance that our next baby has smard too",
    },
    "options": {
        "nl": "wij zijn allebei drager, welke mogelijkheden hebben we",
        "en": "we are both carriers, what are our options",
    },
    "comparison": {
        "nl": "Kunt u de mogelijkheden naast elkaar zetten?",
        "en": "Can you put the options side by side?",
    },
    "values": {
        "nl": "help ons nadenken over wat wij belangrijk vinden",
        "en": "help us think about what matters to us",
    },
}


def last_bot(page: Page):  # type: ignore[no-untyped-def]
    return page.locator(".msg--bot").nth(bot_count(page) - 1)


def typed(page: Page, text: str) -> None:
    before = bot_count(page)
    page.fill("#input", text)
    page.keyboard.press("Enter")
    wait_for_reply(page, before)


def pressed(page: Page, title: str) -> None:
    before = bot_count(page)
    last_bot(page).get_by_role("button", name=title, exact=True).first.click()
    wait_for_reply(page, before)


def check_reply(page: Page, step: str, must_fit: bool = False) -> dict[str, Any]:
    """The new reply's first line is clear; a reply that fits the room the screen leaves
    beside the fixed bars is wholly in view, all its buttons clear. A taller one (a table, the
    summary, a long list on a phone) starts at its first line, and each button is clear when
    the keyboard reaches it (tab_through_reply). `must_fit`: this reply has to fit."""
    page.wait_for_timeout(100)  # the summary card is fetched after the reply
    seen = reply_in_view(last_bot(page))
    assert seen["first"], (step, "first line hidden", seen)
    fits = seen["height"] <= seen["room"]
    assert fits or not must_fit, (step, "taller than the screen", seen)
    if fits:
        hidden = [title for title, ok in seen["buttons"] if not ok]
        assert not hidden, (step, "buttons out of view or under the typing bar", hidden, seen)
    return seen


def tab_through_reply(page: Page, step: str) -> None:
    """Every button the keyboard reaches in the new reply is clear of the typing bar."""
    count = last_bot(page).locator(".buttons button").count()
    if page.evaluate("document.activeElement.classList.contains('msg--bot')"):
        page.keyboard.press(
            "Tab"
        )  # a long reply has the focus itself; Tab goes to its first button
    for _ in range(count):
        found = focus_clear(page)
        assert found and found["clear"], (step, "focused element hidden", found)
        page.keyboard.press("Tab")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_every_reply_in_view_and_focus_never_hidden(
    open_page,
    renderer,
    content,
    size: str,  # type: ignore[no-untyped-def]
    lang: str,
) -> None:
    page, _ = open_page(
        f"/?lang={lang}&condition=smard", {"phone": PHONE, "desktop": DESKTOP}[size]
    )
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=REPLY)
    check_reply(page, "greeting", must_fit=True)
    label = lambda answer_id: renderer.label(content.answers[answer_id], lang)  # noqa: E731
    typed(page, ASK["chance"][lang])
    assert last_bot(page).locator("figure img").count() == 1
    check_reply(page, "chance, with its picture", must_fit=True)
    typed(page, ASK["options"][lang])
    check_reply(page, "options overview")
    for step in ("option_prenatal", "option_pgt"):
        if step == "option_prenatal":
            pressed(page, label(step))
        else:
            pressed(page, renderer.ui("next_step", lang).format(label=label(step)))
        check_reply(page, step)
        # the focus moved to the new reply's first button (to the reply, when the button is
        # below the screen), and is in view
        first = last_bot(page).locator(".buttons button").first
        seen = reply_in_view(last_bot(page))
        expect(first if seen["buttons"][0][1] else last_bot(page)).to_be_focused()
        tab_through_reply(page, step)
    typed(page, ASK["values"][lang])
    check_reply(page, "values intro")
    pressed(page, renderer.ui("values_begin", lang))
    check_reply(page, "values question 1")
    typed(page, ASK["comparison"][lang])
    check_reply(page, "comparison")
    before = bot_count(page)
    page.locator("#summary").click()
    wait_for_reply(page, before)
    expect(last_bot(page).locator(".summary")).to_have_count(1)
    check_reply(page, "summary")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_nothing_sideways_at_320_px(open_page, lang: str) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_page(f"/?lang={lang}&condition=smard", NARROW)
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=REPLY)
    assert sideways(page) == {"page": 0, "clipped": []}
    for key in ("chance", "comparison"):
        typed(page, ASK[key][lang])
        assert sideways(page) == {"page": 0, "clipped": []}, key
        assert broken_words(page.locator("#log")) == []
    page.locator("#summary").click()
    expect(page.locator(".summary")).to_have_count(1, timeout=REPLY)
    assert sideways(page) == {"page": 0, "clipped": []}
    page.goto(page.url.split("?")[0].replace("/?", "/") + f"about?lang={lang}")
    assert sideways(page) == {"page": 0, "clipped": []}


def test_header_on_a_phone(open_page) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_page("/?lang=nl", PHONE)
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=REPLY)
    tops = {round(b.bounding_box()["y"]) for b in page.locator(".chat__tools button").all()}
    assert len(tops) == 1, tops
    # one language switch on the page, not a second one in the greeting
    expect(page.get_by_role("button", name="English")).to_have_count(1)
    about = page.locator("#about").bounding_box()
    assert about["height"] >= 44, about
    expect(page.locator("#about")).not_to_have_attribute("target", "_blank")


def _website_tables(open_page, size: dict[str, int], lang: str) -> Page:  # type: ignore[no-untyped-def]
    page, _ = open_page(f"/?lang={lang}&condition=smard", size)
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=REPLY)
    typed(page, ASK["comparison"][lang])
    typed(page, ASK["values"][lang])
    return page


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", ["phone", "narrow", "desktop"])
def test_no_word_broken_in_the_website_tables(open_page, size: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    page = _website_tables(
        open_page, {"phone": PHONE, "narrow": NARROW, "desktop": DESKTOP}[size], lang
    )
    log = page.locator("#log")
    assert log.locator("table").count() >= 1
    assert broken_words(log) == []
    assert spilling_buttons(log) == []


def _kiosk(open_page, size: dict[str, int], lang: str) -> Page:  # type: ignore[no-untyped-def]
    page, _ = open_page("/kiosk?idle=600&countdown=30", size, touch=True)
    expect(page.locator("#tiles button").first).to_be_visible(timeout=REPLY)
    if lang == "en":
        page.get_by_role("button", name="English").tap()
        expect(page.locator("#tiles button").first).to_have_text("What is SMARD?", timeout=REPLY)
    return page


def _tap(page: Page, title: str) -> None:
    before = bot_count(page)
    last_bot(page).get_by_role("button", name=title, exact=True).first.tap()
    expect(page.locator(".msg--bot")).to_have_count(before + 1, timeout=REPLY)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", ["portrait", "landscape"])
def test_kiosk_replies_in_view_and_tables_unbroken(
    open_page,
    renderer,
    content,
    size: str,  # type: ignore[no-untyped-def]
    lang: str,
) -> None:
    page = _kiosk(open_page, {"portrait": PORTRAIT, "landscape": LANDSCAPE}[size], lang)
    label = lambda answer_id: renderer.label(content.answers[answer_id], lang)  # noqa: E731
    before = bot_count(page)
    page.locator("#tiles button", has_text=label("options_overview")).tap()
    expect(page.locator(".msg--bot")).to_have_count(before + 1, timeout=REPLY)
    check_reply(page, "options overview")
    _tap(page, label("option_prenatal"))
    check_reply(page, "option_prenatal")
    _tap(page, label("options_comparison"))
    check_reply(page, "comparison")
    log = page.locator("#log")
    assert broken_words(log) == []
    assert spilling_buttons(log) == []
    assert sideways(page)["page"] == 0
    # landscape uses the screen's width (no 960 px column); text is at least 20 px
    if size == "landscape":
        main = page.locator("#chat").bounding_box()
        assert main["width"] >= 0.9 * page.viewport_size["width"], main
    sizes = page.evaluate("""() => [...document.querySelectorAll(
        '#chat table *, #chat .msg em, #start .privacy')].filter((e) => e.textContent.trim())
        .map((e) => parseFloat(getComputedStyle(e).fontSize))""")
    assert min(sizes) >= 20, min(sizes)


def test_kiosk_idle_background_touch_means_still_here(open_page) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_page("/kiosk?idle=2&countdown=20", PORTRAIT, touch=True)
    expect(page.locator("#tiles button").first).to_be_visible(timeout=REPLY)
    page.locator("#tiles button").first.tap()
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=REPLY)
    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_be_visible(timeout=15_000)
    page.touchscreen.tap(20, 20)  # the dimmed background, not the button
    expect(dialog).to_be_hidden()
    expect(page.locator("#chat")).to_be_visible()
    expect(page.locator(".msg--bot")).to_have_count(1)


def test_kiosk_about_names_the_kiosk_button(open_page) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_page("/about?lang=nl&surface=kiosk", PORTRAIT)
    expect(page.locator("main")).to_contain_text("Stop en wis")
    expect(page.locator("main")).not_to_contain_text("Opnieuw beginnen")
    page.goto(page.url.replace("lang=nl", "lang=en"))
    expect(page.locator("main")).to_contain_text("Stop and erase")
    expect(page.locator("main")).not_to_contain_text("Start over")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_number_is_written_the_same_way_everywhere(open_page, lang: str) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_page(f"/?lang={lang}&condition=smard", DESKTOP)
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=REPLY)
    typed(page, ASK["chance"][lang])
    typed(page, ASK["comparison"][lang])
    page.locator("#summary").click()
    expect(page.locator(".summary")).to_have_count(1, timeout=REPLY)
    places = {
        "answers": " ".join(t for t in page.locator(".msg--bot > p").all_inner_texts()),
        "pictures": " ".join(
            page.locator(".msg--bot figcaption").all_inner_texts()
            + [
                a or ""
                for a in page.locator(".msg--bot figure img").evaluate_all(
                    "imgs => imgs.map(i => i.alt)"
                )
            ]
        ),
        "comparison": page.locator(".msg--bot table").first.inner_text(),
        "summary": page.locator(".summary").inner_text(),
    }
    per: dict[str, set[str]] = {}
    for text in places.values():
        for count, base in frequencies(text):
            per.setdefault(count, set()).add(base)
    assert per.get("25") and per.get("3"), per  # the chance and the miscarriage risk were shown
    assert {count: bases for count, bases in per.items() if len(bases) > 1} == {}, places


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_about_and_back_keeps_the_conversation_and_start_over_asks(open_page, lang: str) -> None:  # type: ignore[no-untyped-def]
    page, rec = open_page(f"/?lang={lang}&condition=smard", PHONE)
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=REPLY)
    typed(page, ASK["chance"][lang])
    texts = page.locator(".msg").all_inner_texts()
    pages_before = len(page.context.pages)
    page.locator("#about").click()
    expect(page).to_have_url(re.compile(r"/about\?lang=" + lang))
    assert len(page.context.pages) == pages_before  # the same tab
    back = {"nl": "Terug naar de chat", "en": "Back to the chat"}[lang]
    page.get_by_role("link", name=back).click()
    expect(page.locator(".msg")).to_have_count(len(texts))
    assert page.locator(".msg").all_inner_texts() == texts
    # the conversation goes on with the same sender, and the reply is in view
    typed(page, ASK["comparison"][lang])
    assert len(set(rec.senders)) == 1
    # starting over asks first, in the page's language; "no" keeps everything
    restart = {"nl": "Opnieuw beginnen", "en": "Start over"}[lang]
    page.get_by_role("button", name=restart, exact=True).click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text({"nl": "Opnieuw beginnen?", "en": "Start over?"}[lang])
    no = {"nl": "Nee, ga verder", "en": "No, go on"}[lang]
    yes = {"nl": "Ja, wis het gesprek", "en": "Yes, delete the conversation"}[lang]
    expect(dialog.get_by_role("button", name=no)).to_be_focused()
    dialog.get_by_role("button", name=no).click()
    expect(dialog).to_be_hidden()
    assert page.locator(".msg").count() == len(texts) + 2
    page.get_by_role("button", name=restart, exact=True).click()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert page.locator(".msg").count() == len(texts) + 2
    page.get_by_role("button", name=restart, exact=True).click()
    dialog.get_by_role("button", name=yes).click()
    expect(page.locator(".msg")).to_have_count(1, timeout=REPLY)
    assert rec.senders[-1] != rec.senders[0]


# Words that only Dutch has (no English word is spelt like these).
DUTCH = re.compile(
    r"\b(het|een|niet|uw|voor|wordt|zijn|onderzoek|zwangerschap|kinderwens|"
    r"VOORBEELD|Bron|Gecontroleerd|Informatie|erft|Mogelijkheden|bij|naar)\b"
)
ENGLISH_TEXT = """() => {
  const out = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const host = n.parentElement;
    if (!host || host.closest('[lang]:not(html)')?.lang === 'nl' || !n.nodeValue.trim()) continue;
    if (host.closest('script, style, [hidden], dialog:not([open])')) continue;
    out.push(n.nodeValue.trim());
  }
  for (const e of document.querySelectorAll('[alt], [aria-label], [title], [placeholder]')) {
    if (e.closest('[lang]:not(html)')?.lang === 'nl') continue;
    for (const a of ['alt', 'aria-label', 'title', 'placeholder']) if (e.getAttribute(a)) out.push(e.getAttribute(a));
  }
  return out;
}"""


def dutch_on(page: Page) -> list[str]:
    """Texts of an English page that hold Dutch words and are not marked lang="nl"."""
    return [t for t in page.evaluate(ENGLISH_TEXT) if DUTCH.search(t)]


def test_an_english_page_is_english(open_page) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_page("/?lang=en&condition=smard", DESKTOP)
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=REPLY)
    typed(page, ASK["chance"][lang := "en"])
    typed(page, ASK["comparison"][lang])
    page.locator("#summary").click()
    expect(page.locator(".summary")).to_have_count(1, timeout=REPLY)
    assert page.locator("[lang=nl]").count() >= 2  # the source titles, marked
    assert dutch_on(page) == []
    page.goto(page.url.split("/?")[0] + "/about?lang=en")
    assert dutch_on(page) == []
    kiosk = _kiosk(open_page, PORTRAIT, "en")
    kiosk.locator("#tiles button").first.tap()
    expect(kiosk.locator(".msg--bot")).to_have_count(1, timeout=REPLY)
    assert dutch_on(kiosk) == []


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/?lang=en",
        "/kiosk",
        "/about?lang=nl",
        "/about?lang=en&surface=kiosk",
        "/console/login",
    ],
)
def test_favicon_and_no_failed_request(open_page, path: str) -> None:  # type: ignore[no-untyped-def]
    failed: list[str] = []
    page, _ = open_page("/about?lang=nl", DESKTOP)
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(page.url.split("/about")[0] + path)
    page.wait_for_load_state("networkidle")
    icon = page.locator("link[rel=icon]").get_attribute("href")
    assert (
        icon
        and page.request.get(
            page.url.split(path)[0] + icon if path != "/" else page.url + icon.lstrip("/")
        ).ok
    )
    assert failed == []
