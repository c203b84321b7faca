"""Configuration built once and passed in (issue 12): the environment is read by
bot/config/environment.py only, a child process rebuilds the same configuration from the
environment it is given, and the web application is fully determined by the Config handed to
create_app (its settings and the bundle published in its state directory)."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from typing import Any

from bot.config.config import Config
from bot.config.environment import child_environment, read_config
from bot.config.paths import CONTENT_DIR, STATE_DIR, TRANSLATIONS_DIR, Paths
from bot.content.build import publish
from bot.conversation.render import Renderer
from bot.web.console.console import CONSOLE
from bot.web.web import CONSOLE_APP, create_app


def test_a_child_rebuilds_the_same_configuration_from_its_environment(config: Config) -> None:
    env = child_environment(config)
    assert read_config(env) == config
    changed = config.with_settings(port=config.settings.port + 7, lock_store_url="redis://x")
    assert read_config(child_environment(changed)) == changed


def test_only_bot_variables_count_and_the_defaults_are_the_checkouts() -> None:
    default = read_config({"HOME": "/somewhere", "BOT_PORT": "8123"})
    assert default.paths == Paths() and default.paths.state_dir == STATE_DIR
    assert default.settings.port == 8123 and default.tracker_store == STATE_DIR / "trackers.db"
    moved = read_config({"BOT_STATE_DIR": "/tmp/elsewhere", "BOT_TRACKER_DB_URL": "postgresql://x"})
    assert (
        moved.paths.state_dir == Path("/tmp/elsewhere") and moved.tracker_store == "postgresql://x"
    )
    assert moved.unanswered_store == Path("/tmp/elsewhere/unanswered.db")


def test_the_parents_environment_does_not_leak_into_a_child(
    config: Config, monkeypatch: Any
) -> None:
    monkeypatch.setenv("BOT_STATE_DIR", "/not/the/config's")
    monkeypatch.setenv("BOT_CONTENT_DIR", "/not/the/config's/either")
    env = child_environment(config)
    assert env["BOT_STATE_DIR"] == str(config.paths.state_dir)
    assert env["BOT_CONTENT_DIR"] == str(config.paths.content_dir)
    assert "BOT_SOMETHING_ELSE" not in child_environment(None, PATH="/bin")


def _other_config(config: Config, tmp_path: Path) -> Config:
    """Another clinic (name, phone, retention) with its own state directory and a bundle
    published there from a copy of the content in which the greeting differs."""
    content, translations = tmp_path / "content", tmp_path / "translations"
    shutil.copytree(CONTENT_DIR, content)
    shutil.copytree(TRANSLATIONS_DIR, translations)
    other = dataclasses.replace(
        config, paths=Paths(content, translations, config.paths.sources_dir, tmp_path / "state")
    )
    other = other.with_settings(
        clinic_name={"nl": "Kliniek Elders", "en": "Clinic Elsewhere"},
        clinic_phone="+31 99 999 99 99",
        retention_hours=6.0,
    )
    publish(content, translations, other.paths.state_dir, other.paths.sources_dir)
    return other


async def test_create_app_is_determined_by_its_config(
    config: Config, renderer: Renderer, tmp_path: Path, aiohttp_client: Any
) -> None:
    """Two applications in one process, each with its own config: /about, the page texts,
    a summary, a picture and the console each read the config they were given."""
    other = _other_config(config, tmp_path)
    ours, theirs = (
        await aiohttp_client(create_app(config)),
        await aiohttp_client(create_app(other)),
    )
    about = [await (await c.get("/about", params={"lang": "en"})).text() for c in (ours, theirs)]
    assert "Clinic Elsewhere" in about[1] and "Clinic Elsewhere" not in about[0]
    assert config.settings.clinic_name["en"] in about[0]
    summary = {"language": "nl", "topics": [], "values": {}}
    footers = [(await (await c.post("/api/summary", json=summary)).json()) for c in (ours, theirs)]
    assert "+31 99 999 99 99" in str(footers[1]) and "+31 99 999 99 99" not in str(footers[0])
    pictured = next(
        a.id for a in renderer.content.answers.values() if a.picture and a.review.approved
    )
    for client in (ours, theirs):  # each serves the pictures of its own bundle
        assert (await client.get(f"/pictures/{pictured}.svg")).status == 200
        assert (await client.get("/pictures/no_such_answer.svg")).status == 404
    # The console of each edits its own workspace and keeps its accounts in its own state.
    consoles = [c.server.app[CONSOLE_APP][CONSOLE] for c in (ours, theirs)]
    assert consoles[0].workspace.content_dir == config.paths.content_dir
    assert consoles[1].workspace.content_dir == other.paths.content_dir
    assert consoles[1].accounts.path.parent == other.paths.state_dir
