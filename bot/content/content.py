"""Loads the vetted content (content/*.yml) into typed objects and picks answers (an
answer's shape is bot/content/schema.py).

Dutch is the source language: the texts here are Dutch. English comes from the catalogs
(see catalog.py). This module knows nothing about languages or rendering.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from bot.config.paths import CONTENT_DIR
from bot.content.schema import Answer, ContentError, answer_from_raw, normalize_text, unknown_keys
from bot.content.yaml_files import load_yaml

CONDITIONS = ("smard", "sma")
# The attributes every option for carrier couples has; also the comparison's columns.
PART_NAMES = ("what", "when", "involves", "tells", "risks", "where")
LAYERS = ("short", "more")
EXERCISE = "values_exercise"  # the flows.yml key of the values exercise (not a walk)
KNOWLEDGE_CHECKS = ("knowledge_smard", "knowledge_sma")  # flows.yml keys of the knowledge checks


@dataclass(frozen=True)
class SourceDoc:
    """A vetted source document and its sections."""

    key: str
    file: str
    title: str
    sections: dict[str, str]  # section name -> first words of the section in the file
    date: Optional[dict[str, Any]] = None  # a content value (date_range), or None: not stated
    condition: Optional[str] = None  # the condition it is about (smard | sma), if one


@dataclass(frozen=True)
class Selection:
    """What to serve for an intent: an answer, a question about the condition, or, when the
    sources have this only for the other condition, that answer to offer (never to serve as if
    it were about the conversation's condition)."""

    answer: Optional[Answer]
    needs_condition: bool = False
    condition: Optional[str] = None  # the condition the answer implies, if any
    other_condition: Optional[Answer] = None  # approved, but about the other condition


class Content:
    """All content, indexed for lookup."""

    def __init__(
        self,
        answers: list[Answer],
        ui: dict[str, str],
        flows: dict[str, list[str]],
        sources: dict[str, SourceDoc],
        question_kinds: Optional[dict[str, list[str]]] = None,
    ) -> None:
        self.answers = {a.id: a for a in answers}
        # kind of question -> the answers that answer it (content/question_kinds.yml)
        self.question_kinds = {k: tuple(v or ()) for k, v in (question_kinds or {}).items()}
        if len(self.answers) != len(answers):
            raise ValueError("duplicate answer ids in content/answers")
        self.ui = ui
        self.flows = flows
        self.sources = sources
        self._by_intent: dict[str, list[Answer]] = {}
        for a in answers:
            for intent in a.intents:
                self._by_intent.setdefault(intent, []).append(a)

    @property
    def intents(self) -> set[str]:
        """Intents that some answer serves."""
        return set(self._by_intent)

    def select(self, intent: str, condition: Optional[str]) -> Selection:
        """Pick the answer for an intent given the conversation's condition (may be None).

        An answer for the conversation's own condition comes first, then one for any
        condition. The conversation's condition never changes to one the parent did not name:
        when the sources answer this only for the other condition (or this condition's text is
        still a draft), that answer is offered as `other_condition`, not served."""
        candidates = self._by_intent.get(intent, [])
        if not candidates:
            return Selection(None)
        own = [a for a in candidates if condition and a.condition == condition]
        general = [a for a in candidates if a.condition == "any"]
        others = [a for a in candidates if a.condition in CONDITIONS and a.condition != condition]
        offer = next((a for a in others + general if a.review.approved), None)
        if own:
            return Selection(
                own[0],
                condition=condition,
                other_condition=None if own[0].review.approved else offer,
            )
        if general:
            return Selection(general[0], condition=condition)
        if condition:
            return Selection(None, condition=condition, other_condition=offer)
        if len(candidates) == 1:
            # Only one condition has this topic (e.g. SMN2): the question itself tells us.
            return Selection(candidates[0], condition=candidates[0].condition)
        return Selection(None, needs_condition=True)

    def candidates(self, intent: str) -> list[Answer]:
        """Every answer to an intent, for any condition."""
        return list(self._by_intent.get(intent, []))

    def answers_kind(self, answer: Answer, kind: str) -> bool:
        """Whether `answer` answers questions of `kind` (see bot/content/question_kind.py)."""
        return answer.id in self.question_kinds.get(kind, ())

    def is_medical_intent(self, intent: str) -> bool:
        """Whether some answer to this intent is medical content."""
        return any(a.kind == "medical" for a in self._by_intent.get(intent, []))

    def flow_of(self, answer_id: str) -> Optional[list[str]]:
        """The walk (ordered answer ids, with next/back buttons) an answer belongs to, if any."""
        for name, steps in self.flows.items():
            if name != EXERCISE and name not in KNOWLEDGE_CHECKS and answer_id in steps:
                return steps
        return None

    @property
    def exercise(self) -> list[Answer]:
        """The questions of the values exercise, in order."""
        return [self.answers[i] for i in self.flows.get(EXERCISE, [])]

    def knowledge(self, check: str) -> list[Answer]:
        """The statements of a knowledge check (`knowledge_smard`, …), in order; none for a
        name that is not a check."""
        steps = self.flows.get(check, []) if check in KNOWLEDGE_CHECKS else []
        return [self.answers[i] for i in steps]

    def button_payload(self, answer: Answer) -> str:
        """The payload a button uses to ask for this answer: its intent, plus its condition."""
        if not answer.intents:
            raise ValueError(f"answer {answer.id} has no intent, so no button can reach it")
        intent = answer.intents[0]
        if answer.condition in CONDITIONS and len(self._by_intent[intent]) > 1:
            return f'/{intent}{{"condition":"{answer.condition}"}}'
        return f"/{intent}"


def content_from_raw(
    answers: list[dict[str, Any]],
    ui: dict[str, str],
    flows: dict[str, list[str]],
    sources: dict[str, Any],
    question_kinds: Optional[dict[str, list[str]]] = None,
) -> Content:
    """Build Content from parsed YAML (or a published bundle); each answer dict may carry
    its file name under `_file`."""
    return Content(
        [answer_from_raw(raw, raw.get("_file", "")) for raw in answers],
        {k: normalize_text(v) for k, v in ui.items()},
        flows,
        {
            key: SourceDoc(
                key,
                d["file"],
                d["title"],
                {s["name"]: s["starts"] for s in d["sections"]},
                d.get("date"),
                d.get("condition"),
            )
            for key, d in sources.items()
        },
        question_kinds,
    )


def _read(path: Path) -> Any:
    return load_yaml(path)


def load_content(directory: Path = CONTENT_DIR) -> Content:
    """Read and index all content files from `directory`."""
    answers: list[dict[str, Any]] = []
    for path in sorted((directory / "answers").glob("*.yml")):
        problems = unknown_keys(path)
        if problems:
            raise ContentError("\n".join(problems))
        answers += [{**raw, "_file": path.name} for raw in _read(path) or []]
    return content_from_raw(
        answers,
        _read(directory / "ui.yml"),
        _read(directory / "flows.yml"),
        _read(directory / "sources.yml"),
        _read(directory / "question_kinds.yml"),
    )


@lru_cache(maxsize=1)
def get_content() -> Content:
    """The project's content, loaded once per process."""
    return load_content()
