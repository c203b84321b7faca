"""Review decisions, recorded in a copy of the content: one line per decision in the YAML,
reviewer comments in the catalog, and an audit entry each."""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from bot.config.paths import CONTENT_DIR, TRANSLATIONS_DIR
from bot.content.catalog import CURRENT, STALE, Translations, po_path, update_catalogs
from bot.content.content import load_content
from bot.content.review import (
    ReviewRefused,
    Workspace,
    approve,
    approve_translation,
    audit_entries,
    send_back,
)

DAY = dt.date(2026, 11, 23)


@pytest.fixture()
def ws(tmp_path: Path) -> Workspace:
    shutil.copytree(CONTENT_DIR, tmp_path / "content")
    shutil.copytree(TRANSLATIONS_DIR, tmp_path / "translations")
    (tmp_path / "content" / "review-log.jsonl").unlink(missing_ok=True)
    return Workspace(tmp_path / "content", tmp_path / "translations")


def _diff(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0, lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_send_back_and_approve_change_one_line_and_are_audited(ws: Workspace) -> None:
    path = ws.content_dir / "answers" / "smard.yml"
    before = path.read_text(encoding="utf-8")
    send_back(
        ws,
        "smard_treatment",
        "Dr. A. de Vries: 'klinisch'",
        DAY,
        "Graag eenvoudiger.\nEn korter: # niet zo.",
    )
    after = path.read_text(encoding="utf-8")
    assert len(_diff(before, after)) == 2  # one line out, one line in
    review = load_content(ws.content_dir).answers["smard_treatment"].review
    assert (review.state, review.by, review.date) == (
        "returned",
        "Dr. A. de Vries: 'klinisch'",
        DAY,
    )
    assert review.comment == "Graag eenvoudiger. En korter: # niet zo."
    approve(ws, "smard_treatment", "J. de Vries", DAY)
    review = load_content(ws.content_dir).answers["smard_treatment"].review
    assert (review.state, review.by, review.date, review.comment) == (
        "approved",
        "J. de Vries",
        DAY,
        None,
    )
    assert len(_diff(before, path.read_text(encoding="utf-8"))) == 2
    log = audit_entries(ws, "smard_treatment")
    assert [e["action"] for e in log] == ["approve", "send_back"]
    assert log[1]["comment"].startswith("Graag eenvoudiger") and log[0]["by"] == "J. de Vries"


def test_an_answer_without_source_or_comment_is_refused(ws: Workspace) -> None:
    with pytest.raises(ReviewRefused, match="cites no section") as refused:
        approve(ws, "sma_options", "J. de Vries", DAY)  # a draft the sources do not cover
    assert refused.value.reason == "no_source"  # the counsellor's text is named by it
    with pytest.raises(ReviewRefused, match="comment is empty") as refused:
        send_back(ws, "smard_treatment", "J. de Vries", DAY, "   ")
    assert refused.value.reason == "empty_comment"
    with pytest.raises(ReviewRefused):
        approve(ws, "no_such_answer", "J. de Vries", DAY)
    assert audit_entries(ws) == []


def test_translation_approval_clears_fuzzy_and_records_the_reviewer(ws: Workspace) -> None:
    path = ws.content_dir / "answers" / "smard.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "SMARD is niet te genezen.", "SMARD is helaas niet te genezen."
        ),
        encoding="utf-8",
    )
    content = load_content(ws.content_dir)
    update_catalogs(content, ws.translations_dir)
    source = content.answers["smard_treatment"].short
    assert Translations(ws.translations_dir).state("en", "smard_treatment.short", source) == STALE
    with pytest.raises(ReviewRefused, match="placeholders"):
        approve_translation(
            ws, "smard_treatment", "en", {"short": "Text with {chance}"}, "J. de Vries", DAY
        )
    fields = approve_translation(
        ws,
        "smard_treatment",
        "en",
        {"short": "Unfortunately, SMARD cannot be cured.\n\nThe care focuses on breathing."},
        "J. de Vries",
        DAY,
    )
    assert fields == ["label", "short"]
    translations = Translations(ws.translations_dir)
    assert translations.state("en", "smard_treatment.short", source) == CURRENT
    assert translations.get("en", "smard_treatment.short", source).startswith("Unfortunately")
    with po_path("en", ws.translations_dir).open("rb") as f:
        entry = next(m for m in read_po(f) if m.context == "smard_treatment.short")
    assert not entry.fuzzy and "reviewed by J. de Vries, 2026-11-23" in entry.user_comments
    assert audit_entries(ws)[0]["action"] == "approve_translation"
