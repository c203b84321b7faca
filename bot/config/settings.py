"""Clinic settings: contact details and ports. Embedded defaults, overridable by a file.

`clinic.example.yml` holds clearly marked placeholder values and is used when no
`clinic.yml` exists (or `BOT_SETTINGS` points elsewhere), so the assistant runs out of the box.
The environment's overrides (ports, database URLs) are handed in as a mapping by the one reader
of the environment, bot/config/environment.py; nothing here reads the environment itself.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Optional

import yaml

from bot.config.paths import ROOT

# When a clinic has not configured its own 24/7 route: the Dutch out-of-hours GP service, which
# every family can reach day and night. A clinic should name its own route (clinic.example.yml).
DEFAULT_AFTER_HOURS = {
    "nl": "de huisartsenpost (dag en nacht bereikbaar)",
    "en": "the out-of-hours GP service (huisartsenpost, open day and night)",
}


@dataclass(frozen=True)
class Settings:
    """Everything a clinic configures."""

    clinic_name: dict[str, str]
    clinic_phone: str
    clinic_hours: dict[str, str]
    # Where parents can turn when the counsellors are not there: evenings, nights, weekends
    # (the distress answer names it). Per language, a whole phrase with its phone number.
    clinic_after_hours: dict[str, str]
    host: str
    port: int
    rasa_port: int
    action_port: int
    kiosk_idle_seconds: int
    kiosk_countdown_seconds: int
    embed_origins: tuple[str, ...]
    retention_hours: float
    keep_unanswered: bool
    unanswered_retention_days: int
    console_idle_minutes: float
    console_max_hours: float
    console_lock_attempts: int
    console_lock_minutes: float
    console_secure_cookies: bool
    # Chat messages (burst, per second) per conversation and per client address; a burst of
    # 0 turns a limit off (e.g. per address behind a proxy that limits per client itself).
    rate_per_sender: tuple[int, float]
    rate_per_address: tuple[int, float]
    path: Path
    # Production (issue 11): database URLs of Rasa's tracker store (our conversation deletion
    # and retention use it too) and of the unanswered questions, e.g.
    # "postgresql://keuzehulp:…@127.0.0.1:5432/keuzehulp". None: the embedded SQLite files.
    tracker_db_url: Optional[str] = None
    unanswered_db_url: Optional[str] = None
    # Rasa's Redis lock store ("redis://:password@127.0.0.1:6379/0"), needed as soon as more
    # than one Rasa process serves the same conversations; None: Rasa's in-memory locks.
    lock_store_url: Optional[str] = None
    # Processes: Rasa replicas on rasa_port, rasa_port + 1, …; action servers on action_port,
    # action_port + 1, …; replica i calls action server i mod action_servers.
    rasa_replicas: int = 1
    action_servers: int = 1
    # Addresses of a reverse proxy in front of us (nginx): from these, the client's address is
    # read from X-Forwarded-For (for the rate limits and the console's lock-out).
    trusted_proxies: tuple[str, ...] = ()

    @property
    def rasa_ports(self) -> tuple[int, ...]:
        """The ports of the Rasa replicas our web tier spreads messages over."""
        return tuple(self.rasa_port + i for i in range(self.rasa_replicas))

    def placeholders(self, lang: str) -> dict[str, str]:
        """Values for {clinic_*} placeholders in content texts."""
        return {
            "clinic_name": self.clinic_name[lang],
            "clinic_phone": self.clinic_phone,
            "clinic_hours": self.clinic_hours[lang],
            "clinic_after_hours": self.clinic_after_hours[lang],
        }


def is_loopback(host: str) -> bool:
    """Whether `host` is an address only this machine can reach."""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def settings_path(overrides: Mapping[str, str] = {}) -> Path:
    """The settings file in force: `BOT_SETTINGS` among `overrides`, else clinic.yml, else
    the example clinic."""
    if overrides.get("BOT_SETTINGS"):
        return Path(overrides["BOT_SETTINGS"])
    own = ROOT / "clinic.yml"
    return own if own.exists() else ROOT / "clinic.example.yml"


def load_settings(path: Path | None = None, overrides: Mapping[str, str] = {}) -> Settings:
    """Read settings from `path` (default: settings_path(overrides)); `overrides` holds the
    environment's BOT_* values (ports, embed origins, database URLs, process counts)."""
    env = overrides
    path = path or settings_path(env)
    raw: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    clinic, server, kiosk = raw["clinic"], raw.get("server", {}), raw.get("kiosk", {})
    privacy = raw.get("privacy") or {}
    console = raw.get("console") or {}
    limits = raw.get("rate_limits") or {}
    production = raw.get("production") or {}
    host = server.get("host", "127.0.0.1")
    return Settings(
        clinic_name=clinic["name"],
        clinic_phone=clinic["phone"],
        clinic_hours=clinic["hours"],
        clinic_after_hours=clinic.get("after_hours") or DEFAULT_AFTER_HOURS,
        host=host,
        port=int(env.get("BOT_PORT", server.get("port", 8000))),
        rasa_port=int(env.get("BOT_RASA_PORT", server.get("rasa_port", 5005))),
        action_port=int(env.get("BOT_ACTION_PORT", server.get("action_port", 5055))),
        kiosk_idle_seconds=int(kiosk.get("idle_seconds", 90)),
        kiosk_countdown_seconds=int(kiosk.get("countdown_seconds", 20)),
        embed_origins=tuple(env["BOT_EMBED_ORIGINS"].split())
        if env.get("BOT_EMBED_ORIGINS")
        else tuple(server.get("embed_origins") or ()),
        retention_hours=float(privacy.get("conversation_retention_hours", 24)),
        keep_unanswered=bool(privacy.get("keep_unanswered_questions", False)),
        unanswered_retention_days=int(privacy.get("unanswered_retention_days", 30)),
        console_idle_minutes=float(console.get("session_idle_minutes", 30)),
        console_max_hours=float(console.get("session_max_hours", 8)),
        console_lock_attempts=int(console.get("lock_after_failed_logins", 5)),
        console_lock_minutes=float(console.get("lock_minutes", 15)),
        # Secure unless the server listens on loopback only (where a clinic's https proxy
        # sits in front, or a developer's plain http).
        console_secure_cookies=bool(console.get("secure_cookies", not is_loopback(host))),
        rate_per_sender=_rate(limits.get("per_conversation"), (20, 2.0)),
        rate_per_address=_rate(limits.get("per_address"), (120, 20.0)),
        path=path,
        # From the environment first: a URL holds a password, which belongs in the service's
        # environment file (deploy/), not in clinic.yml.
        tracker_db_url=env.get("BOT_TRACKER_DB_URL") or production.get("tracker_db_url"),
        unanswered_db_url=(env.get("BOT_UNANSWERED_DB_URL") or production.get("unanswered_db_url")),
        lock_store_url=env.get("BOT_LOCK_STORE_URL") or production.get("lock_store_url"),
        trusted_proxies=tuple(str(a) for a in server.get("trusted_proxies") or ()),
        rasa_replicas=int(env.get("BOT_RASA_REPLICAS") or production.get("rasa_replicas", 1)),
        action_servers=int(env.get("BOT_ACTION_SERVERS") or production.get("action_servers", 1)),
    )


def _rate(raw: Any, default: tuple[int, float]) -> tuple[int, float]:
    """A `{burst, per_second}` mapping from the settings file, or the default."""
    if not raw:
        return default
    return int(raw.get("burst", default[0])), float(raw.get("per_second", default[1]))
