#!/usr/bin/env bash
# npm run test:e2e [-- --keep]: the package inside a real, throwaway n8n, from its
# tarball, against the loopback mock gateway; asserts on the executions and
# prints PASS or FAIL per check. Never calls OpenRouter.
set -euo pipefail
source "$(dirname "$0")/n8n/prepare.sh"
run_with_tarball e2e test/e2e/run.ts "$@"
