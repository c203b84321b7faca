"""The counsellor console (/console): see all content, try questions, approve, publish.

Every route here except the login page needs a counsellor's session (bot/web/console/sessions.py);
every POST needs the session's CSRF token. The console edits a workspace (the project's
content and catalogs, see bot/content/review.py) and serves parents nothing: parents get what was
last published (bot/content/build.py). Nothing on the parents' pages links here.
"""
from __future__ import annotations

import datetime as dt
import json
import time
import uuid
from typing import Any, Awaitable, Callable, Optional

from aiohttp import web

from bot.config.settings import Settings
from bot.content.build import BuildRefused, fingerprint, publish, read_bundle
from bot.content.catalog import TARGET_LANGUAGES, Translations
from bot.content.content import CONDITIONS, Answer, Content, load_content
from bot.content.provenance import cited_sentences
from bot.content.report import AnswerReport
from bot.content.report import build as build_report
from bot.content.report import summary as report_summary
from bot.content.review import (
    ReviewRefused,
    Workspace,
    approve,
    approve_translation,
    audit,
    audit_entries,
    send_back,
)
from bot.content.review_pdf import review_pdf
from bot.content.sources import section_texts
from bot.conversation.pictures import draw
from bot.conversation.render import Renderer
from bot.stores.conversations import forget, latest_parse
from bot.stores.unanswered import UnansweredStore
from bot.web.console.accounts import AccountStore
from bot.web.console.examples import example_counts
from bot.web.console.sessions import LoginThrottle, Session, SessionStore
from bot.web.pages import render
from bot.web.rasa_proxy import REPLICAS, ask_rasa
from bot.web.request_rules import GRAMMAR, HTTP_CLIENT, as_response, error, loads, parse_chat
from bot.web.rest_format import falls_back, nlu_summary

COOKIE = "console_session"
LOGIN_COOKIE = "console_login"  # pre-login CSRF token (double submit)
PREFIX = "/console"
FILTERS = ("all", "drafts", "stale", "overdue")
LANG_NAMES = {"nl": "Nederlands", "en": "English"}
# Notices after a redirect, by code: the query string never carries text to show.
DONE = {
    "approved": "Approved. Parents get it after the next publish.",
    "sent_back": "Sent back with your comment. It is not served once the content is published.",
    "translation": "Translation approved. Parents get it after the next publish.",
    "published": "Published: parents get the approved content from their next message.",
    "marked": "Marked.",
}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class Console:
    """Everything the console routes share: accounts, sessions, throttle, workspace."""

    def __init__(self, settings: Settings, workspace: Optional[Workspace] = None,
                 accounts: Optional[AccountStore] = None) -> None:
        self.settings = settings
        self.workspace = workspace or Workspace()
        self.accounts = accounts or AccountStore()
        self.sessions = SessionStore(settings.console_idle_minutes * 60,
                                     settings.console_max_hours * 3600)
        self.throttle = LoginThrottle(settings.console_lock_attempts,
                                      settings.console_lock_minutes * 60,
                                      settings.console_lock_minutes * 60)

    # -- working copy ------------------------------------------------------------------
    def content(self) -> Content:
        return load_content(self.workspace.content_dir)

    def translations(self) -> Translations:
        return Translations(self.workspace.translations_dir)

    def renderer(self) -> Renderer:
        return Renderer(self.content(), self.translations(), self.settings)

    def publish_state(self) -> dict[str, Any]:
        """Whether the working copy differs from what parents get."""
        try:
            bundle = read_bundle()
        except FileNotFoundError:
            return {"published": None, "pending": True}
        return {"published": bundle["built_at"],
                "pending": bundle["fingerprint"] != fingerprint(self.workspace.content_dir,
                                                                self.workspace.translations_dir)}

    def page(self, request: web.Request, template: str, status: int = 200,
             **values: Any) -> web.Response:
        """Render a console page."""
        done = DONE.get(request.query.get("done", ""))
        html = render(
            template, session=request.get("session"), done=done, publish=self.publish_state()
            if request.get("session") else None, **values)
        return web.Response(text=html, content_type="text/html", status=status)


CONSOLE = web.AppKey("console", Console)


def _console(request: web.Request) -> Console:
    return request.app[CONSOLE]


def _session(request: web.Request) -> Session:
    return request["session"]


def _forget_previews(session: Session, console: Console) -> None:
    for sender in session.previews:
        forget(sender, console.settings.tracker_db_url)
    session.previews.clear()


# -- access ---------------------------------------------------------------------------------
@web.middleware
async def console_guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Session and CSRF checks for everything under /console."""
    if request.path != PREFIX and not request.path.startswith(PREFIX + "/"):
        return await handler(request)
    console = _console(request)
    if request.path == PREFIX + "/login":
        response = await as_response(handler, request)
    else:
        session = console.sessions.get(request.cookies.get(COOKIE), time.monotonic())
        if session is not None and console.accounts.stamp(session.account.name) != session.stamp:
            # The account was removed or its password changed since this login.
            _forget_previews(session, console)
            console.sessions.drop(session.token)
            session = None
        api = request.path.startswith(PREFIX + "/api/")
        if session is None:
            if request.method == "GET" and not api:
                response = web.HTTPSeeOther(PREFIX + "/login")
            else:
                response = web.json_response({"error": "login_required"}, status=401)
        else:
            token = request.headers.get("X-CSRF-Token")
            if request.method == "POST" and token is None:
                token = (await request.post()).get("csrf")  # type: ignore[assignment]
            if request.method == "POST" and not session.csrf_ok(token):
                response = web.json_response({"error": "csrf"}, status=403)
            else:
                request["session"] = session
                response = await as_response(handler, request)
    return response  # framing is forbidden by the app's security headers (bot/web.py)


def _client_address(request: web.Request) -> str:
    return request.remote or "unknown"


async def login_page(request: web.Request) -> web.Response:
    """GET /console/login"""
    token = uuid.uuid4().hex
    response = _console(request).page(request, "login.html", csrf=token, error=None)
    _set_cookie(request, response, LOGIN_COOKIE, token, max_age=3600)
    return response


async def login(request: web.Request) -> web.StreamResponse:
    """POST /console/login: name + password; throttled; a fresh session on success."""
    console = _console(request)
    form = await request.post()
    if not form.get("csrf") or form.get("csrf") != request.cookies.get(LOGIN_COOKIE):
        return console.page(request, "login.html", status=403, csrf=request.cookies.get(
            LOGIN_COOKIE, ""), error="The form expired. Please try again.")
    name = str(form.get("name", "")).strip().lower()[:40]
    password = str(form.get("password", ""))[:200]
    keys = console.throttle.keys(name, _client_address(request))
    now = time.monotonic()
    wait = console.throttle.locked(keys, now)
    if wait > 0:
        return console.page(request, "login.html", status=429, csrf=form["csrf"],
                            error=f"Too many wrong passwords. Try again in "
                                  f"{_duration(wait)}.")
    account = console.accounts.verify(name, password)
    if account is None:
        console.throttle.failed(keys, now)
        return console.page(request, "login.html", status=401, csrf=form["csrf"],
                            error="Wrong login name or password.")
    console.throttle.succeeded(keys)
    session = console.sessions.create(account, now, console.accounts.stamp(account.name))
    response = web.HTTPSeeOther(PREFIX + "/")
    _set_cookie(request, response, COOKIE, session.token)
    response.del_cookie(LOGIN_COOKIE, path=PREFIX)
    return response


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{int(seconds) + 1} seconds"
    return f"{int(seconds // 60) + 1} minutes"


def _set_cookie(request: web.Request, response: web.StreamResponse, name: str, value: str,
                max_age: Optional[int] = None) -> None:
    response.set_cookie(name, value, path=PREFIX, httponly=True, samesite="Strict",
                        secure=_console(request).settings.console_secure_cookies or request.secure,
                        max_age=max_age)


async def logout(request: web.Request) -> web.StreamResponse:
    """POST /console/logout: end the session and delete its preview conversations."""
    console = _console(request)
    session = console.sessions.drop(_session(request).token)
    if session:
        _forget_previews(session, console)
    response = web.HTTPSeeOther(PREFIX + "/login")
    response.del_cookie(COOKIE, path=PREFIX)
    return response


# -- content --------------------------------------------------------------------------------
def _keep(report: AnswerReport, state: str, condition: str) -> bool:
    a = report.answer
    if condition in CONDITIONS + ("any",) and a.condition != condition:
        return False
    if state == "drafts":
        return not a.review.approved
    if state == "stale":
        return report.translation != "current"
    if state == "overdue":
        return report.review_overdue
    return True


async def overview(request: web.Request) -> web.Response:
    """GET /console/: every answer with review, translation, examples and readability."""
    console = _console(request)
    content, translations = console.content(), console.translations()
    reports = build_report(content, translations)
    state = request.query.get("state", "all")
    state = state if state in FILTERS else "all"
    condition = request.query.get("condition", "")
    shown = [r for r in reports if _keep(r, state, condition)]
    return console.page(request, "overview.html", nav="content", reports=shown,
                        total=len(reports), summary=report_summary(reports), state=state,
                        condition=condition, examples=example_counts(), conditions=CONDITIONS)


def _previews(renderer: Renderer, answer: Answer) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """The answer rendered as parents get it (drafts as they would be), per language and layer,
    with pictures from the working copy."""
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    layers = ["short", "more"] if answer.more else ["short"]
    for lang in ("nl", *TARGET_LANGUAGES):
        out[lang] = {}
        for layer in layers:
            messages = [m.as_dict() for m in renderer.answer(answer, lang, layer,
                                                             draft_preview=True)]
            for m in messages:
                picture = m.get("custom", {}).get("picture")
                if picture:
                    picture["src"] = f"{PREFIX}/pictures/{answer.id}.svg"
            out[lang][layer] = messages
    return out


def _answer_page(request: web.Request, answer_id: str, status: int = 200,
                 error: Optional[str] = None) -> web.Response:
    console = _console(request)
    content, translations = console.content(), console.translations()
    answer = content.answers.get(answer_id)
    if answer is None:
        raise web.HTTPNotFound(text="No such answer.")
    [report] = [r for r in build_report(content, translations) if r.answer.id == answer_id]
    sections = section_texts(content)
    fields = []
    for name, dutch in answer.texts().items():
        ctx = f"{answer.id}.{name}"
        fields.append({
            "name": name, "nl": dutch,
            "en": translations.get("en", ctx, dutch),
            "en_draft": translations.draft("en", ctx),
            "state": translations.state("en", ctx, dutch),
            # The source sentences this text rests on, so it is approved against the evidence.
            "quotes": cited_sentences(content, answer, name, sections),
        })
    sources = [{"title": content.sources[r.doc].title, "file": content.sources[r.doc].file,
                "section": r.section, "text": sections.get((r.doc, r.section))}
               for r in answer.sources]
    counts = example_counts()
    examples = {intent: counts.get(intent, {}) for intent in answer.intents}
    renderer = Renderer(content, translations, console.settings)
    return console.page(
        request, "answer.html", status=status, nav="content", answer=answer, report=report,
        fields=fields, sources=sources, examples=examples, error=error,
        # Inside a <script type="application/json">: "<" escaped so no text can close it.
        previews=json.dumps(_previews(renderer, answer), ensure_ascii=False).replace("<", "\\u003c"),
        history=audit_entries(console.workspace, answer.id),
        flow=content.flow_of(answer.id), lang_names=LANG_NAMES)


async def answer_page(request: web.Request) -> web.Response:
    """GET /console/answers/{id}: one answer, Dutch and English side by side."""
    return _answer_page(request, request.match_info["id"])


async def decide(request: web.Request) -> web.StreamResponse:
    """POST /console/answers/{id}/{approve|send-back|approve-translation}"""
    console = _console(request)
    answer_id, action = request.match_info["id"], request.match_info["action"]
    form = await request.post()
    by = _session(request).account.display_name
    today = dt.date.today()
    try:
        if action == "approve":
            approve(console.workspace, answer_id, by, today)
            done = "approved"
        elif action == "send-back":
            send_back(console.workspace, answer_id, by, today, str(form.get("comment", "")))
            done = "sent_back"
        elif action == "approve-translation":
            texts = {k[len("text."):]: str(v) for k, v in form.items() if k.startswith("text.")}
            approve_translation(console.workspace, answer_id, "en", texts, by, today)
            done = "translation"
        else:
            raise web.HTTPNotFound()
    except ReviewRefused as refused:
        return _answer_page(request, answer_id, status=409, error=str(refused))
    raise web.HTTPSeeOther(f"{PREFIX}/answers/{answer_id}?done={done}")


async def publish_now(request: web.Request) -> web.StreamResponse:
    """POST /console/publish: compile and put in force what is approved (bot/content/build.py)."""
    console = _console(request)
    ws = console.workspace
    try:
        published = publish(ws.content_dir, ws.translations_dir)
    except BuildRefused as refused:
        return console.page(request, "refused.html", status=409, nav="content",
                            problems=refused.problems)
    audit(ws, {"action": "publish", "by": _session(request).account.display_name,
               "fingerprint": published.fingerprint, "approved": published.approved})
    raise web.HTTPSeeOther(f"{PREFIX}/?done=published")


async def console_picture(request: web.Request) -> web.Response:
    """GET /console/pictures/{id}.svg: an answer's picture from the working copy (drafts too)."""
    answer = _console(request).content().answers.get(request.match_info["id"])
    if answer is None or not answer.picture:
        raise web.HTTPNotFound()
    return web.Response(text=draw(answer.picture, answer.values), content_type="image/svg+xml")


async def audit_page(request: web.Request) -> web.Response:
    """GET /console/audit: every review decision and publish, newest first."""
    console = _console(request)
    return console.page(request, "audit.html", nav="audit",
                        entries=audit_entries(console.workspace))


async def review_document(request: web.Request) -> web.Response:
    """GET /console/review.pdf: all answers, sources and review states, both languages."""
    console = _console(request)
    pdf = review_pdf(console.content(), console.translations(), console.settings)
    return web.Response(body=pdf, content_type="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="content-review-{dt.date.today()}.pdf"'})


# -- try a question -------------------------------------------------------------------------
async def try_page(request: web.Request) -> web.Response:
    """GET /console/try"""
    return _console(request).page(request, "try.html", nav="try")


async def try_question(request: web.Request) -> web.Response:
    """POST /console/api/try {sender, message, metadata}: the live reply a parent would get
    (same route into Rasa as /api/chat), plus what the classifier made of it, plus drafts."""
    console = _console(request)
    try:
        body = loads(await request.text())
    except (ValueError, UnicodeDecodeError):
        return error("bad_request", "en", 400)
    clean, problem = parse_chat(body, surfaces=("preview",), grammar=request.app[GRAMMAR])
    if problem:
        return error(problem, "en", 413 if problem == "too_long" else 400)
    assert clean is not None
    _session(request).previews.add(clean["sender"])
    messages = await ask_rasa(request.app[HTTP_CLIENT], request.app[REPLICAS], clean)
    if isinstance(messages, int):  # unreachable, failed, or no reply: as the parents' route
        return error("unavailable", "en", messages)
    nlu = nlu_summary(latest_parse(clean["sender"], console.settings.tracker_db_url))
    drafts = []
    draft_topics = [m["custom"]["topic"] for m in messages
                    if (m.get("custom") or {}).get("status") == "draft"]
    renderer = console.renderer() if draft_topics else None  # the working copy, only if needed
    for m in messages:
        custom = m.get("custom") or {}
        if renderer and custom.get("status") == "draft" and custom.get("topic") in renderer.content.answers:
            answer = renderer.content.answers[custom["topic"]]
            draft = renderer.answer(answer, custom.get("language", "nl"), draft_preview=True)
            if draft[0].custom.get("status") == "untranslated":
                draft += renderer.answer(answer, "nl", draft_preview=True)  # the Dutch draft
            drafts += [d.as_dict() for d in draft]
    for d in drafts:
        picture = d.get("custom", {}).get("picture")
        if picture:
            picture["src"] = f"{PREFIX}/pictures/{d['custom']['topic']}.svg"
    return web.json_response({"messages": messages, "nlu": nlu,
                              "falls_back": falls_back(messages, nlu), "drafts": drafts})


async def try_reset(request: web.Request) -> web.Response:
    """POST /console/api/try/reset {sender}: delete a preview conversation."""
    body = await request.json() if request.can_read_body else {}
    sender = body.get("sender") if isinstance(body, dict) else None
    session = _session(request)
    if sender in session.previews:
        forget(sender, _console(request).settings.tracker_db_url)
        session.previews.discard(sender)
    return web.json_response({"ok": True})


# -- unanswered questions ---------------------------------------------------------------------
def _store(console: Console) -> UnansweredStore:
    return UnansweredStore(console.settings.unanswered_retention_days,
                           console.settings.unanswered_db_url)


async def unanswered_page(request: web.Request) -> web.Response:
    """GET /console/unanswered: fallback questions (text, language, date; nothing else)."""
    console = _console(request)
    intents = sorted(console.content().intents)
    store = _store(console)
    return console.page(request, "unanswered.html", nav="unanswered",
                        questions=store.list(dt.date.today()),
                        groups=store.by_subject_and_kind(dt.date.today()),
                        keeping=console.settings.keep_unanswered,
                        retention=console.settings.unanswered_retention_days, intents=intents)


async def unanswered_mark(request: web.Request) -> web.StreamResponse:
    """POST /console/unanswered/{id}: mark as added to a topic, or out of scope."""
    console = _console(request)
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
        raise web.HTTPBadRequest(text="Choose the topic the question was added to.")
    raise web.HTTPSeeOther(f"{PREFIX}/unanswered?done=marked")


# -- wiring ---------------------------------------------------------------------------------
async def sweep_sessions(app: web.Application) -> None:
    """Expired sessions: drop them and delete their preview conversations."""
    for session in app[CONSOLE].sessions.expired(time.monotonic()):
        _forget_previews(session, app[CONSOLE])


def add_routes(app: web.Application, console: Console) -> None:
    """Mount the console on `app` (the guard middleware is added by bot.web.web)."""
    app[CONSOLE] = console
    r = app.router
    r.add_get(PREFIX, lambda request: _redirect(PREFIX + "/"))
    r.add_get(PREFIX + "/login", login_page)
    r.add_post(PREFIX + "/login", login)
    r.add_post(PREFIX + "/logout", logout)
    r.add_get(PREFIX + "/", overview)
    r.add_get(PREFIX + "/answers/{id}", answer_page)
    r.add_post(PREFIX + "/answers/{id}/{action}", decide)
    r.add_post(PREFIX + "/publish", publish_now)
    r.add_get(PREFIX + "/pictures/{id}.svg", console_picture)
    r.add_get(PREFIX + "/try", try_page)
    r.add_post(PREFIX + "/api/try", try_question)
    r.add_post(PREFIX + "/api/try/reset", try_reset)
    r.add_get(PREFIX + "/unanswered", unanswered_page)
    r.add_post(PREFIX + "/unanswered/{id}", unanswered_mark)
    r.add_get(PREFIX + "/audit", audit_page)
    r.add_get(PREFIX + "/review.pdf", review_document)


async def _redirect(location: str) -> web.StreamResponse:
    raise web.HTTPSeeOther(location)


