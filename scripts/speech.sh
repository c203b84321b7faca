#!/usr/bin/env bash
# Read-aloud audio is made offline at publish time (bot/content/speech.py): Debian's espeak-ng
# (Dutch and English voices) and sox (encodes Ogg Vorbis, which every Chromium plays, and
# measures durations in the tests). Installed only when missing.
set -euo pipefail
missing=()
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
command -v sox >/dev/null 2>&1 || missing+=(sox)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "Installing Debian's ${missing[*]} for reading answers aloud…"
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
