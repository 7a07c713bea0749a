#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: ctest (C++), the web
# UI's unit tests (node --test) and its end-to-end run in headless Chromium
# against a real `yishi serve --demo` (screenshots in build/www-screenshots).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
build=${YISHI_BUILD_DIR:-$root/build}
(cd "$build" && ctest --output-on-failure -j 2)
# The libFuzzer harnesses (tests/fuzz), each for a short run (10 s), in a
# build of their own (clang; every target there is instrumented), where only
# the fuzz targets and what they link are built.
if command -v clang++ >/dev/null; then
  fuzz_build=${YISHI_BUILD_DIR:+$YISHI_BUILD_DIR-fuzz}
  fuzz_build=${fuzz_build:-$root/build/fuzz}
  cmake -S "$root" -B "$fuzz_build" -G Ninja -DYISHI_FUZZ=ON -DYISHI_BUILD_TESTS=OFF -DYISHI_BUILD_BENCHMARKS=OFF \
        -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$fuzz_build" -j "$(nproc)" --target fuzz
  (cd "$fuzz_build" && ctest -L fuzz --output-on-failure -j 2)
fi
(cd "$root/www" && node --test test/unit/)
node "$root/www/test/e2e.mjs" --yishi "$build/core/app/yishi" --www "$build/www" --shots "$build/www-screenshots"
