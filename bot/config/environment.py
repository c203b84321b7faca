"""The one place that reads the process environment.

Entry points only (bot/ops/cli.py, the web server's `serve`, the action server's startup in
actions/runtime.py) call `read_config()`; everything below them receives the Config it built.
Child processes are given their configuration in the environment `child_environment` makes,
never through the parent's own os.environ. tests/test_architecture.py fails on an environment
read anywhere else in bot/ or actions/, and on one at import time here.
"""

from __future__ import annotations

import os
from typing import Mapping, Optional

from bot.config.config import Config


def read_config(environ: Optional[Mapping[str, str]] = None) -> Config:
    """The configuration the environment (default: this process's) describes."""
    source = os.environ if environ is None else environ
    return Config.load({k: v for k, v in source.items() if k.startswith("BOT_")})


def child_environment(config: Optional[Config], **extra: str) -> dict[str, str]:
    """The environment for a child process: this process's without its BOT_* variables, then
    `config`'s (when given), then `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    if config is not None:
        env.update(config.environment())
    env.update(extra)
    return env


def process_environment() -> dict[str, str]:
    """A copy of this process's whole environment, BOT_* included: for a child that is
    itself an entry point given the same outside configuration (a mutation run's pytest)
    or a tool that needs only the search path."""
    return dict(os.environ)
