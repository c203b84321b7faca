"""Readability scores and the content report."""

from __future__ import annotations

from bot.content.content import Content
from bot.content.readability import measure, plain
from bot.content.report import answer_reports, as_text


def test_plain_drops_markdown_and_ends_list_items() -> None:
    assert (
        plain("**Let op** lees [deze site](https://x.nl).\n\n- een\n- twee")
        == "Let op lees deze site. een. twee."
    )


def test_short_plain_dutch_is_b1_and_long_sentences_are_flagged() -> None:
    easy = measure("SMARD is een zeldzame ziekte. De spieren worden zwak.", "nl")
    assert easy.score >= 60 and not easy.above_b1 and easy.sentences == 2
    hard = measure(
        "De cellen in een deel van het ruggenmerg, motorische voorhoorncellen genoemd, "
        "kunnen geen signalen doorgeven naar de zenuwen die de spieren moeten activeren "
        "waardoor de spieren niet bewegen en vervolgens dun worden.",
        "nl",
    )
    assert hard.above_b1 and hard.words_per_sentence > 15


def test_english_uses_flesch_reading_ease() -> None:
    assert measure("SMARD is a very rare condition. The name is English.", "en").score > 80


def test_report_covers_every_answer(content: Content) -> None:
    reports = answer_reports()
    assert [r.answer.id for r in reports] == list(content.answers)
    smard_chance = next(r for r in reports if r.answer.id == "smard_chance")
    assert smard_chance.translation == "current"
    assert smard_chance.readability["nl"] and smard_chance.readability["en"]
    text = as_text(reports)
    # the 4 SMA drafts and the letter's sentence about a carrier's brothers and sisters
    assert "Summary:" in text and "5 not approved" in text and "readability nl: mean score" in text
