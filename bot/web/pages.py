"""Server-rendered pages (the counsellor console, the page about the assistant): jinja2 with
autoescaping, templates in bot/web/templates/."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any, Optional

from jinja2 import Environment, FileSystemLoader, select_autoescape

from bot.config.paths import ROOT


def when(iso: Optional[str]) -> str:
    """An ISO time as a reader reads it: '22 Nov 2026, 13:12 UTC'."""
    if not iso:
        return "never"
    t = dt.datetime.fromisoformat(iso).astimezone(dt.timezone.utc)
    return t.strftime("%-d %b %Y, %H:%M UTC")


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The template environment (one per process)."""
    env = Environment(loader=FileSystemLoader(ROOT / "bot" / "web" / "templates"),
                      autoescape=select_autoescape(["html"]), trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["when"] = when
    return env


def html_page(template: str, **values: Any) -> str:
    """Render a template to HTML."""
    return environment().get_template(template).render(**values)
