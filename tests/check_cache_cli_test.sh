#!/bin/sh
# Command-line tests of the stored `check` results (src/check_cache.h): a
# check of files unchanged since a check of them replays its standard
# output, standard error and exit status byte for byte; anything that
# changes the output (a byte of a file, the language, the format, colour,
# --stale, the year, the binary) checks again; a result that is damaged,
# crafted into an untrusted place or a link is never replayed; and
# TSUNAGU_CACHE=off neither reads nor writes. "want" is always the output
# of TSUNAGU_CACHE=off.
# Usage: sh tests/check_cache_cli_test.sh PATH_TO_TSUNAGU PATH_TO_CRAFT_CACHE REPO_ROOT
set -u
TEST=check_cache_cli_test
. "$(dirname "$0")/lib.sh"
unset TSUNAGU_CACHE 2>/dev/null || true

need_args 3 "PATH_TO_TSUNAGU PATH_TO_CRAFT_CACHE REPO_ROOT" $#
T=$1
CRAFT=$2
ROOT=$3
need_exe "$T" "$CRAFT"
CACHE=$TSUNAGU_CACHE_DIR

chmod 755 "$WORK"  # the other user (nobody) must reach its cache below
# Three books: the shipped files (clean), with findings (an unknown agency
# and fact: errors), and broken (lexicon.yaml ends in a YAML syntax error).
for book in clean findings broken edit; do
  mkdir "$WORK/$book"
  cp -r "$ROOT/data" "$ROOT/rules" "$WORK/$book/"
done
sed -i '0,/agency: houkatsu/s/agency: houkatsu/agency: houkatu/' "$WORK/findings/rules/routing.yaml"
sed -i '0,/any: \[family-group\]/s/any: \[family-group\]/any: [family-grop]/' "$WORK/findings/rules/routing.yaml"
printf '\n  - id: [broken\n' >>"$WORK/broken/rules/lexicon.yaml"

check_run() {  # check_run BOOK ARGS...: a check of BOOK; stdout, stderr, $RC
  book=$1
  shift
  timeout 60 "$T" --data "$WORK/$book/data" --rules "$WORK/$book/rules" check "$@" >"$WORK/out" 2>"$WORK/err"
  RC=$?
}
want() {  # want BOOK ARGS...: the same with TSUNAGU_CACHE=off, as want.out, want.err, $WANT_RC
  TSUNAGU_CACHE=off check_run "$@"
  cp "$WORK/out" "$WORK/want.out"
  cp "$WORK/err" "$WORK/want.err"
  WANT_RC=$RC
}
same() {  # same WHAT: the last run printed and exited as want
  [ "$RC" -eq "$WANT_RC" ] || fail "$1: exit $RC, expected $WANT_RC"
  cmp -s "$WORK/out" "$WORK/want.out" || fail "$1: stdout differs from TSUNAGU_CACHE=off"
  cmp -s "$WORK/err" "$WORK/want.err" || fail "$1: stderr differs from TSUNAGU_CACHE=off"
  pass
}
results() { find "$CACHE" -name '*.check' 2>/dev/null | wc -l; }  # stored results
stored() { find "$CACHE" -name '*.check' | head -n 1; }
fresh_cache() {
  chmod -R u+w "$CACHE" 2>/dev/null
  rm -rf "$CACHE"
  mkdir -m 700 "$CACHE"
}
expect_results() {  # expect_results N WHAT
  [ "$(results)" -eq "$1" ] || fail "$2: $(results) stored results, expected $1"
  pass
}

# ------------------------------------------------------------ replayed

# Each book, language and format: the first run stores, the second replays
# (the stored file is not written again: same inode) the same bytes.
for book in clean findings broken; do
  for lang in ja en; do
    for format in text json; do
      what="$book --lang $lang -f $format"
      want "$book" --lang "$lang" -f "$format"
      case $book in clean) [ "$WANT_RC" -eq 0 ] ;; *) [ "$WANT_RC" -eq 4 ] ;; esac || fail "$what: exit $WANT_RC"
      fresh_cache
      check_run "$book" --lang "$lang" -f "$format"
      same "$what, first run"
      expect_results 1 "$what, first run"
      FILE=$(stored)
      [ "$(stat -c %a "$FILE")" = 600 ] || fail "$what: the stored result's mode is not 0600"
      INODE=$(stat -c %i "$FILE")
      check_run "$book" --lang "$lang" -f "$format"
      same "$what, replayed"
      [ "$(stat -c %i "$FILE")" = "$INODE" ] || fail "$what: checked again and rewritten, not replayed"
      expect_results 1 "$what, replayed"
    done
  done
done

# The built-in files: a check with the built-in data and rules, and with
# --rules only (built-in data), each replayed.
fresh_cache
for args in "" "--rules $WORK/clean/rules"; do
  # shellcheck disable=SC2086
  TSUNAGU_CACHE=off timeout 60 "$T" $args check >"$WORK/want.out" 2>"$WORK/want.err"
  WANT_RC=$?
  for run in first replayed; do
    # shellcheck disable=SC2086
    run timeout 60 "$T" $args check
    same "built-in files ($args), $run"
  done
done
expect_results 2 "built-in files"

# Standard error: a warning about the compiled model's cache is given on a
# replay too (it is about the cache now, not stored).
fresh_cache
timeout 60 "$T" --data "$WORK/clean/data" --rules "$WORK/clean/rules" "親が80代" >/dev/null 2>&1
MODEL=$(find "$CACHE" -name '*.bin')
[ -n "$MODEL" ] || fail "the query wrote no compiled model"
chmod 620 "$MODEL"
want clean
printf '%s\n' "tsunagu: キャッシュファイル $MODEL を使いません: ほかの人も書き込める（モード 0620）。次の query で作り直されます" \
  >"$WORK/want.err"
for run in first replayed; do
  check_run clean
  same "a warning about the compiled model, $run"
done
expect_results 1 "a warning about the compiled model"

# ------------------------------------------------------------ checked again

# One byte of any file changed (its last, same size): checked again.
fresh_cache
check_run edit
n=1
for file in data/agencies.yaml data/crisis.yaml data/holidays.yaml rules/lexicon.yaml rules/routing.yaml \
  rules/alerts.yaml; do
  size=$(stat -c %s "$WORK/edit/$file")
  printf '#' | dd of="$WORK/edit/$file" bs=1 seek=$((size - 1)) conv=notrunc 2>/dev/null
  [ "$(stat -c %s "$WORK/edit/$file")" -eq "$size" ] || fail "$file: the edit changed its size"
  want edit
  check_run edit
  same "one byte of $file changed"
  n=$((n + 1))
  expect_results "$n" "one byte of $file changed"
done

# Another language, format, colour, --stale or year: its own output, never
# the other's.
options_differ() {  # options_differ WHAT "ARGS A" "ARGS B"
  fresh_cache
  for args in "$2" "$3"; do
    # shellcheck disable=SC2086
    want clean $args
    # shellcheck disable=SC2086
    check_run clean $args
    same "$1 ($args)"
  done
  expect_results 2 "$1"
}
options_differ "the language" "--lang ja" "--lang en"
options_differ "the format" "-f text" "-f json"
options_differ "colour" "--color never" "--color always"
options_differ "--stale" "" "--stale 30"
options_differ "--stale DAYS" "--stale 30" "--stale 3000"
options_differ "--stale, another day" "--stale 30 --at 2026-06-01T10:00+09:00" "--stale 30 --at 2026-06-02T10:00+09:00"
options_differ "the year" "--at 2026-06-01T10:00+09:00" "--at 2099-06-01T10:00+09:00"
grep -q "2099" "$WORK/out" || fail "the year: 2099 is not in the holiday warning"
# The same day at another hour: the same output, replayed.
fresh_cache
check_run clean --stale 30 --at 2026-06-01T10:00+09:00
check_run clean --stale 30 --at 2026-06-01T17:00+09:00
expect_results 1 "--stale, the same day"
# The language from the environment, as from --lang.
fresh_cache
want clean --lang en
check_run clean
TSUNAGU_LANG=en check_run clean
same "TSUNAGU_LANG=en after Japanese"
expect_results 2 "TSUNAGU_LANG"

# Another build of tsunagu (its build-id changed) never replays this one's.
if command -v readelf >/dev/null 2>&1 &&
  OFF=$(readelf -W -S "$T" | sed -n 's/.*\.note\.gnu\.build-id *NOTE *[0-9a-f]* *\([0-9a-f]*\).*/\1/p') &&
  [ -n "$OFF" ]; then
  cp "$T" "$WORK/rebuilt"
  # The note: name size, descriptor size, type, "GNU\0", then the id.
  printf 'TEST' | dd of="$WORK/rebuilt" bs=1 seek=$((0x$OFF + 16)) conv=notrunc 2>/dev/null
  [ "$(readelf -n "$T" | grep 'Build ID')" != "$(readelf -n "$WORK/rebuilt" | grep 'Build ID')" ] ||
    fail "the build-id was not changed"
  fresh_cache
  want clean
  check_run clean
  T=$WORK/rebuilt
  check_run clean
  same "another build"
  expect_results 2 "another build"
  check_run clean
  same "another build, replayed"
  expect_results 2 "another build, replayed"
  T=$1
else
  echo "$TEST: no readelf or no build-id: skipping another build"
fi

# ------------------------------------------------------------ crafted, damaged, untrusted

# The key of a clean check, and a result crafted for it: replayed from a
# trusted file, with its exit status.
fresh_cache
want clean
check_run clean
FILE=$(stored)
KEY=$(basename "$FILE" .check)
"$CRAFT" --check-result "$KEY" 3 "crafted output
" >"$WORK/crafted.check" || fail "craft_cache --check-result failed"
cp "$WORK/crafted.check" "$WORK/crafted.orig"
cp "$WORK/crafted.check" "$FILE"
check_run clean
[ "$RC" -eq 3 ] && [ "$(cat "$WORK/out")" = "crafted output" ] || fail "a crafted result in a trusted file: not replayed"
pass

not_replayed() {  # not_replayed WHAT: $FILE is set up; the real output, and a good result stored in its place
  check_run clean
  same "$1"
  [ -f "$FILE" ] && [ ! -L "$FILE" ] || fail "$1: not replaced by a regular file"
  [ "$(stat -c %a "$FILE")" = 600 ] || fail "$1: the new result's mode is not 0600"
  check_run clean
  same "$1, then replayed"
}
damaged() {  # damaged WHAT: $WORK/damaged.check is put at $FILE
  fresh_cache
  cp "$WORK/damaged.check" "$FILE"
  not_replayed "$1"
}
size=$(stat -c %s "$WORK/crafted.check")
head -c $((size - 1)) "$WORK/crafted.check" >"$WORK/damaged.check"
damaged "a result short of its last byte"
head -c 20 "$WORK/crafted.check" >"$WORK/damaged.check"
damaged "a result cut to 20 bytes"
: >"$WORK/damaged.check"
damaged "an empty result"
sed 's/crafted output/crafted outpuT/' "$WORK/crafted.check" >"$WORK/damaged.check"
damaged "a result with a changed byte (checksum mismatch)"
cp "$WORK/crafted.check" "$WORK/damaged.check"
printf 'x' >>"$WORK/damaged.check"
damaged "a result with a byte more"
"$CRAFT" --check-result 0123456789abcdef0123456789abcdef 3 "crafted output
" >"$WORK/damaged.check"
damaged "a result made for another key"

fresh_cache
cp "$WORK/crafted.check" "$FILE"
chmod 620 "$FILE"
not_replayed "a group-writable result file"

fresh_cache
ln -s "$WORK/crafted.check" "$FILE"
not_replayed "a symbolic link to a result"
cmp -s "$WORK/crafted.check" "$WORK/crafted.orig" || fail "the link's target was written to"
pass

fresh_cache
mkfifo "$FILE"
not_replayed "a FIFO at the result's path"

fresh_cache
truncate -s 65M "$FILE"
not_replayed "a 65 MiB result file"

# An untrusted directory: not read, not written, and the one warning.
fresh_cache
cp "$WORK/crafted.check" "$FILE"
chmod 770 "$CACHE"
want clean
printf '%s\n' "tsunagu: キャッシュのディレクトリ $CACHE を使いません: ほかの人も書き込める（モード 0770）。削除するか、TSUNAGU_CACHE_DIR に自分だけが書き込める自分のディレクトリを設定してください" \
  >"$WORK/want.err"
check_run clean
same "a result in a group-writable directory"
[ "$(ls -A "$CACHE")" = "$KEY.check" ] && cmp -s "$FILE" "$WORK/crafted.check" ||
  fail "a group-writable directory: written to"
pass
rm "$FILE"
check_run clean
same "a group-writable directory, empty"
[ -z "$(ls -A "$CACHE")" ] || fail "a group-writable directory: written to"
pass
chmod 700 "$CACHE"

# A link to the cache directory is followed, as for the compiled model
# (~/.cache is often one), and the directory it leads to is what is checked.
fresh_cache
ln -s "$CACHE" "$WORK/cache-link"
cp "$WORK/crafted.check" "$FILE"
TSUNAGU_CACHE_DIR=$WORK/cache-link check_run clean
[ "$RC" -eq 3 ] || fail "a trusted cache directory reached through a link: not replayed"
pass
chmod 770 "$CACHE"
TSUNAGU_CACHE_DIR=$WORK/cache-link check_run clean
[ "$RC" -eq 0 ] && cmp -s "$WORK/out" "$WORK/want.out" || fail "a link to a group-writable directory: replayed"
[ "$(ls -A "$CACHE")" = "$KEY.check" ] && cmp -s "$FILE" "$WORK/crafted.check" ||
  fail "a link to a group-writable directory: written to"
pass
chmod 700 "$CACHE"
rm "$WORK/cache-link"

if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then
  want clean
  fresh_cache
  cp "$WORK/crafted.check" "$FILE"
  chown nobody "$FILE"
  not_replayed "a result owned by nobody"

  fresh_cache
  cp "$WORK/crafted.check" "$FILE"
  chown -R nobody "$CACHE"
  printf '%s\n' "tsunagu: キャッシュのディレクトリ $CACHE を使いません: 持ち主が uid $(id -u nobody) で、あなた（uid 0）ではない。削除するか、TSUNAGU_CACHE_DIR に自分だけが書き込める自分のディレクトリを設定してください" \
    >"$WORK/want.err"
  check_run clean
  same "a result in a directory owned by nobody"
  [ "$(ls -A "$CACHE")" = "$KEY.check" ] && cmp -s "$FILE" "$WORK/crafted.check" ||
    fail "a directory owned by nobody: written to"
  pass
  chown -R 0 "$CACHE"
else
  echo "$TEST: not root: skipping the results owned by another user"
fi

# TSUNAGU_CACHE=off: a crafted result is not read, nothing is written.
want clean
fresh_cache
cp "$WORK/crafted.check" "$FILE"
TSUNAGU_CACHE=off check_run clean
same "TSUNAGU_CACHE=off with a crafted result"
[ "$(ls -A "$CACHE")" = "$KEY.check" ] && cmp -s "$FILE" "$WORK/crafted.check" || fail "TSUNAGU_CACHE=off: written to"
pass
fresh_cache
TSUNAGU_CACHE=off check_run findings
[ -z "$(ls -A "$CACHE")" ] || fail "TSUNAGU_CACHE=off: a result stored"
pass
# TSUNAGU_CACHE_DIR set but empty: no cache either.
fresh_cache
TSUNAGU_CACHE_DIR= check_run clean
same "TSUNAGU_CACHE_DIR empty"
[ -z "$(ls -A "$CACHE")" ] || fail "TSUNAGU_CACHE_DIR empty: a result stored"
pass

# Phrase readings kept from the last check (src/reading_cache.h): after an
# edit that adds a phrase which reads differently in a sentence and one
# that ends in a particle, the check reads only those again and prints
# what TSUNAGU_CACHE=off prints; the readings file is kept in the cache.
fresh_cache
mkdir "$WORK/readings"
cp -r "$ROOT/data" "$ROOT/rules" "$WORK/readings/"
check_run readings
[ "$(find "$CACHE" -name '*.readings' | wc -l)" -eq 1 ] || fail "readings: no readings file after a check"
pass
sed -i '0,/^    ja:$/s//    ja:\n      - 家で\n      - 出かけなくなった息子/' "$WORK/readings/rules/lexicon.yaml"
want readings
check_run readings
same "readings: a check after an edit, with the readings of the last one"
grep -q "家で" "$WORK/out" || fail "readings: the new phrase ending in a particle is not reported"
pass

passed
