"""The console's own texts (titles, navigation, labels, notices, errors): `console_page_*` in
content/ui.yml and its catalogs, bound per request to the console's language.

The templates call `t('console_page_…', **values)` (HTML, values escaped; a value built with
markup in the template stays markup) or `t.plain(…)` (plain text, for <title>, attributes and
<option>s); the handlers call `t.plain` for the texts they hand to a page. The same rule as for
the pages' texts served by /api/ui (bot/web/ui_texts.py): a translation that is not current is
never shown; the Dutch is shown instead, marked lang="nl" where markup can go.

The texts come from the *working copy* (Console.renderer), not the published bundle: they are
the console's interface, shipped with the code that uses their keys, while the bundle can be
older than the code or not exist yet (before the first publish the console must still work).
They are never shown to parents, so the approval that gates parents' texts does not apply;
the fuzzy/stale rule does.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Optional

from aiohttp import web
from babel.dates import format_datetime
from markupsafe import Markup, escape

from bot.content.formatting import locale_of
from bot.conversation.language import SUPPORTED
from bot.conversation.render import Renderer, Untranslated

DEFAULT_LANGUAGE = "en"  # the console's language unless ?lang= (kept in the session) says not
# Proper names, the same in every language: each language's own name (like the parents' page's
# language buttons) and the conditions.
NAMES = {"nl": "Nederlands", "en": "English", "smard": "SMARD", "sma": "SMA"}
# The values shown through t.state and t.action, each with its text `console_page_state_…`
# or `console_page_action_…` (review states, translation states; audit log actions).
STATES = ("approved", "draft", "returned", "current", "stale", "missing")
ACTIONS = ("approve", "send_back", "approve_translation", "publish")


class ConsoleTexts:
    """The console's texts in one language, from one renderer (callable from templates)."""

    def __init__(self, renderer: Renderer, lang: str) -> None:
        self.renderer = renderer
        self.lang = lang

    def _text(self, key: str) -> tuple[str, bool]:
        """(text, whether it is the Dutch standing in for a translation that is not current)."""
        try:
            return self.renderer.ui(key, self.lang), False
        except Untranslated:
            return self.renderer.content.ui[key], True

    def plain(self, key: str, **values: Any) -> str:
        """The text `key` with its {placeholders} filled in, as plain text."""
        text, _ = self._text(key)
        return text.format(**values, **self.renderer.settings.placeholders(self.lang))

    def __call__(self, key: str, **values: Any) -> Markup:
        """The text `key` as HTML: the text and plain values escaped, Markup values kept."""
        text, dutch = self._text(key)
        html = Markup(escape(text)).format(
            **values, **self.renderer.settings.placeholders(self.lang)
        )
        return Markup('<span lang="nl">{}</span>').format(html) if dutch else html

    def state(self, value: str) -> Markup:
        """A review or translation state (`approved`, `stale`, …) as the reader reads it."""
        return self(f"console_page_state_{value}") if value in STATES else Markup(escape(value))

    def action(self, value: str) -> Markup:
        """An audit log action (`send_back`, …) as the reader reads it."""
        return self(f"console_page_action_{value}") if value in ACTIONS else Markup(escape(value))

    def when(self, iso: Optional[str]) -> str:
        """An ISO time as a reader reads it: '22 Nov 2026, 13:12 UTC'."""
        if not iso:
            return self.plain("console_page_never")
        t = dt.datetime.fromisoformat(iso).astimezone(dt.timezone.utc)
        if self.lang == "en":
            return t.strftime("%-d %b %Y, %H:%M UTC")
        return format_datetime(t, "d MMM y, HH:mm 'UTC'", locale=locale_of(self.lang))


TEXTS = "console_texts"  # the request's ConsoleTexts, made once per request


def console_language(request: web.Request) -> str:
    """The console's language for this request: `?lang=` if given (and kept in the session
    for the pages after), else the session's, else English."""
    session = request.get("session")
    asked = request.query.get("lang")
    if asked in SUPPORTED:
        if session is not None:
            session.lang = asked
        return asked
    return getattr(session, "lang", None) or DEFAULT_LANGUAGE


def texts_for(request: web.Request, renderer: Callable[[], Renderer]) -> ConsoleTexts:
    """The request's console texts, made the first time they are asked for (with the renderer
    `renderer()` gives), so a page and its handler load the texts once."""
    if TEXTS not in request:
        request[TEXTS] = ConsoleTexts(renderer(), console_language(request))
    texts: ConsoleTexts = request[TEXTS]
    return texts
