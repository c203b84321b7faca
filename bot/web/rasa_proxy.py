"""The one way our web tier asks Rasa: a chat request to a Rasa replica's REST channel, the
next replica when one cannot be reached, and an empty or failed reply as an error (never
silence). Used by the parents' chat route and the console's try-a-question alike."""
from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass, field
from typing import Any, Iterator, Union

import aiohttp
from aiohttp import web

from bot.web.rest_format import merge_custom

log = logging.getLogger(__name__)


@dataclass
class Replicas:
    """Rasa's REST webhooks, taken in turn; any replica can serve any conversation, because
    they share the tracker store (and, when more than one, the lock store)."""

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


async def ask_rasa(session: aiohttp.ClientSession, replicas: Replicas,
                   request: dict[str, Any]) -> Union[list[dict[str, Any]], int]:
    """Rasa's reply to a clean chat request (messages with their custom payloads folded in),
    or the HTTP status for the error to show: 503 when no replica can be reached, 502 when
    one answered with an error or with nothing."""
    for url in replicas.order():
        try:
            async with session.post(url, json=request) as resp:
                if resp.status != 200:
                    log.warning("Rasa answered %s", resp.status)
                    return 502
                messages = await resp.json()
        except aiohttp.ClientConnectionError as exc:
            # Not reached (stopped, restarting): the message was not taken, try the next one.
            log.warning("Rasa replica unreachable: %s", type(exc).__name__)
            continue
        except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
            log.warning("Rasa failed: %s", type(exc).__name__)
            return 503
        if not isinstance(messages, list) or not messages:
            # Every message gets a reply; none means an action failed (Rasa answers 200 []
            # when its action server is down).
            log.warning("Rasa gave no reply")
            return 502
        return merge_custom(messages)
    return 503
