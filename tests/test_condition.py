"""Which condition a message names (bot/conversation/condition.py), pinned by a table in both languages."""

from __future__ import annotations

import pytest

from bot.conversation.condition import mentioned

NAMES_SMARD = [
    "wat is smard",
    "what is SMARD?",
    "Smard1 en erfelijkheid",
    "smard2",
    "het IGHMBP2-gen",
    "mutations in ighmbp2",
    "spinal muscular atrophy with respiratory distress",
    "respiratory distress type 1",
    "spinale musculaire atrofie met ademnood",
    "sma met ademnood",
    "SMA with respiratory distress",
]
NAMES_SMA = [
    "wat is sma",
    "What is SMA?",
    "SMA type 1",
    "het SMN1-gen",
    "smn2 copies",
    "SMN gene",
    "de hielprik was afwijkend",
    "the heel prick was positive",
    "heel-prick result",
    "heelprick",
    "newborn screening for it",
    "neonatale screening",
    "Neonatale Screening",
    "spinale musculaire atrofie",
    "spinal muscular atrophy",
    "SPINAL MUSCULAR ATROPHY",
    "sma's",
    "sma met een ademhalingsprobleem",
]
NAMES_NEITHER = [
    "",
    "hoe erft het over",
    "what are the options",
    "smart phone",
    "smashing",
    "smn3",
    "smardy",
    "asma",
    "pgt kosten",
]
NAMES_BOTH = [
    "verschil tussen smard en sma",
    "smard or sma?",
    "SMARD and the heel prick",
    "ighmbp2 versus smn1",
]


@pytest.mark.parametrize("text", NAMES_SMARD)
def test_names_smard(text: str) -> None:
    assert mentioned(text) == "smard"
    assert mentioned(text.upper()) == "smard"
    assert mentioned(text.lower()) == "smard"


@pytest.mark.parametrize("text", NAMES_SMA)
def test_names_sma(text: str) -> None:
    assert mentioned(text) == "sma"
    assert mentioned(text.upper()) == "sma"
    assert mentioned(text.lower()) == "sma"


@pytest.mark.parametrize("text", NAMES_NEITHER)
def test_names_neither(text: str) -> None:
    assert mentioned(text) is None


@pytest.mark.parametrize("text", NAMES_BOTH)
def test_names_both_is_undecided(text: str) -> None:
    assert mentioned(text) is None


def test_none_is_undecided() -> None:
    assert mentioned(None) is None  # type: ignore[arg-type]
