#!/usr/bin/env bash
# Formats every C++ file under core/ and tests/ with .clang-format, or, with
# --check, lists the files that differ from it and fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mapfile -t files < <(git ls-files 'core/*.cpp' 'core/*.h' 'tests/*.cpp' 'tests/*.h' 2>/dev/null ||
                     find core tests -name '*.cpp' -o -name '*.h')
if [[ "${1:-}" == "--check" ]]; then
  bad=()
  for f in "${files[@]}"; do
    if ! clang-format --dry-run -Werror "$f" >/dev/null 2>&1; then bad+=("$f"); fi
  done
  if [[ ${#bad[@]} -gt 0 ]]; then
    printf 'not formatted (scripts/format.sh fixes it): %s\n' "${bad[@]}"
    exit 1
  fi
  echo "format: ${#files[@]} files match .clang-format"
else
  clang-format -i "${files[@]}"
fi
