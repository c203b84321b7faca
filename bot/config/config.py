"""One process's configuration: the clinic's settings and the directories it works on.

Built once by an entry point (bot/config/environment.py reads the environment for it) and
passed down: as an argument, or as the web application's CONFIG key. Nothing below the entry
points builds or looks one up for itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping, Union

from bot.config.paths import Paths
from bot.config.settings import Settings, load_settings

# A database location: a SQLite file or a database URL (bot/stores/database.py).
Location = Union[str, Path]


@dataclass(frozen=True)
class Config:
    """Settings + paths; `tracker_store` and `unanswered_store` are where this process finds
    Rasa's conversations and the unanswered questions."""

    settings: Settings
    paths: Paths = field(default_factory=Paths)

    @classmethod
    def load(cls, overrides: Mapping[str, str] = {}) -> "Config":
        """The configuration `overrides` (BOT_* names and values) describe; an empty mapping
        gives the checkout's own (clinic.yml or the example clinic, .state/)."""

        def path(name: str, default: Path) -> Path:
            return Path(overrides[name]) if overrides.get(name) else default

        defaults = Paths()
        return cls(
            load_settings(None, overrides),
            Paths(
                content_dir=path("BOT_CONTENT_DIR", defaults.content_dir),
                translations_dir=path("BOT_TRANSLATIONS_DIR", defaults.translations_dir),
                sources_dir=path("BOT_SOURCES_DIR", defaults.sources_dir),
                state_dir=path("BOT_STATE_DIR", defaults.state_dir),
            ),
        )

    @property
    def tracker_store(self) -> Location:
        """Rasa's tracker store: the configured database, else the SQLite file in the state
        directory (see bot/ops/launcher.py)."""
        return self.settings.tracker_db_url or self.paths.state_dir / "trackers.db"

    @property
    def unanswered_store(self) -> Location:
        """The store of unanswered questions: the configured database, else a SQLite file in
        the state directory."""
        return self.settings.unanswered_db_url or self.paths.state_dir / "unanswered.db"

    def with_settings(self, **changes: Any) -> "Config":
        """This configuration with some settings changed (tests, the benchmark)."""
        return replace(self, settings=replace(self.settings, **changes))

    def environment(self) -> dict[str, str]:
        """The BOT_* variables from which a child process builds this same configuration
        (Config.load(config.environment()) == config, settings file included)."""
        s, p = self.settings, self.paths
        env = {
            "BOT_SETTINGS": str(s.path),
            "BOT_PORT": str(s.port),
            "BOT_RASA_PORT": str(s.rasa_port),
            "BOT_ACTION_PORT": str(s.action_port),
            "BOT_RASA_REPLICAS": str(s.rasa_replicas),
            "BOT_ACTION_SERVERS": str(s.action_servers),
            "BOT_CONTENT_DIR": str(p.content_dir),
            "BOT_TRANSLATIONS_DIR": str(p.translations_dir),
            "BOT_SOURCES_DIR": str(p.sources_dir),
            "BOT_STATE_DIR": str(p.state_dir),
        }
        if s.embed_origins:
            env["BOT_EMBED_ORIGINS"] = " ".join(s.embed_origins)
        for name, value in (
            ("BOT_TRACKER_DB_URL", s.tracker_db_url),
            ("BOT_UNANSWERED_DB_URL", s.unanswered_db_url),
            ("BOT_LOCK_STORE_URL", s.lock_store_url),
        ):
            if value:
                env[name] = value
        return env
