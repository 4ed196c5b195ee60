#!/bin/sh
# Tests for `tsunagu shell` / `tsunagu -i`: a script drives it through a
# pipe (no prompt), and `script` (util-linux) gives it a terminal to test
# the prompt, libedit with Japanese input and the history file.
# Usage: sh tests/shell_test.sh PATH_TO_TSUNAGU
set -u
TEST=shell_test
. "$(dirname "$0")/lib.sh"

need_args 1 "PATH_TO_TSUNAGU" $#
T=$1
need_exe "$T"

# Through a pipe: cases and commands, in order; nothing after :quit.
printf '%s\n' '息子(40)が10年ひきこもっている。父は80歳' ':explian' ':why-not saposute' ':lang en' ':top 2' \
  ':json' ':agency houkatsu' ':sheet' ':top x' ':lang fr' ':why-not' ':hlep' '' '   ' ':quit' 'never read' |
  "$T" shell > "$WORK/out" 2>&1
[ $? -eq 0 ] || fail "pipe session: expected exit 0"
out_has "最初の窓口: 新潟市ひきこもり相談支援センター" "a case is answered as tsunagu TEXT"
out_has ":explian というコマンドはありません。:explain のことですか？ :help で一覧を表示します。" "unknown command, did-you-mean"
out_has '"schema": "tsunagu.result/2"' ":json prints the last case as JSON"
out_has "# Referral sheet — case-1" ":sheet prints the last case's sheet, named by its number"
out_has ":top takes a whole number from 0 (all) to 1000" ":top checks its number"
out_has ":lang takes ja or en" ":lang checks its value"
out_has ":why-not takes an agency id, e.g. :why-not saposute" ":why-not needs an id"
out_has "unknown command :hlep; did you mean :help? :help lists the commands" ":lang en switches the shell's own words"
out_lacks "never read" "nothing after :quit"
out_lacks "tsunagu shell:" "no greeting without a terminal"

# A command about the last case before any case.
printf ':explain\n' | "$T" -i > "$WORK/out" 2>&1
out_has "まだ事例がありません。先に事例を入力してください。" "-i is the shell; :explain needs a case"

# :sheet FILE.html writes an HTML document, owner-only, and never overwrites.
printf '%s\n' '母が80代で息子は無職' ":sheet $WORK/sheet.html" ":sheet $WORK/sheet.html" |
  "$T" shell > "$WORK/out" 2>&1
out_has "保存しました: $WORK/sheet.html" ":sheet FILE writes the file"
grep -q "<html" "$WORK/sheet.html" || fail ":sheet FILE.html: expected an HTML document"
[ "$(stat -c %a "$WORK/sheet.html")" = 600 ] || fail ":sheet FILE: expected mode 600"
out_has "$WORK/sheet.html" "a second :sheet to the same file is refused with its name"
CHECKS=$((CHECKS + 2))

# At a terminal: the greeting and prompt, Japanese typed through libedit
# (whatever the locale), and history only in the file asked for.
if command -v script >/dev/null; then
  (printf '%s\n' '息子が10年ひきこもっている'; sleep 1; printf ':quit\n') |
    env -u LANG -u LC_ALL HOME="$WORK" script -qec "$T shell --history $WORK/hist" /dev/null > "$WORK/out" 2>&1
  [ $? -eq 0 ] || fail "terminal session: expected exit 0"
  out_has "tsunagu shell: 事例を1行で入力してください" "the greeting at a terminal"
  out_has "事例> " "the prompt"
  out_has "最初の窓口: 新潟市ひきこもり相談支援センター" "a Japanese case typed at the prompt (C locale)"
  grep -q "息子が10年ひきこもっている" "$WORK/hist" || fail "--history FILE keeps the cases typed"
  [ "$(stat -c %a "$WORK/hist")" = 600 ] || fail "--history FILE: expected mode 600"
  [ -e "$WORK/.bash_history" ] && fail "the shell history file was written"
  (printf 'son withdrawn\n'; sleep 1; printf ':quit\n') |
    env HOME="$WORK" script -qec "$T --lang en shell" /dev/null > "$WORK/out" 2>&1
  out_has "case> " "the English prompt"
  ls "$WORK" | grep -qv -e '^hist$' -e '^out$' -e '^sheet.html$' && fail "without --history, no file is written"
  CHECKS=$((CHECKS + 4))
else
  echo "shell_test: no 'script' command: terminal checks skipped"
fi
passed
