"""What a bot message is (text, buttons, machine-readable details), and the one failure the
renderer knows: a text without a current translation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Last resort when even the "not translated" notice lacks a translation: never show Dutch
# to an English reader. The content check keeps this from happening in a release.
LAST_RESORT = {
    "en": "Sorry, this answer is not available in English yet. Please contact a genetic counsellor."
}


@dataclass
class Message:
    """One bot message: markdown text, buttons, and machine-readable details."""

    text: str
    buttons: list[dict[str, str]] = field(default_factory=list)
    custom: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The message as Rasa's REST channel would carry it."""
        out: dict[str, Any] = {"text": self.text}
        if self.buttons:
            out["buttons"] = self.buttons
        if self.custom:
            out["custom"] = self.custom
        return out


class Untranslated(Exception):
    """A text needed for this message has no current translation."""
