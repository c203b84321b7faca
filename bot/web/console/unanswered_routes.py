"""The console's unanswered questions: the questions parents asked that got the fallback (text,
language and date only), grouped by subject and kind, and marking one as added to a topic or
as out of scope."""

from __future__ import annotations

import datetime as dt

from aiohttp import web

from bot.stores.unanswered import UnansweredStore
from bot.web.console.console import PREFIX, Console, console_of


def _store(console: Console) -> UnansweredStore:
    return UnansweredStore(
        console.settings.unanswered_retention_days, console.config.unanswered_store
    )


async def unanswered_page(request: web.Request) -> web.Response:
    """GET /console/unanswered: fallback questions (text, language, date; nothing else)."""
    console = console_of(request)
    intents = sorted(console.content().intents)
    store = _store(console)
    return console.page(
        request,
        "unanswered.html",
        nav="unanswered",
        questions=store.list(dt.date.today()),
        groups=store.by_subject_and_kind(dt.date.today()),
        keeping=console.settings.keep_unanswered,
        retention=console.settings.unanswered_retention_days,
        intents=intents,
    )


async def unanswered_mark(request: web.Request) -> web.StreamResponse:
    """POST /console/unanswered/{id}: mark as added to a topic, or out of scope."""
    console = console_of(request)
    form = await request.post()
    topic = str(form.get("topic", ""))
    try:
        entry = int(request.match_info["id"])
    except ValueError:
        raise web.HTTPNotFound() from None
    if form.get("status") == "out_of_scope":
        _store(console).mark(entry, "out_of_scope")
    elif topic in console.content().intents:
        _store(console).mark(entry, "added", topic)
    else:
        raise web.HTTPBadRequest(
            text=console.texts(request).plain("console_page_choose_added_topic")
        )
    raise web.HTTPSeeOther(f"{PREFIX}/unanswered?done=marked")
