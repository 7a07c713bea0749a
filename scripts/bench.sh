#!/usr/bin/env bash
# Benchmarks (not tests): prints figures, asserts nothing.
#  1. durable writes/s through the group-commit writer vs one commit per write;
#  2. wrk on GET endpoints of the demo server vs nginx serving a static file
#     of the same size on another loopback port, in the same run, and the
#     ratio: a community; with 10,000 proposals in a community and 100,000 in
#     the district, the first page (50) of the community's proposals; the
#     thread of a proposal with 500 comments (one in 25 hidden); each as an
#     anonymous visitor, a signed-in resident and a signed-in committee
#     member (who sees the hidden bodies), the nginx file being the bytes
#     that reader got; and the thread's first page of 50 (issue 13);
#  2b. mixed load: 95% reads by a signed-in resident of the first pages of
#     100 communities, 5% writes (comments, new proposals, supports),
#     against nginx serving the same 100 pages;
#  3. the latency of ordinary requests while slowhttptest holds 64 slow
#     connections open;
#  4. 民心项目 selection through the Lua plugin path (yishi pb select, worker
#     process included) on a synthetic approval election of 100 projects and
#     50,000 voters: MES with Add1, and greedy as the baseline of the same
#     path (parsing, transfer, Lua tables); and MES with Add1 on 2 ballots
#     and a budget of 10^9 fen (20 projects), where Add1 by unit steps would
#     run MES some 10^8 times;
#  5. points: events per second from the outbox through the default Lua
#     plugin in worker processes into the ledger, against the same rule in
#     C++ on the same path;
#  6. election: ballot crypto on one core, a 20-option "at most 5" ballot
#     (encryptions and proofs) created and verified; 6b. the raw verification
#     rate of signed 20-option ballots (what the server checks per ballot) on
#     one and two threads, and `yishi verify` on a referendum record of
#     YISHI_BENCH_RECORD_BALLOTS ballots (default 100,000) with one thread
#     and with two; 6c. an election of YISHI_BENCH_VOTERS voters (default
#     10,000) over HTTP against the server with durable storage, end to end
#     (create, enroll, cast, close, tally, decrypt, publish, verify), its
#     figure extrapolated to 1,000,000 voters, and the ingest rate of its
#     20-option ballots against the raw verification rate of the same
#     ballots on the same cores, in the same run;
#  7. the web UI: the bytes (compressed HTML+JS+CSS) of a first visit to a
#     community's home page, and the time to its first render in headless
#     Chromium with the CPU slowed 4x;
#  8. the web UI: the time to build a 20-option ballot in the browser
#     (encrypt, prove, sign: www/src/election), at full speed and 4x slower;
#  9. connections (issue 12): from one address, 10,000 idle keep-alive
#     connections and 1,000 sending a request's header one byte a second
#     (reopened as the server closes them at its request deadline), while
#     /api/v1/health and a community's proposals are timed (goal: p99 under
#     50 ms), with the server's threads, memory and descriptors meanwhile;
# 10. dashboards (驾驶舱): a district of 566 communities (topics, cases and
#     their records, residents and their participation), the district's
#     dashboard over HTTP as its admin, p50 and p99 (goal: under 100 ms),
#     and its CSV export.
# Environment: BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 32),
# BENCH_IDLE and BENCH_SLOW (section 9, default 10000 and 1000),
# YISHI_BENCH_SERVER (the yishi binary of sections 2, 3 and 9; default the
# build's: set it to compare builds).
# `scripts/bench.sh writes|http|mixed|selection|points|election|election-http|www|connections|dashboards` runs one
# part (http is sections 2, 2b and 3; mixed 2b alone; election is 6, 6b and 6c; election-http 6c alone).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh" --bench
"$root/scripts/build.sh" -DYISHI_BUILD_BENCHMARKS=ON >/dev/null
build=${YISHI_BUILD_DIR:-$root/build}
seconds=${BENCH_SECONDS:-10}
connections=${BENCH_CONNECTIONS:-32}
yishi=${YISHI_BENCH_SERVER:-$build/core/app/yishi}

work=$(mktemp -d)
only=${1:-all}
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [[ -f "$work/nginx.pid" ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

selection_bench() {
  echo
  echo "== 4. selection rules, 100 projects x 50,000 approval voters (yishi pb select) =="
  "$build/tests/bench/make_pb" 100 50000 1 "$work/synthetic.pb"
  for rule in greedy mes-add1; do
    start=$(date +%s.%N)
    out=$("$build/core/app/yishi" pb select "$work/synthetic.pb" --rule "$rule" --plugins "$root/plugins/default")
    end=$(date +%s.%N)
    notes=$(printf '%s' "$out" | sed -n 's/.*"notes":"\([^"]*\)".*/\1/p')
    awk -v a="$start" -v b="$end" -v r="$rule" -v n="$notes" 'BEGIN { printf "  %-9s %6.2f s  (%s)\n", r, b - a, n }'
  done
  echo "== 4b. MES+Add1, 20 projects, 2 approval voters, budget 10^9 fen =="
  "$build/tests/bench/make_pb" 20 2 1 "$work/two_voters.pb" 1000000000
  start=$(date +%s.%N)
  out=$("$build/core/app/yishi" pb select "$work/two_voters.pb" --rule mes-add1 --plugins "$root/plugins/default")
  end=$(date +%s.%N)
  notes=$(printf '%s' "$out" | sed -n 's/.*"notes":"\([^"]*\)".*/\1/p')
  awk -v a="$start" -v b="$end" -v n="$notes" 'BEGIN { printf "  %-9s %6.2f s  (%s)\n", "mes-add1", b - a, n }'
}
points_bench() {
  echo
  echo "== 5. points: outbox -> rule -> ledger, 100,000 events =="
  "$build/tests/bench/points_bench" 100000 "$root/plugins" "$work"
}
election_bench() {
  echo
  echo "== 6. election: ballot crypto, 20 options, at most 5 =="
  "$build/tests/bench/ballot_crypto_bench" 200
  echo
  echo "== 6b. election records: raw verification rate, yishi verify on one and two threads =="
  local record="$work/referendum-${YISHI_BENCH_RECORD_BALLOTS:-100000}.record"
  "$build/tests/bench/election_record_bench" 400 "${YISHI_BENCH_RECORD_BALLOTS:-100000}" "$record"
  local t1 t2 a b
  for threads in 1 2; do
    a=$(date +%s.%N)
    "$build/core/app/yishi" verify "$record" --threads "$threads" >/dev/null
    b=$(date +%s.%N)
    if [[ $threads == 1 ]]; then t1=$(awk -v a="$a" -v b="$b" 'BEGIN{print b-a}'); else t2=$(awk -v a="$a" -v b="$b" 'BEGIN{print b-a}'); fi
  done
  awk -v t1="$t1" -v t2="$t2" 'BEGIN { printf "  yishi verify: %.1f s on one thread, %.1f s on two: %.2fx faster (goal >= 1.7x)\n", t1, t2, t1 / t2 }'
  election_http_bench
}
# start_election_server DATA_DIR [ARGS...]: a server on a fifo; sets election_port.
start_election_server() {
  local data=$1
  shift
  rm -f "$work/election-stdin" "$work/election.out"
  mkfifo "$work/election-stdin"
  "$build/core/app/yishi" serve --demo --port 0 --data-dir "$data" --stop-on-stdin-eof "$@" \
    <"$work/election-stdin" >"$work/election.out" 2>"$work/election.log" &
  election_pid=$!
  pids+=($election_pid)
  exec 5>"$work/election-stdin"
  for _ in $(seq 300); do grep -q "listening on" "$work/election.out" 2>/dev/null && break; sleep 0.1; done
  election_port=$(grep -o '127.0.0.1:[0-9]*' "$work/election.out" | head -1 | cut -d: -f2)
}
stop_election_server() {
  exec 5>&-
  wait "$election_pid" 2>/dev/null || true
}
election_http_bench() {
  local voters=${YISHI_BENCH_VOTERS:-10000}
  echo
  echo "== 6c. election over HTTP, $voters voters end to end; ingest vs raw verification (same run) =="
  local data="$work/election-data"
  start_election_server "$data"  # makes the demo district
  stop_election_server
  "$build/tests/bench/seed_voters" "$data/yishi.db" "$voters" "$work/voter-tokens"
  start_election_server "$data" --test-clock
  "$build/tests/bench/election_ingest_bench" "$election_port" "$work/voter-tokens" "${BENCH_CONNECTIONS:-32}"
  stop_election_server
}
www_bench() {
  echo
  echo "== 7. web UI: first visit to a community's home page (360 px, CPU 4x slower) =="
  mkfifo "$work/www-stdin"
  "$build/core/app/yishi" serve --demo --port 0 --data-dir "$work/www-data" --www-dir "$build/www" \
    --stop-on-stdin-eof <"$work/www-stdin" >"$work/www.out" 2>/dev/null &
  pids+=($!)
  exec 4>"$work/www-stdin"
  for _ in $(seq 100); do grep -q "listening on" "$work/www.out" 2>/dev/null && break; sleep 0.1; done
  local port
  port=$(grep -o '127.0.0.1:[0-9]*' "$work/www.out" | head -1 | cut -d: -f2)
  node "$root/www/test/first_visit.mjs" --base "http://127.0.0.1:$port"
  echo
  echo "== 8. web UI: a 20-option ballot encrypted, proved and signed in the browser =="
  node "$root/www/test/ballot_bench.mjs" --base "http://127.0.0.1:$port" --logins "$work/www-data/demo-logins.json"
  exec 4>&-
}
connections_bench() {
  local idle=${BENCH_IDLE:-10000} slow=${BENCH_SLOW:-1000}
  echo
  echo "== 9. connections from one address: $idle idle keep-alive + $slow slow (a header byte a second) =="
  rm -f "$work/conn-stdin"
  mkfifo "$work/conn-stdin"
  # Idle connections are kept 5 minutes here (default 10 s), so that the
  # 10,000 are held by the server rather than churned by its timeout; the
  # slow ones meet the default 10 s request deadline and are reopened.
  echo "yishi.keep_alive_timeout_ms = 300000" >"$work/conn.properties"
  "$yishi" serve --config "$work/conn.properties" --demo --port 0 --data-dir "$work/conn-data" \
    --stop-on-stdin-eof <"$work/conn-stdin" >"$work/conn.out" 2>/dev/null &
  local server_pid=$!
  pids+=($server_pid)
  exec 6>"$work/conn-stdin"
  for _ in $(seq 300); do grep -q "listening on" "$work/conn.out" 2>/dev/null && break; sleep 0.1; done
  local port
  port=$(grep -o '127.0.0.1:[0-9]*' "$work/conn.out" | head -1 | cut -d: -f2)
  local status=/proc/$server_pid/status
  printf '  server before: %s threads, %s KiB resident\n' "$(awk '/^Threads/ {print $2}' "$status")" \
    "$(awk '/^VmRSS/ {print $2}' "$status")"
  "$build/tests/bench/connections_load" "$port" "$idle" "$slow" "$((seconds * 2))" 1000 \
    /api/v1/health "/api/v1/communities/1/proposals" >"$work/conn-load.out" &
  local load_pid=$!
  for _ in $(seq 1200); do grep -q "opened" "$work/conn-load.out" 2>/dev/null && break; sleep 0.1; done
  sleep "$seconds"
  printf '  server while held: %s threads, %s KiB resident, %s descriptors open\n' \
    "$(awk '/^Threads/ {print $2}' "$status")" "$(awk '/^VmRSS/ {print $2}' "$status")" \
    "$(ls "/proc/$server_pid/fd" | wc -l)"
  wait "$load_pid" || true
  cat "$work/conn-load.out"
  exec 6>&-
  wait "$server_pid" 2>/dev/null || true
}
dashboards_bench() {
  echo
  echo "== 10. dashboards: a district of 566 communities, its dashboard over HTTP =="
  local data="$work/dashboard-data"
  start_election_server "$data"  # makes the demo district
  stop_election_server
  local a b
  a=$(date +%s.%N)
  "$build/tests/bench/seed_dashboards" "$data/yishi.db" 566 >/dev/null
  b=$(date +%s.%N)
  awk -v a="$a" -v b="$b" 'BEGIN { printf "  seeded 566 communities (30 topics, 10 cases, 20 residents each) in %.1f s\n", b - a }'
  start_election_server "$data"
  local password
  password=$(python3 -c 'import json,sys; print(next(l["password"] for l in json.load(open(sys.argv[1]))["logins"] if l["login"] == "admin"))' "$data/demo-logins.json")
  "$build/tests/bench/dashboard_bench" "$election_port" "$password" 300
  stop_election_server
}
rate() { awk '/Requests\/sec/ {print $2}'; }
p99() { awk '/ 99%/ {print $2}'; }
# token LOGIN: a bearer token of a demo login (its password from demo-logins.json).
token() {
  local password
  password=$(python3 -c 'import json,sys; print(next(l["password"] for l in json.load(open(sys.argv[1]))["logins"] if l["login"] == sys.argv[2]))' "$2/demo-logins.json" "$1")
  curl -sf -X POST -H 'Content-Type: application/json' \
    -d "{\"login\":\"$1\",\"password\":\"$password\",\"bearer\":true}" "$3/api/v1/sessions" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}
# 2b. Mixed load (issue 13): a server of its own with 100 communities of
# 1,000 proposals; 95% reads (a signed-in resident's first page of a random
# community's proposals), 5% writes (comments anywhere; new proposals and
# supports in community 1, where the bench's proposer and resident belong),
# against nginx serving the same 100 pages as files.
mixed_bench() {
  echo
  echo "== 2b. mixed load: 95% reads over 100 communities, 5% writes (wrk -t2 -c$connections -d${seconds}s) =="
  rm -f "$work/mixed-stdin"
  mkfifo "$work/mixed-stdin"
  "$yishi" serve --demo --port 0 --data-dir "$work/mixed-data" --stop-on-stdin-eof \
    <"$work/mixed-stdin" >"$work/mixed.out" 2>/dev/null &
  pids+=($!)
  exec 7>"$work/mixed-stdin"
  for _ in $(seq 100); do grep -q "listening on" "$work/mixed.out" 2>/dev/null && break; sleep 0.1; done
  local port mbase
  port=$(grep -o '127.0.0.1:[0-9]*' "$work/mixed.out" | head -1 | cut -d: -f2)
  mbase="http://127.0.0.1:$port"
  "$build/tests/bench/seed_proposals" "$work/mixed-data/yishi.db" 1000 100000 50 >/dev/null
  local ids
  ids=$(sqlite3 "$work/mixed-data/yishi.db" \
    "SELECT group_concat(id) FROM (SELECT community_id AS id FROM proposals GROUP BY community_id HAVING count(*) >= 1000)")
  local range  # community 1's seeded proposals: ids below the other communities' first
  range=$(sqlite3 "$work/mixed-data/yishi.db" "SELECT min(p.id) || ' ' || max(p.id) FROM proposals p
    WHERE p.community_id = 1 AND p.id < (SELECT min(q.id) FROM proposals q JOIN communities c
    ON c.id = q.community_id WHERE c.name LIKE '基准小区%')")
  export BENCH_COMMUNITIES=$ids
  export BENCH_MAX_PROPOSAL
  BENCH_MAX_PROPOSAL=$(sqlite3 "$work/mixed-data/yishi.db" "SELECT max(id) FROM proposals")
  export BENCH_COMMUNITY1_FIRST=${range% *} BENCH_COMMUNITY1_LAST=${range#* }
  export BENCH_READER BENCH_WRITER BENCH_SUPPORTER BENCH_PROPOSER
  BENCH_READER=$(token resident2 "$work/mixed-data" "$mbase")
  BENCH_WRITER=$(token admin "$work/mixed-data" "$mbase")
  BENCH_SUPPORTER=$BENCH_READER
  BENCH_PROPOSER=$(token committee1 "$work/mixed-data" "$mbase")
  mkdir -p "$work/static/mixed"
  for c in ${ids//,/ }; do
    curl -sf -H "Authorization: Bearer $BENCH_READER" "$mbase/api/v1/communities/$c/proposals?limit=50" \
      >"$work/static/mixed/$c.json"
  done
  echo "  $(echo "$ids" | tr ',' '\n' | wc -l) communities; pages of $(stat -c %s "$work/static/mixed/1.json") bytes"
  local y n
  y=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$root/scripts/bench_mixed.lua" "$mbase")
  n=$(BENCH_STATIC=1 wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$root/scripts/bench_mixed.lua" \
    "http://127.0.0.1:$nginx_port")
  echo "    yishi : $(echo "$y" | rate) req/s (reads and writes)   p99 $(echo "$y" | p99)"
  echo "    nginx : $(echo "$n" | rate) req/s (the same pages)     p99 $(echo "$n" | p99)"
  awk -v a="$(echo "$y" | rate)" -v b="$(echo "$n" | rate)" \
    'BEGIN { printf "    reads yishi/nginx: %.2f (0.95 of yishi'"'"'s requests; goal >= 0.4)\n", 0.95 * a / b }'
  if echo "$y" | grep -q Non-2xx; then echo "    yishi non-2xx: $(echo "$y" | awk '/Non-2xx/ {print $NF}')"; fi
  exec 7>&-
}
case "$only" in
  connections) connections_bench; exit 0 ;;
  selection) selection_bench; exit 0 ;;
  points) points_bench; exit 0 ;;
  election) election_bench; exit 0 ;;
  election-http) election_http_bench; exit 0 ;;
  www) www_bench; exit 0 ;;
  dashboards) dashboards_bench; exit 0 ;;
  writes|all) ;;
  http|mixed) ;;
  *) echo "usage: scripts/bench.sh [all|writes|http|mixed|selection|points|election|election-http|www|connections|dashboards]" >&2; exit 64 ;;
esac

if [[ "$only" != "http" && "$only" != "mixed" ]]; then
  echo "== 1. durable writes (synchronous=FULL) =="
  "$build/tests/bench/write_bench" 32 5 "$work"
fi
[[ "$only" == "writes" ]] && exit 0

echo
echo "== 2. yishi vs nginx, same bytes (wrk -t2 -c$connections -d${seconds}s) =="
mkfifo "$work/stdin"
"$yishi" serve --demo --port 0 --data-dir "$work/data" --stop-on-stdin-eof \
  <"$work/stdin" >"$work/yishi.out" 2>"$work/yishi.log" &
pids+=($!)
exec 3>"$work/stdin"  # the server stops when this closes
for _ in $(seq 100); do grep -q "listening on" "$work/yishi.out" 2>/dev/null && break; sleep 0.1; done
yishi_port=$(grep -o '127.0.0.1:[0-9]*' "$work/yishi.out" | head -1 | cut -d: -f2)
base="http://127.0.0.1:$yishi_port"

mkdir -p "$work/static"
nginx_port=$(free_port)
cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work;
  uwsgi_temp_path $work; scgi_temp_path $work;
  server { listen 127.0.0.1:$nginx_port; root $work/static; }
}
CONF
nginx -c "$work/nginx.conf" -p "$work"
if [[ "$only" == "mixed" ]]; then mixed_bench; exit 0; fi

seed_start=$(date +%s.%N)
thread_id=$("$build/tests/bench/seed_proposals" "$work/data/yishi.db" 10000 100000 500)
awk -v a="$seed_start" -v b="$(date +%s.%N)" 'BEGIN { printf "  seeded 100,000 proposals and 500 comments in %.1f s\n", b - a }'



# compare NAME PATH [WHO TOKEN]: the same bytes from yishi (as WHO, with the
# bearer TOKEN, or anonymous) and from nginx.
compare() {
  local name=$1 path=$2 who=${3:-anonymous} tok=${4:-}
  local auth=()
  [[ -n "$tok" ]] && auth=(-H "Authorization: Bearer $tok")
  if ! curl -sf "${auth[@]}" "$base$path" >"$work/static/$name.json"; then
    echo "  $name as $who: GET $path: not served by this build ($(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" "$base$path"))"
    return 0
  fi
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$nginx_port/$name.json" >/dev/null && break; sleep 0.1; done
  wrk -t2 -c"$connections" -d2s "${auth[@]}" "$base$path" >/dev/null  # warm-up
  local y n
  y=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "${auth[@]}" "$base$path")
  n=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$nginx_port/$name.json")
  echo "  $name as $who: GET $path ($(stat -c %s "$work/static/$name.json") bytes)"
  echo "    yishi : $(echo "$y" | rate) req/s   p99 $(echo "$y" | p99)"
  echo "    nginx : $(echo "$n" | rate) req/s   p99 $(echo "$n" | p99)"
  awk -v a="$(echo "$y" | rate)" -v b="$(echo "$n" | rate)" \
    'BEGIN { printf "    ratio yishi/nginx: %.2f (goal >= 0.5)\n", a / b }'
  if echo "$y" | grep -q Non-2xx; then echo "    yishi non-2xx: $(echo "$y" | awk '/Non-2xx/ {print $NF}')"; fi
}
resident_token=$(token resident2 "$work/data" "$base")    # reads the thread as anyone does
committee_token=$(token committee1 "$work/data" "$base")  # sees the hidden comments' bodies
compare community /api/v1/communities/1
compare proposals_page "/api/v1/communities/1/proposals?limit=50"
compare proposals_page_resident "/api/v1/communities/1/proposals?limit=50" resident "$resident_token"
compare proposals_page_committee "/api/v1/communities/1/proposals?limit=50" committee "$committee_token"
compare comments_500 "/api/v1/proposals/$thread_id/comments"
compare comments_500_resident "/api/v1/proposals/$thread_id/comments" resident "$resident_token"
compare comments_500_committee "/api/v1/proposals/$thread_id/comments" committee "$committee_token"
compare comments_first_page "/api/v1/proposals/$thread_id/comments?limit=50" resident "$resident_token"
mixed_bench

echo
echo "== 3. ordinary requests while slowhttptest holds 64 slow connections =="
slowhttptest -H -c 64 -r 64 -i 1 -l 12 -g -u "$base/api/v1/health" -o "$work/slow" >/dev/null 2>&1 &
slow_pid=$!
pids+=($slow_pid)
sleep 2
worst=0
for _ in $(seq 40); do
  t=$(curl -s -o /dev/null -w '%{time_total}' "$base/api/v1/communities/1")
  worst=$(awk -v a="$worst" -v b="$t" 'BEGIN { print (b > a) ? b : a }')
  sleep 0.2
done
wait "$slow_pid" 2>/dev/null || true
awk -v w="$worst" 'BEGIN { printf "  slowest of 40 ordinary requests: %.1f ms (goal < 500 ms)\n", w * 1000 }'
if [[ -f "$work/slow.csv" ]]; then
  # Columns: seconds, closed, pending, connected, service available.
  awk -F, 'NR > 1 && $4 > most { most = $4 } END { printf "  slow connections held open at once: %d (of 64)\n", most }' "$work/slow.csv"
fi

[[ "$only" == "http" ]] && exit 0
selection_bench
points_bench
election_bench
www_bench
connections_bench
dashboards_bench
