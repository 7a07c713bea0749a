#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: ctest (C++), the web
# UI's unit tests (node --test) and its end-to-end run in headless Chromium
# against a real `yishi serve --demo` (screenshots in build/www-screenshots).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
# The benchmarks (tests/bench) are not tests: scripts/bench.sh builds them.
"$root/scripts/build.sh" -DYISHI_BUILD_BENCHMARKS=OFF
build=${YISHI_BUILD_DIR:-$root/build}
(cd "$build" && ctest --output-on-failure -j 2)
# The libFuzzer harnesses (tests/fuzz), each for a short run (5 s), in a
# build of their own (clang; every target there is instrumented), where only
# the fuzz targets and what they link are built, at -O1 with line tables
# only (what a crash report needs, cheaper to compile than -O2 -g).
if command -v clang++ >/dev/null; then
  fuzz_build=${YISHI_BUILD_DIR:+$YISHI_BUILD_DIR-fuzz}
  fuzz_build=${fuzz_build:-$root/build/fuzz}
  cmake -S "$root" -B "$fuzz_build" -G Ninja -DYISHI_FUZZ=ON -DYISHI_BUILD_TESTS=OFF -DYISHI_BUILD_BENCHMARKS=OFF \
        -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_CXX_FLAGS_RELEASE="-O1 -gline-tables-only" -DCMAKE_C_FLAGS_RELEASE="-O1 -gline-tables-only" \
        -DYISHI_FUZZ_SECONDS=5 >/dev/null
  cmake --build "$fuzz_build" -j "$(nproc)" --target fuzz
  (cd "$fuzz_build" && ctest -L fuzz --output-on-failure -j 2)
fi
(cd "$root/www" && node --test test/unit/)
node "$root/www/test/e2e.mjs" --yishi "$build/core/app/yishi" --www "$build/www" --shots "$build/www-screenshots"
