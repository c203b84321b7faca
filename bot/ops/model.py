"""Training the Rasa model only when its inputs changed.

The model's name is a hash of everything Rasa trains on (config, domain, data), so "is the
model up to date?" is a file-exists check and costs nothing at start-up. Content and
translations are not inputs: they are read by the action server, so editing a text never
needs retraining.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from bot.config.paths import MODELS_DIR, ROOT

TRAINING_INPUTS = ("config.yml", "domain.yml", "data")


def fingerprint(root: Path = ROOT) -> str:
    """A short hash of the training inputs."""
    h = hashlib.sha256()
    for name in TRAINING_INPUTS:
        path = root / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            h.update(str(f.relative_to(root)).encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def model_path(root: Path = ROOT) -> Path:
    """Where the model for the current inputs lives (whether or not it exists yet)."""
    return MODELS_DIR / f"model-{fingerprint(root)}.tar.gz"


def ensure_model(force: bool = False) -> Path:
    """Train the model if it is missing or out of date; return its path."""
    path = model_path()
    if path.exists() and not force:
        return path
    MODELS_DIR.mkdir(parents=True, exist_ok=True)
    print(f"Training the model ({path.name}); this takes a few minutes…", flush=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "rasa",
            "train",
            "--fixed-model-name",
            path.name[: -len(".tar.gz")],
            "--out",
            str(MODELS_DIR),
            "--config",
            "config.yml",
            "--domain",
            "domain.yml",
            "--data",
            "data",
        ],
        cwd=ROOT,
        check=True,
    )
    for old in MODELS_DIR.glob("model-*.tar.gz"):
        if old != path:
            old.unlink()  # keep one model; the others are reproducible from git
    return path
