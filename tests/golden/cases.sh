# The cases and widths of the golden tables (tests/golden_test.sh,
# scripts/update-golden). A fixed moment, so open-now never changes.
AT="2026-12-03 10:00"
WIDTHS="60 80 100 140"
CASE_JA="母は80代で要介護、50代の息子が10年ひきこもっていて、生活が苦しい。電話は夕方にください"
CASE_EN="My brother is 47 and has not left his room for years; our mother is 82 and needs care"
