#!/usr/bin/env bash
# Full disk: the database on a small size-limited file system (tmpfs,
# size=FULL_DISK_MB, default 16) under write load; a filler file takes the
# rest of the space. While the disk is full, writes must answer 503
# storage.full (and reads go on); once the filler is gone the server must
# take writes again by itself; after all that, every write it acknowledged
# must be in the database and PRAGMA integrity_check must say ok. Prints the
# figures; exits 1 when one of these fails. Needs root (mount).
#
#   scripts/full_disk.sh
# Environment: FULL_DISK_MB, FULL_DISK_SECONDS (how long the disk stays full,
# default 5), YISHI_BUILD_DIR (default build/).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${YISHI_BUILD_DIR:-$root/build}
yishi=$build/core/app/yishi
size_mb=${FULL_DISK_MB:-16}
full_seconds=${FULL_DISK_SECONDS:-5}
[[ -x "$yishi" ]] || { echo "full_disk.sh: build first ($yishi is missing)" >&2; exit 2; }
[[ $(id -u) == 0 ]] || { echo "full_disk.sh: needs root to mount a small file system" >&2; exit 2; }

work=$(mktemp -d)
disk=$work/disk
server=""
load=""
cleanup() {
  [[ -n "$load" ]] && kill "$load" 2>/dev/null || true
  [[ -n "$server" ]] && kill -9 "$server" 2>/dev/null || true
  wait 2>/dev/null || true
  mountpoint -q "$disk" && umount "$disk"
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$disk"
mount -t tmpfs -o "size=${size_mb}m" tmpfs "$disk"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port
now_ms() { date +%s%3N; }

"$yishi" serve --demo --port "$port" --data-dir "$disk/data" --www-dir "$work/no-www" \
  >"$work/server.out" 2>"$work/server.err" &
server=$!
for _ in $(seq 1 3000); do
  curl -s -o /dev/null --max-time 1 "$url/api/v1/health" && break
  sleep 0.01
done

token=$(curl -s -H 'Content-Type: application/json' \
  -d '{"login":"resident1","password":"demo-resident-2026","bearer":true}' "$url/api/v1/sessions" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
proposal=$(curl -s -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
  -d '{"kind":"problem","title":"磁盘满测试"}' "$url/api/v1/communities/1/proposals" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
# One write: "<status> <code>".
probe_write() {
  curl -s --max-time 10 -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
    -d '{"body":"探测"}' "$url/api/v1/proposals/$proposal/comments" |
    python3 -c 'import json,sys
b=json.load(sys.stdin)
print("201 -" if "error" not in b else "err " + b["error"]["code"])' 2>/dev/null || echo "none -"
}

python3 "$root/scripts/yishi_load.py" writes --url "$url" --acked "$work/acked.txt" --workers 4 --body-bytes 1500 \
  >"$work/load.out" 2>&1 &
load=$!
# Writes under way first, however busy the machine.
for _ in $(seq 1 300); do
  [[ -f "$work/acked.txt" ]] && (($(wc -l <"$work/acked.txt") >= 100)) && break
  sleep 0.1
done
before=$(wc -l <"$work/acked.txt")

# Fill the disk: the filler takes every block that is left.
dd if=/dev/zero of="$disk/filler" bs=64k 2>/dev/null || true
filled=$(now_ms)
echo "disk: ${size_mb} MB, full after $before acknowledged writes ($(df -k --output=avail "$disk" | tail -1 | tr -d ' ') KB left)"

refused=0
refused_full=0
other=""
reads_ok=0
reads=0
end=$((filled + full_seconds * 1000))
while (($(now_ms) < end)); do
  result=$(probe_write)
  case "$result" in
    "err storage.full") refused_full=$((refused_full + 1)); refused=$((refused + 1)) ;;
    "201 -") ;;  # a write that fit in what SQLite had already allocated
    *) refused=$((refused + 1)); other="$other ${result// /:}" ;;
  esac
  reads=$((reads + 1))
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url/api/v1/communities/1" || echo 000)
  [[ "$code" == 200 ]] && reads_ok=$((reads_ok + 1))
  sleep 0.2
done
status_full=$(curl -s -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
  -d '{"body":"满"}' -w ' %{http_code}' "$url/api/v1/proposals/$proposal/comments" | tail -c 4 | tr -d ' ')
echo "while full (${full_seconds} s): $refused_full writes answered 503 storage.full, other refusals:${other:- none};" \
  "a write now: HTTP $status_full; reads $reads_ok/$reads answered 200"

# Space returns.
rm -f "$disk/filler"
freed=$(now_ms)
recovered=""
for _ in $(seq 1 500); do
  if [[ $(probe_write) == "201 -" ]]; then recovered=$(($(now_ms) - freed)); break; fi
  sleep 0.02
done
sleep 2
kill "$load" 2>/dev/null || true
wait "$load" 2>/dev/null || true
load=""
kill -TERM "$server"
wait "$server" 2>/dev/null || true
server=""

verdict=0
summary=$(python3 "$root/scripts/yishi_load.py" verify --db "$disk/data/yishi.db" --acked "$work/acked.txt") ||
  verdict=1
echo "space freed: the first write succeeded after ${recovered:-never} ms"
echo "load: $(cat "$work/load.out")"
echo "after the run: $summary"
[[ "$status_full" == 503 && $refused_full -gt 0 ]] || { echo "full_disk.sh: writes were not refused with 503 storage.full" >&2; verdict=1; }
[[ -n "$recovered" ]] || { echo "full_disk.sh: the server did not take writes again" >&2; verdict=1; }
((reads_ok == reads)) || { echo "full_disk.sh: reads failed while the disk was full" >&2; verdict=1; }
((verdict == 0)) && echo "OK: 503 storage.full while full, recovered by itself, nothing acknowledged lost" ||
  echo "FAILED"
exit $verdict
