"""Scoring the assistant on real parents' questions (tests/real_questions/).

Each question is sent in a fresh conversation with no metadata, as a parent's first message.
When the assistant asks which condition is meant, the button for the question's condition is
pressed once ("right after one clarifying question"). What counts:

- an answer label: the reply is that answer, served;
- `not_covered`: an honest reply (no checked information, the counsellor; the nearest answer
  only as a button), never a medical text;
- `emergency`: the emergency answer; `feelings`: an empathetic reply; `personal`: the kind
  refusal;
- for every question: a served medical answer other than the expected one is an *unrelated
  fact* (a neighbouring text served as if it answered).
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import requests
import yaml

from bot.config.paths import ROOT
from bot.content.content import Content
from bot.ops.evaluate import ask

DIR = ROOT / "tests" / "real_questions"
LEARN, BLIND = DIR / "learn.yml", DIR / "blind.yml"
SPECIAL = ("not_covered", "emergency", "feelings", "personal")
HONEST_NOTICES = {"not_covered", "other_condition", "not_checked", "unsure"}
FEELINGS_TOPICS = {
    "distress",
    "feelings_guilt",
    "feelings_death",
    "feelings_despair",
    "feelings_anger",
}
TARGET_RIGHT, TARGET_HONEST = 0.95, 0.95


@dataclass(frozen=True)
class Outcome:
    """One question and what the parent got."""

    lang: str
    text: str
    expect: str
    condition: str
    first: dict[str, Any]  # custom payload of the first reply
    final: dict[str, Any]  # after one clarifying question (= first when none was asked)
    clarified: bool
    batch: int = 1  # the collection round (tests/real_questions/SOURCES.md); 1 for the first two

    @property
    def kind(self) -> str:
        return self.expect if self.expect in SPECIAL else "answer"

    def _is(self, custom: dict[str, Any]) -> bool:
        topic, notice = custom.get("topic"), custom.get("notice")
        if self.expect == "not_covered":
            # no checked information and a person, no fact: the honest reply, the fallback,
            # or the kind refusal ("I cannot answer that for you; a counsellor can")
            return notice in HONEST_NOTICES or topic in ("fallback", "personal_advice")
        if self.expect == "emergency":
            return topic == "emergency"
        if self.expect == "feelings":
            return topic in FEELINGS_TOPICS
        if self.expect == "personal":
            return topic == "personal_advice"
        return topic == self.expect and not notice and custom.get("status") == "served"

    @property
    def right_first(self) -> bool:
        return self._is(self.first)

    @property
    def right(self) -> bool:
        """Right at the first reply, or after one clarifying question."""
        return self._is(self.final)

    @property
    def unrelated_fact(self) -> bool:
        """A medical text served that is not the expected answer."""
        return any(
            c.get("kind") == "medical"
            and c.get("status") == "served"
            and not c.get("notice")
            and c.get("topic") != self.expect
            for c in (self.first, self.final)
        )


@dataclass
class RealReport:
    """Figures per language and per kind of label."""

    outcomes: list[Outcome] = field(default_factory=list)

    def share(
        self, lang: Optional[str] = None, kind: Optional[str] = None, first: bool = False
    ) -> tuple[int, int]:
        rows = [
            o
            for o in self.outcomes
            if (lang is None or o.lang == lang) and (kind is None or o.kind == kind)
        ]
        return sum(o.right_first if first else o.right for o in rows), len(rows)

    def only(self, batches: set[int], keep: bool = True) -> "RealReport":
        """The outcomes of the given collection rounds (or, with keep=False, of the others)."""
        return RealReport([o for o in self.outcomes if (o.batch in batches) == keep])

    def unrelated(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.unrelated_fact]

    def meets_targets(self) -> bool:
        per_lang = all(_ratio(*self.share(lang)) >= TARGET_RIGHT for lang in ("nl", "en"))
        emergencies = _ratio(*self.share(kind="emergency")) == 1.0
        honest = _ratio(*self.share(kind="not_covered")) >= TARGET_HONEST
        return per_lang and emergencies and honest and not self.unrelated()

    def summary(self) -> str:
        lines = ["             right first   right (≤1 clarifying question)"]
        for lang in ("nl", "en", None):
            for kind in (None, "answer", *SPECIAL):
                ok, n = self.share(lang, kind)
                if not n:
                    continue
                ok1, _ = self.share(lang, kind, first=True)
                name = f"{lang or 'all'} {kind or 'all'}"
                lines.append(
                    f"{name:<20} {ok1:>3}/{n:<3} {_pct(ok1, n):>7}   {ok:>3}/{n:<3} {_pct(ok, n):>7}"
                )
        lines.append(f"unrelated medical facts served: {len(self.unrelated())}")
        lines.append(
            f"meets the targets (≥95% per language, 100% emergencies, ≥95% honest, "
            f"0 unrelated): {self.meets_targets()}"
        )
        return "\n".join(lines)

    def misses(self) -> str:
        out = []
        for o in self.outcomes:
            if not o.right or o.unrelated_fact:
                got = o.final.get("notice") or o.final.get("topic")
                out.append(
                    f"  [{o.lang}] {o.text!r}: expected {o.expect}, got {got}"
                    + (" (unrelated fact)" if o.unrelated_fact else "")
                )
        return "\n".join(out)


def _ratio(ok: int, n: int) -> float:
    return ok / n if n else 1.0


def _pct(ok: int, n: int) -> str:
    return f"{100 * ok / n:.1f}%" if n else "-"


def _custom(messages: list[dict[str, Any]]) -> dict[str, Any]:
    return next((m["custom"] for m in messages if m.get("custom")), {})


def load(path: Path) -> list[dict[str, Any]]:
    """The questions in one part of the set."""
    return list(yaml.safe_load(path.read_text(encoding="utf-8")) or [])


def score(path: Path, url: str, content: Content) -> RealReport:
    """Ask every question of `path` (fresh conversation, no metadata) and score the replies.

    `content` tells each answer's condition (to pick the clarifying button for a question
    labelled with an answer but no condition) and the button that asks for it."""
    answers_condition = {a.id: a.condition for a in content.answers.values()}
    report = RealReport()
    session = requests.Session()
    for q in load(path):
        sender = uuid.uuid4().hex
        messages = ask(q["text"], url=url, sender=sender, session=session)
        first = _custom(messages)
        final, clarified = first, False
        if first.get("notice") == "unsure" and q["expect"] in first.get("offered", []):
            # "is this what you mean?": the parent presses the topic they meant, if offered
            wanted = content.button_payload(content.answers[q["expect"]])
            button = next(
                (b for m in messages for b in m.get("buttons") or [] if b["payload"] == wanted),
                None,
            )
            if button:
                final = _custom(ask(button["payload"], url=url, sender=sender, session=session))
                clarified = True
        elif first.get("topic") == "ask_condition":
            condition = q.get("condition")
            if condition not in ("smard", "sma"):
                condition = answers_condition.get(q["expect"], "smard")
            button = next(
                (
                    b
                    for m in messages
                    for b in m.get("buttons") or []
                    if f'"condition":"{condition}"' in b["payload"]
                ),
                None,
            )
            if button:
                final = _custom(ask(button["payload"], url=url, sender=sender, session=session))
                clarified = True
        report.outcomes.append(
            Outcome(
                q["lang"],
                q["text"],
                q["expect"],
                q.get("condition", "none"),
                first,
                final,
                clarified,
                int(q.get("batch", 1)),
            )
        )
    return report


def kinds_uncovered(paths: tuple[Path, ...] = (LEARN, BLIND)) -> Counter[str]:
    """What the collected questions ask that the sources leave uncovered, by aspect."""
    return Counter(
        q.get("aspect", "other") for p in paths for q in load(p) if q["expect"] == "not_covered"
    )
