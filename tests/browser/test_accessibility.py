"""axe-core (shipped in axe-playwright-python, injected from disk) on every page and state:
no serious or critical violations at WCAG 2.1 A/AA."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.axe import axe_results, describe
from tests.browser.conftest import DESKTOP, KIOSK, PHONE
from tests.browser.helpers import press, type_question

RESULTS: list[str] = []


def serious_violations(page: Page, name: str) -> list[str]:
    """Run axe; record all violations for the report; return the serious and critical ones."""
    result = axe_results(page)
    by_impact: dict[str, int] = {}
    for v in result["violations"]:
        by_impact[v["impact"]] = by_impact.get(v["impact"], 0) + 1
    RESULTS.append(
        f"{name}: {len(result['passes'])} rules passed, violations: {by_impact or 'none'}"
    )
    return [describe(v) for v in result["violations"] if v["impact"] in ("serious", "critical")]


def test_website_pages(open_page) -> None:  # type: ignore[no-untyped-def]
    for path, viewport in [("/", PHONE), ("/?lang=en", DESKTOP)]:
        page, _ = open_page(path, viewport, bypass_csp=True)
        expect(page.locator(".msg--bot")).to_have_count(1, timeout=30_000)
        type_question(page, "what is the chance of another child with smard")
        press(page, "More detail")
        assert serious_violations(page, f"website {path}") == [], path


def test_website_error_state(open_page) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_page("/", DESKTOP, bypass_csp=True)
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=30_000)
    page.route("**/api/chat", lambda route: route.abort())
    page.fill("#input", "hallo")
    page.keyboard.press("Enter")
    expect(page.locator("#status")).to_be_visible()
    assert serious_violations(page, "website error state") == []


def test_kiosk_screens(open_page) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_page("/kiosk?idle=3&countdown=30", KIOSK, bypass_csp=True)
    expect(page.locator("#tiles button").first).to_be_visible(timeout=30_000)
    assert serious_violations(page, "kiosk start screen") == [], "start"
    page.locator("#tiles button").first.click()
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=30_000)
    assert serious_violations(page, "kiosk conversation") == [], "chat"
    expect(page.get_by_role("alertdialog")).to_be_visible(timeout=15_000)
    assert serious_violations(page, "kiosk idle dialog") == [], "idle dialog"


def test_report(report_figure) -> None:  # type: ignore[no-untyped-def]
    """Runs last in this module: writes what axe found on every page."""
    assert len(RESULTS) >= 6
    report_figure("axe-core WCAG 2.1 A and AA", "\n".join(RESULTS))
