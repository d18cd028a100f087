#!/usr/bin/env bash
# Sourced by scripts/demo.sh and scripts/e2e.sh: takes a fresh clone to a packed
# tarball with Node 24 and n8n on PATH, one progress line per slow step.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# `npm run` exports this project's npm config to its scripts. Inherited by the
# toolchain's installs in the cache folder, ignore-scripts=true (.npmrc) would
# stop node@24 from fetching its binary and sqlite3 from building, and
# local_prefix=<repo> would send `npm install n8n` into this repo.
unset npm_config_ignore_scripts npm_config_local_prefix
# shellcheck source=../toolchain.sh
source "$REPO_ROOT/scripts/toolchain.sh"

# The dev dependencies (npm ci) and the n8n install (minutes, once) download in parallel.
ensure_dependencies() {
  cd "$REPO_ROOT"
  if [ -f node_modules/.package-lock.json ] && [ -f "$N8N_DIR/.installed" ]; then
    ensure_n8n
    return 0
  fi
  local n8n_job=""
  if [ ! -f "$N8N_DIR/.installed" ]; then
    (ensure_n8n) &
    n8n_job=$!
  fi
  if [ ! -f node_modules/.package-lock.json ]; then
    progress "installing dev dependencies (npm ci, once)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
  if [ -n "$n8n_job" ]; then
    progress "waiting for the n8n install to finish"
    wait "$n8n_job"
  fi
  ensure_n8n
}

# Builds and packs into a throwaway folder; sets ROUTED_CHAT_TARBALL.
# ignore-scripts (.npmrc) skips `prepack`, so the build is explicit.
build_and_pack() {
  cd "$REPO_ROOT"
  ROUTED_CHAT_PACK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/routed-chat-pack-XXXXXX")"
  progress "building (npm run build: type-check and bundle)"
  if ! npm run --silent build >"$ROUTED_CHAT_PACK_DIR/build.log" 2>&1; then
    cat "$ROUTED_CHAT_PACK_DIR/build.log" >&2
    return 1
  fi
  ROUTED_CHAT_TARBALL="$ROUTED_CHAT_PACK_DIR/$(npm pack --silent --pack-destination "$ROUTED_CHAT_PACK_DIR" | tail -n 1)"
  progress "packed $(basename "$ROUTED_CHAT_TARBALL")"
  export ROUTED_CHAT_TARBALL
}

remove_pack_dir() {
  if [ -n "${ROUTED_CHAT_PACK_DIR:-}" ]; then rm -rf "$ROUTED_CHAT_PACK_DIR"; fi
}

# The drivers are TypeScript, run by Node 24 through ts-node (a dev dependency).
run_ts() {
  node -r ts-node/register/transpile-only "$@"
}
