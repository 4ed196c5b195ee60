#!/bin/sh
# Start-up benchmark for one query as a whole process (issue: core speed).
#   targets: embedded default within 2.5x of `tsunagu --version` (MeCab is loaded);
#            with --data/--rules pointing at the YAML files, under 15 ms.
# Usage: bench/startup.sh [path/to/tsunagu]   (needs hyperfine; valgrind optional)
# Wall times are noisy on shared machines; the callgrind instruction counts
# are repeatable and are the figures to compare across changes.
set -eu
cd "$(dirname "$0")/.."
BIN=${1:-build/tsunagu}
Q="親が80代、息子は無職、生活が苦しい"
command -v hyperfine >/dev/null || { echo "install hyperfine (apt-get install hyperfine)" >&2; exit 2; }
# --data/--rules runs use a compiled cache keyed by the files' content:
# warm it in a private directory, then time the cached and uncached runs.
TSUNAGU_CACHE_DIR=$(mktemp -d) && export TSUNAGU_CACHE_DIR
trap 'rm -rf "$TSUNAGU_CACHE_DIR"' EXIT
hyperfine -N --warmup 20 --runs 300 --export-markdown /tmp/tsunagu-startup.md \
  "$BIN --version" \
  "$BIN $Q" \
  "$BIN --data data --rules rules $Q"
cat /tmp/tsunagu-startup.md
echo
echo "with --data/--rules and no cache (the first run after an edit):"
TSUNAGU_CACHE=off hyperfine -N --warmup 5 --runs 50 "$BIN --data data --rules rules $Q" | grep -E "Time|Range"
if command -v valgrind >/dev/null; then
  echo
  echo "instructions (callgrind, whole process):"
  for args in "--version" "$Q" "--data data --rules rules $Q"; do
    # shellcheck disable=SC2086
    n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null $BIN $args 2>&1 >/dev/null |
        sed -n 's/.*Collected : //p')
    printf '  %-40s %s\n' "$args" "$n"
  done
  # shellcheck disable=SC2086
  n=$(TSUNAGU_CACHE=off valgrind --tool=callgrind --callgrind-out-file=/dev/null $BIN --data data --rules rules $Q 2>&1 >/dev/null |
      sed -n 's/.*Collected : //p')
  printf '  %-40s %s\n' "(no cache) --data data --rules rules ..." "$n"
fi
