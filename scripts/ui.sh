#!/usr/bin/env bash
# npm run test:ui [-- --keep] / npm run screenshots: the packed package in a
# throwaway real n8n with the mock gateway, driven through n8n's editor by
# Debian's Chromium (playwright-core); asserts on what the page shows and
# prints PASS or FAIL per scenario. `--screenshots` also rewrites docs/*.png.
set -euo pipefail
source "$(dirname "$0")/n8n/prepare.sh"
source "$(dirname "$0")/chromium.sh"
ensure_chromium
run_with_tarball ui test/ui/run.ts "$@"
