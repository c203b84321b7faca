"""The answers' media, from the published bundle only: pictures and read-aloud audio.

The same rule for both: what a draft or a stale translation would show has no address (404),
because the bundle holds nothing of it.
"""

from __future__ import annotations

from aiohttp import web

from bot.content.build import AUDIO_DIR, audio_key, published_dir
from bot.conversation.pictures import draw
from bot.conversation.speech import CONTENT_TYPE as AUDIO_CONTENT_TYPE
from bot.conversation.speech import EXTENSION as AUDIO_EXTENSION
from bot.web.ui_texts import PUBLISHED

AUDIO_ROUTE = r"/audio/{answer}/{layer}.{lang:[a-z]{2}}." + AUDIO_EXTENSION


async def picture(request: web.Request) -> web.Response:
    """GET /pictures/{answer}.svg: the answer's picture, drawn from its published values."""
    answer = request.config_dict[PUBLISHED].get().content.answers.get(request.match_info["answer"])
    if answer is None or not answer.picture or not answer.review.approved:
        raise web.HTTPNotFound()
    return web.Response(text=draw(answer.picture, answer.values), content_type="image/svg+xml")


async def audio(request: web.Request) -> web.StreamResponse:
    """GET /audio/{answer}/{layer}.{lang}.ogg: the published read-aloud audio of an answer's
    layer; 404 for a draft, a stale translation or an unknown id (the bundle names none)."""
    published = request.config_dict[PUBLISHED]
    match = request.match_info
    name = published.get().audio.get(audio_key(match["answer"], match["layer"], match["lang"]))
    if name is None:
        raise web.HTTPNotFound()
    path = published_dir(published.view.state_dir) / AUDIO_DIR / name
    # Revalidated by its ETag, not kept: a publish may change the text behind the same address.
    return web.FileResponse(
        path, headers={"Content-Type": AUDIO_CONTENT_TYPE, "Cache-Control": "no-cache"}
    )
