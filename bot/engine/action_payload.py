"""What Rasa sends the action server: the current turn, not the whole history (a patch of Rasa 3.6).

Rasa 3.6 sends every event of the conversation to the action server at every custom action
(`RemoteAction._action_call_format`, `EventVerbosity.ALL`), so a message costs more the longer
the conversation: after 400 turns, encoding that JSON took about 37% of Rasa's time here, and
the action server decoded it again. Our actions read the turn (the latest message) and the
slots; only the actions in HISTORY_ACTIONS read earlier events (the summary lists the topics
the conversation showed). For every other action the request carries the events of the
current turn only, from the latest user message on; the slots, the latest message, the active
loop and the rest of the tracker's state are sent as before. `tests/test_action_payload.py`
fails when an action outside HISTORY_ACTIONS reads the history.
"""

from __future__ import annotations

from typing import Any

RASA_VERSION = "3.6.21"  # the version whose RemoteAction._action_call_format this wraps

# Custom actions that read the conversation's earlier events (tracker.events) and so get all.
HISTORY_ACTIONS = frozenset({"action_summary"})


def turn_events(tracker: Any) -> list[Any]:
    """The events from the latest user message on (all of them if there is none)."""
    from rasa.shared.core.events import UserUttered

    tail: list[Any] = []
    for event in reversed(tracker.events):
        tail.append(event)
        if isinstance(event, UserUttered):
            tail.reverse()
            return tail
    return list(tracker.events)


def install() -> None:
    """Wrap RemoteAction._action_call_format in this process (call before Rasa serves)."""
    import rasa
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.trackers import EventVerbosity

    if rasa.__version__ != RASA_VERSION:
        raise RuntimeError(
            f"bot.engine.action_payload was written for Rasa {RASA_VERSION}, not "
            f"{rasa.__version__}: check RemoteAction._action_call_format and update the patch"
        )
    original = RemoteAction._action_call_format
    if getattr(original, "turn_only", False):
        return

    def action_call_format(self: RemoteAction, tracker: Any, domain: Any) -> dict[str, Any]:
        if self.name() in HISTORY_ACTIONS:
            return original(self, tracker, domain)
        # As Rasa's own, but the state without events (cheap), then this turn's events only.
        state = tracker.current_state(EventVerbosity.NONE)
        state["events"] = [event.as_dict() for event in turn_events(tracker)]
        result = {
            "next_action": self._name,
            "sender_id": tracker.sender_id,
            "tracker": state,
            "version": rasa.__version__,
        }
        if (
            not self._is_selective_domain_enabled()
            or domain.does_custom_action_explicitly_need_domain(self.name())
        ):
            result["domain"] = domain.as_dict()
        return result

    action_call_format.turn_only = True  # type: ignore[attr-defined]
    RemoteAction._action_call_format = action_call_format
