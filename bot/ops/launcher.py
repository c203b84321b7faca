"""Starts everything a parent needs: action server, Rasa server, our web server.

Rasa and the action server listen on loopback only; Rasa's HTTP API is not enabled (only the
REST channel), so nothing but our web server can reach them.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from bot.config.config import Config
from bot.config.environment import child_environment
from bot.config.paths import ROOT
from bot.config.settings import Settings
from bot.content.build import BuildRefused, pointer
from bot.conversation.read_aloud import publish_served
from bot.ops.endpoints import secure_state_dir, write_endpoints
from bot.ops.model import ensure_model
from bot.ops.readiness import ports_in_use, wait_for


def service_env(config: Config) -> dict[str, str]:
    """Environment for the Rasa and action servers (and our web server): this process's,
    with `config` as the BOT_* variables they build their own configuration from."""
    env = child_environment(config)
    env.update(
        {
            "PYTHONPATH": str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
            "SANIC_HOST": "127.0.0.1",  # rasa-sdk binds to this
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "LOG_LEVEL": env.get("LOG_LEVEL", "WARNING"),
            # Rasa's telemetry and its Sentry error reports would send data to Rasa's servers
            # (an exception's report can hold a conversation): never, whatever the machine's
            # ~/.config/rasa/global.yml says.
            "RASA_TELEMETRY_ENABLED": "false",
            # Rasa and the action server are Sanic servers, which close an idle keep-alive
            # connection after 5 s; their clients (our web tier, Rasa calling the action server,
            # nginx) keep idle connections for 15–60 s, and a request sent on one the server is
            # just closing fails ("Cannot write to closing transport": the soak measured 18 such
            # "try again" replies in 5 minutes). Longer than every client's, so clients close first.
            "SANIC_KEEP_ALIVE_TIMEOUT": "75",
        }
    )
    return env


@dataclass
class Child:
    """One supervised process: how to start it and how to know it answers."""

    name: str
    argv: list[str]
    health: str
    ready_timeout: float
    proc: Optional[subprocess.Popen] = None
    restarts: list[float] = field(default_factory=list)  # monotonic times of restarts


@dataclass
class Services:
    """The two Rasa processes, started and stopped together, and restarted when one dies."""

    config: Config
    model: Path
    # Stock: Rasa exactly as installed (its own CLI and SQL tracker store), the benchmark's
    # baseline; otherwise the project's speed-ups are applied (bot.engine).
    stock: bool = False
    children: list[Child] = field(default_factory=list)
    quiet: bool = True
    # Restart back-off: 1 s, 2 s, 4 s, … at most 30 s; more than `max_restarts` within
    # `restart_window` seconds and the supervisor gives up loudly (the cause will not go away).
    max_restarts: int = 5
    restart_window: float = 300.0
    _stop: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def settings(self) -> Settings:
        """The clinic's settings the services run with."""
        return self.config.settings

    @property
    def procs(self) -> list[subprocess.Popen]:
        """The running processes."""
        return [c.proc for c in self.children if c.proc is not None]

    def _spawn(self, child: Child) -> None:
        logs = self.config.paths.logs_dir
        logs.mkdir(parents=True, exist_ok=True)
        out = (logs / f"{child.name}.log").open("ab") if self.quiet else None
        child.proc = subprocess.Popen(
            child.argv,
            cwd=ROOT,
            env=service_env(self.config),
            stdout=out,
            stderr=subprocess.STDOUT if self.quiet else None,
        )
        if out is not None:
            out.close()  # the child holds its own descriptor

    def start(self, quiet: bool = True, supervise: bool = True) -> "Services":
        """Start the action server and Rasa; return when both answer.

        Quiet: their output goes to .state/logs/ (log level WARNING: no message text).
        Supervise: a background thread restarts either when it exits (see `supervise`).
        """
        s = self.settings
        self.quiet = quiet
        self.children = [
            Child(
                "actions" if j == 0 else f"actions-{s.action_port + j}",
                [
                    sys.executable,
                    "-m",
                    "rasa_sdk",
                    "--actions",
                    "actions",
                    "-p",
                    str(s.action_port + j),
                ],
                f"http://127.0.0.1:{s.action_port + j}/health",
                60,
            )
            for j in range(max(1, s.action_servers))
        ]
        self.children += [
            Child(
                "rasa" if i == 0 else f"rasa-{port}",
                [
                    sys.executable,
                    "-m",
                    "rasa" if self.stock else "bot.engine.rasa_main",
                    "run",
                    "--model",
                    str(self.model),
                    "--endpoints",
                    str(write_endpoints(self.config, self.stock, i)),
                    "--credentials",
                    "credentials.yml",
                    "--interface",
                    "127.0.0.1",
                    "--port",
                    str(port),
                ],
                f"http://127.0.0.1:{port}/",
                180,
            )
            for i, port in enumerate(s.rasa_ports)
        ]
        # A server left running on one of these ports would answer the health checks and every
        # message in place of the ones started here (old code, another model): refuse.
        busy = ports_in_use(
            [s.action_port + j for j in range(max(1, s.action_servers))] + list(s.rasa_ports)
        )
        if busy:
            raise RuntimeError(
                f"ports already in use on 127.0.0.1: {busy} (a server left "
                "running?); stop it or choose other ports"
            )
        for child in self.children:
            self._spawn(child)
        try:
            for child in self.children:
                wait_for(child.health, child.ready_timeout, child.proc)
        except (RuntimeError, TimeoutError) as exc:
            self.stop()
            logs = self.config.paths.logs_dir
            tails = "".join(
                f"\n--- {p.name} ---\n" + p.read_text(errors="replace")[-2000:]
                for p in sorted(logs.glob("*.log"))
            )
            raise RuntimeError(f"{exc}{tails if quiet else ''}") from exc
        if supervise:
            threading.Thread(target=self.supervise, name="supervisor", daemon=True).start()
        return self

    def supervise(self, poll: float = 0.5) -> None:
        """Until stop(): restart a child that exited, waiting 1 s, 2 s, 4 s, … (at most 30 s)
        between tries; give up on a child that died more than `max_restarts` times within
        `restart_window` seconds, saying so on stderr."""
        while not self._stop.wait(poll):
            for child in self.children:
                with self._lock:
                    if self._stop.is_set() or child.proc is None or child.proc.poll() is None:
                        continue
                    now = time.monotonic()
                    child.restarts = [t for t in child.restarts if now - t < self.restart_window]
                    if len(child.restarts) >= self.max_restarts:
                        print(
                            f"supervisor: {child.name} exited {len(child.restarts) + 1} times "
                            f"within {self.restart_window:.0f} s; not restarting it. "
                            f"See {self.config.paths.logs_dir}.",
                            file=sys.stderr,
                            flush=True,
                        )
                        child.proc = None
                        continue
                    delay = min(30.0, 2.0 ** len(child.restarts))
                    print(
                        f"supervisor: {child.name} exited with {child.proc.returncode}; "
                        f"restarting in {delay:.0f} s",
                        file=sys.stderr,
                        flush=True,
                    )
                    child.restarts.append(now)
                if self._stop.wait(delay):
                    return
                with self._lock:
                    if not self._stop.is_set():
                        self._spawn(child)

    def stop(self) -> None:
        """Stop both processes (SIGTERM, then SIGKILL after 10 s) and their supervision."""
        self._stop.set()
        with self._lock:
            procs = self.procs
            for p in procs:
                if p.poll() is None:
                    p.send_signal(signal.SIGTERM)
            for p in procs:
                try:
                    p.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
            for child in self.children:
                child.proc = None


def run(config: Config) -> None:
    """Train if needed, start everything, serve until Ctrl-C."""
    from bot.web.web import serve  # local import: aiohttp only needed here

    settings, paths = config.settings, config.paths
    secure_state_dir(paths.state_dir)
    model = ensure_model()
    try:
        published = publish_served(config)
        print(
            f"Published responses: {published.approved} approved answers ({published.path.name})",
            flush=True,
        )
    except BuildRefused as refused:
        # Parents keep the last good bundle; without one there is nothing safe to serve.
        print(
            "The content has problems, so it was not published:",
            *refused.problems[:10],
            sep="\n  ",
            flush=True,
        )
        if not pointer(paths.state_dir).exists():
            raise SystemExit(
                "Nothing was ever published: fix the problems above "
                "(`python -m bot check`) and start again."
            ) from None
        print("Serving the previously published content.", flush=True)
    services = Services(config, model)
    print("Starting the assistant (Rasa takes 10–30 s to load)…", flush=True)
    services.start(quiet=False)
    try:
        print(
            f"Ready: http://{settings.host}:{settings.port}/  (Ctrl-C stops everything)", flush=True
        )
        serve(config)
    except KeyboardInterrupt:
        pass
    finally:
        print("Stopping…", flush=True)
        services.stop()
