#!/usr/bin/env bash
# Soak: SECONDS (default 1800) of mixed load on one server (reads of a
# community, its proposal list and a thread; comments; logins and logouts;
# a selection preview through the Lua plugin), sampling the server's memory
# (RSS) and open descriptors, and its plugin workers' RSS, every
# SOAK_SAMPLE_SECONDS (default 30, or SECONDS/20 when shorter; the RSS and
# descriptors of a line are the lowest read, every half second, in its
# window). Prints the
# samples and the growth after warm-up (a tenth of the run): the median
# line of the last quarter against the median of the first; exits 1 on any
# 5xx or connection error, or when the
# descriptors grew by more than SOAK_MAX_FD_GROWTH (default 8) or the RSS by
# more than SOAK_MAX_RSS_GROWTH_KB (default 20480).
#
#   scripts/soak.sh [SECONDS]
# Environment: SOAK_WORKERS (default 4), YISHI_BUILD_DIR (default build/).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${YISHI_BUILD_DIR:-$root/build}
yishi=$build/core/app/yishi
duration=${1:-${SOAK_SECONDS:-1800}}
workers=${SOAK_WORKERS:-4}
sample=${SOAK_SAMPLE_SECONDS:-$(((duration / 20) < 30 ? ((duration / 20) > 1 ? duration / 20 : 1) : 30))}
max_fd_growth=${SOAK_MAX_FD_GROWTH:-8}
max_rss_growth=${SOAK_MAX_RSS_GROWTH_KB:-20480}
[[ -x "$yishi" ]] || { echo "soak.sh: build first ($yishi is missing)" >&2; exit 2; }

work=$(mktemp -d)
server=""
load=""
cleanup() {
  [[ -n "$load" ]] && kill "$load" 2>/dev/null || true
  [[ -n "$server" ]] && kill "$server" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port
"$yishi" serve --demo --port "$port" --data-dir "$work/data" --www-dir "$work/no-www" \
  >"$work/server.out" 2>"$work/server.err" &
server=$!
for _ in $(seq 1 3000); do
  curl -s -o /dev/null --max-time 1 "$url/api/v1/health" && break
  sleep 0.01
done

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
fds() { ls "/proc/$1/fd" 2>/dev/null | wc -l; }
workers_rss_kb() {
  local total=0 child
  for child in $(pgrep -P "$server" 2>/dev/null); do total=$((total + $(rss_kb "$child"))); done
  echo "$total"
}

python3 "$root/scripts/yishi_load.py" mixed --url "$url" --seconds "$duration" --workers "$workers" \
  --report "$work/report.json" >"$work/load.out" 2>&1 &
load=$!

echo "soak: ${duration} s of mixed load ($workers workers), a sample every ${sample} s"
printf '%8s %12s %6s %16s %10s\n' seconds rss_kb fds workers_rss_kb db_kb
samples=()
started=$(date +%s)
while kill -0 "$load" 2>/dev/null; do
  t=$(($(date +%s) - started))
  # The floor of each window, read every half second: argon2id holds 64 MiB
  # while it checks a login, and under a steady stream of logins a sample
  # taken once a window mostly lands inside one.
  r=$(rss_kb "$server")
  f=$(fds "$server")
  window_end=$(($(date +%s) + sample))
  while (($(date +%s) < window_end)) && kill -0 "$load" 2>/dev/null; do
    sleep 0.5
    now_r=$(rss_kb "$server")
    now_f=$(fds "$server")
    ((now_r < r)) && r=$now_r
    ((now_f < f)) && f=$now_f
  done
  w=$(workers_rss_kb)
  d=$(($(du -sk "$work/data" | cut -f1)))
  printf '%8d %12d %6d %16d %10d\n' "$t" "$r" "$f" "$w" "$d"
  samples+=("$t $r $f $w")
done
wait "$load" || true
load=""

# Growth: the median of the last quarter's lines against the median of the
# first quarter's after warm-up (a tenth of the run). Each line is already
# the lowest of its window, yet under a steady stream of logins a window may
# hold no instant without one: argon2id takes 64 MiB for each login being
# checked and gives it back after, so a line reads up to 128 MiB more now
# and then; a leak moves the median. Descriptors the same way (connections
# come and go).
summary=$(printf '%s\n' "${samples[@]}" | awk -v warm=$((duration / 10)) '
  function median(a, from, to,    k, i, j, x, v) {
    k = 0
    for (i = from; i < to; i++) v[k++] = a[i]
    for (i = 1; i < k; i++) { x = v[i]; for (j = i - 1; j >= 0 && v[j] > x; j--) v[j + 1] = v[j]; v[j + 1] = x }
    return v[int((k - 1) / 2)]
  }
  BEGIN { n = 0 }
  $1 >= warm { t[n] = $1; r[n] = $2; f[n] = $3; w[n] = $4; n++ }
  END {
    q = int(n / 4); if (q < 1) q = 1
    print t[0], t[n - 1], median(r, 0, q), median(r, n - q, n), median(f, 0, q), median(f, n - q, n), \
          median(w, 0, q), median(w, n - q, n)
  }')
read -r t0 t1 r0 r1 f0 f1 w0 w1 <<<"$summary"
report=$(cat "$work/report.json")
errors=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["errors"])' "$work/report.json")
echo
echo "requests: $report"
echo "from ${t0} s to ${t1} s (medians of the first and last quarters): server RSS ${r0} -> ${r1} KB" \
  "($((r1 - r0)) KB), descriptors ${f0} -> ${f1} ($((f1 - f0))), plugin workers' RSS ${w0} -> ${w1} KB" \
  "($((w1 - w0)) KB)"
verdict=0
((errors == 0)) || { echo "soak.sh: $errors errors (5xx or connection)" >&2; verdict=1; }
((f1 - f0 <= max_fd_growth)) || { echo "soak.sh: descriptors grew by $((f1 - f0))" >&2; verdict=1; }
((r1 - r0 <= max_rss_growth)) || { echo "soak.sh: RSS grew by $((r1 - r0)) KB" >&2; verdict=1; }
((verdict == 0)) && echo "OK" || echo "FAILED"
exit $verdict
