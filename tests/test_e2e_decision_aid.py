"""The decision aid end to end, through our web server and the real Rasa and action servers:
the comparison, the values exercise, the summary (JSON, PDF, QR) leaving nothing behind, and
the page about the assistant."""

from __future__ import annotations

import io
import json
import re
import sqlite3
import uuid
from typing import Any, Optional

import pytest
import requests
from pypdf import PdfReader

from bot.config.config import Config
from bot.config.paths import STATIC_DIR
from bot.config.settings import Settings
from bot.content.content import Content
from bot.content.formatting import format_long_date
from bot.stores.conversations import tracker_db


class Chat:
    """One conversation through /api/chat, as a page would have it."""

    def __init__(self, web_url: str, language: str, surface: str = "web") -> None:
        self.url, self.language, self.surface = web_url, language, surface
        self.sender = uuid.uuid4().hex

    def say(self, text: str) -> list[dict[str, Any]]:
        resp = requests.post(
            f"{self.url}/api/chat",
            timeout=60,
            json={
                "sender": self.sender,
                "message": text,
                "metadata": {"language": self.language, "surface": self.surface},
            },
        )
        assert resp.status_code == 200, resp.text
        return resp.json()["messages"]


def values_payload(question: str, choice: Optional[str] = None) -> str:
    body = {"values_question": question, **({"values_choice": choice} if choice else {})}
    return "/values_answer" + json.dumps(body, separators=(",", ":"))


@pytest.mark.parametrize(
    "lang,question",
    [
        ("nl", "Kunt u alle mogelijkheden naast elkaar zetten?"),
        ("en", "Can you compare all the options for us?"),
    ],
)
def test_the_comparison_is_offered_as_a_table(web_url: str, lang: str, question: str) -> None:
    chat = Chat(web_url, lang)
    chat.say('/choose_condition{"condition":"smard"}')
    [message] = chat.say(question)
    table = message["custom"]["comparison"]
    assert (
        message["custom"]["topic"] == "options_comparison" and message["custom"]["language"] == lang
    )
    assert len(table["rows"]) == 6 and len(table["columns"]) == 5
    # …and the options flow leads to it.
    [overview] = Chat(web_url, lang).say('/ask_options{"condition":"smard"}')
    assert any(b["payload"].startswith("/ask_comparison") for b in overview["buttons"])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_values_exercise_over_rest(web_url: str, lang: str) -> None:
    chat = Chat(web_url, lang)
    [intro] = chat.say('/start_values{"condition":"smard"}')
    assert intro["custom"]["topic"] == "values_intro"
    begin = next(b for b in intro["buttons"] if "begin" in b["payload"])
    [q1] = chat.say(begin["payload"])
    assert (
        q1["custom"]["exercise"] == {"number": 1, "total": 6} and q1["custom"]["language"] == lang
    )
    [q2] = chat.say(q1["buttons"][0]["payload"])  # the first choice: "important"
    [q3] = chat.say("sla over" if lang == "nl" else "skip")  # typed: skips question 2
    assert q3["custom"]["exercise"]["number"] == 3
    finish = next(b for b in q3["buttons"] if '"finish"' in b["payload"])
    [result] = chat.say(finish["payload"])
    assert result["custom"]["topic"] == "values_result" and result["custom"]["language"] == lang
    rows = result["custom"]["values_result"]["rows"]
    assert [r["answer"] for r in rows][:3] == ["option_no_testing", "option_prenatal", "option_pgt"]
    assert any(r["for"] for r in rows) and any(r["against"] for r in rows)


def _state_files(config: Config) -> dict[str, tuple[int, int]]:
    """Every file in the state directory except the tracker store, with size and mtime."""
    state = config.paths.state_dir
    return {
        str(p.relative_to(state)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in state.rglob("*")
        if p.is_file() and "trackers.db" not in p.name
    }


def _stored_text(config: Config, sender: str) -> str:
    with sqlite3.connect(tracker_db(config.paths.state_dir)) as conn:
        return " ".join(
            r[0] for r in conn.execute("SELECT data FROM events WHERE sender_id = ?", (sender,))
        )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_summary_is_built_from_the_conversation_and_not_kept(
    web_url: str, lang: str, settings: Settings, config: Config
) -> None:
    chat = Chat(web_url, lang)
    chat.say('/ask_inheritance{"condition":"smard"}')
    chat.say('/ask_pgt{"condition":"smard"}')
    chat.say(values_payload("begin"))
    chat.say(values_payload("values_avoid_ivf", "important"))
    [offer] = chat.say("maak een samenvatting" if lang == "nl" else "can I have a summary please")
    request = offer["custom"]["summary"]
    assert request == {
        "language": lang,
        "topics": ["smard_inheritance", "option_pgt"],
        "values": {"values_avoid_ivf": "important"},
        "knowledge": {},
    }
    before = _state_files(config)
    summary = requests.post(f"{web_url}/api/summary", json=request, timeout=30).json()
    assert [t["label"] for t in summary["topics"]][0] in (
        "Hoe erft SMARD over?",
        "How is SMARD inherited?",
    )
    assert all(t["source"] for t in summary["topics"])
    assert len(summary["questions"]) == 3
    pdf = requests.post(
        f"{web_url}/api/summary.pdf", data={"request": json.dumps(request)}, timeout=30
    )
    assert pdf.status_code == 200 and pdf.headers["Content-Type"] == "application/pdf"
    assert pdf.headers["Content-Disposition"].startswith("attachment")
    text = re.sub(
        r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    )
    for line in [t["label"] for t in summary["topics"]] + summary["values"] + summary["questions"]:
        assert re.sub(r"\s+", "", line) in text
    qr = requests.post(f"{web_url}/api/summary-qr", json=request, timeout=30)
    assert qr.status_code == 200 and qr.headers["Content-Type"] == "image/svg+xml"
    # Nothing of the summary stays: no file changed, and the conversation holds ids only.
    assert _state_files(config) == before
    stored = _stored_text(config, chat.sender)
    assert summary["questions"][2] not in stored and summary["values"][0] not in stored
    # A summary can only hold vetted content: a draft or made-up topic is refused.
    for bad in [{**request, "topics": ["sma_options"]}, {**request, "topics": ["x"]}, {"a": 1}]:
        assert requests.post(f"{web_url}/api/summary", json=bad, timeout=30).status_code == 400
    assert (
        requests.post(
            f"{web_url}/api/summary.pdf", data={"request": "{nonsense"}, timeout=30
        ).status_code
        == 400
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_the_page_about_the_assistant(
    web_client: Any, lang: str, settings: Settings, content: Content
) -> None:
    """In-process (pytest-aiohttp): the page needs the published bundle, not Rasa."""
    page = await (await web_client()).get("/about", params={"lang": lang})
    text = await page.text()
    assert page.status == 200 and f'<html lang="{lang}">' in text
    assert "Informatie over SMARD" in text and "Samenvatting 292e ENMC-workshop" in text
    assert ("23–25 jan" in text) or ("23–25 Jan" in text)
    assert ("Het document vermeldt geen datum" in text) == (lang == "nl")
    assert "112" in text and (
        "geen medisch advies" in text.lower() or "not medical advice" in text.lower()
    )
    last = format_long_date(
        max(a.review.date for a in content.answers.values() if a.review.approved and a.review.date),
        lang,
    )
    assert f"{'Laatste controle' if lang == 'nl' else 'Last checked'}: {last}." in text
    assert f"{settings.retention_hours:g}" in text
    assert ("30 dagen" in text) or ("30 days" in text)  # the test clinic keeps unanswered questions
    assert "Content-Security-Policy" in page.headers


def test_every_surface_links_to_the_page_about_the_assistant() -> None:
    for name in ("index.html", "kiosk.html"):
        assert "about" in (STATIC_DIR / name).read_text(encoding="utf-8")
    assert "/about?lang=" in (STATIC_DIR / "chat.js").read_text(encoding="utf-8")
    assert "/about?lang=" in (STATIC_DIR / "kiosk.js").read_text(encoding="utf-8")
    base = (STATIC_DIR.parent / "templates" / "base.html").read_text(encoding="utf-8")
    assert 'href="/about' in base
