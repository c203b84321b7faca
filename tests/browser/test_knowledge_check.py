"""The knowledge check ("Test wat u weet") in a real browser, against the real servers: on the
website in Dutch (after the comparison, to the score in the summary) and in English (SMA's SMN2
statements after the SMN2 step), and on the kiosk by touch (after the options walk's last step,
with the score in the QR code's summary); screenshots of each."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from bot.conversation.render import Renderer
from tests.browser.axe import axe_findings, describe
from tests.browser.conftest import KIOSK
from tests.browser.helpers import bot_count, type_question
from tests.browser.test_decision_aid import (
    ASK_COMPARISON,
    KIOSK_PATH,
    OVERVIEW,
    REPLY,
    WEB_EN,
    decode_qr,
    last_bot,
    open_chat,
    shot,
)

BEGIN_NL, BEGIN_EN = "Test wat u weet", "Check what you know"
BUTTONS_NL = ["Waar", "Niet waar", "Weet ik niet", "Stoppen"]
BUTTONS_EN = ["True", "Not true", "Don't know", "Stop"]


def press_for(page: Page, title: str, replies: int, touch: bool = False) -> Locator:
    """Press (or tap) a button of the last bot message; wait for `replies` bot messages (a
    statement's answer brings its feedback and the next statement, or the score)."""
    before = bot_count(page)
    button = last_bot(page).get_by_role("button", name=title, exact=True)
    button.tap() if touch else button.click()
    expect(page.locator(".msg--bot")).to_have_count(before + replies, timeout=REPLY)
    return last_bot(page)


def answer_all(
    page: Page, renderer: Renderer, check: str, lang: str, pick: list[bool], touch: bool = False
) -> tuple[Locator, list[Locator]]:
    """Answer every statement of `check`: right where `pick` says so, else wrong. Checks each
    statement on screen and that each feedback shows the cited text and its source line."""
    statements = renderer.content.knowledge(check)
    feedback = []
    reply = last_bot(page)
    for number, (statement, right) in enumerate(zip(statements, pick), 1):
        expect(reply).to_contain_text(
            renderer.ui_filled(
                "knowledge_progress", lang, number=str(number), total=str(len(statements))
            )
        )
        expect(reply).to_contain_text(renderer.field(statement, "short", lang))
        expect(reply.get_by_role("button")).to_have_text(BUTTONS_NL if lang == "nl" else BUTTONS_EN)
        value = statement.correct if right else not statement.correct
        reply = press_for(
            page, renderer.ui("knowledge_true" if value else "knowledge_false", lang), 2, touch
        )
        shown = page.locator(".msg--bot").nth(bot_count(page) - 2)
        cited = renderer.content.answers[statement.cites["answer"]]
        expect(shown).to_contain_text(
            renderer.ui("knowledge_right" if right else "knowledge_wrong", lang)
        )
        expect(shown).to_contain_text(renderer.field(cited, statement.cites["text"], lang))
        expect(shown).to_contain_text(renderer.source_line(cited, lang) or "")
        feedback.append(shown)
    return reply, feedback


def test_knowledge_check_on_the_website_in_dutch_to_the_summary(open_page, renderer) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_chat(open_page)
    type_question(page, ASK_COMPARISON)
    first = press_for(page, BEGIN_NL, 2)
    expect(page.locator(".msg--bot").nth(bot_count(page) - 2)).to_contain_text("geen examen")
    expect(first).to_contain_text("Zin 1 van 5")
    shot(page, "knowledge-check-statement-nl", whole=False)
    result, feedback = answer_all(
        page, renderer, "knowledge_smard", "nl", [True, False, True, True, False]
    )
    expect(feedback[1]).to_contain_text("Niet goed.")
    expect(result).to_contain_text("U had 3 van de 5 goed.")
    shot(page, "knowledge-check-score-nl")
    added = press_for(page, "Zet mijn score in de samenvatting", 1)
    expect(added).to_contain_text("Uw score staat nu in uw samenvatting")
    summary = press_for(page, "Samenvatting om mee te nemen", 1)
    card = summary.locator("section.summary")
    expect(card.locator("h3")).to_have_text(
        [
            "Wat u heeft bekeken",
            "Wat u belangrijk vindt",
            "Test wat u weet",
            "3 goede vragen voor het gesprek",
            "Uw eigen vragen",
        ]
    )
    expect(card).to_contain_text("SMARD: 3 van de 5 goed")
    request = page.evaluate(
        "JSON.parse(document.querySelector('form.summary__actions input[name=request]').value)"
    )
    assert request["knowledge"] == {"knowledge_smard": [3, 5]}, request
    shot(page, "knowledge-check-summary-nl")


def test_knowledge_check_on_the_website_in_english_about_smn2(open_page, renderer) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_chat(open_page, WEB_EN.replace("smard", "sma"))
    type_question(page, "what does the number of SMN2 copies mean?")
    expect(last_bot(page).get_by_role("button", name=BEGIN_EN, exact=True)).to_be_visible()
    press_for(page, BEGIN_EN, 2)
    result, _ = answer_all(page, renderer, "knowledge_sma", "en", [True, True, False])
    expect(result).to_contain_text("You got 2 of 3 right.")
    expect(
        result.get_by_role("button", name="Put my score in the summary", exact=True)
    ).to_be_visible()
    # no score is kept unless asked: the summary now has no section for it
    summary = press_for(page, "Summary to take with you", 1)
    expect(summary.locator("section.summary")).not_to_contain_text("Check what you know")
    shot(page, "knowledge-check-score-en")


def test_knowledge_check_on_the_kiosk_by_touch(open_page, renderer) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_page(KIOSK_PATH, KIOSK, touch=True)
    expect(page.locator("#tiles button").first).to_be_visible(timeout=REPLY)
    page.locator("#tiles button", has_text=OVERVIEW).tap()
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=REPLY)
    press_for(page, "Geen (meer) kinderen bij SMARD", 1, touch=True)  # the walk's last step
    press_for(page, BEGIN_NL, 2, touch=True)
    for box in [b.bounding_box() for b in last_bot(page).get_by_role("button").all()]:
        assert box["height"] >= 44, box  # touch targets
    shot(page, "knowledge-check-kiosk-statement", whole=False)
    result, _ = answer_all(page, renderer, "knowledge_smard", "nl", [True] * 5, touch=True)
    expect(result).to_contain_text("U had 5 van de 5 goed.")
    press_for(page, "Zet mijn score in de samenvatting", 1, touch=True)
    shot(page, "knowledge-check-kiosk-score", whole=False)
    before = bot_count(page)
    page.locator("#summary").tap()
    expect(page.locator(".msg--bot")).to_have_count(before + 1, timeout=REPLY)
    img = last_bot(page).locator("figure.summary-qr img")
    expect(img).to_be_visible(timeout=REPLY)
    assert "Test wat u weet:\n- SMARD: 5 van de 5 goed" in decode_qr(img)


def test_knowledge_check_accessibility(open_page, renderer, report_figure) -> None:  # type: ignore[no-untyped-def]
    """axe-core on a statement with its buttons and on the feedback and score."""
    page, _ = open_chat(open_page, bypass_csp=True)
    type_question(page, ASK_COMPARISON)
    press_for(page, BEGIN_NL, 2)
    found = {"statement": axe_findings(page)}
    answer_all(page, renderer, "knowledge_smard", "nl", [True, False, True, False, True])
    found["feedback and score"] = axe_findings(page)
    lines = [
        f"{name}: " + ("; ".join(describe(v) for v in violations) or "no violations")
        for name, violations in found.items()
    ]
    report_figure("axe-core knowledge check", "\n".join(lines))
    serious = [
        f"{name}: {describe(v)}"
        for name, violations in found.items()
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], "\n".join(serious)
