"""The decision aid in a real browser, against the real servers: the options side by side
(desktop, phone, kiosk), the "what matters to you" exercise, the personal summary (PDF, print,
and the kiosk's QR code that holds the text itself), the page about the assistant, and
axe-core on every new screen."""

from __future__ import annotations

import datetime as dt
import io
import re
import sqlite3
from typing import Any

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Locator, Page, expect
from pypdf import PdfReader

from bot.config.config import Config
from bot.decision_aid.summary import compose as compose_summary
from bot.decision_aid.summary import parse_request, qr_text
from bot.stores.conversations import stored_events, tracker_db
from tests.browser.axe import axe_findings, describe
from tests.browser.conftest import DESKTOP, KIOSK, PHONE, SCREENSHOTS, screenshot
from tests.browser.helpers import bot_count, press, type_question, wait_for_reply

REPLY = 30_000  # a reply passes through Rasa and the action server
WEB_NL = "/?lang=nl&condition=smard"
WEB_EN = "/?lang=en&condition=smard"
KIOSK_PATH = "/kiosk?idle=600&countdown=30"  # no idle reset in the middle of a long test

ASK_COMPARISON = "Kunt u de mogelijkheden naast elkaar zetten?"
ASK_VALUES = "help ons nadenken over wat wij belangrijk vinden"
ASK_CHANCE = "hoe groot is de kans dat ons volgende kindje ook smard heeft"
OVERVIEW = "Wij zijn allebei drager van SMARD: welke mogelijkheden zijn er?"
COMPARISON = "Alle mogelijkheden bij SMARD naast elkaar"
ASK_COUNSELLOR = "Bespreek dit met uw erfelijkheidsadviseur."
OPTIONS_NL = [
    "Zwanger worden zonder onderzoek naar SMARD",
    "Onderzoek naar SMARD tijdens de zwangerschap",
    "Onderzoek naar SMARD vóór de zwangerschap (PGT)",
    "Eicel- of spermadonatie bij SMARD",
    "Adoptie bij SMARD",
    "Geen (meer) kinderen bij SMARD",
]
COMPARISON_HEADERS = [
    "Mogelijkheid",
    "Wanneer?",
    "Wat houdt het in?",
    "Wat kan het u vertellen?",
    "Kansen en risico’s",
    "Waar kunt u terecht?",
]
VALUES_HEADERS = [
    "Mogelijkheid",
    "Past bij wat u zei",
    "Past minder bij wat u zei",
    "Om te bespreken met uw adviseur",
]
# What the parents said, as the result and the summary repeat it (content/answers/decision_aid.yml).
SAID_KNOW_BEFORE = "U wilt het liefst al vóór de zwangerschap iets weten."
SAID_OWN_CHILD_LESS = "Het is voor u minder belangrijk dat het kind genetisch van u allebei is."
SAID_OWN_CHILD = "U wilt graag een kind dat genetisch van u allebei is."
SAID_NO_IVF = "U wilt liever geen IVF-behandeling."
SAID_UNSURE = "U weet nog niet hoe u denkt over het afbreken van een zwangerschap."
SUMMARY_TITLE = "Samenvatting: keuzehulp SMARD en SMA"
THREE_QUESTIONS = [
    "Wat zijn mijn mogelijkheden?",
    "Wat zijn de voordelen en nadelen van die mogelijkheden?",
    "Wat betekent dat in mijn situatie?",
]


# -- small steps ------------------------------------------------------------------------------
def open_chat(
    open_page,
    path: str = WEB_NL,
    viewport: dict[str, int] = DESKTOP,  # type: ignore[no-untyped-def]
    bypass_csp: bool = False,
) -> tuple[Page, Any]:
    page, rec = open_page(path, viewport, bypass_csp=bypass_csp)
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=REPLY)
    return page, rec


def last_bot(page: Page) -> Locator:
    """The newest bot message, pinned: it stays this message when later ones arrive."""
    return page.locator(".msg--bot").nth(bot_count(page) - 1)


def press_exact(page: Page, title: str) -> Locator:
    """Press a button of the last bot message by its exact name; returns the reply."""
    before = bot_count(page)
    last_bot(page).get_by_role("button", name=title, exact=True).click()
    wait_for_reply(page, before)
    return last_bot(page)


def open_kiosk(open_page, bypass_csp: bool = False) -> tuple[Page, Any]:  # type: ignore[no-untyped-def]
    page, rec = open_page(KIOSK_PATH, KIOSK, bypass_csp=bypass_csp, touch=True)
    expect(page.locator("#tiles button").first).to_be_visible(timeout=REPLY)
    return page, rec


def tap_exact(page: Page, title: str) -> Locator:
    """Tap a button of the last bot message on the kiosk; returns the reply."""
    before = bot_count(page)
    last_bot(page).get_by_role("button", name=title, exact=True).tap()
    expect(page.locator(".msg--bot")).to_have_count(before + 1, timeout=REPLY)
    return last_bot(page)


def kiosk_to_comparison(page: Page) -> Locator:
    page.locator("#tiles button", has_text=OVERVIEW).tap()
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=REPLY)
    return tap_exact(page, COMPARISON)


def table_in(message: Locator) -> Locator:
    return message.locator("table.grid__table")


def body_rows(table: Locator) -> Locator:
    return table.locator("tbody > tr")


def cell_texts(row: Locator) -> list[list[str]]:
    """The statements in each data cell of a values result row ([] for an empty cell)."""
    return [cell.locator("li").all_inner_texts() for cell in row.locator("td").all()]


def values_row(table: Locator, option: str) -> Locator:
    return body_rows(table).filter(has=table.page.get_by_role("button", name=option, exact=True))


def answer_question(page: Page, number: int, choice: str) -> Locator:
    """Check the question on screen is number `number` of 6, then press `choice`."""
    question = last_bot(page)
    expect(question).to_contain_text(f"Vraag {number} van 6")
    expect(question).to_contain_text("Waarom ik dit vraag")
    for always in ("Sla deze vraag over", "Naar het resultaat"):
        expect(question.get_by_role("button", name=always, exact=True)).to_be_visible()
    return press_exact(page, choice)


def shot(page: Page, name: str, whole: bool = True) -> None:
    """A screenshot for the reviewer. The whole page is taken with the viewport made as tall as
    the page, so the sticky header and input bar sit where they belong instead of covering the
    middle of a long conversation (which a beyond-the-viewport capture does)."""
    if not whole:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
        return
    size = page.viewport_size
    height = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": max(height, size["height"])})
    try:
        screenshot(page, name)
    finally:
        page.set_viewport_size(size)


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def decode_qr(img: Locator) -> str:
    """Decode the QR code as the screen shows it (scaled up, without smoothing, if needed)."""
    picture = Image.open(io.BytesIO(img.screenshot())).convert("L")
    for scale in (1, 2, 4):
        big = picture.resize((picture.width * scale, picture.height * scale), Image.NEAREST)
        found = zxingcpp.read_barcodes(big)
        if found:
            assert len(found) == 1 and found[0].format == zxingcpp.BarcodeFormat.QRCode
            return found[0].text
    raise AssertionError("the summary QR code could not be decoded")


# -- the options side by side -----------------------------------------------------------------
def check_comparison(table: Locator, content) -> None:  # type: ignore[no-untyped-def]
    """Caption, 5 attribute columns, 6 options; each cell filled exactly when the option's
    answer has that part, an empty cell says to ask the counsellor and has no number."""
    expect(table.locator("caption")).to_have_text(COMPARISON)
    expect(table.locator("thead th")).to_have_text(COMPARISON_HEADERS)
    rows = body_rows(table)
    expect(rows).to_have_count(6)
    expect(rows.locator("th button.grid__option")).to_have_text(OPTIONS_NL)
    option_ids = content.flows["options"][1:]
    for row, option_id in zip(rows.all(), option_ids):
        cells = row.locator("td")
        expect(cells).to_have_count(5)
        parts = content.answers[option_id].parts or {}
        for cell, part in zip(cells.all(), ("when", "involves", "tells", "risks", "where")):
            if parts.get(part):
                expect(cell.locator("button.grid__cell")).to_have_count(1)
                expect(cell.locator(".grid__empty")).to_have_count(0)
                assert cell.inner_text().strip(), (option_id, part)
            else:
                expect(cell.locator("button")).to_have_count(0)
                expect(cell.locator("span.grid__empty")).to_have_text(ASK_COUNSELLOR)
                assert not re.search(r"\d", cell.inner_text()), (option_id, part, cell.inner_text())
    assert table.locator("button.grid__cell").count() >= 10
    assert table.locator("span.grid__empty").count() >= 10


def test_comparison_on_a_desktop(open_page, content) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_chat(open_page)
    type_question(page, ASK_COMPARISON)
    message = last_bot(page)
    expect(message).to_contain_text("Er is geen goede of foute keuze")
    table = table_in(message)
    check_comparison(table, content)
    # a table on a wide screen: the cells of a row side by side, the header row shown
    first = body_rows(table).first.locator("td")
    a, b = first.nth(0).bounding_box(), first.nth(1).bounding_box()
    assert abs(a["y"] - b["y"]) < 2 and b["x"] >= a["x"] + a["width"] - 2, (a, b)
    expect(table.locator("thead th").nth(1)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shot(page, "decision-comparison-desktop")

    # a filled cell opens its option's answer, which says what the cell says
    pgt = body_rows(table).nth(2)
    cell = pgt.locator("td").nth(2).locator("button.grid__cell")
    cell_text = cell.inner_text().strip()
    assert "98 van de 100 (98%)" in cell_text, cell_text
    before = bot_count(page)
    cell.click()
    wait_for_reply(page, before)
    expect(page.locator(".msg--me").last).to_have_text(OPTIONS_NL[2])
    answer = last_bot(page)
    expect(answer).to_contain_text("PGT is een vorm van IVF")
    assert cell_text in " ".join(answer.inner_text().split()), answer.inner_text()
    expect(table_in(answer)).to_have_count(0)
    # …and so does the option's own button in the first column
    before = bot_count(page)
    body_rows(table).nth(1).locator("button.grid__option").click()
    wait_for_reply(page, before)
    expect(last_bot(page)).to_contain_text("3 van de 1.000 (0,3%)")
    expect(last_bot(page)).to_contain_text("vlokkentest")


def test_comparison_from_the_options_flow(open_page, content) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_chat(open_page)
    text = press(page, OVERVIEW)
    assert "mogelijkheden" in text
    assert table_in(last_bot(page)).count() == 0
    check_comparison(table_in(press_exact(page, COMPARISON)), content)
    expect(page.locator(".msg--me").last).to_have_text(COMPARISON)


def test_comparison_on_a_phone_is_a_list_per_option(open_page, content) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_chat(open_page, viewport=PHONE)
    type_question(page, ASK_COMPARISON)
    table = table_in(last_bot(page))
    check_comparison(table, content)
    # the roles survive the list layout: still a table with rows and cells for screen readers
    expect(page.get_by_role("table", name=COMPARISON)).to_have_count(1)
    expect(table).to_have_attribute("role", "table")
    expect(table.locator("tr[role=row]")).to_have_count(7)
    expect(table.locator("td[role=cell]")).to_have_count(30)
    expect(table.locator("thead th[role=columnheader]")).to_have_count(6)
    expect(table.locator("tbody th[role=rowheader]")).to_have_count(6)
    expect(table.get_by_role("row")).to_have_count(7)
    expect(table.get_by_role("cell")).to_have_count(30)
    # the header row is visually hidden; each cell shows its column name instead
    thead = table.locator("thead").evaluate(
        "t => { const r = t.getBoundingClientRect(); return [r.width, r.height, getComputedStyle(t).position]; }"
    )
    assert thead[0] <= 1 and thead[1] <= 1 and thead[2] == "absolute", thead
    labels = (
        table.locator("tbody tr")
        .first.locator("td")
        .evaluate_all("tds => tds.map(td => getComputedStyle(td, '::before').content)")
    )
    # a label is set off from its value: a question mark, else a colon ("Kansen en risico’s:")
    assert labels == [f'"{h}"' if h.endswith("?") else f'"{h}:"' for h in COMPARISON_HEADERS[1:]], (
        labels
    )
    # laid out vertically: the option, then its cells stacked below each other
    row = body_rows(table).first
    boxes = [row.locator("th").bounding_box()] + [c.bounding_box() for c in row.locator("td").all()]
    for upper, lower in zip(boxes, boxes[1:]):
        assert lower["y"] >= upper["y"] + upper["height"] - 1, (upper, lower)
        assert abs(lower["x"] - upper["x"]) < 2, (upper, lower)
    # and nothing sticks out sideways
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (
        page.evaluate("document.documentElement.scrollWidth")
    )
    grid = last_bot(page).locator(".grid")
    assert grid.evaluate("g => g.scrollWidth <= g.clientWidth + 1")
    shot(page, "decision-comparison-phone")


# -- what matters to you ----------------------------------------------------------------------
def test_values_exercise_in_dutch(open_page) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_chat(open_page)
    type_question(page, ASK_VALUES)
    expect(last_bot(page)).to_contain_text("Het zijn er hoogstens zes")
    press_exact(page, "Begin met de vragen")
    question = last_bot(page)
    expect(question.get_by_role("button", name="Belangrijk", exact=True)).to_have_count(1)
    expect(question.get_by_role("button", name="Minder belangrijk", exact=True)).to_have_count(1)
    answer_question(page, 1, "Belangrijk")
    answer_question(page, 2, "Sla deze vraag over")
    answer_question(page, 3, "Minder belangrijk")
    expect(last_bot(page)).to_contain_text("Waarom ik dit vraag: PGT is een vorm van IVF")
    answer_question(page, 4, "Belangrijk")
    answer_question(page, 5, "Sla deze vraag over")
    expect(last_bot(page).get_by_role("button")).to_have_text(
        [
            "Zou ik kunnen overwegen",
            "Wil ik niet",
            "Weet ik nog niet",
            "Sla deze vraag over",
            "Naar het resultaat",
        ]
    )
    result = answer_question(page, 6, "Weet ik nog niet")

    expect(result).to_contain_text("geen rangorde en geen advies")
    table = table_in(result)
    expect(table.locator("caption")).to_have_text("Wat past bij wat u belangrijk vindt")
    expect(table.locator("thead th")).to_have_text(VALUES_HEADERS)
    expect(body_rows(table).locator("th")).to_have_text(OPTIONS_NL)  # always this order
    expected = {  # option -> [fits, fits less, to discuss]; every answer given shows somewhere
        OPTIONS_NL[0]: [[SAID_NO_IVF], [SAID_KNOW_BEFORE], []],
        OPTIONS_NL[1]: [[SAID_NO_IVF], [SAID_KNOW_BEFORE], [SAID_UNSURE]],
        OPTIONS_NL[2]: [[SAID_KNOW_BEFORE], [SAID_NO_IVF], []],
        OPTIONS_NL[3]: [[], [], [SAID_OWN_CHILD_LESS]],
        OPTIONS_NL[4]: [[SAID_NO_IVF], [], [SAID_OWN_CHILD_LESS]],
        OPTIONS_NL[5]: [[SAID_NO_IVF], [], []],
    }
    assert {o: cell_texts(values_row(table, o)) for o in OPTIONS_NL} == expected
    # the skipped questions are not there
    expect(table).not_to_contain_text("ingreep")
    assert not re.search(r"\d", table.inner_text()), "no counts or scores"
    shot(page, "decision-values-result")

    # again, straight to the result after one answer: the earlier answers are gone
    type_question(page, ASK_VALUES)
    press_exact(page, "Begin met de vragen")
    answer_question(page, 1, "Belangrijk")
    table = table_in(press_exact(page, "Naar het resultaat"))
    expect(values_row(table, OPTIONS_NL[2]).locator("td").nth(0)).to_have_text(SAID_KNOW_BEFORE)
    expect(table).not_to_contain_text(SAID_NO_IVF)
    expect(table).not_to_contain_text(SAID_UNSURE)

    # and skipping every question: no table, a kind word instead
    type_question(page, ASK_VALUES)
    press_exact(page, "Begin met de vragen")
    for number in range(1, 7):
        result = answer_question(page, number, "Sla deze vraag over")
    expect(result).to_contain_text("U heeft geen vragen beantwoord")
    expect(table_in(result)).to_have_count(0)


def test_values_exercise_in_english(open_page) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_chat(open_page, WEB_EN)
    type_question(page, "help us think about what matters to us")
    press_exact(page, "Start the questions")
    question = last_bot(page)
    expect(question).to_contain_text("Question 1 of 6")
    expect(question).to_contain_text("Why I ask")
    for name in ("Important", "Less important", "Skip this question", "Go to the result"):
        expect(question.get_by_role("button", name=name, exact=True)).to_have_count(1)
    press_exact(page, "Important")
    expect(last_bot(page)).to_contain_text("Question 2 of 6")
    press_exact(page, "Skip this question")
    expect(last_bot(page)).to_contain_text("Question 3 of 6")
    table = table_in(press_exact(page, "Go to the result"))
    expect(table.locator("caption")).to_have_text("What fits what matters to you")
    expect(table.locator("thead th")).to_have_text(
        [
            "Option",
            "Fits what you said",
            "Fits less with what you said",
            "To discuss with your counsellor",
        ]
    )
    expect(body_rows(table)).to_have_count(6)
    pgt = values_row(table, "Testing for SMARD before pregnancy (PGT)")
    expect(pgt.locator("td").nth(0)).to_have_text(
        "You would rather know something before the pregnancy."
    )
    expect(pgt.locator("td").nth(1).locator(".grid__empty")).to_have_count(1)
    expect(page.locator("html")).to_have_attribute("lang", "en")

    # the summary in English, from the header button
    summary = page.locator("#summary")
    expect(summary).to_have_text("Summary")
    before = bot_count(page)
    summary.click()
    wait_for_reply(page, before)
    card = last_bot(page).locator("section.summary")
    expect(card).to_have_attribute("lang", "en")
    expect(card.locator("h2")).to_have_text("Summary: SMARD and SMA decision aid")
    expect(card.locator("ul").nth(1).locator("li")).to_have_text(
        ["You would rather know something before the pregnancy."]
    )
    expect(card.locator("ol li").last).to_have_text("What does that mean in my situation?")
    with page.expect_download() as info:
        last_bot(page).get_by_role("button", name="Download as PDF").click()
    assert re.fullmatch(r"summary-\d{4}-\d{2}-\d{2}\.pdf", info.value.suggested_filename)
    assert "Summary: SMARD and SMA decision aid" in pdf_text(open(info.value.path(), "rb").read())


# -- the summary ------------------------------------------------------------------------------
def test_summary_on_the_website_download_and_print(open_page, renderer) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_chat(open_page)
    type_question(page, ASK_CHANCE)
    type_question(page, ASK_COMPARISON)
    pgt_cell = body_rows(table_in(last_bot(page))).nth(2).locator("button.grid__cell").first
    before = bot_count(page)
    pgt_cell.click()
    wait_for_reply(page, before)
    type_question(page, ASK_VALUES)
    press_exact(page, "Begin met de vragen")
    answer_question(page, 1, "Belangrijk")
    answer_question(page, 2, "Sla deze vraag over")
    answer_question(page, 3, "Minder belangrijk")
    press_exact(page, "Naar het resultaat")

    before = bot_count(page)
    page.locator("#summary").click()
    wait_for_reply(page, before)
    expect(page.locator(".msg--me").last).to_have_text("Samenvatting")
    message = last_bot(page)
    expect(message).to_contain_text("Hier is uw samenvatting")
    card = message.locator("section.summary")
    expect(card).to_be_visible()
    expect(card.locator("h2")).to_have_text(SUMMARY_TITLE)
    expect(card).to_have_attribute("aria-label", SUMMARY_TITLE)
    expect(card.locator("h3")).to_have_text(
        [
            "Wat u heeft bekeken",
            "Wat u belangrijk vindt",
            "3 goede vragen voor het gesprek",
            "Uw eigen vragen",
        ]
    )
    # the topics this conversation showed, in order, each with its source line
    request = page.evaluate(
        "JSON.parse(document.querySelector('form.summary__actions input[name=request]').value)"
    )
    assert request["topics"] == ["smard_chance", "options_comparison", "option_pgt"], request
    assert request["values"] == {"values_know_before": "important", "values_own_child": "less"}, (
        request
    )
    answers = [renderer.content.answers[t] for t in request["topics"]]
    labels = [renderer.label(a, "nl") for a in answers]
    topics = card.locator("ul").first.locator("li")
    expect(topics).to_have_count(3)
    for item, answer, label in zip(topics.all(), answers, labels):
        source = renderer.source_line(answer, "nl")
        assert source.startswith("Bron: ") and "Gecontroleerd op" in source
        expect(item.locator("small")).to_have_text(source)
        assert item.inner_text().startswith(label), item.inner_text()
    expect(card.locator("ul").nth(1).locator("li")).to_have_text(
        [SAID_KNOW_BEFORE, SAID_OWN_CHILD_LESS]
    )
    expect(card.locator("ol li")).to_have_text(THREE_QUESTIONS)
    shot(page, "decision-summary-website")

    # Download as PDF: a real PDF with the same content
    form = message.locator("form.summary__actions")
    with page.expect_download() as info:
        form.get_by_role("button", name="Download als pdf").click()
    download = info.value
    assert re.fullmatch(r"samenvatting-\d{4}-\d{2}-\d{2}\.pdf", download.suggested_filename)
    data = open(download.path(), "rb").read()
    assert data.startswith(b"%PDF"), data[:20]
    text = pdf_text(data)
    for expected in [SUMMARY_TITLE, *labels, SAID_KNOW_BEFORE, *THREE_QUESTIONS, "Uw eigen vragen"]:
        assert expected in text, (expected, text[:1500])
    expect(card).to_be_visible()  # the chat stayed where it was

    # Print: only the card is printed
    page.evaluate(
        "() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }"
    )
    form.get_by_role("button", name="Printen").click()
    assert page.evaluate("window.__printed") == 1
    expect(card).to_have_class(re.compile(r"\bprint-target\b"))
    expect(page.locator("body")).to_have_class(re.compile(r"\bprinting-summary\b"))
    page.emulate_media(media="print")
    expect(card).to_be_visible()
    expect(card.locator("h2")).to_be_visible()
    expect(card.locator("ol li").last).to_be_visible()
    for hidden in (
        "#input",
        "#chat-title",
        "#summary",
        ".chat__note",
        "form.summary__actions button",
        ".msg--me >> nth=0",
        ".msg--bot >> nth=0",
    ):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(message.locator("p").first).to_be_hidden()  # the message around the card too
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(card).not_to_have_class(re.compile(r"\bprint-target\b"))
    expect(page.locator("#input")).to_be_visible()  # printing the whole chat again shows all
    page.emulate_media(media="screen")
    expect(page.locator("#input")).to_be_visible()


def test_summary_by_typing_before_anything_was_shown(open_page) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_chat(open_page)
    type_question(page, "maak een samenvatting")
    card = last_bot(page).locator("section.summary")
    expect(card.locator("h2")).to_have_text(SUMMARY_TITLE)
    expect(card.locator("ul").first.locator("li")).to_have_text(["Nog geen onderwerpen bekeken."])
    expect(card.locator("ul").nth(1).locator("li")).to_have_text(
        ["De vragen over wat u belangrijk vindt zijn niet ingevuld."]
    )
    expect(card.locator("ol li")).to_have_count(3)
    expect(last_bot(page).get_by_role("button", name="Download als pdf")).to_be_visible()


# -- the kiosk --------------------------------------------------------------------------------
def test_kiosk_comparison_exercise_summary_qr_then_erase(
    open_page, renderer, content, config: Config
) -> None:  # type: ignore[no-untyped-def]
    page, rec = open_kiosk(open_page)
    message = kiosk_to_comparison(page)
    check_comparison(table_in(message), content)
    for box in [c.bounding_box() for c in table_in(message).locator("button").all()]:
        assert box["height"] >= 44, box  # touch targets

    tap_exact(page, "Wat vindt u belangrijk?")
    tap_exact(page, "Begin met de vragen")
    for number in range(1, 7):
        expect(last_bot(page)).to_contain_text(f"Vraag {number} van 6")
        result = tap_exact(page, "Belangrijk" if number == 3 else "Sla deze vraag over")
    table = table_in(result)
    expect(table.locator("caption")).to_have_text("Wat past bij wat u belangrijk vindt")
    assert {o: cell_texts(values_row(table, o)) for o in OPTIONS_NL} == {
        **{o: [[SAID_OWN_CHILD], [], []] for o in OPTIONS_NL[:3]},
        **{o: [[], [SAID_OWN_CHILD], []] for o in OPTIONS_NL[3:5]},
        OPTIONS_NL[5]: [[], [], []],
    }

    before = bot_count(page)
    with page.expect_request(lambda r: r.url.endswith("/api/summary-qr")) as qr_request:
        page.locator("#summary").tap()
    expect(page.locator(".msg--bot")).to_have_count(before + 1, timeout=REPLY)
    message = last_bot(page)
    img = message.locator("figure.summary-qr img")
    expect(img).to_be_visible(timeout=REPLY)
    assert img.get_attribute("src").startswith("data:image/svg+xml")
    assert img.evaluate("img => img.complete && img.naturalWidth > 0")
    expect(message.locator("figure.summary-qr figcaption")).to_contain_text("niets bewaard")
    assert img.get_attribute("alt")
    card = message.locator("section.summary")
    expect(card.locator("h2")).to_have_text(SUMMARY_TITLE)
    shown_topics = [
        t.split("\n")[0].strip() for t in card.locator("ul").first.locator("li").all_inner_texts()
    ]
    assert shown_topics == [OVERVIEW, COMPARISON], shown_topics
    assert message.locator("form, a").count() == 0  # no download or link on the kiosk
    shot(page, "decision-summary-kiosk-qr")

    decoded = decode_qr(img)
    assert decoded.startswith(SUMMARY_TITLE), decoded[:200]
    for label in shown_topics:
        assert label in decoded, (label, decoded)
    assert "Wat betekent dat in mijn situatie?" in decoded and SAID_OWN_CHILD in decoded
    # exactly the text our server renders for this request (today's date included)
    body = qr_request.value.post_data_json
    parsed = parse_request(body, renderer)
    assert parsed is not None, body
    assert decoded == qr_text(compose_summary(renderer, parsed, dt.date.today()))

    # Stop and erase: gone from the screen and from the server
    sender = rec.senders[-1]
    assert stored_events(sender, config.tracker_store) > 0
    page.get_by_role("button", name="Stop en wis").tap()
    expect(page.locator("#start")).to_be_visible(timeout=REPLY)
    expect(page.locator("#tiles button").first).to_be_visible(timeout=REPLY)
    expect(page.locator("#log .msg")).to_have_count(0)
    expect(page.locator(".summary, figure.summary-qr, table.grid__table")).to_have_count(0)
    assert stored_events(sender, config.tracker_store) == 0
    with sqlite3.connect(tracker_db(config.paths.state_dir)) as db:
        left = db.execute(
            "SELECT COUNT(*) FROM events WHERE sender_id = ? OR data LIKE ? OR data LIKE ?",
            (sender, f"%{sender}%", f"%{SUMMARY_TITLE}%"),
        ).fetchone()[0]
    assert left == 0
    assert rec.senders[-1] != sender


# -- the page about the assistant -------------------------------------------------------------
def check_about(page: Page, content, settings, lang: str) -> None:  # type: ignore[no-untyped-def]
    words = {
        "nl": (
            "Over deze keuzehulp",
            "Waar komt de informatie vandaan?",
            "Laatste controle:",
            "Wat gebeurt er met uw gegevens?",
            f"{settings.retention_hours:g} uur",
        ),
        "en": (
            "About this decision aid",
            "Where does the information come from?",
            "Last checked:",
            "What happens to your data?",
            f"{settings.retention_hours:g} hours",
        ),
    }
    title, sources, checked, data, hours = words[lang]
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    section = page.locator("section").filter(has=page.get_by_role("heading", name=sources))
    expect(section.locator("li")).to_have_count(len(content.sources))
    for doc in content.sources.values():
        expect(section.locator("li strong", has_text=doc.title)).to_have_count(1)
    expect(page.get_by_text(checked)).to_be_visible()
    assert re.search(
        re.escape(checked) + r" \d{1,2} \w+ \d{4}\.", page.locator("main").inner_text()
    )
    data_section = page.locator("section").filter(has=page.get_by_role("heading", name=data))
    expect(data_section).to_contain_text(hours)


def test_about_page_from_the_website(open_page, web_url, content, settings) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_chat(open_page)
    link = page.locator("#about")
    expect(link).to_have_text("Over deze keuzehulp")
    assert link.get_attribute("target") is None  # the same tab: coming back keeps the conversation
    expect(link).to_have_attribute("href", "/about?lang=nl")
    page.goto(web_url + link.get_attribute("href"))
    check_about(page, content, settings, "nl")
    expect(page.get_by_role("link", name="Terug naar de chat")).to_have_attribute(
        "href", "/?lang=nl"
    )
    shot(page, "decision-about-nl")
    page.get_by_role("link", name="English").click()
    check_about(page, content, settings, "en")
    expect(page.get_by_role("link", name="Back to the chat")).to_have_attribute("href", "/?lang=en")

    # the chat in English links to the English page
    page.goto(web_url + WEB_NL)
    expect(page.locator(".msg--bot").first).to_be_visible(timeout=REPLY)
    page.locator("#lang-switch").click()
    expect(page.locator("#about")).to_have_attribute("href", "/about?lang=en")
    expect(page.locator("#about")).to_have_text("About this decision aid")
    expect(page.locator("#summary")).to_have_text("Summary")


def test_about_overlay_on_the_kiosk(open_page, content) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_kiosk(open_page)
    overlay = page.locator("#about-overlay")
    expect(overlay).to_be_hidden()
    page.locator("#start .about-open").tap()
    expect(overlay).to_be_visible()
    expect(page.get_by_role("dialog")).to_be_visible()
    expect(page.locator("#about-close")).to_be_focused()
    expect(page.locator("#about-frame")).to_have_attribute("src", "/about?lang=nl&surface=kiosk")
    frame = page.frame_locator("#about-frame")
    expect(frame.locator("body")).to_have_class(re.compile(r"\babout--kiosk\b"))
    expect(frame.get_by_role("heading", level=1)).to_have_text("Over deze keuzehulp")
    expect(frame.get_by_text("Laatste controle:")).to_be_visible()
    for doc in content.sources.values():
        expect(frame.locator("li strong", has_text=doc.title)).to_have_count(1)
    expect(frame.get_by_role("link", name="Terug naar de chat")).to_have_count(0)  # no way out
    shot(page, "decision-about-kiosk", whole=False)  # the overlay fills the screen
    page.locator("#about-close").tap()
    expect(overlay).to_be_hidden()
    expect(page.locator("#about-frame")).to_have_attribute("src", "about:blank")
    expect(page.locator("#tiles button").first).to_be_visible()

    # the same from the chat's header bar, in English
    page.get_by_role("button", name="English").tap()
    expect(page.locator("#tiles button").first).to_have_text("What is SMARD?", timeout=REPLY)
    page.locator("#tiles button").first.tap()
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=REPLY)
    page.locator("#chat .about-open").tap()
    expect(overlay).to_be_visible()
    expect(page.frame_locator("#about-frame").get_by_role("heading", level=1)).to_have_text(
        "About this decision aid"
    )
    page.locator("#about-close").tap()
    expect(overlay).to_be_hidden()
    expect(page.locator(".msg--bot")).to_have_count(1)  # the conversation stayed


# -- layout: printing, the QR code, the table's width ------------------------------------------
def test_printing_the_summary_prints_only_the_card(open_page) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_chat(open_page)
    type_question(page, ASK_COMPARISON)  # a conversation longer than one sheet of paper
    type_question(page, "maak een samenvatting")
    page.evaluate("() => { window.print = () => {}; }")
    last_bot(page).get_by_role("button", name="Printen").click()
    expect(page.locator("section.summary.print-target")).to_have_count(1)
    pages = PdfReader(io.BytesIO(page.pdf(format="A4"))).pages
    assert SUMMARY_TITLE in pages[0].extract_text()
    assert len(pages) == 1, (
        f"{len(pages)} pages, of which empty: "
        f"{sum(1 for p in pages if not p.extract_text().strip())}"
    )


def test_kiosk_summary_qr_code_is_square(open_page) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_kiosk(open_page)
    page.locator("#tiles button", has_text=OVERVIEW).tap()
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=REPLY)
    page.locator("#summary").tap()
    img = page.locator("figure.summary-qr img")
    expect(img).to_be_visible(timeout=REPLY)
    box = img.bounding_box()
    assert abs(box["width"] - box["height"]) < 1, box


@pytest.mark.parametrize("where", ["website desktop", "kiosk"])
def test_comparison_fits_without_sideways_scrolling(open_page, where: str) -> None:  # type: ignore[no-untyped-def]
    if where == "kiosk":
        page, _ = open_kiosk(open_page)
        message = kiosk_to_comparison(page)
    else:
        page, _ = open_chat(open_page)
        type_question(page, ASK_COMPARISON)
        message = last_bot(page)
    grid = message.locator(".grid")
    expect(grid).to_be_visible()
    widths = grid.evaluate("g => [g.scrollWidth, g.clientWidth]")
    assert widths[0] <= widths[1] + 1, f"table {widths[0]} px wide in a {widths[1]} px box"


# -- accessibility ----------------------------------------------------------------------------
def test_decision_aid_accessibility(open_page, web_url, report_figure) -> None:  # type: ignore[no-untyped-def]
    found: dict[str, list[dict[str, Any]]] = {}

    page, _ = open_chat(open_page, bypass_csp=True)
    type_question(page, ASK_COMPARISON)
    expect(table_in(last_bot(page))).to_be_visible()
    found["website comparison (desktop)"] = axe_findings(page)
    type_question(page, ASK_VALUES)
    press_exact(page, "Begin met de vragen")
    answer_question(page, 1, "Belangrijk")
    answer_question(page, 2, "Belangrijk")
    expect(table_in(press_exact(page, "Naar het resultaat"))).to_be_visible()
    found["website values result"] = axe_findings(page)
    before = bot_count(page)
    page.locator("#summary").click()
    wait_for_reply(page, before)
    expect(last_bot(page).locator("section.summary")).to_be_visible()
    expect(last_bot(page).locator("form.summary__actions")).to_be_visible()
    found["website summary card"] = axe_findings(page)
    for lang in ("nl", "en"):
        page.goto(f"{web_url}/about?lang={lang}")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        found[f"about page ({lang})"] = axe_findings(page)
    page.goto(f"{web_url}/about?lang=nl&surface=kiosk")  # as the kiosk's overlay shows it
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    found["about page (kiosk surface)"] = axe_findings(page)

    phone, _ = open_chat(open_page, viewport=PHONE, bypass_csp=True)
    type_question(phone, ASK_COMPARISON)
    expect(table_in(last_bot(phone))).to_be_visible()
    found["website comparison (phone)"] = axe_findings(phone)

    kiosk, _ = open_kiosk(open_page, bypass_csp=True)
    kiosk_to_comparison(kiosk)
    before = bot_count(kiosk)
    kiosk.locator("#summary").tap()
    expect(kiosk.locator(".msg--bot")).to_have_count(before + 1, timeout=REPLY)
    expect(last_bot(kiosk).locator("figure.summary-qr img")).to_be_visible(timeout=REPLY)
    found["kiosk summary with QR code"] = axe_findings(kiosk)
    kiosk.locator("#chat .about-open").tap()
    expect(kiosk.frame_locator("#about-frame").get_by_role("heading", level=1)).to_be_visible()
    found["kiosk about overlay"] = axe_findings(kiosk)

    lines = [
        f"{name}: " + ("; ".join(describe(v) for v in violations) or "no violations")
        for name, violations in found.items()
    ]
    report_figure("axe-core decision aid", "\n".join(lines))
    serious = [
        f"{name}: {describe(v)}"
        for name, violations in found.items()
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], (
        "serious or critical axe violations:\n"
        + "\n".join(serious)
        + "\nall findings:\n"
        + "\n".join(lines)
    )
