"""The action server's configuration and the renderer it serves parents with.

rasa-sdk loads the `actions` package and instantiates every Action without arguments, and has
no startup hook that could hand them anything: the configuration cannot be passed in. So it is
built here, lazily, once per process, from the environment the launcher gave the action server
(bot/ops/launcher.py, `service_env`), by the one named function `action_config`. Nothing else in
actions/ reads the environment or builds a Config; tests replace `action_config`'s result.
"""

from __future__ import annotations

from functools import lru_cache

from bot.config.config import Config
from bot.config.environment import read_config
from bot.conversation.published import PublishedRenderer
from bot.conversation.render import Renderer


@lru_cache(maxsize=1)
def action_config() -> Config:
    """This action server's configuration: read from its environment on first use."""
    return read_config()


@lru_cache(maxsize=1)
def published_renderer() -> PublishedRenderer:
    """The source of the renderer over this server's published bundle, built once."""
    config = action_config()
    return PublishedRenderer(config.settings, config.paths.state_dir)


def get_renderer() -> Renderer:
    """The renderer over the bundle published in this server's state directory (a new bundle
    is picked up on the next message)."""
    return published_renderer().get()
