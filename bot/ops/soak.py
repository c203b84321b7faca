"""`python -m bot soak`: many concurrent conversations for minutes, through our web tier, against
the embedded or the production mode, started here on the ports of the configuration it is given
(production also on the PostgreSQL and Redis ports given to `main`) in a throwaway state
directory (chosen by bot.ops.cli).

- embedded: one Rasa, one action server, SQLite, as `./run` starts them;
- production: two Rasa replicas and two action servers on a real PostgreSQL (tracker store)
  and Redis (lock store), started on loopback by bot.ops.infra with deploy/'s sample
  configurations, our web tier spreading the messages over the replicas.

Prints (and writes to test-artifacts/soak-<mode>.txt): errors by kind, lost turns (user events
in the tracker store against the messages answered), p50/p99, messages/s, and the proportional
memory of every process sampled every 10 s, with a flat/growing verdict. Not a timed test: the
figures are printed; only errors and lost turns make the command fail (exit status 1).
"""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

import yaml

from bot.config.config import Config, Location
from bot.config.paths import ROOT
from bot.ops.bench import HELDOUT_FILES
from bot.ops.soak_report import Samples, logged_messages, pss_mb, report
from bot.ops.soak_walk import Tally, Walker

MODES = ("embedded", "production")
SAMPLE_SECONDS = 10.0
DEPLOY = ROOT / "deploy"


def heldout_questions() -> dict[str, list[str]]:
    """The held-out questions by language (never trained on): the walks' typed messages."""
    by_lang: dict[str, list[str]] = {"nl": [], "en": []}
    for name in HELDOUT_FILES:
        for q in yaml.safe_load((ROOT / name).read_text(encoding="utf-8")):
            by_lang.setdefault(q["lang"], []).append(q["text"])
    return by_lang


def soak_settings_file(config: Config) -> Path:
    """The clinic's settings with the per-address chat limit off: every simulated parent comes
    from 127.0.0.1 (as every request does behind nginx, which then limits per client).
    The per-conversation limit stays."""
    raw = yaml.safe_load(config.settings.path.read_text(encoding="utf-8"))
    raw.setdefault("rate_limits", {})["per_address"] = {"burst": 0}
    path = config.paths.state_dir / "clinic.soak.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


@dataclass
class Stack:
    """The running assistant: named processes whose memory is sampled."""

    services: Any
    web: subprocess.Popen
    state_dir: Path
    tracker_db: Location
    url: str
    extra: dict[str, Callable[[], Optional[int]]] = field(default_factory=dict)
    server_logs: list[Path] = field(default_factory=list)  # PostgreSQL's and Redis's

    def logs(self) -> list[Path]:
        """Every log the running assistant writes: its processes' and its databases'."""
        return sorted((self.state_dir / "logs").glob("*.log")) + [
            p for p in self.server_logs if p.exists()
        ]

    def pids(self) -> dict[str, Optional[int]]:
        """Every process by name (a restarted child has a new pid; None while it is down)."""
        out: dict[str, Optional[int]] = {}
        for child in self.services.children:
            port = child.argv[-1]
            kind = "actions" if "rasa_sdk" in child.argv else "rasa"
            out[f"{kind} {port}"] = child.proc.pid if child.proc else None
        out["web"] = self.web.pid
        out.update({name: get() for name, get in self.extra.items()})
        return out

    def restarts(self) -> int:
        """How often the supervisor restarted a child."""
        return sum(len(c.restarts) for c in self.services.children)


def _postmaster_pid(data: Path) -> Optional[int]:
    try:
        return int((data / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


@contextlib.contextmanager
def running(
    config: Config, mode: str, pg_port: int = 15432, redis_port: int = 16379
) -> Iterator[Stack]:
    """Start the assistant in `mode` with `config` (its databases too, production on
    `pg_port` and `redis_port`), yield it, stop everything."""
    from bot.ops.infra import PostgresServer
    from bot.ops.redis_server import RedisServer

    with contextlib.ExitStack() as stack:
        extra: dict[str, Callable[[], Optional[int]]] = {}
        server_logs: list[Path] = []
        overrides = dict(config.environment(), BOT_SETTINGS=str(soak_settings_file(config)))
        if mode == "production":
            pg = stack.enter_context(
                PostgresServer(pg_port, config=DEPLOY / "postgresql" / "keuzehulp.conf")
            )
            redis = stack.enter_context(
                RedisServer(redis_port, config=DEPLOY / "redis" / "keuzehulp.conf")
            )
            overrides.update(
                BOT_TRACKER_DB_URL=pg.url,
                BOT_UNANSWERED_DB_URL=pg.url,
                BOT_LOCK_STORE_URL=redis.url,
                BOT_RASA_REPLICAS="2",
                BOT_ACTION_SERVERS="2",
            )
            server_logs = [pg.log, redis.log]
            extra = {
                "postgres": lambda: _postmaster_pid(pg.data),
                "redis": lambda: redis.process.pid if redis.process else None,
            }
        running_stack = stack.enter_context(_assistant(Config.load(overrides), extra))
        running_stack.server_logs = server_logs
        yield running_stack


@contextlib.contextmanager
def _assistant(config: Config, extra: dict[str, Callable[[], Optional[int]]]) -> Iterator[Stack]:
    from bot.conversation.read_aloud import publish_served
    from bot.ops.launcher import Services, service_env
    from bot.ops.model import ensure_model
    from bot.ops.readiness import wait_for

    settings, p = config.settings, config.paths
    ports = [
        *settings.rasa_ports,
        settings.port,
        *(settings.action_port + j for j in range(settings.action_servers)),
    ]
    if len(set(ports)) < len(ports):
        raise SystemExit(
            f"The ports overlap: Rasa {settings.rasa_ports}, actions from "
            f"{settings.action_port}, web {settings.port} (replicas take the "
            "ports after BOT_RASA_PORT and BOT_ACTION_PORT)"
        )
    publish_served(config)
    services = Services(config, ensure_model()).start()
    with (p.state_dir / "logs" / "web.log").open("ab") as log:  # the child keeps its own
        web = subprocess.Popen(
            [sys.executable, "-c", "from bot.web.web import serve; serve()"],
            cwd=ROOT,
            env=service_env(config),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{settings.port}"
    try:
        wait_for(f"{url}/health", 60, web)
        yield Stack(services, web, p.state_dir, config.tracker_store, url, extra)
    finally:
        web.terminate()
        web.wait(timeout=10)
        services.stop()


async def _load(
    base_url: str,
    clients: int,
    seconds: float,
    think: float,
    stack: Stack,
    say: Callable[[str], None],
) -> tuple[Tally, Samples, float]:
    """`clients` walkers for `seconds`; memory sampled every 10 s. The tally, the samples and
    the wall time from the first message to the last reply."""
    import aiohttp

    from bot.stores.conversations import user_turns

    questions, tally, samples = heldout_questions(), Tally(), []
    db = stack.tracker_db

    def count(sender: str) -> int:
        return user_turns(sender, db)

    async with aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=0), timeout=aiohttp.ClientTimeout(total=120)
    ) as session:
        start = time.monotonic()
        walkers = [
            Walker(session, base_url, questions, tally, count, think, seed=i)
            for i in range(clients)
        ]
        task = asyncio.gather(*(w.run(start + seconds) for w in walkers))
        while True:
            pids = stack.pids()
            samples.append(
                (
                    round(time.monotonic() - start),
                    {n: pss_mb(p) if p else 0.0 for n, p in pids.items()},
                )
            )
            say(
                f"  {samples[-1][0]:4d} s: {tally.answered} answered, "
                f"{sum(tally.errors.values())} errors, "
                + ", ".join(f"{k} {v:.0f}" for k, v in samples[-1][1].items())
                + " MB"
            )
            done, _ = await asyncio.wait([task], timeout=SAMPLE_SECONDS)
            if done:
                break
        await task
        return tally, samples, time.monotonic() - start


def _loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main(
    config: Config,
    mode: str = "embedded",
    minutes: float = 10.0,
    clients: int = 50,
    think: float = 1.0,
    out: Optional[Path] = None,
    pg_port: int = 15432,
    redis_port: int = 16379,
) -> int:
    """Start `mode` with `config`, soak it, print and write the report; 1 when there were
    errors or lost turns."""

    def say(line: str) -> None:
        print(line, flush=True)

    before = _loadavg()
    say(f"== soak: {mode} mode, {clients} clients, {minutes:g} min ==")
    with running(config, mode, pg_port, redis_port) as stack:
        tally, samples, wall = asyncio.run(
            _load(stack.url, clients, 60 * minutes, think, stack, say)
        )
        restarts = stack.restarts()
        logs = stack.logs()
        leaks = logged_messages(logs, heldout_questions())
        if leaks:
            tally.errors["message text in a log"] = leaks
    text = report(
        mode, clients, minutes, think, tally, samples, wall, restarts, (before, _loadavg())
    )
    text += (
        f"message text in the logs: {leaks} ({len(logs)} logs searched: "
        + ", ".join(p.name for p in logs)
        + ")\n"
    )
    out = out or ROOT / "test-artifacts" / f"soak-{mode}.txt"
    out.parent.mkdir(exist_ok=True)
    out.write_text(text, encoding="utf-8")
    say("\n" + text + f"(written to {out})")
    return 1 if tally.errors or tally.lost else 0
