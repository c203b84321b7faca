"""Who may use the console: the guard that wants a live session and a CSRF token on every
route but the login page, logging in (throttled per name and per address) and out, and the
console's cookies (HttpOnly, SameSite=Strict, only for /console, Secure off loopback)."""

from __future__ import annotations

import time
import uuid
from typing import Awaitable, Callable, Optional

from aiohttp import web

from bot.web.console.console import PREFIX, console_of, forget_previews, session_of
from bot.web.console.texts import ConsoleTexts
from bot.web.request_rules import as_response, client_address

COOKIE = "console_session"
LOGIN_COOKIE = "console_login"  # pre-login CSRF token (double submit)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def console_guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Session and CSRF checks for everything in the console sub-application."""
    console = console_of(request)
    if request.path == PREFIX + "/login":
        response = await as_response(handler, request)
    else:
        session = console.sessions.get(request.cookies.get(COOKIE), time.monotonic())
        if session is not None and console.accounts.stamp(session.account.name) != session.stamp:
            # The account was removed or its password changed since this login.
            forget_previews(session, console.config.tracker_store)
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
    return response  # framing is forbidden by the app's security headers (bot/web/web.py)


def _client_address(request: web.Request) -> str:
    return client_address(request, console_of(request).settings.trusted_proxies) or "unknown"


async def login_page(request: web.Request) -> web.Response:
    """GET /console/login"""
    token = uuid.uuid4().hex
    response = console_of(request).page(request, "login.html", csrf=token, error=None)
    _set_cookie(request, response, LOGIN_COOKIE, token, max_age=3600)
    return response


async def login(request: web.Request) -> web.StreamResponse:
    """POST /console/login: name + password; throttled; a fresh session on success."""
    console = console_of(request)
    t = console.texts(request)
    form = await request.post()
    if not form.get("csrf") or form.get("csrf") != request.cookies.get(LOGIN_COOKIE):
        return console.page(
            request,
            "login.html",
            status=403,
            csrf=request.cookies.get(LOGIN_COOKIE, ""),
            error=t.plain("console_page_form_expired"),
        )
    name = str(form.get("name", "")).strip().lower()[:40]
    password = str(form.get("password", ""))[:200]
    keys = console.throttle.keys(name, _client_address(request))
    now = time.monotonic()
    wait = console.throttle.locked(keys, now)
    if wait > 0:
        return console.page(
            request,
            "login.html",
            status=429,
            csrf=form["csrf"],
            error=t.plain("console_page_too_many_tries", duration=_duration(t, wait)),
        )
    account = console.accounts.verify(name, password)
    if account is None:
        console.throttle.failed(keys, now)
        return console.page(
            request,
            "login.html",
            status=401,
            csrf=form["csrf"],
            error=t.plain("console_page_wrong_login"),
        )
    console.throttle.succeeded(keys)
    session = console.sessions.create(account, now, console.accounts.stamp(account.name))
    response = web.HTTPSeeOther(PREFIX + "/")
    _set_cookie(request, response, COOKIE, session.token)
    response.del_cookie(LOGIN_COOKIE, path=PREFIX)
    return response


def _duration(t: ConsoleTexts, seconds: float) -> str:
    if seconds < 60:
        return t.plain("console_page_seconds", n=int(seconds) + 1)
    return t.plain("console_page_minutes", n=int(seconds // 60) + 1)


def _set_cookie(
    request: web.Request,
    response: web.StreamResponse,
    name: str,
    value: str,
    max_age: Optional[int] = None,
) -> None:
    response.set_cookie(
        name,
        value,
        path=PREFIX,
        httponly=True,
        samesite="Strict",
        secure=console_of(request).settings.console_secure_cookies or request.secure,
        max_age=max_age,
    )


async def logout(request: web.Request) -> web.StreamResponse:
    """POST /console/logout: end the session and delete its preview conversations."""
    console = console_of(request)
    session = console.sessions.drop(session_of(request).token)
    if session:
        forget_previews(session, console.config.tracker_store)
    response = web.HTTPSeeOther(PREFIX + "/login")
    response.del_cookie(COOKIE, path=PREFIX)
    return response
