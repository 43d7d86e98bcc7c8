#!/usr/bin/env bash
# The newcomer's first command: install dependencies, build, and run the
# shipped CMS therapy ruleset on the shipped sample claims. Prints one JSON
# record per edit, then a summary on standard error.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" >/dev/null
# Exit status 1 here only means a sample claim was rejected, as C5 is meant to be.
./build/release/tools/edict run --ruleset rulesets/cms/therapy.edict samples/claims.jsonl || [ $? -eq 1 ]
