"""A throwaway Redis server on loopback, for the tests and the soak script: its own temporary
directory, removed with it (the shared parts: bot/ops/infra.py)."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any, Optional

from bot.ops.infra import Exited, Throwaway, service_user, wait_until


class RedisServer(Throwaway):
    """A Redis server in a temporary directory on 127.0.0.1:`port`, nothing saved to disk.

    `config` is a redis.conf (e.g. deploy/redis/keuzehulp.conf) read first; the password is
    given on standard input, as deploy/systemd's unit does (so it never is in a file or in the
    process list). Use as a context manager, or call start()/stop()/close().
    """

    def __init__(self, port: int, config: Optional[Path] = None) -> None:
        self.port, self.config = port, config
        self.password = secrets.token_urlsafe(16)
        self.dir = Path(tempfile.mkdtemp(prefix="bot-redis-"))
        self.log = self.dir / "redis.log"
        self.process: Optional[subprocess.Popen[bytes]] = None
        self._account = service_user()
        if self._account:
            os.chown(self.dir, self._account.pw_uid, self._account.pw_gid)

    @property
    def url(self) -> str:
        """The redis:// URL (password included)."""
        return f"redis://:{self.password}@127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 30) -> "RedisServer":
        """Start the server and wait until it answers PING."""
        cmd = [shutil.which("redis-server") or "/usr/bin/redis-server"]
        if self.config:
            # A copy in its own directory: the unprivileged account it runs as may not be
            # allowed into the checkout (a CI clone under a 0700 temporary folder).
            own = self.dir / "redis.conf"
            shutil.copyfile(self.config, own)
            if self._account:
                os.chown(own, self._account.pw_uid, self._account.pw_gid)
            cmd.append(str(own))
        # "-" (it must be the last argument) reads settings from stdin; Redis applies the file,
        # then stdin, then the options, so the options win.
        cmd += [
            "--bind",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--dir",
            str(self.dir),
            "--save",
            "",
            "--appendonly",
            "no",
            "--daemonize",
            "no",
            "--logfile",
            str(self.log),
            "--unixsocket",
            "",
            "-",
        ]
        kwargs: dict[str, Any] = {}
        if self._account:
            kwargs = {
                "user": self._account.pw_uid,
                "group": self._account.pw_gid,
                "extra_groups": [],
            }
        self.process = subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=self.dir,
            **kwargs,
        )
        assert self.process.stdin is not None
        self.process.stdin.write(f"requirepass {self.password}\n".encode())
        self.process.stdin.close()
        wait_until(self._ping, timeout, "Redis")
        return self

    def _ping(self) -> None:
        import redis  # only where a Redis server is started

        if self.process and self.process.poll() is not None:
            raise Exited(f"redis-server exited with {self.process.returncode}; see {self.log}")
        client = redis.Redis.from_url(self.url, socket_timeout=2)
        try:
            if not client.ping():
                raise RuntimeError("no PONG")
        finally:
            client.close()

    def stop(self) -> None:
        """Stop the server."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
