"""The letter for relatives end to end, through our web server and the real Rasa and action
servers, in both languages: offered after the inheritance answer and when asked for, built
from published content (no draft sentence), as JSON, PDF and QR code, and nothing kept."""

from __future__ import annotations

import io
import re

import pytest
import requests
from pypdf import PdfReader

from bot.config.config import Config
from tests.test_e2e_decision_aid import Chat, _state_files, _stored_text
from tests.test_letter import NO_SYMPTOMS, SIBLINGS

BUTTON = {"nl": "Brief voor familie", "en": "Letter for relatives"}
ASK = {
    "nl": "kan ik een brief voor mijn familie maken?",
    "en": "can I make a letter for my family?",
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_letter_over_rest(web_url: str, lang: str, config: Config) -> None:
    chat = Chat(web_url, lang)
    [inheritance] = chat.say('/ask_inheritance{"condition":"smard"}')
    button = next(b for b in inheritance["buttons"] if b["payload"] == "/ask_letter")
    assert button["title"] == BUTTON[lang]
    [offer] = chat.say(button["payload"])
    assert offer["custom"]["letter"] == {"language": lang}
    [typed] = chat.say(ASK[lang])  # typed, through the classifier
    assert typed["custom"]["topic"] == "smard_letter" and typed["custom"]["letter"] == {
        "language": lang
    }

    before = _state_files(config)
    letter = requests.get(f"{web_url}/api/letter", params={"lang": lang}, timeout=30).json()
    body = " ".join(letter["paragraphs"])
    assert NO_SYMPTOMS[lang] in body and SIBLINGS[lang] not in body
    assert letter["title"] in (
        ("SMARD: informatie voor onze familie", "SMARD: information for our family")
    )
    pdf = requests.get(f"{web_url}/api/letter.pdf", params={"lang": lang}, timeout=30)
    assert pdf.status_code == 200 and pdf.headers["Content-Type"] == "application/pdf"
    name = "brief-voor-familie" if lang == "nl" else "letter-for-relatives"
    assert re.search(
        rf'attachment; filename="{name}-\d{{4}}-\d{{2}}-\d{{2}}\.pdf"',
        pdf.headers["Content-Disposition"],
    )
    text = re.sub(
        r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    )
    for paragraph in letter["paragraphs"]:
        assert re.sub(r"\s+", "", paragraph) in text
    qr = requests.get(f"{web_url}/api/letter-qr", params={"lang": lang}, timeout=30)
    assert qr.status_code == 200 and qr.headers["Content-Type"] == "image/svg+xml"
    assert qr.content.startswith(b"<svg")
    # Nothing stays: no file changed, and the conversation holds only the language.
    assert _state_files(config) == before
    stored = _stored_text(config, chat.sender)
    assert letter["paragraphs"][0] not in stored and letter["closing"] not in stored
    assert (
        requests.get(f"{web_url}/api/letter", params={"lang": "de"}, timeout=30).status_code == 404
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_sma_conversation_gets_an_honest_reply_instead_of_a_letter(
    web_url: str, lang: str
) -> None:
    chat = Chat(web_url, lang)
    chat.say('/choose_condition{"condition":"sma"}')
    [reply] = chat.say("/ask_letter")
    assert reply["custom"]["topic"] == "letter_sma" and "letter" not in reply["custom"]
    assert "SMA" in reply["text"]
    assert any("adviseur" in b["title"] or "counsellor" in b["title"] for b in reply["buttons"])
