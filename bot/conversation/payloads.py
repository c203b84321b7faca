"""The button payloads of the values exercise: written by the renderer (the button that starts
the exercise) and by the exercise itself (each step), read back by Rasa as the `values_answer`
intent with its entities. One place, so the renderer need not import the decision aid."""
from __future__ import annotations

from typing import Optional

BEGIN, SKIP, FINISH = "begin", "skip", "finish"


def exercise_payload(question: str, choice: Optional[str] = None) -> str:
    """The button payload for one step of the exercise (`question` may be "begin")."""
    body = f'"values_question":"{question}"' + (f',"values_choice":"{choice}"' if choice else "")
    return f"/values_answer{{{body}}}"
