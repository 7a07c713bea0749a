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
(cd "$root/www" && node --test test/unit/)
node "$root/www/test/e2e.mjs" --yishi "$build/core/app/yishi" --www "$build/www" --shots "$build/www-screenshots"
