"""Language detection and the order in which the conversation's language is decided."""
from __future__ import annotations

import pytest

from bot.language import detect, requested_language, resolve


@pytest.mark.parametrize("text, lang", [
    ("wat is smard", "nl"), ("what is smard", "en"), ("is het erfelijk", "nl"),
    ("is it hereditary", "en"), ("hallo", "nl"), ("hello", "en"), ("hoi", "nl"),
    ("dank je wel", "nl"), ("thanks", "en"), ("hoe groot is de kans op nog een kindje met smard", "nl"),
    ("our baby had a positive heel prick for sma, what now", "en"),
    ("vruchtwaterpunctie", "nl"), ("ik ben zo bang", "nl"), ("im so scared", "en"),
])
def test_detects_dutch_and_english(text: str, lang: str) -> None:
    assert detect(text) == lang


@pytest.mark.parametrize("text", ["ok", "PGT?", "smard", "sma", "👍👍", "", "?!", "SMN2"])
def test_too_short_or_ambiguous_is_undecided(text: str) -> None:
    assert detect(text) is None


def test_explicit_requests() -> None:
    assert requested_language("English please") == "en"
    assert requested_language("kan het in het Nederlands?") == "nl"
    assert requested_language("can you speak dutch instead of english") == "nl"
    assert requested_language("what is smard") is None


def test_resolution_order() -> None:
    # typed text that is clearly English wins over a Dutch page
    assert resolve("what is the chance", False, "nl", "nl") == "en"
    # short text keeps the conversation's language
    assert resolve("PGT?", False, "nl", "en") == "en"
    # a button press keeps the conversation's language
    assert resolve('/ask_pgt{"condition":"smard"}', True, "nl", "en") == "en"
    # a new conversation: the page's language, else Dutch
    assert resolve("ok", False, "en", None) == "en"
    assert resolve("ok", False, None, None) == "nl"
