"""NLU cross-validation (3 folds) on the training data: a figure for the README and the note,
and a floor so a damaged training set fails the suite."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config.paths import ROOT

# 0.77 before the real parents' questions joined the training data; they are harder (many are
# out of scope, feelings or statements) and are now part of what is cross-validated: 0.743.
FLOOR = 0.72


@pytest.mark.slow
def test_nlu_cross_validation(tmp_path: Path, report_figure) -> None:  # type: ignore[no-untyped-def]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "rasa",
            "test",
            "nlu",
            "--nlu",
            "data/nlu",
            "--config",
            "config.yml",
            "--cross-validation",
            "--folds",
            "3",
            "--out",
            str(tmp_path),
            "--no-plot",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-4000:]
    figures = dict(re.findall(r"test (Accuracy|F1-score|Precision): ([0-9.]+ \([0-9.]+\))", log))
    report_figure(
        "NLU cross-validation",
        "3 folds, intent classification on data/nlu, mean (std):\n"
        + "\n".join(f"{k}: {v}" for k, v in figures.items()),
    )
    assert float(figures["Accuracy"].split()[0]) >= FLOOR, figures
