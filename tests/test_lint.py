"""Lint and types: ruff with the rule set in pyproject.toml ([tool.ruff]) passes on the whole
project, and mypy ([tool.mypy]) on bot/ and actions/."""
from __future__ import annotations

import subprocess
import sys

from bot.config.paths import ROOT


def test_ruff_passes() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache",
                             "--output-format", "concise", "."],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_passes() -> None:
    """Types: mypy with the settings in pyproject.toml ([tool.mypy]) over bot/ and actions/."""
    result = subprocess.run([sys.executable, "-m", "mypy"],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
