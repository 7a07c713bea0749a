#!/usr/bin/env bash
# Configures and builds yishi into build/ (or $YISHI_BUILD_DIR), and the web
# UI into build/www (npm ci first when www/node_modules is missing or older
# than the lock file). Extra arguments go to cmake, e.g. -DYISHI_SANITIZE=ON.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${YISHI_BUILD_DIR:-$root/build}
# Optimized as RelWithDebInfo (-O2) but without debug information, which was
# a third of the compile time of the CI's 15 minutes; pass
# -DCMAKE_BUILD_TYPE=RelWithDebInfo to have it.
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
      -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" -DYISHI_WERROR=ON "$@" >/dev/null
cmake --build "$build" -j "$(nproc)"

if [[ ! -f "$root/www/node_modules/.package-lock.json" ||
      "$root/www/package-lock.json" -nt "$root/www/node_modules/.package-lock.json" ]]; then
  (cd "$root/www" && npm ci --no-audit --no-fund --loglevel=error)
fi
node "$root/www/build.mjs" --out "$build/www"
