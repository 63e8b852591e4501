#!/usr/bin/env bash
# The Debian package: `cpack -G DEB` builds tracesim_<version>_<arch>.deb with its
# Depends, Maintainer and Description; unpacked (dpkg-deb -x), it holds the
# binary, a manual page per command, the completion, the scenarios with their
# case data and the docs, and the unpacked binary runs an installed scenario.
# As root with TRACESIM_DEB_INSTALL=1 (CI), the package is also installed with
# dpkg -i, `tracesim run` and `man tracesim-run` are used from the system, and
# the package is removed again; skipped if a tracesim package is already there.
# Usage: deb_test.sh BUILD_DIR VERSION WORK_DIR
set -u
build=$1 version=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
failures=0 pass=0
check() {  # description command...
  local what=$1; shift
  if "$@"; then pass=$((pass + 1)); else echo "FAIL: $what"; failures=$((failures + 1)); fi
}
quietly() { "$@" > /dev/null 2>&1; }
has() {  # file text
  grep -qF -- "$2" "$1" || { echo "  | $1 lacks '$2'"; return 1; }
}

if ! cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/pkg" > "$work/cpack.log" 2>&1; then
  echo "FAIL: cpack -G DEB"; sed 's/^/  | /' "$work/cpack.log" | tail -20
  exit 1
fi
deb="$work/pkg/tracesim_${version}_$(dpkg --print-architecture).deb"
check "the package is named tracesim_<version>_<arch>.deb" test -f "$deb"
[ -f "$deb" ] || { echo "deb: $pass passed, $failures failed"; exit 1; }

dpkg-deb -f "$deb" Package Version Architecture Maintainer Depends Description > "$work/control"
check "Package" has "$work/control" "Package: tracesim"
check "Version" has "$work/control" "Version: $version"
check "Maintainer" grep -qE "^Maintainer: .+ <.+@.+>" "$work/control"
check "Description" has "$work/control" "Description: Discrete-event simulation of contact-tracing call centres"
for lib in libboost-program-options libyaml-cpp libnlopt-cxx0 libstdc++6 libc6; do
  check "Depends names $lib (dpkg-shlibdeps)" bash -c "grep '^Depends:' '$work/control' | grep -qF '$lib'"
done

root="$work/root"
dpkg-deb -x "$deb" "$root"
dpkg-deb -c "$deb" | awk '{print $6}' > "$work/contents"
check "every file is under /usr" bash -c "! grep -v '^\./usr/' '$work/contents' | grep -v '^\./$'"
tracesim="$root/usr/bin/tracesim"
for f in usr/bin/tracesim usr/share/bash-completion/completions/tracesim \
         usr/share/tracesim/scenarios/occitanie-2021.yaml usr/share/tracesim/data/cases/occitanie-76.csv \
         usr/share/doc/tracesim/README.md usr/share/doc/tracesim/docs/cli.md usr/share/man/man1/tracesim.1.gz; do
  check "the package holds /$f" test -s "$root/$f"
done
# A page per command of `tracesim --help`, and no other.
"$tracesim" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p' | sort > "$work/commands"
check "tracesim --help lists its commands" test "$(wc -l < "$work/commands")" -ge 9
(cd "$root/usr/share/man/man1" && ls tracesim-*.1.gz | sed 's/^tracesim-\(.*\)\.1\.gz$/\1/' | sort) > "$work/pages"
check "one manual page per command" cmp -s "$work/commands" "$work/pages"

# The unpacked binary, on the installed scenario and case data.
"$tracesim" --version > "$work/version.txt"
check "--version names the version and the commit" grep -qE "^tracesim $version \(commit [0-9a-z.+-]+\)$" "$work/version.txt"
share="$root/usr/share/tracesim"
"$tracesim" run "$share/scenarios/occitanie-2021.yaml" -r 1 -q --cases "$share/data/cases/occitanie-76.csv" \
  --out "$work/run" > "$work/run.log" 2>&1
check "tracesim run on the installed scenario (exit $?)" test -s "$work/run/summary.json"
for s in "$share"/scenarios/*.yaml; do
  check "tracesim check $(basename "$s") as installed" quietly "$tracesim" check "$s"
done

# The manual pages render (man -l reads a page file).
if command -v man > /dev/null; then
  MANWIDTH=100 MANPAGER=cat man -l "$root/usr/share/man/man1/tracesim-run.1.gz" > "$work/run.man" 2> "$work/man.err"
  check "man -l tracesim-run.1.gz renders" has "$work/run.man" "tracesim-run - simulate a scenario over several replications"
  check "its synopsis" has "$work/run.man" "tracesim run FILE [options]"
  check "its options" has "$work/run.man" "--replications"
  check "its examples, one a line" has "$work/run.man" "tracesim run scenarios/occitanie-2021.yaml --cases data/cases/occitanie-76.csv"
  MANWIDTH=100 MANPAGER=cat man -l "$root/usr/share/man/man1/tracesim.1.gz" > "$work/tracesim.man" 2>> "$work/man.err"
  check "man tracesim names SLURM_CPUS_PER_TASK" has "$work/tracesim.man" "SLURM_CPUS_PER_TASK"
  check "man tracesim points to the command pages" has "$work/tracesim.man" "tracesim-run(1)"
else
  echo "note: no man here; the pages are only checked to exist"
fi

# Installed for real (root, CI): dpkg -i, run from PATH, man by name, dpkg -r.
if [ "${TRACESIM_DEB_INSTALL:-0}" = 1 ] && [ "$(id -u)" = 0 ]; then
  if dpkg -s tracesim > /dev/null 2>&1; then
    echo "note: a tracesim package is already installed; dpkg -i is not tried"
  else
    trap 'dpkg -r tracesim > /dev/null 2>&1' EXIT
    if dpkg -i "$deb" > "$work/dpkg.log" 2>&1; then
      pass=$((pass + 1))
      /usr/bin/tracesim run /usr/share/tracesim/scenarios/occitanie-2021.yaml -r 1 -q --out "$work/installed" \
        > "$work/installed.log" 2>&1
      check "tracesim run from the installed package" test -s "$work/installed/summary.json"
      check "man -w tracesim-run finds the installed page" test "$(man -w tracesim-run 2> /dev/null)" = \
        /usr/share/man/man1/tracesim-run.1.gz
      MANPAGER=cat man tracesim-run > "$work/installed.man" 2>&1
      check "man tracesim-run shows the page" has "$work/installed.man" "tracesim run FILE [options]"
      dpkg -r tracesim > "$work/dpkg-r.log" 2>&1
      check "dpkg -r removes it" test ! -e /usr/bin/tracesim
    else
      echo "FAIL: dpkg -i"; sed 's/^/  | /' "$work/dpkg.log" | tail -10; failures=$((failures + 1))
    fi
    trap - EXIT
  fi
else
  echo "note: the package was unpacked, not installed (dpkg -i needs root and TRACESIM_DEB_INSTALL=1)"
fi

echo "deb: $pass passed, $failures failed"
[ "$failures" -eq 0 ]
