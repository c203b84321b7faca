"""Starts everything a parent needs: action server, Rasa server, our web server.

Rasa and the action server listen on loopback only; Rasa's HTTP API is not enabled (only the
REST channel), so nothing but our web server can reach them.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import yaml

from bot.build import BuildRefused, pointer, publish
from bot.model import ensure_model
from bot.paths import ROOT, STATE_DIR
from bot.settings import Settings, get_settings


def service_env(settings: Settings) -> dict[str, str]:
    """Environment for the Rasa and action servers."""
    env = dict(os.environ)
    env.update({
        "PYTHONPATH": str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
        "SANIC_HOST": "127.0.0.1",  # rasa-sdk binds to this
        "BOT_SETTINGS": str(settings.path),
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "LOG_LEVEL": env.get("LOG_LEVEL", "WARNING"),
    })
    return env


def write_endpoints(settings: Settings, stock: bool = False) -> Path:
    """The endpoints file Rasa uses: action server and SQLite tracker store, on this machine.

    The store is bot.tracker_store's (Rasa's SQL store reading only new events); `stock`:
    Rasa's own SQL store, for the benchmark's baseline.
    """
    STATE_DIR.mkdir(parents=True, exist_ok=True)
    path = STATE_DIR / ("endpoints.stock.yml" if stock else "endpoints.yml")
    store = "SQL" if stock else "bot.tracker_store.CachedSQLTrackerStore"
    path.write_text(yaml.safe_dump({
        "action_endpoint": {"url": f"http://127.0.0.1:{settings.action_port}/webhook"},
        "tracker_store": {"type": store, "dialect": "sqlite", "db": str(STATE_DIR / "trackers.db")},
    }), encoding="utf-8")
    return path


def wait_for(url: str, timeout: float, proc: Optional[subprocess.Popen] = None) -> None:
    """Poll `url` until it answers 200, the process dies, or `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{url}: the process exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise TimeoutError(f"{url} did not come up within {timeout:.0f} s")


@dataclass
class Services:
    """The two Rasa processes, started and stopped together."""

    settings: Settings
    model: Path
    # Stock: Rasa exactly as installed (its own CLI and SQL tracker store), the benchmark's
    # baseline; otherwise the project's speed-ups are applied.
    stock: bool = False
    procs: list[subprocess.Popen] = field(default_factory=list)

    def start(self, quiet: bool = True) -> "Services":
        """Start the action server and Rasa; return when both answer.

        Quiet: their output goes to .state/logs/ (log level WARNING: no message text).
        """
        logs = STATE_DIR / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        env = service_env(self.settings)
        s = self.settings

        def out(name: str):  # type: ignore[no-untyped-def]
            return (logs / f"{name}.log").open("ab") if quiet else None
        actions = subprocess.Popen(
            [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "-p", str(s.action_port)],
            cwd=ROOT, env=env, stdout=out("actions"), stderr=subprocess.STDOUT if quiet else None)
        self.procs.append(actions)
        rasa = subprocess.Popen(
            [sys.executable, "-m", "rasa" if self.stock else "bot.rasa_main", "run",
             "--model", str(self.model),
             "--endpoints", str(write_endpoints(s, self.stock)), "--credentials", "credentials.yml",
             "--interface", "127.0.0.1", "--port", str(s.rasa_port)],
            cwd=ROOT, env=env, stdout=out("rasa"), stderr=subprocess.STDOUT if quiet else None)
        self.procs.append(rasa)
        try:
            wait_for(f"http://127.0.0.1:{s.action_port}/health", 60, actions)
            wait_for(f"http://127.0.0.1:{s.rasa_port}/", 180, rasa)
        except (RuntimeError, TimeoutError) as exc:
            self.stop()
            tails = "".join(f"\n--- {p.name} ---\n" + p.read_text(errors="replace")[-2000:]
                            for p in sorted(logs.glob("*.log")))
            raise RuntimeError(f"{exc}{tails if quiet else ''}") from exc
        return self

    def stop(self) -> None:
        """Stop both processes (SIGTERM, then SIGKILL after 10 s)."""
        for p in self.procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in self.procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        self.procs.clear()


def run() -> None:
    """Train if needed, start everything, serve until Ctrl-C."""
    from bot.web import serve  # local import: aiohttp only needed here

    settings = get_settings()
    model = ensure_model()
    try:
        published = publish()
        print(f"Published responses: {published.approved} approved answers "
              f"({published.path.name})", flush=True)
    except BuildRefused as refused:
        # Parents keep the last good bundle; without one there is nothing safe to serve.
        print("The content has problems, so it was not published:", *refused.problems[:10],
              sep="\n  ", flush=True)
        if not pointer().exists():
            raise SystemExit("Nothing was ever published: fix the problems above "
                             "(`python -m bot check`) and start again.")
        print("Serving the previously published content.", flush=True)
    services = Services(settings, model)
    print("Starting the assistant (Rasa takes 10–30 s to load)…", flush=True)
    services.start(quiet=False)
    try:
        print(f"Ready: http://{settings.host}:{settings.port}/  (Ctrl-C stops everything)", flush=True)
        serve(settings)
    except KeyboardInterrupt:
        pass
    finally:
        print("Stopping…", flush=True)
        services.stop()
