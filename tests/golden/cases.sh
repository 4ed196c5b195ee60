# The cases and widths of the golden tables (tests/golden_test.sh,
# scripts/update-golden). A fixed moment, so open-now never changes.
AT="2026-12-03 10:00"
WIDTHS="60 80 100 140"
CASE_JA="母は80代で要介護、50代の息子が10年ひきこもっていて、生活が苦しい。電話は夕方にください"
CASE_EN="My brother is 47 and has not left his room for years; our mother is 82 and needs care"

# Issue 15: ~40 cases through every output format, byte for byte. The cases
# are in formats/cases.jsonl (id, text); a text with no character past
# ASCII is read and shown in English, any other in Japanese.
FORMAT_CASES="$ROOT/tests/golden/formats/cases.jsonl"
FORMAT_WIDTHS="80 140"

# golden_formats TSUNAGU OUT_DIR: writes every format's output for the cases.
golden_formats() {
  _t=$1 _out=$2
  # JSON Lines carries both languages: once is enough.
  "$_t" batch --at "$AT" "$FORMAT_CASES" > "$_out/batch.jsonl" 2>/dev/null
  for _lang in ja en; do
    for _f in csv markdown html; do
      "$_t" batch --at "$AT" --lang $_lang -f $_f "$FORMAT_CASES" > "$_out/batch-$_lang.$_f" 2>/dev/null
    done
  done
  for _w in $FORMAT_WIDTHS; do : > "$_out/table-$_w.txt"; done
  : > "$_out/explain.txt"
  python3 -c 'import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    print(r["id"] + "\t" + ("en" if r["text"].isascii() else "ja") + "\t" + r["text"])' "$FORMAT_CASES" |
  while IFS="	" read -r _id _lang _text; do
    for _w in $FORMAT_WIDTHS; do
      printf '=== %s\n' "$_id" >> "$_out/table-$_w.txt"
      COLUMNS=$_w "$_t" --at "$AT" --lang $_lang -- "$_text" >> "$_out/table-$_w.txt"
    done
    printf '=== %s\n' "$_id" >> "$_out/explain.txt"
    COLUMNS=100 "$_t" explain --at "$AT" --lang $_lang -- "$_text" >> "$_out/explain.txt"
  done
}
