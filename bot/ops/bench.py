"""`python -m bot bench`: how fast the assistant answers, measured over REST on real processes.

Starts the action server, Rasa and our web server on the configured ports (BOT_RASA_PORT,
BOT_ACTION_PORT, BOT_PORT) with a throwaway state directory, sends the held-out questions
and reports:

- one client: p50 straight to Rasa's REST channel and through our web tier;
- 10 and 50 concurrent fresh conversations: messages/s, p50, p99;
- one long conversation: p50 of its first and last ten turns, and their ratio (growth);
- the resident memory of every process after the load; optionally (--soak) sampled every
  10 s under steady load.

Short measures are repeated (--rounds) and the median of the rounds is reported, because the
machine is shared and single runs are noisy. Variants run one after the other in one command:
"stock" is Rasa 3.6 as installed (its own `rasa run`, stock SQL tracker store), "shipped" is
the project as `./run` starts it; both serve the same model and data.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional

import yaml

from bot.config.config import Config
from bot.config.paths import ROOT
from bot.ops.bench_processes import cpu_seconds, rss_mb
from bot.ops.bench_table import Result, table

HELDOUT_FILES = ("tests/heldout/questions.yml", "tests/heldout/questions_blind.yml")
TURNS_PER_CONVERSATION = 4
VARIANTS = ("stock", "shipped")


def questions(root: Path = ROOT) -> list[str]:
    """The held-out questions' texts: realistic messages the model never trained on."""
    texts: list[str] = []
    for name in HELDOUT_FILES:
        texts += [q["text"] for q in yaml.safe_load((root / name).read_text(encoding="utf-8"))]
    return texts


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0–100) by linear interpolation; values need not be sorted."""
    s = sorted(values)
    if not s:
        return float("nan")
    k = (len(s) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


@dataclass
class Load:
    """Latencies (seconds) of one load run and its wall time."""

    latencies: list[float]
    wall: float
    failed: int = 0  # replies that were empty or not 200 (Rasa answers `200 []` on errors)

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.wall

    @property
    def p50(self) -> float:
        return percentile(self.latencies, 50)

    @property
    def p99(self) -> float:
        return percentile(self.latencies, 99)


class Client:
    """Sends chat messages to one URL over one HTTP session (aiohttp)."""

    def __init__(self, url: str, session: Any):
        self.url, self.session = url, session

    async def say(self, sender: str, text: str) -> tuple[float, bool]:
        """Send one message; return its latency in seconds and whether a reply came."""
        start = time.perf_counter()
        async with self.session.post(self.url, json={"sender": sender, "message": text}) as resp:
            body = await resp.json()
        return time.perf_counter() - start, resp.status == 200 and bool(body)


async def concurrent(client: Client, texts: list[str], clients: int, conversations: int) -> Load:
    """`clients` workers, each holding `conversations` fresh conversations in turn."""
    replies: list[tuple[float, bool]] = []

    async def worker(w: int) -> None:
        for c in range(conversations):
            sender = uuid.uuid4().hex
            for t in range(TURNS_PER_CONVERSATION):
                text = texts[(w * 7 + c * TURNS_PER_CONVERSATION + t) % len(texts)]
                replies.append(await client.say(sender, text))

    start = time.perf_counter()
    await asyncio.gather(*(worker(w) for w in range(clients)))
    return Load(
        [s for s, _ in replies], time.perf_counter() - start, sum(not ok for _, ok in replies)
    )


async def long_conversation(client: Client, texts: list[str], turns: int) -> list[float]:
    """One conversation of `turns` typed questions; every turn's latency."""
    sender = uuid.uuid4().hex
    return [(await client.say(sender, texts[t % len(texts)]))[0] for t in range(turns)]


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


async def measure(
    variant: str,
    rest_url: str,
    web_url: str,
    pids: dict[str, int],
    rounds: int,
    levels: tuple[int, ...],
    turns: int,
    soak: float,
    say: Callable[[str], None],
) -> Result:
    """Run every measure against running servers."""
    import aiohttp

    texts = questions()
    result = Result(variant)
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(
        connector=connector, timeout=aiohttp.ClientTimeout(total=120)
    ) as session:
        rest, web = Client(rest_url, session), Client(web_url, session)
        await concurrent(rest, texts, 2, 2)  # warm-up: first messages load lazily
        one_rest, one_web = [], []
        cpu_before, sent = {name: cpu_seconds(pid) for name, pid in pids.items()}, 0
        per_level: dict[int, list[Load]] = {n: [] for n in levels}
        for r in range(rounds):
            one_rest.append(1000 * (await concurrent(rest, texts, 1, 6)).p50)
            one_web.append(1000 * (await concurrent(web, texts, 1, 6)).p50)
            for n in levels:
                per_level[n].append(await concurrent(rest, texts, n, 1 if n > 10 else 2))
            say(
                f"  {variant} round {r + 1}/{rounds}: one client {one_rest[-1]:.0f} ms, "
                + ", ".join(f"{n} clients {per_level[n][-1].rate:.1f}/s" for n in levels)
            )
            sent += 2 * 6 * TURNS_PER_CONVERSATION + sum(
                len(v[-1].latencies) for v in per_level.values()
            )
        # CPU time per message does not depend on what else the machine is running.
        result.cpu_ms = {
            name: 1000 * (cpu_seconds(pid) - cpu_before[name]) / sent for name, pid in pids.items()
        }
        result.one_rest_p50, result.one_web_p50 = _median(one_rest), _median(one_web)
        result.loads = {
            n: (
                _median([x.rate for x in v]),
                1000 * _median([x.p50 for x in v]),
                1000 * _median([x.p99 for x in v]),
            )
            for n, v in per_level.items()
        }
        result.failed = {n: sum(x.failed for x in v) for n, v in per_level.items()}
        if turns >= 20:
            lat = await long_conversation(rest, texts, turns)
            result.turns = turns
            result.first10 = 1000 * percentile(lat[:10], 50)
            result.last10 = 1000 * percentile(lat[-10:], 50)
            say(f"  {variant} {turns} turns: {result.first10:.0f} → {result.last10:.0f} ms")
        if soak > 0:
            result.soak = await _soak(rest, texts, pids, soak, say)
    result.rss = {name: rss_mb(pid) for name, pid in pids.items()}
    return result


async def _soak(
    client: Client,
    texts: list[str],
    pids: dict[str, int],
    seconds: float,
    say: Callable[[str], None],
) -> list[tuple[int, dict[str, float]]]:
    """Ten clients in fresh conversations for `seconds`; memory sampled every 10 s."""
    deadline = time.monotonic() + seconds
    samples: list[tuple[int, dict[str, float]]] = []

    async def load() -> None:
        while time.monotonic() < deadline:
            await concurrent(client, texts, 10, 1)

    task = asyncio.ensure_future(load())
    start = time.monotonic()
    while not task.done():
        sample = {name: rss_mb(pid) for name, pid in pids.items()}
        samples.append((round(time.monotonic() - start), sample))
        say(
            f"  soak {samples[-1][0]:4d} s: "
            + ", ".join(f"{k} {v:.0f} MB" for k, v in sample.items())
        )
        await asyncio.wait([task], timeout=10)
    await task
    return samples


def run_variant(
    config: Config,
    variant: str,
    rounds: int,
    levels: tuple[int, ...],
    turns: int,
    soak: float,
    say: Callable[[str], None],
) -> Result:
    """Start the servers of one variant with `config` (a fresh state directory), measure,
    stop them."""
    from bot.ops.launcher import Services, service_env
    from bot.ops.model import ensure_model
    from bot.ops.readiness import wait_for

    settings = config.settings
    services = Services(config, ensure_model(), stock=(variant == "stock"))
    started = time.monotonic()
    services.start()
    web = subprocess.Popen(
        [sys.executable, "-c", "from bot.web.web import serve; serve()"],
        cwd=ROOT,
        env=service_env(config),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{settings.port}/health", 30, web)
        start_s = time.monotonic() - started
        pids = {"rasa": services.procs[1].pid, "actions": services.procs[0].pid, "web": web.pid}
        result = asyncio.run(
            measure(
                variant,
                f"http://127.0.0.1:{settings.rasa_port}/webhooks/rest/webhook",
                f"http://127.0.0.1:{settings.port}/api/chat",
                pids,
                rounds,
                levels,
                turns,
                soak,
                say,
            )
        )
        result.start_s = start_s
        return result
    finally:
        web.terminate()
        web.wait(timeout=10)
        services.stop()


def main(
    config: Config,
    variants: tuple[str, ...] = VARIANTS,
    rounds: int = 3,
    levels: tuple[int, ...] = (10, 50),
    turns: int = 200,
    soak: float = 0.0,
    out: Optional[Path] = None,
) -> str:
    """Measure every variant in turn with `config` (its state directory a throwaway one, see
    bot.ops.cli); print and write the table (test-artifacts/bench.md)."""
    from bot.conversation.read_aloud import publish_served

    publish_served(config)

    def say(line: str) -> None:
        print(line, flush=True)

    results = []
    for v in variants:
        say(f"== {v} ==")
        results.append(run_variant(config, v, rounds, levels, turns, soak, say))
    text = (
        f"# Benchmark ({time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores; "
        "shared machine, figures are noisy)\n\n" + table(results, rounds) + "\n"
    )
    out = out or ROOT / "test-artifacts" / "bench.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(text, encoding="utf-8")
    say("\n" + text + f"\n(written to {out})")
    return text
