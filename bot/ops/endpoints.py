"""Rasa's endpoints file per replica, written by the launcher: which action server it calls,
its tracker store (our caching SQL store, or Rasa's own for the benchmark's baseline) and, with
several replicas, the Redis lock store; and the owner-only state directory it is written to."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Optional

import yaml
from sqlalchemy.engine import make_url

from bot.config.config import Config
from bot.config.settings import Settings


def secure_state_dir(state_dir: Path) -> None:
    """The state directory holds conversations (health data): owner-only, 0700 for it and its
    folders, 0600 for its files, including what the servers create later (the umask is
    inherited by every child process)."""
    os.umask(0o077)
    state_dir.mkdir(parents=True, exist_ok=True)
    for path in [state_dir, *state_dir.rglob("*")]:
        if path.is_symlink():
            continue
        path.chmod(0o700 if path.is_dir() else 0o600)


def tracker_store_config(config: Config, stock: bool = False) -> dict[str, Any]:
    """Rasa's tracker store: the project's (Rasa's SQL store reading only new events) or, for
    the benchmark's baseline, Rasa's own; on the SQLite file or on the configured database."""
    settings = config.settings
    store: dict[str, Any] = {
        "type": "SQL" if stock else "bot.engine.tracker_store.CachedSQLTrackerStore"
    }
    if settings.tracker_db_url:
        url = make_url(settings.tracker_db_url)
        # Rasa passes the endpoint's `url` to the store as its host.
        store.update(
            {
                "dialect": url.drivername,
                "url": url.host,
                "port": url.port,
                "db": url.database,
                "username": url.username,
                "password": url.password,
            }
        )
    else:
        store.update({"dialect": "sqlite", "db": str(config.tracker_store)})
    return {k: v for k, v in store.items() if v is not None}


def lock_store_config(settings: Settings) -> Optional[dict[str, Any]]:
    """Rasa's Redis lock store when one is configured (several replicas share conversations:
    without it two of them could answer one conversation's messages out of order)."""
    if not settings.lock_store_url:
        return None
    url = make_url(settings.lock_store_url)
    return {
        k: v
        for k, v in {
            "type": "redis",
            "url": url.host,
            "port": url.port or 6379,
            "password": url.password,
            "db": int(url.database or 0),
            "key_prefix": "keuzehulp",
        }.items()
        if v is not None
    }


def write_endpoints(config: Config, stock: bool = False, replica: int = 0) -> Path:
    """The endpoints file Rasa replica `replica` uses: its action server and the tracker
    (and lock) store. Owner-only, since it may hold database passwords."""
    settings = config.settings
    secure_state_dir(config.paths.state_dir)
    action_port = settings.action_port + replica % max(1, settings.action_servers)
    endpoints: dict[str, Any] = {
        "action_endpoint": {"url": f"http://127.0.0.1:{action_port}/webhook"},
        "tracker_store": tracker_store_config(config, stock),
    }
    if not stock:
        # Our actions never read the domain: Rasa then stops sending it with every call.
        endpoints["action_endpoint"]["enable_selective_domain"] = True
    lock = lock_store_config(settings)
    if lock:
        endpoints["lock_store"] = lock
    # One file per Rasa port: two sets of services (the tests' embedded and production
    # mode) may share a state directory.
    port = (
        settings.rasa_ports[replica]
        if replica < len(settings.rasa_ports)
        else settings.rasa_port + replica
    )
    path = config.paths.state_dir / f"endpoints{'.stock' if stock else ''}.{port}.yml"
    path.write_text(yaml.safe_dump(endpoints), encoding="utf-8")
    return path
