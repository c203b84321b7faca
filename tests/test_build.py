"""The publish step: what parents are served is compiled from approved content only."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from bot.config.paths import CONTENT_DIR, TRANSLATIONS_DIR
from bot.config.settings import Settings
from bot.content.build import BuildRefused, PublishedView, compile_bundle, publish, read_bundle
from bot.content.catalog import update_catalogs
from bot.content.content import load_content
from bot.content.review import Workspace, send_back
from bot.conversation.render import Renderer


def _copy(tmp_path: Path) -> tuple[Path, Path]:
    shutil.copytree(CONTENT_DIR, tmp_path / "content")
    shutil.copytree(TRANSLATIONS_DIR, tmp_path / "translations")
    return tmp_path / "content", tmp_path / "translations"


def test_bundle_holds_no_draft_text_and_no_stale_translation(tmp_path: Path) -> None:
    content_dir, tr_dir = _copy(tmp_path)
    path = content_dir / "answers" / "smard.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "SMARD is niet te genezen. De behandeling",
            "SMARD is helaas niet te genezen. De behandeling",
        ),
        encoding="utf-8",
    )  # the text, not the quote of the leaflet it cites
    update_catalogs(load_content(content_dir), tr_dir)  # English of that text is now fuzzy
    bundle = compile_bundle(content_dir, tr_dir)
    text = json.dumps(bundle, ensure_ascii=False)
    content = load_content(content_dir)
    drafts = [a for a in content.answers.values() if not a.review.approved]
    assert drafts
    for a in drafts:
        for name, dutch in a.texts().items():
            if name != "label":
                assert dutch[:60] not in text, (a.id, name)
    assert "SMARD cannot be cured" not in text  # the old English, now stale
    assert "en:smard_treatment.short" in bundle["untranslated"]


def test_publish_is_picked_up_without_restart(tmp_path: Path, settings: Settings) -> None:
    content_dir, tr_dir = _copy(tmp_path)
    state = tmp_path / "state"
    view = PublishedView(state)
    with pytest.raises(FileNotFoundError, match="python -m bot build"):
        view.get()
    publish(content_dir, tr_dir, state_dir=state)
    content, translations, meta = view.get()
    assert content.answers["smard_treatment"].review.approved
    send_back(
        Workspace(content_dir, tr_dir),
        "smard_treatment",
        "J. de Vries",
        dt.date(2026, 11, 23),
        "Graag eenvoudiger.",
    )
    assert view.get()[0] is content  # unchanged until published
    publish(content_dir, tr_dir, state_dir=state)
    content2, translations2, _ = view.get()
    assert not content2.answers["smard_treatment"].review.approved
    [message] = Renderer(content2, translations2, settings).answer(
        content2.answers["smard_treatment"], "nl"
    )
    assert message.custom["status"] == "draft" and "niet te genezen" not in message.text
    assert len(list((state / "published").glob("responses-*.json"))) == 2  # current + previous
    assert read_bundle(state)["fingerprint"] != meta["fingerprint"]


def test_build_refuses_blocking_problems(tmp_path: Path) -> None:
    content_dir, tr_dir = _copy(tmp_path)
    path = content_dir / "answers" / "smard.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('section: "Wat is de oorzaak?"', 'section: "Bestaat niet"'), encoding="utf-8"
    )
    with pytest.raises(BuildRefused) as refused:
        publish(content_dir, tr_dir, state_dir=tmp_path / "state")
    assert any("unknown source" in p for p in refused.value.problems)
    assert not (tmp_path / "state" / "published" / "current.json").exists()
