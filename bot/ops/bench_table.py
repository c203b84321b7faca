"""What one benchmark variant measured, and the Markdown table of all variants
(test-artifacts/bench.md, docs/measurements.md)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Result:
    """What one variant measured. Times in ms, memory in MB."""

    variant: str
    one_rest_p50: float = 0.0
    one_web_p50: float = 0.0
    loads: dict[int, tuple[float, float, float]] = field(default_factory=dict)  # rate, p50, p99
    failed: dict[int, int] = field(default_factory=dict)  # failed replies, all rounds
    turns: int = 0
    first10: float = 0.0
    last10: float = 0.0
    rss: dict[str, float] = field(default_factory=dict)
    cpu_ms: dict[str, float] = field(default_factory=dict)  # CPU per message, per process
    soak: list[tuple[int, dict[str, float]]] = field(default_factory=list)
    start_s: float = 0.0

    @property
    def growth(self) -> float:
        return self.last10 / self.first10 if self.first10 else float("nan")


def table(results: list[Result], rounds: int) -> str:
    """The results as a Markdown table, one column per variant."""
    cols = [r.variant for r in results]
    rows: list[tuple[str, list[str]]] = [
        ("one client p50, Rasa REST", [f"{r.one_rest_p50:.0f} ms" for r in results]),
        ("one client p50, through our web tier", [f"{r.one_web_p50:.0f} ms" for r in results]),
    ]
    for n in results[0].loads:
        rows.append(
            (
                f"{n} concurrent fresh conversations: messages/s, p50, p99",
                [
                    f"{r.loads[n][0]:.1f}/s, {r.loads[n][1]:.0f} ms, {r.loads[n][2]:.0f} ms"
                    + (f" ({r.failed[n]} failed)" if r.failed[n] else "")
                    for r in results
                ],
            )
        )
    if results[0].turns:
        t = results[0].turns
        rows.append(
            (
                f"one conversation of {t} turns: p50 turns 1–10 → {t - 9}–{t} (ratio)",
                [f"{r.first10:.0f} → {r.last10:.0f} ms ({r.growth:.2f}×)" for r in results],
            )
        )
    rows.append(
        (
            "CPU time per message (short measures): Rasa, actions, web",
            [
                " + ".join(f"{r.cpu_ms.get(k, 0):.0f}" for k in ("rasa", "actions", "web")) + " ms"
                for r in results
            ],
        )
    )
    rows.append(
        (
            "memory after the load (RSS): Rasa, actions, web",
            [
                " + ".join(f"{r.rss[k]:.0f}" for k in ("rasa", "actions", "web")) + " MB"
                for r in results
            ],
        )
    )
    rows.append(("start-up (all three answering)", [f"{r.start_s:.0f} s" for r in results]))
    if len(results) > 1 and results[0].loads:
        n = max(results[0].loads)
        base = results[0].loads[n][0]
        rows.append(
            (
                f"throughput at {n} clients relative to {results[0].variant}",
                [f"{r.loads[n][0] / base:.2f}×" for r in results],
            )
        )
    lines = [
        f"| measure (median of {rounds} rounds) | " + " | ".join(cols) + " |",
        "|---|" + "---|" * len(cols),
    ]
    lines += [f"| {name} | " + " | ".join(vals) + " |" for name, vals in rows]
    for r in results:
        if r.soak:
            lines += [
                "",
                f"Memory of {r.variant} under 10 clients, sampled every 10 s (MB):",
                "",
                "| s | " + " | ".join(r.soak[0][1]) + " |",
                "|---|" + "---|" * len(r.soak[0][1]),
            ]
            lines += [
                f"| {s} | " + " | ".join(f"{v:.0f}" for v in m.values()) + " |" for s, m in r.soak
            ]
    return "\n".join(lines)
