#!/bin/sh
# Standard output that cannot be written (issue 17): a full disk
# (/dev/full) or a closed stdout makes every command say so and exit 5; a
# reader that went away (| head) stays quiet with 141. Also TSUNAGU_LANG
# values that are not ja/en, and control characters of a case on the
# terminal (explain, the table, diff, test).
# Usage: sh tests/output_errors_test.sh PATH_TO_TSUNAGU REPO_ROOT

set -u
TEST=output_errors_test
. "$(dirname "$0")/lib.sh"
unset NO_COLOR 2>/dev/null || true

need_tsunagu_root "$@"

no_byte() {  # no_byte OCTAL WHAT: stdout holds no such byte
  # shellcheck disable=SC2059 # the byte is the format: printf '\033'
  if LC_ALL=C grep "$(printf "\\$1")" "$WORK/out" >/dev/null; then fail "$2: stdout holds byte \\$1"; fi
  pass
}

CASE="80代の母が要介護、52歳の息子が10年ひきこもり、生活が苦しい"
printf '%s\n' "$CASE" "息子がひきこもり" >"$WORK/cases.txt"

# Every command, each format that writes something different. One command
# a line; words are split on spaces, so the case has none.
cat >"$WORK/commands" <<EOC
query $CASE
query -f json $CASE
$CASE
agencies
agencies -f json
agencies hikikomori-center
agencies --lang en hikikomori-center
explain $CASE
explain -f json $CASE
explain --why-not saposute $CASE
graph
graph -f mermaid
graph --case $CASE
check
check -f json
test $ROOT/tests/cases/examples.yaml
diff --rules $ROOT/rules $WORK/cases.txt
diff -f json --rules $ROOT/rules $WORK/cases.txt
--help
--lang en --help
--version
EOC

# The message in the language the command asks for (Japanese by default).
said() {  # COMMAND ENGLISH
  case "$1" in
    *"--lang en"*) echo "tsunagu: $2" ;;
    *) echo "tsunagu: 標準出力に書けません" ;;
  esac
}

# ------------------------------------------------- a full disk: /dev/full

if [ -w /dev/full ]; then
  while IFS= read -r command; do
    # shellcheck disable=SC2086 # split the command into its words
    "$T" $command >/dev/full 2>"$WORK/err"
    RC=$?
    expect_rc 5 "tsunagu $command >/dev/full"
    err_is "$(said "$command" "cannot write standard output"): No space left on device" "tsunagu $command >/dev/full"
  done <"$WORK/commands"
else
  echo "output_errors_test: no /dev/full here; its checks are skipped" >&2
fi

# ------------------------------------------------------ a closed stdout

while IFS= read -r command; do
  # shellcheck disable=SC2086
  "$T" $command >&- 2>"$WORK/err"
  RC=$?
  expect_rc 5 "tsunagu $command >&-"
  err_is "$(said "$command" "cannot write standard output"): Bad file descriptor" "tsunagu $command >&-"
done <"$WORK/commands"

# An error before anything is written keeps its own status and message.
"$T" --format xml "$CASE" >&- 2>"$WORK/err"
RC=$?
expect_rc 2 "--format xml >&-"
err_is "tsunagu: query の --format は table か json にしてください（'xml' は使えません）" "--format xml >&-"
"$T" --lang en --format xml "$CASE" >&- 2>"$WORK/err"
RC=$?
expect_rc 2 "--lang en --format xml >&-"
err_is "tsunagu: query --format must be table or json, not 'xml'" "--lang en --format xml >&-"
# A closed stdout is not taken by a file the run opens (batch -o): the
# output file gets every record, and nothing is reported.
"$T" batch -o "$WORK/b.jsonl" "$WORK/cases.txt" >&- 2>"$WORK/err"
RC=$?
expect_rc 0 "batch -o FILE >&-"
[ "$(wc -l <"$WORK/b.jsonl")" -eq 2 ] || fail "batch -o FILE >&-: not 2 records in the file"
pass
# Same bytes through a file as through a pipe: nothing is cut off.
"$T" -f json "$CASE" >"$WORK/file.json" 2>"$WORK/err"
"$T" -f json "$CASE" 2>"$WORK/err" | cat >"$WORK/pipe.json"
cmp -s "$WORK/file.json" "$WORK/pipe.json" || fail "-f json: a file and a pipe differ"
pass

# -------------------------------------- a reader that went away: | head

# More than a pipe holds (explain echoes the case several times), so the
# write fails whatever the timing.
BIG=$(for _ in $(seq 1 2000); do printf '息子がひきこもり、'; done)
( "$T" explain "$BIG" 2>"$WORK/err"; echo $? >"$WORK/rc" ) | head -c 1 >/dev/null
RC=$(cat "$WORK/rc")
expect_rc 141 "explain | head (SIGPIPE ends it)"
err_empty "explain | head"
# With SIGPIPE ignored by the parent the write fails with EPIPE: the same
# status, and still no message.
( trap '' PIPE; "$T" explain "$BIG" 2>"$WORK/err"; echo $? >"$WORK/rc" ) | head -c 1 >/dev/null
RC=$(cat "$WORK/rc")
expect_rc 141 "explain | head, SIGPIPE ignored"
err_empty "explain | head, SIGPIPE ignored"

# ------------------------------------------------------------ TSUNAGU_LANG

for value in EN en_US en_US.UTF-8 En-gb; do
  TSUNAGU_LANG=$value run "$T" "$CASE"
  expect_rc 0 "TSUNAGU_LANG=$value"
  out_has "Understood" "TSUNAGU_LANG=$value is English"
  err_empty "TSUNAGU_LANG=$value"
done
for value in ja_JP.UTF-8 JA; do
  TSUNAGU_LANG=$value run "$T" "$CASE"
  expect_rc 0 "TSUNAGU_LANG=$value"
  out_has "読み取った内容" "TSUNAGU_LANG=$value is Japanese"
  err_empty "TSUNAGU_LANG=$value"
done
for value in xx C fr_FR english; do
  TSUNAGU_LANG=$value run "$T" "$CASE"
  expect_rc 0 "TSUNAGU_LANG=$value"
  out_has "読み取った内容" "TSUNAGU_LANG=$value falls back to Japanese"
  err_is "tsunagu: 警告: TSUNAGU_LANG が '$value' で、ja でも en でもないため無視します" "TSUNAGU_LANG=$value"
done
TSUNAGU_LANG="$(printf 'x\033[31m')" run "$T" "$CASE"
expect_rc 0 "TSUNAGU_LANG with ESC"
err_is "tsunagu: 警告: TSUNAGU_LANG が 'x\\u001b[31m' で、ja でも en でもないため無視します" "TSUNAGU_LANG with ESC"
LC_ALL= LC_MESSAGES= LANG=en_US.UTF-8 TSUNAGU_LANG=xx run "$T" "$CASE"
out_has "Understood" "TSUNAGU_LANG=xx, then an English LANG"
err_is "tsunagu: warning: TSUNAGU_LANG is 'xx', not ja or en; ignored" "TSUNAGU_LANG=xx warned in English"
# --lang wins, without a word about the variable.
TSUNAGU_LANG=xx run "$T" --lang en "$CASE"
expect_rc 0 "TSUNAGU_LANG=xx --lang en"
out_has "Understood" "TSUNAGU_LANG=xx --lang en"
err_empty "TSUNAGU_LANG=xx --lang en"
TSUNAGU_LANG=en run "$T" "$CASE" --lang ja
out_has "読み取った内容" "TSUNAGU_LANG=en --lang ja"
TSUNAGU_LANG=xx run "$T" explain --lang en "$CASE"
expect_rc 0 "TSUNAGU_LANG=xx explain --lang en"
err_empty "TSUNAGU_LANG=xx explain --lang en"
# --version and --help always work.
for value in xx EN ''; do
  TSUNAGU_LANG=$value run "$T" --version
  expect_rc 0 "TSUNAGU_LANG='$value' --version"
  out_has "tsunagu " "TSUNAGU_LANG='$value' --version"
  err_empty "TSUNAGU_LANG='$value' --version"
  TSUNAGU_LANG=$value run "$T" --help
  expect_rc 0 "TSUNAGU_LANG='$value' --help"
  err_empty "TSUNAGU_LANG='$value' --help"
done

# ------------------------------------ control characters of a case, shown

ESC=$(printf '\033')
run "$T" explain "a${ESC}[31mb"
expect_rc 0 "explain with ESC"
no_byte 033 "explain with ESC"
out_has 'a\u001b[31mb' "explain shows ESC as \\u001b"
run "$T" explain --lang en "$(printf 'a\033]0;t\007b\177c\302\233d\re')"
expect_rc 0 "explain with OSC, BEL, DEL, C1, CR"
for byte in 033 007 177 015; do no_byte $byte "explain with OSC, BEL, DEL, C1, CR"; done
out_has 'a\u001b]0;t\u0007b\u007fc\u009bd\u000de' "explain shows each as \\u00XX"
run "$T" explain -f json "a${ESC}[31mb"
out_has '"a\u001b[31mb"' "explain -f json keeps JSON's own escape"
run "$T" "息子が死に${ESC}たいと言う"
expect_rc 0 "the table with ESC in an alert's words"
no_byte 033 "the table with ESC"
out_has '「死に\u001bたい' "the table shows ESC as \\u001b"
for format in dot mermaid; do
  run "$T" graph -f $format --case "$(printf '息子が死に\033たいと言う\177')"
  expect_rc 0 "graph -f $format --case with ESC"
  no_byte 033 "graph -f $format --case with ESC"
  no_byte 177 "graph -f $format --case with DEL"
  out_has '死に\u001bたい' "graph -f $format shows ESC as \\u001b"
done
if command -v dot >/dev/null 2>&1; then
  run "$T" graph --case "$(printf '息子が死に\033たいと言う')"
  dot -Tsvg "$WORK/out" >/dev/null 2>"$WORK/err" || fail "graph --case with ESC: dot cannot read it"
  pass
fi
# diff quotes a case it could not read (here: not UTF-8).
printf '息子が\033[2J\377\n' >"$WORK/esc.txt"
run "$T" diff --rules "$ROOT/rules" "$WORK/esc.txt"
expect_rc 3 "diff with ESC in a case"
no_byte 033 "diff with ESC in a case"
out_has '"息子が\u001b[2J\xff"' "diff shows ESC as \\u001b (and a bad byte as \\xff)"

passed
