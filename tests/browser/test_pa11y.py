"""pa11y (HTML_CodeSniffer, WCAG 2 AA) beside axe-core on every page, with zero errors: the
parents' pages in both languages, with a reply on screen, the kiosk, the About pages, and every
console page (logged in with a real session cookie). pa11y drives the same Debian Chromium; it
is installed by scripts/browser.sh from tools/a11y/package-lock.json."""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest

from bot.config.paths import ROOT

A11Y = ROOT / "tools" / "a11y"
PA11Y = A11Y / "node_modules" / ".bin" / "pa11y"
# Ask something and wait for the answer, so the check sees a reply with its buttons.
ASK = [
    "set field #input to {q}",
    "click element #form button[type=submit]",
    "wait for element .msg--bot:nth-child(3) to be added",
]


def pa11y(
    url: str, actions: list[str] = (), headers: dict[str, str] | None = None
) -> list[dict[str, Any]]:  # type: ignore[assignment]
    """pa11y's findings for `url` (errors, warnings and notices)."""
    assert PA11Y.exists(), "pa11y is not installed: run scripts/browser.sh"
    config = json.loads((A11Y / "pa11y.json").read_text(encoding="utf-8"))
    config["actions"] = list(actions)
    if headers:
        config["headers"] = headers
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(config, f)
    try:
        done = subprocess.run(
            [str(PA11Y), "--config", f.name, "--reporter", "json", url],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=A11Y,
        )
    finally:
        Path(f.name).unlink()
    assert done.stdout.strip().startswith("["), done.stdout[-2000:] + done.stderr[-2000:]
    return json.loads(done.stdout)


def errors(found: list[dict[str, Any]]) -> list[str]:
    return [f"{e['code']}: {e['message']} ({e['selector']})" for e in found if e["type"] == "error"]


PARENT_PAGES = [
    ("/?lang=nl", []),
    ("/?lang=en", []),
    (
        "/?lang=nl&condition=smard",
        [a.format(q="hoe groot is de kans dat ons volgende kindje ook smard heeft") for a in ASK],
    ),
    (
        "/?lang=en&condition=smard",
        [a.format(q="Can you put the options side by side?") for a in ASK],
    ),
    ("/kiosk", []),
    ("/about?lang=nl", []),
    ("/about?lang=en", []),
    ("/about?lang=nl&surface=kiosk", []),
    ("/console/login", []),
]


@pytest.mark.parametrize(("path", "actions"), PARENT_PAGES, ids=[p for p, _ in PARENT_PAGES])
def test_pa11y_parents_pages(web_url: str, path: str, actions: list[str]) -> None:
    assert errors(pa11y(web_url + path, actions)) == []


def test_pa11y_console_pages(open_page, web_url: str, counsellor: Any) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_page("/console/login", {"width": 1366, "height": 768})
    page.fill("#name", counsellor.name)
    page.fill("#password", counsellor.password)
    page.locator("form.login").get_by_role("button", name="Log in").click()
    page.wait_for_url(web_url + "/console/")
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in page.context.cookies())
    found = {}
    for path in (
        "/console/",
        "/console/answers/smard_chance",
        "/console/answers/sma_options",
        "/console/try",
        "/console/unanswered",
        "/console/audit",
    ):
        found[path] = errors(pa11y(web_url + path, headers={"Cookie": cookie}))
    assert found == {path: [] for path in found}
