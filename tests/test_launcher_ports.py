"""The launcher refuses to start when a port it needs is taken: a server left running there
(old code, another model) would otherwise answer every health check and every scored
question in place of the processes just started, and the figures would be stale."""

from __future__ import annotations

import socket

import pytest

from bot.config.config import Config
from bot.ops.launcher import Services
from bot.ops.readiness import ports_in_use


def _listening() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(1)
    return sock


def test_a_taken_port_is_found() -> None:
    with _listening() as sock:
        port = sock.getsockname()[1]
        assert ports_in_use([port]) == [port]
    assert ports_in_use([port]) == []


@pytest.mark.parametrize("which", ["rasa_port", "action_port"])
def test_services_refuse_a_taken_port_before_starting_anything(
    which: str,
    tmp_path,  # type: ignore[no-untyped-def]
    config: Config,
) -> None:
    with _listening() as sock:
        port = sock.getsockname()[1]
        services = Services(config.with_settings(**{which: port}), tmp_path / "model.tar.gz")
        with pytest.raises(RuntimeError, match=str(port)):
            services.start(supervise=False)
        assert services.procs == []
