#!/bin/sh
# Local offices (issue 14) through the real binary: the fixture of
# fictional offices (tests/fixtures/offices) chooses the office serving
# where the family lives, in the table, cards, JSON, explain and referral
# sheets, in both languages; the shipped data (no office lists) says whom
# to ask.
# Usage: sh tests/offices_cli_test.sh PATH_TO_TSUNAGU REPO_ROOT

set -u
TEST=offices_cli_test
. "$(dirname "$0")/lib.sh"
unset NO_COLOR COLUMNS 2>/dev/null || true

need_tsunagu_root "$@"
F=$ROOT/tests/fixtures/offices

# has and lacks go on after a failure, to show every difference at once.
FAILED=0
# has FILE TEXT WHAT: the output holds TEXT.
has() {
  CHECKS=$((CHECKS + 1))
  if ! grep -qF -- "$2" "$1"; then
    echo "offices_cli_test: FAIL: $3: no '$2' in:" >&2
    head -n 40 "$1" >&2
    FAILED=1
  fi
}
lacks() {
  CHECKS=$((CHECKS + 1))
  if grep -qF -- "$2" "$1"; then
    echo "offices_cli_test: FAIL: $3: '$2' should not be there" >&2
    FAILED=1
  fi
}

JA="母は82歳で、52歳の息子がもう何年も家にこもっています。寺尾東に住んでいます。"
EN="My mother is 81 and my brother, 49, has not left the house for years. They live in Sakai-higashi."

# Table, Japanese: the office's name, phone and hours stand for the agency's.
"$T" --data "$F" "$JA" > "$WORK/out" 2>&1 || { echo "offices_cli_test: FAIL: ja table exit $?" >&2; FAILED=1; }
has "$WORK/out" "→ 架空 みなと地域包括支援センター" "ja table office name"
has "$WORK/out" "099-999-0001" "ja table office phone"
has "$WORK/out" "月〜金 8:30-17:15" "ja table office hours"
has "$WORK/out" "事例の「寺尾東に住んでいます」から、寺尾東を担当する事務所です" "ja table office reason"
lacks "$WORK/out" "読み取れなかった語" "ja table: the place is understood"

# Cards, English, by romaji with a hyphen.
COLUMNS=80 "$T" --data "$F" --lang en "$EN" > "$WORK/out" 2>&1
has "$WORK/out" "-> Fictional Sakai-no-Mori Community Comprehensive Support Center (test)" "en cards office name"
has "$WORK/out" "Phone 099-999-0002" "en cards office phone"
has "$WORK/out" "which serves Sakaihigashi (坂井東)" "en cards office reason"

# JSON: office and office_reason per agency.
"$T" --data "$F" --format json "$JA" > "$WORK/out" 2>&1
has "$WORK/out" '"office": {' "json office object"
has "$WORK/out" '"id": "fict-minato"' "json office id"
has "$WORK/out" '"office_reason": {' "json office reason"
has "$WORK/out" '"office": null' "json office null for other agencies"

# A place that is not where they live, and an area no office serves.
"$T" --data "$F" "寺尾東の病院に通っている80歳の母と、家から出ない48歳の息子のことで相談です。" > "$WORK/out" 2>&1
has "$WORK/out" "お住まいの地区の地域包括支援センターを選べません(事例に住んでいる地区の記載がありません)。西区役所 健康福祉課(025-268-1000)で確認してください" "ja hospital is not home"
"$T" --data "$F" --lang en "My aunt lives in Uchino with her son, who is 52 and withdrawn; she is 83." > "$WORK/out" 2>&1
has "$WORK/out" "No Community Comprehensive Support Center in the data serves Uchino (内野); ask Nishi Ward Office, Health and Welfare Division (025-268-1000)" "en area not served"

# explain: where they live and the office.
"$T" --data "$F" explain "$JA" > "$WORK/out" 2>&1
has "$WORK/out" "住んでいる地区: 寺尾東 「寺尾東に住んでいます」" "explain place"
"$T" --data "$F" explain --format json "$JA" > "$WORK/out" 2>&1
has "$WORK/out" '"office": "fict-minato"' "explain json office"

# Referral sheet (batch markdown): the office's line, phone and address.
printf '%s\n' "$JA" > "$WORK/cases.txt"
"$T" --data "$F" batch --format markdown "$WORK/cases.txt" > "$WORK/out" 2>&1
has "$WORK/out" "担当: 架空 みなと地域包括支援センター(テスト用)(099-999-0001)" "sheet office line"
has "$WORK/out" "(架空)新潟市西区寺尾東9-99-1" "sheet office address"

# agencies ID lists the offices and whom to ask.
"$T" --data "$F" --lang en agencies houkatsu > "$WORK/out" 2>&1
has "$WORK/out" "[fict-sakai]  099-999-0002" "agencies lists offices"
has "$WORK/out" "serves: 坂井東, 坂井輪中学校区" "agencies lists areas"

"$T" --data "$F" agencies --format json minsei-iin > "$WORK/out" 2>&1
has "$WORK/out" '"ask": "kenko-fukushi"' "agencies json ask"
has "$WORK/out" '"town": "内野"' "agencies json serves"

# The shipped data: no offices listed; houkatsu and minsei-iin say whom to ask.
"$T" "$JA" > "$WORK/out" 2>&1
has "$WORK/out" "お住まいの地区の地域包括支援センターを選べません(データに事務所の一覧がありません)。西区役所 健康福祉課(025-268-1000)で確認してください" "shipped ja ask whom"
"$T" --lang en "$EN" > "$WORK/out" 2>&1
has "$WORK/out" "Which local Community Comprehensive Support Center serves the family cannot be chosen (the data lists no offices); ask Nishi Ward Office, Health and Welfare Division (025-268-1000)" "shipped en ask whom"
"$T" agencies minsei-iin > "$WORK/out" 2>&1
has "$WORK/out" "地域の事務所: 地区ごとに複数あり、データに一覧なし(西区役所 健康福祉課で確認)" "shipped minsei-iin ask whom"

[ $FAILED -eq 0 ] || exit 1
passed
