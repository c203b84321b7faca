"""The shape of messages from Rasa's REST channel."""
from __future__ import annotations

from typing import Any


def merge_custom(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rasa's REST channel sends an action's `custom` payload as a separate message right
    after its text; fold it back into that message so each bot message is one object."""
    out: list[dict[str, Any]] = []
    for m in messages:
        if set(m) <= {"recipient_id", "custom"} and out and "custom" not in out[-1]:
            out[-1]["custom"] = m["custom"]
            continue
        out.append({k: v for k, v in m.items() if k != "recipient_id"})
    return out
