#!/usr/bin/env bash
# Creates .venv with Python 3.10 and installs the locked dependencies (only when the lock
# file changed since the last install). Used by ./run and ./test.
set -euo pipefail
cd "$(dirname "$0")/.."

find_python() {
  if [ -n "${PYTHON:-}" ]; then echo "$PYTHON"; return; fi
  for c in python3.10 "$HOME"/.pyenv/versions/3.10*/bin/python3.10 /usr/bin/python3.10 /usr/local/bin/python3.10; do
    if command -v "$c" >/dev/null 2>&1 && "$c" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then
      command -v "$c"; return
    fi
  done
  if command -v uv >/dev/null 2>&1; then uv python find 3.10 2>/dev/null && return; fi
  return 1
}

if [ ! -x .venv/bin/python ]; then
  if ! PY=$(find_python); then
    echo "Python 3.10 is needed (Rasa 3.6 does not run on newer versions)." >&2
    echo "Install it (e.g. 'pyenv install 3.10' or 'uv python install 3.10') or set PYTHON=/path/to/python3.10." >&2
    exit 1
  fi
  echo "Creating .venv with $PY"
  "$PY" -m venv .venv
fi

want=$(sha256sum requirements.lock | cut -d' ' -f1)
if [ "$(cat .venv/.lock-sha256 2>/dev/null)" != "$want" ]; then
  echo "Installing locked dependencies (a few minutes the first time)…"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check "pip==24.2"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
  echo "$want" > .venv/.lock-sha256
fi
