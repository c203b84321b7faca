"""The fast subset of the mutation run: bot/conversation/safety.py and bot/conversation/language.py, each mutated by
mutmut against its own fast unit tests, must keep >= 90% of non-equivalent mutants killed.
(The full run over all decision modules: `.venv/bin/python -m bot mutation`.)"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.ops.mutation import EQUIVALENTS_DOC, FAST, TARGETS, equivalents, run_module


@pytest.mark.mutation
@pytest.mark.slow
def test_fast_subset_meets_the_mutation_target(report_figure) -> None:  # type: ignore[no-untyped-def]
    targets = [t for t in TARGETS if t.module in FAST]
    eq = equivalents()
    lines: list[str] = []
    with ThreadPoolExecutor(max_workers=len(targets)) as pool:
        scores = list(
            pool.map(lambda t: run_module(t, eq.get(t.module, set()), log=lines.append), targets)
        )
    report_figure("Mutation score (fast subset)", "\n".join(lines))
    for s in scores:
        assert s.total > 0
        assert s.score >= 0.90, s.line() + "\n" + "\n".join(f"{b} -> {a}" for b, a in s.survived)


def test_the_documented_table_is_the_targets() -> None:
    # docs/mutation.md's table of modules, their tests and targets is TARGETS, row for row
    doc = EQUIVALENTS_DOC.read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(bot/[^`]+)` \| (.+?) \| (\d+) % \|$", doc, re.M)
    documented = [
        (module, tuple(re.findall(r"`([^`]+)`", tests)), int(share))
        for module, tests, share in rows
    ]
    assert documented == [(t.module, t.tests, round(t.target * 100)) for t in TARGETS]


def test_every_equivalent_names_a_module_with_a_target() -> None:
    assert set(equivalents()) <= {t.module for t in TARGETS}
