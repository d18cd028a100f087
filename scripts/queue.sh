#!/usr/bin/env bash
# npm run test:queue [-- --reduced]: the packed package in n8n's queue mode
# (PostgreSQL, Redis, a main and two workers), all on loopback and thrown away
# at the end; 10 executions of 100 items at once (--reduced: 2 of 20, as CI
# runs it) through Routed Chat against the mock gateway's fault mix. Prints
# PASS or FAIL per check.
set -euo pipefail
source "$(dirname "$0")/n8n/prepare.sh"

# Redis and PostgreSQL from Debian's packages, installed when missing (needs root or sudo).
ensure_queue_services() {
  local missing=()
  command -v redis-server >/dev/null || missing+=(redis-server)
  compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
  if [ "${#missing[@]}" -gt 0 ]; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    progress "installing ${missing[*]} from Debian's packages"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  POSTGRES_BIN_DIR="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  export POSTGRES_BIN_DIR
  progress "using $(redis-server --version | cut -d' ' -f1-3) and PostgreSQL from $POSTGRES_BIN_DIR"
}

ensure_queue_services
run_with_tarball queue scripts/queue/run.ts "$@"
