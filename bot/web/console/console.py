"""What every console route shares: the Console (settings, workspace, accounts, sessions, login
throttle), how a route finds it and its counsellor's session, and how a console page is drawn.

The console (/console) is an aiohttp sub-application (bot/web/console/app.py) where counsellors
see all content, try questions, approve and publish. Every route except the login page needs a
counsellor's session, every POST its CSRF token (bot/web/console/access.py). The console edits
a workspace (the project's content and catalogs, see bot/content/review.py) and serves parents
nothing: parents get what was last published (bot/content/build.py).
"""

from __future__ import annotations

from typing import Any, Optional

from aiohttp import web

from bot.config.config import Config, Location
from bot.content.build import fingerprint, read_bundle
from bot.content.catalog import Translations
from bot.content.content import Content, load_content
from bot.content.review import Workspace
from bot.conversation.render import Renderer
from bot.stores.conversations import forget
from bot.web.console.accounts import AccountStore, accounts_file
from bot.web.console.sessions import LoginThrottle, Session, SessionStore
from bot.web.console.texts import NAMES, ConsoleTexts, texts_for
from bot.web.pages import html_page

PREFIX = "/console"
# Notices after a redirect, by code: the query string never carries text to show.
DONE = {
    "approved": "console_page_done_approved",
    "sent_back": "console_page_done_sent_back",
    "translation": "console_page_done_translation",
    "published": "console_page_done_published",
    "marked": "console_page_done_marked",
}


class Console:
    """Everything the console routes share: accounts, sessions, throttle, workspace."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.settings = settings = config.settings
        self.workspace = Workspace(config.paths.content_dir, config.paths.translations_dir)
        self.accounts = AccountStore(accounts_file(config.paths.state_dir))
        self.sessions = SessionStore(
            settings.console_idle_minutes * 60, settings.console_max_hours * 3600
        )
        self.throttle = LoginThrottle(
            settings.console_lock_attempts,
            settings.console_lock_minutes * 60,
            settings.console_lock_minutes * 60,
        )

    # -- working copy ------------------------------------------------------------------
    def content(self) -> Content:
        """The working copy's content (drafts included)."""
        return load_content(self.workspace.content_dir)

    def translations(self) -> Translations:
        """The working copy's catalogs."""
        return Translations(self.workspace.translations_dir)

    def renderer(
        self, content: Optional[Content] = None, translations: Optional[Translations] = None
    ) -> Renderer:
        """A renderer over the working copy (or the given content and catalogs), with the
        pictures served by the console, so drafts show theirs too."""
        return Renderer(
            self.content() if content is None else content,
            self.translations() if translations is None else translations,
            self.settings,
            pictures_at=PREFIX + "/pictures",
        )

    def publish_state(self) -> dict[str, Any]:
        """Whether the working copy differs from what parents get."""
        try:
            bundle = read_bundle(self.config.paths.state_dir)
        except FileNotFoundError:
            return {"published": None, "pending": True}
        return {
            "published": bundle["built_at"],
            "pending": bundle["fingerprint"]
            != fingerprint(self.workspace.content_dir, self.workspace.translations_dir),
        }

    def texts(self, request: web.Request) -> ConsoleTexts:
        """The console's texts for this request, from the working copy (why: texts.py)."""
        return texts_for(request, self.renderer)

    def page(
        self, request: web.Request, template: str, status: int = 200, **values: Any
    ) -> web.Response:
        """Render a console page, its texts as `t` and the proper names as `names`."""
        t = self.texts(request)
        done = DONE.get(request.query.get("done", ""))
        html = html_page(
            template,
            t=t,
            names=NAMES,
            session=request.get("session"),
            done=t(done) if done else None,
            publish=self.publish_state() if request.get("session") else None,
            **values,
        )
        return web.Response(text=html, content_type="text/html", status=status)


CONSOLE = web.AppKey("console", Console)


def console_of(request: web.Request) -> Console:
    """The console serving this request."""
    return request.app[CONSOLE]


def session_of(request: web.Request) -> Session:
    """The counsellor's session (set by the access guard on every route but the login)."""
    return request["session"]


def forget_previews(session: Session, db: Location) -> None:
    """Delete the preview conversations a session started (it ended, or was dropped) from the
    tracker store at `db` (the config's tracker_store)."""
    for sender in session.previews:
        forget(sender, db)
    session.previews.clear()
