#!/bin/sh
# Scale benchmark (issue 16): 1x, 10x and 100x rule books, side by side in
# one run, one line per size:
#   scale Kx: warm_query=R× cold_query_ms=M per_case=P× check_s=S check_broken_s=B warm_rss_mb=X
#   warm_query  instructions of one query with a warm cache ÷ `--version`
#   cold_query  wall ms of that query with no cache (the first run after an edit)
#   per_case    batch instructions per case ÷ the same at 1x
#   check_s / check_broken_s  wall s of `check`, and of `check` with a lexicon
#               that cannot be read (a syntax error at its end)
#   warm_rss_mb peak RSS of the warm query
# and, at 1x, one line per text shape and size (100 B to 64 KB):
#   text SHAPE BYTES: per_text=T× typical_100B, U× typical of this size
# (instructions of that one case, less those of a batch of one word, ÷ the
# same for a typical 100-byte case and for typical text of the same size).
# Goals (README "Scale"): warm query at 100x within 3x `--version`; cold
# query at 10x under 150 ms; per_case at 100x within 2x; a 60 KB
# worst-shape case under 10x a typical case; check at 100x under 1 s, with
# or without a broken file; warm RSS at 100x under 64 MB.
# Usage: bench/scale.sh [path/to/tsunagu] [sizes, default "1 10 100"]
# Needs python3, valgrind (instructions: this shared VM's wall times move
# by tens of percent) and GNU time (/usr/bin/time -v). The generated books
# live in a temporary directory, removed at the end.
set -eu
cd "$(dirname "$0")/.."
BIN=$(realpath "${1:-build/tsunagu}")
SIZES=${2:-1 10 100}
Q="親が80代、息子は無職、生活が苦しい"
command -v valgrind >/dev/null || { echo "install valgrind (apt-get install valgrind)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "install GNU time (apt-get install time)" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
TSUNAGU_CACHE_DIR=$WORK/cache && export TSUNAGU_CACHE_DIR
N=1000   # batch cases for per_case

# Instructions of one whole process (callgrind).
instr() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | sed -n 's/.*Collected : //p'
}
# Fastest wall time of R runs, in ms.
wall_ms() {
  r=$1; shift; best=
  for _ in $(seq "$r"); do
    t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000000 ))
    [ -z "$best" ] || [ "$ms" -lt "$best" ] && best=$ms
  done
  echo "$best"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

VERSION=$(instr "$BIN" --version)
base_case=
for k in $SIZES; do
  D=$WORK/k$k
  bench/gen_scale.py rules "$k" "$D"
  bench/gen_scale.py cases "$k" "$N" > "$D/cases.txt"
  head -1 "$D/cases.txt" > "$D/one.txt"
  # A settled rule book, as on a desk: files older than the racy window
  # are known by their stamps (src/file_stamps.h), not read again.
  sleep 6
  A="--data $D/data --rules $D/rules"
  # shellcheck disable=SC2086
  "$BIN" $A "$Q" >/dev/null  # warm the cache
  # shellcheck disable=SC2086
  warm=$(instr "$BIN" $A "$Q")
  # shellcheck disable=SC2086
  cold=$(TSUNAGU_CACHE=off wall_ms 3 "$BIN" $A "$Q")
  # shellcheck disable=SC2086
  b1=$(instr "$BIN" $A batch "$D/one.txt")
  # shellcheck disable=SC2086
  bn=$(instr "$BIN" $A batch "$D/cases.txt")
  per_case=$(( (bn - b1) / (N - 1) ))
  [ -n "$base_case" ] || base_case=$per_case
  # shellcheck disable=SC2086
  check=$(wall_ms 2 "$BIN" $A check)
  cp -r "$D/rules" "$D/broken"
  printf '\n  - id: [broken\n' >> "$D/broken/lexicon.yaml"
  # shellcheck disable=SC2086
  broken=$(wall_ms 1 "$BIN" --data "$D/data" --rules "$D/broken" check)
  # shellcheck disable=SC2086
  rss=$(/usr/bin/time -f %M "$BIN" $A "$Q" 2>&1 >/dev/null | tail -1)
  echo "scale ${k}x: warm_query=$(ratio "$warm" "$VERSION")× cold_query_ms=$cold" \
    "per_case=$(ratio "$per_case" "$base_case")× check_s=$(ratio "$check" 1000)" \
    "check_broken_s=$(ratio "$broken" 1000) warm_rss_mb=$(ratio "$rss" 1024)"
  echo "  (instructions: --version $VERSION, warm query $warm, per case $per_case)" >&2
done

# Texts, at 1x: each case alone in a batch, less a batch of one short word.
D=$WORK/k1; [ -d "$D" ] || bench/gen_scale.py rules 1 "$D"
A="--data $D/data --rules $D/rules"
echo x > "$WORK/x.txt"
# shellcheck disable=SC2086
floor=$(instr "$BIN" $A batch "$WORK/x.txt")
for bytes in 100 1024 16384 65536; do
  bench/gen_scale.py text typical "$bytes" > "$WORK/t.txt"
  # shellcheck disable=SC2086
  eval "typical_$bytes=$(( $(instr "$BIN" $A batch "$WORK/t.txt") - floor ))"
done
for shape in typical subjects unknown; do
  for bytes in 100 1024 16384 65536; do
    bench/gen_scale.py text "$shape" "$bytes" > "$WORK/t.txt"
    # shellcheck disable=SC2086
    n=$(( $(instr "$BIN" $A batch "$WORK/t.txt") - floor ))
    same=$(eval echo "\$typical_$bytes")
    echo "text $shape $bytes: per_text=$(ratio "$n" "$typical_100")× typical_100B, $(ratio "$n" "$same")× typical of this size"
  done
done
