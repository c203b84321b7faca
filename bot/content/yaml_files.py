"""Reading the content's YAML files with libyaml's C parser where it is installed (PyYAML's
`CSafeLoader`: the same safe YAML, about ten times faster than the pure-Python parser, which
matters because the console and the checks read every answer file on each change)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path) -> Any:
    """The data in the YAML file at `path` (safe: plain data only)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)


def compose_yaml(path: Path) -> Any:
    """The node tree of the YAML file at `path`, with line numbers (safe)."""
    return yaml.compose(path.read_text(encoding="utf-8"), Loader=LOADER)
