"""The renderer over the *published* bundle (bot/content/build.py): what parents get.

One per process that serves parents, built from that process's Config: the web application
keeps it under an app key, the action server in actions/runtime.py. A new bundle is picked up
on the next `get()`; the renderer is rebuilt only then.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from bot.config.settings import Settings
from bot.content.build import PublishedView
from bot.conversation.render import Renderer


class PublishedRenderer:
    """The renderer of the bundle in force in `state_dir`, with `settings`' clinic details."""

    def __init__(self, settings: Settings, state_dir: Path) -> None:
        self.settings = settings
        self.view = PublishedView(state_dir)
        self._current: Optional[Renderer] = None

    def get(self) -> Renderer:
        """The renderer of the bundle in force (FileNotFoundError: nothing published yet)."""
        content, translations, meta = self.view.get()
        if self._current is None or self._current.content is not content:
            self._current = Renderer(content, translations, self.settings, audio=meta["audio"])
        return self._current
