"""Rasa's debug-log arguments built only when debug logs are written (a patch of Rasa 3.6).

At every prediction, Rasa 3.6's rule and memoization policies build the arguments of debug log
lines whether or not debug logging is on: a deep copy of every dialogue state of the
conversation (`copy.deepcopy(states)`) and a text listing them all
(`Policy.format_tracker_states`). Both grow with the conversation: after 500 turns they were
about 17% of Rasa's time here, for lines the project never writes (we ship at INFO, and those
lines would hold what parents typed).

The replacement does the same work when the `rasa` logger is set to DEBUG (`--debug`), and
otherwise passes the states uncopied and an empty text: the log call then drops them unread.
Only these two policy modules are changed, and in them `copy.deepcopy` is used for nothing but
those log arguments (`tests/test_debug_logs.py` checks that, and pins the Rasa version).
"""

from __future__ import annotations

import copy
import logging
import types
from typing import Any

RASA_VERSION = "3.6.21"  # the version whose policy modules this was checked against

# The modules whose `copy.deepcopy` calls only build debug-log arguments.
POLICY_MODULES = ("rasa.core.policies.memoization", "rasa.core.policies.rule_policy")


def debugging() -> bool:
    """Whether Rasa writes debug logs (its --debug sets the `rasa` logger to DEBUG)."""
    return logging.getLogger("rasa").isEnabledFor(logging.DEBUG)


def deepcopy_for_log(value: Any, memo: Any = None) -> Any:
    """`copy.deepcopy`, when the copy will be logged; the value itself when it will not."""
    return copy.deepcopy(value, memo) if debugging() else value


def install() -> None:
    """Patch the two policy modules in this process (call before Rasa serves)."""
    import importlib

    import rasa
    from rasa.core.policies.policy import Policy

    if rasa.__version__ != RASA_VERSION:
        raise RuntimeError(
            f"bot.engine.debug_logs was written for Rasa {RASA_VERSION}, not "
            f"{rasa.__version__}: check the debug log calls of the policies and update the patch"
        )
    if getattr(Policy.format_tracker_states, "for_log", False):
        return
    original = Policy.format_tracker_states

    def format_tracker_states(states: list[dict[str, Any]]) -> str:
        return original(states) if debugging() else ""

    format_tracker_states.for_log = True  # type: ignore[attr-defined]
    Policy.format_tracker_states = staticmethod(format_tracker_states)
    shim = types.SimpleNamespace(**{name: getattr(copy, name) for name in copy.__all__})
    shim.deepcopy = deepcopy_for_log
    for name in POLICY_MODULES:
        importlib.import_module(name).copy = shim  # type: ignore[attr-defined]
