#!/usr/bin/env bash
# npm run test:e2e [-- --keep]: the package inside a real, throwaway n8n, from its
# tarball, against the loopback mock gateway; asserts on the executions and
# prints PASS or FAIL per check. Never calls OpenRouter.
set -euo pipefail
source "$(dirname "$0")/n8n/prepare.sh"
trap remove_pack_dir EXIT
# Killed by a signal, bash skips the EXIT trap unless the signal is trapped too.
trap 'exit 130' INT TERM HUP

ensure_dependencies
build_and_pack
cd "$REPO_ROOT"
status=0
run_ts test/e2e/run.ts --tarball "$ROUTED_CHAT_TARBALL" "$@" || status=$?
progress "e2e finished in ${SECONDS} s"
exit "$status"
