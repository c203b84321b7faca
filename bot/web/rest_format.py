"""What Rasa returns, read: the messages from its REST channel, and what its classifier made of a
message (the parse kept in the tracker store). Used by the console's preview and by ops."""

from __future__ import annotations

from typing import Any, Optional


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


def falls_back(messages: list[dict[str, Any]], nlu: Optional[dict[str, Any]]) -> bool:
    """Whether the parent gets the honest fallback: the classifier was unsure, or the
    answer step declined (e.g. the scope check)."""
    return bool(nlu and nlu["nlu_fallback"]) or any(
        (m.get("custom") or {}).get("topic") == "fallback" for m in messages
    )


def nlu_summary(parse: Optional[dict[str, Any]]) -> Optional[dict[str, Any]]:
    """Recognised intent, confidence, runner-up and whether the classifier fell back."""
    if not parse:
        return None
    ranking = [r for r in parse.get("intent_ranking") or [] if r.get("name") != "nlu_fallback"]
    intent = parse.get("intent") or {}
    top = ranking[0] if ranking else intent
    runner = ranking[1] if len(ranking) > 1 else None
    return {
        "intent": top.get("name"),
        "confidence": round(float(top.get("confidence") or 0), 3),
        "runner_up": runner.get("name") if runner else None,
        "runner_up_confidence": round(float(runner.get("confidence") or 0), 3) if runner else None,
        "nlu_fallback": intent.get("name") == "nlu_fallback",
    }
