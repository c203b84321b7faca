"""The soak's figures (bot/ops/soak.py): memory per process, its flat/growing verdict, and
the report as text."""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

from bot.ops.bench import percentile
from bot.ops.soak_walk import Tally

Samples = list[tuple[int, dict[str, float]]]
# Memory counts as flat when the last minute's median is within this of the second minute's.
FLAT_MB, FLAT_SHARE = 10.0, 0.05


def pss_mb(pid: int) -> float:
    """Proportional memory of a process and its descendants, in MB (Linux smaps_rollup): a
    page shared by n processes counts 1/n in each. PostgreSQL runs one process per
    connection, all mapping the same shared buffers, so summing their resident sizes would
    count those buffers once per connection."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(stat.parent.name))
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        todo += children.get(p, [])
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) / 1024
        except OSError:
            pass
    return total


def logged_messages(logs: list[Path], questions: dict[str, list[str]]) -> int:
    """How many times a message the walkers typed appears in a log (it never may: the logs
    hold no message text). Only questions of 20 characters or more, which no log line holds
    by chance."""
    texts = [q for qs in questions.values() for q in qs if len(q) >= 20]
    found = 0
    for path in logs:
        content = path.read_text(encoding="utf-8", errors="replace")
        found += sum(content.count(t) for t in texts)
    return found


def verdict(samples: Samples) -> dict[str, str]:
    """Per process: the last minute's median memory against the second minute's (the first is
    warm-up: models load, caches fill); 'flat' within 10 MB or 5 %, else 'growing'."""
    end = samples[-1][0]
    if end < 150:
        return dict.fromkeys(samples[0][1], "too short for a verdict (needs 3 min)")
    out = {}
    for name in samples[0][1]:
        second = statistics.median(m[name] for s, m in samples if 60 <= s < 120)
        last = statistics.median(m[name] for s, m in samples if s >= end - 60)
        growth = last - second
        word = "flat" if growth <= max(FLAT_MB, FLAT_SHARE * second) else "growing"
        out[name] = f"{word} ({second:.0f} → {last:.0f} MB, {growth:+.0f} MB)"
    return out


def report(
    mode: str,
    clients: int,
    minutes: float,
    think: float,
    tally: Tally,
    samples: Samples,
    wall: float,
    restarts: int,
    load: tuple[str, str],
) -> str:
    """The soak's figures as text."""
    lat = tally.latencies
    lines = [
        f"# Soak, {mode} mode ({time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, "
        f"load average before/after: {load[0]} / {load[1]}; shared machine)",
        "",
        f"{clients} concurrent conversations for {minutes:g} min through /api/chat, "
        f"think time {think:g} s on average",
        f"walks completed: {tally.walks}; conversations checked in the tracker store: "
        f"{tally.conversations}",
        f"messages answered: {tally.answered} ({tally.answered / wall:.1f}/s)",
        f"latency: p50 {1000 * percentile(lat, 50):.0f} ms, "
        f"p99 {1000 * percentile(lat, 99):.0f} ms",
        f"errors: {sum(tally.errors.values())}"
        + "".join(f"\n  {kind}: {n}" for kind, n in sorted(tally.errors.items())),
        f"lost turns: {tally.lost} (answered {tally.answered}, user events stored {tally.stored})",
        f"process restarts by the supervisor: {restarts}",
        "",
        "Memory (MB, proportional set size: shared pages divided among the processes "
        "sharing them), sampled every 10 s:",
        "",
        "| s | " + " | ".join(samples[0][1]) + " |",
        "|---|" + "---|" * len(samples[0][1]),
    ]
    lines += [f"| {s} | " + " | ".join(f"{v:.0f}" for v in m.values()) + " |" for s, m in samples]
    marks = verdict(samples)
    lines += ["", "Memory, last minute against the second:"]
    lines += [f"  {name}: {word}" for name, word in marks.items()]
    flat = all(w.startswith("flat") for w in marks.values())
    short = any(w.startswith("too short") for w in marks.values())
    lines += [
        "",
        f"verdict: {'-' if short else 'flat' if flat else 'GROWING'} memory; "
        f"{'OK' if not tally.errors and not tally.lost else 'FAILED'} "
        f"({sum(tally.errors.values())} errors, {tally.lost} lost turns)",
    ]
    return "\n".join(lines) + "\n"
