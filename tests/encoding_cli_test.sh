#!/bin/sh
# Command-line tests for files from Japanese offices (issue 13): batch
# input in UTF-8 with a byte order mark or in CP932 (Shift_JIS, made here
# by `iconv -f UTF-8 -t CP932` as Excel saves a CSV: CRLF, quoted fields
# across lines), --encoding, error records of bytes that are not CP932,
# --excel output bytes, and CSV injection read back (with python3's csv
# module when python3 is there).
# Usage: sh tests/encoding_cli_test.sh PATH_TO_TSUNAGU
# Exits non-zero at the first failure, saying which check failed.

set -u
TEST=encoding_cli_test
. "$(dirname "$0")/lib.sh"

need_args 1 "PATH_TO_TSUNAGU" $#
T=$1
need_exe "$T"
command -v iconv >/dev/null 2>&1 || { echo "encoding_cli_test: iconv (libc-bin) is missing" >&2; exit 2; }

# The messages checked here are the English ones; tests/messages_test.sh
# checks them in Japanese, the default.
TSUNAGU_LANG=en
export TSUNAGU_LANG
cd "$WORK" || exit 2

NOTE="tsunagu: note: excel.csv is not UTF-8; reading it as CP932 (Shift_JIS, as Excel saves it). Give --encoding utf-8 or --encoding cp932 to choose"

# The CSV as Excel saves it in Japanese: CP932, CRLF at the end of rows, a
# line break in a cell (Alt+Enter) as a bare LF inside a quoted field. 表,
# ソ and 能 end with the byte 0x5C (a backslash).
printf 'id,text\r\nA1,"表ソ能、親が80代、息子は無職"\r\nA2,"生活が苦しい\n息子は50代, ""無職"""\r\n' >excel-utf8.csv
iconv -f UTF-8 -t CP932 excel-utf8.csv >excel.csv || fail "iconv could not make CP932"
LC_ALL=C grep -q "$(printf '\225\\\\')" excel.csv || fail "the CP932 test file lacks 表 (0x95 0x5C)"
pass

# The options are in the help.
run "$T" batch --help
expect_rc 0 "batch --help"
out_has "--encoding TEXT:{auto,utf-8,cp932}" "batch --help: --encoding"
out_has "--excel" "batch --help: --excel"

# ---------------------------------------------------------------- UTF-8

# With a byte order mark: read as UTF-8, no note.
{ printf '\357\273\277'; cat excel-utf8.csv; } >bom.csv
run "$T" batch bom.csv
expect_rc 0 "UTF-8 with a BOM"
err_is "2 cases, 0 errors" "UTF-8 with a BOM"
out_has '"id":"A1","record":1,"input":"表ソ能、親が80代、息子は無職"' "UTF-8 with a BOM: the first id"
out_has '"input":"生活が苦しい\n息子は50代, \"無職\""' "UTF-8 with a BOM: the field across lines"

# ---------------------------------------------------------------- CP932

run "$T" batch excel.csv
expect_rc 0 "CP932, auto"
err_is "$NOTE
2 cases, 0 errors" "CP932, auto: one note, then the summary"
out_has '"id":"A1","record":1,"input":"表ソ能、親が80代、息子は無職"' "CP932, auto: the first text"
out_has '"input":"生活が苦しい\n息子は50代, \"無職\""' "CP932, auto: the field across lines"
cp "$WORK/out" auto.jsonl
run "$T" batch excel-utf8.csv
cmp -s "$WORK/out" auto.jsonl || fail "CP932, auto: not the output of the same file in UTF-8"
pass

for name in cp932 CP932 shift_jis Shift_JIS sjis SJIS windows-31j; do
  run "$T" batch --encoding "$name" excel.csv
  expect_rc 0 "--encoding $name"
  err_is "2 cases, 0 errors" "--encoding $name: no note when asked"
  cmp -s "$WORK/out" auto.jsonl || fail "--encoding $name: not the output of auto"
  pass
done

# From standard input: the note names it.
run "$T" batch --input-format csv - <excel.csv
expect_rc 0 "CP932 on standard input"
err_is "tsunagu: note: <stdin> is not UTF-8; reading it as CP932 (Shift_JIS, as Excel saves it). Give --encoding utf-8 or --encoding cp932 to choose
2 cases, 0 errors" "CP932 on standard input"

# --encoding utf-8 on CP932: every record an error that names UTF-8.
run "$T" batch --encoding utf-8 excel.csv
expect_rc 6 "--encoding utf-8 on CP932"
err_is "2 cases, 2 errors" "--encoding utf-8 on CP932"
out_has '"error":{"kind":"invalid-utf8","message":"line 2: the record is not valid UTF-8 (or holds a NUL byte) at byte offset 4","line":2}' "--encoding utf-8 on CP932: record 1"
out_has '"error":{"kind":"invalid-utf8","message":"line 3: the record is not valid UTF-8 (or holds a NUL byte) at byte offset 4","line":3}' "--encoding utf-8 on CP932: record 2"

# A byte that is not CP932 (0xFF) in one record: that record is an error
# naming its line, the byte, its column and the encoding; the others read.
{ cat excel.csv; printf 'A3,\377x\r\n'; printf 'A4,ok\r\n'; } >bad.csv
for encoding in auto cp932; do
  run "$T" batch --encoding "$encoding" bad.csv
  expect_rc 6 "a bad CP932 byte, --encoding $encoding"
  out_has '"id":"3","record":3,"error":{"kind":"invalid-cp932","message":"line 5: not valid CP932 (byte 0xFF at column 4); save the file as UTF-8 or give --encoding","line":5}' "a bad CP932 byte, --encoding $encoding"
  out_has '"id":"A4","record":4' "a bad CP932 byte, --encoding $encoding: the next record"
done
run "$T" batch -f csv --encoding cp932 bad.csv
out_has "3,3,,,,,,,,line 5: not valid CP932 (byte 0xFF at column 4); save the file as UTF-8 or give --encoding" "a bad CP932 byte in CSV output"

# A CSV header that is not CP932: refused before any record.
printf 'id,te\377xt\r\nA,x\r\n' >badheader.csv
run "$T" batch --encoding cp932 badheader.csv
expect_rc 3 "a CSV header that is not CP932"
err_is "tsunagu: badheader.csv: line 1: the CSV header is not valid CP932 (byte 0xFF at column 6); save the file as UTF-8 or give --encoding" "a CSV header that is not CP932"

# Unknown names: a usage error, with the closest name.
run "$T" batch --encoding utf-9 excel.csv
expect_rc 2 "--encoding utf-9"
err_is "tsunagu: batch --encoding must be auto, utf-8 or cp932 (also shift_jis, sjis), not 'utf-9'; did you mean 'utf-8'?" "--encoding utf-9"
run "$T" batch --encoding latin1 excel.csv
expect_rc 2 "--encoding latin1"
err_is "tsunagu: batch --encoding must be auto, utf-8 or cp932 (also shift_jis, sjis), not 'latin1'" "--encoding latin1"

# ---------------------------------------------------------------- --excel

CRLF_HEADER="$(printf 'case_id,record,rank,agency_id,agency_name,roles,phone,score,alerts,error\r')"
check_excel() {  # check_excel FILE WHAT: BOM, then the header, every line CRLF
  [ "$(head -c 3 "$1" | od -An -tx1 | tr -d ' \n')" = efbbbf ] || fail "$2: no UTF-8 byte order mark"
  pass
  [ "$(head -n 1 "$1" | tail -c +4)" = "$CRLF_HEADER" ] || fail "$2: the header line is not the header with CRLF"
  pass
  lines=$(wc -l <"$1")
  crlf=$(LC_ALL=C grep -c "$(printf '\r')\$" "$1")
  { [ "$lines" -gt 2 ] && [ "$lines" -eq "$crlf" ]; } || fail "$2: $crlf of $lines lines end with CRLF"
  pass
  [ "$(tail -c 2 "$1" | od -An -tx1 | tr -d ' \n')" = 0d0a ] || fail "$2: the last line does not end with CRLF"
  pass
  LC_ALL=C grep -q "$(printf '[^\r]')\$" "$1" && fail "$2: a line ends with a bare LF"
  pass
}
run "$T" batch -f csv --excel excel.csv
expect_rc 0 "-f csv --excel"
cp "$WORK/out" excel-out.csv
check_excel excel-out.csv "-f csv --excel"
run "$T" batch --excel excel.csv -o excel-file.csv
expect_rc 0 "--excel -o FILE (implies csv)"
check_excel excel-file.csv "--excel -o FILE"
cmp -s excel-file.csv excel-out.csv || fail "--excel -o FILE differs from -f csv --excel on stdout"
pass
# Without --excel: no BOM, LF.
run "$T" batch -f csv excel.csv
[ "$(head -c 8 "$WORK/out")" = "case_id," ] || fail "-f csv: starts otherwise than with the header"
pass
LC_ALL=C grep -q "$(printf '\r')" "$WORK/out" && fail "-f csv: a CR in the output"
pass
run "$T" batch -f html --excel excel.csv
expect_rc 2 "--excel with -f html"
err_is "tsunagu: --excel writes CSV for Excel: use it with --format csv, or leave --format out" "--excel with -f html"

# ---------------------------------------------------------------- CSV injection

# Ids starting with = + - @ tab and CR, and texts starting with them.
printf '%s\n' \
  '{"id":"=1+2","text":"=親が80代、息子は無職"}' \
  '{"id":"+81 25 123 4567","text":"+生活が苦しい"}' \
  '{"id":"-2+3","text":"-son 52, unemployed"}' \
  '{"id":"@SUM(A1)","text":"@母は85歳"}' \
  '{"id":"\tx","text":"\t息子がひきこもり"}' \
  '{"id":"\ry","text":"\r借金がある"}' \
  '{"id":"=HYPERLINK(\"http://x\",\"y\")","text":"息子は無職"}' \
  '{"id":"ok","text":""}' >inject.jsonl
run "$T" batch -f csv inject.jsonl
expect_rc 6 "CSV injection"
cp "$WORK/out" inject.csv
# Without a CSV reader: the rows start as they must.
for start in "'=1+2," "'+81 25 123 4567," "'-2+3," "'@SUM(A1)," "$(printf "'\t")x," '\u000dy,' "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","; do
  grep -qF -- "$start" inject.csv || fail "CSV injection: no row starts with $start"
  pass
done
if command -v python3 >/dev/null 2>&1; then
  for file in inject.csv excel-out.csv; do
    python3 - "$file" <<'EOF' || fail "CSV injection read back by python3's csv module: $file"
import csv, io, sys
raw = open(sys.argv[1], 'rb').read()
text = raw.decode('utf-8-sig')
rows = list(csv.reader(io.StringIO(text, newline='')))
assert rows[0] == ['case_id', 'record', 'rank', 'agency_id', 'agency_name', 'roles', 'phone', 'score', 'alerts', 'error'], rows[0]
for row in rows[1:]:
    assert len(row) == 10, row
    for i in (0, 3, 4, 5, 6, 8, 9):
        assert not row[i][:1] or row[i][0] not in '=+-@\t\r', (i, row)
    for i in (1, 2, 7):
        assert row[i] == '' or row[i].isdigit(), (i, row)
if sys.argv[1] == 'inject.csv':
    ids = []
    for row in rows[1:]:
        if not ids or ids[-1] != row[0]:
            ids.append(row[0])
    want = ["'=1+2", "'+81 25 123 4567", "'-2+3", "'@SUM(A1)", "'\tx", "\\u000dy",
            "'=HYPERLINK(\"http://x\",\"y\")", "ok"]
    assert ids == want, ids
    assert rows[-1][9] == 'the text is empty', rows[-1]
else:
    assert rows[1][0] == 'A1' and rows[-1][0] == 'A2', rows
EOF
    pass
  done
fi

passed
