#!/bin/sh
# Command-line tests of the compiled-model cache (src/model_cache.h): a
# damaged, crafted or untrusted cache never changes an answer. Each crafted
# cache (tools/craft_cache.cpp) is refused by the full validation
# (craft_cache --verify: DecodeCachedModel with Verify::kAll); those a query
# refuses too (the checksum, the key, the layout: a query does not check
# again the contents of its own cache files, validated when written) are
# put at the path tsunagu reads, and the answers with --data/--rules must
# be byte for byte those of TSUNAGU_CACHE=off, with one warning, and the
# file replaced by a good one.
# Then: caches owned by another user, in a group-writable directory, a
# FIFO, symbolic links, a sparse 20 GB file; a FIFO as a data file.
# Usage: sh tests/cache_cli_test.sh PATH_TO_TSUNAGU PATH_TO_CRAFT_CACHE REPO_ROOT
set -u
TEST=cache_cli_test
. "$(dirname "$0")/lib.sh"
unset TSUNAGU_CACHE 2>/dev/null || true

need_args 3 "PATH_TO_TSUNAGU PATH_TO_CRAFT_CACHE REPO_ROOT" $#
T=$1
CRAFT=$2
ROOT=$3
need_exe "$T" "$CRAFT"

chmod 755 "$WORK"  # the other user (nobody) must reach its cache below
cp -r "$ROOT/data" "$ROOT/rules" "$WORK/"
mkdir "$WORK/crafted"
# The key names the build that uses it: tsunagu's, from the cache file a
# query writes.
TSUNAGU_CACHE_DIR=$WORK/keycache "$T" --data "$WORK/data" --rules "$WORK/rules" agencies >/dev/null 2>&1
KEY=$(cd "$WORK/keycache" 2>/dev/null && ls -- *.bin 2>/dev/null | sed 's/\.bin$//')
case $KEY in
  ????????????????????????????????) ;;
  *) echo "cache_cli_test: no single cache file after a query (got '$KEY')" >&2; exit 1 ;;
esac
"$CRAFT" "$WORK/data" "$WORK/rules" "$WORK/crafted" "$KEY" >/dev/null || { echo "cache_cli_test: craft_cache failed" >&2; exit 1; }
CACHE=$WORK/cache
FILE=$CACHE/$KEY.bin
export TSUNAGU_CACHE_DIR=$CACHE

SUICIDE="もう死にたいと息子が言っている"
CASE8050="親が80代、息子は50代でひきこもり、生活が苦しい"
# The commands whose answers are compared: a suicide case, an 8050 case
# (JSON), and the agencies as JSON (invalid UTF-8 in a name once threw there).
run_cmd() {  # run_cmd NAME: stdout in $WORK/out, stderr in $WORK/err, code in $RC
  case $1 in
    suicide) timeout 20 "$T" --data "$WORK/data" --rules "$WORK/rules" "$SUICIDE" ;;
    8050) timeout 20 "$T" --data "$WORK/data" --rules "$WORK/rules" -f json "$CASE8050" ;;
    agencies) timeout 20 "$T" --data "$WORK/data" --rules "$WORK/rules" -f json agencies ;;
  esac >"$WORK/out" 2>"$WORK/err"
  RC=$?
}
for c in suicide 8050 agencies; do
  TSUNAGU_CACHE=off run_cmd $c
  [ "$RC" -eq 0 ] || fail "$c without a cache: exit $RC"
  cp "$WORK/out" "$WORK/want-$c"
done
grep -q "0120-279-338" "$WORK/want-suicide" || fail "the suicide case shows no hotline"
pass

# expect_same CMD WHAT: exit 0 and the answer of TSUNAGU_CACHE=off.
expect_same() {
  [ "$RC" -eq 0 ] || fail "$2: exit $RC"
  cmp -s "$WORK/out" "$WORK/want-$1" || fail "$2: the answer differs from TSUNAGU_CACHE=off"
  pass
}
# expect_warning TEXT WHAT: exactly one line on stderr, this one.
expect_warning() {
  [ "$(wc -l <"$WORK/err")" -eq 1 ] || fail "$2: expected one line on stderr"
  [ "$(cat "$WORK/err")" = "$1" ] || fail "$2: stderr is not: $1"
  pass
}
fresh_cache() {
  chmod -R u+w "$CACHE" 2>/dev/null
  rm -rf "$CACHE"
  mkdir -m 700 "$CACHE"
}

# ------------------------------------------------------------ the real cache

fresh_cache
run_cmd suicide
expect_same suicide "first run (cache written)"
[ ! -s "$WORK/err" ] || fail "first run: stderr not empty"
cmp -s "$FILE" "$WORK/crafted/good.bin" || fail "the cache tsunagu writes is not the crafted good one (key or bytes differ)"
[ "$(stat -c %a "$FILE")" = 600 ] || fail "cache file mode is not 0600"
pass
run_cmd suicide
expect_same suicide "warm run"
[ ! -s "$WORK/err" ] || fail "warm run: stderr not empty"

# ------------------------------------------------------------ crafted caches

# refused NAME REASON: the full validation refuses the crafted cache NAME
# (its checksum is valid) for REASON.
# crafted NAME REASON: that, and a query refuses it for REASON too: the
# answers ($COMMANDS) are unchanged and the file is replaced by the good one.
# Counts that follow the shipped files, so an added fact or agency does not
# break the expected messages.
FACTS=$(grep -c '^  - id:' "$ROOT/rules/lexicon.yaml")
AGENCIES=$(grep -c '^- id:' "$ROOT/data/agencies.yaml")
CONTACTS=$(grep -c '^- id:' "$ROOT/data/crisis.yaml")
COMMANDS="suicide 8050 agencies"  # agencies -f json once threw on invalid UTF-8
refused() {
  got=$("$CRAFT" --verify "$KEY" "$WORK/crafted/$1.bin")
  [ "$got" = "$2" ] || fail "crafted cache $1: refused for '$got', expected '$2'"
  pass
}
crafted() {
  refused "$1" "$2"
  for c in $COMMANDS; do
    fresh_cache
    cp "$WORK/crafted/$1.bin" "$FILE"
    run_cmd $c
    expect_same $c "crafted cache $1, $c"
    expect_warning "tsunagu: キャッシュファイル $FILE を使いません: 壊れている（$2）。作り直します" "crafted cache $1, $c"
    cmp -s "$FILE" "$WORK/crafted/good.bin" || fail "crafted cache $1: not replaced by a good one"
    pass
  done
}
refused convener "model: team: convener 12345 out of range ($AGENCIES agencies)"
refused convener-role "model: team: convener role 99 out of range (4 roles in nishi-shakyo)"
refused crisis-contact "model: alert 0 (alert-suicide-in-progress): crisis contact 9999 out of range ($CONTACTS crisis contacts)"
refused first-contact "model: alert 0 (alert-suicide-in-progress): first contact 777 out of range ($AGENCIES agencies)"
refused fallback-agency "model: fallback target 0: agency 99 out of range ($AGENCIES agencies)"
refused fallback-role "model: fallback target 0: role 5 out of range (4 roles in hikikomori-center)"
refused rule-agency "model: rule 0 (hikikomori-general) target 0: agency -2 out of range ($AGENCIES agencies)"
refused rule-role "model: rule 0 (hikikomori-general) target 0: role 77 out of range (4 roles in hikikomori-center)"
refused rule-weight "model: rule 0 (hikikomori-general) target 0: weight 2147483647 out of range"
refused rule-fact "model: rule 0 (hikikomori-general): fact 5000 out of range ($FACTS facts)"
refused alert-fact "model: alert 0 (alert-suicide-in-progress): fact -1 out of range ($FACTS facts)"
refused ref-subject "model: rule 0 (hikikomori-general): subject 9 unknown"
refused fact-subject "model: fact 0 (hikikomori): subject 42 unknown"
refused alert-kind "model: alert 0 (alert-suicide-in-progress): unknown kind"
refused no-fallback "model: fallback: no target"
refused utf8-name "model: agency 0 (hikikomori-center): invalid UTF-8 at byte 0"
refused utf8-role "model: agency 1 (niigata-net) role: invalid UTF-8 at byte 81"
refused utf8-phone "model: crisis contact 0 (police): invalid UTF-8 at byte 3"
refused utf8-hours "model: crisis contact 0 (police) hours: invalid UTF-8 at byte 0"
# Local offices (issue 14): houkatsu is agency 4.
refused ask-range "model: agency 4 (houkatsu): ask 99 out of range ($AGENCIES agencies)"
refused ask-self "model: agency 4 (houkatsu): ask names the agency itself"
refused office-flag "model: agency 0 (hikikomori-center): offices without local_offices"
refused office-no-area "model: agency 4 (houkatsu) office: serves no area"
refused office-area-kind "model: agency 4 (houkatsu) office: area kind 7 unknown"
refused office-area-name "model: agency 4 (houkatsu) office: area with no name"
refused office-utf8 "model: agency 4 (houkatsu) office: invalid UTF-8 at byte 0"
# The crafted fact's phrase number follows the lexicon's size: read it off.
CRAFTED_PHRASE=$("$CRAFT" --verify "$KEY" "$WORK/crafted/lexicon-step.bin" | sed -n 's/.*lexicon: phrase \([0-9]*\): .*/\1/p')
refused lexicon-step "lexicon: phrase $CRAFTED_PHRASE: meaning $((FACTS * 2)) names none of the model's $FACTS facts"
crafted huge-count "model: damaged or truncated"
crafted huge-agencies "model: damaged or truncated"
crafted negative-count "model: damaged or truncated"
crafted huge-length "compiled lexicon: damaged"
crafted truncated-snapshot "model: damaged or truncated"
crafted trailing-byte "compiled lexicon: damaged"
refused lex-payload-fact "lexicon: phrase 0: meaning 2000000 names none of the model's $FACTS facts"
refused lex-payload-subject "lexicon: phrase 0: meaning -100 names no subject"
refused lex-phrase-utf8 "lexicon: phrase 0: invalid UTF-8 at byte 0"
# Out of their arrays, or in them but not a sound automaton (a phrase
# longer than its node is deep would start before the text, a link to
# itself would loop): Matcher::Restore refuses both.
for name in lex-output-range lex-child-range lex-fail-loop lex-phrase-begin \
            lex-output-length lex-child-back lex-output-link lex-root; do
  refused $name "compiled lexicon: damaged"
done
crafted flipped-crisis-number "checksum mismatch"
crafted truncated-file "checksum mismatch"
crafted empty-file "too short"
crafted other-key "made for other files (key 0123456789abcdef0123456789abcdef)"

# ------------------------------------------------------------ untrusted places

# A bad file in a trusted directory is replaced (renamed over, not opened).
bad_file() {  # bad_file WHAT REASON: $FILE is set up; one suicide run
  run_cmd suicide
  expect_same suicide "$1"
  expect_warning "tsunagu: キャッシュファイル $FILE を使いません: $2。作り直します" "$1"
  [ -f "$FILE" ] && [ ! -L "$FILE" ] && cmp -s "$FILE" "$WORK/crafted/good.bin" || fail "$1: not replaced by a good cache"
  pass
}

fresh_cache
mkfifo "$FILE"
bad_file "a FIFO at the cache path" "通常のファイルではない"

fresh_cache
truncate -s 20G "$WORK/sparse"
ln -s "$WORK/sparse" "$FILE"
bad_file "a symbolic link to a 20 GB sparse file" "シンボリックリンク"
rm -f "$WORK/sparse"

fresh_cache
ln -s "$WORK/crafted/good.bin" "$FILE"
bad_file "a symbolic link to a good cache" "シンボリックリンク"

fresh_cache
truncate -s 65M "$FILE"
bad_file "a 65 MiB cache file" "64 MiB より大きい"

fresh_cache
mkdir "$FILE"
run_cmd suicide
expect_same suicide "a directory at the cache path"
expect_warning "tsunagu: キャッシュファイル $FILE を使いません: 通常のファイルではない。作り直します" "a directory at the cache path"
rmdir "$FILE"

fresh_cache
cp "$WORK/crafted/small.bin" "$FILE"
chmod 620 "$FILE"
bad_file "a group-writable cache file" "ほかの人も書き込める（モード 0620）"

# An untrusted directory: ignored, one warning, nothing written there.
fresh_cache
chmod 770 "$CACHE"
run_cmd suicide
expect_same suicide "a group-writable cache directory"
expect_warning "tsunagu: キャッシュのディレクトリ $CACHE を使いません: ほかの人も書き込める（モード 0770）。削除するか、TSUNAGU_CACHE_DIR に自分だけが書き込める自分のディレクトリを設定してください" "a group-writable cache directory"
[ -z "$(ls -A "$CACHE")" ] || fail "a group-writable cache directory: written to"
pass
cp "$WORK/crafted/small.bin" "$FILE"  # a valid cache of another model: must not be read
run_cmd suicide
expect_same suicide "a cache in a group-writable directory"
chmod 700 "$CACHE"

if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then
  fresh_cache
  cp "$WORK/crafted/small.bin" "$FILE"
  chown nobody "$FILE"
  bad_file "a cache file owned by nobody" "持ち主が uid $(id -u nobody) で、あなた（uid 0）ではない"

  fresh_cache
  cp "$WORK/crafted/small.bin" "$FILE"
  chown -R nobody "$CACHE"
  run_cmd suicide
  expect_same suicide "a cache directory owned by nobody"
  expect_warning "tsunagu: キャッシュのディレクトリ $CACHE を使いません: 持ち主が uid $(id -u nobody) で、あなた（uid 0）ではない。削除するか、TSUNAGU_CACHE_DIR に自分だけが書き込める自分のディレクトリを設定してください" "a cache directory owned by nobody"
  [ "$(ls -A "$CACHE")" = "$KEY.bin" ] && cmp -s "$FILE" "$WORK/crafted/small.bin" || fail "a cache directory owned by nobody: written to"
  pass
  chown -R 0 "$CACHE"
else
  echo "cache_cli_test: not root: skipping the caches owned by another user"
fi

# `check` reports a cache a query would ignore, and changes nothing.
fresh_cache
cp "$WORK/crafted/flipped-crisis-number.bin" "$FILE"
"$T" --data "$WORK/data" --rules "$WORK/rules" check >"$WORK/out" 2>"$WORK/err"
RC=$?
[ "$RC" -eq 0 ] || fail "check with a damaged cache: exit $RC"
expect_warning "tsunagu: キャッシュファイル $FILE を使いません: 壊れている（checksum mismatch）。次の query で作り直されます" "check with a damaged cache"
"$T" --data "$WORK/data" --rules "$WORK/rules" --lang en check >"$WORK/out" 2>"$WORK/err"
expect_warning "tsunagu: ignoring the cache file $FILE: damaged (checksum mismatch); the next query replaces it" "check --lang en with a damaged cache"
cmp -s "$FILE" "$WORK/crafted/flipped-crisis-number.bin" || fail "check with a damaged cache: the file changed"
pass
chmod 775 "$CACHE"
"$T" --data "$WORK/data" --rules "$WORK/rules" check --lang en >"$WORK/out" 2>"$WORK/err"
RC=$?
[ "$RC" -eq 0 ] || fail "check with a group-writable cache directory: exit $RC"
expect_warning "tsunagu: ignoring the cache directory $CACHE: writable by others (mode 0775); remove it, or set TSUNAGU_CACHE_DIR to a directory of yours that only you can write to" "check with a group-writable cache directory"
chmod 700 "$CACHE"
fresh_cache
"$T" --data "$WORK/data" --rules "$WORK/rules" check >"$WORK/out" 2>"$WORK/err"
# (check stores its own result and the phrases' readings there,
# check_cache_cli_test.sh; no compiled model)
[ ! -s "$WORK/err" ] && [ -z "$(ls -A "$CACHE" | grep -v '\.check$' | grep -v '\.readings$')" ] ||
  fail "check with no cache: a warning, or a compiled model written"
pass

# TSUNAGU_CACHE=off: the cache is neither read nor written.
fresh_cache
cp "$WORK/crafted/small.bin" "$FILE"
TSUNAGU_CACHE=off run_cmd suicide
expect_same suicide "TSUNAGU_CACHE=off with a cache of another model"
[ ! -s "$WORK/err" ] || fail "TSUNAGU_CACHE=off: stderr not empty"
cmp -s "$FILE" "$WORK/crafted/small.bin" || fail "TSUNAGU_CACHE=off: cache rewritten"
pass

# ------------------------------------------------------------ data files

mkdir "$WORK/fifo-data"
cp "$WORK/data/crisis.yaml" "$WORK/fifo-data/"
mkfifo "$WORK/fifo-data/agencies.yaml"
timeout 10 "$T" --lang en --data "$WORK/fifo-data" --rules "$WORK/rules" "$SUICIDE" >"$WORK/out" 2>"$WORK/err"
RC=$?
[ "$RC" -eq 5 ] || fail "a FIFO as agencies.yaml: exit $RC, expected 5"
expect_warning "tsunagu: cannot read $WORK/fifo-data/agencies.yaml: not a regular file; data, rule and case files must be regular files" "a FIFO as agencies.yaml"
timeout 10 "$T" --lang en --data "$WORK/fifo-data" check >"$WORK/out" 2>"$WORK/err"
RC=$?
[ "$RC" -eq 4 ] || fail "check with a FIFO as agencies.yaml: exit $RC, expected 4"
grep -qF "cannot read $WORK/fifo-data/agencies.yaml: not a regular file" "$WORK/out" || fail "check with a FIFO: not reported"
pass

rm "$WORK/fifo-data/agencies.yaml"
mkdir "$WORK/fifo-data/agencies.yaml"
timeout 10 "$T" --lang en --data "$WORK/fifo-data" --rules "$WORK/rules" "$SUICIDE" >"$WORK/out" 2>"$WORK/err"
RC=$?
[ "$RC" -eq 5 ] || fail "a directory as agencies.yaml: exit $RC, expected 5"
expect_warning "tsunagu: cannot read $WORK/fifo-data/agencies.yaml: a directory; data, rule and case files must be regular files" "a directory as agencies.yaml"

# A symbolic link to a regular data file is followed.
rmdir "$WORK/fifo-data/agencies.yaml"
ln -s "$WORK/data/agencies.yaml" "$WORK/fifo-data/agencies.yaml"
fresh_cache
TSUNAGU_CACHE=off timeout 20 "$T" --data "$WORK/fifo-data" --rules "$WORK/rules" "$SUICIDE" >"$WORK/out" 2>"$WORK/err"
RC=$?
expect_same suicide "a data file linked to a regular file"

# Stamps (src/file_stamps.h): once the files are older than the racy
# window (5 s), a query takes the key from their stamps without reading
# them, and writes no stamps file (its inode stays: a write renames a new
# file over it). An edit of the same size is seen, even with its mtime
# set back (the ctime moves).
cp -r "$WORK/data" "$WORK/stamp-data"
fresh_cache
stamp_query() {
  timeout 20 "$T" --data "$WORK/stamp-data" --rules "$WORK/rules" "$SUICIDE" >"$WORK/out" 2>"$WORK/err"
  RC=$?
  STAMPS_INODE=$(ls -i "$CACHE"/*.stamps 2>/dev/null | awk '{print $1}')
}
stamp_query
expect_same suicide "stamps: the first query"
[ -n "$STAMPS_INODE" ] || fail "stamps: no stamps file after a query"
sleep 6
stamp_query
expect_same suicide "stamps: the files settled"
settled=$STAMPS_INODE
stamp_query
expect_same suicide "stamps: the key from the stamps"
[ "$STAMPS_INODE" = "$settled" ] || fail "stamps: a query with settled files wrote the stamps again"
pass
touch -r "$WORK/stamp-data/crisis.yaml" "$WORK/stamp-ref"
sed 's/0120-279-338/0120-279-339/' "$WORK/stamp-data/crisis.yaml" >"$WORK/stamp-tmp"
cat "$WORK/stamp-tmp" >"$WORK/stamp-data/crisis.yaml"  # in place: the same inode and size
touch -r "$WORK/stamp-ref" "$WORK/stamp-data/crisis.yaml"
stamp_query
[ "$RC" -eq 0 ] || fail "stamps: after an edit: exit $RC"
out_has "0120-279-339" "stamps: an edit of the same size, its mtime set back, is seen"
out_lacks "0120-279-338" "stamps: the old number is gone"
[ "$STAMPS_INODE" != "$settled" ] || fail "stamps: not written again after an edit"
pass

passed
