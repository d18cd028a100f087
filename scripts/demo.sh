#!/usr/bin/env bash
# npm run demo [-- --ui] [-- --port 5678]: runs examples/routed-chat-demo.json in
# a throwaway n8n with this package installed from its tarball, against the
# loopback mock gateway (or OpenRouter itself when OPENROUTER_API_KEY is set),
# and prints what served each request and what it cost.
set -euo pipefail
source "$(dirname "$0")/n8n/prepare.sh"
run_with_tarball demo scripts/n8n/demo.ts "$@"
