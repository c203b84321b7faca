"""The console's "try a question": the live reply a parent would get (through the same route
into Rasa as the parents' chat, bot/web/rasa_proxy.py), what the classifier made of it, and
the drafts the reply would show once approved. Preview conversations belong to the session
and are deleted with it."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from bot.stores.conversations import forget, latest_parse
from bot.web.console.console import console_of, session_of
from bot.web.rasa_proxy import ask_rasa, read_chat
from bot.web.rest_format import falls_back, nlu_summary


async def try_page(request: web.Request) -> web.Response:
    """GET /console/try"""
    return console_of(request).page(request, "try.html", nav="try")


def _drafts(request: web.Request, messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The working copy's draft of every answer in the reply that parents get as 'not checked
    yet' (with the Dutch draft too when the translation is missing)."""
    if not any((m.get("custom") or {}).get("status") == "draft" for m in messages):
        return []
    renderer = console_of(request).renderer()  # the working copy, only if needed
    drafts: list[dict[str, Any]] = []
    for m in messages:
        custom = m.get("custom") or {}
        if custom.get("status") == "draft" and custom.get("topic") in renderer.content.answers:
            answer = renderer.content.answers[custom["topic"]]
            draft = renderer.answer(answer, custom.get("language", "nl"), draft_preview=True)
            if draft[0].custom.get("status") == "untranslated":
                draft += renderer.answer(answer, "nl", draft_preview=True)  # the Dutch draft
            drafts += [d.as_dict() for d in draft]
    return drafts


async def try_question(request: web.Request) -> web.Response:
    """POST /console/api/try {sender, message, metadata}: the live reply a parent would get
    (same route into Rasa as /api/chat), plus what the classifier made of it, plus drafts."""
    clean = await read_chat(request, "en", surfaces=("preview",))
    if isinstance(clean, web.Response):
        return clean
    session_of(request).previews.add(clean["sender"])
    messages = await ask_rasa(request, clean, "en")
    if isinstance(messages, web.Response):  # an action failed: say so, as the parents' route does
        return messages
    nlu = nlu_summary(latest_parse(clean["sender"], console_of(request).config.tracker_store))
    return web.json_response(
        {
            "messages": messages,
            "nlu": nlu,
            "falls_back": falls_back(messages, nlu),
            "drafts": _drafts(request, messages),
        }
    )


async def try_reset(request: web.Request) -> web.Response:
    """POST /console/api/try/reset {sender}: delete a preview conversation."""
    body = await request.json() if request.can_read_body else {}
    sender = body.get("sender") if isinstance(body, dict) else None
    session = session_of(request)
    if sender in session.previews:
        forget(sender, console_of(request).config.tracker_store)
        session.previews.discard(sender)
    return web.json_response({"ok": True})
