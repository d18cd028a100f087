#!/usr/bin/env bash
# npm run bench [-- --json [path|-]]   every row; the real-n8n rows need the cached n8n install
# npm run bench:quick                  small counts, the n8n floor row included; exits 1 only on gross regressions
# Always against the loopback mock gateway, never OpenRouter.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/n8n/prepare.sh
source "$REPO_ROOT/scripts/n8n/prepare.sh"
ensure_node24
cd "$REPO_ROOT"
if [ ! -f node_modules/.package-lock.json ]; then
  progress "installing dev dependencies (npm ci, once)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Bundles and packs without the type-check: the bench measures the code as it is; CI checks types.
pack() {
  BENCH_PACK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/routed-chat-bench-pack-XXXXXX")"
  trap 'rm -rf "$BENCH_PACK_DIR"' EXIT
  npx gulp build >"$BENCH_PACK_DIR/build.log" 2>&1 || { cat "$BENCH_PACK_DIR/build.log" >&2; return 1; }
  BENCH_TARBALL="$BENCH_PACK_DIR/$(npm pack --silent --pack-destination "$BENCH_PACK_DIR" 2>/dev/null | tail -n 1)"
}

# The bench never installs n8n (minutes and gigabytes): without the cached install the n8n rows are skipped.
n8n_args=()
if [ ! -f "$N8N_DIR/.installed" ]; then
  n8n_args=(--n8n-unavailable "n8n $N8N_VERSION is not installed in $N8N_DIR (npm run test:e2e installs it once)")
elif progress "bundling and packing for the real-n8n rows" && pack; then
  export PATH="$N8N_DIR/node_modules/.bin:$PATH"
  n8n_args=(--tarball "$BENCH_TARBALL")
else
  n8n_args=(--n8n-unavailable "the package did not bundle (gulp build); its log is above")
fi

node --expose-gc -r ts-node/register/transpile-only bench/run.ts "${n8n_args[@]}" "$@"
