#!/usr/bin/env bash
# Installs the benchmark's Node peers, GoRules ZEN and json-rules-engine, at
# the exact versions of bench/peers/package-lock.json into
# bench/peers/node_modules (git-ignored). Idempotent: when the installed tree
# already matches the lock file and ZEN's native binary loads, it does nothing.
set -euo pipefail
cd "$(dirname "$0")/peers"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "bench/setup.sh: node and npm are needed for the Node peers (Node 20 is expected)" >&2
  exit 2
fi
installed() {
  [ -d node_modules ] && npm ls --omit=dev >/dev/null 2>&1 &&
    node -e "require('@gorules/zen-engine'); require('json-rules-engine')" >/dev/null 2>&1
}
if installed; then
  echo "bench/setup.sh: Node peers already installed"
  exit 0
fi
# Not `npm ci`: npm 11 writes only this platform's native ZEN package into
# the lock file and `npm ci` then refuses the lock as incomplete. `install
# --no-save` keeps the lock's versions (package.json pins them exactly too)
# and leaves the committed files as they are.
npm install --no-save --omit=dev --no-audit --no-fund
installed || { echo "bench/setup.sh: the peers were installed but do not load" >&2; exit 2; }
