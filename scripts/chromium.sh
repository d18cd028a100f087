#!/usr/bin/env bash
# Sourced by scripts/ui.sh and .ci/run (after scripts/toolchain.sh): Debian's
# Chromium for the editor tests, which playwright-core drives through
# executablePath. Nothing is downloaded at run time besides this apt package.
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export CHROMIUM_PATH

ensure_chromium() {
  if [ -x "$CHROMIUM_PATH" ]; then return 0; fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  progress "Chromium is missing at $CHROMIUM_PATH: installing Debian's package (apt-get install -y chromium, once)"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  progress "installed $("$CHROMIUM_PATH" --version)"
}
