"""English (and any further) translations of the Dutch content, held in gettext catalogs.

Each translatable text has a context `answer_id.field` (or `ui.key`) and the Dutch text as
msgid. When a Dutch text changes, its msgid no longer matches: `update_catalogs` carries the
old translation over as *fuzzy* (gettext's "needs review"), and a fuzzy, empty or missing
translation is never served.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from bot.config.paths import CATALOG_DOMAIN, TRANSLATIONS_DIR
from bot.content.content import Content

SOURCE_LANGUAGE = "nl"
TARGET_LANGUAGES = ("en",)
LANGUAGES = (SOURCE_LANGUAGE, *TARGET_LANGUAGES)

CURRENT, STALE, MISSING = "current", "stale", "missing"


def po_path(lang: str, directory: Path = TRANSLATIONS_DIR) -> Path:
    """Path of the catalog for `lang`."""
    return directory / lang / "LC_MESSAGES" / f"{CATALOG_DOMAIN}.po"


def entries(content: Content) -> Iterator[tuple[str, str, str]]:
    """(context, Dutch text, note for the translator) for everything translatable."""
    for key, text in content.ui.items():
        yield f"ui.{key}", text, "interface text"
    for answer in content.answers.values():
        for name, text in answer.texts().items():
            yield f"{answer.id}.{name}", text, f"{answer.file}, review: {answer.review.state}"


def template(content: Content) -> Catalog:
    """A babel template catalog (the POT) built from the Dutch content."""
    cat = Catalog(project="smard-sma-keuzehulp", locale=None, domain=CATALOG_DOMAIN)
    for ctxt, text, note in entries(content):
        cat.add(text, context=ctxt, auto_comments=[note])
    return cat


def update_catalogs(content: Content, directory: Path = TRANSLATIONS_DIR) -> dict[str, int]:
    """Bring every target catalog in line with the Dutch content; return fuzzy counts.

    Changed Dutch texts keep their old translation marked fuzzy, so a translator sees what
    changed and nothing stale is served meanwhile.
    """
    tmpl = template(content)
    counts = {}
    for lang in TARGET_LANGUAGES:
        path = po_path(lang, directory)
        if path.exists():
            with path.open("rb") as f:
                cat = read_po(f, locale=lang)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            cat = Catalog(locale=lang, domain=CATALOG_DOMAIN, project="smard-sma-keuzehulp")
        cat.update(tmpl, no_fuzzy_matching=False)
        cat.obsolete.clear()  # old texts live in git history, not in the catalog
        cat.fuzzy = False  # the header is ours; "fuzzy" should only ever mean a text to review
        with path.open("wb") as f:
            write_po(f, cat, width=100, sort_output=False, omit_header=False)
        counts[lang] = sum(1 for m in cat if m.id and m.fuzzy)
    return counts


@dataclass(frozen=True)
class _Entry:
    msgid: str
    msgstr: str
    fuzzy: bool


class Translations:
    """Read-only view of the catalogs, used per request (no global gettext install)."""

    def __init__(self, directory: Path = TRANSLATIONS_DIR) -> None:
        self._by_lang: dict[str, dict[str, _Entry]] = {}
        self.revision_dates: dict[str, Optional[dt.datetime]] = {}
        for lang in TARGET_LANGUAGES:
            path = po_path(lang, directory)
            table: dict[str, _Entry] = {}
            if path.exists():
                with path.open("rb") as f:
                    cat = read_po(f, locale=lang)
                for m in cat:
                    if m.id and m.context:
                        table[m.context] = _Entry(str(m.id), str(m.string or ""), m.fuzzy)
                # babel parses the header's date into a datetime; anything else is no date
                revised = cat.revision_date
                self.revision_dates[lang] = revised if isinstance(revised, dt.datetime) else None
            self._by_lang[lang] = table

    @classmethod
    def from_table(cls, table: dict[str, dict[str, list[str]]]) -> "Translations":
        """Translations from a published bundle: {lang: {context: [Dutch, translation]}},
        all current (the build keeps nothing else)."""
        self = cls.__new__(cls)
        self._by_lang = {
            lang: {ctx: _Entry(src, text, False) for ctx, (src, text) in rows.items()}
            for lang, rows in table.items()
        }
        self.revision_dates = {}
        return self

    def state(self, lang: str, context: str, source: str) -> str:
        """CURRENT, STALE (Dutch changed or marked fuzzy) or MISSING."""
        if lang == SOURCE_LANGUAGE:
            return CURRENT
        entry = self._by_lang.get(lang, {}).get(context)
        if entry is None or not entry.msgstr:
            return MISSING
        if entry.fuzzy or entry.msgid != source:
            return STALE
        return CURRENT

    def draft(self, lang: str, context: str) -> Optional[str]:
        """Whatever translation the catalog holds, current or not (for a translator to start
        from; never for serving)."""
        entry = self._by_lang.get(lang, {}).get(context)
        return entry.msgstr if entry and entry.msgstr else None

    def get(self, lang: str, context: str, source: str) -> Optional[str]:
        """The text in `lang`, or None when the translation is missing or stale."""
        if lang == SOURCE_LANGUAGE:
            return source
        if self.state(lang, context, source) != CURRENT:
            return None
        return self._by_lang[lang][context].msgstr


@lru_cache(maxsize=1)
def get_translations() -> Translations:
    """The project's catalogs, loaded once per process."""
    return Translations()
