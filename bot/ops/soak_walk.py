"""The soak script's conversations: scripted walks a parent could take through our web tier's
`/api/chat`, and the tally of what came back (bot/ops/soak.py runs many of them at once).

A walk: the page opens in Dutch or English and the parent greets; sometimes switches the
page's language; picks a condition (a button); asks typed questions (the held-out questions,
never trained on); follows a button of a reply; starts the values exercise and answers by
buttons; then "start over" (`/api/forget`: the conversation is deleted on the server and the
page takes a new sender id) and asks once more before closing the tab. Before each
conversation is deleted or left, its user events in the tracker store are counted against the
messages that were answered: a difference is a lost turn.
"""

from __future__ import annotations

import asyncio
import random
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from bot.conversation.payloads import BEGIN, exercise_payload

GREETINGS = {"nl": ("hallo", "hoi", "goedemiddag"), "en": ("hello", "hi there", "good afternoon")}
CONDITIONS = ("smard", "sma")


@dataclass
class Tally:
    """What every walk saw, added up: errors by kind, latencies of answered messages, turns
    answered and turns found in the tracker store."""

    errors: dict[str, int] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)
    answered: int = 0
    stored: int = 0
    lost: int = 0
    conversations: int = 0
    walks: int = 0

    def error(self, kind: str) -> None:
        """Count one error of `kind`."""
        self.errors[kind] = self.errors.get(kind, 0) + 1


# Counts the user events stored for a sender id (bot.stores.conversations.user_turns).
Counter = Callable[[str], int]


class Walker:
    """One simulated parent: walks conversations one after the other until `deadline`."""

    def __init__(
        self,
        session: Any,
        base_url: str,
        questions: dict[str, list[str]],
        tally: Tally,
        count: Counter,
        think: float,
        seed: int,
    ) -> None:
        self.session, self.base = session, base_url.rstrip("/")
        self.questions, self.tally, self.count = questions, tally, count
        self.think, self.rng = think, random.Random(seed)
        self.answered = 0  # this walker's answered messages (the tally is shared)

    async def _pause(self) -> None:
        """A parent reads and types: `think` seconds on average, between half and one and a
        half times that."""
        if self.think > 0:
            await asyncio.sleep(self.think * self.rng.uniform(0.5, 1.5))

    async def say(
        self, sender: str, text: str, lang: str, expect_language: Optional[str] = None
    ) -> Optional[list[dict[str, Any]]]:
        """Send one message as the page does; its messages, or None after an error (counted)."""
        await self._pause()
        body = {"sender": sender, "message": text, "metadata": {"language": lang, "surface": "web"}}
        start = time.perf_counter()
        try:
            async with self.session.post(
                f"{self.base}/api/chat", json=body, headers={"X-Chat-Language": lang}
            ) as resp:
                status = resp.status
                reply = await resp.json(content_type=None)
        except asyncio.TimeoutError:
            self.tally.error("timeout")
            return None
        except Exception as exc:  # noqa: BLE001 - every failure is counted by its kind
            self.tally.error(f"client {type(exc).__name__}")
            return None
        elapsed = time.perf_counter() - start
        if status != 200:
            kind = reply.get("error") if isinstance(reply, dict) else None
            self.tally.error(f"HTTP {status}" + (f" {kind}" if isinstance(kind, str) else ""))
            return None
        messages = reply.get("messages") if isinstance(reply, dict) else None
        if not messages:
            self.tally.error("empty reply")
            return None
        self.tally.latencies.append(elapsed)
        self.tally.answered += 1
        self.answered += 1
        if expect_language:
            custom: dict[str, Any] = next((m["custom"] for m in messages if m.get("custom")), {})
            if custom.get("language") != expect_language:
                self.tally.error(f"reply in the wrong language to {text.split('{')[0]}")
        return messages

    def _button(self, messages: Optional[list[dict[str, Any]]]) -> Optional[str]:
        """The payload of one of the reply's buttons, chosen at random; None without buttons."""
        buttons = [
            b["payload"]
            for m in messages or []
            for b in m.get("buttons") or []
            if isinstance(b.get("payload"), str) and b["payload"].startswith("/")
        ]
        return self.rng.choice(buttons) if buttons else None

    async def _check_stored(self, sender: str, answered: int) -> None:
        """Count the sender's user events in the tracker store against `answered`."""
        try:
            stored = await asyncio.to_thread(self.count, sender)
        except Exception as exc:  # noqa: BLE001
            self.tally.error(f"tracker store read {type(exc).__name__}")
            return
        self.tally.stored += stored
        self.tally.lost += max(0, answered - stored)
        self.tally.conversations += 1

    async def _forget(self, sender: str, lang: str) -> None:
        """ "Start over": delete the conversation on the server, as the page does."""
        try:
            async with self.session.post(
                f"{self.base}/api/forget",
                json={"sender": sender},
                headers={"X-Chat-Language": lang},
            ) as resp:
                body = await resp.json(content_type=None)
                if resp.status != 200 or not (isinstance(body, dict) and body.get("deleted")):
                    self.tally.error(f"forget HTTP {resp.status}")
        except Exception as exc:  # noqa: BLE001
            self.tally.error(f"forget {type(exc).__name__}")

    async def walk(self) -> None:
        """One scripted walk (see the module's docstring)."""
        rng = self.rng
        lang = rng.choice(("nl", "en"))
        sender, before = uuid.uuid4().hex, self.answered
        await self.say(sender, rng.choice(GREETINGS[lang]), lang)
        if rng.random() < 0.3:  # the page's language switch
            lang = "en" if lang == "nl" else "nl"
            await self.say(sender, f'/switch_language{{"language":"{lang}"}}', lang, lang)
        condition = rng.choice(CONDITIONS)
        last = await self.say(sender, f'/choose_condition{{"condition":"{condition}"}}', lang, lang)
        for _ in range(rng.randint(2, 3)):
            last = await self.say(sender, rng.choice(self.questions[lang]), lang)
        button = self._button(last)
        if button:
            await self.say(sender, button, lang)
        # (No language check from here: a typed question may have switched the language.)
        last = await self.say(sender, exercise_payload(BEGIN), lang)
        for _ in range(2):
            button = self._button(last)
            if not button:
                break
            last = await self.say(sender, button, lang)
        await self._check_stored(sender, self.answered - before)
        await self._forget(sender, lang)
        # Start over: a new sender id, one more question, then the tab is closed.
        sender, before = uuid.uuid4().hex, self.answered
        last = await self.say(sender, rng.choice(self.questions[lang]), lang)
        button = self._button(last)
        if button:
            await self.say(sender, button, lang)
        await self._check_stored(sender, self.answered - before)
        self.tally.walks += 1

    async def run(self, deadline: float) -> None:
        """Walk until the monotonic `deadline` (a walk under way is finished)."""
        # Parents do not all arrive in the same second.
        await asyncio.sleep(self.rng.uniform(0, max(self.think, 0.1) * 2))
        while time.monotonic() < deadline:
            await self.walk()
