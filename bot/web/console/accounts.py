"""Counsellor accounts: created by an administrator on the command line, never by default.

Passwords are stored only as scrypt hashes (hashlib, salted, memory-hard). The file lives in
the state directory with owner-only permissions; it is not part of the project's content.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

# scrypt cost: n=2**14, r=8 uses 16 MiB and about 50 ms per check here; enough to make
# guessing slow, cheap enough for a login.
SCRYPT_N, SCRYPT_R, SCRYPT_P, KEY_LEN = 2**14, 8, 1, 32
MIN_PASSWORD = 12
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")


class AccountError(ValueError):
    """A request the account store refuses (with a message for the administrator)."""


@dataclass(frozen=True)
class Account:
    """A counsellor who may use the console."""

    name: str  # login name
    display_name: str  # recorded with every approval


def hash_password(password: str, salt: Optional[bytes] = None) -> str:
    """`scrypt$n$r$p$salt$key`, base64 parts."""
    salt = salt or secrets.token_bytes(16)
    key = hashlib.scrypt(
        password.encode(),
        salt=salt,
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        dklen=KEY_LEN,
        maxmem=64 * 1024 * 1024,
    )
    b64 = lambda b: base64.b64encode(b).decode()  # noqa: E731
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt)}${b64(key)}"


def check_password(password: str, stored: str) -> bool:
    """Whether `password` matches a hash made by hash_password (constant-time compare)."""
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != "scrypt":
            return False
        want = base64.b64decode(key)
        got = hashlib.scrypt(
            password.encode(),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(want),
            maxmem=64 * 1024 * 1024,
        )
    except ValueError:
        return False
    return hmac.compare_digest(got, want)


# Checked when a name is unknown, so a wrong name takes as long as a wrong password.
_DUMMY_HASH = hash_password(secrets.token_hex(16))


class AccountStore:
    """accounts.json (in the state directory, see `accounts_file`): {name: {display_name, password}}; read on every call (no restart
    needed after the administrator adds someone)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _read(self) -> dict[str, dict[str, str]]:
        if not self.path.exists():
            return {}
        return json.loads(self.path.read_text(encoding="utf-8"))

    def _write(self, data: dict[str, dict[str, str]]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=1)
        os.replace(tmp, self.path)

    def add(self, name: str, display_name: str, password: str) -> Account:
        """Create an account; refuses a taken name, a bad name or a short password."""
        if not NAME_RE.match(name):
            raise AccountError("login name: 2-40 characters, lower-case letters, digits, . _ -")
        if not display_name.strip():
            raise AccountError("a display name is needed (it is recorded with approvals)")
        _check_strength(password)
        data = self._read()
        if name in data:
            raise AccountError(f"account {name!r} exists already")
        data[name] = {"display_name": display_name.strip(), "password": hash_password(password)}
        self._write(data)
        return Account(name, display_name.strip())

    def set_password(self, name: str, password: str) -> None:
        """Replace an account's password."""
        _check_strength(password)
        data = self._read()
        if name not in data:
            raise AccountError(f"no account {name!r}")
        data[name]["password"] = hash_password(password)
        self._write(data)

    def remove(self, name: str) -> None:
        """Delete an account."""
        data = self._read()
        if data.pop(name, None) is None:
            raise AccountError(f"no account {name!r}")
        self._write(data)

    def list(self) -> list[Account]:
        """All accounts (no hashes)."""
        return [Account(n, d["display_name"]) for n, d in sorted(self._read().items())]

    def stamp(self, name: str) -> Optional[str]:
        """What changes when the account's credentials do: a digest of its password hash
        (a new salt with every new password), None when there is no such account."""
        entry = self._read().get(name)
        if entry is None:
            return None
        return hashlib.sha256(entry["password"].encode()).hexdigest()

    def verify(self, name: str, password: str) -> Optional[Account]:
        """The account when name and password match, else None."""
        entry = self._read().get(name)
        if entry is None:
            check_password(password, _DUMMY_HASH)
            return None
        if check_password(password, entry["password"]):
            return Account(name, entry["display_name"])
        return None


# Words that make the bulk of guessed and leaked passwords, in both languages; a password that
# is one of them plus digits, symbols or repetition is refused (as `password1234` must be).
_COMMON_WORDS = frozenset(
    """
password passwort wachtwoord welkom welcome qwerty azerty letmein admin administrator
iloveyou monkey dragon master sunshine princess football voetbal baseball shadow superman
login geheim secret changeme default counsellor counselor consulent genetica genetics
clinic kliniek ziekenhuis hospital smard assistant summer winter zomer lente autumn herfst
""".split()
)
_SEQUENCES = (
    "0123456789",
    "9876543210",
    "abcdefghijklmnopqrstuvwxyz",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "azertyuiop",
)


def is_common(password: str) -> bool:
    """Whether `password` is a common word, a keyboard or counting run, one repeated piece,
    or no letters at all, once digits and symbols at its ends are set aside and case is
    ignored."""
    p = password.lower()
    core = re.sub(r"^[^a-z]+|[^a-z]+$", "", p)
    if not core or core in _COMMON_WORDS or re.sub(r"(.+?)\1+", r"\1", core) in _COMMON_WORDS:
        return True
    for piece in (p, core):
        if len(piece) >= 4 and any(piece in seq * 2 for seq in _SEQUENCES):
            return True
        if re.fullmatch(r"(.{1,8})\1+", piece):
            return True
    return False


def _check_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password needs at least {MIN_PASSWORD} characters")
    if len(set(password)) < 5 or is_common(password):
        raise AccountError("the password is too common or too simple; use a few unrelated words")


def accounts_file(state_dir: Path) -> Path:
    """Where the console's accounts are kept in a state directory."""
    return state_dir / "accounts.json"
