#!/usr/bin/env bash
# The claim history end to end, with the real `edict` binary, on SQLite or on
# the PostgreSQL cluster of the test fixture (pg_cluster.sh). One scenario
# per call; each works in a history of its own (a file, or a database it
# creates and drops), so scenarios run side by side.
#   history_e2e.sh SCENARIO sqlite|postgres EDICT HISTORY_SQL POSTGRES_URL
set -u
scenario=$1 backend=$2 edict=$3 history_sql=$4 pg_url=$5
psql=/usr/lib/postgresql/15/bin/psql
ruleset=rulesets/cms/therapy.edict
work=$(mktemp -d)
databases=()
cleanup() {
  for name in "${databases[@]}"; do
    "$psql" "$pg_url" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null 2>&1
  done
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "FAIL ($scenario, $backend): $*"
  exit 1
}

# new_history NAME: sets $loc to a new, empty history location.
new_history() {
  if [ "$backend" = sqlite ]; then
    loc="sqlite:$work/$1.db"
  else
    local name="e2e_${scenario}_$1_$$"
    "$psql" "$pg_url" -qc "CREATE DATABASE $name" || fail "cannot create database $name"
    databases+=("$name")
    loc=${pg_url/\/postgres\?/\/$name?}
  fi
}

# claim ID PATIENT CODE UNITS DATE [EXTRA MEMBERS]: one JSON Lines claim.
claim() {
  printf '{"id":"%s","payer":"ACME","patient":{"id":"%s","birth_date":"1950-04-02","sex":"F"},"provider":{"npi":"1234567893"},"place_of_service":"11"%s,"lines":[{"code":"%s","modifiers":["GP"],"units":%s,"date":"%s","charge":40.0}]}\n' \
    "$1" "$2" "${6:-}" "$3" "$4" "$5"
}

# paid ID PATIENT CODE UNITS DATE: the line `edict history export` writes for it.
paid() {
  printf '{"payer":"ACME","claim":"%s","line":1,"patient":"%s","code":"%s","modifiers":["GP"],"date":"%s","provider":"1234567893","billed_units":%s,"allowed_units":%s}\n' \
    "$1" "$2" "$3" "$5" "$4" "$4"
}

# run_edict EXPECTED_STATUS ARGS...: runs `edict run` with the history.
run_edict() {
  local want=$1
  shift
  "$edict" run --no-progress -r "$ruleset" --history "$loc" "$@" >"$work/out" 2>"$work/err"
  local status=$?
  [ "$status" = "$want" ] || { cat "$work/err"; fail "edict run $* exited $status, not $want"; }
}

expect_in() {  # FILE PATTERN
  grep -q -- "$2" "$1" || { cat "$1"; fail "$1 lacks: $2"; }
}

expect_same() {  # ACTUAL EXPECTED WHAT
  if [ "$1" != "$2" ]; then
    diff <(echo "$2") <(echo "$1")
    fail "$3"
  fi
}

# expect_refused CLAIMS PATTERN: `edict run` with the history, and with it
# read-only, exits 2 before reading a claim, saying PATTERN.
expect_refused() {
  local readonly
  for readonly in "" --history-readonly; do
    "$edict" run -r "$ruleset" --history "$loc" $readonly "$1" >"$work/out" 2>"$work/err"
    [ $? = 2 ] || fail "the run did not exit 2 ($readonly)"
    expect_in "$work/err" "$2"
    expect_in "$work/err" "no claim was read"
    [ -s "$work/out" ] && fail "records were written"
  done
}

exported() {
  "$edict" history export --history "$loc" 2>/dev/null || fail "edict history export failed"
}

stats_line() {  # the `claims:` line of `edict history stats`
  "$edict" history stats --history "$loc" | grep '^claims:'
}

case $scenario in
  replacement)
    # Recorded in two runs: the replacement takes the place of C1.
    new_history two_runs
    { claim C1 P1 97110 2 2026-11-02; claim C2 P2 97110 1 2026-11-02; } >"$work/first.jsonl"
    claim C1R P1 97112 1 2026-11-02 ',"frequency":"7","replaces":"C1"' >"$work/second.jsonl"
    run_edict 0 "$work/first.jsonl"
    expect_in "$work/err" "history: 2 claims recorded"
    run_edict 0 "$work/second.jsonl"
    expect_in "$work/err" "history: 1 claim recorded"
    want="$(paid C1R P1 97112 1 2026-11-02; paid C2 P2 97110 1 2026-11-02)"
    expect_same "$(exported)" "$want" "the replacement did not replace C1"
    expect_same "$(stats_line)" "claims: 3 (2 active, 1 replaced, 0 voided, 0 void)" "stats"
    # The same in one file, one batch or one claim per batch.
    for size in 512 1; do
      new_history "one_file_$size"
      cat "$work/first.jsonl" "$work/second.jsonl" >"$work/both.jsonl"
      run_edict 0 --batch-size "$size" "$work/both.jsonl"
      expect_same "$(exported)" "$want" "one file, batches of $size"
    done
    ;;
  void)
    new_history void
    { claim C1 P1 97110 2 2026-11-02; claim C2 P1 97112 1 2026-11-03; } >"$work/first.jsonl"
    claim V1 P1 97110 2 2026-11-02 ',"frequency":"8","replaces":"C1"' >"$work/void.jsonl"
    run_edict 0 "$work/first.jsonl"
    run_edict 0 "$work/void.jsonl"
    expect_in "$work/err" "1 claim read, 1 evaluated"
    expect_same "$(exported)" "$(paid C2 P1 97112 1 2026-11-03)" "the void did not remove C1"
    expect_same "$(stats_line)" "claims: 3 (1 active, 0 replaced, 1 voided, 1 void)" "stats"
    # A replacement of a voided claim cannot bring it back.
    claim C1 P1 97110 2 2026-11-02 ',"frequency":"7","replaces":"C1"' >"$work/back.jsonl"
    run_edict 0 "$work/back.jsonl"
    expect_in "$work/err" "history: 0 claims recorded"
    expect_same "$(exported)" "$(paid C2 P1 97112 1 2026-11-03)" "a voided claim came back"
    ;;
  rerun)
    new_history rerun
    {
      claim C1 P1 97110 2 2026-11-02
      claim C2 P1 97112 1 2026-11-02
      claim C1R P1 97110 1 2026-11-02 ',"frequency":"7","replaces":"C1"'
      claim V2 P1 97112 1 2026-11-02 ',"frequency":"8","replaces":"C2"'
      claim C3 P2 97110 3 2026-11-04
    } >"$work/claims.jsonl"
    run_edict 0 "$work/claims.jsonl"
    expect_in "$work/err" "history: 5 claims recorded"
    first_export=$(exported) first_stats=$(stats_line)
    first_time=$("$history_sql" "$loc" "SELECT max(recorded_at) FROM claims")
    cp "$work/out" "$work/first_records"
    run_edict 0 "$work/claims.jsonl"
    expect_in "$work/err" "history: 0 claims recorded"
    expect_same "$(exported)" "$first_export" "a rerun changed the lines"
    expect_same "$(stats_line)" "$first_stats" "a rerun changed the claims"
    expect_same "$("$history_sql" "$loc" "SELECT max(recorded_at) FROM claims")" "$first_time" \
      "a rerun wrote claims again"
    expect_same "$(cat "$work/out")" "$(cat "$work/first_records")" "a rerun gave other records"
    ;;
  readonly)
    new_history readonly
    claim C1 P1 97110 2 2026-11-02 >"$work/first.jsonl"
    { claim C2 P1 97112 1 2026-11-03; claim C3 P2 97110 1 2026-11-03; } >"$work/more.jsonl"
    run_edict 0 "$work/first.jsonl"
    run_edict 0 --history-readonly "$work/more.jsonl"
    expect_in "$work/err" "2 claims read, 2 evaluated, 0 rejected"
    expect_in "$work/err" "history: 0 claims recorded"
    expect_same "$(exported)" "$(paid C1 P1 97110 2 2026-11-02)" "a read-only run recorded"
    # A read-only run never creates a history.
    new_history empty
    "$edict" run -r "$ruleset" --history "$loc" --history-readonly "$work/more.jsonl" \
      >"$work/out" 2>"$work/err"
    [ $? = 2 ] || fail "a read-only run of a missing history did not exit 2"
    expect_in "$work/err" "no claim was read"
    [ -s "$work/out" ] && fail "records were written"
    ;;
  newer_schema)
    new_history newer
    claim C1 P1 97110 2 2026-11-02 >"$work/first.jsonl"
    run_edict 0 "$work/first.jsonl"
    "$history_sql" "$loc" \
      "INSERT INTO edict_schema (version, name, applied_at) VALUES (2, 'future', '2030-01-01')" ||
      fail "cannot write the schema version"
    # The second claim is malformed: had it been read, a reject would show.
    { claim C2 P1 97110 2 2026-11-03; echo '{"id":"BAD"}'; } >"$work/second.jsonl"
    expect_refused "$work/second.jsonl" "has schema version 2, newer than this edict knows (1)"
    for verb in stats export migrate; do
      "$edict" history $verb --history "$loc" >/dev/null 2>"$work/err"
      [ $? = 2 ] || fail "edict history $verb on a newer schema did not exit 2"
      expect_in "$work/err" "newer than this edict knows"
    done
    ;;
  unreachable)
    if [ "$backend" = sqlite ]; then
      loc="sqlite:$work/no/such/directory/h.db"
    else
      loc="postgresql:///postgres?host=$work/no_server&user=edict"
    fi
    claim C1 P1 97110 2 2026-11-02 >"$work/claims.jsonl"
    expect_refused "$work/claims.jsonl" "$loc"
    "$edict" run -r "$ruleset" --history "mysql://u:secret@h/db" "$work/claims.jsonl" \
      >/dev/null 2>"$work/err"
    [ $? = 2 ] || fail "an unknown location did not exit 2"
    expect_in "$work/err" "is not a history location"
    grep -q secret "$work/err" && fail "the message shows the password"
    ;;
  killed)
    # Killed with SIGKILL in the middle of a long run: every batch is
    # recorded whole or not at all; a second run records the rest.
    new_history killed
    count=30000 batch=100
    awk -v n=$count 'BEGIN { for (i = 0; i < n; i++)
      printf "{\"id\":\"K%d\",\"payer\":\"ACME\",\"patient\":{\"id\":\"P%d\"},\"provider\":{\"npi\":\"1234567893\"},\"lines\":[{\"code\":\"97110\",\"modifiers\":[\"GP\"],\"units\":1,\"date\":\"2026-11-02\"},{\"code\":\"97112\",\"modifiers\":[\"GP\"],\"units\":1,\"date\":\"2026-11-03\"}]}\n", i, i % 5000 }' \
      >"$work/big.jsonl"
    "$edict" run --no-progress -r "$ruleset" --history "$loc" --batch-size $batch \
      "$work/big.jsonl" >/dev/null 2>"$work/err" &
    pid=$!
    claims=0
    for _ in $(seq 2000); do
      claims=$("$history_sql" "$loc" "SELECT count(*) FROM claims" 2>/dev/null || echo 0)
      [ "${claims:-0}" -ge $((3 * batch)) ] && break
      kill -0 $pid 2>/dev/null || break
      sleep 0.01
    done
    kill -9 $pid 2>/dev/null || fail "the run ended before it could be killed ($claims claims)"
    wait $pid 2>/dev/null
    claims=$("$history_sql" "$loc" "SELECT count(*) FROM claims")
    lines=$("$history_sql" "$loc" "SELECT count(*) FROM lines")
    [ "$claims" -gt 0 ] && [ "$claims" -lt $count ] || fail "killed with $claims claims recorded"
    [ $((claims % batch)) = 0 ] || fail "$claims claims recorded: a batch of $batch was cut"
    [ "$lines" = $((2 * claims)) ] || fail "$claims claims but $lines lines recorded"
    run_edict 0 --batch-size $batch "$work/big.jsonl"
    expect_in "$work/err" "history: $((count - claims)) claims recorded"
    [ "$("$history_sql" "$loc" "SELECT count(*) FROM lines")" = $((2 * count)) ] ||
      fail "the second run did not complete the history"
    ;;
  threads)
    # The records and the history are those of one claim at a time, in
    # input order, whatever the threads and the batch size: with rules that
    # read the history (tests/e2e/history/cross_claim.edict), the records
    # depend on which earlier claims each claim saw.
    ruleset=tests/e2e/history/cross_claim.edict
    awk 'BEGIN { split("97140 97530 97110 97161 97162", codes, " ")
      for (i = 0; i < 800; i++) {
      extra = ""
      if (i % 11 == 5) extra = sprintf(",\"frequency\":\"7\",\"replaces\":\"T%d\"", i - 3)
      if (i % 13 == 7) extra = sprintf(",\"frequency\":\"8\",\"replaces\":\"T%d\"", i - 40)
      id = (i % 17 == 3) ? sprintf("T%d", i - 1) : sprintf("T%d", i)
      printf "{\"id\":\"%s\",\"payer\":\"%s\",\"patient\":{\"id\":\"P%d\"},\"provider\":{\"npi\":\"1234567893\"}%s,\"lines\":[{\"code\":\"%s\",\"modifiers\":[\"GP\"],\"units\":%d,\"date\":\"2026-11-%02d\"}]}\n",
        id, (i % 3 ? "ACME" : "OTHER"), i % 13, extra, codes[1 + i % 5], 1 + i % 3, 1 + (3 * i) % 9 } }' \
      >"$work/claims.jsonl"
    reference=""
    for config in "-j 1 --batch-size 1" "-j 2 --batch-size 7" "-j 2 --batch-size 512" \
      "-j 3 --batch-size 64 --engine interp"; do
      new_history "t${config//[^0-9]/_}"
      # shellcheck disable=SC2086
      run_edict 0 $config "$work/claims.jsonl"
      records=$(cat "$work/out") lines=$(exported) stats=$(stats_line)
      if [ -z "$reference" ]; then
        reference=$records reference_lines=$lines reference_stats=$stats
        [ -n "$lines" ] || fail "nothing was recorded"
        continue
      fi
      expect_same "$records" "$reference" "records differ with $config"
      expect_same "$lines" "$reference_lines" "the history differs with $config"
      expect_same "$stats" "$reference_stats" "the claims differ with $config"
    done
    # The history made edits: pairs, daily limits and frequency limits across claims.
    for rule in ptp_97140_97530 mue_97110 freq_97161_30_days; do
      grep -q "\"rule\":\"$rule\".*\"related_lines\":\[[^]]*{\"claim\"" <<<"$reference" ||
        fail "no $rule edit names an earlier claim's line"
    done
    ;;
  import_export)
    new_history imported
    {
      echo '{"payer":"ACME","claim":"H1","line":1,"patient":"P1","code":"97110","modifiers":["GP"],"date":"2026-10-20","provider":"1234567893","billed_units":2,"allowed_units":2}'
      echo '{"payer":"ACME","claim":"H1","line":2,"patient":"P1","code":"97530","modifiers":"GP 59","date":"2026-10-20","billed_units":1,"allowed_units":0,"action":"deny"}'
      echo '{"payer":"ACME","claim":"H2","patient":"P2","code":"9711","date":"2026-10-21","allowed_units":1}'
      echo '{"payer":"ACME","claim":"H2","patient":"P2","code":"97112","date":"2026-10-21","allowed_units":1}'
      echo '{"payer":"ACME","claim":"H3","patient":"P2","code":"97112","date":"2026-10-22","allowed_units":1}'
    } >"$work/paid.jsonl"
    "$edict" history import --history "$loc" "$work/paid.jsonl" 2>"$work/err"
    [ $? = 1 ] || fail "an import with a bad record did not exit 1"
    expect_in "$work/err" "paid.jsonl:3: code: \`9711\` is not a procedure code"
    expect_in "$work/err" "(claim \`H2\` left out: 2 records)"
    expect_in "$work/err" "5 records read: 2 claims imported (3 lines), 0 already in the history, 1 claim left out for 2 records"
    want='{"payer":"ACME","claim":"H1","line":1,"patient":"P1","code":"97110","modifiers":["GP"],"date":"2026-10-20","provider":"1234567893","billed_units":2,"allowed_units":2}
{"payer":"ACME","claim":"H1","line":2,"patient":"P1","code":"97530","modifiers":["GP","59"],"date":"2026-10-20","provider":"","billed_units":1,"allowed_units":0,"action":"deny"}
{"payer":"ACME","claim":"H3","line":1,"patient":"P2","code":"97112","modifiers":[],"date":"2026-10-22","provider":"","billed_units":1,"allowed_units":1}'
    expect_same "$(exported)" "$want" "the imported lines"
    # Importing again records nothing new.
    "$edict" history import --history "$loc" "$work/paid.jsonl" 2>"$work/err"
    [ $? = 1 ] || fail "the second import did not exit 1"
    expect_in "$work/err" "0 claims imported (0 lines), 2 already in the history, 1 claim left out"
    expect_same "$(exported)" "$want" "a second import changed the lines"
    # CSV out, CSV in: the same history.
    "$edict" history export --history "$loc" --format csv -o "$work/lines.csv" 2>/dev/null ||
      fail "the CSV export failed"
    head -1 "$work/lines.csv" | grep -q '^payer,claim,line,patient,code,modifiers,date,provider,billed_units,allowed_units,action$' ||
      fail "the CSV header"
    first=$loc
    new_history from_csv
    "$edict" history import --history "$loc" "$work/lines.csv" 2>"$work/err" ||
      fail "the CSV import failed"
    expect_same "$(exported)" "$want" "a CSV round trip changed the history"
    expect_same "$("$edict" history stats --history "$loc" | tail -3)" \
      "$(printf 'claims: 2 (2 active, 0 replaced, 0 voided, 0 void)\nlines: 3\npatients: 2')" "stats"
    loc=$first
    ;;
  concurrent)
    # Two runs at once on one history, with the same claims: each claim is
    # recorded once, by one of them.
    new_history concurrent
    awk 'BEGIN { for (i = 0; i < 4000; i++)
      printf "{\"id\":\"S%d\",\"payer\":\"ACME\",\"patient\":{\"id\":\"P%d\"},\"provider\":{\"npi\":\"1234567893\"},\"lines\":[{\"code\":\"97110\",\"modifiers\":[\"GP\"],\"units\":1,\"date\":\"2026-11-02\"},{\"code\":\"97112\",\"modifiers\":[\"GP\"],\"units\":1,\"date\":\"2026-11-02\"}]}\n", i, i % 300 }' \
      >"$work/claims.jsonl"
    "$edict" history migrate --history "$loc" >/dev/null || fail "migrate"
    for n in 1 2; do
      "$edict" run --no-progress -r "$ruleset" --history "$loc" --batch-size 50 \
        "$work/claims.jsonl" >/dev/null 2>"$work/err$n" &
      eval "pid$n=$!"
    done
    wait "$pid1" || { cat "$work/err1"; fail "the first run failed"; }
    wait "$pid2" || { cat "$work/err2"; fail "the second run failed"; }
    recorded=0
    for n in 1 2; do
      r=$(grep -o 'history: [0-9]* claim' "$work/err$n" | grep -o '[0-9]*')
      recorded=$((recorded + r))
    done
    [ $recorded = 4000 ] || fail "the two runs recorded $recorded claims between them, not 4000"
    [ "$("$history_sql" "$loc" "SELECT count(*) FROM claims")" = 4000 ] || fail "claims"
    [ "$("$history_sql" "$loc" "SELECT count(*) FROM lines")" = 8000 ] || fail "lines"
    ;;
  serve)
    # `edict serve --history`: each request is a run that records.
    new_history serve
    "$edict" serve -r "$ruleset" --history "$loc" --listen 127.0.0.1:0 2>"$work/serve.log" &
    server=$!
    port=""
    for _ in $(seq 300); do
      port=$(grep -o 'listening on 127\.0\.0\.1:[0-9]*' "$work/serve.log" | cut -d: -f2)
      [ -n "$port" ] && break
      kill -0 $server 2>/dev/null || break
      sleep 0.1
    done
    [ -n "$port" ] || { cat "$work/serve.log"; fail "edict serve did not start"; }
    post() {
      curl -sS -o "$work/answer" -w '%{http_code}' --data-binary @"$1" \
        "http://127.0.0.1:$port/v1/evaluate"
    }
    claim C1 P1 97110 2 2026-11-02 >"$work/c1.jsonl"
    claim C1R P1 97112 1 2026-11-02 ',"frequency":"7","replaces":"C1"' >"$work/c1r.jsonl"
    for body in c1 c1 c1r; do
      [ "$(post "$work/$body.jsonl")" = 200 ] || { cat "$work/answer"; fail "POST $body"; }
    done
    kill $server
    wait $server
    expect_same "$(exported)" "$(paid C1R P1 97112 1 2026-11-02)" "what serve recorded"
    expect_same "$(stats_line)" "claims: 2 (1 active, 1 replaced, 0 voided, 0 void)" "stats"
    ;;
  cross_claim)
    # The language over a real history, on both engines: a pair across two
    # claims, a daily limit (MUE indicator 2) across them, and a 30-day
    # frequency limit at day 29 and day 31; in one run and in two.
    rules=tests/e2e/history/cross_claim.edict
    claim2() {  # ID PATIENT LINES_JSON
      printf '{"id":"%s","payer":"ACME","patient":{"id":"%s"},"provider":{"npi":"1234567893"},"lines":[%s]}\n' "$1" "$2" "$3"
    }
    line() { printf '{"code":"%s","units":%s,"date":"%s"}' "$1" "$2" "$3"; }
    {
      claim2 A P1 "$(line 97140 1 2026-11-02),$(line 97110 3 2026-11-02)"
      claim2 E1 P2 "$(line 97161 1 2026-10-01)"
      claim2 E3 P3 "$(line 97161 1 2026-10-01)"
    } >"$work/first.jsonl"
    {
      claim2 B P1 "$(line 97530 1 2026-11-02),$(line 97110 2 2026-11-02)"
      claim2 E2 P2 "$(line 97162 1 2026-10-30)"
      claim2 E4 P3 "$(line 97162 1 2026-11-01)"
    } >"$work/second.jsonl"
    cat "$work/first.jsonl" "$work/second.jsonl" >"$work/both.jsonl"
    for engine in jit interp; do
      for split in two_runs one_run; do
        new_history "${engine}_$split"
        if [ $split = two_runs ]; then
          "$edict" run --engine $engine -r $rules --history "$loc" "$work/first.jsonl" >"$work/out" 2>"$work/err" ||
            { cat "$work/err"; fail "the first run failed"; }
          "$edict" run --engine $engine -r $rules --history "$loc" "$work/second.jsonl" >"$work/out" 2>"$work/err" ||
            { cat "$work/err"; fail "the second run failed"; }
        else
          "$edict" run --engine $engine -r $rules --history "$loc" --batch-size 2 "$work/both.jsonl" >"$work/out" 2>"$work/err" ||
            { cat "$work/err"; fail "the run failed"; }
        fi
        expect_in "$work/out" '"claim":"B","line":1,"rule":"ptp_97140_97530","action":"deny","reason":"CO-236"'
        expect_in "$work/out" '"claim":"B","line":1,.*"related_lines":\[{"claim":"A","line":1}\]'
        expect_in "$work/out" '"claim":"B","line":2,"rule":"mue_97110","action":"modify","reason":"CO-96"'
        expect_in "$work/out" '"claim":"B","line":2,.*"related_lines":\[{"claim":"A","line":2}\],"billed_units":2,"allowed_units":1'
        expect_in "$work/out" '"claim":"E2","line":1,"rule":"freq_97161_30_days","action":"deny"'
        grep -q '^{"claim":"E4"' "$work/out" && { cat "$work/out"; fail "day 31 was edited"; }
        grep -q '^{"claim":"A"' "$work/out" && { cat "$work/out"; fail "the first claim was edited"; }
        # What was recorded: B's 97530 denied, its 97110 cut to 1 unit.
        exported | grep -q '"claim":"B","line":1,.*"allowed_units":0,"action":"deny"' ||
          fail "B's denied line is not in the history"
      done
      # `edict explain --history` judges B as a read-only run: the stored
      # history without B's own lines, and names A's line.
      "$edict" explain -r $rules --history "$loc" --claim B "$work/second.jsonl" >"$work/out" 2>&1 ||
        { cat "$work/out"; fail "explain --history failed"; }
      expect_in "$work/out" "line 1: deny ptp_97140_97530 reason CO-236"
      expect_in "$work/out" "claim A line 1: 97140"
    done
    ;;
  *)
    fail "no scenario $scenario"
    ;;
esac
echo "ok: $scenario on $backend"
