"""Rasa's own checks: data validation and test stories (NLU + rules + actions chosen)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.config.paths import ROOT


def rasa(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "rasa", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.mark.process  # Rasa's own validator, a subprocess of 40 s: not a unit test
def test_rasa_data_validate() -> None:
    result = rasa("data", "validate", "--fail-on-warnings")
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]


def test_rasa_test_stories(model_path: Path, tmp_path: Path) -> None:
    result = rasa(
        "test",
        "core",
        "--e2e",
        "--model",
        str(model_path),
        "--stories",
        "tests/stories",
        "--fail-on-prediction-errors",
        "--out",
        str(tmp_path),
        "--no-plot",
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    failed = tmp_path / "failed_test_stories.yml"
    assert "None of the test stories failed" in failed.read_text(), failed.read_text()
