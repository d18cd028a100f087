#!/usr/bin/env bash
# Sourced by scripts/demo.sh and scripts/e2e.sh: takes a fresh clone to a packed
# tarball with Node 24 and n8n on PATH, one progress line per slow step.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=../toolchain.sh
source "$REPO_ROOT/scripts/toolchain.sh"

# The dev dependencies (npm ci) and the n8n install (minutes, once) download in
# parallel; n8n's npm output goes to a log, its progress lines to the terminal.
ensure_dependencies() {
  cd "$REPO_ROOT"
  local n8n_job="" n8n_log="$ROUTED_CHAT_CACHE/n8n-install.log" n8n_started=$SECONDS waited=0
  if [ ! -f "$N8N_DIR/.installed" ]; then
    mkdir -p "$ROUTED_CHAT_CACHE"
    (set -o pipefail; ensure_n8n 2>&1 | tee "$n8n_log" | { grep --line-buffered '^\[routed-chat\]' >&2 || true; }) &
    n8n_job=$!
  fi
  if [ ! -f node_modules/.package-lock.json ]; then
    progress "installing dev dependencies (npm ci, once)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
  if [ -n "$n8n_job" ]; then
    while kill -0 "$n8n_job" 2>/dev/null; do
      if [ $((waited % 60)) -eq 0 ]; then progress "n8n install running ($(((SECONDS - n8n_started) / 60)) min so far; npm log: $n8n_log)"; fi
      sleep 1
      waited=$((waited + 1))
    done
    if ! wait "$n8n_job"; then
      tail -n 30 "$n8n_log" >&2
      progress "the n8n install failed; its whole log: $n8n_log"
      return 1
    fi
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

# Installs what is needed, packs this package, then runs a TypeScript entry
# point with `--tarball <path>` and the caller's arguments.
run_with_tarball() {
  local label="$1" entry="$2" status=0
  shift 2
  trap remove_pack_dir EXIT
  # Killed by a signal, bash skips the EXIT trap unless the signal is trapped too.
  trap 'exit 130' INT TERM HUP
  ensure_dependencies
  build_and_pack
  cd "$REPO_ROOT"
  run_ts "$entry" --tarball "$ROUTED_CHAT_TARBALL" "$@" || status=$?
  progress "$label finished in ${SECONDS} s"
  return "$status"
}
