"""Translations: a changed Dutch text makes its English stale, and stale is never served."""

from __future__ import annotations

import shutil
from pathlib import Path

from babel.messages.pofile import read_po

from bot.config.paths import CONTENT_DIR, TRANSLATIONS_DIR
from bot.config.settings import Settings
from bot.content.catalog import CURRENT, MISSING, STALE, Translations, po_path, update_catalogs
from bot.content.checks import content_problems
from bot.content.content import load_content
from bot.conversation.render import Renderer


def _workspace(tmp_path: Path) -> tuple[Path, Path]:
    content_dir, tr_dir = tmp_path / "content", tmp_path / "translations"
    shutil.copytree(CONTENT_DIR, content_dir)
    shutil.copytree(TRANSLATIONS_DIR, tr_dir)
    return content_dir, tr_dir


def _change_dutch(content_dir: Path) -> None:
    path = content_dir / "answers" / "smard.yml"
    text = path.read_text(encoding="utf-8")
    old = "SMARD is niet te genezen."
    assert old in text
    path.write_text(text.replace(old, "SMARD is helaas niet te genezen."), encoding="utf-8")


def test_catalog_is_current_for_every_approved_text() -> None:
    translations = Translations()
    content = load_content()
    for a in content.answers.values():
        if a.review.approved:
            for name, text in a.texts().items():
                assert translations.state("en", f"{a.id}.{name}", text) == CURRENT, (a.id, name)


def test_changed_dutch_text_makes_the_translation_stale_and_unserved(
    tmp_path: Path, settings: Settings
) -> None:
    content_dir, tr_dir = _workspace(tmp_path)
    _change_dutch(content_dir)
    content = load_content(content_dir)
    # Before the catalog is updated the msgid no longer matches: stale.
    translations = Translations(tr_dir)
    source = content.answers["smard_treatment"].short
    assert translations.state("en", "smard_treatment.short", source) == STALE
    # After the update gettext carries the old translation over, marked fuzzy: still stale.
    update_catalogs(content, tr_dir)
    with po_path("en", tr_dir).open("rb") as f:
        entry = next(m for m in read_po(f) if m.context == "smard_treatment.short")
    assert entry.fuzzy and entry.string.startswith("SMARD cannot be cured")
    translations = Translations(tr_dir)
    assert translations.get("en", "smard_treatment.short", source) is None
    assert any(
        "smard_treatment: en translation of short is stale" in p
        for p in content_problems(content, translations)
    )
    # What a parent gets in English: an honest notice, never the stale or the Dutch text.
    renderer = Renderer(content, translations, settings)
    [message] = renderer.answer(content.answers["smard_treatment"], "en")
    assert message.custom["status"] == "untranslated"
    assert "translation is still being checked" in message.text
    assert "genezen" not in message.text and "cannot be cured" not in message.text
    # Dutch is unaffected.
    [nl] = renderer.answer(content.answers["smard_treatment"], "nl")
    assert nl.text.startswith("SMARD is helaas niet te genezen.")


def test_missing_translation_is_reported(tmp_path: Path) -> None:
    _, tr_dir = _workspace(tmp_path)
    po = po_path("en", tr_dir)
    lines = po.read_text(encoding="utf-8").split("\n")
    i = lines.index('msgctxt "smard_cause.short"')
    # blank the msgstr of that entry
    j = next(k for k in range(i, len(lines)) if lines[k].startswith("msgstr"))
    k = j + 1
    while k < len(lines) and lines[k].startswith('"'):
        k += 1
    lines[j:k] = ['msgstr ""']
    po.write_text("\n".join(lines), encoding="utf-8")
    content = load_content()
    translations = Translations(tr_dir)
    assert (
        translations.state("en", "smard_cause.short", content.answers["smard_cause"].short)
        == MISSING
    )
