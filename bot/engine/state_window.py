"""Only the dialogue states a policy looks at (a patch of Rasa 3.6).

At every prediction Rasa 3.6's policies ask for the states of the *whole* conversation
(`Policy._prediction_states`) and then look only at its end: the memoization policy slices
them to its `max_history`; the rule policy compares them, newest first, with its rules, and a
rule cannot fail on a state older than its own length (`RulePolicy._is_rule_applicable`: "we
got further in the conversation history than the rule's length"). Copying, cleaning and
comparing the older states made every message cost more as the conversation grew.

This patch sets, around each `Policy._prediction_states`, how many of the last states the
policy can see (bot.engine.past_states.WINDOW), so only those are built, copied and compared:

- a policy whose featuriser is Rasa's MaxHistoryTrackerFeaturizer (or its intent subclass)
  with a `max_history`: that plus one (the intent featuriser drops a last state first);
- the memoization policy (whose `max_history` is unbounded by default in Rasa 3.6): one more
  than its longest memorised key, as a longer history cannot be recalled, whole or windowed;
- the rule policy: one more than its longest rule or loop-unhappy-path key. One more, because
  when no rule applies the rule policy names the prediction by the key of all the states it
  was given, and checks that key against its rules: a longer key is never a rule's, before or
  after the window;
- any other policy: all the states, as before.

Predictions are therefore Rasa's own; tests/test_state_window.py compares them over long
conversations. Only the rule policy's debug log of the states it was given is shorter.
"""

from __future__ import annotations

import base64
import json
import zlib
from typing import Any, Callable

from bot.engine import past_states

RASA_VERSION = "3.6.21"  # the version whose Policy._prediction_states this wraps

_installed: Callable[..., Any] | None = None


def window_for(policy: Any) -> int | None:
    """How many of the last states `policy` looks at, or None for all of them."""
    cached = policy.__dict__.get("_state_window", False)
    if cached is not False:
        return cached
    from rasa.core.featurizers.tracker_featurizers import MaxHistoryTrackerFeaturizer
    from rasa.core.policies.memoization import MemoizationPolicy
    from rasa.core.policies.rule_policy import (
        RULES,
        RULES_FOR_LOOP_UNHAPPY_PATH,
        RulePolicy,
    )

    windows: list[int] = []
    if isinstance(policy, RulePolicy):
        keys = [*policy.lookup.get(RULES, {}), *policy.lookup.get(RULES_FOR_LOOP_UNHAPPY_PATH, {})]
        windows.append(1 + max((len(json.loads(key)) for key in keys), default=0))
    else:
        featurizer = getattr(policy, "featurizer", None)
        history = getattr(featurizer, "max_history", None)
        if isinstance(featurizer, MaxHistoryTrackerFeaturizer) and history:
            windows.append(history + 1)
        if isinstance(policy, MemoizationPolicy):
            lengths = [_memorised_length(policy, key) for key in policy.lookup]
            if lengths and None not in lengths:
                windows.append(1 + max(n for n in lengths if n is not None))
    window = min(windows) if windows else None
    policy.__dict__["_state_window"] = window
    return window


def _memorised_length(policy: Any, key: str) -> int | None:
    """How many states a memoization key holds (None where that cannot be told for sure).

    The key is Rasa's `_create_feature_key`: the states' JSON with the quotes taken out,
    perhaps compressed. Braces inside a text would be miscounted, so a key with a user's or
    the bot's text in it counts as unknown."""
    if policy.config.get("enable_feature_string_compression"):
        key = zlib.decompress(base64.b64decode(key)).decode("utf-8")
    if "text:" in key:
        return None
    depth = states = 0
    for char in key:
        if char in "[{":
            depth += 1
            states += char == "{" and depth == 2
        elif char in "]}":
            depth -= 1
    return states if depth == 0 else None


def install() -> None:
    """Wrap Policy._prediction_states in this process (only for serving: `run`)."""
    global _installed
    import rasa
    from rasa.core.policies.policy import Policy

    if rasa.__version__ != RASA_VERSION:
        raise RuntimeError(
            f"bot.engine.state_window was written for Rasa {RASA_VERSION}, not "
            f"{rasa.__version__}: check Policy._prediction_states, RulePolicy's rule "
            "matching and the featurisers' slicing, and update the patch"
        )
    if _installed is not None:
        return
    original = Policy._prediction_states

    def _prediction_states(self: Policy, *args: Any, **kwargs: Any) -> Any:
        token = past_states.WINDOW.set(window_for(self))
        try:
            return original(self, *args, **kwargs)
        finally:
            past_states.WINDOW.reset(token)

    Policy._prediction_states = _prediction_states
    _installed = original
