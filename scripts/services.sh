#!/usr/bin/env bash
# The production parts the tests start on loopback (bot/ops/infra.py) and check the deploy/
# files with: Debian's PostgreSQL, Redis and nginx. Installed only when missing.
set -euo pipefail
missing=()
# PostgreSQL: the server binaries, on PATH or where Debian puts them.
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "Installing Debian's ${missing[*]} for the production tests…"
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
# policy-rc.d 101: install the packages without starting their system services; the tests
# start their own servers on loopback in temporary directories.
rcd=/usr/sbin/policy-rc.d
made_rcd=""
if [ ! -e "$rcd" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$rcd" >/dev/null && $SUDO chmod 755 "$rcd" && made_rcd=1
fi
trap '[ -z "$made_rcd" ] || $SUDO rm -f "$rcd"' EXIT
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
