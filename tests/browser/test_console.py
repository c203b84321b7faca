"""The counsellor console (/console) in a real browser, against the real servers: logging in
and out, the content overview and its filter, an answer with its previews and source text,
trying questions with the assistant's diagnostics, and axe-core on every console page."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Page, expect

from bot.content.sources import section_texts
from tests.browser.axe import axe_findings, describe
from tests.browser.conftest import screenshot
from tests.browser.helpers import type_question

# An office PC: the console's wide tables are made for a desktop screen.
CONSOLE = {"width": 1366, "height": 900}
REPLY_TIMEOUT = 30_000  # a reply passes through Rasa and the action server
# Asked on the parents' page so the unanswered list has a row to show (and to check with axe).
UNANSWERED = "Is er een kantine in het ziekenhuis waar ik koffie kan halen?"


def log_in(page: Page, web_url: str, counsellor: Any) -> None:
    """Log in through the form, as a counsellor does; lands on the content overview."""
    page.goto(web_url + "/console/login")
    page.fill("#name", counsellor.name)
    page.fill("#password", counsellor.password)
    page.locator("form.login").get_by_role("button", name="Log in").click()
    expect(page).to_have_url(web_url + "/console/")
    expect(page.locator("header form.logout")).to_contain_text(counsellor.display_name)


def open_console(
    open_page,
    web_url: str,
    counsellor: Any,  # type: ignore[no-untyped-def]
    bypass_csp: bool = False,
) -> Page:
    """A fresh browser context (own cookies), logged in."""
    page, _ = open_page("/console/login", CONSOLE, bypass_csp=bypass_csp)
    log_in(page, web_url, counsellor)
    return page


def ask(page: Page, text: str) -> None:
    """Ask on the try page and wait for the reply's diagnostics box."""
    before = page.locator("#try-log .diag").count()
    page.fill("#try-input", text)
    page.keyboard.press("Enter")
    expect(page.locator("#try-log .diag")).to_have_count(before + 1, timeout=REPLY_TIMEOUT)


def diag_value(page: Page, label: str) -> str:
    """The value of one row of the last diagnostics box."""
    row = page.locator("#try-log .diag").last.locator("dt", has_text=label)
    return row.locator("xpath=following-sibling::dd[1]").inner_text()


# -- logging in and out -----------------------------------------------------------------------
def test_console_needs_a_login_and_refuses_a_wrong_password(  # type: ignore[no-untyped-def]
    open_page, web_url, counsellor
) -> None:
    page, _ = open_page("/console/", CONSOLE)
    expect(page).to_have_url(web_url + "/console/login")
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in")
    expect(page.get_by_role("navigation", name="Console")).to_have_count(0)
    screenshot(page, "console-login")

    page.fill("#name", counsellor.name)
    page.fill("#password", counsellor.password + " wrong")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_have_text("Wrong login name or password.")
    expect(page).to_have_url(web_url + "/console/login")
    expect(page.locator("#password")).to_be_visible()
    expect(page.get_by_role("navigation", name="Console")).to_have_count(0)
    # still no way in
    page.goto(web_url + "/console/")
    expect(page).to_have_url(web_url + "/console/login")

    # the right password (in the same page: the form's token was renewed) lets them in
    page.fill("#name", counsellor.name)
    page.fill("#password", counsellor.password)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(web_url + "/console/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Content")
    expect(page.locator("header form.logout")).to_contain_text(counsellor.display_name)
    expect(page.get_by_role("alert")).to_have_count(0)


def test_logout_returns_to_the_login_page(open_page, web_url, counsellor) -> None:  # type: ignore[no-untyped-def]
    page = open_console(open_page, web_url, counsellor)
    page.goto(web_url + "/console/try")
    expect(page.get_by_role("heading", level=1)).to_have_text("Try a question")
    page.locator("header form.logout").get_by_role("button", name="Log out").click()
    expect(page).to_have_url(web_url + "/console/login")
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in")
    expect(page.locator("header form.logout")).to_have_count(0)
    for path in ("/console/", "/console/try", "/console/answers/smard_chance"):
        page.goto(web_url + path)
        expect(page).to_have_url(web_url + "/console/login")
        expect(page.get_by_role("heading", level=1)).to_have_text("Log in")


# -- content ----------------------------------------------------------------------------------
def test_content_overview_and_filter(open_page, web_url, counsellor, content) -> None:  # type: ignore[no-untyped-def]
    page = open_console(open_page, web_url, counsellor)
    nav = page.get_by_role("navigation", name="Console")
    expect(nav.get_by_role("link", name="Content")).to_have_attribute("aria-current", "page")
    table = page.locator("table.content-table")
    # answers by their title, the id only beside it
    expect(table.locator("a[href='/console/answers/smard_chance']")).to_have_text(
        content.answers["smard_chance"].label
    )
    expect(table.locator("a[href='/console/answers/sma_options']")).to_have_count(1)
    # the drafts that leave parents without an answer: a to-do at the top, before the table
    drafts = [a for a in content.answers.values() if not a.review.approved]
    todo = page.locator("section.todo")
    expect(todo.locator("li")).to_have_count(len(drafts))
    for a in drafts:
        expect(todo.locator(f"a[href='/console/answers/{a.id}']")).to_have_text(a.label)
    assert todo.bounding_box()["y"] < table.bounding_box()["y"]
    # a readability flag says why it is there
    for flag in page.locator("table.content-table .flag", has_text="above B1?").all():
        assert re.search(r"\((score below 60|sentences over 15 words)\)", flag.inner_text()), (
            flag.inner_text()
        )
    expect(table.locator("tbody tr")).to_have_count(len(content.answers))
    summary = page.locator("section.summary")
    expect(summary).to_contain_text("Readability Dutch (Flesch–Douma)")
    expect(summary).to_contain_text("Readability English (Flesch Reading Ease)")
    expect(summary).to_contain_text(f"{len(content.answers)} answers")
    screenshot(page, "console-overview")

    drafts = [a.id for a in content.answers.values() if not a.review.approved]
    assert "sma_options" in drafts and "smard_chance" not in drafts
    page.select_option("#state", "drafts")
    page.locator("form.filters").get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"/console/\?state=drafts"))
    expect(page.locator("#state")).to_have_value("drafts")
    expect(table.locator("tbody tr")).to_have_count(len(drafts))
    expect(table.locator("a[href='/console/answers/sma_options']")).to_have_count(1)
    expect(table.locator("a[href='/console/answers/smard_chance']")).to_have_count(0)
    # every row left is a draft or sent back
    states = table.locator("tbody tr td:nth-child(4) .state").all_inner_texts()
    assert len(states) == len(drafts) and set(states) <= {"draft", "returned"}, states
    expect(
        page.get_by_text(f"{len(drafts)} of {len(content.answers)} answers shown.")
    ).to_be_visible()
    # and the link leads to the answer
    table.locator("a[href='/console/answers/sma_options']").click()
    expect(page).to_have_url(web_url + "/console/answers/sma_options")


def test_answer_page_side_by_side_previews_and_source(  # type: ignore[no-untyped-def]
    open_page, web_url, counsellor, content
) -> None:
    page = open_console(open_page, web_url, counsellor)
    page.goto(web_url + "/console/answers/smard_chance")
    expect(page.get_by_role("heading", level=1)).to_have_text(content.answers["smard_chance"].label)
    expect(page.locator("main")).to_contain_text("Answer id: smard_chance")
    # the decision comes after the texts, the preview and the sources it judges, and the two
    # buttons look different
    order = page.evaluate("""() => ['texts-title', 'preview-title', 'sources-title', 'review-title']
        .map((id) => document.getElementById(id).getBoundingClientRect().top)""")
    assert order == sorted(order), order
    approve = page.locator("button.approve")
    send_back = page.locator("button.send-back")
    styles = [
        b.evaluate("b => [getComputedStyle(b).backgroundColor, getComputedStyle(b).color]")
        for b in (approve, send_back)
    ]
    assert styles[0][0] != styles[1][0] and styles[0][1] != styles[1][1], styles
    # sources by their title, never the file name
    expect(page.locator("main")).not_to_contain_text(".txt")
    expect(page.locator(".draft-banner")).to_have_count(0)  # approved: no draft banner

    # Dutch and English texts side by side
    table = page.locator("table.side-by-side")
    expect(table.locator("thead th")).to_have_text(
        ["Field", "Nederlands", "English", "Source sentences it rests on"]
    )
    rows = table.locator("tbody tr")
    assert rows.count() >= 2
    answer = content.answers["smard_chance"]
    texts = answer.texts()
    expect(rows).to_have_count(len(texts))
    for i in range(rows.count()):
        expect(rows.nth(i).locator("td[lang=nl]")).not_to_be_empty()
        expect(rows.nth(i).locator("td[lang=en]")).not_to_be_empty()
    expect(table.locator("td[lang=nl]").first).to_have_text(next(iter(texts.values())).strip())
    # beside the short text, the leaflet's sentence it rests on (issue 15)
    short_row = rows.nth(list(texts).index("short"))
    expect(short_row.locator("blockquote.quote").first).to_have_text(
        "Als beide ouders drager zijn van een afwijking in hetzelfde gen, dan hebben ze een "
        "verhoogde kans op een kind met de aandoening."
    )

    # the previews, drawn by console.js with the parents' renderer
    for lang, words in (("nl", "25 van de 100"), ("en", "25 in 100")):
        bubbles = page.locator(f"[data-preview={lang}] li.msg--bot")
        expect(bubbles.first).to_be_visible()
        expect(bubbles.filter(has_text=words)).not_to_have_count(0)
        img = page.locator(f"[data-preview={lang}] li.msg--bot img").first
        expect(img).to_be_visible()
        expect(img).to_have_attribute("src", "/console/pictures/smard_chance.svg")
        assert img.evaluate("img => img.complete && img.naturalWidth > 0"), (
            f"{lang} picture not loaded"
        )
        assert img.get_attribute("alt"), f"{lang} picture has no alt text"
        # buttons in a preview are a picture of the reply: not pressable
        for button in page.locator(f"[data-preview={lang}] li.msg--bot button").all():
            expect(button).to_be_disabled()

    # the cited source section, folded away until opened
    ref = answer.sources[0]
    source_text = section_texts(content)[(ref.doc, ref.section)]
    assert source_text
    source = page.locator("div.source").first
    expect(source).to_contain_text(content.sources[ref.doc].title)
    quote = source.locator("details blockquote")
    expect(quote).to_be_hidden()
    source.locator("details summary").click()
    expect(quote).to_be_visible()
    first_words = " ".join(source_text.split()[:8])
    assert first_words in " ".join(quote.inner_text().split()), (
        first_words,
        quote.inner_text()[:200],
    )
    screenshot(page, "console-answer")

    # a draft says it is not served to parents
    page.goto(web_url + "/console/answers/sma_options")
    expect(page.locator(".draft-banner")).to_contain_text("not served to parents")
    expect(page.locator(".draft-banner")).to_contain_text("Draft")
    # a draft's text is a placeholder: its English cannot be "approved" yet
    expect(page.get_by_role("button", name="Approve the English translation")).to_have_count(0)
    expect(page.locator("[data-preview=nl] li.msg--bot").first).to_be_visible()


# -- try a question ---------------------------------------------------------------------------
def test_try_a_question(open_page, web_url, counsellor) -> None:  # type: ignore[no-untyped-def]
    page = open_console(open_page, web_url, counsellor)
    page.goto(web_url + "/console/try")
    nav = page.get_by_role("navigation", name="Console")
    expect(nav.get_by_role("link", name="Try a question")).to_have_attribute("aria-current", "page")
    log = page.locator("#try-log")
    expect(log.locator("li")).to_have_count(0)

    ask(page, "Hoe erft SMARD over?")
    expect(log.locator("li.msg--me")).to_have_text(["Hoe erft SMARD over?"])
    expect(log.locator("li.msg--bot").first).to_be_visible()
    diag = log.locator(".diag")
    expect(diag).to_have_count(1)
    expect(diag).to_contain_text("ask_inheritance")
    assert re.search(r"ask_inheritance · \d{1,3}\.\d%", diag_value(page, "Recognised topic")), (
        diag.inner_text()
    )
    assert diag_value(page, "Falls back") == "no"
    assert "smard_inheritance" in diag_value(page, "Answer served")
    expect(page.locator("#try-status")).to_have_text("")

    # follow the flow with the reply's first button
    button = log.locator("li.msg--bot button").first
    title = button.inner_text().strip()
    assert title
    bots = log.locator("li.msg--bot").count()
    button.click()
    expect(diag).to_have_count(2, timeout=REPLY_TIMEOUT)
    expect(log.locator("li.msg--me").last).to_have_text(title)
    assert log.locator("li.msg--bot").count() > bots

    # a question whose answer is a draft: the parent is not served it, the console shows it
    ask(page, "Can we do PGT for SMA?")
    draft = log.locator(".draft-preview")
    expect(draft).to_have_count(1)
    expect(draft).to_contain_text("not served to parents")
    expect(draft.locator("li.msg--bot").first).to_be_visible()
    assert "draft" in diag_value(page, "Answer served"), diag.last.inner_text()
    # the question box sits below the log, as on the parents' page: the newest reply is just above it
    form = page.locator("#try-form").bounding_box()
    last = log.locator("li").last.bounding_box()
    assert form["y"] >= last["y"] + last["height"] - 1, (form, last)
    screenshot(page, "console-try")

    # a new conversation empties the log
    page.locator("#try-reset").click()
    expect(log.locator("li")).to_have_count(0)
    expect(page.locator("#try-status")).to_contain_text("New conversation")

    # something it cannot answer falls back
    ask(page, "waar kan ik parkeren")
    expect(diag).to_have_count(1)
    assert diag_value(page, "Falls back").startswith("yes"), diag.inner_text()


# -- unanswered questions and the audit log ---------------------------------------------------
def ask_a_parent_question_it_cannot_answer(page: Page, web_url: str) -> None:
    """Through the parents' own chat page, so the question is kept as unanswered."""
    page.goto(web_url + "/")
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=REPLY_TIMEOUT)
    type_question(page, UNANSWERED)


def test_unanswered_and_audit_pages(open_page, web_url, counsellor) -> None:  # type: ignore[no-untyped-def]
    page = open_console(open_page, web_url, counsellor)
    ask_a_parent_question_it_cannot_answer(page, web_url)
    page.goto(web_url + "/console/unanswered")
    nav = page.get_by_role("navigation", name="Console")
    expect(nav.get_by_role("link", name="Unanswered questions")).to_have_attribute(
        "aria-current", "page"
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Unanswered questions")
    row = page.locator("tbody tr").filter(has_text=UNANSWERED).first
    expect(row).to_be_visible()
    expect(row.locator("td").nth(1)).to_have_text("nl")
    expect(row.locator("td").nth(3)).to_have_text("-")  # about: nothing the assistant recognised
    expect(row.locator("td").nth(4)).to_have_text("open")
    expect(row.get_by_role("combobox")).to_be_visible()  # labelled topic select
    screenshot(page, "console-unanswered")

    page.goto(web_url + "/console/audit")
    expect(nav.get_by_role("link", name="Audit log")).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit log")
    screenshot(page, "console-audit")


# -- accessibility ----------------------------------------------------------------------------
def test_console_accessibility(open_page, web_url, counsellor, report_figure) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_page("/console/login", CONSOLE, bypass_csp=True)
    found: dict[str, list[dict[str, Any]]] = {}
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in")
    found["login"] = axe_findings(page)

    log_in(page, web_url, counsellor)  # same context: the session cookie is per context
    found["overview"] = axe_findings(page)

    page.goto(web_url + "/console/answers/smard_chance")
    expect(page.locator("[data-preview=en] li.msg--bot img").first).to_be_visible()
    page.locator("div.source details summary").first.click()
    found["answer smard_chance"] = axe_findings(page)

    page.goto(web_url + "/console/try")
    ask(page, "Hoe erft SMARD over?")
    found["try, after one question"] = axe_findings(page)

    ask_a_parent_question_it_cannot_answer(page, web_url)
    page.goto(web_url + "/console/unanswered")
    expect(page.locator("tbody tr").filter(has_text=UNANSWERED).first).to_be_visible()
    found["unanswered"] = axe_findings(page)

    page.goto(web_url + "/console/audit")
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit log")
    found["audit"] = axe_findings(page)

    lines = [
        f"{name}: " + ("; ".join(describe(v) for v in violations) or "no violations")
        for name, violations in found.items()
    ]
    report_figure("axe-core console", "\n".join(lines))
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
