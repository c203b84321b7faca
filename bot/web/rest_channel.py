"""Rasa's REST channel with input checks (configured in credentials.yml).

Rasa's own RestInput answers a body that is valid JSON but not an object (`[]`, or a
non-text message) with a 500 and a stack trace in the log. This subclass answers such
requests with a clear 400, and over-long messages with a 413, before Rasa sees them.
Same name, so the same URL: POST /webhooks/rest/webhook.

It also handles a message that fails (an action, the tracker store) or is cancelled: Rasa's
channel would log the message's text with the error; this one logs the error's type only and
answers nothing, which our web tier turns into the localised "try again".
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Awaitable, Callable, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic.exceptions import InvalidUsage, SanicException
from sanic.request import Request

MAX_MESSAGE_CHARS = 5000
log = logging.getLogger(__name__)


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

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Any:
        """Rasa's REST blueprint around a handler that never lets an error reach Rasa's
        channel code (which would log the message's text)."""

        async def handle(message: UserMessage) -> None:
            try:
                await on_new_message(message)
            except asyncio.CancelledError:
                # As Rasa's channel does: the reply so far is returned (none), here without
                # the text in the log.
                log.error("A message was cancelled before its reply was complete")
            except Exception as exc:  # noqa: BLE001 - the reply is "try again", never a trace
                log.error("A message failed: %s", type(exc).__name__)

        return super().blueprint(handle)

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
