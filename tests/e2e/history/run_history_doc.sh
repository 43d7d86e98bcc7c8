#!/usr/bin/env bash
# Runs docs/history.md as a reader would (tests/e2e/run_tutorial.sh): its
# commands start a PostgreSQL cluster in /tmp/edict-history-doc and stop it;
# this stops it too when a command failed before the doc's own stop.
# usage: run_history_doc.sh EDICT_BINARY REPOSITORY_ROOT
set -u
edict=$1 root=$2
trap '"$root/scripts/pg_cluster.sh" stop /tmp/edict-history-doc >/dev/null 2>&1' EXIT
"$root/tests/e2e/run_tutorial.sh" "$edict" "$root/docs/history.md" "$root"
