"""Rasa's REST channel with input checks (configured in credentials.yml).

Rasa's own RestInput answers a body that is valid JSON but not an object (`[]`, or a
non-text message) with a 500 and a stack trace in the log. This subclass answers such
requests with a clear 400, and over-long messages with a 413, before Rasa sees them.
Same name, so the same URL: POST /webhooks/rest/webhook.
"""
from __future__ import annotations

from typing import Any, Optional, Text

from rasa.core.channels.rest import RestInput
from sanic.exceptions import InvalidUsage, SanicException
from sanic.request import Request

MAX_MESSAGE_CHARS = 5000


class PayloadTooLarge(SanicException):
    """413: the message is longer than we accept."""

    status_code = 413


def _body(req: Request) -> dict[str, Any]:
    body = req.json  # invalid JSON already raises a 400 here
    if not isinstance(body, dict):
        raise InvalidUsage("The body must be a JSON object with 'sender' and 'message'.")
    return body


class CheckedRestInput(RestInput):
    """RestInput that refuses malformed requests with a 4xx."""

    @classmethod
    def name(cls) -> Text:
        return "rest"

    async def _extract_sender(self, req: Request) -> Optional[Text]:
        sender = _body(req).get("sender")
        if sender is not None and not isinstance(sender, str):
            raise InvalidUsage("'sender' must be text.")
        return sender

    def _extract_message(self, req: Request) -> Optional[Text]:
        message = _body(req).get("message")
        if not isinstance(message, str):
            raise InvalidUsage("'message' must be text.")
        if len(message) > MAX_MESSAGE_CHARS:
            raise PayloadTooLarge(f"'message' is longer than {MAX_MESSAGE_CHARS} characters.")
        return message

    def get_metadata(self, request: Request) -> Optional[dict[str, Any]]:
        metadata = _body(request).get("metadata")
        return metadata if isinstance(metadata, dict) else None
