"""docs/operations.md, Privacy: "Only our web server listens beyond loopback. Rasa runs without
`--enable-api`, on 127.0.0.1, with only the REST channel. The action server is on 127.0.0.1."
Checked on the running processes: the kernel's table of listening sockets (/proc/net/tcp and
tcp6), and Rasa's HTTP API routes, which answer only when the API is enabled."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import pytest
import requests

from bot.config.settings import Settings

LISTEN = "0A"  # TCP state LISTEN in /proc/net/tcp


def _listening(port: int) -> set[str]:
    """The local addresses on which something listens on `port` (IPv4 and IPv6)."""
    found = set()
    for name, size in (("tcp", 4), ("tcp6", 16)):
        path = Path("/proc/net") / name
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            address, port_hex = fields[1].split(":")
            if fields[3] != LISTEN or int(port_hex, 16) != port:
                continue
            raw = bytes.fromhex(address)
            # /proc prints each 32-bit word in host (little-endian) order
            raw = b"".join(raw[i : i + 4][::-1] for i in range(0, size, 4))
            found.add(str(ipaddress.ip_address(raw)))
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux's /proc/net")
def test_rasa_and_the_action_server_listen_on_loopback_only(servers: Settings) -> None:
    for port in (*servers.rasa_ports, servers.action_port):
        addresses = _listening(port)
        assert addresses, f"nothing listens on {port}"
        assert all(ipaddress.ip_address(a).is_loopback for a in addresses), (port, addresses)


def test_the_decoders_read_the_kernels_format() -> None:
    # a socket this test opens on 127.0.0.1 is found there, and not on another address
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        if Path("/proc/net/tcp").exists():
            assert _listening(port) == {"127.0.0.1"}


@pytest.mark.parametrize(
    "path",
    ["/status", "/version", "/model/parse", "/conversations/x/tracker", "/webhooks/socketio/"],
)
def test_rasa_has_no_http_api_and_only_the_rest_channel(servers: Settings, path: str) -> None:
    base = f"http://127.0.0.1:{servers.rasa_port}"
    method = requests.post if path == "/model/parse" else requests.get
    assert method(base + path, json={"text": "wat is smard"}, timeout=30).status_code == 404
    # the REST channel itself answers
    assert requests.get(f"{base}/webhooks/rest/", timeout=30).status_code == 200
