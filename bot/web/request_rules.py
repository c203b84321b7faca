"""Request rules shared by the parents' routes (bot/web/web.py) and the console's
(bot/web/console/): validating a chat request, errors in the user's language, and turning
raised HTTP errors into ordinary responses so every response gets the security headers."""

from __future__ import annotations

import ipaddress
import json
import re
from typing import Any, Awaitable, Callable, Optional

import aiohttp
from aiohttp import web

from bot.config.settings import Settings
from bot.content.content import CONDITIONS
from bot.conversation.language import SUPPORTED
from bot.conversation.payloads import PayloadGrammar
from bot.conversation.render import Renderer
from bot.web.ui_texts import error_text, published_renderer

# Typed keys for what the application object carries.
SETTINGS = web.AppKey("settings", Settings)
HTTP_CLIENT = web.AppKey("http", aiohttp.ClientSession)
GRAMMAR = web.AppKey("payload_grammar", PayloadGrammar)

MAX_MESSAGE_CHARS = 2000
MAX_BODY_BYTES = 64 * 1024
# At least 32 characters (the pages send 32 random hex digits): a sender id is the only key to
# a conversation, so it must not be guessable. \Z, not $: no trailing newline.
SENDER_RE = re.compile(r"^[A-Za-z0-9_-]{32,64}\Z")
PARENT_SURFACES = ("web", "kiosk")

# Errors the page shows as they are, in the user's language: `error_<kind>` in content/ui.yml.
ERROR_KINDS = ("too_long", "bad_request", "too_many", "unavailable")


def error_message(renderer: Optional[Renderer], kind: str, lang: Optional[str]) -> Optional[str]:
    """The message of error `kind` in `lang` (Dutch for an unknown language) from `renderer`;
    None when the text cannot be had, and the page then shows its own offline text."""
    lang = lang if lang in SUPPORTED else "nl"
    return error_text(renderer, kind, lang, max_chars=str(MAX_MESSAGE_CHARS))


def error(request: web.Request, kind: str, lang: Optional[str], status: int) -> web.Response:
    """A JSON error with a message the page can show (from the bundle published for the
    request's application)."""
    return web.json_response(
        {"error": kind, "message": error_message(published_renderer(request), kind, lang)},
        status=status,
    )


def client_address(request: web.BaseRequest, trusted_proxies: tuple[str, ...]) -> str:
    """The client's address: the peer's, or, when the peer is a trusted proxy, the address
    that proxy saw (the last entry of X-Forwarded-For; our nginx site sets it to
    $remote_addr). A forwarded value that is no IP address is not believed."""
    peer = request.remote or ""
    if peer in trusted_proxies:
        forwarded = request.headers.get("X-Forwarded-For", "").split(",")[-1].strip()
        try:
            return str(ipaddress.ip_address(forwarded))
        except ValueError:
            return peer
    return peer


def loads(text: str) -> Any:
    """`json.loads` for request bodies: ValueError for anything that is not JSON, including
    JSON nested so deeply that Python's parser gives up (a RecursionError, else a 500)."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None


def parse_chat(
    body: Any, surfaces: tuple[str, ...] = PARENT_SURFACES, grammar: Optional[PayloadGrammar] = None
) -> tuple[Optional[dict[str, Any]], Optional[str]]:
    """Validate a chat request body; return (clean request, None) or (None, error kind).

    `surfaces` are the surfaces this route may claim: a parent's page can never pass itself
    off as a counsellor's preview. With a `grammar`, a message that starts with "/" but is
    no payload of the domain is passed on as typed text.
    """
    if not isinstance(body, dict):
        return None, "bad_request"
    sender, message = body.get("sender"), body.get("message")
    if not isinstance(sender, str) or not SENDER_RE.match(sender):
        return None, "bad_request"
    if not isinstance(message, str):
        return None, "bad_request"
    if len(message) > MAX_MESSAGE_CHARS:
        return None, "too_long"
    meta_in = body.get("metadata") or {}
    if not isinstance(meta_in, dict):
        return None, "bad_request"
    metadata = {
        "language": meta_in.get("language") if meta_in.get("language") in SUPPORTED else None,
        "surface": meta_in.get("surface") if meta_in.get("surface") in surfaces else surfaces[0],
        "condition": meta_in.get("condition") if meta_in.get("condition") in CONDITIONS else None,
    }
    if grammar is not None:
        message = grammar.as_message(message)
    return {
        "sender": sender,
        "message": message,
        "metadata": {k: v for k, v in metadata.items() if v},
    }, None


async def as_response(
    handler: Callable[[web.Request], Awaitable[web.StreamResponse]], request: web.Request
) -> web.StreamResponse:
    """The handler's response; a raised HTTP error or redirect becomes a normal response."""
    try:
        return await handler(request)
    except web.HTTPException as exc:
        return web.Response(
            status=exc.status, reason=exc.reason, text=exc.text, headers=exc.headers
        )
