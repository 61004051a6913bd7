#!/usr/bin/env bash
# Headless Chromium for the browser tests (Playwright drives it; `playwright install` needs the internet, so the
# browser comes from Debian's packages instead). Installs it if missing and prints the executable's path:
#   export CARTONA_TEST_CHROMIUM="$(ops/chromium.sh)"
set -euo pipefail

find_chromium() { command -v chromium 2>/dev/null || command -v chromium-browser 2>/dev/null || true; }

exe=$(find_chromium)
if [ -z "$exe" ]; then
  echo "ops/chromium.sh: installing chromium from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  sudo=""; [ "$(id -u)" = 0 ] || ! command -v sudo >/dev/null || sudo="sudo"
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq chromium >/dev/null
  exe=$(find_chromium)
fi
[ -n "$exe" ] || { echo "ops/chromium.sh: chromium is still missing after apt-get install" >&2; exit 1; }
# Debian's /usr/bin/chromium is a wrapper script around the real binary; Playwright drives either.
echo "ops/chromium.sh: $("$exe" --version 2>/dev/null || echo chromium) at $exe" >&2
echo "$exe"
