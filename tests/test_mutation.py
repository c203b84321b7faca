"""The fast subset of the mutation run: bot/conversation/safety.py and bot/conversation/language.py, each mutated by
mutmut against its own fast unit tests, must keep >= 90% of non-equivalent mutants killed.
(The full run over all decision modules: `.venv/bin/python -m bot mutation`.)"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.ops.mutation import FAST, TARGETS, equivalents, run_module


@pytest.mark.mutation
@pytest.mark.slow
def test_fast_subset_meets_the_mutation_target(report_figure) -> None:  # type: ignore[no-untyped-def]
    targets = [t for t in TARGETS if t.module in FAST]
    eq = equivalents()
    lines: list[str] = []
    with ThreadPoolExecutor(max_workers=len(targets)) as pool:
        scores = list(pool.map(lambda t: run_module(t, eq.get(t.module, set()), log=lines.append),
                               targets))
    report_figure("Mutation score (fast subset)", "\n".join(lines))
    for s in scores:
        assert s.total > 0
        assert s.score >= 0.90, s.line() + "\n" + "\n".join(f"{b} -> {a}" for b, a in s.survived)
