"""Lint, format and types: ruff with the rule set in pyproject.toml ([tool.ruff]) passes on the
whole project, every Python file is as `ruff format` writes it, and mypy ([tool.mypy]) passes
on bot/ and actions/."""

from __future__ import annotations

import subprocess
import sys

from bot.config.paths import ROOT


def test_ruff_passes() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_file_is_formatted() -> None:
    """`ruff format --check`: one layout for every file, so a diff shows only what changed
    (run `.venv/bin/ruff format .` before committing)."""
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "--no-cache", "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_passes() -> None:
    """Types: mypy with the settings in pyproject.toml ([tool.mypy]) over bot/ and actions/."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
