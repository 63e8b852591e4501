#!/usr/bin/env bash
# tracesim --version names the commit it was built from: `git describe --always
# --dirty` of the source when it is a git checkout, else "unknown"; the header
# that carries it is rewritten only when the text changes (no rebuild loop).
# Usage: version_test.sh TRACESIM_BINARY SOURCE_DIR WORK_DIR
set -u
bin=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work/not-a-checkout"
failures=0 pass=0
check() {  # description command...
  local what=$1; shift
  if "$@"; then pass=$((pass + 1)); else echo "FAIL: $what"; failures=$((failures + 1)); fi
}
git=$(command -v git || true)
header() {  # source-dir output: runs the script the build runs
  cmake -DSOURCE_DIR="$1" -DOUTPUT="$2" -DGIT="$git" -P "$src/cmake/GitCommit.cmake"
}

"$bin" --version > "$work/version.txt"
check "--version: 'tracesim VERSION (commit C)'" \
  grep -qE '^tracesim [0-9]+\.[0-9]+\.[0-9]+ \(commit ([0-9a-f]+(-dirty)?|[A-Za-z0-9._+-]+-g[0-9a-f]+(-dirty)?|unknown)\)$' \
  "$work/version.txt"

header "$work/not-a-checkout" "$work/unknown.hpp"
check "outside a git checkout: unknown" grep -qxF '#define TRACESIM_GIT_COMMIT "unknown"' "$work/unknown.hpp"

if [ -n "$git" ] && [ -e "$src/.git" ] && want=$(git -C "$src" describe --always --dirty --abbrev=12 2> /dev/null); then
  header "$src" "$work/commit.hpp"
  check "in the checkout: git describe ($want)" grep -qxF "#define TRACESIM_GIT_COMMIT \"$want\"" "$work/commit.hpp"
  touch -d '2000-01-01' "$work/commit.hpp"
  header "$src" "$work/commit.hpp"
  check "unchanged commit: the header is not rewritten" test "$(stat -c %Y "$work/commit.hpp")" = "$(date -d 2000-01-01 +%s)"
fi

echo "version: $pass passed, $failures failed"
[ "$failures" -eq 0 ]
