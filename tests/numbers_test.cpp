// Tests for src/numbers.h: ages, durations, 8050-style pairs and bare
// numbers, read from normalised text.
#include "numbers.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "normalize.h"
#include "test_analyzer.h"

namespace {

// FindNumbers over the whole match form of text.
std::vector<NumberMention> Numbers(const std::string& text, std::string* match = nullptr) {
  NormalizedText n;
  Status s = Normalize(text, &n);
  REQUIRE(s.ok());
  if (match) *match = n.match;
  return FindNumbers(n.match, 0, n.match.size());
}

// The one number mention in text.
NumberMention One(const std::string& text) {
  std::vector<NumberMention> all = Numbers(text);
  INFO("text: " << text);
  REQUIRE(all.size() == 1);
  return all[0];
}

// Each text holds one number, an age from lo to hi.
struct AgeCase {
  const char* text;
  int lo, hi;
};
void CheckAges(const std::vector<AgeCase>& cases) {
  for (const AgeCase& c : cases) {
    NumberMention m = One(c.text);
    INFO("text: " << c.text);
    CHECK(m.kind == NumberMention::kAge);
    CHECK(m.age.lo == c.lo);
    CHECK(m.age.hi == c.hi);
  }
}

// Each text holds one number, a duration of so many months.
struct DurationCase {
  const char* text;
  int months;
};
void CheckDurations(const std::vector<DurationCase>& cases) {
  for (const DurationCase& c : cases) {
    NumberMention m = One(c.text);
    INFO("text: " << c.text);
    CHECK(m.kind == NumberMention::kDuration);
    CHECK(m.months == c.months);
  }
}

std::string Words(const std::string& text) {
  std::string match;
  std::vector<NumberMention> all = Numbers(text, &match);
  REQUIRE(all.size() == 1);
  return match.substr(all[0].begin, all[0].end - all[0].begin);
}

}  // namespace

TEST_CASE("Japanese decades: 80代 and its parts") {
  CheckAges({
      {"80代", 80, 89},
      {"80代の母", 80, 89},
      {"８０代", 80, 89},  // full width, through Normalize
      {"50代前半", 50, 54},
      {"50代半ば", 53, 56},
      {"80代後半", 85, 89},
      {"80代以上", 80, 120},
  });
  CHECK(Words("母は80代後半です") == "80代後半");
}

TEST_CASE("Japanese ages in years: 85歳, 80歳以上 and friends") {
  CheckAges({
      {"85歳", 85, 85},
      {"85才", 85, 85},
      {"80歳以上", 80, 120},
      {"30歳以下", 0, 30},
      {"20歳未満", 0, 19},
      {"65歳を超え", 66, 120},
      {"25歳くらい", 23, 27},
  });
  CHECK(Words("本人は80歳以上だ") == "80歳以上");
}

TEST_CASE("English ages: over 80, 52-year-old, aged 52, in his 50s") {
  CheckAges({
      {"over 80", 81, 120},
      {"parent over 80", 81, 120},
      {"older than 70", 71, 120},
      {"under 30", 0, 29},
      {"52-year-old", 52, 52},
      {"a 52 year old son", 52, 52},
      {"48 years old", 48, 48},
      {"aged 52", 52, 52},
      {"age 52", 52, 52},
      {"at least 60", 60, 120},
      {"aged 70 or older", 70, 120},
      {"in his 50s", 50, 59},
      {"in her 40's", 40, 49},
      {"65+", 65, 120},
  });
  CHECK(Words("mother over 80") == "over 80");
  CHECK(Words("son aged 52") == "aged 52");
}

TEST_CASE("English ages under 10: only after is, who is or turned, with no noun after") {
  CheckAges({
      {"my daughter, who is 5", 5, 5},
      {"my daughter is 5", 5, 5},
      {"she is 7", 7, 7},
      {"he's 6, and", 6, 6},
      {"he just turned 4", 4, 4},
  });
  for (const char* text :
       {"he is 5 minutes late", "we are 4 in the family", "he wakes at 5", "there are 3 of us", "he was 5 hours away"})
    CHECK(Numbers(text).empty());
}

TEST_CASE("English age words need word edges") {
  // "hangover" does not end in the word "over"; 80 is then a bare number.
  NumberMention m = One("hangover 80");
  CHECK(m.kind == NumberMention::kBare);
}

TEST_CASE("8050-style pairs give both generations") {
  NumberMention m = One("8050");
  CHECK(m.kind == NumberMention::kGenerations);
  CHECK(m.age.lo == 80);
  CHECK(m.age.hi == 89);
  CHECK(m.child_age.lo == 50);
  CHECK(m.child_age.hi == 59);
  CHECK(m.begin == 0);
  CHECK(m.end == 4);

  NumberMention m2 = One("7040問題");
  CHECK(m2.kind == NumberMention::kGenerations);
  CHECK(m2.age.lo == 70);
  CHECK(m2.child_age.lo == 40);
  CHECK(m2.child_age.hi == 49);

  CHECK(One("９０６０").kind == NumberMention::kGenerations);
  // Not generation pairs: the child older than the parent, or not x0y0.
  CHECK(Numbers("5080").empty());
  CHECK(Numbers("8051").empty());
  CHECK(Numbers("1990").empty());
}

TEST_CASE("Japanese durations: 10年, 1年以上, 6ヶ月, 半年") {
  CheckDurations({
      {"10年", 120},
      {"10年以上", 120},
      {"1年以上家から出ない", 12},
      {"3年間", 36},
      {"6ヶ月", 6},  // ヶ folds to ゖ in the match form
      {"6ケ月", 6},
      {"6カ月", 6},
      {"6か月", 6},
      {"6ヵ月", 6},
      {"半年", 6},
      {"もう半年になる", 6},
  });
  CHECK(Words("ひきこもって10年以上になる") == "10年以上");
}

TEST_CASE("年 followed by 代, 生, 度 or 金 is not a duration") {
  for (const char* text : {"平成10年度", "2000年生まれ", "1990年代", "10年金"}) {
    INFO("text: " << text);
    for (const NumberMention& m : Numbers(text)) CHECK(m.kind != NumberMention::kDuration);
  }
  CHECK(Numbers("2000年生まれ").empty());
  CHECK(Numbers("1990年代").empty());
}

TEST_CASE("English durations: for 3 years, 6 months") {
  CheckDurations({
      {"for 3 years", 36},
      {"3 yrs", 36},
      {"1 year", 12},
      {"6 months", 6},
  });
  CHECK(Words("for 3 years now") == "3 years");
}

TEST_CASE("A bare number is reported as kBare for the caller to judge") {
  NumberMention m = One("son 52");
  CHECK(m.kind == NumberMention::kBare);
  CHECK(m.age.lo == 52);
  CHECK(m.age.hi == 52);
  CHECK(Words("son 52") == "52");
  // Small numbers are not ages; very large ones are not either.
  CHECK(Numbers("son 5").empty());
  CHECK(Numbers("room 12345").empty());
}

TEST_CASE("Money-like and decimal numbers are ignored") {
  CHECK(Numbers("3.5").empty());
  CHECK(Numbers("debt of 3.5 million").empty());
  CHECK(Numbers("借金が3.5万円").empty());
  CHECK(Numbers("1,000,000円の借金").empty());
  CHECK(Numbers("100000円").empty());
}

TEST_CASE("Dates, times, ratios and percentages are not ages") {
  CHECK(Numbers("息子は12/25に退院").empty());
  CHECK(Numbers("母は10:30に起きる").empty());
  CHECK(Numbers("父は80%の確率で").empty());
  CHECK(Numbers("my son 12/25 came home").empty());
  CHECK(Numbers("1/3 of his pension").empty());
  // The digits after the sign are skipped too, not read as a new number.
  CHECK(Numbers("12/25 son").empty());
  // A sign away from digits is no such join: "son/52" keeps its 52.
  CHECK(One("son /52").kind == NumberMention::kBare);
}

TEST_CASE("A counter after a bare number makes it no age (the analyser reads it)") {
  struct {
    const char* text;
    bool age_kept;
  } cases[] = {
      {"弟は50万円の借金", false},         {"息子は20時に起きる", false}, {"息子は90キロまで太った", false},
      {"息子は30分おきに電話する", false}, {"兄は12回目の入院", false},   {"息子は30件の督促状", false},
      {"息子は19で中退した", true},        {"父は80を過ぎた", true},      {"息子は44、無職", true},
      {"長男(40)が家にいる", true},        {"母は80近く", true},
  };
  for (const auto& c : cases) {
    NormalizedText n;
    REQUIRE(Normalize(c.text, &n).ok());
    std::vector<NumberMention> numbers = FindNumbers(n.match, 0, n.match.size());
    INFO("text: " << c.text);
    REQUIRE(numbers.size() == 1);
    ForgetCountedNumbers(TheAnalyzer(), n.display, 0, &numbers);
    CHECK(numbers.size() == (c.age_kept ? 1u : 0u));
  }
}

TEST_CASE("ForgetCountedNumbers looks only at numbers from `first` on") {
  NormalizedText n;
  REQUIRE(Normalize("息子は20時", &n).ok());
  std::vector<NumberMention> numbers = FindNumbers(n.match, 0, n.match.size());
  REQUIRE(numbers.size() == 1);
  ForgetCountedNumbers(TheAnalyzer(), n.display, 1, &numbers);
  CHECK(numbers.size() == 1);
}

TEST_CASE("Several numbers come back in text order") {
  std::vector<NumberMention> all = Numbers("80代の母と50代の息子、10年ひきこもり");
  REQUIRE(all.size() == 3);
  CHECK(all[0].kind == NumberMention::kAge);
  CHECK(all[0].age.lo == 80);
  CHECK(all[1].kind == NumberMention::kAge);
  CHECK(all[1].age.lo == 50);
  CHECK(all[2].kind == NumberMention::kDuration);
  CHECK(all[2].months == 120);
  CHECK(all[0].end <= all[1].begin);
  CHECK(all[1].end <= all[2].begin);
}

TEST_CASE("FindNumbers only looks inside [begin, end)") {
  const std::string text = "80代の母、50代の息子";
  size_t comma = text.find("、");
  std::vector<NumberMention> first = FindNumbers(text, 0, comma);
  REQUIRE(first.size() == 1);
  CHECK(first[0].age.lo == 80);
  std::vector<NumberMention> second = FindNumbers(text, comma + 3, text.size());
  REQUIRE(second.size() == 1);
  CHECK(second[0].age.lo == 50);
  CHECK(second[0].begin == comma + 3);
  // An English word before the range does not count.
  const std::string en = "over 80";
  std::vector<NumberMention> cut = FindNumbers(en, 5, en.size());
  REQUIRE(cut.size() == 1);
  CHECK(cut[0].kind == NumberMention::kBare);
}

TEST_CASE("Ages are clamped to 0..120") {
  CheckAges({
      {"110代", 110, 119},
      {"115代以上", 115, 120},
      {"over 119", 120, 120},
  });
}

namespace {

// One row of a table: text → the one mention's kind, age range and when.
struct AgeRow {
  const char* text;
  NumberMention::Kind kind;
  int lo, hi;
  NumberMention::When when;
};

void CheckRows(std::initializer_list<AgeRow> rows) {
  for (const AgeRow& row : rows) {
    NumberMention m = One(row.text);
    INFO("text: " << std::string(row.text));
    CHECK(m.kind == row.kind);
    CHECK(m.age.lo == row.lo);
    CHECK(m.age.hi == row.hi);
    CHECK(m.when == row.when);
  }
}

constexpr NumberMention::Kind kAge = NumberMention::kAge;
constexpr NumberMention::Kind kBare = NumberMention::kBare;
constexpr NumberMention::When kNow = NumberMention::kNow;
constexpr NumberMention::When kPast = NumberMention::kPast;
constexpr NumberMention::When kRelative = NumberMention::kRelative;
constexpr NumberMention::When kApproaching = NumberMention::kApproaching;

}  // namespace

TEST_CASE("Kanji numerals before an age unit read as the digit forms") {
  CheckRows({
      {"五十代", kAge, 50, 59, kNow},
      {"八十代の母", kAge, 80, 89, kNow},
      {"七十八歳", kAge, 78, 78, kNow},
      {"四十二歳の息子", kAge, 42, 42, kNow},
      {"二十歳", kAge, 20, 20, kNow},
      {"三十代半ば", kAge, 33, 36, kNow},
      {"九十歳", kAge, 90, 90, kNow},
      {"百歳", kAge, 100, 100, kNow},
      {"十代", kAge, 10, 19, kNow},
      {"零歳", kAge, 0, 0, kNow},
      {"〇歳児", kAge, 0, 0, kNow},
      {"二〇歳", kAge, 20, 20, kNow},
      {"百二歳", kAge, 102, 102, kNow},
      {"五十歳以上", kAge, 50, 120, kNow},
  });
  CHECK(Words("母は八十代後半です") == "八十代後半");
}

TEST_CASE("Kanji numerals before a duration unit read as the digit forms") {
  CheckDurations({
      {"十五年", 180},
      {"三年", 36},
      {"二十年以上", 240},
      {"六ヶ月", 6},
      {"三か月", 3},
      {"三カ月", 3},
      {"一年半", 18},
      {"1年半", 18},
  });
  CHECK(Words("ひきこもって十五年になる") == "十五年");
}

TEST_CASE("Kanji numerals inside ordinary words are not numbers") {
  for (const char* text : {"一人暮らし", "一度も", "一緒に", "十分です", "二人で", "三男", "一日中", "一切", "一家",
                           "一番", "統一", "二代目", "一代で", "一つ", "三つ", "一年生", "五年生", "万歳", "千歳市"}) {
    INFO("text: " << text);
    CHECK(Numbers(text).empty());
  }
}

TEST_CASE("Calendar years are not durations") {
  CHECK(Numbers("2020年に退職").empty());
  CHECK(Numbers("平成20年から").empty());
  CHECK(Numbers("令和2年に").empty());
  CHECK(Numbers("平成二十年").empty());
  CHECK(Numbers("昭和50年生まれ").empty());
}

TEST_CASE("Ages in the past are kPast") {
  CheckRows({
      {"25歳で仕事を辞め", kAge, 25, 25, kPast},
      {"5歳で自閉症と診断", kAge, 5, 5, kPast},
      {"30代半ばで仕事を辞めた", kAge, 33, 36, kPast},
      {"三十代の半ばに会社を辞めて", kAge, 30, 39, kPast},  // a part of the decade, then に
      {"40代の後半に倒れて", kAge, 40, 49, kPast},
      {"14歳のとき", kAge, 14, 14, kPast},
      {"14歳の時に", kAge, 14, 14, kPast},
      {"14歳頃から", kAge, 14, 14, kPast},
      {"14歳ころ", kAge, 14, 14, kPast},
      {"20代の頃", kAge, 20, 29, kPast},
      {"二十代のころ", kAge, 20, 29, kPast},
      {"当時30歳", kAge, 30, 30, kPast},
      {"30歳まで働いていた", kAge, 30, 30, kPast},
      {"15歳からひきこもり", kAge, 15, 15, kPast},
      {"he quit at 35", kAge, 35, 35, kPast},
      {"at age 14", kAge, 14, 14, kPast},
      {"when he was 14", kAge, 14, 14, kPast},
      {"in his 40s he lost his job", kAge, 40, 49, kPast},
      {"lost his job in his 40s", kAge, 40, 49, kPast},
      {"she dropped out in her 20s", kAge, 20, 29, kPast},
      {"he was in his 40s", kAge, 40, 49, kPast},
      {"in his 40s he is still at home", kAge, 40, 49, kNow},
  });
}

TEST_CASE("Ages now stay kNow") {
  CheckRows({
      {"いま47歳", kAge, 47, 47, kNow},
      {"息子は50歳で", kAge, 50, 50, kNow},  // で at the clause end: "50歳で、無職"
      {"40歳で無職", kAge, 40, 40, kNow},
      {"40代の後半になりました", kAge, 40, 49, kNow},  // に, but no event after it
      {"30歳です", kAge, 30, 30, kNow},
      {"30歳までに就職したい", kAge, 30, 30, kNow},
      {"now 54", kAge, 54, 54, kNow},  // "now" before a number makes it an age
      {"he is 57", kAge, 57, 57, kNow},
      {"he is in his 40s", kAge, 40, 49, kNow},
      {"now in his 40s", kAge, 40, 49, kNow},
      {"unemployed in his 40s", kAge, 40, 49, kNow},
      {"he's in his 40s", kAge, 40, 49, kNow},
      {"aged 14", kAge, 14, 14, kNow},
      {"50歳前後", kAge, 48, 52, kNow},
      {"about 50", kAge, 48, 52, kNow},
      {"around 50", kAge, 48, 52, kNow},
      {"about 50 years old", kAge, 48, 52, kNow},
      {"80歳を超え", kAge, 81, 120, kNow},
      {"80歳を過ぎ", kAge, 80, 120, kNow},
      {"over 80", kAge, 81, 120, kNow},
  });
  // The verb nearest before the age phrase decides, not any in the clause.
  std::vector<NumberMention> two = Numbers("lost his job in his 40s and he is 57 now");
  REQUIRE(two.size() == 2);
  CHECK(two[0].when == kPast);
  CHECK(two[1].when == kNow);
  // "about 50 people" counts people: a bare number, not an age.
  CHECK(One("about 50 people").kind == kBare);
}

TEST_CASE("Age differences are kRelative") {
  CheckRows({
      {"2歳上の兄", kAge, 2, 2, kRelative},
      {"3つ下の妹", kAge, 3, 3, kRelative},
      {"3つ上", kAge, 3, 3, kRelative},
      {"5歳年上", kAge, 5, 5, kRelative},
      {"2歳年下", kAge, 2, 2, kRelative},
      {"二つ違い", kAge, 2, 2, kRelative},
      {"二歳上の兄", kAge, 2, 2, kRelative},
      {"3 years older", kAge, 3, 3, kRelative},
      {"two years younger than me", kAge, 2, 2, kRelative},
  });
  // A difference is not a duration either.
  for (const NumberMention& m : Numbers("a brother 3 years older")) CHECK(m.kind != NumberMention::kDuration);
}

TEST_CASE("Ages about to be reached are kApproaching") {
  CheckRows({
      {"80歳を目前に", kAge, 79, 79, kApproaching},
      {"80歳目前", kAge, 79, 79, kApproaching},
      {"私は80歳が目前に", kAge, 79, 79, kApproaching},
      {"80歳近い", kAge, 77, 79, kApproaching},
      {"もうすぐ80歳", kAge, 79, 79, kApproaching},
      {"八十歳を目前に", kAge, 79, 79, kApproaching},
      {"nearly 80", kAge, 79, 79, kApproaching},
      {"almost 80", kAge, 79, 79, kApproaching},
      {"turning 80 soon", kAge, 79, 79, kApproaching},
      {"close to 80", kAge, 77, 79, kApproaching},
  });
  CHECK(Words("母は80歳を目前に") == "80歳を目前に");
  CHECK(Words("もうすぐ80歳") == "もうすぐ80歳");
  CHECK(Words("mother is nearly 80") == "nearly 80");
}

TEST_CASE("Kanji numerals and their when in a sentence, in text order") {
  std::vector<NumberMention> all = Numbers("三十代半ばで仕事を辞めた五十四歳の弟と八十代の母、十年ひきこもり");
  REQUIRE(all.size() == 4);
  CHECK(all[0].when == NumberMention::kPast);
  CHECK(all[0].age.lo == 33);
  CHECK(all[1].when == NumberMention::kNow);
  CHECK(all[1].age.lo == 54);
  CHECK(all[2].age.lo == 80);
  CHECK(all[3].kind == NumberMention::kDuration);
  CHECK(all[3].months == 120);
}

TEST_CASE("Bracketed ages after a word are bare numbers at the digits") {
  for (const char* text : {"女性(50)", "無職男性(73)", "妹(44)", "son (52)", "長女（48）"}) {
    INFO("text: " << text);
    std::string match;
    std::vector<NumberMention> all = Numbers(text, &match);
    REQUIRE(all.size() == 1);
    CHECK(all[0].kind == NumberMention::kBare);
    CHECK(match[all[0].begin - 1] == '(');  // the subject word, "(" and the number: a tight gap
    CHECK(match[all[0].end] == ')');
  }
  CHECK(One("妹(44)").age.lo == 44);
  CHECK(One("長男(8)").age.lo == 8);   // a child's age in brackets
  CHECK(Numbers("(1) 息子").empty());  // a list marker
}

TEST_CASE("A bracketed list of ages after a word: each number under 10 is an age too") {
  for (const char* text : {"kids (5 and 7)", "子ども(5、7)", "孫(3・6)", "children (2, 4 and 9)", "子(5と7)"}) {
    INFO("text: " << text);
    std::vector<NumberMention> all = Numbers(text);
    REQUIRE(all.size() >= 2);
    for (const NumberMention& m : all) {
      CHECK(m.kind == NumberMention::kBare);
      CHECK(m.age.lo < 10);
    }
  }
  CHECK(Numbers("kids (5 and 7)")[0].age.lo == 5);
  // One age for all the word names: it stands right after the word.
  std::string match;
  std::vector<NumberMention> all = Numbers("両親(ともに81)", &match);
  REQUIRE(all.size() == 1);
  CHECK(all[0].kind == NumberMention::kBare);
  CHECK(match[all[0].begin - 1] == '(');
  CHECK(One("parents (both 68)").age.lo == 68);
  CHECK(One("my parents are both 80").age.lo == 80);
  // Two bare kanji numerals joined by と: ages, both.
  std::vector<NumberMention> two = Numbers("両親は八十二と七十九で");
  REQUIRE(two.size() == 2);
  CHECK(two[0].age.lo == 82);
  CHECK(two[1].age.lo == 79);
  CHECK(Numbers("三十と言われた").empty());
  // Not a list of ages: numbered points, a lone small number after a space,
  // a list not closed, numbers not in brackets.
  CHECK(Numbers("see (2)").empty());
  CHECK(Numbers("(1 and 2) 息子").empty());
  CHECK(Numbers("kids (5 and 7").empty());
  CHECK(Numbers("kids 5 and 7").empty());
}

TEST_CASE("8050-style pairs only as a bare token") {
  for (const char* text :
       {"8050", "7040", "9060", "8050問題", "8050世帯", "the 8050 problem", "「8050」の家庭", "8050の状態"}) {
    INFO("text: " << text);
    CHECK(One(text).kind == NumberMention::kGenerations);
  }
  for (const char* text : {"電気代は月5020円", "5020件", "8050円", "7040人", "9060番", "2020年", "950-2044", "950-8050",
                           "¥8050", "8050 yen", "8050万円"}) {
    INFO("text: " << text);
    for (const NumberMention& m : Numbers(text)) CHECK(m.kind != NumberMention::kGenerations);
  }
}

TEST_CASE("A unitless number is an age when its grammar says so") {
  CheckRows({
      // Becoming or passing a number: an age now.
      {"今年で54になりました", kAge, 54, 54, kNow},
      {"五十六になる", kAge, 56, 56, kNow},
      {"もうじき七十になる母親", kAge, 69, 69, kApproaching},
      {"三十を過ぎました", kAge, 30, 120, kNow},
      // Said of now: 今は, 現在.
      {"今は二十六", kAge, 26, 26, kNow},
      // A kanji numeral before a particle or in brackets: bare, for the
      // household to tie to its word.
      {"四十三の息子", kBare, 43, 43, kNow},
      {"母(九十)", kBare, 90, 90, kNow},
      {"もう三十五なんですけど", kAge, 35, 35, kNow},  // もう, and the spoken copula
      {"三十五なのに働かない", kBare, 35, 35, kNow},
      // English: a verb or "of" before it.
      {"I'm 79 this year", kAge, 79, 79, kNow},
      {"my daughter is 39", kAge, 39, 39, kNow},
      {"who's 51", kAge, 51, 51, kNow},
      {"my brother, now 41", kAge, 41, 41, kNow},
      {"she turned 81 in March", kAge, 81, 81, kNow},
      {"I turned 40 last month", kAge, 40, 40, kNow},
      {"a woman of 91", kAge, 91, 91, kNow},
      {"our son turns 49 in a few weeks", kAge, 48, 48, kApproaching},
      {"my husband will be 79 in June", kAge, 78, 78, kApproaching},
      {"pushing 60", kAge, 58, 59, kApproaching},
      {"just shy of 40", kAge, 38, 39, kApproaching},
      {"coming up on 80", kAge, 78, 79, kApproaching},
      {"I'm coming up on 80 myself", kAge, 78, 79, kApproaching},
      // Next month's age is this month's plus one.
      {"来月65歳になる母", kAge, 64, 64, kApproaching},
      // Just past a round age.
      {"父は80歳を過ぎたばかり", kAge, 80, 81, kNow},
      {"50歳になったばかりの弟", kAge, 50, 51, kNow},
  });
  // "she turned 81": of the one the pronoun names.
  CHECK(One("she turned 81 in March").after_pronoun);
  CHECK_FALSE(One("my mother turned 81").after_pronoun);
  // 50になる前に: a goal ahead, not an age.
  for (const NumberMention& m : Numbers("50になる前に仕事を見つけたい")) CHECK(m.kind != kAge);
  // Counts stay counts.
  CHECK(Numbers("一人で").empty());
  CHECK(Numbers("十分です").empty());
  CHECK(One("is 50 people").kind == kBare);
}

TEST_CASE("English number words read like digits") {
  CheckRows({
      {"he is forty now", kAge, 40, 40, kNow},
      {"my fifty-three-year-old cousin", kAge, 53, 53, kNow},
      {"his eighty-year-old father", kAge, 80, 80, kNow},
      {"in his forties", kAge, 40, 49, kNow},
      {"in our late seventies", kAge, 77, 79, kNow},
      {"in her mid-thirties", kAge, 33, 37, kNow},
      {"in his early fifties", kAge, 50, 53, kNow},
      {"in her late 60s", kAge, 67, 69, kNow},
      {"he's forty-something", kAge, 40, 49, kNow},
      {"a son of fifty-eight", kAge, 58, 58, kNow},
      {"worked as a cook in his twenties", kAge, 20, 29, kPast},
  });
  CHECK(One("he's forty-something").after_pronoun);
  CHECK(One("my uncle, in his forties").after_pronoun);
  CHECK(One("in her late 60s").after_pronoun);
  CHECK(One("twenty years").kind == NumberMention::kDuration);
  CHECK(One("twenty years").months == 240);
}

TEST_CASE("〜歳で is past only before a past event; at N by its tense") {
  CheckRows({
      {"5歳で自閉症と診断され", kAge, 5, 5, kPast},
      {"19歳で大学を中退し", kAge, 19, 19, kPast},
      {"35歳で勤めていた会社を辞めてから", kAge, 35, 35, kPast},
      {"二十八で会社を辞め", kBare, 28, 28, kPast},
      {"兄は55歳でひきこもり", kAge, 55, 55, kNow},
      {"弟は46歳で、家から出ません", kAge, 46, 46, kNow},
      {"母は82で足腰が弱ってきました", kBare, 82, 82, kNow},
      {"At 16 our son dropped out", kAge, 16, 16, kPast},
      {"Now, at 36, he spends all day in his room", kAge, 36, 36, kNow},
      {"the issue is that at 46 he has no job", kAge, 46, 46, kNow},
      {"Dad retired at 60", kAge, 60, 60, kPast},
      {"I married at 25", kAge, 25, 25, kPast},
  });
}

TEST_CASE("Age differences say older or younger (sign)") {
  struct Row {
    const char* text;
    int sign;
  } rows[] = {
      {"2歳上の兄", 1}, {"5歳年下の弟", -1},  {"一つ年上のいとこ", 1},           {"30歳違い", 0},
      {"28歳差", 0},    {"3 years older", 1}, {"two years younger than me", -1}, {"fourteen years younger", -1},
  };
  for (const Row& r : rows) {
    INFO("text: " << r.text);
    NumberMention m = One(r.text);
    CHECK(m.when == NumberMention::kRelative);
    CHECK(m.sign == r.sign);
  }
}

TEST_CASE("Ages with names (還暦) and decades since") {
  CheckRows({
      {"兄は還暦です", kAge, 60, 60, kNow},
      {"あと少しで還暦", kAge, 57, 59, kApproaching},
      {"米寿を迎えた母", kAge, 88, 88, kNow},
      {"古希を過ぎた父", kAge, 70, 120, kNow},
      {"withdrawn since her 20s", kAge, 20, 29, kPast},
      // has/have: a state now, though "left" alone is past.
      {"a man in his mid-fifties has not left home", kAge, 53, 57, kNow},
  });
  CHECK(Numbers("還元").empty());
}

TEST_CASE("A number that is the first clause of its sentence, before a comma, is an age now") {
  CheckRows({
      {"Thirty-one, no work history, panics at interviews", kAge, 31, 31, kNow},
      {"31, no job, hardly goes out", kAge, 31, 31, kNow},
      {"He called. Fifty-one, no job since the factory closed", kAge, 51, 51, kNow},
      {"Eighty-two and caring for a son", kAge, 82, 82, kNow},
  });
  CHECK(Numbers("Twenty and thirty years ago")[0].kind == kBare);
  // Not alone at a sentence start, or a list of numbers: no age.
  CHECK(One("we paid 31, no more").kind == kBare);
  CHECK(Numbers("20, 30 years ago")[0].kind == kBare);
  for (const NumberMention& m : Numbers("Twenty, thirty people came")) CHECK(m.kind == kBare);
  // Words that count are never ages here.
  CHECK(Numbers("One, no work history").empty());
  CHECK(Numbers("A son of hers, at home for years").empty());
  CHECK(Numbers("the second year").empty());
  CHECK(One("twenty minutes").kind == kBare);
  for (const NumberMention& m : Numbers("One of my sons is 40")) CHECK(m.age.lo == 40);
}

TEST_CASE("A duration since a past event (since) is told from a spell or a past point") {
  struct Row {
    const char* text;
    bool since;
  } rows[] = {
      {"退職して、もう20年になります", true},
      {"それからもう15年", true},
      {"会社を辞めてから十年以上", true},
      {"あれから5年が経ちました", true},
      {"That was 22 years ago.", true},
      {"since he was 40, eleven years now", true},
      {"it's been 20 years", true},
      {"15年前に父が亡くなり", false},
      {"10年ひきこもり", false},
      {"for 10 years", false},
      {"20 years ago he moved", false},
      {"6ヶ月になります", false},  // months: under a year, no age change to add
  };
  for (const Row& r : rows) {
    INFO("text: " << r.text);
    std::vector<NumberMention> all = Numbers(r.text);
    REQUIRE(!all.empty());
    CHECK(all.back().kind == NumberMention::kDuration);
    CHECK(all.back().since == r.since);
  }
}

TEST_CASE("An age right before \"N years ago\" is past; the years are the time since") {
  std::vector<NumberMention> all = Numbers("not since she turned 30 two years ago");
  REQUIRE(all.size() == 2);
  CHECK(all[0].age.lo == 30);
  CHECK(all[0].when == NumberMention::kPast);
  CHECK(all[1].since);
  CHECK(One("30歳を境に家から出なくなり").when == NumberMention::kPast);
}

TEST_CASE("A form's age field is an age now, of whom the case is about; a field of an event is past") {
  CheckRows({
      {"年齢：45", kAge, 45, 45, kNow},
      {"年齢 45", kAge, 45, 45, kNow},
      {"年齢: 45歳", kAge, 45, 45, kNow},
      {"本人年齢：52", kAge, 52, 52, kNow},
      {"性別：男　年齢：38", kAge, 38, 38, kNow},
      {"Age: 44. Sex: female.", kAge, 44, 44, kNow},
      {"Client age: 50.", kAge, 50, 50, kNow},
      {"DOB/age: 1979 (45).", kAge, 45, 45, kNow},
      {"発症年齢：20歳", kAge, 20, 20, kPast},
      {"退職時年齢：35", kAge, 35, 35, kPast},
  });
  CHECK(One("年齢：45").of_case);
  CHECK(One("Age: 44").of_case);
  CHECK_FALSE(One("発症年齢：20歳").of_case);
  CHECK_FALSE(One("息子は45歳").of_case);
  // Fields that are not the age now: a bare number, as before.
  for (const char* text : {"Age of onset: 20", "Onset age: 20", "Mother's age: 72", "母の年齢：72", "Stage: 30",
                           "Case no: 45", "Room 12", "No. of family: 13"}) {
    INFO("text: " << text);
    NumberMention m = One(text);
    CHECK(m.kind == kBare);
    CHECK_FALSE(m.of_case);
  }
  for (const NumberMention& m : Numbers("Tel: 025-266-1234")) CHECK(m.kind != kAge);
}

TEST_CASE("Age and sex in shorthand: 52M, (84F), m/52, F, 38, 45 y/o") {
  CheckRows({
      {"52M, lives w/ mother", kAge, 52, 52, kNow},
      {"mother (84F)", kAge, 84, 84, kNow},
      {"Client m/52.", kAge, 52, 52, kNow},
      {"F, 38, lives alone", kAge, 38, 38, kNow},
      {"Male, 45, no job", kAge, 45, 45, kNow},
      {"45 y/o M", kAge, 45, 45, kNow},
  });
  CHECK(One("mother (84F)").of_case);
  CHECK(Words("45 y/o M") == "45 y/o");
  CHECK(Words("mother (84F)") == "84f");
  // A letter after a number in running text is no sex: "30m", "a 5f drop".
  for (const char* text : {"walks for 30m a day", "50m from the station", "we spoke, f 38"}) {
    INFO("text: " << text);
    for (const NumberMention& m : Numbers(text)) CHECK(m.kind != kAge);
  }
}

TEST_CASE("N+ years is a duration of N years or more, not an age of N or over") {
  CheckDurations({
      {"no job for 20+ yrs", 240},
      {"unemployed 10+ years", 120},
      {"isolated 10+ years", 120},
      {"for 6+ months", 6},
      {"has not worked for 5 yrs+", 60},
      {"10年以上", 120},
  });
  CheckAges({{"65+", 65, 120}, {"parents 80+", 80, 120}});
}
