"""Counsellors' review decisions, written where the project keeps its content.

- Approving or sending back a Dutch answer edits its `review:` block in content/answers/*.yml
  (only that line changes: comments and layout stay as they were), so the decision is versioned with
  the text it is about.
- Approving an English translation writes it to the catalog, clears gettext's fuzzy flag and
  records the reviewer in a translator comment.
- Every decision is appended to the audit log (content/review-log.jsonl), one JSON per line.

Nothing here changes what parents get: that happens when the content is published
(bot/content/build.py).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import yaml
from babel.messages.pofile import read_po, write_po

from bot.config.paths import CONTENT_DIR, TRANSLATIONS_DIR
from bot.content.catalog import TARGET_LANGUAGES, po_path, update_catalogs
from bot.content.check_context import placeholders
from bot.content.content import load_content
from bot.content.schema import normalize_text

AUDIT_FILE = "review-log.jsonl"
REVIEWED_PREFIX = "reviewed by "
MAX_COMMENT = 2000


class ReviewRefused(ValueError):
    """A decision that cannot be recorded. `reason` names the counsellor's text
    (`console_page_refused_<reason>` in content/ui.yml, filled with `values`); the English
    message is for logs and tracebacks only."""

    def __init__(self, reason: str, message: str, **values: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.values = values


@dataclass(frozen=True)
class Workspace:
    """The content and catalogs a console edits (the project's own, or a copy in tests)."""

    content_dir: Path = CONTENT_DIR
    translations_dir: Path = TRANSLATIONS_DIR

    @property
    def audit_log(self) -> Path:
        return self.content_dir / AUDIT_FILE


def _review_line(review: dict[str, Any]) -> str:
    """The `review:` line as the content files write it: one flow mapping."""
    line = yaml.safe_dump(
        {"review": review},
        default_flow_style=None,
        width=10**6,
        allow_unicode=True,
        sort_keys=False,
    ).strip()
    if "\n" in line:
        raise ReviewRefused("comment_not_one_line", "the comment cannot be stored on one line")
    return line


def _set_review(ws: Workspace, answer_id: str, review: dict[str, Any]) -> None:
    """Replace the answer's `review:` line in its file, leaving every other byte alone (so
    the change is one line in git), then read the file back to check the result."""
    answer = load_content(ws.content_dir).answers.get(answer_id)
    if answer is None:
        raise ReviewRefused("no_answer", f"there is no answer {answer_id!r}", answer=answer_id)
    path = ws.content_dir / "answers" / answer.file
    text = path.read_text(encoding="utf-8")
    block = re.search(rf"^- id: {re.escape(answer_id)}\s*$.*?(?=^- id: |\Z)", text, re.M | re.S)
    line = re.search(r"^  review: .*$", block.group(0), re.M) if block else None
    if block is None or line is None:
        raise ReviewRefused(
            "not_recorded", f"{answer.file}: no one-line review block for {answer_id!r}"
        )
    start = block.start() + line.start()
    new_text = text[:start] + "  " + _review_line(review) + text[block.start() + line.end() :]
    path.write_text(new_text, encoding="utf-8")
    written = load_content(ws.content_dir).answers[answer_id].review
    if (written.state, written.by, written.date) != (review["state"], review["by"], review["date"]):
        path.write_text(text, encoding="utf-8")
        raise ReviewRefused("not_recorded", f"{answer.file}: the review could not be recorded")


def audit(ws: Workspace, entry: dict[str, Any], now: Optional[dt.datetime] = None) -> None:
    """Append one decision to the audit log."""
    now = now or dt.datetime.now(dt.timezone.utc)
    line = {"time": now.isoformat(timespec="seconds"), **entry}
    with ws.audit_log.open("a", encoding="utf-8") as f:
        f.write(json.dumps(line, ensure_ascii=False) + "\n")


def audit_entries(ws: Workspace, answer_id: Optional[str] = None) -> list[dict[str, Any]]:
    """Audit entries, newest first; only those about `answer_id` when given."""
    if not ws.audit_log.exists():
        return []
    rows = [
        json.loads(line)
        for line in ws.audit_log.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    if answer_id:
        rows = [r for r in rows if r.get("answer") == answer_id]
    return rows[::-1]


def approve(ws: Workspace, answer_id: str, by: str, today: dt.date) -> None:
    """Approve the Dutch text of an answer. Refused when the answer could not be served
    honestly: a medical answer must cite a section of the vetted sources."""
    answer = load_content(ws.content_dir).answers.get(answer_id)
    if answer is None:
        raise ReviewRefused("no_answer", f"there is no answer {answer_id!r}", answer=answer_id)
    if answer.kind == "medical" and not answer.sources:
        raise ReviewRefused(
            "no_source",
            "this answer cites no section of the sources; every "
            "medical fact must come from them, so it cannot be approved until "
            "a source is added",
        )
    _set_review(ws, answer_id, {"state": "approved", "by": by, "date": today})
    audit(ws, {"action": "approve", "answer": answer_id, "language": "nl", "by": by})


def send_back(ws: Workspace, answer_id: str, by: str, today: dt.date, comment: str) -> None:
    """Send an answer back with a comment; it is not served until approved again."""
    comment = " ".join(comment.split())[:MAX_COMMENT]
    if not comment:
        raise ReviewRefused("empty_comment", "say what needs to change (the comment is empty)")
    _set_review(ws, answer_id, {"state": "returned", "by": by, "date": today, "comment": comment})
    audit(
        ws,
        {
            "action": "send_back",
            "answer": answer_id,
            "language": "nl",
            "by": by,
            "comment": comment,
        },
    )


def approve_translation(
    ws: Workspace, answer_id: str, lang: str, texts: dict[str, str], by: str, today: dt.date
) -> list[str]:
    """Approve the `lang` translation of every text of an answer (optionally corrected:
    `texts` maps field name -> translation). Returns the fields approved."""
    if lang not in TARGET_LANGUAGES:
        raise ReviewRefused("no_catalog", f"no catalog for language {lang!r}", language=lang)
    content = load_content(ws.content_dir)
    answer = content.answers.get(answer_id)
    if answer is None:
        raise ReviewRefused("no_answer", f"there is no answer {answer_id!r}", answer=answer_id)
    update_catalogs(content, ws.translations_dir)  # msgids follow the current Dutch first
    path = po_path(lang, ws.translations_dir)
    with path.open("rb") as f:
        catalog = read_po(f, locale=lang)
    sources = answer.texts()
    pending = []
    for name, dutch in sources.items():
        message = catalog.get(dutch, context=f"{answer_id}.{name}")
        text = normalize_text(
            (texts.get(name) or str(message.string if message else "")).replace("\r\n", "\n")
        )
        if not text:
            raise ReviewRefused(
                "empty_translation", f"{name}: the translation is empty", field=name
            )
        if placeholders(text) != placeholders(dutch):
            raise ReviewRefused(
                "placeholders",
                f"{name}: the translation must keep the placeholders {sorted(placeholders(dutch))}",
                field=name,
                placeholders=", ".join(sorted(placeholders(dutch))),
            )
        pending.append((name, dutch, text, message))
    for name, dutch, text, message in pending:
        if message is None:
            message = catalog.add(dutch, text, context=f"{answer_id}.{name}")
        message.string = text
        message.flags.discard("fuzzy")
        message.previous_id = []
        message.user_comments = [
            c for c in message.user_comments if not c.startswith(REVIEWED_PREFIX)
        ]
        message.user_comments.append(f"{REVIEWED_PREFIX}{by}, {today.isoformat()}")
    with path.open("wb") as f:
        write_po(f, catalog, width=100, sort_output=False, omit_header=False)
    audit(
        ws,
        {
            "action": "approve_translation",
            "answer": answer_id,
            "language": lang,
            "by": by,
            "fields": [p[0] for p in pending],
        },
    )
    return [p[0] for p in pending]
