#!/usr/bin/env bash
# Installs, with apt-get, only the Debian packages yishi needs that are missing.
# Idempotent: a second run installs nothing. With --bench it also installs
# what scripts/bench.sh drives (wrk, nginx, slowhttptest). The web UI needs
# node and npm (Debian's, when no node is on the PATH) to build, and Chromium
# with a CJK font for its end-to-end tests and screenshots.
set -euo pipefail

# clang: the thread_safety test runs its -Wthread-safety analysis, and with
# libclang-rt-dev (libFuzzer and the sanitizers' runtimes, only recommended
# by clang) builds the fuzz harnesses that scripts/test.sh runs;
# clang-format: the format test holds the tree to .clang-format; openssl:
# the notification tests make their TLS certificates with its command line.
packages=(build-essential cmake ninja-build pkg-config clang libclang-rt-dev clang-format
          libpoco-dev libsqlitecpp-dev libsodium-dev liblua5.4-dev libboost-test-dev libgmp-dev openssl)
packages+=(chromium fonts-noto-cjk)
# A node from elsewhere (nodesource, nvm) is used as it is.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(wrk nginx-light slowhttptest curl)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
