"""Our web server: serves the chat page and proxies chat messages to Rasa's REST channel.

It is the only thing a browser talks to. It checks every request before Rasa sees it, adds
page metadata (language, surface, condition), and turns failures into clear messages in the
user's language. It logs no message text.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from typing import AsyncIterator, Optional

import aiohttp
from aiohttp import web
from aiohttp.abc import AbstractAccessLogger

from bot.config.config import Config
from bot.config.paths import ROOT, STATIC_DIR
from bot.config.settings import Settings
from bot.conversation.payloads import load_grammar
from bot.conversation.published import PublishedRenderer
from bot.conversation.render import Renderer
from bot.decision_aid.about import about
from bot.decision_aid.summary import SummaryRequest
from bot.decision_aid.summary import compose as compose_summary
from bot.decision_aid.summary import parse_request as parse_summary
from bot.decision_aid.summary import qr_svg as summary_qr_svg
from bot.decision_aid.summary import qr_text as summary_qr_text
from bot.decision_aid.summary_pdf import as_pdf as summary_as_pdf
from bot.stores.conversations import KioskSweeper, forget, forget_older_than
from bot.web.answer_media import AUDIO_ROUTE, audio, picture
from bot.web.console.app import create_console_app, sweep_sessions
from bot.web.console.console import PREFIX as CONSOLE_PREFIX
from bot.web.console.console import Console
from bot.web.letter_routes import add_letter_routes
from bot.web.pages import html_page
from bot.web.qr_routes import QR_ADDRESSES, qr_code
from bot.web.rasa_proxy import REPLICAS, Replicas, ask_rasa, read_chat
from bot.web.ratelimit import Buckets, ChatLimits, Rate
from bot.web.request_rules import (
    GRAMMAR,
    HTTP_CLIENT,
    MAX_BODY_BYTES,
    SENDER_RE,
    SETTINGS,
    client_address,
    error,
    loads,
)
from bot.web.safeguards import errors_as_responses, security_headers
from bot.web.ui_texts import PUBLISHED, ui_json

KIOSK_SWEEPER = web.AppKey("kiosk_sweeper", KioskSweeper)
CHAT_LIMITS = web.AppKey("chat_limits", ChatLimits)
CONSOLE_APP = web.AppKey("console_app", web.Application)
CONFIG = web.AppKey("config", Config)


def renderer_of(request: web.Request) -> Renderer:
    """The renderer of the bundle published for this application (its config's state)."""
    return request.config_dict[PUBLISHED].get()


async def chat(request: web.Request) -> web.Response:
    """POST /api/chat {sender, message, metadata} -> {messages: [...]}"""
    lang = request.headers.get("X-Chat-Language", "nl")
    clean = await read_chat(request, lang)
    if isinstance(clean, web.Response):
        return clean
    lang = clean["metadata"].get("language", lang)
    address = client_address(request, request.app[SETTINGS].trusted_proxies)
    if not request.app[CHAT_LIMITS].allow(clean["sender"], address, time.monotonic()):
        return error(request, "too_many", lang, 429)
    if clean["metadata"]["surface"] == "kiosk":
        request.app[KIOSK_SWEEPER].seen(clean["sender"], time.monotonic())
    messages = await ask_rasa(request, clean, lang)
    if isinstance(messages, web.Response):
        return messages
    return web.json_response({"messages": messages})


async def forget_conversation(request: web.Request) -> web.Response:
    """POST /api/forget {sender}: delete the conversation on the server ("start over")."""
    try:
        body = loads(await request.text())
    except (ValueError, UnicodeDecodeError):
        return error(request, "bad_request", request.headers.get("X-Chat-Language", "nl"), 400)
    sender = body.get("sender") if isinstance(body, dict) else None
    if not isinstance(sender, str) or not SENDER_RE.match(sender):
        return error(request, "bad_request", request.headers.get("X-Chat-Language", "nl"), 400)
    request.app[KIOSK_SWEEPER].forgotten(sender)
    return web.json_response({"deleted": forget(sender, request.app[CONFIG].tracker_store)})


async def _summary_request(request: web.Request) -> tuple[Optional[SummaryRequest], str]:
    """The summary request in a JSON body, or in a form field `request` (the download form)."""
    lang = request.headers.get("X-Chat-Language", "nl")
    try:
        if request.content_type == "application/json":
            body = loads(await request.text())
        else:
            body = loads(str((await request.post()).get("request", "")))
    except (ValueError, UnicodeDecodeError):
        return None, lang
    parsed = parse_summary(body, renderer_of(request))
    return parsed, parsed.language if parsed else lang


async def summary_json(request: web.Request) -> web.Response:
    """POST /api/summary {language, topics, values}: the summary rendered from published
    content. Built in memory for this response only; nothing is stored."""
    parsed, lang = await _summary_request(request)
    if parsed is None:
        return error(request, "bad_request", lang, 400)
    return web.json_response(
        compose_summary(renderer_of(request), parsed, dt.date.today()).as_dict()
    )


async def summary_pdf(request: web.Request) -> web.Response:
    """POST /api/summary.pdf (form field `request`): the summary as a PDF download."""
    parsed, lang = await _summary_request(request)
    if parsed is None:
        return error(request, "bad_request", lang, 400)
    summary = compose_summary(renderer_of(request), parsed, dt.date.today())
    name = "samenvatting" if lang == "nl" else "summary"
    return web.Response(
        body=summary_as_pdf(summary),
        content_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}-{dt.date.today()}.pdf"'},
    )


async def summary_qr(request: web.Request) -> web.Response:
    """POST /api/summary-qr: a QR code holding the summary text itself (for the kiosk)."""
    parsed, lang = await _summary_request(request)
    if parsed is None:
        return error(request, "bad_request", lang, 400)
    text = summary_qr_text(compose_summary(renderer_of(request), parsed, dt.date.today()))
    return web.Response(body=summary_qr_svg(text), content_type="image/svg+xml")


async def about_page(request: web.Request) -> web.Response:
    """GET /about?lang=nl|en[&surface=kiosk]: who made this, sources, review, data."""
    lang = request.query.get("lang", "nl")
    lang = lang if lang in ("nl", "en") else "nl"
    surface = "kiosk" if request.query.get("surface") == "kiosk" else "web"
    return web.Response(
        text=html_page(
            "about.html", page=about(renderer_of(request), lang, surface), surface=surface
        ),
        content_type="text/html",
    )


async def index(request: web.Request) -> web.FileResponse:
    """The chat page."""
    return web.FileResponse(STATIC_DIR / "index.html")


async def kiosk(request: web.Request) -> web.FileResponse:
    """The waiting-room kiosk page."""
    return web.FileResponse(STATIC_DIR / "kiosk.html")


async def kiosk_config(request: web.Request) -> web.Response:
    """Idle timings for the kiosk page (from the clinic settings)."""
    s: Settings = request.app[SETTINGS]
    return web.json_response(
        {"idle_seconds": s.kiosk_idle_seconds, "countdown_seconds": s.kiosk_countdown_seconds}
    )


async def health(request: web.Request) -> web.Response:
    """Liveness of our server (not of Rasa)."""
    return web.json_response({"status": "ok"})


async def _client(app: web.Application) -> AsyncIterator[None]:
    app[HTTP_CLIENT] = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
    yield
    await app[HTTP_CLIENT].close()


async def _sweeps(app: web.Application) -> AsyncIterator[None]:
    """Every 30 s: delete kiosk conversations their kiosk could not erase, every conversation
    older than the retention period, and expired console sessions with their previews."""
    retention = app[SETTINGS].retention_hours * 3600

    async def loop() -> None:
        while True:
            await asyncio.sleep(30)
            app[KIOSK_SWEEPER].sweep(time.monotonic())
            forget_older_than(time.time() - retention, app[CONFIG].tracker_store)
            await sweep_sessions(app[CONSOLE_APP])

    task = asyncio.create_task(loop())
    yield
    task.cancel()


def create_app(config: Config) -> web.Application:
    """The aiohttp application (used by `serve` and by tests), fully determined by `config`:
    its settings, the bundle published in its state directory, the console's workspace."""
    app = web.Application(middlewares=[errors_as_responses], client_max_size=MAX_BODY_BYTES)
    app[CONFIG] = config
    app[SETTINGS] = settings = config.settings
    app[PUBLISHED] = PublishedRenderer(settings, config.paths.state_dir)
    # The kiosk erases after idle + countdown; the server waits one more minute.
    app[QR_ADDRESSES] = {}
    app[GRAMMAR] = load_grammar(ROOT / "domain.yml")
    app[REPLICAS] = Replicas(settings.rasa_ports)
    app[CHAT_LIMITS] = ChatLimits(
        Buckets(Rate(*settings.rate_per_sender)), Buckets(Rate(*settings.rate_per_address))
    )
    app[KIOSK_SWEEPER] = KioskSweeper(
        settings.kiosk_idle_seconds + settings.kiosk_countdown_seconds + 60, config.tracker_store
    )
    # aiohttp 3.9 declares this signal's callback type one level too deep (its Signal[...]
    # wraps the callback type in Callable again); the callback matches aiohttp's documentation.
    app.on_response_prepare.append(security_headers)  # type: ignore[arg-type]
    app.cleanup_ctx.append(_client)
    app.cleanup_ctx.append(_sweeps)
    app.router.add_get("/", index)
    app.router.add_get("/kiosk", kiosk)
    app.router.add_get("/api/kiosk-config", kiosk_config)
    app.router.add_get("/api/ui/{lang}", ui_json)
    app.router.add_get("/api/qr", qr_code)
    app.router.add_get("/health", health)
    app.router.add_post("/api/chat", chat)
    app.router.add_post("/api/forget", forget_conversation)
    app.router.add_get("/pictures/{answer}.svg", picture)
    app.router.add_get(AUDIO_ROUTE, audio)
    app.router.add_post("/api/summary", summary_json)
    app.router.add_post("/api/summary.pdf", summary_pdf)
    app.router.add_post("/api/summary-qr", summary_qr)
    add_letter_routes(app)
    app.router.add_get("/about", about_page)
    app.router.add_static("/static/", STATIC_DIR)
    # The console, mounted: it gets this app's middleware and security headers (the prepare
    # signal runs for a sub-application's responses too) and its own access guard.
    app[CONSOLE_APP] = create_console_app(Console(config))
    app.add_subapp(CONSOLE_PREFIX, app[CONSOLE_APP])
    return app


class PathOnlyAccessLogger(AbstractAccessLogger):
    """Access log with method, path and status only: no query string (`/api/qr?url=…`), no
    address, no headers. aiohttp's `%r` would log the whole request line."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        self.logger.info("%s %s %s %.3fs", request.method, request.path, response.status, time)


def serve(config: Optional[Config] = None) -> None:
    """Run the web server until interrupted: with `config`, or (started as its own process,
    `python -c "from bot.web.web import serve; serve()"`) the one its environment describes."""
    if config is None:
        from bot.config.environment import read_config

        config = read_config()
    settings = config.settings
    web.run_app(
        create_app(config),
        host=settings.host,
        port=settings.port,
        access_log_class=PathOnlyAccessLogger,
        print=None,
    )
