#!/usr/bin/env bash
# Configures and builds yishi into build/ (or $YISHI_BUILD_DIR). Extra
# arguments go to cmake, e.g. -DYISHI_SANITIZE=ON.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${YISHI_BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DYISHI_WERROR=ON "$@" >/dev/null
cmake --build "$build" -j "$(nproc)"
