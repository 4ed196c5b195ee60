#!/bin/sh
# Batch benchmark (target: 100,000 free-text cases to JSON Lines in under
# one second on one core), against the floor of only reading the input and
# scanning it for lexicon phrases (bench/scan_baseline.cpp).
# Usage: bench/batch.sh [N]   (needs python3 for the generator; hyperfine
# and valgrind, when installed, add the mean of ten runs and instructions)
set -eu
cd "$(dirname "$0")/.."
N=${1:-100000}
CASES=/tmp/tsunagu-bench-$N.txt
[ -f "$CASES" ] || bench/gen_cases.py "$N" > "$CASES"
cmake --build build --target tsunagu scan_baseline >/dev/null
echo "input: $N cases, $(wc -c < "$CASES") bytes"
echo "scan only (read + normalise + lexicon):"
taskset -c 0 build/bench/scan_baseline "$CASES"
echo "tsunagu batch -f jsonl, one core:"
if command -v hyperfine >/dev/null; then
  # Ten runs: this shared VM's wall times move by tens of percent from run
  # to run, so the mean and the range say more than one run.
  hyperfine -N --warmup 1 --runs 10 "taskset -c 0 build/tsunagu batch $CASES" | grep -E "Time|Range"
fi
/usr/bin/time -f "  one run: %e s wall, %U s user, %M KB max RSS" taskset -c 0 build/tsunagu batch "$CASES" >/dev/null 2>/tmp/tsunagu-bench-time
tail -1 /tmp/tsunagu-bench-time
echo "tsunagu batch -f jsonl --jobs 2:"
/usr/bin/time -f "  %e s wall" build/tsunagu batch --jobs 2 "$CASES" 2>&1 >/dev/null | tail -1
if command -v valgrind >/dev/null; then
  head -2000 "$CASES" > /tmp/tsunagu-bench-2k.txt
  n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null build/tsunagu batch /tmp/tsunagu-bench-2k.txt 2>&1 >/dev/null | sed -n 's/.*Collected : //p')
  echo "instructions per case (callgrind, 2000 cases): $((n / 2000))"
fi
