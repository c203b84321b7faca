"""Asking the running assistant questions, and scoring the held-out question set.

Questions go to Rasa's REST webhook with no metadata, in a fresh conversation each, exactly
as a parent's first message would.
"""

from __future__ import annotations

import statistics
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import requests
import yaml

from bot.config.paths import ROOT
from bot.config.settings import Settings
from bot.stores.conversations import forget, latest_parse
from bot.stores.database import Location
from bot.web.rest_format import merge_custom, nlu_summary

HELDOUT = ROOT / "tests" / "heldout" / "questions.yml"
HELDOUT_BLIND = ROOT / "tests" / "heldout" / "questions_blind.yml"
TARGET_RIGHT = 0.95
TARGET_DEFLECTED = 0.90
# Replies that decline to answer and point to a person: the honest fallback, and the kind
# refusal for questions that ask for personal advice.
DEFLECTIONS = {"fallback", "personal_advice"}


def rest_url(settings: Settings) -> str:
    """Rasa's REST webhook on loopback (the first replica's)."""
    return f"http://127.0.0.1:{settings.rasa_port}/webhooks/rest/webhook"


def ask(
    question: str,
    metadata: Optional[dict[str, str]] = None,
    *,
    url: str,
    sender: Optional[str] = None,
    session: Optional[requests.Session] = None,
) -> list[dict[str, Any]]:
    """Send one message (with optional page metadata); return the bot's messages."""
    body: dict[str, Any] = {"sender": sender or uuid.uuid4().hex, "message": question}
    if metadata:
        body["metadata"] = metadata
    resp = (session or requests).post(url, json=body, timeout=60)
    resp.raise_for_status()
    return merge_custom(resp.json())


def preview_with_nlu(
    question: str,
    language: Optional[str] = None,
    condition: Optional[str] = None,
    *,
    url: str,
    db: Location,
) -> tuple[list[dict[str, Any]], Optional[dict[str, Any]]]:
    """Exactly what a parent gets for `question` in a new conversation, and what the
    classifier made of it (see nlu_summary). The conversation is deleted afterwards, so
    previews leave nothing behind. `db`: the tracker store (the config's tracker_store)."""
    sender = uuid.uuid4().hex
    metadata = {k: v for k, v in (("language", language), ("condition", condition)) if v}
    try:
        messages = ask(question, metadata or None, url=url, sender=sender)
        return messages, nlu_summary(latest_parse(sender, db))
    finally:
        forget(sender, db)


def preview(
    question: str,
    language: Optional[str] = None,
    condition: Optional[str] = None,
    *,
    url: str,
    db: Location,
) -> list[dict[str, Any]]:
    """Exactly what a parent gets for `question` in a new conversation (nothing is kept)."""
    return preview_with_nlu(question, language, condition, url=url, db=db)[0]


@dataclass
class Result:
    """One held-out question and what the assistant did with it."""

    lang: str
    text: str
    expect: str
    topic: Optional[str]
    kind: Optional[str]
    reply_language: Optional[str]
    seconds: float
    # False for a question whose language cannot be told at all ("pgt??"), labelled so in the
    # question file (`language_undecidable: true`); such a reply is not judged for language.
    language_told: bool = True

    @property
    def right(self) -> bool:
        if self.expect == "out_of_scope":
            return self.topic in DEFLECTIONS
        return self.topic == self.expect


@dataclass
class Report:
    """Scores per language, out-of-scope deflection and latency."""

    results: list[Result] = field(default_factory=list)

    def _in_scope(self, lang: str) -> list[Result]:
        return [r for r in self.results if r.lang == lang and r.expect != "out_of_scope"]

    def share_right(self, lang: str) -> float:
        rs = self._in_scope(lang)
        return sum(r.right for r in rs) / len(rs)

    @property
    def out_of_scope(self) -> list[Result]:
        return [r for r in self.results if r.expect == "out_of_scope"]

    def share_deflected(self) -> float:
        return sum(r.right for r in self.out_of_scope) / len(self.out_of_scope)

    def medical_on_out_of_scope(self) -> list[Result]:
        return [r for r in self.out_of_scope if r.kind == "medical"]

    def wrong_language(self) -> list[Result]:
        """Replies whose language (the answer's own `custom.language`) is not the question's
        labelled language. Judged from the labels, never by the detector under test; only
        questions labelled `language_undecidable` ("pgt??" in a new conversation gets the
        default, Dutch) are not judged. A reply that does not say its language is wrong."""
        return [r for r in self.results if r.language_told and r.reply_language != r.lang]

    def meets_targets(self) -> bool:
        return (
            all(self.share_right(lang) >= TARGET_RIGHT for lang in ("nl", "en"))
            and self.share_deflected() >= TARGET_DEFLECTED
            and not self.medical_on_out_of_scope()
        )

    def summary(self) -> str:
        lines = []
        for lang in ("nl", "en"):
            rs = self._in_scope(lang)
            lines.append(
                f"{lang}: {sum(r.right for r in rs)}/{len(rs)} right topic "
                f"({self.share_right(lang):.1%}, target {TARGET_RIGHT:.0%})"
            )
        oos = self.out_of_scope
        lines.append(
            f"out of scope: {sum(r.right for r in oos)}/{len(oos)} deflected "
            f"({self.share_deflected():.1%}, target {TARGET_DEFLECTED:.0%}); "
            f"answered with medical content: {len(self.medical_on_out_of_scope())}"
        )
        lines.append(f"replies in the wrong language: {len(self.wrong_language())}")
        times = sorted(r.seconds for r in self.results)
        p99 = times[min(len(times) - 1, int(round(0.99 * (len(times) - 1))))]
        lines.append(
            f"latency over REST, one client: p50 {statistics.median(times) * 1000:.0f} ms, "
            f"p99 {p99 * 1000:.0f} ms (n={len(times)})"
        )
        for r in self.results:
            if not r.right:
                lines.append(f"  miss [{r.lang}] {r.text!r}: expected {r.expect}, got {r.topic}")
        for r in self.wrong_language():
            lines.append(f"  language [{r.lang}] {r.text!r}: answered in {r.reply_language}")
        return "\n".join(lines)


def heldout_report(url: str, path: Path = HELDOUT) -> Report:
    """Send every held-out question (fresh conversation, no metadata) and score the replies."""
    report = Report()
    session = requests.Session()
    for q in yaml.safe_load(path.read_text(encoding="utf-8")):
        start = time.perf_counter()
        messages = ask(q["text"], url=url, session=session)
        seconds = time.perf_counter() - start
        custom: dict[str, Any] = next((m["custom"] for m in messages if "custom" in m), {})
        report.results.append(
            Result(
                q["lang"],
                q["text"],
                q["expect"],
                custom.get("topic"),
                custom.get("kind"),
                custom.get("language"),
                seconds,
                not q.get("language_undecidable", False),
            )
        )
    return report
