"""What every response of the web server gets, the console's included: an unexpected failure
becomes a short 500 in the user's language (no stack trace, no silence), and the security
headers are set on every response (a response-prepare signal on the main application, which
aiohttp also runs for its sub-applications' responses)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiohttp import web

from bot.web.console.console import PREFIX as CONSOLE_PREFIX
from bot.web.request_rules import SETTINGS, as_response, error

log = logging.getLogger("bot.web.safeguards")


@web.middleware
async def errors_as_responses(request: web.Request, handler: Any) -> web.StreamResponse:
    """A raised HTTP error becomes an ordinary response, and anything unexpected a short 500
    in the user's language: no stack trace (it could hold message text) and no silence."""
    try:
        return await as_response(handler, request)
    except asyncio.CancelledError:
        raise
    except Exception as exc:  # noqa: BLE001 - the last line of defence for a parent's request
        log.error("%s %s failed: %s", request.method, request.path, type(exc).__name__)
        return error(request, "unavailable", request.headers.get("X-Chat-Language", "nl"), 500)


async def security_headers(request: web.Request, response: web.StreamResponse) -> None:
    """Same-origin only: no third-party scripts, fonts, frames or referrers. A response-prepare
    signal, so every response gets them: errors, redirects and aiohttp's own included."""
    console = request.path == CONSOLE_PREFIX or request.path.startswith(CONSOLE_PREFIX + "/")
    # The console is never framed; the parents' pages only by the clinic's listed origins.
    ancestors = (
        "'none'" if console else " ".join(("'self'", *request.config_dict[SETTINGS].embed_origins))
    )
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; "
        "script-src 'self'; "
        f"connect-src 'self'; frame-ancestors {ancestors}; base-uri 'none'; form-action 'self'"
    )
    if console:
        response.headers["X-Frame-Options"] = "DENY"
    if request.path == "/static/embed.js":
        # The one file a clinic's own pages load from us.
        response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault("Cache-Control", "no-store")
    response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    # Only meaningful over https (the clinic's proxy); browsers ignore it on plain http.
    response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    # aiohttp would announce its exact version (with known advisories); say nothing useful.
    response.headers["Server"] = "assistant"
