"""Running axe-core (shipped in axe-playwright-python, injected from disk) on a page.

Injecting a script needs a browser context with bypass_csp=True; every other browser test
runs the pages under their real Content-Security-Policy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import axe_playwright_python
from playwright.sync_api import Page

AXE_JS = Path(axe_playwright_python.__file__).with_name("axe.min.js")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_results(page: Page) -> dict[str, Any]:
    """axe's full result at WCAG 2.1 A/AA for the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    assert result["passes"], "axe ran no rules"
    return result


def axe_findings(page: Page) -> list[dict[str, Any]]:
    """All violations, of any impact."""
    return axe_results(page)["violations"]


def describe(violation: dict[str, Any]) -> str:
    """One violation on one line: rule, impact, help text, the first few elements."""
    return (
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        f"{[n['target'] for n in violation['nodes']][:3]}"
    )
