"""The throwaway PostgreSQL and Redis servers (bot/ops/infra.py) the production tests use."""

from __future__ import annotations

import socket

import pytest

from bot.ops.infra import PostgresServer
from bot.ops.redis_server import RedisServer


def test_postgres_answers_on_loopback_with_its_password_and_keeps_data_over_a_restart(
    postgres: PostgresServer,
) -> None:
    import psycopg2
    import sqlalchemy

    assert postgres.setting("listen_addresses") == "127.0.0.1"
    with pytest.raises(psycopg2.OperationalError):
        psycopg2.connect(
            host="127.0.0.1",
            port=postgres.port,
            user=postgres.user,
            password="wrong",
            dbname=postgres.database,
            connect_timeout=5,
        )
    engine = sqlalchemy.create_engine(postgres.url, pool_pre_ping=True)
    with engine.begin() as conn:
        conn.execute(sqlalchemy.text("CREATE TABLE IF NOT EXISTS infra_probe (n int)"))
        conn.execute(sqlalchemy.text("INSERT INTO infra_probe VALUES (7)"))
    postgres.stop()
    with pytest.raises(sqlalchemy.exc.OperationalError):
        engine.connect()
    postgres.start()
    with engine.begin() as conn:
        assert conn.execute(sqlalchemy.text("SELECT n FROM infra_probe")).scalars().all() == [7]
        conn.execute(sqlalchemy.text("DROP TABLE infra_probe"))
    engine.dispose()


def test_redis_needs_its_password(redis_server: RedisServer) -> None:
    import redis

    client = redis.Redis.from_url(redis_server.url)
    assert client.ping() and client.config_get("bind") == {"bind": "127.0.0.1"}
    assert client.config_get("save") == {"save": ""}
    with pytest.raises(redis.exceptions.AuthenticationError):
        redis.Redis(host="127.0.0.1", port=redis_server.port).ping()


def test_a_closed_server_leaves_nothing_behind() -> None:
    with socket.socket() as probe:  # a free port for this one server
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = RedisServer(port).start()
    server.close()
    assert not server.dir.exists()
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass
