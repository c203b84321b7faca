"""The letter for relatives over HTTP: GET /api/letter, /api/letter.pdf and /api/letter-qr,
each with `?lang=nl|en`. A request carries the language only: the letter is the same for
everyone, built from published content in memory for this response and forgotten. Names and
a personal line never come here; the page adds them on the parent's own device.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

from aiohttp import web

from bot.decision_aid.letter import Letter, as_pdf, as_text, compose
from bot.decision_aid.summary import qr_svg
from bot.web.request_rules import error
from bot.web.ui_texts import published_renderer


def _letter(request: web.Request) -> tuple[Optional[Letter], str]:
    lang = request.query.get("lang", "nl")
    renderer = published_renderer(request)
    return (compose(renderer, lang) if renderer else None), lang


async def letter_json(request: web.Request) -> web.Response:
    """GET /api/letter?lang=…: the letter's texts (404 when none is published)."""
    letter, lang = _letter(request)
    if letter is None:
        return error(request, "bad_request", lang, 404)
    return web.json_response(letter.as_dict())


async def letter_pdf(request: web.Request) -> web.Response:
    """GET /api/letter.pdf?lang=…: the letter as a PDF download, with write-in space for names."""
    letter, lang = _letter(request)
    if letter is None:
        return error(request, "bad_request", lang, 404)
    name = "brief-voor-familie" if lang == "nl" else "letter-for-relatives"
    return web.Response(
        body=as_pdf(letter),
        content_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="{name}-{dt.date.today()}.pdf"',
            "Cache-Control": "no-store",
        },
    )


async def letter_qr(request: web.Request) -> web.Response:
    """GET /api/letter-qr?lang=…: a QR code holding the letter's text itself (for the kiosk)."""
    letter, lang = _letter(request)
    if letter is None:
        return error(request, "bad_request", lang, 404)
    return web.Response(
        body=qr_svg(as_text(letter)),
        content_type="image/svg+xml",
        headers={"Cache-Control": "no-store"},
    )


def add_letter_routes(app: web.Application) -> None:
    """Register the letter's routes on our web server's application."""
    app.router.add_get("/api/letter", letter_json)
    app.router.add_get("/api/letter.pdf", letter_pdf)
    app.router.add_get("/api/letter-qr", letter_qr)
