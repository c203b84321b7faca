"""The pages' own interface texts (titles, buttons, offline messages) and the server's error
messages, all from `content/ui.yml` and its translations in the published bundle.

The pages hold no text of their own: they fetch `GET /api/ui/{lang}` once at start and keep it,
so a translator sees every text in the catalog, and the same rule as for answers holds: a
translation that is not current is never served as if it were.
"""

from __future__ import annotations

from typing import Any, Optional

from aiohttp import web

from bot.conversation.language import SUPPORTED
from bot.conversation.published import PublishedRenderer
from bot.conversation.render import Renderer, Untranslated

# The keys the pages read; everything else in ui.yml belongs to answers and the server.
PAGE_PREFIXES = ("page_", "chat_", "kiosk_", "console_")
PAGE_KEYS = ("switch_language_button", "more_detail")
# The console's server-rendered pages get their texts in the HTML (bot/web/console/texts.py).
SERVER_RENDERED_PREFIX = "console_page_"


class _KeepUnknown(dict[str, str]):
    """format_map values that leave a placeholder the page fills (`{seconds}`) as it is."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def is_page_key(key: str) -> bool:
    """Whether the pages read this interface text."""
    return (
        key.startswith(PAGE_PREFIXES) and not key.startswith(SERVER_RENDERED_PREFIX)
    ) or key in PAGE_KEYS


def page_texts(renderer: Renderer, lang: str) -> dict[str, Any]:
    """{language, texts, untranslated} for the pages in `lang`.

    A text whose translation is not current is served in Dutch and listed in `untranslated`,
    so the page marks it `lang="nl"`: never an unchecked translation (the build refuses to
    publish a stale interface text, so this is a last line of defence).
    """
    texts: dict[str, str] = {}
    untranslated: list[str] = []
    values = _KeepUnknown(renderer.settings.placeholders(lang))
    for key, source in renderer.content.ui.items():
        if not is_page_key(key):
            continue
        try:
            text = renderer.ui(key, lang)
        except Untranslated:
            text = source
            untranslated.append(key)
        texts[key] = text.format_map(values)
    return {"language": lang, "texts": texts, "untranslated": untranslated}


PUBLISHED = web.AppKey("published", PublishedRenderer)


def published_renderer(request: web.Request) -> Optional[Renderer]:
    """The renderer of the bundle in force for this request's application, or None when
    nothing was published yet."""
    try:
        return request.config_dict[PUBLISHED].get()
    except FileNotFoundError:
        return None


def error_text(renderer: Optional[Renderer], kind: str, lang: str, **values: str) -> Optional[str]:
    """The server's error message `error_<kind>` in `lang` from `renderer` (the published
    bundle's), or None when it cannot be had (nothing published, no current translation):
    the page then shows its own offline text, which it loaded at start."""
    if renderer is None:
        return None
    try:
        return renderer.ui_filled(f"error_{kind}", lang, **values)
    except (Untranslated, KeyError):
        return None


async def ui_json(request: web.Request) -> web.Response:
    """GET /api/ui/{lang}: the pages' interface texts in `lang`."""
    lang = request.match_info["lang"]
    if lang not in SUPPORTED:
        raise web.HTTPNotFound()
    return web.json_response(page_texts(request.config_dict[PUBLISHED].get(), lang))
