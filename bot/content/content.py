"""Loads the vetted content (content/*.yml) into typed objects and picks answers.

Dutch is the source language: the texts here are Dutch. English comes from the catalogs
(see catalog.py). This module knows nothing about languages or rendering.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import yaml

from bot.config.paths import CONTENT_DIR

CONDITIONS = ("smard", "sma")
# The attributes every option for carrier couples has; also the comparison's columns.
PART_NAMES = ("what", "when", "involves", "tells", "risks", "where")
LAYERS = ("short", "more")
# Approvals recorded with the example content by the team that wrote it: not a counsellor's
# sign-off. The console and the review document say so until a named counsellor approves.
EXAMPLE_REVIEWERS = frozenset({"Projectteam"})
EXERCISE = "values_exercise"  # the flows.yml key of the values exercise (not a walk)


def normalize_text(text: str) -> str:
    """Join hard-wrapped lines into paragraphs; keep blank lines and list items ("- ").

    Authors wrap YAML text freely; what is served (and what the catalogs key on) is the
    normalised form, so re-wrapping a paragraph never makes a translation stale.
    """
    paragraphs = []
    for block in text.strip().split("\n\n"):
        lines: list[str] = []
        for raw in block.splitlines():
            line = raw.strip()
            if not line:
                continue
            if lines and not line.startswith("- ") and not lines[-1].startswith("- "):
                lines[-1] += " " + line
            elif lines and lines[-1].startswith("- ") and not line.startswith("- "):
                lines[-1] += " " + line  # a wrapped list item
            else:
                lines.append(line)
        paragraphs.append("\n".join(lines))
    return "\n\n".join(p for p in paragraphs if p)


@dataclass(frozen=True)
class SourceRef:
    """A cited section of a source document, with the sentences an answer rests on.

    `quotes` are sentences (or parts of one) copied from that section; `parts` (`for:` in the
    content files) names the texts that rest on them (`short`, `more`, `part.risks`, …; empty:
    every text of the answer). The content check proves each quote is in the section and each
    number and gene in those texts is in the quotes (bot/content/provenance.py).
    """

    doc: str
    section: str
    quotes: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Review:
    """Review state of a Dutch text: only `approved` answers are served to parents.

    States: draft (never reviewed), returned (sent back by a counsellor, with a comment),
    approved. `by` and `date` say who last set the state, and when.
    """

    state: str
    by: Optional[str]
    date: Optional[dt.date]
    comment: Optional[str] = None

    @property
    def approved(self) -> bool:
        return self.state == "approved"

    @property
    def example(self) -> bool:
        """Approved by the project team with the example content, not by a named counsellor."""
        return self.approved and (self.by or "") in EXAMPLE_REVIEWERS


@dataclass(frozen=True)
class Answer:
    """One answer: Dutch texts per field plus everything needed to serve and audit it."""

    id: str
    kind: str  # medical | conversation | safety
    intents: tuple[str, ...]
    condition: str  # smard | sma | any
    label: str
    review: Review
    sources: tuple[SourceRef, ...] = ()
    short: Optional[str] = None
    more: Optional[str] = None
    parts: Optional[dict[str, Optional[str]]] = None
    values: dict[str, dict[str, Any]] = field(default_factory=dict)
    next: tuple[str, ...] = ()
    picture: Optional[dict[str, Any]] = None  # {kind: icon_array, value: <name>} | {kind: inheritance}
    language_button: bool = False
    # The values exercise (kind: exercise): answer choices, what each choice says about the
    # parents ("said"), and which options it speaks for / against / raises to discuss.
    choices: dict[str, str] = field(default_factory=dict)
    said: dict[str, str] = field(default_factory=dict)
    relations: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    comparison: Optional[str] = None  # a flow whose options this answer shows side by side
    exercise_start: bool = False  # offers the button that starts the values exercise
    file: str = ""

    def texts(self) -> dict[str, str]:
        """Every translatable Dutch text of this answer, keyed by field name."""
        out = {"label": self.label}
        if self.short:
            out["short"] = self.short
        if self.more:
            out["more"] = self.more
        for name, text in (self.parts or {}).items():
            if text:
                out[f"part.{name}"] = text
        for key, text in self.choices.items():
            out[f"choice.{key}"] = text
        for key, text in self.said.items():
            out[f"said.{key}"] = text
        return out


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

    def __init__(self, answers: list[Answer], ui: dict[str, str], flows: dict[str, list[str]],
                 sources: dict[str, SourceDoc],
                 question_kinds: Optional[dict[str, list[str]]] = None) -> None:
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
            return Selection(own[0], condition=condition,
                             other_condition=None if own[0].review.approved else offer)
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
            if name != EXERCISE and answer_id in steps:
                return steps
        return None

    @property
    def exercise(self) -> list[Answer]:
        """The questions of the values exercise, in order."""
        return [self.answers[i] for i in self.flows.get(EXERCISE, [])]

    def button_payload(self, answer: Answer) -> str:
        """The payload a button uses to ask for this answer: its intent, plus its condition."""
        if not answer.intents:
            raise ValueError(f"answer {answer.id} has no intent, so no button can reach it")
        intent = answer.intents[0]
        if answer.condition in CONDITIONS and len(self._by_intent[intent]) > 1:
            return f'/{intent}{{"condition":"{answer.condition}"}}'
        return f"/{intent}"


def _date(value: Any) -> Optional[dt.date]:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def part_key(name: str) -> str:
    """A text's name as `texts()` keys it: `parts.risks` (as authors may write it) -> `part.risks`."""
    return "part." + name[len("parts."):] if name.startswith("parts.") else name


def _source_ref(raw: dict[str, Any]) -> SourceRef:
    return SourceRef(raw["doc"], raw["section"],
                     tuple(normalize_text(q) for q in raw.get("quotes") or ()),
                     tuple(part_key(p) for p in raw.get("for") or ()))


# An answer's keys in content/answers/*.yml, declared once: True for the keys that hold what a
# parent reads (a draft in the published bundle keeps none of them, bot/content/build.py). The
# loader refuses any other key, so a misspelt one (`nxt:`) cannot be silently ignored.
ANSWER_KEYS: dict[str, bool] = {
    "id": False, "kind": False, "intents": False, "condition": False, "label": False,
    "review": False, "sources": False, "next": False, "language_button": False,
    "short": True, "more": True, "parts": True, "values": True, "picture": True,
    "choices": True, "said": True, "relations": True, "comparison": True, "exercise_start": True,
}
TEXT_FIELDS = tuple(key for key, served in ANSWER_KEYS.items() if served)


class ContentError(ValueError):
    """A content file that does not follow the schema; the message names file and line."""


def unknown_keys(path: Path) -> list[str]:
    """`file:line: …` for every key of an answer in `path` that ANSWER_KEYS does not declare
    (line numbers from YAML's node tree, which safe_load drops)."""
    root = yaml.compose(path.read_text(encoding="utf-8"))
    problems = []
    for node in getattr(root, "value", None) or []:
        if not isinstance(node, yaml.MappingNode):
            continue
        for key, _ in node.value:
            if key.value not in ANSWER_KEYS:
                problems.append(f"{path.name}:{key.start_mark.line + 1}: unknown key "
                                f"{key.value!r} in an answer (known: {', '.join(ANSWER_KEYS)})")
    return problems


def _answer(raw: dict[str, Any], file: str) -> Answer:
    review = raw.get("review") or {}
    parts = raw.get("parts")
    return Answer(
        id=raw["id"],
        kind=raw.get("kind", "medical"),
        intents=tuple(raw.get("intents") or ()),
        condition=raw.get("condition", "any"),
        label=normalize_text(raw["label"]),
        review=Review(review.get("state", "draft"), review.get("by"), _date(review.get("date")),
                      review.get("comment")),
        sources=tuple(_source_ref(s) for s in raw.get("sources") or ()),
        short=normalize_text(raw["short"]) if raw.get("short") else None,
        more=normalize_text(raw["more"]) if raw.get("more") else None,
        parts={k: (normalize_text(v) if v else None) for k, v in parts.items()} if parts else None,
        values=raw.get("values") or {},
        next=tuple(raw.get("next") or ()),
        picture=raw.get("picture"),
        language_button=bool(raw.get("language_button")),
        choices={k: normalize_text(v) for k, v in (raw.get("choices") or {}).items()},
        said={k: normalize_text(v) for k, v in (raw.get("said") or {}).items()},
        relations={k: {rel: list(ids) for rel, ids in (v or {}).items()}
                   for k, v in (raw.get("relations") or {}).items()},
        comparison=raw.get("comparison"),
        exercise_start=bool(raw.get("exercise_start")),
        file=file,
    )


def content_from_raw(answers: list[dict[str, Any]], ui: dict[str, str],
                     flows: dict[str, list[str]], sources: dict[str, Any],
                     question_kinds: Optional[dict[str, list[str]]] = None) -> Content:
    """Build Content from parsed YAML (or a published bundle); each answer dict may carry
    its file name under `_file`."""
    return Content(
        [_answer(raw, raw.get("_file", "")) for raw in answers],
        {k: normalize_text(v) for k, v in ui.items()},
        flows,
        {key: SourceDoc(key, d["file"], d["title"], {s["name"]: s["starts"] for s in d["sections"]},
                        d.get("date"), d.get("condition"))
         for key, d in sources.items()},
        question_kinds)


def _read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def load_content(directory: Path = CONTENT_DIR) -> Content:
    """Read and index all content files from `directory`."""
    answers: list[dict[str, Any]] = []
    for path in sorted((directory / "answers").glob("*.yml")):
        problems = unknown_keys(path)
        if problems:
            raise ContentError("\n".join(problems))
        answers += [{**raw, "_file": path.name} for raw in _read(path) or []]
    return content_from_raw(answers, _read(directory / "ui.yml"), _read(directory / "flows.yml"),
                            _read(directory / "sources.yml"),
                            _read(directory / "question_kinds.yml"))


@lru_cache(maxsize=1)
def get_content() -> Content:
    """The project's content, loaded once per process."""
    return load_content()
