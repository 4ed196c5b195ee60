#!/bin/sh
# Golden tables: the query output at 60, 80, 100 and 140 columns (COLUMNS,
# piped), byte for byte against tests/golden/; below 110 columns the
# agencies are cards whose lines fit the width and never split a phone
# number. Then ~40 cases (formats/cases.jsonl) as JSON Lines, CSV, Markdown
# and HTML from batch (in both languages), the table at two widths and
# explain. scripts/update-golden regenerates the files.
# Usage: sh tests/golden_test.sh PATH_TO_TSUNAGU REPO_ROOT
set -u
T=$1
ROOT=$2
. "$ROOT/tests/golden/cases.sh"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tsunagu-golden.XXXXXX") || exit 2
trap 'rm -rf "$WORK"' EXIT
unset TSUNAGU_LANG TSUNAGU_DATA TSUNAGU_RULES 2>/dev/null || true
CHECKS=0
fail() { echo "golden_test: FAIL: $*" >&2; exit 1; }
for w in $WIDTHS; do
  for lang in ja en; do
    if [ $lang = ja ]; then COLUMNS=$w "$T" --at "$AT" "$CASE_JA" > "$WORK/out"
    else COLUMNS=$w "$T" --at "$AT" --lang en "$CASE_EN" > "$WORK/out"; fi
    if ! cmp -s "$WORK/out" "$ROOT/tests/golden/table-$lang-$w.txt"; then
      diff "$ROOT/tests/golden/table-$lang-$w.txt" "$WORK/out" | head -20 >&2
      fail "table-$lang-$w.txt differs (scripts/update-golden, then review the diff)"
    fi
    CHECKS=$((CHECKS + 1))
    if [ "$w" -lt 110 ]; then
      # Display width: wc -L counts a CJK character as 2.
      [ "$(wc -L < "$WORK/out")" -le "$w" ] || fail "table-$lang-$w: a line is wider than $w columns"
      for phone in 025-278-8585 025-211-1630 025-268-1000; do
        grep -q "$phone" "$WORK/out" || fail "table-$lang-$w: $phone not whole"
      done
      CHECKS=$((CHECKS + 2))
    fi
  done
done
# TSUNAGU_AMBIGUOUS_WIDE=1: …, ※, ○ count two columns, and every line still
# fits (widths counted as a terminal that draws them wide would).
for w in 60 80; do
  COLUMNS=$w TSUNAGU_AMBIGUOUS_WIDE=1 "$T" --at "$AT" "$CASE_JA" > "$WORK/wide"
  grep -q "※" "$WORK/wide" || fail "ambiguous-wide $w: the cards have no ※ to measure"
  widest=$(python3 -c '
import sys, unicodedata
def width(line):
    return sum(2 if unicodedata.east_asian_width(c) in "WFA" else 0 if unicodedata.combining(c) else 1 for c in line)
print(max(width(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")))' "$WORK/wide")
  [ "$widest" -le "$w" ] || fail "ambiguous-wide $w: a line is $widest columns wide"
  CHECKS=$((CHECKS + 2))
  # At 60 columns a card line with ※ is full: drawn wide, it must wrap differently.
  [ "$w" -eq 60 ] && cmp -s "$WORK/wide" "$ROOT/tests/golden/table-ja-$w.txt" && fail "ambiguous-wide $w: same layout as narrow"
done
# Every output format for the cases of formats/cases.jsonl.
mkdir "$WORK/formats"
golden_formats "$T" "$WORK/formats"
for f in "$WORK"/formats/*; do
  name=$(basename "$f")
  if ! cmp -s "$f" "$ROOT/tests/golden/formats/$name"; then
    diff "$ROOT/tests/golden/formats/$name" "$f" | head -20 >&2
    fail "formats/$name differs (scripts/update-golden, then review the diff)"
  fi
  CHECKS=$((CHECKS + 1))
done
[ "$(ls "$ROOT/tests/golden/formats" | grep -vc '^cases.jsonl$')" -eq "$(ls "$WORK/formats" | wc -l)" ] ||
  fail "tests/golden/formats holds a file the test no longer makes"
echo "golden_test: $CHECKS checks passed"
