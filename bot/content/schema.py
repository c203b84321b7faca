"""An answer's shape, declared once: its keys in content/answers/*.yml (ANSWER_KEYS), how each
is read, which hold what a parent reads, and which are translatable texts. The loader
(bot/content/content.py), the publish step (bot/content/build.py), `Answer.texts()` and the
checks all take it from here, so a new key is added in one place; a key not declared here is
an error with file and line, never silently dropped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

import yaml

from bot.content.yaml_files import compose_yaml

# Approvals recorded with the example content by the team that wrote it: not a counsellor's
# sign-off. The console and the review document say so until a named counsellor approves.
EXAMPLE_REVIEWERS = frozenset({"Projectteam"})


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
    """One answer: Dutch texts per field plus everything needed to serve and audit it.
    Every field but `file` is a key of ANSWER_KEYS, read as declared there."""

    id: str
    kind: str  # medical | conversation | safety | exercise | knowledge
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
    picture: Optional[dict[str, Any]] = (
        None  # {kind: icon_array, value: <name>} | {kind: inheritance}
    )
    language_button: bool = False
    # The values exercise (kind: exercise): answer choices, what each choice says about the
    # parents ("said"), and which options it speaks for / against / raises to discuss.
    choices: dict[str, str] = field(default_factory=dict)
    said: dict[str, str] = field(default_factory=dict)
    relations: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    comparison: Optional[str] = None  # a flow whose options this answer shows side by side
    exercise_start: bool = False  # offers the button that starts the values exercise
    # The letter for relatives: its body, as texts of other answers (`answer_id` for its short
    # text, `answer_id.field` for another), each left out unless approved (bot/decision_aid/letter.py).
    letter: tuple[str, ...] = ()
    # A statement of a knowledge check (kind: knowledge): whether it is true, the answer and
    # text (`{answer: id, text: part.risks}`) that decides it, and the phrase of that text that
    # does (`quote`, translated like any text). An answer with `knowledge_check` offers the
    # button that starts that check (a flows.yml key).
    correct: Optional[bool] = None
    cites: dict[str, str] = field(default_factory=dict)
    quote: Optional[str] = None
    knowledge_check: Optional[str] = None
    file: str = ""

    def texts(self) -> dict[str, str]:
        """Every translatable Dutch text of this answer, keyed by field name (`label`,
        `short`, `part.risks`, `choice.<key>`, …), in the order ANSWER_KEYS declares them."""
        out: dict[str, str] = {}
        for key, spec in ANSWER_KEYS.items():
            value = getattr(self, key)
            if spec.texts is None or not value:
                continue
            if isinstance(value, str):
                out[key] = value
            else:
                out.update({f"{spec.texts}{name}": text for name, text in value.items() if text})
        return out


# -- reading a key ----------------------------------------------------------------------------
def part_key(name: str) -> str:
    """A text's name as `texts()` keys it: `parts.risks` (as authors may write it) -> `part.risks`."""
    return "part." + name[len("parts.") :] if name.startswith("parts.") else name


def _as_is(value: Any) -> Any:
    return value


def _or(default: Any) -> Callable[[Any], Any]:
    return lambda value: default if value is None else value


def _tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value or ())


def _text(value: Any) -> Optional[str]:
    return normalize_text(value) if value else None


def _texts(value: Any) -> dict[str, str]:
    return {k: normalize_text(v) for k, v in (value or {}).items()}


def _parts(value: Any) -> Optional[dict[str, Optional[str]]]:
    return {k: _text(v) for k, v in value.items()} if value else None


def _date(value: Any) -> Optional[dt.date]:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _review(value: Any) -> Review:
    review = value or {}
    return Review(
        review.get("state", "draft"),
        review.get("by"),
        _date(review.get("date")),
        review.get("comment"),
    )


def _sources(value: Any) -> tuple[SourceRef, ...]:
    return tuple(
        SourceRef(
            raw["doc"],
            raw["section"],
            tuple(normalize_text(q) for q in raw.get("quotes") or ()),
            tuple(part_key(p) for p in raw.get("for") or ()),
        )
        for raw in value or ()
    )


def _relations(value: Any) -> dict[str, dict[str, list[str]]]:
    return {k: {rel: list(ids) for rel, ids in (v or {}).items()} for k, v in (value or {}).items()}


@dataclass(frozen=True)
class AnswerKey:
    """One key of an answer: how its YAML value (None when absent) becomes the Answer's field;
    whether it holds what a parent reads (a draft in the published bundle keeps none of those,
    bot/content/build.py); and, for translatable text, the prefix of its texts' names ("": the
    value is one text named as the key; "part.": a mapping of texts, `part.<name>`)."""

    read: Callable[[Any], Any]
    served: bool = False
    texts: Optional[str] = None
    required: bool = False


ANSWER_KEYS: dict[str, AnswerKey] = {
    "id": AnswerKey(_as_is, required=True),
    "kind": AnswerKey(_or("medical")),
    "intents": AnswerKey(_tuple),
    "condition": AnswerKey(_or("any")),
    "label": AnswerKey(normalize_text, texts="", required=True),
    "review": AnswerKey(_review),
    "sources": AnswerKey(_sources),
    "next": AnswerKey(_tuple),
    "language_button": AnswerKey(bool),
    "short": AnswerKey(_text, served=True, texts=""),
    "more": AnswerKey(_text, served=True, texts=""),
    "parts": AnswerKey(_parts, served=True, texts="part."),
    "values": AnswerKey(_or({}), served=True),
    "picture": AnswerKey(_as_is, served=True),
    "choices": AnswerKey(_texts, served=True, texts="choice."),
    "said": AnswerKey(_texts, served=True, texts="said."),
    "relations": AnswerKey(_relations, served=True),
    "comparison": AnswerKey(_as_is, served=True),
    "exercise_start": AnswerKey(bool, served=True),
    "letter": AnswerKey(_tuple, served=True),
    "correct": AnswerKey(_as_is, served=True),
    "cites": AnswerKey(_or({}), served=True),
    "quote": AnswerKey(_text, served=True, texts=""),
    "knowledge_check": AnswerKey(_as_is, served=True),
}
TEXT_FIELDS = tuple(key for key, spec in ANSWER_KEYS.items() if spec.served)


def answer_from_raw(raw: dict[str, Any], file: str) -> Answer:
    """An answer from its parsed YAML (a required key missing is a KeyError)."""
    return Answer(
        **{
            key: spec.read(raw[key] if spec.required else raw.get(key))
            for key, spec in ANSWER_KEYS.items()
        },
        file=file,
    )


# -- checking a file --------------------------------------------------------------------------
class ContentError(ValueError):
    """A content file that does not follow the schema; the message names file and line."""


def unknown_keys(path: Path) -> list[str]:
    """`file:line: …` for every key of an answer in `path` that ANSWER_KEYS does not declare
    (line numbers from YAML's node tree, which safe_load drops)."""
    root = compose_yaml(path)
    problems = []
    for node in getattr(root, "value", None) or []:
        if not isinstance(node, yaml.MappingNode):
            continue
        for key, _ in node.value:
            if key.value not in ANSWER_KEYS:
                problems.append(
                    f"{path.name}:{key.start_mark.line + 1}: unknown key "
                    f"{key.value!r} in an answer (known: {', '.join(ANSWER_KEYS)})"
                )
    return problems
