"""The letter's draft sentence goes through the console like any answer: shown to the
counsellor as a draft, absent from the letter parents get until it is approved *and*
published, present in both languages after (the English was prepared with the Dutch)."""

from __future__ import annotations

from pathlib import Path

import requests

from tests.conftest import Counsellor
from tests.console_client import login
from tests.test_console_approval import review_of, workspace_console  # noqa: F401 (fixture)
from tests.test_letter import SIBLINGS


def _letter_text(web_url: str, lang: str) -> str:
    resp = requests.get(f"{web_url}/api/letter", params={"lang": lang}, timeout=30)
    assert resp.status_code == 200, resp.text
    return " ".join(resp.json()["paragraphs"])


def test_the_siblings_sentence_reaches_the_letter_only_after_approval_and_publishing(
    workspace_console: tuple[str, Path, Path],  # noqa: F811
    web_url: str,
    counsellor: Counsellor,
) -> None:
    base, content_dir, _ = workspace_console
    s, csrf = login(base, counsellor.name, counsellor.password)
    page = s.get(f"{base}/console/answers/letter_siblings", timeout=30).text
    assert "not served to parents" in page and SIBLINGS["nl"] in page
    assert SIBLINGS["nl"] not in _letter_text(web_url, "nl")

    resp = s.post(
        f"{base}/console/answers/letter_siblings/approve", timeout=30, data={"csrf": csrf}
    )
    assert resp.status_code == 200 and "Approved" in resp.text
    assert review_of(content_dir, "letter_siblings")["state"] == "approved"
    assert SIBLINGS["nl"] not in _letter_text(web_url, "nl")  # approved, not yet published

    resp = s.post(f"{base}/console/publish", data={"csrf": csrf}, timeout=60)
    assert resp.status_code == 200 and "Published" in resp.text
    assert SIBLINGS["nl"] in _letter_text(web_url, "nl")
    assert SIBLINGS["en"] in _letter_text(web_url, "en")
