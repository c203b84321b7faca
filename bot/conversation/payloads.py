"""The button payloads of the values exercise and of the knowledge check: written by the
renderer (the button that starts them) and by the exercise or check itself (each step), read
back by Rasa as the `values_answer` intent with its entities (which tell the two apart). One place, so the renderer need not import the decision aid. Also the grammar a message must
follow to count as a payload at all (the web tier checks every message against it)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import yaml

BEGIN, SKIP, FINISH = "begin", "skip", "finish"


def exercise_payload(question: str, choice: Optional[str] = None) -> str:
    """The button payload for one step of the exercise (`question` may be "begin")."""
    body = f'"values_question":"{question}"' + (f',"values_choice":"{choice}"' if choice else "")
    return f"/values_answer{{{body}}}"


def knowledge_payload(statement: str, choice: Optional[str] = None) -> str:
    """The button payload for one step of a knowledge check (the `values_answer` intent with
    the check's entities): `statement` is a check's name (which starts it), a statement id
    (with the choice: true, false, unsure), or "stop" / "add" (the score to the summary)."""
    body = f'"knowledge_statement":"{statement}"' + (
        f',"knowledge_choice":"{choice}"' if choice else ""
    )
    return f"/values_answer{{{body}}}"


_PAYLOAD = re.compile(r"/(\w{1,64})(\{.*\})?", re.S)
MAX_ENTITY_CHARS = 100


@dataclass(frozen=True)
class PayloadGrammar:
    """What a button payload may be: `/intent` or `/intent{"entity": "value", …}` with an intent
    and entities of the domain and short string values. Anything else that starts with "/" is
    typed text: Rasa would log an unparsable payload word for word, and an entity value that is
    not a string would reach the actions."""

    intents: frozenset[str]
    entities: frozenset[str]

    def is_payload(self, message: str) -> bool:
        """Whether `message` is a well-formed payload of this domain."""
        m = _PAYLOAD.fullmatch(message)
        if m is None or m.group(1) not in self.intents:
            return False
        if m.group(2) is None:
            return True
        try:
            entities = json.loads(m.group(2))
        except (ValueError, RecursionError):
            return False
        return isinstance(entities, dict) and all(
            k in self.entities and isinstance(v, str) and len(v) <= MAX_ENTITY_CHARS
            for k, v in entities.items()
        )

    def as_message(self, message: str) -> str:
        """`message` itself when it is a payload or no payload at all; otherwise the text
        without its leading slashes, so Rasa reads it as words a parent typed."""
        if not message.startswith("/") or self.is_payload(message):
            return message
        return message.lstrip("/").strip()


def load_grammar(domain_path: Path) -> PayloadGrammar:
    """The payload grammar of a Rasa domain file (its intents and entities)."""
    domain: dict[str, Any] = yaml.safe_load(domain_path.read_text(encoding="utf-8"))

    def names(items: Optional[list[Any]]) -> frozenset[str]:
        # Domain lists hold names or one-key mappings (`- intent: {use_entities: …}`).
        return frozenset(next(iter(i)) if isinstance(i, dict) else str(i) for i in items or ())

    return PayloadGrammar(names(domain.get("intents")), names(domain.get("entities")))
