#!/bin/sh
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for
# FUZZ_SECONDS (default 60) on a copy of its seed corpus (fuzz/corpus/*,
# made from tests/cases and the shipped data/rules; for the cache reader,
# real and crafted cache files written by tools/craft_cache at run time;
# for query and batch, also the worst text shapes of issue 16, up to 64 KB,
# written by fuzz/worst_shapes.py at run time).
# A crash leaves its input in build-fuzz/crashes/ and makes this script
# fail: turn it into a regression test before fixing it (a
# tests/malformed/ input with its expected message, a doctest case, or a
# tools/craft_cache case).
# Long run: FUZZ_SECONDS=3600 fuzz/run.sh
set -eu
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-60}
command -v clang++ >/dev/null || { echo "fuzz/run.sh: clang++ is needed (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
CXX=clang++ cmake -S . -B build-fuzz -DTSUNAGU_FUZZ=ON -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ASAN_OPTIONS=detect_leaks=0 cmake --build build-fuzz -j"$(nproc)" --target query_fuzzer loader_fuzzer batch_fuzzer cache_fuzzer craft_cache
mkdir -p build-fuzz/crashes
status=0
for target in query loader batch cache; do
  work=build-fuzz/corpus-$target
  rm -rf "$work"
  max_len=8192
  if [ $target = cache ]; then
    # Cache files are ~1 MB: the real one, a small real one, and crafted ones.
    mkdir "$work"
    ASAN_OPTIONS=detect_leaks=0 build-fuzz/craft_cache data rules "$work" >/dev/null
    max_len=2000000
  else
    cp -r fuzz/corpus/$target "$work"
    if [ $target = query ] || [ $target = batch ]; then
      # The worst shapes (64 KB of subject words and ages, unknown words,
      # runs, nesting, clauses): read whole, so max_len covers them.
      python3 fuzz/worst_shapes.py $target "$work"
      max_len=66000
    fi
  fi
  echo "fuzzing $target for ${SECONDS_EACH}s"
  if ! build-fuzz/fuzz/${target}_fuzzer -max_total_time="$SECONDS_EACH" -max_len=$max_len -timeout=10 \
       -artifact_prefix=build-fuzz/crashes/$target- -print_final_stats=1 "$work" >build-fuzz/$target.log 2>&1; then
    echo "fuzz/run.sh: $target found a crash; see build-fuzz/$target.log and build-fuzz/crashes/" >&2
    tail -30 build-fuzz/$target.log >&2
    status=1
  fi
  grep -E "^stat::number_of_executed_units|^Done" build-fuzz/$target.log || true
done
exit $status
