"""The keyword net for acute worries."""
from __future__ import annotations

import pytest

from bot.safety import is_acute


@pytest.mark.parametrize("text", [
    "mijn baby kan niet ademen", "hij wordt blauw!!", "ze ademt niet meer", "mijn kind reageert niet",
    "my baby can't breathe", "she is turning blue", "he stopped breathing", "baby not breathing help",
])
def test_acute(text: str) -> None:
    assert is_acute(text)


@pytest.mark.parametrize("text", [
    "waarom krijgen kinderen met smard ademhalingsproblemen", "what is the chance of another child",
    "will my child need a breathing machine later", "hoe erft smard over",
])
def test_not_acute(text: str) -> None:
    assert not is_acute(text)
