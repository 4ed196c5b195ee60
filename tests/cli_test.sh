#!/bin/sh
# Command-line tests for tsunagu: exit codes, formats, options, the
# environment and error messages, through the real binary.
# Usage: sh tests/cli_test.sh PATH_TO_TSUNAGU REPO_ROOT
# Exits non-zero at the first failure, saying which check failed.

set -u
TEST=cli_test
. "$(dirname "$0")/lib.sh"

need_tsunagu_root "$@"
[ -f "$ROOT/data/agencies.yaml" ] || { echo "cli_test: no data/agencies.yaml under $ROOT" >&2; exit 2; }

# Lines of the agency table that start a ranked row ("1     ...").
ranked_rows() { grep -c '^[1-9][0-9]* ' "$WORK/out"; }

CASE="80代の母が要介護、52歳の息子が10年ひきこもり、生活が苦しい"
# Output that says whether an agency is open depends on the moment: every
# run whose bytes are compared gives one (a Tuesday in office hours).
AT="2026-12-01 10:00"

# ------------------------------------------------------------------ query

run "$T" --at "$AT" "$CASE"
expect_rc 0 "tsunagu TEXT"
out_has "読み取った内容" "tsunagu TEXT prints the Japanese table"
out_has "地域包括支援センター" "tsunagu TEXT ranks houkatsu"
cp "$WORK/out" "$WORK/short"
run "$T" --at "$AT" query "$CASE"
expect_rc 0 "tsunagu query TEXT"
cmp -s "$WORK/short" "$WORK/out" || fail "tsunagu TEXT differs from tsunagu query TEXT"
pass

# Several words are joined with spaces, like one quoted text.
run "$T" --at "$AT" son is withdrawn
expect_rc 0 "tsunagu WORDS..."
cp "$WORK/out" "$WORK/words"
run "$T" --at "$AT" "son is withdrawn"
cmp -s "$WORK/words" "$WORK/out" || fail "tsunagu WORDS... differs from tsunagu 'WORDS...'"
pass

# ------------------------------------------------------------------- JSON

run "$T" --at "$AT" --format json "$CASE"
expect_rc 0 "--format json"
cp "$WORK/out" "$WORK/json1"
out_has '"schema": "tsunagu.result/2"' "--format json schema"
if command -v python3 >/dev/null 2>&1; then
  python3 -m json.tool "$WORK/json1" >/dev/null 2>&1 || fail "--format json is not valid JSON"
  pass
fi
run "$T" --at "$AT" --format json "$CASE"
cmp -s "$WORK/json1" "$WORK/out" || fail "--format json differs between two runs"
pass
run "$T" --at "$AT" -f json "$CASE"
cmp -s "$WORK/json1" "$WORK/out" || fail "-f json differs from --format json"
pass

# ---------------------------------------------------------------- --lang

run "$T" --lang en "$CASE"
expect_rc 0 "--lang en"
out_has "Understood" "--lang en heading"
out_has "Team" "--lang en team heading"
out_has "Agency" "--lang en table header"
grep -F "読み取った内容" "$WORK/out" >/dev/null && fail "--lang en still prints Japanese headings"
pass
run "$T" "$CASE" --lang en
out_has "Understood" "--lang en after the text"
TSUNAGU_LANG=en run "$T" "$CASE"
out_has "Understood" "TSUNAGU_LANG=en"
run "$T" --lang fr "$CASE"
expect_rc 2 "--lang fr"

# ----------------------------------------------------------------- --top

run "$T" "$CASE"
ALL=$(ranked_rows)
[ "$ALL" -gt 2 ] || fail "the case should rank more than 2 agencies, got $ALL"
pass
for form in "--top 2 TEXT" "TEXT --top 2" "query --top 2 TEXT" "-n 2 TEXT"; do
  case $form in
    "--top 2 TEXT") run "$T" --top 2 "$CASE" ;;
    "TEXT --top 2") run "$T" "$CASE" --top 2 ;;
    "query --top 2 TEXT") run "$T" query --top 2 "$CASE" ;;
    "-n 2 TEXT") run "$T" -n 2 "$CASE" ;;
  esac
  expect_rc 0 "tsunagu $form"
  [ "$(ranked_rows)" -eq 2 ] || fail "tsunagu $form: $(ranked_rows) ranked rows, expected 2"
  pass
done
run "$T" --format json "$CASE" --top 2
[ "$(grep -c '"rank": ' "$WORK/out")" -eq 2 ] || fail "--format json --top 2: expected 2 agencies"
pass
run "$T" --top -1 "$CASE"
expect_rc 2 "--top -1"
err_has "--top: Value -1 not in range 0 to 1000" "--top -1 names the range"

# ------------------------------------------------------------- agencies

run "$T" agencies
expect_rc 0 "tsunagu agencies"
# Header plus one line per agency; every id at the start of a line.
IDS=$(sed 1d "$WORK/out" | grep -c '^[a-z][a-z0-9-]*  ')
[ "$IDS" -eq 13 ] || fail "tsunagu agencies lists $IDS ids, expected 13"
pass
for id in hikikomori-center niigata-net nishi-shakyo kikan-soudan houkatsu kyotaku-kaigo \
          minsei-iin shogai-soudan kenko-fukushi seikatsu-hogo kumin-seikatsu personal-support saposute; do
  grep "^$id " "$WORK/out" >/dev/null || fail "tsunagu agencies lacks $id"
done
pass

run "$T" agencies saposute
expect_rc 0 "tsunagu agencies saposute"
out_has "025-255-0099" "tsunagu agencies saposute phone"
out_has "(saposute)" "tsunagu agencies saposute id"
run "$T" --format json agencies saposute
expect_rc 0 "tsunagu --format json agencies saposute"
out_has '"phone": "025-255-0099"' "agencies saposute as JSON"

run "$T" agencies nope
expect_rc 2 "tsunagu agencies nope"
err_has "機関 'nope' はありません" "tsunagu agencies nope names the id"
err_has "hikikomori-center" "tsunagu agencies nope lists the known ids"
err_has "saposute" "tsunagu agencies nope lists the known ids"

# ------------------------------------------------------------ usage errors

run "$T"
expect_rc 2 "no arguments"
[ -s "$WORK/err" ] || fail "no arguments: nothing on stderr"
pass
run "$T" --bogus "$CASE"
expect_rc 2 "unknown option"
err_has "tsunagu: '--bogus' というオプションはありません（一覧は tsunagu --help）" "an unknown option is named"
run "$T" --lang en --bogus "$CASE"
expect_rc 2 "unknown option, English"
err_has "tsunagu: unknown option '--bogus' ('tsunagu --help' lists them)" "an unknown option is named in English"
run "$T" --tpo 3 "$CASE"
expect_rc 2 "--tpo"
err_has "tsunagu: '--tpo' というオプションはありません。'--top' のことですか?（一覧は tsunagu --help）" "--tpo: did you mean"
run "$T" batch --jbos 2 x.txt
expect_rc 2 "batch --jbos"
err_has "'--jobs' のことですか" "a subcommand's option is suggested too"
# A word that reads like a mistyped command is a usage error, not a case;
# query or -- makes it a case.
for typo in "qeury:query" "batc:batch" "grpah:graph" "expalin:explain"; do
  run "$T" "${typo%%:*}" "$CASE"
  expect_rc 2 "tsunagu ${typo%%:*}"
  err_has "tsunagu: '${typo%%:*}' というコマンドはありません。'${typo#*:}' のことですか?" "tsunagu ${typo%%:*}: did you mean"
  err_has "tsunagu query ${typo%%:*} ...（または tsunagu -- ${typo%%:*} ...）" "tsunagu ${typo%%:*}: how to rank it"
done
run "$T" query qeury "$CASE"
expect_rc 0 "query qeury TEXT is a case"
run "$T" -- qeury "$CASE"
expect_rc 0 "-- qeury TEXT is a case"
run "$T" help
expect_rc 0 "tsunagu help"
out_has "使い方: tsunagu" "tsunagu help prints the help"
for cmd in query agencies test batch explain check graph diff shell; do
  run "$T" $cmd --help
  expect_rc 0 "$cmd --help"
  out_has "共通のオプション（コマンドの前でも後でも）: --data DIR、--rules DIR" "$cmd --help: the common options"
  out_has "例: tsunagu" "$cmd --help: an example"
  run "$T" $cmd --help --lang en
  out_has "Common options (before or after the command): --data DIR, --rules DIR" "$cmd --help --lang en: the common options"
  out_has "Example: tsunagu" "$cmd --help --lang en: an example"
done
# --color: always even into a pipe, never even with colour allowed.
run "$T" --color always "$CASE"
grep -q "$(printf '\033')\[" "$WORK/out" || fail "--color always: expected ANSI colour in a pipe"
pass
run "$T" --color never "$CASE"
grep -q "$(printf '\033')" "$WORK/out" && fail "--color never: no escape expected"
pass
run "$T" --color sometimes "$CASE"
expect_rc 2 "--color sometimes"
run "$T" --format xml "$CASE"
expect_rc 2 "--format xml"
err_has "xml" "--format xml names the value"
run "$T" query
expect_rc 2 "query without text"

run "$T" --help
expect_rc 0 "--help"
out_has "tsunagu" "--help"
run "$T" --version
expect_rc 0 "--version"
[ "$(sed -n 1p "$WORK/out")" = "tsunagu 0.1.0" ] || fail "--version prints '$(cat "$WORK/out")', expected 'tsunagu 0.1.0' first"
pass

# ------------------------------------------------------------ input errors

run "$T" "$(printf 'ok\377')"
expect_rc 3 "invalid UTF-8 text"
err_has "文の 2 バイト目が UTF-8 として正しくありません" "invalid UTF-8 text message and offset"
[ -s "$WORK/out" ] && fail "invalid UTF-8 text: something on stdout"
pass

# ----------------------------------------------------------------- stdin

printf '%s' "$CASE" | "$T" --at "$AT" - >"$WORK/out" 2>"$WORK/err"
RC=$?
expect_rc 0 "text from stdin with -"
cmp -s "$WORK/short" "$WORK/out" || fail "tsunagu - (stdin) differs from tsunagu TEXT"
pass
printf '%s' "$CASE" | "$T" --at "$AT" query - >"$WORK/out" 2>"$WORK/err"
cmp -s "$WORK/short" "$WORK/out" || fail "tsunagu query - (stdin) differs from tsunagu TEXT"
pass
printf 'ok\377' | "$T" - >"$WORK/out" 2>"$WORK/err"
RC=$?
expect_rc 3 "invalid UTF-8 on stdin"

# ---------------------------------------------------------------- colour

ESC=$(printf '\033')
for args in "$CASE" "息子が「死にたい」と言っている"; do
  run "$T" "$args"
  grep -F -e "$ESC" "$WORK/out" >/dev/null && fail "escape codes in piped output for '$args'"
  pass
  NO_COLOR=1 run "$T" "$args"
  grep -F -e "$ESC" "$WORK/out" >/dev/null && fail "escape codes with NO_COLOR for '$args'"
  pass
done
# With a terminal (when `script` can give one): colour, unless NO_COLOR.
if command -v script >/dev/null 2>&1 && script -qec true /dev/null >/dev/null 2>&1; then
  script -qec "\"$T\" agencies" /dev/null >"$WORK/tty" 2>/dev/null </dev/null
  grep -F -e "${ESC}[" "$WORK/tty" >/dev/null || fail "no colour on a terminal"
  pass
  NO_COLOR=1 script -qec "\"$T\" agencies" /dev/null >"$WORK/tty" 2>/dev/null </dev/null
  grep -F -e "${ESC}[" "$WORK/tty" >/dev/null && fail "colour on a terminal with NO_COLOR"
  pass
fi

# ------------------------------------------------------- --data and files

run "$T" --data /nonexistent "$CASE"
expect_rc 5 "--data /nonexistent"
err_has "/nonexistent/agencies.yaml" "--data /nonexistent names the file"

mkdir "$WORK/good" "$WORK/bad"
cp -R "$ROOT/data" "$ROOT/rules" "$WORK/good/" || fail "cannot copy data and rules"
cp -R "$ROOT/data" "$ROOT/rules" "$WORK/bad/" || fail "cannot copy data and rules"

# A copy of the shipped files gives the shipped answer.
run "$T" --at "$AT" --data "$WORK/good/data" --rules "$WORK/good/rules" "$CASE"
expect_rc 0 "--data and --rules with a copy of the files"
cmp -s "$WORK/short" "$WORK/out" || fail "a copy of data/ and rules/ answers differently from the built-in model"
pass

# Damage agencies.yaml: an unknown key in the first agency, after its id.
awk '!done && /^- id:/ { print; print "  nmae: broken"; done = 1; next } { print }' \
  "$ROOT/data/agencies.yaml" >"$WORK/bad/data/agencies.yaml"
LINE=$(grep -n '^  nmae: broken$' "$WORK/bad/data/agencies.yaml" | cut -d: -f1)
[ -n "$LINE" ] || fail "could not damage agencies.yaml"
run "$T" --data "$WORK/bad/data" "$CASE"
expect_rc 4 "a broken agencies.yaml"
case $(head -n 1 "$WORK/err") in
  "tsunagu: $WORK/bad/data/agencies.yaml:$LINE:3: 機関の項目 に知らないキー 'nmae' があります。'name' のことですか？") pass ;;
  *) fail "a broken agencies.yaml: stderr should start with 'tsunagu: $WORK/bad/data/agencies.yaml:$LINE:3: 機関の項目 に知らないキー 'nmae''" ;;
esac
run "$T" --lang en --data "$WORK/bad/data" "$CASE"
case $(head -n 1 "$WORK/err") in
  "tsunagu: $WORK/bad/data/agencies.yaml:$LINE:3: unknown key 'nmae' in an agency; did you mean 'name'?") pass ;;
  *) fail "a broken agencies.yaml in English: stderr should start with 'tsunagu: $WORK/bad/data/agencies.yaml:$LINE:3: unknown key 'nmae''" ;;
esac
[ -s "$WORK/out" ] && fail "a broken agencies.yaml: something on stdout"
pass

# A YAML syntax error in a rules file, given with --rules alone.
printf 'alerts: [\n' >"$WORK/bad/rules/alerts.yaml"
run "$T" --rules "$WORK/bad/rules" "$CASE"
expect_rc 4 "a broken alerts.yaml"
grep -E "^tsunagu: $WORK/bad/rules/alerts\.yaml:[0-9]+:[0-9]+: YAML の書き方の誤り: " "$WORK/err" >/dev/null ||
  fail "a broken alerts.yaml: expected 'tsunagu: $WORK/bad/rules/alerts.yaml:L:C: YAML の書き方の誤り: ...'"
run "$T" -l en --rules "$WORK/bad/rules" "$CASE"
grep -E "^tsunagu: $WORK/bad/rules/alerts\.yaml:[0-9]+:[0-9]+: YAML syntax: " "$WORK/err" >/dev/null ||
  fail "a broken alerts.yaml in English: expected 'tsunagu: $WORK/bad/rules/alerts.yaml:L:C: YAML syntax: ...'"
pass

# Limits: an oversized file and an alias are bad data (exit 4), said at once.
mkdir -p "$WORK/big/data"
cp "$ROOT"/data/*.yaml "$WORK/big/data/"
awk 'BEGIN { s = "#"; for (i = 0; i < 23; ++i) s = s s; print s }' >>"$WORK/big/data/crisis.yaml"
run "$T" --data "$WORK/big/data" "$CASE"
expect_rc 4 "a data file over 4 MiB"
err_has "crisis.yaml: 4194304 バイトより大きいファイルです" "a data file over 4 MiB: message"
run "$T" --lang en --data "$WORK/big/data" "$CASE"
err_has "crisis.yaml: larger than 4194304 bytes" "a data file over 4 MiB: message in English"
mkdir -p "$WORK/alias/data"
cp "$ROOT"/data/*.yaml "$WORK/alias/data/"
printf -- '- &a {id: x}\n- *a\n' >"$WORK/alias/data/crisis.yaml"
run "$T" --data "$WORK/alias/data" "$CASE"
expect_rc 4 "an anchor in crisis.yaml"
err_has "crisis.yaml:1:3: YAML のアンカーとエイリアス" "an anchor in crisis.yaml: position"

# TSUNAGU_DATA works like --data.
TSUNAGU_DATA=$WORK/bad/data run "$T" "$CASE"
expect_rc 4 "TSUNAGU_DATA with a broken agencies.yaml"
head -n 1 "$WORK/err" | grep -F "tsunagu: $WORK/bad/data/agencies.yaml:$LINE:3: " >/dev/null ||
  fail "TSUNAGU_DATA: the message should name the file and line:column"
pass
TSUNAGU_DATA=$WORK/good/data run "$T" --at "$AT" "$CASE"
expect_rc 0 "TSUNAGU_DATA with a good copy"
cmp -s "$WORK/short" "$WORK/out" || fail "TSUNAGU_DATA with a good copy answers differently"
pass
TSUNAGU_DATA=/nonexistent run "$T" "$CASE"
expect_rc 5 "TSUNAGU_DATA=/nonexistent"
TSUNAGU_RULES=$WORK/bad/rules run "$T" "$CASE"
expect_rc 4 "TSUNAGU_RULES with a broken alerts.yaml"

# An edited data file is seen at once (the cache is keyed by the content).
run "$T" --data "$WORK/good/data" agencies saposute
out_has "025-255-0099" "agencies saposute from a copy"
sed 's/025-255-0099/025-255-0100/' "$ROOT/data/agencies.yaml" >"$WORK/good/data/agencies.yaml"
run "$T" --data "$WORK/good/data" agencies saposute
expect_rc 0 "agencies saposute from an edited copy"
out_has "025-255-0100" "an edited agencies.yaml is read, not a stale cache"

# A damaged cache file (cut short, garbage, empty) is ignored: the YAML is
# read again and the answer is the same.
run "$T" --at "$AT" --data "$WORK/good/data" -f json "$CASE"
cp "$WORK/out" "$WORK/cached.json"
for damage in half garbage empty; do
  for bin in "$WORK"/cache/*.bin; do
    case $damage in
      half) head -c "$(($(wc -c <"$bin") / 2))" "$bin" >"$bin.new" ;;
      garbage) head -c 4096 /dev/urandom >"$bin.new" ;;
      empty) : >"$bin.new" ;;
    esac
    mv "$bin.new" "$bin"
  done
  run "$T" --at "$AT" --data "$WORK/good/data" -f json "$CASE"
  expect_rc 0 "a $damage cache file"
  cmp -s "$WORK/out" "$WORK/cached.json" || fail "a $damage cache file changed the answer"
  pass
done

# --------------------------------------------------------------- test

cat >"$WORK/failing.yaml" <<'EOF'
- name: must fail
  text: "息子がひきこもり"
  exclude: [hikikomori-center]
EOF
run "$T" test "$WORK/failing.yaml"
expect_rc 1 "tsunagu test with a failing case"
out_has "合格 0件、失敗 1件" "tsunagu test summary"
out_has "失敗 $WORK/failing.yaml:1: must fail" "tsunagu test names the failure"
out_has "hikikomori-center は出ないはずが、1 位に出ました" "tsunagu test says what was expected"
run "$T" --lang en test "$WORK/failing.yaml"
expect_rc 1 "tsunagu test with a failing case, English"
out_has "0 passed, 1 failed" "tsunagu test summary in English"
out_has "FAIL $WORK/failing.yaml:1: must fail" "tsunagu test names the failure in English"
out_has "expected no hikikomori-center, got it at rank 1" "tsunagu test says what was expected in English"

cat >"$WORK/passing.yaml" <<'EOF'
- text: "息子がひきこもり"
  include: [hikikomori-center]
EOF
run "$T" test "$WORK/passing.yaml"
expect_rc 0 "tsunagu test with a passing case"
out_has "合格 1件、失敗 0件" "tsunagu test summary (passing)"

cat >"$WORK/unknown.yaml" <<'EOF'
- text: "息子がひきこもり"
  include: [no-such-agency]
EOF
run "$T" test "$WORK/unknown.yaml"
expect_rc 4 "tsunagu test with an unknown agency id"
err_has "$WORK/unknown.yaml:2:" "tsunagu test error position"
err_has "'no-such-agency' という機関はありません" "tsunagu test error message"
run "$T" test "$WORK/unknown.yaml" --lang en
err_has "$WORK/unknown.yaml:2:13: unknown agency 'no-such-agency'" "tsunagu test error message in English"

run "$T" test "$WORK/missing.yaml"
expect_rc 5 "tsunagu test with a missing file"

cat >"$WORK/ages.yaml" <<'EOF'
- text: "息子がひきこもり"
  person_age: [40, 49]
  alert_kind: violence
EOF
run "$T" test "$WORK/ages.yaml"
expect_rc 1 "tsunagu test with an unmet age and alert kind"
out_has "    本人の年齢は 40–49 のはずが、不明 と読まれました" "tsunagu test says the age expected and got"
out_has "    警告の種類 violence のはずが、警告は出ませんでした" "tsunagu test says the alert kind expected and got"
run "$T" -l en test "$WORK/ages.yaml"
out_has "    expected person age 40–49, got unknown" "tsunagu test says the age expected and got, in English"
out_has "    expected alert kind violence, got none" "tsunagu test says the alert kind expected and got, in English"

cat >"$WORK/kind.yaml" <<'EOF'
- text: "息子がひきこもり"
  alert_kind: violense
EOF
run "$T" test "$WORK/kind.yaml"
expect_rc 4 "tsunagu test with an unknown alert kind"
err_has "$WORK/kind.yaml:2:15: 'violense' という警告の種類はありません。'violence' のことですか？" "tsunagu test alert kind error"
run "$T" --lang en test "$WORK/kind.yaml"
err_has "$WORK/kind.yaml:2:15: unknown alert kind 'violense'; did you mean 'violence'?" "tsunagu test alert kind error in English"

# ------------------------------------------------------------------ batch

printf '%s\n' "親が80代、息子は無職、生活が苦しい" "" "son 52, unemployed" "ひきこもり" > "$WORK/cases.txt"
run "$T" --at "$AT" batch "$WORK/cases.txt"
expect_rc 6 "batch with an empty line: exit 6"
err_has "事例 4件（うちエラー 1件）" "batch summary"
[ "$(wc -l < "$WORK/out")" -eq 4 ] || fail "batch: one JSON line per record"
pass
grep -c '"error":{"kind":"empty-text"' "$WORK/out" | grep -qx 1 || fail "batch: the empty line is an error record"
pass
cp "$WORK/out" "$WORK/stdout.jsonl"
run "$T" --at "$AT" --lang en batch "$WORK/cases.txt"
err_has "4 cases, 1 error" "batch summary in English, singular and plural"
grep -F -x "4 cases, 1 errors" "$WORK/err" && fail "batch summary: '1 errors'"

# -o: the same bytes, 0600, no overwrite without --force.
run "$T" --at "$AT" batch "$WORK/cases.txt" -o "$WORK/out.jsonl"
expect_rc 6 "batch -o"
cmp -s "$WORK/out.jsonl" "$WORK/stdout.jsonl" || fail "batch -o: not the bytes written to stdout"
pass
[ "$(stat -c %a "$WORK/out.jsonl")" = 600 ] || fail "batch -o: file mode is not 0600"
pass
run "$T" batch "$WORK/cases.txt" -o "$WORK/out.jsonl"
expect_rc 5 "batch -o onto an existing file"
err_has "はすでにあります。置き換えるには --force をつけてください" "batch -o onto an existing file"
run "$T" --lang en batch "$WORK/cases.txt" -o "$WORK/out.jsonl"
err_has "tsunagu: $WORK/out.jsonl already exists; use --force to replace it" "batch -o onto an existing file, English"
run "$T" batch "$WORK/cases.txt" -o "$WORK/out.jsonl" --force
expect_rc 6 "batch -o --force"

# -o never replaces a pipe (or a device, or a directory), --force or not.
mkfifo "$WORK/pipe"
run "$T" batch "$WORK/cases.txt" -o "$WORK/pipe" --force
expect_rc 5 "batch -o onto a pipe"
err_has "は通常のファイルではありません" "batch -o onto a pipe"
[ -p "$WORK/pipe" ] || fail "batch -o replaced the pipe"
pass
run "$T" batch "$WORK/cases.txt" -o "$WORK" --force
expect_rc 5 "batch -o onto a directory"
ls "$WORK" | grep -q '\.tmp-' && fail "batch left a temporary file behind"
pass

# Many chunks: every record out, in order, the same bytes to stdout, to a
# file and with three threads.
i=0
: > "$WORK/many.txt"
while [ $i -lt 1500 ]; do
  echo "case $i: 息子が${i}年ひきこもり、母は認知症" >> "$WORK/many.txt"
  i=$((i + 1))
done
run "$T" --at "$AT" batch "$WORK/many.txt"
expect_rc 0 "batch of 1500"
[ "$(wc -l < "$WORK/out")" -eq 1500 ] || fail "batch of 1500: not 1500 lines out"
pass
[ "$(sed -n '1500p' "$WORK/out" | grep -o '"record":[0-9]*')" = '"record":1500' ] || fail "batch of 1500: last line is not record 1500"
pass
cp "$WORK/out" "$WORK/many.jsonl"
run "$T" --at "$AT" batch --jobs 3 "$WORK/many.txt" -o "$WORK/many3.jsonl"
expect_rc 0 "batch --jobs 3 -o"
cmp -s "$WORK/many3.jsonl" "$WORK/many.jsonl" || fail "batch --jobs 3 -o: bytes differ from one thread to stdout"
pass

# Other formats.
run "$T" batch -f csv "$WORK/cases.txt"
expect_rc 6 "batch -f csv"
[ "$(head -c 8 "$WORK/out")" = "case_id," ] || fail "batch -f csv: no header line first"
pass
run "$T" batch -f html "$WORK/cases.txt"
out_has "</html>" "batch -f html is one whole document"
run "$T" batch -f markdown --split -o "$WORK/sheets" "$WORK/cases.txt"
expect_rc 6 "batch --split"
[ "$(ls "$WORK/sheets" | wc -l)" -eq 4 ] || fail "batch --split: not one sheet per record"
pass

# ------------------------------------------------------ open now, --at

run "$T" --at "2026-12-29 10:00" "$CASE"
expect_rc 0 "--at in the New Year closure"
out_has "火〜土 9:00-18:00 要予約" "--at: the hours"
out_has "本日休み、次は 1/5(火) 9:00" "--at: closed at the New Year, next opening under the hours"
run "$T" --at 2026-12-01T10:00+09:00 --lang en "$CASE"
expect_rc 0 "--at ISO 8601 with an offset"
out_has "open now" "--at: open now in English"
run "$T" --lang en query --at "2026-11-30 10:00" "$CASE"
expect_rc 0 "--at after the subcommand"
out_has "closed today; next 1 Dec (Tue) 9:00" "--at: a Monday closure in English"
run "$T" --at "2026-12-29 10:00" -f json "$CASE"
expect_rc 0 "--at with JSON"
out_has '"open_now": false,' "JSON open_now"
out_has '"next_open": "2027-01-05T09:00:00+09:00",' "JSON next_open with +09:00"
out_has '"open_now": null,' "JSON open_now is null without a schedule"
run "$T" --at "2026-09-22 10:00" -f json agencies hikikomori-center
out_has '"next_open": "2026-09-24T09:00:00+09:00"' "agencies ID -f json: the next opening after 国民の休日"
run "$T" --at "2026-12-29 10:00" batch "$WORK/cases.txt"
grep -F '"open_now":false,"next_open":"2027-01-05T09:00:00+09:00"' "$WORK/out" >/dev/null ||
  fail "batch --at: open_now and next_open in JSON Lines"
pass
for bad in "2026-12-29" "2026-13-01 10:00" "2026-12-29 25:00" "tomorrow"; do
  run "$T" --at "$bad" "$CASE"
  expect_rc 2 "--at '$bad'"
  err_has "tsunagu: --at '$bad' は日時として読めません。\"YYYY-MM-DD HH:MM\"（日本時間）で、たとえば \"2026-12-29 10:00\" のように、または 2026-12-29T10:00、2026-12-29T10:00+09:00 のような ISO 8601 で書いてください" "--at '$bad': message"
  [ -s "$WORK/out" ] && fail "--at '$bad': something on stdout"
  pass
done
run "$T" --lang en --at "tomorrow" "$CASE"
err_has "tsunagu: --at 'tomorrow' is not a valid time: expected \"YYYY-MM-DD HH:MM\" (Asia/Tokyo), e.g. \"2026-12-29 10:00\", or ISO 8601 such as 2026-12-29T10:00 or 2026-12-29T10:00+09:00" "--at in English: message"
# The holiday calendar: check warns once it has ended.
run "$T" check --at "2027-06-01 10:00"
expect_rc 0 "check within the calendar's years"
grep -F "holiday calendar" "$WORK/out" >/dev/null && fail "check --at 2027: a calendar warning"
pass
run "$T" check --at "2028-01-10 10:00"
expect_rc 0 "check after the calendar's last year (a warning)"
out_has "(built-in) data/holidays.yaml:37:26: 警告: 祝日の暦は 2026〜2027 年の分ですが、いまは 2028 年です" "check: the calendar ended"
run "$T" --lang en check --at "2028-01-10 10:00"
out_has "(built-in) data/holidays.yaml:37:26: warning: the holiday calendar covers 2026 to 2027 but it is 2028" "check in English: the calendar ended"
run "$T" --at "2028-03-01 10:00" "$CASE"
out_has "祝日不明(2028年)" "--at past the calendar: holidays unknown"
# A data directory without holidays.yaml uses the built-in calendar; a
# broken one is an error with its position.
mkdir "$WORK/nocal"
cp -R "$ROOT/data" "$WORK/nocal/" || fail "cannot copy data"
rm "$WORK/nocal/data/holidays.yaml"
run "$T" --data "$WORK/nocal/data" --at "2026-12-29 10:00" "$CASE"
expect_rc 0 "--data without holidays.yaml"
out_has "本日休み、次は 1/5(火) 9:00" "--data without holidays.yaml: the built-in calendar"
sed 's/kind: substitute/kind: furikae/' "$ROOT/data/holidays.yaml" >"$WORK/nocal/data/holidays.yaml"
LINE=$(grep -n 'kind: furikae' "$WORK/nocal/data/holidays.yaml" | head -n 1 | cut -d: -f1)
run "$T" --data "$WORK/nocal/data" "$CASE"
expect_rc 4 "a broken holidays.yaml"
err_has "tsunagu: $WORK/nocal/data/holidays.yaml:$LINE:32: 祝日の kind は national" "a broken holidays.yaml: position"
run "$T" --lang en --data "$WORK/nocal/data" "$CASE"
err_has "tsunagu: $WORK/nocal/data/holidays.yaml:$LINE:32: holiday kind must be national" "a broken holidays.yaml in English"
run "$T" check --data "$WORK/nocal/data"
expect_rc 4 "check with a broken holidays.yaml"
out_has "$WORK/nocal/data/holidays.yaml:$LINE:32: エラー: 祝日の kind は national" "check: holidays.yaml error"

# check --stale [DAYS]: warnings only (exit 0), about what no public source confirmed lately.
run "$T" check --stale --at "2026-12-03 10:00"
expect_rc 0 "check --stale"
out_has "警告: 機関 'houkatsu': 公開情報で一度も確認していません（ガイドラインのみ）" "check --stale names guideline-only agencies"
run "$T" --lang en check --stale --at "2026-12-03 10:00"
out_has "warning: agency 'houkatsu': never checked against a public source (guideline only)" "check --stale in English"
run "$T" --lang en check --stale 5000 --at "2026-12-03 10:00"
expect_rc 0 "check --stale 5000"
grep -q "agency 'hikikomori-center'.*more than" "$WORK/out" && fail "check --stale 5000: recent checks are not stale"
pass
run "$T" check --stale -3
expect_rc 2 "check --stale -3"
# Where names and contacts come from is said where they are shown.
run "$T" --top 3 "$CASE"
out_has "機関名はガイドラインに記載がなく推定です(順位 1, 2, 3)。" "the table says which names are inferred"
out_has "ガイドラインのみ" "the table says which agencies are guideline only"
run "$T" --lang en --top 2 "$CASE"
out_has "Agency names not given by the guideline are inferred (ranks 1, 2)." "inferred names, in English"
printf '%s\n' "$CASE" > "$WORK/one.txt"
run "$T" batch -f markdown "$WORK/one.txt"
out_has "機関名はガイドラインに記載がなく推定です(順位 1, 2, 3, 4, 5, 6, 7, 8)。" "a sheet says once which agency names are inferred"
passed
