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

# Run from an npm script, npm exports its own settings (ignore-scripts from our
# .npmrc, the repo as local prefix); the installs below must not inherit them.
npm_outside() { env -u npm_config_ignore_scripts -u npm_config_local_prefix -u npm_config_prefix npm "$@"; }

ensure_node24() {
  local current
  current="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$current" -ge "$NODE_MAJOR" ]; then return 0; fi
  if [ ! -x "$NODE24_DIR/node_modules/.bin/node" ]; then
    progress "installing Node $NODE_MAJOR into $NODE24_DIR (once)"
    mkdir -p "$NODE24_DIR"
    (cd "$NODE24_DIR" && npm_outside install --no-save --no-audit --no-fund --ignore-scripts=false --prefix "$NODE24_DIR" "node@$NODE_MAJOR" >/dev/null)
  fi
  export PATH="$NODE24_DIR/node_modules/.bin:$PATH"
  current="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$current" -lt "$NODE_MAJOR" ]; then
    progress "Node $NODE_MAJOR did not install into $NODE24_DIR (found $(node --version)); remove that folder and retry"
    return 1
  fi
  progress "using Node $(node --version)"
}

ensure_n8n() {
  ensure_node24
  if [ ! -f "$N8N_DIR/.installed" ]; then
    progress "installing n8n $N8N_VERSION into $N8N_DIR (once: about 7 minutes and 3 GB)"
    mkdir -p "$N8N_DIR"
    (cd "$N8N_DIR" \
      && { [ -f package.json ] || echo '{"name":"n8n-runtime","private":true}' > package.json; } \
      && npm_outside install --no-audit --no-fund --ignore-scripts --prefix "$N8N_DIR" "n8n@$N8N_VERSION" \
      && progress "building sqlite3 from source (its prebuilt download needs the internet)" \
      && npm_outside rebuild --prefix "$N8N_DIR" --ignore-scripts=false sqlite3)
    touch "$N8N_DIR/.installed"
  fi
  export PATH="$N8N_DIR/node_modules/.bin:$PATH"
}
