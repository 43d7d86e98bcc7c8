#!/usr/bin/env bash
# Runs docs/tutorial.md as a new user would: in an empty directory that has
# the repository's `rulesets/` beside it, it writes each ```file NAME block
# to NAME and runs each `$ ` command of the ```console blocks, comparing what
# the command prints (standard output and error) with the lines under it.
# A last line `[exit N]` gives the expected exit status (default 0).
# A `$ edict serve ...` command starts the server in the background on a
# free port (`--listen 127.0.0.1:0`, the port read from its log); later
# commands reach it at `localhost:8080`; it is stopped when the script ends.
# A `$ nats-server ...` command starts Debian's nats-server in the background
# on free ports (its `-p 4222` and `-m 8222` become `-p -1` and `-m -1`, the
# ports read from its log); later commands reach it at `127.0.0.1:4222` and
# its monitoring at `127.0.0.1:8222`. A `$ edict worker ...` command starts
# in the background and is waited for until it pulls. Both are stopped when
# the script ends. The same runner runs docs/service.md and docs/scale-out.md.
# usage: run_tutorial.sh EDICT_BINARY TUTORIAL.md REPOSITORY_ROOT
set -u
edict=$1 tutorial=$2 root=$3
work=$(mktemp -d)
server="" port="" nats_port="" monitor_port=""
background=()
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  for pid in "${background[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
ln -s "$root/rulesets" "$work/rulesets"
ln -s "$root/samples" "$work/samples"
mkdir -p "$work/bin" && ln -s "$edict" "$work/bin/edict"
export PATH="$work/bin:$PATH"
cd "$work" || exit 1

failures=0 commands=0
block="" name="" command="" expected=""

start_server() {
  # shellcheck disable=SC2086
  edict serve ${1#edict serve } --listen 127.0.0.1:0 2>"$work/serve.log" &
  server=$!
  for _ in $(seq 300); do
    port=$(grep -o 'listening on 127\.0\.0\.1:[0-9]*' "$work/serve.log" | cut -d: -f2)
    [ -n "$port" ] && return 0
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
  done
  echo "--- the server did not start: \$ $1"; cat "$work/serve.log"; exit 1
}

# Starts `$1` in the background with its standard error in log file $2,
# and waits until the log matches $3.
start_background() {
  local log=$2
  bash -c "exec $1" 2>"$log" >/dev/null &
  background+=($!)
  for _ in $(seq 300); do
    grep -q "$3" "$log" && return 0
    kill -0 "${background[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  echo "--- did not start: \$ $1"; cat "$log"; exit 1
}

start_nats() {
  local args=${1#nats-server }
  args=${args/-p 4222/-p -1}
  args=${args/-m 8222/-m -1}
  start_background "/usr/sbin/nats-server $args" "$work/nats.log" "Server is ready"
  nats_port=$(grep -o 'client connections on 127\.0\.0\.1:[0-9]*' "$work/nats.log" | cut -d: -f2)
  monitor_port=$(grep -o 'http monitor on 127\.0\.0\.1:[0-9]*' "$work/nats.log" | cut -d: -f2)
}

check_command() {
  [ -n "$command" ] || return 0
  if [[ "$command" == 'edict serve '* ]]; then
    start_server "$command"
    command="" expected=""
    return 0
  fi
  if [ -n "$nats_port" ]; then
    command=${command//127.0.0.1:4222/127.0.0.1:$nats_port}
    command=${command//127.0.0.1:8222/127.0.0.1:$monitor_port}
  fi
  if [[ "$command" == 'nats-server '* ]]; then
    start_nats "$command"
    command="" expected=""
    return 0
  fi
  if [[ "$command" == 'edict worker '* ]]; then
    start_background "$command" "$work/worker-${#background[@]}.log" "pulling from"
    command="" expected=""
    return 0
  fi
  command=${command//localhost:8080/127.0.0.1:$port}
  commands=$((commands + 1))
  local status=0 want=0 actual
  if [[ "$expected" =~ \[exit\ ([0-9]+)\]$'\n'?$ ]]; then
    want=${BASH_REMATCH[1]}
    expected=${expected%\[exit*}
  fi
  actual=$(bash -c "$command" 2>&1) || status=$?
  if [ "$status" != "$want" ] || [ "$actual" != "${expected%$'\n'}" ]; then
    failures=$((failures + 1))
    echo "--- tutorial command failed: \$ $command (exit $status, expected $want)"
    diff <(printf '%s\n' "${expected%$'\n'}") <(printf '%s\n' "$actual")
  fi
  command="" expected=""
}

while IFS= read -r line || [ -n "$line" ]; do
  if [ -z "$block" ]; then
    case "$line" in
      '```file '*) block=file; name=${line#'```file '}; : >"$name" ;;
      '```console') block=console ;;
    esac
    continue
  fi
  if [ "$line" = '```' ]; then
    [ "$block" = console ] && check_command
    block=""
    continue
  fi
  if [ "$block" = file ]; then
    printf '%s\n' "$line" >>"$name"
  elif [[ "$line" == '$ '* ]]; then
    check_command
    command=${line#'$ '}
  else
    expected+="$line"$'\n'
  fi
done <"$tutorial"

echo "$(basename "$tutorial"): $commands commands, $failures failed"
[ "$commands" -ge 8 ] && [ "$failures" -eq 0 ]
