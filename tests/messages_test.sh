#!/bin/sh
# Every message the source writes with Tr/TrF has its Japanese in
# src/messages/ja.po, and ja.po has none the source no longer uses.
# Usage: messages_test.sh TSUNAGU SOURCE_DIR
set -u
tsunagu=$1
src=$2
fail=0
pot=$(mktemp)
trap 'rm -f "$pot"' EXIT
xgettext --language=C++ --from-code=UTF-8 --keyword= --keyword=Tr --keyword=TrF --no-location \
  -o "$pot" "$src"/src/*.cpp "$src"/src/*.h || { echo "FAIL: xgettext"; exit 1; }
# msgcmp: every id of the source is translated (not empty, not fuzzy) in ja.po...
msgcmp "$src/src/messages/ja.po" "$pot" || { echo "FAIL: a message has no Japanese; run scripts/update-messages and translate"; fail=1; }
# ...and ja.po has no id the source does not use.
msgcmp --use-untranslated "$pot" "$src/src/messages/ja.po" ||
  { echo "FAIL: ja.po has a message the source does not use; run scripts/update-messages"; fail=1; }

# The chosen language reaches what a person reads.
expect() {  # NAME PATTERN COMMAND...
  name=$1 pattern=$2
  shift 2
  out=$("$@" 2>&1)
  if printf '%s' "$out" | grep -q -- "$pattern"; then echo "ok: $name"
  else echo "FAIL: $name: no '$pattern' in:"; printf '%s\n' "$out" | head -5; fail=1; fi
}
unset LC_ALL LC_MESSAGES LANG TSUNAGU_LANG
expect "help in Japanese by default" "使い方" "$tsunagu" --help
expect "help in English with --lang en" "Usage" "$tsunagu" --lang en --help
expect "help in English with -len" "Usage" "$tsunagu" -len --help
expect "help in English with LANG=en_US.UTF-8" "Usage" env LANG=en_US.UTF-8 "$tsunagu" --help
expect "LC_ALL wins over LANG" "使い方" env LC_ALL=C.UTF-8 LANG=en_US.UTF-8 "$tsunagu" --help
expect "LC_MESSAGES before LANG" "Usage" env LC_MESSAGES=en_GB.UTF-8 LANG=ja_JP.UTF-8 "$tsunagu" --help
expect "TSUNAGU_LANG wins over LANG" "使い方" env TSUNAGU_LANG=ja LANG=en_US.UTF-8 "$tsunagu" --help
expect "--lang wins over TSUNAGU_LANG" "Usage" env TSUNAGU_LANG=ja "$tsunagu" --help --lang en
expect "C locale is Japanese" "使い方" env LANG=C "$tsunagu" --help
expect "subcommand help in Japanese" "共通のオプション" "$tsunagu" batch --help
expect "unknown command in Japanese" "というコマンドはありません" "$tsunagu" qeury 息子
expect "unknown option in Japanese" "'--top' のことですか" "$tsunagu" --tpo 3 息子
expect "bad value in Japanese" "オプションが受け付けない値です" "$tsunagu" --top -1 息子
expect "bad value in English" "a value is not one the option takes" "$tsunagu" --lang en --top -1 son
expect "no case in Japanese" "事例を書いてください" "$tsunagu" --lang ja
expect "an English locale gives English output" "First contact" env LANG=en_US.UTF-8 "$tsunagu" "son, 48, unemployed"

# Every help fits an 80-column terminal in both languages (wc -L counts a
# CJK character as two columns in a UTF-8 locale).
for cmd in "" query agencies test batch explain check graph diff shell completion export-data export; do
  for lang in ja en; do
    widest=$(COLUMNS=80 LC_ALL=C.UTF-8 "$tsunagu" --lang $lang $cmd --help | LC_ALL=C.UTF-8 wc -L)
    if [ "$widest" -le 80 ]; then echo "ok: $lang ${cmd:-tsunagu} --help fits 80 columns"
    else echo "FAIL: $lang ${cmd:-tsunagu} --help is $widest columns wide"; fail=1; fi
  done
done

# Batch users, testers and the shell (issue 12): the batch summary and a
# scenario failure follow the language; English counts agree in number.
work=$(mktemp -d)
trap 'rm -f "$pot"; rm -rf "$work"' EXIT
printf '%s\n' '息子がひきこもり' > "$work/one.txt"
printf '%s\n' '息子がひきこもり' '' > "$work/two.txt"
printf '%s\n' '- name: must fail' '  text: "息子がひきこもり"' '  exclude: [hikikomori-center]' > "$work/fail.yaml"
expect "batch summary in Japanese" "^事例 1件（うちエラー 0件）$" "$tsunagu" batch "$work/one.txt"
expect "batch summary in English, singular" "^1 case, 0 errors$" "$tsunagu" --lang en batch "$work/one.txt"
expect "batch summary in English, plural" "^2 cases, 1 error$" "$tsunagu" --lang en batch "$work/two.txt"
expect "batch error record in Japanese" '"message":"本文が空です"' "$tsunagu" batch "$work/two.txt"
expect "batch error record in English" '"message":"the text is empty"' "$tsunagu" -l en batch "$work/two.txt"
expect "test failure in Japanese" "hikikomori-center は出ないはずが、1 位に出ました" "$tsunagu" test "$work/fail.yaml"
expect "test summary in Japanese" "^合格 0件、失敗 1件$" "$tsunagu" test "$work/fail.yaml"
expect "test failure in English" "expected no hikikomori-center, got it at rank 1" "$tsunagu" --lang en test "$work/fail.yaml"
expect "test summary in English" "^0 passed, 1 failed$" "$tsunagu" --lang en test "$work/fail.yaml"
expect "shell in English with LANG" "^unknown command :zzzzzz; :help lists the commands$" \
  sh -c 'echo :zzzzzz | LANG=en_US.UTF-8 "$0" shell' "$tsunagu"

# Files from Japanese offices (issue 13): the CP932 note and a wrong
# --encoding, in Japanese by default.
printf '%s\n' '息子がひきこもり' | iconv -f UTF-8 -t CP932 > "$work/sjis.txt"
expect "CP932 note in Japanese" "は UTF-8 ではないため、CP932（Excel が保存する Shift_JIS）として読みます" \
  "$tsunagu" batch "$work/sjis.txt"
expect "unknown encoding in Japanese" "'utf-8' のことですか" "$tsunagu" batch --encoding utf-9 "$work/one.txt"

# Data keepers' messages (loaders and check) follow the language too.
mkdir "$work/data"
cp "$src"/data/*.yaml "$work/data/"
sed -i '0,/^  name:/s//  nmae:/' "$work/data/agencies.yaml"
expect "a broken data file in Japanese by default" "機関の項目 に知らないキー 'nmae' があります。'name' のことですか？" \
  "$tsunagu" --data "$work/data" 息子
expect "a broken data file in English with --lang en" "unknown key 'nmae' in an agency; did you mean 'name'?" \
  "$tsunagu" --lang en --data "$work/data" son
expect "a check finding in Japanese by default" "エラー: 機関の項目 に知らないキー 'nmae'" "$tsunagu" check --data "$work/data"
expect "a check warning in Japanese by default" "警告: エラーのある機関 '" "$tsunagu" check --data "$work/data"
expect "a check summary in Japanese by default" "エラー 1 件、警告 2 件（6 ファイル）" "$tsunagu" check --data "$work/data"
expect "a check finding in English with --lang en" "error: unknown key 'nmae' in an agency" \
  "$tsunagu" --lang en check --data "$work/data"
expect "a check warning in English with --lang en" "warning: refers to agency '" "$tsunagu" --lang en check --data "$work/data"
expect "a check summary in English with LANG=en_US.UTF-8" "1 error, 2 warnings in 6 files" \
  env LANG=en_US.UTF-8 "$tsunagu" check --data "$work/data"
expect "a bad --at in Japanese by default" "日時として読めません" "$tsunagu" --at tomorrow 息子
expect "a bad --at in English with --lang en" "is not a valid time" "$tsunagu" --lang en --at tomorrow son
exit $fail
