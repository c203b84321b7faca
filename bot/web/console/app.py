"""The console as an aiohttp sub-application, mounted by the web server at /console
(bot/web/web.py): its routes, its access guard, and the sweep of expired sessions.

Mounted, it shares the main application's settings, HTTP client and payload grammar (looked
up along the application chain), its error middleware and its security headers: the parent's
response-prepare signal runs for the sub-application's responses too.
"""

from __future__ import annotations

import time

from aiohttp import web

from bot.web.console import access, review_routes, try_routes, unanswered_routes
from bot.web.console.console import CONSOLE, PREFIX, Console, forget_previews


def create_console_app(console: Console) -> web.Application:
    """The console's sub-application; its routes are relative to where it is mounted."""
    app = web.Application(middlewares=[access.console_guard])
    app[CONSOLE] = console
    r = app.router
    r.add_get("", _to_home)
    r.add_get("/login", access.login_page)
    r.add_post("/login", access.login)
    r.add_post("/logout", access.logout)
    r.add_get("/", review_routes.overview)
    r.add_get("/answers/{id}", review_routes.answer_page)
    r.add_post("/answers/{id}/{action}", review_routes.decide)
    r.add_post("/publish", review_routes.publish_now)
    r.add_get("/pictures/{id}.svg", review_routes.console_picture)
    r.add_get("/try", try_routes.try_page)
    r.add_post("/api/try", try_routes.try_question)
    r.add_post("/api/try/reset", try_routes.try_reset)
    r.add_get("/unanswered", unanswered_routes.unanswered_page)
    r.add_post("/unanswered/{id}", unanswered_routes.unanswered_mark)
    r.add_get("/audit", review_routes.audit_page)
    r.add_get("/review.pdf", review_routes.review_document)
    return app


async def sweep_sessions(console_app: web.Application) -> None:
    """Expired sessions: drop them and delete their preview conversations."""
    console = console_app[CONSOLE]
    for session in console.sessions.expired(time.monotonic()):
        forget_previews(session, console.config.tracker_store)


async def _to_home(request: web.Request) -> web.StreamResponse:
    raise web.HTTPSeeOther(PREFIX + "/")
