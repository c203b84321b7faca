"""The files in deploy/ a clinic's operations team installs, each checked by the tool that
reads it (issue 11): nginx -t on the site, systemd-analyze verify on the units, the Redis and
PostgreSQL samples loaded by real servers, and Rasa's endpoints building Rasa's own stores."""

from __future__ import annotations

import configparser
import os
import shutil
import socket
import subprocess
from pathlib import Path
from typing import Any

import pytest

from bot.config.paths import ROOT
from bot.ops.infra import PostgresServer
from bot.ops.redis_server import RedisServer

DEPLOY = ROOT / "deploy"
INSTALL_DIR = "/opt/keuzehulp"  # where the units expect the clone
UNITS = {
    "keuzehulp-web.service": "keuzehulp-web.service",
    "keuzehulp-rasa@.service": "keuzehulp-rasa@5010.service",
    "keuzehulp-actions@.service": "keuzehulp-actions@5060.service",
    "keuzehulp-redis.service": "keuzehulp-redis.service",
}


def _free_port() -> int:
    """A port nothing listens on now (for a server of one test)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_nginx_site_passes_nginx_t(tmp_path: Path) -> None:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=chat.clinic.example",
            "-keyout",
            str(tmp_path / "privkey.pem"),
            "-out",
            str(tmp_path / "fullchain.pem"),
        ],
        check=True,
        capture_output=True,
    )
    site = (DEPLOY / "nginx" / "keuzehulp.conf").read_text(encoding="utf-8")
    site = site.replace("/etc/ssl/keuzehulp/", f"{tmp_path}/").replace(
        "/var/log/nginx/", f"{tmp_path}/"
    )
    (tmp_path / "keuzehulp.conf").write_text(site, encoding="utf-8")
    temp = " ".join(
        f"{kind}_temp_path {tmp_path}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{ {temp}\n include {tmp_path}/keuzehulp.conf; }}\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            nginx,
            "-t",
            "-p",
            str(tmp_path),
            "-e",
            str(tmp_path / "error.log"),
            "-c",
            str(tmp_path / "nginx.conf"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr and "test is successful" in result.stderr


def test_the_nginx_site_limits_per_address_and_adds_no_header_to_proxied_responses() -> None:
    site = (DEPLOY / "nginx" / "keuzehulp.conf").read_text(encoding="utf-8")
    assert "limit_req_zone $binary_remote_addr zone=keuzehulp_chat" in site
    chat = site.split("location = /api/chat {", 1)[1].split("}", 1)[0]
    assert "limit_req zone=keuzehulp_chat" in chat and "proxy_pass http://keuzehulp_web" in chat
    # add_header only in the named locations of nginx's own errors: the web tier's headers
    # pass through untouched, none doubled.
    for block in site.split("location ")[1:]:
        if "add_header" in block.split("}", 1)[0]:
            assert block.startswith("@"), block.split("\n", 1)[0]
    assert "proxy_hide_header" not in site and "server_tokens off" in site


def _installed_units(tmp_path: Path) -> list[Path]:
    """The units as installed here: the clone's real path instead of /opt/keuzehulp."""
    paths = []
    for source, instance in UNITS.items():
        text = (DEPLOY / "systemd" / source).read_text(encoding="utf-8")
        path = tmp_path / instance
        path.write_text(text.replace(INSTALL_DIR, str(ROOT)), encoding="utf-8")
        paths.append(path)
    return paths


def test_the_systemd_units_verify(tmp_path: Path) -> None:
    """With systemd-analyze verify where it exists (it does on Debian with systemd); else
    parsed with configparser, checking the keys and that ExecStart's program exists."""
    units = _installed_units(tmp_path)
    analyze = shutil.which("systemd-analyze")
    if analyze:
        result = subprocess.run(
            [analyze, "verify", *map(str, units)],
            capture_output=True,
            text=True,
            env={**os.environ, "SYSTEMD_LOG_LEVEL": "notice"},
        )
        assert result.returncode == 0 and not result.stderr.strip(), result.stderr
    for path in units:
        unit = configparser.ConfigParser(interpolation=None, strict=False)
        unit.read(path, encoding="utf-8")
        service = unit["Service"]
        program = service["ExecStart"].split()[0]
        assert Path(program).exists(), f"{path.name}: {program}"
        assert service["User"] and service["Restart"] == "on-failure" and service["UMask"] == "0077"
        assert service["NoNewPrivileges"] == "yes" and unit["Install"]["WantedBy"]


def test_the_redis_sample_runs_on_loopback_with_a_password_and_no_disk(tmp_path: Path) -> None:
    import redis

    with RedisServer(_free_port(), config=DEPLOY / "redis" / "keuzehulp.conf") as server:
        client = redis.Redis.from_url(server.url)
        assert client.config_get("maxmemory-policy") == {"maxmemory-policy": "noeviction"}
        assert client.config_get("appendonly") == {"appendonly": "no"}
        with pytest.raises(redis.exceptions.ResponseError):
            client.execute_command("FLUSHALL")  # renamed away in the sample
        with pytest.raises(redis.exceptions.AuthenticationError):
            redis.Redis(host="127.0.0.1", port=server.port).ping()


def test_the_postgresql_sample_is_loaded_by_the_server() -> None:
    import psycopg2

    with PostgresServer(
        _free_port(),
        config=DEPLOY / "postgresql" / "keuzehulp.conf",
        hba=DEPLOY / "postgresql" / "pg_hba.conf",
    ) as server:
        assert server.setting("log_min_error_statement") == "panic"
        assert server.setting("log_statement") == "none"
        assert server.setting("password_encryption") == "scram-sha-256"
        assert server.setting("log_parameter_max_length_on_error") == "0"
        with pytest.raises(psycopg2.OperationalError):
            psycopg2.connect(
                host="127.0.0.1",
                port=server.port,
                user=server.user,
                password="wrong",
                dbname=server.database,
                connect_timeout=5,
            )
        with pytest.raises(psycopg2.OperationalError):  # only its own database
            psycopg2.connect(
                host="127.0.0.1",
                port=server.port,
                user=server.user,
                password=server.password,
                dbname="postgres",
                connect_timeout=5,
            )


def test_the_rasa_endpoints_build_rasas_postgresql_tracker_store_and_redis_lock_store(
    postgres: PostgresServer,
    redis_server: RedisServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    arun: Any,
) -> None:
    from rasa.core.lock_store import LockStore, RedisLockStore
    from rasa.core.tracker_store import SQLTrackerStore, TrackerStore
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.utils.endpoints import read_endpoint_config

    text = (DEPLOY / "rasa" / "endpoints.yml").read_text(encoding="utf-8")
    text = text.replace("port: 5432", f"port: {postgres.port}").replace(
        "port: 6379", f"port: {redis_server.port}"
    )
    (tmp_path / "endpoints.yml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("DB_PASSWORD", postgres.password)
    monkeypatch.setenv("REDIS_PASSWORD", redis_server.password)
    tracker_store = TrackerStore.create(
        read_endpoint_config(str(tmp_path / "endpoints.yml"), "tracker_store")
    )
    inner = getattr(tracker_store, "_tracker_store", tracker_store)  # Rasa wraps it
    assert isinstance(inner, SQLTrackerStore) and inner.engine.dialect.name == "postgresql"
    arun(inner.save, DialogueStateTracker.from_events("e" * 32, []))
    lock_store = LockStore.create(
        read_endpoint_config(str(tmp_path / "endpoints.yml"), "lock_store")
    )
    assert isinstance(lock_store, RedisLockStore) and lock_store.red.ping()
    inner.engine.dispose()
