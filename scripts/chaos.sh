#!/usr/bin/env bash
# Chaos: kill -9 the server every few seconds under write load, ROUNDS times
# (default 50), and check that every write it acknowledged is still there,
# that the database passes PRAGMA integrity_check, and how fast the server is
# back. Prints the figures; exits 1 when a write is missing, the check fails,
# or a restart took longer than CHAOS_MAX_RESTART_MS (default 1000).
#
#   scripts/chaos.sh [ROUNDS]
# Environment: CHAOS_WORKERS (writers, default 4), CHAOS_MIN_MS / CHAOS_MAX_MS
# (time between kills, default 1000..3000), YISHI_BUILD_DIR (default build/).
# The load is scripts/yishi_load.py: residents post proposals and comments,
# and each write answered 201 is logged the moment the answer arrives.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${YISHI_BUILD_DIR:-$root/build}
yishi=$build/core/app/yishi
rounds=${1:-${CHAOS_ROUNDS:-50}}
workers=${CHAOS_WORKERS:-4}
min_ms=${CHAOS_MIN_MS:-1000}
max_ms=${CHAOS_MAX_MS:-3000}
max_restart_ms=${CHAOS_MAX_RESTART_MS:-1000}
[[ -x "$yishi" ]] || { echo "chaos.sh: build first ($yishi is missing)" >&2; exit 2; }

work=$(mktemp -d)
server=""
load=""
cleanup() {
  [[ -n "$load" ]] && kill "$load" 2>/dev/null || true
  [[ -n "$server" ]] && kill -9 "$server" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port
now_ms() { date +%s%3N; }

start_server() {
  "$yishi" serve --demo --port "$port" --data-dir "$work/data" --www-dir "$work/no-www" \
    >>"$work/server.out" 2>>"$work/server.err" &
  server=$!
}

# Milliseconds until /api/v1/health answers 200 (polling every 5 ms).
wait_ready() {
  local started=$1
  for _ in $(seq 1 4000); do
    if curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$url/api/v1/health" 2>/dev/null | grep -q 200; then
      echo $(($(now_ms) - started))
      return 0
    fi
    sleep 0.005
  done
  echo "chaos.sh: the server did not come back in 20 s" >&2
  tail -20 "$work/server.err" >&2
  return 1
}

echo "chaos: $rounds rounds of kill -9 every ${min_ms}..${max_ms} ms under $workers writers"
started=$(now_ms)
start_server
first=$(wait_ready "$started")
echo "first start (demo district seeded): ${first} ms"

python3 "$root/scripts/yishi_load.py" writes --url "$url" --acked "$work/acked.txt" --workers "$workers" \
  >"$work/load.out" 2>&1 &
load=$!

restart_ms=()
back_ms=()
for round in $(seq 1 "$rounds"); do
  sleep "$(python3 -c "import random; print(random.randint($min_ms, $max_ms) / 1000)")"
  killed=$(now_ms)
  kill -9 "$server"
  wait "$server" 2>/dev/null || true
  spawned=$(now_ms)
  start_server
  ready=$(wait_ready "$spawned")
  restart_ms+=("$ready")
  back_ms+=($(($(now_ms) - killed)))
  acked=$(wc -l <"$work/acked.txt" 2>/dev/null || echo 0)
  printf 'round %2d: restart %4d ms (kill to ready %4d ms), %s writes acknowledged so far\n' \
    "$round" "$ready" "${back_ms[-1]}" "$acked"
done

# The last blow lands under load too; then the load stops and the database
# is read as the next start would read it.
sleep 1
kill -9 "$server"
wait "$server" 2>/dev/null || true
server=""
kill "$load" 2>/dev/null || true
wait "$load" 2>/dev/null || true
load=""

verdict=0
summary=$(python3 "$root/scripts/yishi_load.py" verify --db "$work/data/yishi.db" --acked "$work/acked.txt") ||
  verdict=1
stats=$(printf '%s\n' "${restart_ms[@]}" | sort -n | awk '{a[NR]=$1} END {printf "min %d ms, median %d ms, p95 %d ms, max %d ms", a[1], a[int((NR+1)/2)], a[int(NR*0.95+0.999)], a[NR]}')
back=$(printf '%s\n' "${back_ms[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median %d ms, max %d ms", a[int((NR+1)/2)], a[NR]}')
slowest=$(printf '%s\n' "${restart_ms[@]}" | sort -n | tail -1)
echo
echo "rounds:            $rounds"
echo "restart (spawn to health 200): $stats"
echo "kill to ready:     $back"
echo "after the last kill: $summary"
if ((slowest > max_restart_ms)); then
  echo "chaos.sh: a restart took ${slowest} ms (more than ${max_restart_ms} ms)" >&2
  verdict=1
fi
((verdict == 0)) && echo "OK: every acknowledged write present, integrity_check ok" || echo "FAILED"
exit $verdict
