"""Shared fixtures. The test configuration is built once per session (`config`) and handed to
what needs it; the end-to-end fixtures start the real servers (action server, Rasa, our web
server) on test ports with a throwaway state directory, giving them that configuration
through the environment of each subprocess (bot.ops.launcher.service_env), never through this
process's own os.environ."""

from __future__ import annotations

import ipaddress
import os
import re
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Optional

import pytest

from bot.config.config import Config
from bot.config.environment import read_config
from bot.config.paths import ROOT
from bot.config.settings import Settings
from bot.content.content import Content, get_content
from bot.conversation.published import PublishedRenderer
from bot.conversation.read_aloud import publish_served
from bot.conversation.render import Renderer
from bot.ops.launcher import Services, service_env
from bot.ops.model import ensure_model
from bot.ops.readiness import wait_for

if TYPE_CHECKING:
    from bot.ops.infra import PostgresServer
    from bot.ops.redis_server import RedisServer

# Ports and directories given from outside (helpers and CI run several suites at once) win;
# these are the defaults of a test run.
TEST_DEFAULTS = {"BOT_RASA_PORT": "15005", "BOT_ACTION_PORT": "15055", "BOT_PORT": "18000"}


def outside_overrides() -> dict[str, str]:
    """The BOT_* variables this test run was started with (ports, a state directory, …)."""
    return {k: v for k, v in os.environ.items() if k.startswith("BOT_")}


def embed_host_port() -> int:
    """The example clinic page of the embed test is served from this origin's port:
    BOT_EMBED_HOST_PORT, else the port of a BOT_EMBED_ORIGINS given from outside, else 18080."""
    outside = outside_overrides()
    origins = outside.get("BOT_EMBED_ORIGINS", "").split()
    found = re.search(r":(\d+)/?$", origins[0]) if origins else None
    return int(outside.get("BOT_EMBED_HOST_PORT") or (found.group(1) if found else "18080"))


EMBED_HOST_PORT = embed_host_port()


def overrides_for_tests() -> dict[str, str]:
    """The BOT_* values the test configuration is built from: the defaults above, then what
    was given from outside; a fresh state directory unless one was given; the test clinic."""
    overrides = {
        **TEST_DEFAULTS,
        "BOT_EMBED_ORIGINS": f"http://127.0.0.1:{EMBED_HOST_PORT}",
        **outside_overrides(),
    }
    if not overrides.get("BOT_STATE_DIR"):
        overrides["BOT_STATE_DIR"] = tempfile.mkdtemp(prefix="bot-test-state-")
    if "BOT_SETTINGS" not in overrides:
        # The test clinic keeps unanswered questions (off by default), so the console's list
        # of them can be tested end to end; everything else is the example clinic's settings.
        state = Path(overrides["BOT_STATE_DIR"])
        state.mkdir(parents=True, exist_ok=True)
        example = (ROOT / "clinic.example.yml").read_text(encoding="utf-8")
        (state / "clinic.test.yml").write_text(
            example.replace("keep_unanswered_questions: false", "keep_unanswered_questions: true"),
            encoding="utf-8",
        )
        overrides["BOT_SETTINGS"] = str(state / "clinic.test.yml")
    return overrides


@pytest.fixture(scope="session")
def config() -> Config:
    """The test run's configuration, with the bundle parents are served published into its
    state directory (from the repository's content)."""
    built = read_config(overrides_for_tests())
    publish_served(built)
    return built


@pytest.fixture(scope="session")
def content() -> Content:
    return get_content()


@pytest.fixture(scope="session")
def published(config: Config) -> PublishedRenderer:
    """The renderer source over the test run's published bundle (what the servers serve)."""
    return PublishedRenderer(config.settings, config.paths.state_dir)


@pytest.fixture(scope="session")
def renderer(published: PublishedRenderer) -> Renderer:
    return published.get()


@pytest.fixture(scope="session")
def settings(config: Config) -> Settings:
    return config.settings


@pytest.fixture(scope="session", autouse=True)
def actions_config(config: Config) -> Iterator[Config]:
    """The Rasa actions that tests run in this process see the test configuration (the action
    server builds its own from its environment, actions/runtime.py)."""
    from actions import runtime

    mp = pytest.MonkeyPatch()
    mp.setattr(runtime, "action_config", lambda: config)
    runtime.published_renderer.cache_clear()
    yield config
    mp.undo()
    runtime.published_renderer.cache_clear()


@pytest.fixture()
def web_client(aiohttp_client, config: Config):  # type: ignore[no-untyped-def]
    """web_client(**setting_changes) -> an aiohttp test client on our web application built
    from the test config (with those settings changed), in this process: pytest-aiohttp's
    `aiohttp_client`, no Rasa. The application is `client.server.app`."""
    from bot.web.web import create_app

    async def make(**setting_changes):  # type: ignore[no-untyped-def]
        return await aiohttp_client(
            create_app(config.with_settings(**setting_changes) if setting_changes else config)
        )

    return make


@dataclass(frozen=True)
class Counsellor:
    name: str
    password: str
    display_name: str


def add_account(
    config: Config,
    name: str,
    display_name: str,
    password: str,
    env: Optional[dict[str, str]] = None,
) -> Counsellor:
    """Create a console account the documented way: `python -m bot accounts add`, in
    `config`'s state directory (or with the environment `env`)."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "accounts",
            "add",
            name,
            "--display-name",
            display_name,
            "--password-stdin",
        ],
        input=password + "\n",
        text=True,
        check=True,
        cwd=ROOT,
        env=env or service_env(config),
        capture_output=True,
    )
    return Counsellor(name, password, display_name)


@pytest.fixture(scope="session")
def counsellor(config: Config) -> Counsellor:
    """A counsellor account in the test state directory."""
    return add_account(config, "jdevries", "J. de Vries (test)", "correct horse battery staple")


@pytest.fixture(scope="session")
def model_path() -> Path:
    return ensure_model()


@pytest.fixture(scope="session")
def services(config: Config, model_path: Path) -> Iterator[Services]:
    """Action server + Rasa, real processes under the launcher's supervisor."""
    running = Services(config, model_path).start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="session")
def servers(config: Config, services: Services) -> Iterator[Settings]:
    """Action server + Rasa + our web server, real processes, for the whole session."""
    settings = config.settings
    # Its output is kept beside the Rasa processes' (the log-privacy test reads them all).
    config.paths.logs_dir.mkdir(parents=True, exist_ok=True)
    log = (config.paths.logs_dir / "web.log").open("ab")
    web = subprocess.Popen(
        [sys.executable, "-c", "from bot.web.web import serve; serve()"],
        cwd=ROOT,
        env=service_env(config),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    log.close()
    try:
        wait_for(f"http://127.0.0.1:{settings.port}/health", 30, web)
        yield settings
    finally:
        web.terminate()
        web.wait(timeout=10)


@pytest.fixture(scope="session")
def rest_url(servers: Settings) -> str:
    return f"http://127.0.0.1:{servers.rasa_port}/webhooks/rest/webhook"


@pytest.fixture(scope="session")
def web_url(servers: Settings) -> str:
    return f"http://127.0.0.1:{servers.port}"


# -- real PostgreSQL and Redis (issue 11), started only when a test asks -------------------
# On loopback in temporary directories (bot/ops/infra.py); ports from outside (BOT_PG_PORT,
# BOT_REDIS_PORT) so parallel runs do not collide.


@pytest.fixture(scope="session")
def postgres() -> Iterator["PostgresServer"]:
    """A real PostgreSQL server for the session (stop()/start() it to test an outage)."""
    from bot.ops.infra import PostgresServer

    with PostgresServer(int(outside_overrides().get("BOT_PG_PORT", "15432"))) as server:
        yield server


@pytest.fixture(scope="session")
def postgres_url(postgres: "PostgresServer") -> str:
    """The SQLAlchemy URL of the session's PostgreSQL database."""
    return postgres.url


@pytest.fixture(scope="session")
def redis_server() -> Iterator["RedisServer"]:
    """A real Redis server for the session (with a password, nothing saved to disk)."""
    from bot.ops.redis_server import RedisServer

    with RedisServer(int(outside_overrides().get("BOT_REDIS_PORT", "16379"))) as server:
        yield server


@pytest.fixture(scope="session")
def redis_url(redis_server: "RedisServer") -> str:
    """The redis:// URL of the session's Redis server."""
    return redis_server.url


# Figures measured by tests (held-out scores, latency, cross-validation) are printed in the
# test summary and saved to test-artifacts/, so every run reports them.
FIGURES: list[str] = []
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def report_figure():  # type: ignore[no-untyped-def]
    def add(title: str, text: str) -> None:
        FIGURES.append(f"== {title} ==\n{text}")
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / (title.lower().replace(" ", "-") + ".txt")).write_text(
            text + "\n", encoding="utf-8"
        )

    return add


# Fixtures that start real processes (Rasa, the web server, PostgreSQL, Redis, Chromium) or
# need the trained model: a test that uses none of them, and is neither slow nor a mutation
# run, is a unit test.
_SLOW_FIXTURES = {
    "servers",
    "services",
    "rest_url",
    "web_url",
    "model_path",
    "postgres",
    "postgres_url",
    "redis_server",
    "redis_url",
    "browser",
    "open_page",
    "page",
    "cluster",
}


def pytest_collection_modifyitems(config, items) -> None:  # type: ignore[no-untyped-def]
    """Mark the fast tests `unit`, so `./test -m unit` runs them alone; run the browser tests
    last: Playwright's sync API keeps an event loop running in the main thread from its first
    use to the end of the session, and the in-process web tests (pytest-aiohttp) run theirs
    there before it."""
    items.sort(key=lambda item: "/browser/" in str(item.fspath))  # stable: order kept otherwise
    for item in items:
        slow = {m.name for m in item.iter_markers()} & {"slow", "mutation", "process"}
        # (A test parametrised over the databases asks for PostgreSQL by name at run time.)
        if (
            not slow
            and not set(getattr(item, "fixturenames", ())) & _SLOW_FIXTURES
            and "/browser/" not in str(item.fspath)
            and "postgres" not in item.name
        ):
            item.add_marker(pytest.mark.unit)


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    if FIGURES:
        terminalreporter.section("measured figures")
        for block in FIGURES:
            terminalreporter.write_line(block)


# -- every test fails if a request leaves localhost ------------------------------------------
# In this process every socket connection and name lookup is checked: anything but loopback
# (or a Unix socket) is refused *and* recorded, and a test that caused one fails at teardown
# even when the code under test swallowed the error. (The servers run as subprocesses and
# are bound to 127.0.0.1; the browser's requests are checked by the browser fixture.)
NETWORK_ESCAPES: list[str] = []
_LOCAL_NAMES = {"localhost", "", "0.0.0.0", "::"}


def _is_local(host: object) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).strip("[]").lower()
    if host in _LOCAL_NAMES or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


class NetworkEscape(ConnectionRefusedError):
    """A test tried to reach something other than this machine."""


def _refuse(what: str) -> None:
    NETWORK_ESCAPES.append(what)
    raise NetworkEscape(f"tests may not leave localhost: {what}")


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo


def _check_address(sock: socket.socket, address: object) -> None:
    if getattr(socket, "AF_UNIX", None) is not None and sock.family == socket.AF_UNIX:
        return
    host = address[0] if isinstance(address, tuple) else address
    if not _is_local(host):
        _refuse(f"connect to {address!r}")


def _guarded_connect(self, address):  # type: ignore[no-untyped-def]
    _check_address(self, address)
    return _real_connect(self, address)


def _guarded_connect_ex(self, address):  # type: ignore[no-untyped-def]
    _check_address(self, address)
    return _real_connect_ex(self, address)


def _guarded_getaddrinfo(host, *args, **kwargs):  # type: ignore[no-untyped-def]
    if not _is_local(host):
        _refuse(f"look up {host!r}")
    return _real_getaddrinfo(host, *args, **kwargs)


@pytest.fixture(scope="session", autouse=True)
def _network_guard() -> Iterator[None]:
    mp = pytest.MonkeyPatch()
    mp.setattr(socket.socket, "connect", _guarded_connect)
    mp.setattr(socket.socket, "connect_ex", _guarded_connect_ex)
    mp.setattr(socket, "getaddrinfo", _guarded_getaddrinfo)
    yield
    mp.undo()


@pytest.fixture(autouse=True)
def _no_network_escape(_network_guard: None) -> Iterator[None]:
    # Importing Sanic (through Rasa) installs uvloop's event loop policy for the whole process;
    # uvloop opens sockets in C, past the guard. Every test runs on asyncio's own loop instead.
    import asyncio

    if type(asyncio.get_event_loop_policy()).__module__.startswith("uvloop"):
        asyncio.set_event_loop_policy(None)
    before = len(NETWORK_ESCAPES)
    yield
    escaped = NETWORK_ESCAPES[before:]
    del NETWORK_ESCAPES[before:]
    assert not escaped, f"a request left localhost: {escaped}"


@pytest.fixture()
def network_guard():  # type: ignore[no-untyped-def]
    """The guard's parts, for the test that checks it (tests/test_network_guard.py)."""
    import types

    return types.SimpleNamespace(
        escapes=NETWORK_ESCAPES,
        Escape=NetworkEscape,
        is_local=_is_local,
        teardown_check=_no_network_escape.__wrapped__,
    )


def run_async(coro_fn, *args):  # type: ignore[no-untyped-def]
    """asyncio.run(coro_fn(*args)) in a worker thread: the browser tests' Playwright (sync API)
    keeps an event loop running in the main thread for the whole session."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(coro_fn(*args))).result()


@pytest.fixture(scope="session")
def arun():  # type: ignore[no-untyped-def]
    """run_async as a fixture (tests cannot import this conftest as a module reliably)."""
    return run_async
