"""GET /api/qr: a QR code of a web address that published content shows a parent, so a kiosk
visitor can take a link home; never a code for an address someone types."""

from __future__ import annotations

import io
import re

import segno
from aiohttp import web

from bot.conversation.language import SUPPORTED
from bot.conversation.render import Renderer
from bot.web.ui_texts import PUBLISHED

_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"'()\[\]]+")


def published_addresses(renderer: Renderer) -> frozenset[str]:
    """Every web address that published, approved content shows a parent, in either
    language: the only addresses the kiosk may turn into a QR code."""
    found: set[str] = set()
    for answer in renderer.content.answers.values():
        if not answer.review.approved:
            continue
        for name in answer.texts():
            for lang in SUPPORTED:
                found.update(
                    u.rstrip(".,;:!?")
                    for u in _URL_IN_TEXT.findall(renderer.field(answer, name, lang))
                )
    return frozenset(found)


QR_ADDRESSES = web.AppKey("qr_addresses", dict)


async def qr_code(request: web.Request) -> web.Response:
    """GET /api/qr?url=https://…: a QR code (SVG) so a kiosk visitor can take a link home;
    only for addresses in published content (never a code for any address someone types)."""
    url = request.query.get("url", "")
    renderer = request.config_dict[PUBLISHED].get()
    cache = request.app[QR_ADDRESSES]  # per published bundle: rebuilt when a new one appears
    if cache.get("renderer") is not renderer:
        cache.update(renderer=renderer, addresses=published_addresses(renderer))
    if url not in cache["addresses"]:
        raise web.HTTPNotFound(text="no such address in the published content")
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", scale=4, border=2, xmldecl=False, svgns=True, title=url
    )
    return web.Response(body=buffer.getvalue(), content_type="image/svg+xml")
