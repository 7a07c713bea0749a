#!/usr/bin/env bash
# Benchmarks (not tests): prints figures, asserts nothing.
#  1. durable writes/s through the group-commit writer vs one commit per write;
#  2. wrk on GET /api/v1/communities/{id} of the demo server vs nginx serving a
#     static file of the same size on another loopback port, and the ratio;
#  3. the latency of ordinary requests while slowhttptest holds 64 slow
#     connections open.
# Environment: BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 32).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh" --bench
"$root/scripts/build.sh" >/dev/null
build=${YISHI_BUILD_DIR:-$root/build}
seconds=${BENCH_SECONDS:-10}
connections=${BENCH_CONNECTIONS:-32}

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [[ -f "$work/nginx.pid" ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

echo "== 1. durable writes (synchronous=FULL) =="
"$build/tests/bench/write_bench" 32 5 "$work"

echo
echo "== 2. GET /api/v1/communities/1: yishi vs nginx (wrk -t2 -c$connections -d${seconds}s) =="
mkfifo "$work/stdin"
"$build/core/app/yishi" serve --demo --port 0 --data-dir "$work/data" --stop-on-stdin-eof \
  <"$work/stdin" >"$work/yishi.out" 2>"$work/yishi.log" &
pids+=($!)
exec 3>"$work/stdin"  # the server stops when this closes
for _ in $(seq 100); do grep -q "listening on" "$work/yishi.out" 2>/dev/null && break; sleep 0.1; done
yishi_port=$(grep -o '127.0.0.1:[0-9]*' "$work/yishi.out" | head -1 | cut -d: -f2)
url="http://127.0.0.1:$yishi_port/api/v1/communities/1"
mkdir -p "$work/static"
curl -s "$url" >"$work/static/community.json"
size=$(stat -c %s "$work/static/community.json")

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
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$nginx_port/community.json" >/dev/null && break; sleep 0.1; done

rate() { awk '/Requests\/sec/ {print $2}'; }
p99() { awk '/ 99%/ {print $2}'; }
wrk -t2 -c"$connections" -d2s "$url" >/dev/null  # warm-up
yishi_out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$url")
nginx_out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$nginx_port/community.json")
yishi_rate=$(echo "$yishi_out" | rate)
nginx_rate=$(echo "$nginx_out" | rate)
echo "  response body: $size bytes"
echo "  yishi : $yishi_rate req/s   p99 $(echo "$yishi_out" | p99)"
echo "  nginx : $nginx_rate req/s   p99 $(echo "$nginx_out" | p99)"
awk -v a="$yishi_rate" -v b="$nginx_rate" 'BEGIN { printf "  ratio yishi/nginx: %.2f (goal >= 0.5)\n", a / b }'
non2xx=$(echo "$yishi_out" | awk '/Non-2xx/ {print $NF}')
[[ -n "$non2xx" ]] && echo "  yishi non-2xx responses: $non2xx"

echo
echo "== 3. ordinary requests while slowhttptest holds 64 slow connections =="
slowhttptest -H -c 64 -r 64 -i 1 -l 12 -u "http://127.0.0.1:$yishi_port/api/v1/health" \
  -o "$work/slow" >/dev/null 2>&1 &
slow_pid=$!
pids+=($slow_pid)
sleep 2
worst=0
for _ in $(seq 40); do
  t=$(curl -s -o /dev/null -w '%{time_total}' "$url")
  worst=$(awk -v a="$worst" -v b="$t" 'BEGIN { print (b > a) ? b : a }')
  sleep 0.2
done
wait "$slow_pid" 2>/dev/null || true
awk -v w="$worst" 'BEGIN { printf "  slowest of 40 ordinary requests: %.1f ms (goal < 500 ms)\n", w * 1000 }'
