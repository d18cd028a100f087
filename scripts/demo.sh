#!/usr/bin/env bash
# npm run demo [-- --ui] [-- --port 5678]: runs examples/routed-chat-demo.json in
# a throwaway n8n with this package installed from its tarball, against the
# loopback mock gateway (or OpenRouter itself when OPENROUTER_API_KEY is set),
# and prints what served each request and what it cost.
set -euo pipefail
source "$(dirname "$0")/n8n/prepare.sh"
trap remove_pack_dir EXIT
# Killed by a signal, bash skips the EXIT trap unless the signal is trapped too.
trap 'exit 130' INT TERM HUP

ensure_dependencies
build_and_pack
cd "$REPO_ROOT"
status=0
run_ts scripts/n8n/demo.ts --tarball "$ROUTED_CHAT_TARBALL" "$@" || status=$?
progress "demo finished in ${SECONDS} s"
exit "$status"
