"""The one route into Rasa, shared by the parents' chat (bot/web/web.py) and the console's
"try a question" (bot/web/console/try_routes.py): read and check a chat request, pass it to
Rasa's REST channel, and turn every failure into an error in the user's language.

Both routes run inside the main application (the console as its sub-application), so the
settings, HTTP client and payload grammar are looked up along the application chain.
"""

from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass, field
from typing import Any, Iterator

import aiohttp
from aiohttp import web

from bot.web.request_rules import (
    GRAMMAR,
    HTTP_CLIENT,
    MAX_BODY_BYTES,
    PARENT_SURFACES,
    error,
    loads,
    parse_chat,
)
from bot.web.rest_format import merge_custom

log = logging.getLogger("bot.web.rasa_proxy")


async def read_chat(
    request: web.Request, lang: str, surfaces: tuple[str, ...] = PARENT_SURFACES
) -> dict[str, Any] | web.Response:
    """The clean chat request, or the error response for a body that is too long, not JSON or
    not a chat request; `surfaces` are the surfaces this route may claim."""
    if request.content_length and request.content_length > MAX_BODY_BYTES:
        return error(request, "too_long", lang, 413)
    try:
        body = loads(await request.text())
    except (ValueError, UnicodeDecodeError):
        return error(request, "bad_request", lang, 400)
    clean, problem = parse_chat(body, surfaces=surfaces, grammar=request.config_dict[GRAMMAR])
    if problem or clean is None:
        return error(request, problem or "bad_request", lang, 413 if problem == "too_long" else 400)
    return clean


@dataclass
class Replicas:
    """Rasa's REST webhooks, taken in turn; any replica can serve any conversation, because
    they share the tracker store (and, when more than one, Redis's lock store)."""

    ports: tuple[int, ...]
    _turn: Iterator[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._turn = itertools.cycle(range(len(self.ports)))

    def order(self) -> list[str]:
        """The webhooks to try for one message: the next in turn first, then the others."""
        start = next(self._turn)
        ports = self.ports[start:] + self.ports[:start]
        return [f"http://127.0.0.1:{p}/webhooks/rest/webhook" for p in ports]


REPLICAS = web.AppKey("rasa_replicas", Replicas)


async def ask_rasa(
    request: web.Request, clean: dict[str, Any], lang: str
) -> list[dict[str, Any]] | web.Response:
    """Rasa's messages (one object each), or an 'unavailable' error response when Rasa fails,
    cannot be reached or gives no reply. A replica that cannot be reached (stopped,
    restarting) has not taken the message: the next one is asked."""
    for url in request.config_dict[REPLICAS].order():
        try:
            async with request.config_dict[HTTP_CLIENT].post(url, json=clean) as resp:
                if resp.status != 200:
                    log.warning("Rasa answered %s", resp.status)
                    return error(request, "unavailable", lang, 502)
                messages = await resp.json()
        except aiohttp.ClientConnectionError as exc:
            log.warning("Rasa replica unreachable: %s", type(exc).__name__)
            continue
        except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
            log.warning("Rasa failed: %s", type(exc).__name__)
            return error(request, "unavailable", lang, 503)
        if not isinstance(messages, list) or not messages:
            # Every message gets a reply; none means an action failed (Rasa answers 200 []
            # when the action server is down). Never leave a parent, or a counsellor, with
            # silence.
            log.warning("Rasa gave no reply")
            return error(request, "unavailable", lang, 502)
        return merge_custom(messages)
    return error(request, "unavailable", lang, 503)
