#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for edict's claim history (docs/history.md):
# Debian's initdb and pg_ctl, run as `nobody` when we are root (the server
# refuses to run as root), in DIR, listening only on a unix socket in DIR,
# with one superuser `edict` trusted on that socket. For trying the history
# and for the tests, never for data that matters (fsync is off).
#   scripts/pg_cluster.sh start DIR [--stop-with-parent]
#       prints the cluster's URL: postgresql:///postgres?host=DIR&user=edict
#       --stop-with-parent: a watchdog stops the cluster when the process
#       that started it is gone (the CTest fixture of tests/e2e/history)
#   scripts/pg_cluster.sh stop DIR
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
command=${1:-} dir=${2:-}
[ -n "$dir" ] || { echo "usage: pg_cluster.sh start|stop DIR [--stop-with-parent]" >&2; exit 2; }
case $dir in /*) ;; *) dir=$PWD/$dir ;; esac
watch=${3:-}
cd /  # the server's user may not enter the caller's directory

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
  else
    "$@"
  fi
}

# Removes the cluster in $dir, and $dir with it: only one this script made.
stop() {
  [ -e "$dir" ] || return 0
  if [ ! -f "$dir/.edict-pg-cluster" ]; then
    echo "pg_cluster.sh: $dir is not a cluster this script started; it is left alone" >&2
    return 1
  fi
  if [ -f "$dir/watchdog.pid" ]; then kill "$(cat "$dir/watchdog.pid")" 2>/dev/null || true; fi
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case $command in
  start)
    stop || exit 2  # what a run that was killed may have left
    mkdir -p "$dir"
    touch "$dir/.edict-pg-cluster"
    [ "$(id -u)" = 0 ] && chown nobody:nogroup "$dir"
    trap 'status=$?; if [ $status -ne 0 ]; then cat "$dir"/*.log 2>/dev/null; stop; fi' EXIT
    as_owner "$bin/initdb" -D "$dir/data" -U edict -A trust -E UTF8 --locale=C --no-sync \
      >"$dir/initdb.log" 2>&1
    # fsync off: a test cluster never outlives a crash, and it starts faster.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-k $dir -c listen_addresses='' -c fsync=off -c max_connections=200" start >/dev/null
    if [ "$watch" = --stop-with-parent ]; then
      # The watchdog: when the process that started us (ctest) is gone
      # without `stop` (killed), stop the cluster; at most after four hours.
      parent=$PPID
      (
        trap '' HUP
        for _ in $(seq 14400); do
          kill -0 "$parent" 2>/dev/null || break
          [ -d "$dir" ] || exit 0
          sleep 1
        done
        as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
        rm -rf "$dir"
      ) </dev/null >/dev/null 2>&1 &
      echo $! >"$dir/watchdog.pid"
    fi
    echo "postgresql:///postgres?host=$dir&user=edict"
    ;;
  stop)
    stop
    ;;
  *)
    echo "usage: pg_cluster.sh start|stop DIR [--stop-with-parent]" >&2
    exit 2
    ;;
esac
