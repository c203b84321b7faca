"""Server-rendered pages (the counsellor console, the page about the assistant): jinja2 with
autoescaping, templates in bot/web/templates/. The pages' texts are handed in: the console's as
`t` (bot/web/console/texts.py), the about page's in `page` (bot/decision_aid/about.py)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from bot.config.paths import ROOT


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The template environment (one per process)."""
    return Environment(
        loader=FileSystemLoader(ROOT / "bot" / "web" / "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def html_page(template: str, **values: Any) -> str:
    """Render a template to HTML."""
    return environment().get_template(template).render(**values)
