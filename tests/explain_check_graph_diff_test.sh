#!/bin/sh
# Command-line tests for the trainer and data-keeper commands (issue 3):
# explain (and --why-not), check, graph, diff — exit codes, formats and
# messages, through the real binary.
# Usage: sh tests/explain_check_graph_diff_test.sh PATH_TO_TSUNAGU REPO_ROOT
# Exits non-zero at the first failure, saying which check failed.

set -u
TEST=explain_check_graph_diff_test
. "$(dirname "$0")/lib.sh"

need_tsunagu_root "$@"
[ -f "$ROOT/rules/routing.yaml" ] || { echo "$TEST: no rules/routing.yaml under $ROOT" >&2; exit 2; }

CASE="親が80代、息子は無職、生活が苦しい"

# ------------------------------------------------------------------ explain

run "$T" explain "$CASE"
expect_rc 0 "explain"
out_has "1. 正規化したテキスト" "explain: first step"
out_has "[2] 「無職」 → unemployed (無職)、本人について [主語の語「息子」]" "explain: phrase, fact and subject"
out_has "elderly-parent-8050  rules/routing.yaml:" "explain: fired rule with its file and line"
out_has "any   ✓ elderly-parent 「80代」、✗ 8050" "explain: condition parts and the words that satisfied them"
out_has "60 = 40 elderly-parent-8050 + 20 shape-8050" "explain: score as a sum of its parts"
out_has "13. 最終順位" "explain: final ranking"

run "$T" --lang en explain "50歳の息子が10年ひきこもっている" --why-not saposute
expect_rc 0 "explain --why-not"
out_has "Why not saposute" "why-not: heading"
out_has "A rule brought it in, but eligibility removed it: serves up to age 49; the person is 50" "why-not: eligibility"
out_has "1. if the person were 49 or younger" "why-not: smallest change first, for a person"
out_has "checked" "why-not: suggestions are checked"
out_has "re-run as: 49歳の息子が10年ひきこもっている" "why-not: the text that was re-run"

run "$T" --lang en explain "新潟市外に住んでいる息子がひきこもり" --why-not hikikomori-center
expect_rc 0 "explain --why-not (residence)"
out_has "eligibility removed it: eligibility: People with hikikomori living in Niigata City" "why-not: residence"
out_has "re-run as: 息子がひきこもり" "why-not: the residence words dropped"

run "$T" explain "40代の息子が仕事がなく、生活が苦しい" --why-not kikan-soudan
expect_rc 0 "explain --why-not (absent)"
out_has "「障害者手帳」の記載があるなら" "why-not: a lexicon phrase for the missing fact"

run "$T" explain "$CASE" --why-not houkatu
expect_rc 2 "explain --why-not with an unknown agency"
err_has "機関 'houkatu' はありません。'houkatsu' のことですか？" "why-not: did you mean"
run "$T" --lang en explain "$CASE" --why-not houkatu
expect_rc 2 "explain --why-not with an unknown agency, in English"
err_has "no agency 'houkatu'; did you mean 'houkatsu'?" "why-not: did you mean, in English"

run "$T" -f json explain "$CASE" --why-not saposute
expect_rc 0 "explain --format json"
out_has '"schema": "tsunagu.explain/2"' "explain json: schema"
out_has '"why_not": {' "explain json: why_not"

run "$T" -f csv explain "$CASE"
expect_rc 2 "explain with a format it does not have"

printf 'bad \377 text' >"$WORK/bad.txt"
run sh -c "'$T' explain - <'$WORK/bad.txt'"
expect_rc 3 "explain with invalid UTF-8"

# ------------------------------------------------------------------ check

run "$T" check
expect_rc 0 "check (built in)"
out_has "エラー 0 件" "check: shipped files have no errors"

run "$T" check --data "$ROOT/data" --rules "$ROOT/rules"
expect_rc 0 "check --data --rules"

cp -r "$ROOT/rules" "$WORK/rules"
LINE=$(grep -n 'agency: houkatsu' "$WORK/rules/routing.yaml" | head -n 1 | cut -d: -f1)
sed -i "${LINE}s/agency: houkatsu/agency: houkatu/" "$WORK/rules/routing.yaml"
FACT_LINE=$(grep -n 'any: \[family-group\]' "$WORK/rules/routing.yaml" | head -n 1 | cut -d: -f1)
sed -i "${FACT_LINE}s/family-group/family-grop/" "$WORK/rules/routing.yaml"
run "$T" check --rules "$WORK/rules"
expect_rc 4 "check with a broken rule file"
out_has "$WORK/rules/routing.yaml:$FACT_LINE:11: エラー: 事実 'family-grop' はありません。'family-group' のことですか？" \
  "check: first error with file:line:column"
out_has "$WORK/rules/routing.yaml:$LINE:16: エラー: 機関 'houkatu' はありません。'houkatsu' のことですか？" \
  "check: second error in the same file"
out_has "^" "check: caret under the column"
out_has "エラー 2 件、警告 0 件（6 ファイル）" "check: summary"
run "$T" --lang en check --rules "$WORK/rules"
expect_rc 4 "check with a broken rule file, in English"
out_has "$WORK/rules/routing.yaml:$FACT_LINE:11: error: unknown fact 'family-grop'; did you mean 'family-group'?" \
  "check in English: first error with file:line:column"
out_has "$WORK/rules/routing.yaml:$LINE:16: error: unknown agency 'houkatu'; did you mean 'houkatsu'?" \
  "check in English: second error in the same file"
out_has "2 errors, 0 warnings in 6 files" "check in English: summary"

run "$T" check --rules "$WORK/rules" --format json
expect_rc 4 "check --format json"
out_has '"errors": 2' "check json: error count"
out_has '"severity": "error"' "check json: severity"

run "$T" check --rules "$WORK/no-such-dir"
expect_rc 4 "check with a missing directory"
out_has "エラー: $WORK/no-such-dir/lexicon.yaml を開けません" "check: unreadable file"

# ------------------------------------------------------------------ graph

run "$T" graph
expect_rc 0 "graph"
out_has "digraph tsunagu {" "graph: DOT"
run "$T" graph --format mermaid
expect_rc 0 "graph --format mermaid"
out_has "flowchart LR" "graph: Mermaid"
run "$T" graph --case "$CASE"
expect_rc 0 "graph --case"
out_has '"rule:elderly-parent-8050" -> "agency:houkatsu"' "graph --case: fired rule to ranked agency"
if command -v dot >/dev/null 2>&1; then
  "$T" graph --case "$CASE" | dot -Tsvg -o "$WORK/g.svg" || fail "dot rejects graph --case"
  pass
  "$T" --lang en graph | dot -Tsvg -o "$WORK/g.svg" || fail "dot rejects graph"
  pass
else
  echo "$TEST: skipped the dot checks: Graphviz 'dot' is not installed" >&2
fi
run "$T" graph --format svg
expect_rc 2 "graph with a format it does not have"

# ------------------------------------------------------------------ diff

cat >"$WORK/cases.yaml" <<'EOF'
- name: withdrawn-young
  text: "息子がひきこもっている"
- text: "50歳の息子がひきこもっている"
EOF
printf '# one per line\n息子がひきこもっている\n' >"$WORK/cases.txt"

run "$T" diff "$WORK/cases.yaml"
expect_rc 2 "diff without an old version"
err_has "diff には比べる古い版を指定してください" "diff: says what it needs"

run "$T" diff --rules "$ROOT/rules" "$WORK/cases.yaml" "$WORK/cases.txt"
expect_rc 0 "diff against the same rules"
out_has "3 件、変わった 0 件" "diff: nothing changed"
run "$T" --lang en diff --rules "$ROOT/rules" "$WORK/cases.yaml" "$WORK/cases.txt"
out_has "3 cases, 0 changed" "diff in English: nothing changed"

cp -r "$ROOT/rules" "$WORK/old"
sed -i 's/{agency: saposute, roles: \[discovery-consultation\], weight: 10}/{agency: saposute, roles: [discovery-consultation], weight: 90}/' \
  "$WORK/old/routing.yaml"
run "$T" --lang en diff --rules "$WORK/old" "$WORK/cases.yaml"
expect_rc 0 "diff against older rules"
out_has "withdrawn-young" "diff: case name"
out_has "~ saposute" "diff: agency moved"
out_has "rank 1 → 3" "diff: rank a -> b"
out_has "2 cases, 1 changed" "diff: summary"
run "$T" diff --exit-code --rules "$WORK/old" "$WORK/cases.yaml"
expect_rc 1 "diff --exit-code with a changed answer"
run "$T" diff --exit-code --rules "$ROOT/rules" "$WORK/cases.yaml"
expect_rc 0 "diff --exit-code with nothing changed"

# The new version may come from --rules before 'diff'; --old-rules names the old.
run "$T" --rules "$WORK/old" diff --old-rules "$ROOT/rules" "$WORK/cases.yaml" --format json
expect_rc 0 "diff with both versions from directories"
out_has '"schema": "tsunagu.diff/1"' "diff json: schema"
out_has '"changed": 1' "diff json: count"

passed
