#!/bin/sh
# scripts/format-check in a scratch git repository: formatted and
# unformatted changed lines, lines it must leave alone, a bad base; then
# --all, on a scratch tree and on the project's own.
# Usage: format_check_test.sh SOURCE_DIR   (skipped without clang-format-diff)
set -u
SRC=$1
command -v clang-format-diff >/dev/null 2>&1 && command -v clang-format >/dev/null 2>&1 || { echo "SKIP: no clang-format-diff"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
cd "$W" || exit 1
git init -q -b main . && git config user.email t@example.org && git config user.name t
mkdir scripts && cp "$SRC/scripts/format-check" scripts/ && cp "$SRC/.clang-format" .
# An old, unformatted line the check must not report.
printf 'int  old( ){return 0;}\n' > a.cpp
git add -A && git commit -qm base

out=$(scripts/format-check 2>&1) || fail "nothing changed, exit $?: $out"
[ "$out" = "format-check: changed lines since main are formatted" ] || fail "clean: $out"

printf 'int Added() { return 1; }\n' >> a.cpp
out=$(scripts/format-check 2>&1) || fail "formatted line, exit $?: $out"

printf 'int  bad( ){return 2;}\n' >> a.cpp
out=$(scripts/format-check 2>&1); rc=$?
[ $rc = 1 ] || fail "unformatted line: exit $rc"
case $out in *"+int bad() { return 2; }"*) ;; *) fail "no fix shown: $out" ;; esac
case $out in *"-int  old"*) fail "reported an unchanged line: $out" ;; esac
case $out in *"format-check: the lines above are not formatted; apply the diff (git apply) or run clang-format on them") ;;
  *) fail "message: $out" ;; esac

out=$(scripts/format-check nosuch 2>&1); rc=$?
[ $rc = 2 ] || fail "bad base: exit $rc"
[ "$out" = "format-check: 'nosuch' is not a commit; give the branch or commit to compare with" ] || fail "bad base: $out"

# Lines committed on a branch count too; the base is where it left main.
git checkout -qb topic && git commit -qam topic
out=$(scripts/format-check 2>&1); [ $? = 1 ] || fail "committed line not reported: $out"

# --all: every C++ file of the tree, whatever changed.
mkdir src && printf 'int Fine() { return 0; }\n' > src/fine.cpp
out=$(scripts/format-check --all 2>&1) || fail "--all on a formatted tree, exit $?: $out"
[ "$out" = "format-check: every C++ file is formatted" ] || fail "--all clean: $out"
cp a.cpp src/old.cpp
out=$(scripts/format-check --all 2>&1); rc=$?
[ $rc = 1 ] || fail "--all with an unformatted file: exit $rc"
[ "$out" = "src/old.cpp
format-check: the files above are not formatted; run clang-format -i on them" ] || fail "--all: $out"

# The project's own tree stays formatted.
out=$("$SRC/scripts/format-check" --all 2>&1) || fail "the source tree: $out"
echo "PASS: format_check"
