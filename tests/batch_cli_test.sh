#!/bin/sh
# Command-line tests for `tsunagu batch` input and output (issue 17):
# signals ignored at start stay ignored, output targets are checked before
# the first case, --split writes all or none, a closed standard input is
# an error, control characters never reach the output raw.
# Usage: sh tests/batch_cli_test.sh PATH_TO_TSUNAGU REPO_ROOT
# Exits non-zero at the first failure, saying which check failed.

set -u
TEST=batch_cli_test
. "$(dirname "$0")/lib.sh"
trap 'exec 3>&- 2>/dev/null; rm -rf "$WORK"' EXIT  # and the FIFO's writer below

need_tsunagu_root "$@"

# expect_err MESSAGE WHAT: stderr is exactly "tsunagu: MESSAGE", nothing else
# (no "N cases" summary: the run never started).
expect_err() { err_is "tsunagu: $1" "$2"; }
no_temp_left() {  # no_temp_left DIR WHAT
  ls -A "$1" | grep -q 'tmp' && fail "$2: a temporary file or directory was left in $1"
  pass
}

printf '%s\n' "親が80代、息子は無職、生活が苦しい" "son 52, unemployed" > "$WORK/cases.txt"

# ------------------------------------------------ signals (nohup, scripts)

# start_on_fifo NAME WRAPPER...: starts `WRAPPER... tsunagu batch - -o
# $WORK/NAME.jsonl` in the background reading the FIFO $WORK/NAME.in,
# writes one case, and waits until the temporary output file exists (the
# signal handler is installed by then). Sets PID.
start_on_fifo() {
  name=$1
  shift
  mkfifo "$WORK/$name.in"
  "$@" "$T" batch - -o "$WORK/$name.jsonl" <"$WORK/$name.in" 2>"$WORK/$name.err" &
  PID=$!
  exec 3>"$WORK/$name.in"
  echo "son 52, unemployed" >&3
  i=0
  until ls "$WORK" | grep -q "^$name\.jsonl\.tmp-"; do
    i=$((i + 1))
    [ $i -le 200 ] || fail "$name: no temporary output file after 20 s"
    sleep 0.1
  done
}
# finish_fifo [more]: with "more", writes a second case; then closes the
# input and waits; sets RC. (SIGPIPE is ignored for the write: with no
# reader left it would kill this script.)
finish_fifo() {
  [ "${1:-}" = more ] && (trap '' PIPE && echo "ひきこもり" >&3) 2>/dev/null
  exec 3>&-
  wait "$PID" 2>/dev/null
  RC=$?
}

# survives SIG NAME WHAT [WRAPPER...]: a batch started by start_on_fifo
# NAME WRAPPER... gets SIG mid-run, yet exits 0 with both cases written.
survives() {
  sig=$1
  fifo=$2
  what=$3
  shift 3
  start_on_fifo "$fifo" "$@"
  kill -"$sig" "$PID"
  sleep 0.3
  finish_fifo more
  [ "$RC" -eq 0 ] || fail "$what: exit $RC after SIG$sig, expected 0"
  pass
  [ "$(wc -l <"$WORK/$fifo.jsonl")" -eq 2 ] || fail "$what: the output file lacks records"
  pass
}

# nohup-like: SIGHUP ignored at start survives a SIGHUP, output intact.
# (No subshell: the background job itself becomes tsunagu, so $! is it.)
ignore_hup() {
  trap '' HUP
  exec "$@"
}
survives HUP hup "batch with SIGHUP ignored at start" ignore_hup
[ "$(cat "$WORK/hup.err")" = "事例 2件（うちエラー 0件）" ] || fail "batch with SIGHUP ignored: stderr is '$(cat "$WORK/hup.err")'"
pass
no_temp_left "$WORK" "batch with SIGHUP ignored"

# A background job of a script has SIGINT ignored (the shell does it, with
# no job control): a SIGINT does not kill it either.
survives INT int "background batch (SIGINT ignored by the shell)"

# Not ignored: SIGINT, SIGTERM and SIGHUP stop the run and remove the
# temporary file; no output file appears.
if env --default-signal=INT true 2>/dev/null; then
  for sig in INT TERM HUP; do
    start_on_fifo "kill$sig" env --default-signal=INT
    kill -"$sig" "$PID"
    finish_fifo
    [ "$RC" -gt 128 ] || fail "batch killed by SIG$sig: exit $RC, expected death by the signal"
    pass
    [ -e "$WORK/kill$sig.jsonl" ] && fail "batch killed by SIG$sig: an output file appeared"
    pass
    no_temp_left "$WORK" "batch killed by SIG$sig"
  done
  # --split: a SIGINT in the middle leaves no sheet and no temporary one.
  # Over 64 KiB of input, so that cases are triaged while more is awaited.
  mkfifo "$WORK/split.in"
  env --default-signal=INT "$T" batch -f markdown --split -o "$WORK/split" - <"$WORK/split.in" 2>/dev/null &
  PID=$!
  exec 3>"$WORK/split.in"
  i=0
  while [ $i -lt 3000 ]; do
    echo "息子が${i}年ひきこもり、母は認知症" >&3
    i=$((i + 1))
  done
  i=0
  until ls "$WORK"/split/.tsunagu-tmp-*/ 2>/dev/null | grep -q .; do
    i=$((i + 1))
    [ $i -le 200 ] || fail "batch --split: no temporary sheet after 20 s"
    sleep 0.1
  done
  kill -INT "$PID"
  finish_fifo
  [ "$RC" -gt 128 ] || fail "batch --split killed by SIGINT: exit $RC, expected death by the signal"
  pass
  [ -z "$(ls -A "$WORK/split")" ] || fail "batch --split killed by SIGINT left: $(ls -A "$WORK/split")"
  pass
else
  echo "batch_cli_test: env --default-signal missing: SIGINT removal not checked" >&2
fi
rm -f "$WORK"/*.in "$WORK"/*.err

# ------------------------------------------- -o targets, before the run

ln -s "$WORK/nowhere.jsonl" "$WORK/dangling.jsonl"
run "$T" batch "$WORK/cases.txt" -o "$WORK/dangling.jsonl"
expect_rc 5 "batch -o onto a dangling symbolic link"
expect_err "$WORK/dangling.jsonl はシンボリックリンクです。-o はリンクの先に書くことも、リンクを置き換えることもしません。新しいファイルのパスを指定してください" \
  "batch -o onto a dangling symbolic link"
run "$T" batch "$WORK/cases.txt" -o "$WORK/dangling.jsonl" --force
expect_rc 5 "batch -o --force onto a dangling symbolic link"
[ -e "$WORK/nowhere.jsonl" ] && fail "batch -o wrote through a symbolic link"
pass

run "$T" batch "$WORK/cases.txt" -o "$WORK/cases.txt/out.jsonl"
expect_rc 5 "batch -o under a file"
expect_err "$WORK/cases.txt/out.jsonl を作れません: Not a directory" "batch -o under a file"

: >"$WORK/ro.jsonl"
chmod 444 "$WORK/ro.jsonl"
run "$T" --lang en batch "$WORK/cases.txt" -o "$WORK/ro.jsonl" --force
expect_rc 5 "batch -o --force onto a read-only file"
expect_err "$WORK/ro.jsonl is read-only; --force does not replace it: make it writable or remove it first" \
  "batch -o --force onto a read-only file"

if [ "$(id -u)" -ne 0 ]; then  # root writes anywhere
  mkdir "$WORK/locked"
  chmod 555 "$WORK/locked"
  run "$T" batch "$WORK/cases.txt" -o "$WORK/locked/out.jsonl"
  expect_rc 5 "batch -o into an unwritable directory"
  expect_err "$WORK/locked/out.jsonl を作れません: Permission denied" "batch -o into an unwritable directory"
  run "$T" batch -f markdown --split -o "$WORK/locked/sheets" "$WORK/cases.txt"
  expect_rc 5 "batch --split under an unwritable directory"
  expect_err "ディレクトリ $WORK/locked/sheets を作れません: Permission denied" "batch --split under an unwritable directory"
  chmod 755 "$WORK/locked"
fi
no_temp_left "$WORK" "refused -o targets"

# ------------------------------------------------- --split: all or none

printf 'id,text\na,son 52\nb,ひきこもり\nc,借金がある\n' >"$WORK/three.csv"
run "$T" batch -f markdown --split -o "$WORK/sheets" "$WORK/three.csv"
expect_rc 0 "batch --split"
[ "$(ls "$WORK/sheets" | tr '\n' ' ')" = "000001-a.md 000002-b.md 000003-c.md " ] || fail "batch --split: $(ls "$WORK/sheets")"
pass
cp -p "$WORK/sheets/000002-b.md" "$WORK/b.before"
printf 'id,text\nz,new\na,son 52\nb,other\n' >"$WORK/again.csv"
run "$T" batch -f markdown --split -o "$WORK/sheets" "$WORK/again.csv"
expect_rc 5 "batch --split onto existing sheets"
expect_err "$WORK/sheets/000001-a.md はすでにあります。置き換えるには --force をつけてください" "batch --split onto existing sheets"
[ "$(ls -A "$WORK/sheets" | tr '\n' ' ')" = "000001-a.md 000002-b.md 000003-c.md " ] ||
  fail "batch --split onto existing sheets changed the directory: $(ls -A "$WORK/sheets")"
pass
# With --force, a directory where a sheet goes stops the run: none written.
mkdir "$WORK/sheets/000002-z.md"
run "$T" batch -f markdown --split -o "$WORK/sheets" "$WORK/again.csv" --force --lang en
expect_rc 5 "batch --split --force onto a directory"
expect_err "$WORK/sheets/000002-z.md is not a regular file (a device, directory or pipe); -o writes files only: leave out -o to write to standard output and redirect that" \
  "batch --split --force onto a directory"
[ "$(ls -A "$WORK/sheets" | tr '\n' ' ')" = "000001-a.md 000002-b.md 000002-z.md 000003-c.md " ] ||
  fail "batch --split --force onto a directory changed the directory: $(ls -A "$WORK/sheets")"
pass
cmp -s "$WORK/b.before" "$WORK/sheets/000002-b.md" || fail "batch --split that failed changed 000002-b.md"
pass
rmdir "$WORK/sheets/000002-z.md"
run "$T" batch -f markdown --split -o "$WORK/sheets" "$WORK/again.csv" --force
expect_rc 0 "batch --split --force"
grep -q "^> other$" "$WORK/sheets/000003-b.md" || fail "batch --split --force: 000003-b.md is not the new sheet"
pass
no_temp_left "$WORK/sheets" "batch --split"

# ------------------------------------------------------- standard input

run "$T" batch - <&-
expect_rc 5 "batch - with standard input closed"
expect_err "標準入力が閉じているため読めません。ファイルを指定するか、'-' を指定して事例を標準入力から渡してください" \
  "batch - with standard input closed"
"$T" --lang en batch "$WORK/cases.txt" >&- 2>"$WORK/err"
RC=$?
expect_rc 5 "batch with standard output closed"
expect_err "cannot write standard output: it is closed; give -o FILE, or redirect standard output" \
  "batch with standard output closed"
run "$T" batch - </dev/null
expect_rc 0 "batch - with an empty standard input"
[ "$(cat "$WORK/err")" = "事例 0件（うちエラー 0件）" ] || fail "batch - </dev/null: stderr is '$(cat "$WORK/err")'"
pass
run "$T" --lang en batch - </dev/null
[ "$(cat "$WORK/err")" = "0 cases, 0 errors" ] || fail "batch --lang en - </dev/null: stderr is '$(cat "$WORK/err")'"
pass
run "$T" batch "$WORK"
expect_rc 5 "batch DIRECTORY"
[ "$(tail -n 1 "$WORK/err")" = "tsunagu: $WORK を読めません: Is a directory" ] || fail "batch DIRECTORY: message"
pass

# ------------------------------------------------ duplicates, long fields

printf 'text,id,TEXT\na,1,b\n' >"$WORK/dup.csv"
run "$T" batch "$WORK/dup.csv"
expect_rc 3 "a CSV header with text twice"
expect_err "$WORK/dup.csv: 1行目: CSV の見出し行に 'text' の列が二つあります（1 番目と 3 番目）。一つにしてください" \
  "a CSV header with text twice"
printf '{"text": "a", "text": "son 52"}\n{"text": "ひきこもり"}\n' >"$WORK/dup.jsonl"
run "$T" batch "$WORK/dup.jsonl"
expect_rc 6 "a JSON Lines key given twice"
grep -qF '"error":{"kind":"duplicate-key","message":"1行目 15列: キー \"text\" が二度あります（最初は 2列）。一つにしてください","line":1}' "$WORK/out" ||
  fail "a JSON Lines key given twice: no duplicate-key error record in Japanese"
pass
run "$T" batch "$WORK/dup.jsonl" --lang en
grep -qF '"error":{"kind":"duplicate-key","message":"line 1, column 15: the key \"text\" is given twice (first at column 2); keep one","line":1}' "$WORK/out" ||
  fail "a JSON Lines key given twice: no duplicate-key error record"
pass

# A quoted field left open past 64 KiB: one error record (~1 MB input).
{
  printf 'id,text\n1,"a note that runs on\n'
  i=0
  while [ $i -lt 6000 ]; do
    printf 'l, "" x\nl, "" x\nl, "" x\nl, "" x\nl, "" x\nl, "" x\nl, "" x\nl, "" x\nl, "" x\nl, "" x\n'
    printf 'a longer line of the field, with commas, and some more words in it to fill it out\n'
    i=$((i + 1))
  done
  printf 'end",\n2,son 52\n'
} >"$WORK/open.csv"
run "$T" batch "$WORK/open.csv"
expect_rc 6 "a quoted field past the limit"
[ "$(cat "$WORK/err")" = "事例 2件（うちエラー 1件）" ] || fail "a quoted field past the limit: '$(cat "$WORK/err")', expected 2 cases, 1 error"
pass
grep -qF '"message":"2行目: 65536 バイトより長いレコードです。その中の引用符で囲まれた項目は、閉じる所（66003行目）まで読み飛ばしました"' "$WORK/out" ||
  fail "a quoted field past the limit: the error record"
pass

# ------------------------------------------------- control characters

ESC=$(printf '\033')
printf '{"id": "x\\u001b[2J\\ny\\u0085", "text": "息子がひきこもり\\n\\u001b]0;title\\u0007母は80代"}\n' >"$WORK/ctl.jsonl"
for format in csv markdown html; do
  run "$T" batch -f "$format" "$WORK/ctl.jsonl"
  expect_rc 0 "control characters, $format"
  grep -qF "$ESC" "$WORK/out" && fail "control characters, $format: a raw ESC in the output"
  pass
  LC_ALL=C grep -q "$(printf '\302\205')" "$WORK/out" && fail "control characters, $format: a raw C1 NEL in the output"
  pass
done
run "$T" batch -f markdown "$WORK/ctl.jsonl"
grep -qxF '# 紹介シート — x\\u001b\[2J\\u000ay\\u0085' "$WORK/out" || fail "control characters: the Markdown title"
pass
grep -qxF '> \\u001b\]0;title\\u0007母は80代' "$WORK/out" || fail "control characters: the second quoted line"
pass

passed
