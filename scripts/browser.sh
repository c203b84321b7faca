#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (browser downloads are not possible here), and run
# pa11y (pinned in tools/a11y/package-lock.json) beside axe-core on the same Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "Installing Debian's chromium for the browser tests…"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
if [ ! -x tools/a11y/node_modules/.bin/pa11y ]; then
  echo "Installing pa11y (tools/a11y, from its package-lock.json; no browser download)…"
  command -v npm >/dev/null || { echo "npm is needed for pa11y: apt-get install npm" >&2; exit 1; }
  (cd tools/a11y && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
