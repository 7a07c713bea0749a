#!/usr/bin/env bash
# Installs what is missing, builds, and serves the demo district (the API and
# the web UI, one process) from ./data
# on http://127.0.0.1:8080 (see README.md for the logins). Extra arguments go
# to `yishi serve`, e.g. --port 9090.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
exec "${YISHI_BUILD_DIR:-$root/build}/core/app/yishi" serve --demo --data-dir "$root/data" "$@"
