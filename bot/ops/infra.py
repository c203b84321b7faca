"""Throwaway PostgreSQL server on loopback (and what it shares with the Redis one,
bot/ops/redis_server.py), for the tests and the soak script.

Each server lives in its own temporary directory (data, socket, log) and is removed with it.
PostgreSQL refuses to run as root, so when we are root its processes run as an unprivileged
system user (Debian's `postgres` account when the package made one, else `nobody`), the way
Debian's own pg_ctlcluster does.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any, Optional, TypeVar

from bot.config.environment import process_environment

# Debian puts the PostgreSQL server binaries in a versioned directory, not on PATH.
_PG_DIRS = "/usr/lib/postgresql/*/bin"


def pg_binary(name: str) -> str:
    """The path of PostgreSQL's `name` (initdb, pg_ctl, postgres): on PATH, else Debian's."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(
        glob.glob(f"{_PG_DIRS}/{name}"),
        key=lambda p: (
            int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0
        ),
    )
    if not candidates:
        raise FileNotFoundError(f"PostgreSQL's {name} is not installed (scripts/services.sh)")
    return candidates[-1]


def service_user() -> Optional[pwd.struct_passwd]:
    """The unprivileged account servers run as when we are root; None when we are not root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise RuntimeError("running as root and no unprivileged account (postgres, nobody) exists")


def wait_until(check: Any, timeout: float, what: str) -> None:
    """Call `check()` until it returns without raising, or raise after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            check()
            return
        except Exited:
            raise
        except Exception as exc:  # noqa: BLE001 - any other failure means "not ready yet"
            if time.monotonic() > deadline:
                raise TimeoutError(f"{what} did not answer within {timeout:.0f} s") from exc
            time.sleep(0.2)


class Exited(RuntimeError):
    """The server process ended while we waited for it (a configuration error, say)."""


_Server = TypeVar("_Server", bound="Throwaway")


class Throwaway:
    """What both throwaway servers share: a directory of their own, removed on close, and a
    `with` block that never leaves a server behind (one that did not come up included)."""

    dir: Path

    def start(self: _Server) -> _Server:
        """Start the server; return it once it answers."""
        raise NotImplementedError

    def stop(self) -> None:
        """Stop the server; its directory stays."""
        raise NotImplementedError

    def close(self) -> None:
        """Stop the server and remove its directory."""
        try:
            self.stop()
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self: _Server) -> _Server:
        try:
            return self.start()
        except BaseException:  # a server that did not come up is not left behind
            self.close()
            raise

    def __exit__(self, *exc: object) -> None:
        self.close()


class PostgresServer(Throwaway):
    """A PostgreSQL cluster in a temporary directory, listening on 127.0.0.1:`port` only.

    `config` is an extra postgresql.conf (e.g. deploy/postgresql/keuzehulp.conf) included
    after initdb's defaults; the port, address and socket directory are set on the command
    line, so they win. `hba` replaces initdb's pg_hba.conf (e.g. deploy/postgresql/pg_hba.conf).
    Use as a context manager, or call start()/stop()/close().
    """

    def __init__(
        self,
        port: int,
        database: str = "keuzehulp",
        user: str = "keuzehulp",
        config: Optional[Path] = None,
        hba: Optional[Path] = None,
    ) -> None:
        self.port, self.database, self.user = port, database, user
        self.password = secrets.token_urlsafe(16)
        self.config, self.hba = config, hba
        self.dir = Path(tempfile.mkdtemp(prefix="bot-pg-"))
        self.data, self.socket_dir, self.log = (
            self.dir / "data",
            self.dir / "sock",
            self.dir / "pg.log",
        )
        self._account = service_user()
        self._initdb()

    @property
    def url(self) -> str:
        """The SQLAlchemy URL of the database (password included)."""
        return f"postgresql://{self.user}:{self.password}@127.0.0.1:{self.port}/{self.database}"

    def _run(self, *cmd: str) -> None:
        """Run a PostgreSQL tool as the service account; its output goes to the log file."""
        kwargs: dict[str, Any] = {}
        if self._account:
            kwargs = {
                "user": self._account.pw_uid,
                "group": self._account.pw_gid,
                "extra_groups": [],
            }
        env = {
            "PATH": process_environment().get("PATH", "/usr/bin:/bin"),
            "LC_ALL": "C",
            "HOME": str(self.dir),
        }
        with self.log.open("ab") as log:
            subprocess.run(
                cmd,
                check=True,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=self.dir,
                timeout=120,
                **kwargs,
            )

    def _initdb(self) -> None:
        self.socket_dir.mkdir()
        pwfile = self.dir / "pwfile"
        pwfile.write_text(self.password + "\n", encoding="utf-8")
        if self.config:  # copied in: the service account may not be able to read the original
            shutil.copy(self.config, self.dir / "extra.conf")
        if self._account:
            for path in (self.dir, self.socket_dir, pwfile, *self.dir.glob("*.conf")):
                os.chown(path, self._account.pw_uid, self._account.pw_gid)
        self.log.touch()
        if self._account:
            os.chown(self.log, self._account.pw_uid, self._account.pw_gid)
        self._run(
            pg_binary("initdb"),
            "-D",
            str(self.data),
            "-U",
            self.user,
            f"--pwfile={pwfile}",
            "--auth=scram-sha-256",
            "-E",
            "UTF8",
            "--no-locale",
        )
        pwfile.unlink()
        if self.config:
            with (self.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
                conf.write(f"\ninclude '{self.dir / 'extra.conf'}'\n")

    def start(self, timeout: float = 60) -> "PostgresServer":
        """Start the server and wait until the database answers (created the first time)."""
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} "
            f"-c unix_socket_directories={self.socket_dir}"
        )
        self._run(
            pg_binary("pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-o",
            options,
            "-w",
            "-t",
            str(int(timeout)),
            "start",
        )
        wait_until(self._ensure_database, timeout, "PostgreSQL")
        hba = self.data / "pg_hba.conf"
        if self.hba and hba.read_text(encoding="utf-8") != self.hba.read_text(encoding="utf-8"):
            # Once the database exists (the sample may let the role reach nothing else);
            # written in place, so the file keeps the service account as its owner.
            hba.write_text(self.hba.read_text(encoding="utf-8"), encoding="utf-8")
            self._run(pg_binary("pg_ctl"), "-D", str(self.data), "-w", "reload")
        return self

    def _ensure_database(self) -> None:
        import psycopg2  # only where a PostgreSQL server is started

        conn = psycopg2.connect(
            host="127.0.0.1",
            port=self.port,
            user=self.user,
            password=self.password,
            dbname="postgres",
            connect_timeout=5,
        )
        try:
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (self.database,))
                if not cur.fetchone():
                    cur.execute(f'CREATE DATABASE "{self.database}"')
        finally:
            conn.close()

    def setting(self, name: str) -> str:
        """The value of a server setting as the running server has it (SHOW)."""
        import psycopg2

        conn = psycopg2.connect(
            host="127.0.0.1",
            port=self.port,
            user=self.user,
            password=self.password,
            dbname=self.database,
            connect_timeout=5,
        )
        try:
            with conn.cursor() as cur:
                cur.execute(f"SHOW {name}")
                return str(cur.fetchone()[0])
        finally:
            conn.close()

    def stop(self) -> None:
        """Stop the server (fast shutdown: open connections are closed); the data stays."""
        if (self.data / "postmaster.pid").exists():
            self._run(pg_binary("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")
