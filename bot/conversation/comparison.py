"""The options side by side: one row per option, one column per attribute.

Every cell is the option answer's own part (content/answers/options.yml), rendered by the same
renderer, so a number in the table is the number in the answer it links to: there is no second
copy. A part the sources do not cover is an empty cell that says "ask your counsellor" and never
carries a number.
"""

from __future__ import annotations

from typing import Any

from bot.content.content import PART_NAMES
from bot.content.schema import Answer
from bot.conversation.answer_texts import AnswerTexts

# The attributes compared (the issue's: when, what it involves, what it can tell and how
# certain, risks as natural frequencies in the leaflet's form, where next). "what" is the option itself: its row header.
COLUMNS = tuple(name for name in PART_NAMES if name != "what")


def comparison_table(renderer: AnswerTexts, answer: Answer, lang: str) -> dict[str, Any]:
    """The table for `answer` (which names the flow of options in `comparison`), in `lang`."""
    content = renderer.content
    option_ids = content.flows[answer.comparison or ""][1:]  # after the overview step
    rows = []
    for option_id in option_ids:
        option = content.answers[option_id]
        if not option.review.approved:
            continue  # an unapproved option is not compared (and not served)
        cells = []
        for name in COLUMNS:
            source = (option.parts or {}).get(name)
            if source:
                cells.append(
                    {
                        "part": name,
                        "text": renderer.field(option, f"part.{name}", lang),
                        "answer": option.id,
                        "filled": True,
                    }
                )
            else:
                cells.append(
                    {"part": name, "text": renderer.ui("ask_counsellor", lang), "filled": False}
                )
        rows.append(
            {
                "answer": option.id,
                "label": renderer.label(option, lang),
                "payload": content.button_payload(option),
                "cells": cells,
            }
        )
    return {
        "caption": renderer.label(answer, lang),
        "corner": renderer.ui("comparison_option", lang),
        "columns": [{"part": name, "label": renderer.ui(f"part_{name}", lang)} for name in COLUMNS],
        "rows": rows,
    }
