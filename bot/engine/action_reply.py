"""Checking the action server's reply with a validator built once (a patch of Rasa 3.6).

Rasa 3.6's `RemoteAction._validate_action_result` calls `jsonschema.validate` on every reply
of the action server. That function first checks the *schema* itself against the JSON Schema
meta-schema and builds a new validator, every call: about 100 ms per reply on this machine,
39% of Rasa's CPU under load. The reply is checked here against the same schema (Rasa's own
`action_response_format_spec`) with the same validator class, built and checked once; an
invalid reply raises the same `ValidationError` with the same message, so Rasa rejects it as
before. `install` refuses to patch another Rasa version than the one it was written for.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

RASA_VERSION = "3.6.21"  # the version whose RemoteAction this replaces one method of


@lru_cache(maxsize=1)
def _validator() -> Any:
    """Rasa's reply schema, checked once, with the validator class jsonschema.validate picks."""
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(self: Any, result: dict[str, Any]) -> bool:
    """Replacement for RemoteAction._validate_action_result: True, or raise ValidationError."""
    from jsonschema.exceptions import best_match
    from rasa.shared.constants import DOCS_BASE_URL

    # best_match, as jsonschema.validate reports it, so the error is the one Rasa would raise.
    error = best_match(_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        f". Failed to validate Action server response from API, "
        f"make sure your response from the Action endpoint is valid. "
        f"For more information about the format visit "
        f"{DOCS_BASE_URL}/custom-actions"
    )
    raise error


def install() -> None:
    """Patch RemoteAction in this process (call before Rasa starts serving)."""
    import rasa
    from rasa.core.actions.action import RemoteAction

    if rasa.__version__ != RASA_VERSION:
        raise RuntimeError(
            f"bot.engine.action_reply was written for Rasa {RASA_VERSION}, not "
            f"{rasa.__version__}: check RemoteAction._validate_action_result "
            "and update the patch"
        )
    RemoteAction._validate_action_result = validate_action_result
