#!/bin/sh
# Issue 12, "installed like a Debian tool", through the real binary:
# `tsunagu completion bash|zsh|fish`, `tsunagu export-data DIR` and the
# data and rules version (`--version`, the JSON "data_version").
# Usage: sh tests/install_test.sh PATH_TO_TSUNAGU REPO_ROOT
# Exits non-zero at the first failure, saying which check failed.

set -u
TEST=install_test
. "$(dirname "$0")/lib.sh"

need_tsunagu_root "$@"

CASE="80代の母が要介護、52歳の息子が10年ひきこもり、生活が苦しい"

# ------------------------------------------------------------ completion

run "$T" completion bash
expect_rc 0 "completion bash"
cp "$WORK/out" "$WORK/tsunagu.bash"
bash -n "$WORK/tsunagu.bash" || fail "completion bash: bash -n finds a syntax error"
pass
bash -c '. "$1" && complete -p tsunagu' sh "$WORK/tsunagu.bash" >"$WORK/out" 2>"$WORK/err" ||
  fail "completion bash: sourcing it and complete -p tsunagu failed"
out_has "complete -F _tsunagu tsunagu" "complete -p after sourcing"

# complete WORDS...: what the bash function offers for the last word (the
# one being completed; '' for a new word), one per line, sorted.
complete_bash() {
  bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    _tsunagu; printf "%s\n" "${COMPREPLY[@]}"' sh "$WORK/tsunagu.bash" tsunagu "$@" 2>"$WORK/err" |
    LC_ALL=C sort >"$WORK/out"
}
offers() {  # offers EXPECTED-LINES WHAT
  [ "$(cat "$WORK/out")" = "$1" ] || fail "$2: offered '$(tr '\n' ' ' <"$WORK/out")', expected '$(echo "$1" | tr '\n' ' ')'"
  pass
}
complete_bash que
offers "query" "tsunagu que<TAB>"
complete_bash ex
offers "explain
export
export-data" "tsunagu ex<TAB>"
complete_bash --l
offers "--lang" "tsunagu --l<TAB>"
complete_bash --lang ''
offers "en
ja" "tsunagu --lang <TAB>"
complete_bash query -f ''
offers "json
table" "tsunagu query -f <TAB>"
complete_bash batch --format ''
offers "csv
html
jsonl
markdown" "tsunagu batch --format <TAB>"
complete_bash --lang en graph --format ''
offers "dot
mermaid" "tsunagu --lang en graph --format <TAB>"
complete_bash check --format ''
offers "json
text" "tsunagu check --format <TAB>"
complete_bash batch --input-format c
offers "csv" "tsunagu batch --input-format c<TAB>"
complete_bash agencies hikikomori
offers "hikikomori-center" "tsunagu agencies hikikomori<TAB>"
complete_bash explain --why-not houk
offers "houkatsu" "tsunagu explain --why-not houk<TAB>"
complete_bash export --format ''
offers "hsds" "tsunagu export --format <TAB>"
complete_bash completion ''
offers "bash
fish
zsh" "tsunagu completion <TAB>"
complete_bash batch --sp
offers "--split" "tsunagu batch --sp<TAB>"
complete_bash diff --exit
offers "--exit-code" "tsunagu diff --exit<TAB>"
complete_bash export-data --f
offers "--force
--format" "tsunagu export-data --f<TAB>"
complete_bash query --da
offers "--data" "tsunagu query --da<TAB> (a shared option after a command)"
mkdir -p "$WORK/files/dir1"
: >"$WORK/files/cases1.yaml"
complete_bash test "$WORK/files/c"
offers "$WORK/files/cases1.yaml" "tsunagu test FILE<TAB> offers files"
complete_bash --data "$WORK/files/"
offers "$WORK/files/dir1" "tsunagu --data DIR<TAB> offers directories only"
complete_bash batch -o "$WORK/files/ca"
offers "$WORK/files/cases1.yaml" "tsunagu batch -o FILE<TAB>"
complete_bash query -n ''
offers "" "tsunagu query -n <TAB> offers nothing"

# Every --format value the completion offers is one the command accepts.
for f in table json; do
  run "$T" query --format "$f" "$CASE"
  expect_rc 0 "query --format $f"
  run "$T" explain --format "$f" "$CASE"
  expect_rc 0 "explain --format $f"
  run "$T" agencies --format "$f"
  expect_rc 0 "agencies --format $f"
done
for f in jsonl csv markdown html; do
  echo "$CASE" | "$T" batch --format "$f" >/dev/null 2>"$WORK/err"
  RC=$?
  expect_rc 0 "batch --format $f"
done
for f in text json; do
  run "$T" check --format "$f"
  expect_rc 0 "check --format $f"
done
for f in dot mermaid; do
  run "$T" graph --format "$f"
  expect_rc 0 "graph --format $f"
done
run "$T" export --format hsds
expect_rc 0 "export --format hsds"
run "$T" export --format csv
expect_rc 2 "export --format csv"
err_is "tsunagu: export の --format は hsds だけです（'csv' は使えません）" "export --format csv names the accepted format"

# zsh and fish: their syntax, when those shells are installed.
run "$T" completion zsh
expect_rc 0 "completion zsh"
out_has "#compdef tsunagu" "completion zsh first line"
out_has "hikikomori-center" "completion zsh agency ids"
out_has "'--help[このヘルプを表示して終わる]'" "completion zsh: descriptions in the chosen language"
run "$T" --lang en completion zsh
out_has "'--help[print this help and exit]'" "completion zsh: descriptions in English with --lang en"
run "$T" completion zsh
cp "$WORK/out" "$WORK/_tsunagu"
if command -v zsh >/dev/null 2>&1; then
  zsh -n "$WORK/_tsunagu" || fail "completion zsh: zsh -n finds a syntax error"
  pass
else
  echo "install_test: zsh not installed: its completion's syntax is not checked"
fi
run "$T" completion fish
expect_rc 0 "completion fish"
out_has "complete -c tsunagu" "completion fish"
out_has "jsonl csv markdown html" "completion fish batch formats"
cp "$WORK/out" "$WORK/tsunagu.fish"
if command -v fish >/dev/null 2>&1; then
  fish --no-execute "$WORK/tsunagu.fish" || fail "completion fish: fish --no-execute finds a syntax error"
  pass
  # fish can complete a command line itself: complete -C.
  complete_fish() {
    fish -c 'source $argv[1]; complete -C $argv[2]' "$WORK/tsunagu.fish" "$1" 2>"$WORK/err" | cut -f1 |
      LC_ALL=C sort >"$WORK/out"
  }
  complete_fish "tsunagu que"
  offers "query" "fish: tsunagu que<TAB>"
  complete_fish "tsunagu batch --format "
  offers "csv
html
jsonl
markdown" "fish: tsunagu batch --format <TAB>"
  complete_fish "tsunagu explain --why-not houk"
  offers "houkatsu" "fish: tsunagu explain --why-not houk<TAB>"
  complete_fish "tsunagu test $WORK/files/c"
  offers "$WORK/files/cases1.yaml" "fish: tsunagu test FILE<TAB>"
else
  echo "install_test: fish not installed: its completion's syntax is not checked"
fi

run "$T" completion tcsh
expect_rc 2 "completion tcsh"
err_is "tsunagu: オプションが受け付けない値です（shell: tcsh not in {bash,zsh,fish}）
詳しくは tsunagu --help（または tsunagu コマンド --help）を実行してください。" "completion tcsh names the accepted shells"
run "$T" completion
expect_rc 2 "completion without a shell"
grep -F "shell is required" "$WORK/err" >/dev/null || fail "completion without a shell: no message"
pass

# ----------------------------------------------------------- export-data

run "$T" export-data "$WORK/x"
expect_rc 0 "export-data DIR"
out_has "$WORK/x/data と $WORK/x/rules に書き出しました。編集したら: tsunagu --data $WORK/x/data --rules $WORK/x/rules check" "export-data says how to check"
run "$T" --lang en export-data --force "$WORK/x"
out_has "files to $WORK/x/data and $WORK/x/rules. After an edit: tsunagu --data $WORK/x/data --rules $WORK/x/rules check" \
  "export-data says how to check, in English"
for f in data/agencies.yaml data/crisis.yaml rules/lexicon.yaml rules/routing.yaml rules/alerts.yaml; do
  cmp -s "$ROOT/$f" "$WORK/x/$f" || fail "export-data: $f differs from the file the binary was built from"
  [ "$(stat -c %a "$WORK/x/$f")" = 644 ] || fail "export-data: $f has mode $(stat -c %a "$WORK/x/$f"), expected 644"
  pass
done
# Every YAML file of the repository, and nothing else.
(cd "$ROOT" && ls data/*.yaml rules/*.yaml) >"$WORK/repo-files"
(cd "$WORK/x" && ls data/* rules/*) >"$WORK/exported-files"
cmp -s "$WORK/repo-files" "$WORK/exported-files" || fail "export-data: not the same files as data/ and rules/"
pass
for d in "$WORK/x" "$WORK/x/data" "$WORK/x/rules"; do
  [ "$(stat -c %a "$d")" = 755 ] || fail "export-data: $d has mode $(stat -c %a "$d"), expected 755"
  pass
done
run "$T" --data "$WORK/x/data" --rules "$WORK/x/rules" check
expect_rc 0 "check of the exported files"
run "$T" "$CASE"
cp "$WORK/out" "$WORK/builtin.txt"
run "$T" --data "$WORK/x/data" --rules "$WORK/x/rules" "$CASE"
expect_rc 0 "query with the exported files"
cmp -s "$WORK/builtin.txt" "$WORK/out" || fail "query with the exported files differs from the built-in one"
pass
run "$T" --format json "$CASE"
cp "$WORK/out" "$WORK/builtin.json"
run "$T" --format json --data "$WORK/x/data" --rules "$WORK/x/rules" "$CASE"
cmp -s "$WORK/builtin.json" "$WORK/out" || fail "JSON with the exported files differs from the built-in one"
pass

# An existing file is never overwritten without --force; nothing is written.
echo "# mine" >"$WORK/x/rules/routing.yaml"
rm "$WORK/x/data/crisis.yaml"
run "$T" export-data "$WORK/x"
expect_rc 5 "export-data over existing files"
err_is "tsunagu: export-data: $WORK/x/data/agencies.yaml はすでにあります。上書きするには --force をつけてください" \
  "export-data over existing files names the first"
[ ! -e "$WORK/x/data/crisis.yaml" ] || fail "export-data wrote a file although it refused"
[ "$(cat "$WORK/x/rules/routing.yaml")" = "# mine" ] || fail "export-data overwrote a file without --force"
pass
run "$T" export-data --force "$WORK/x/"
expect_rc 0 "export-data --force"
cmp -s "$ROOT/rules/routing.yaml" "$WORK/x/rules/routing.yaml" || fail "export-data --force did not overwrite"
pass
# Modes whatever the umask.
(umask 077 && "$T" export-data "$WORK/u" >/dev/null) || fail "export-data with umask 077"
[ "$(stat -c %a "$WORK/u/rules")/$(stat -c %a "$WORK/u/rules/alerts.yaml")" = 755/644 ] ||
  fail "export-data with umask 077: modes $(stat -c %a "$WORK/u/rules")/$(stat -c %a "$WORK/u/rules/alerts.yaml")"
pass
: >"$WORK/plain"
run "$T" --lang en export-data "$WORK/plain"
expect_rc 5 "export-data into a file"
err_is "tsunagu: export-data: $WORK/plain exists and is not a directory" "export-data into a file"
run "$T" export-data /proc/tsunagu-export
expect_rc 5 "export-data where no directory can be made"
err_is "tsunagu: export-data: ディレクトリ /proc/tsunagu-export を作れません: No such file or directory" \
  "export-data where no directory can be made"
mkdir -p "$WORK/d/data/agencies.yaml"
run "$T" export-data --force "$WORK/d"
expect_rc 5 "export-data --force over a directory"
err_is "tsunagu: export-data: $WORK/d/data/agencies.yaml に書けません: Is a directory" \
  "export-data --force over a directory"
mkdir "$WORK/ro" && chmod 555 "$WORK/ro"
if [ "$(id -u)" -ne 0 ]; then
  run "$T" export-data "$WORK/ro/x"
  expect_rc 5 "export-data into a read-only directory"
  err_is "tsunagu: export-data: ディレクトリ $WORK/ro/x を作れません: Permission denied" \
    "export-data into a read-only directory"
fi

# ----------------------------------------------------- the data version

run "$T" --version
expect_rc 0 "--version"
sed -n 1p "$WORK/out" | grep -E '^tsunagu [0-9]+\.[0-9]+\.[0-9]+$' >/dev/null || fail "--version: first line"
pass
LINE2=$(sed -n 2p "$WORK/out")
HASH=$(echo "$LINE2" | sed -n 's/^data+rules: \([0-9a-f]\{12\}\) .*/\1/p')
[ -n "$HASH" ] || fail "--version: no 12-digit data+rules hash"
pass
[ "$LINE2" = "data+rules: $HASH (新潟市西区ひきこもり支援ガイドライン — 各種連携による支援の状態に応じて —)" ] ||
  fail "--version: second line is '$LINE2'"
pass
run "$T" --version query "$CASE"
expect_rc 0 "--version before a command"
run "$T" --data "$WORK/x/data" --rules "$WORK/x/rules" --version
out_has "data+rules: $HASH (--data $WORK/x/data, --rules $WORK/x/rules; built in: $HASH)" \
  "--version with unchanged exported files"
echo "# a comment" >>"$WORK/x/rules/alerts.yaml"
run "$T" --rules "$WORK/x/rules" --version
NEW=$(sed -n 's/^data+rules: \([0-9a-f]\{12\}\) .*/\1/p' "$WORK/out")
[ -n "$NEW" ] && [ "$NEW" != "$HASH" ] || fail "--version: an edited rule file keeps the hash $HASH"
pass
out_has "(--rules $WORK/x/rules; built in: $HASH)" "--version with --rules alone"
run "$T" --format json "$CASE"
out_has "\"data_version\": \"$HASH\"" "the JSON result carries data_version"
run "$T" --rules "$WORK/x/rules" --format json "$CASE"
out_has "\"data_version\": \"$NEW\"" "the JSON result carries the version of --rules"
echo "$CASE" | "$T" batch >"$WORK/out" 2>"$WORK/err"
out_has "\"data_version\":\"$HASH\"" "batch records carry data_version"
run "$T" --data "$WORK/none" --version
expect_rc 0 "--version with a missing directory (its files count as built in)"

# ------------------------------------------- the Japanese tsunagu(1)

# man/ja/tsunagu.1 exists, renders without a groff warning at 80 columns,
# and names every long option man/tsunagu.1 names (and no other), so an
# option added to the English page alone fails here.
JA1=$ROOT/man/ja/tsunagu.1
EN1=$ROOT/man/tsunagu.1
[ -f "$JA1" ] || fail "man/ja/tsunagu.1 does not exist"
pass
if command -v groff >/dev/null 2>&1; then
  : >"$WORK/out"
  for LL in "" -rLL=78n; do  # groff's own line length, and man-db's at 80 columns
    timeout 60 groff -man -Tutf8 -ww -z $LL "$JA1" >"$WORK/out" 2>"$WORK/err" ||
      fail "man/ja/tsunagu.1: groff $LL failed or did not finish"
    [ ! -s "$WORK/err" ] || fail "man/ja/tsunagu.1: groff $LL warns"
    pass
  done
  # man-db renders at 80 columns with a line length of 78. The examples
  # (.EX/.EE) are program output as the English page shows it, some wider.
  sed '/^\.EX/,/^\.EE/d' "$JA1" >"$WORK/ja1-prose.1"
  timeout 60 groff -man -Tutf8 -P-cbou -rLL=78n "$WORK/ja1-prose.1" 2>"$WORK/err" >"$WORK/ja1.txt"
  WIDTH=$(LC_ALL=C.UTF-8 wc -L <"$WORK/ja1.txt")
  [ "$WIDTH" -le 80 ] || {
    LC_ALL=C.UTF-8 awk '{ print length($0) ": " $0 }' "$WORK/ja1.txt" | sort -rn | head -n 5 >"$WORK/out"
    fail "man/ja/tsunagu.1: a rendered line is $WIDTH columns wide (at most 80)"
  }
  pass
else
  echo "install_test: groff not installed: man/ja/tsunagu.1 is not rendered"
fi
# Long options as the pages write them: \-\-name\-part (roff's minus).
long_options() {
  grep -o '\\-\\-[a-z][a-z0-9]*\(\\-[a-z0-9][a-z0-9]*\)*' "$1" | sed 's/\\//g' | LC_ALL=C sort -u
}
long_options "$EN1" >"$WORK/en-options"
long_options "$JA1" >"$WORK/ja-options"
[ "$(wc -l <"$WORK/en-options")" -ge 20 ] || fail "man/tsunagu.1: fewer than 20 long options found"
pass
MISSING=$(LC_ALL=C comm -23 "$WORK/en-options" "$WORK/ja-options" | tr '\n' ' ')
EXTRA=$(LC_ALL=C comm -13 "$WORK/en-options" "$WORK/ja-options" | tr '\n' ' ')
: >"$WORK/out"; : >"$WORK/err"
[ -z "$MISSING" ] || fail "man/ja/tsunagu.1 lacks long options of man/tsunagu.1: ${MISSING% }"
pass
[ -z "$EXTRA" ] || fail "man/ja/tsunagu.1 names long options man/tsunagu.1 does not: ${EXTRA% }"
pass

passed
