#!/bin/sh
# Referral sheets as printed (issue 13): the HTML of `batch -f html` goes
# through headless Chromium to an A4 PDF, and poppler's pdfinfo/pdftotext
# check the pages: a typical case (up to 6 agencies, a crisis box too) is
# one page, a batch starts each case on its own page, and a long case goes
# on to a second page that carries the case id, the date of issue and
# "2 / 2". Chromium and poppler-utils are required (scripts/install-deps):
# when one is missing the test fails, it does not skip.
# Usage: sh tests/sheet_pdf_test.sh PATH_TO_TSUNAGU

set -u
TEST=sheet_pdf_test
. "$(dirname "$0")/lib.sh"

need_args 1 "PATH_TO_TSUNAGU" $#
T=$1
need_exe "$T"

for tool in chromium pdfinfo pdftotext; do
  command -v "$tool" >/dev/null 2>&1 ||
    fail "$tool is not installed: scripts/install-deps installs it (chromium, poppler-utils)"
done
# Without a Japanese font the sheets print in boxes, and fit differently.
[ -n "$(fc-list :lang=ja 2>/dev/null)" ] ||
  fail "no Japanese font: scripts/install-deps installs fonts-ipafont-gothic"

# print HTML PDF: Chromium's own header and footer (URL, date) left out;
# its profile and cache go to $WORK, not to $HOME.
print() {
  HOME=$WORK/home chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --user-data-dir="$WORK/profile" --print-to-pdf="$2" "$1" >"$WORK/chromium.log" 2>&1
  [ -s "$2" ] || { cat "$WORK/chromium.log" >&2; fail "chromium wrote no PDF for $1"; }
}
pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
page_text() { pdftotext -f "$2" -l "$2" "$1" -; }
AT="2026-12-03 10:00"

# ------------------------------------------------- four typical cases
# 6 agencies each; c-003 has the crisis box with its six contacts.
cat >"$WORK/four.csv" <<'CSV'
id,text
c-001,"親が80代、息子は無職、生活が苦しい"
c-002,"48歳の息子が何年も部屋から出てこない。母は76歳"
c-003,"娘が「死にたい」と言っている。仕事を辞めて家にいる"
c-004,"30歳の弟が就職できず、うつ病の診断を受けた。障害年金について知りたい"
CSV
for lang in ja en; do
  "$T" batch -f html --lang $lang --at "$AT" -o "$WORK/four-$lang.html" "$WORK/four.csv" 2>/dev/null ||
    fail "batch -f html --lang $lang"
  print "$WORK/four-$lang.html" "$WORK/four-$lang.pdf"
  n=$(pages "$WORK/four-$lang.pdf")
  [ "$n" = 4 ] || fail "--lang $lang: 4 typical cases printed on $n pages, not 4 (one a case)"
  pass
  for k in 1 2 3 4; do
    text=$(page_text "$WORK/four-$lang.pdf" $k)
    case $text in *c-00$k*) ;; *) fail "--lang $lang: page $k does not carry its case id c-00$k" ;; esac
    case $text in *"$AT"*) ;; *) fail "--lang $lang: page $k does not carry the date of issue" ;; esac
    for other in 1 2 3 4; do
      [ $other = $k ] && continue
      case $text in *c-00$other*) fail "--lang $lang: page $k carries case c-00$other too" ;; esac
    done
    pass
  done
done
page_text "$WORK/four-ja.pdf" 1 | grep -q "担当者" || fail "page 1 has no 担当者 field"
page_text "$WORK/four-ja.pdf" 1 | grep -q "本人同意" || fail "page 1 has no consent box"
page_text "$WORK/four-en.pdf" 1 | grep -q "Worker" || fail "--lang en: page 1 has no Worker field"
pass
# The crisis numbers are never split across lines.
for number in 0570-064-556 0120-279-338 0570-783-025; do
  page_text "$WORK/four-ja.pdf" 3 | grep -q -- "$number" || fail "crisis number $number split or missing on page 3"
done
pass

# ------------------------------------------------- a long case: 2 pages
cat >"$WORK/long.csv" <<'CSV'
id,text
long-01,"80代の母が認知症で介護が必要。50代の息子はひきこもりで無職、うつ病の診断があり、借金があって生活が苦しい。障害年金や国民健康保険、年金の免除も相談したい。息子が母に暴力を振るい、母の通帳を取り上げた。民生委員も心配している。娘は「死にたい」と言っている"
CSV
"$T" batch -f html --at "$AT" --split -o "$WORK/split" "$WORK/long.csv" 2>/dev/null || fail "batch --split (long case)"
sheet=$WORK/split/000001-long-01.html
[ -f "$sheet" ] || fail "batch --split wrote no $sheet: $(ls "$WORK/split")"
grep -q "<title>紹介シート long-01(発行 $AT)</title>" "$sheet" || fail "the split sheet's <title> does not name its case"
print "$sheet" "$WORK/long.pdf"
n=$(pages "$WORK/long.pdf")
[ "$n" = 2 ] || fail "the long case printed on $n pages, not 2"
pass
for k in 1 2; do
  text=$(page_text "$WORK/long.pdf" $k)
  case $text in *long-01*) ;; *) fail "long case: page $k does not carry the case id" ;; esac
  case $text in *"$AT"*) ;; *) fail "long case: page $k does not carry the date of issue" ;; esac
  # (pdftotext may drop the spaces around the slash)
  printf '%s\n' "$text" | grep -Eq "^ *$k ?/ ?2 *\$" || fail "long case: page $k is not numbered $k / 2"
  pass
done
# No heading alone at the foot of page 1: the agencies' heading is
# followed by its first row on the same page.
if page_text "$WORK/long.pdf" 1 | grep -q "関係機関"; then
  page_text "$WORK/long.pdf" 1 | grep -q "機関・この事例での役割" || fail "long case: 関係機関 alone at the foot of page 1"
fi
pass

passed
