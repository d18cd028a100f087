#!/usr/bin/env bash
# Sourced by .ci/run, the demo and the e2e test: puts Node 24 on PATH and,
# when asked (ensure_n8n), a pinned n8n install, both cached outside the repo.
# n8n 2.x needs Node >= 24; this machine image ships Node 20, so Node 24 comes
# from the npm package `node@24`, which carries the binary.
set -euo pipefail

ROUTED_CHAT_CACHE="${ROUTED_CHAT_CACHE:-$HOME/.cache/n8n-nodes-routed-chat}"
N8N_VERSION="2.41.1"
NODE_MAJOR="24"
NODE24_DIR="$ROUTED_CHAT_CACHE/node$NODE_MAJOR"
N8N_DIR="$ROUTED_CHAT_CACHE/n8n-$N8N_VERSION"
export ROUTED_CHAT_CACHE N8N_VERSION N8N_DIR

progress() { printf '[routed-chat] %s\n' "$*" >&2; }

ensure_node24() {
  local current
  current="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$current" -ge "$NODE_MAJOR" ]; then return 0; fi
  if [ ! -x "$NODE24_DIR/node_modules/.bin/node" ]; then
    progress "installing Node $NODE_MAJOR into $NODE24_DIR (once)"
    mkdir -p "$NODE24_DIR"
    (cd "$NODE24_DIR" && npm install --no-save --no-audit --no-fund --prefix "$NODE24_DIR" "node@$NODE_MAJOR" >/dev/null)
  fi
  export PATH="$NODE24_DIR/node_modules/.bin:$PATH"
  progress "using Node $(node --version)"
}

ensure_n8n() {
  ensure_node24
  if [ ! -f "$N8N_DIR/.installed" ]; then
    progress "installing n8n $N8N_VERSION into $N8N_DIR (once: about 7 minutes and 3 GB)"
    mkdir -p "$N8N_DIR"
    (cd "$N8N_DIR" \
      && { [ -f package.json ] || echo '{"name":"n8n-runtime","private":true}' > package.json; } \
      && npm install --no-audit --no-fund --ignore-scripts "n8n@$N8N_VERSION" \
      && progress "building sqlite3 from source (its prebuilt download needs the internet)" \
      && npm rebuild sqlite3)
    touch "$N8N_DIR/.installed"
  fi
  export PATH="$N8N_DIR/node_modules/.bin:$PATH"
}
