// Tests for src/numbers.h: ages, durations, 8050-style pairs and bare
// numbers, read from normalised text.
#include "numbers.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "normalize.h"

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

void CheckAge(const std::string& text, int lo, int hi) {
  NumberMention m = One(text);
  INFO("text: " << text);
  CHECK(m.kind == NumberMention::kAge);
  CHECK(m.age.lo == lo);
  CHECK(m.age.hi == hi);
}

void CheckMonths(const std::string& text, int months) {
  NumberMention m = One(text);
  INFO("text: " << text);
  CHECK(m.kind == NumberMention::kDuration);
  CHECK(m.months == months);
}

std::string Words(const std::string& text) {
  std::string match;
  std::vector<NumberMention> all = Numbers(text, &match);
  REQUIRE(all.size() == 1);
  return match.substr(all[0].begin, all[0].end - all[0].begin);
}

}  // namespace

TEST_CASE("Japanese decades: 80代 and its parts") {
  CheckAge("80代", 80, 89);
  CheckAge("80代の母", 80, 89);
  CheckAge("８０代", 80, 89);  // full width, through Normalize
  CheckAge("50代前半", 50, 54);
  CheckAge("50代半ば", 53, 56);
  CheckAge("80代後半", 85, 89);
  CheckAge("80代以上", 80, 120);
  CHECK(Words("母は80代後半です") == "80代後半");
}

TEST_CASE("Japanese ages in years: 85歳, 80歳以上 and friends") {
  CheckAge("85歳", 85, 85);
  CheckAge("85才", 85, 85);
  CheckAge("80歳以上", 80, 120);
  CheckAge("30歳以下", 0, 30);
  CheckAge("20歳未満", 0, 19);
  CheckAge("65歳を超え", 66, 120);
  CheckAge("25歳くらい", 23, 27);
  CHECK(Words("本人は80歳以上だ") == "80歳以上");
}

TEST_CASE("English ages: over 80, 52-year-old, aged 52, in his 50s") {
  CheckAge("over 80", 81, 120);
  CheckAge("parent over 80", 81, 120);
  CheckAge("older than 70", 71, 120);
  CheckAge("under 30", 0, 29);
  CheckAge("52-year-old", 52, 52);
  CheckAge("a 52 year old son", 52, 52);
  CheckAge("48 years old", 48, 48);
  CheckAge("aged 52", 52, 52);
  CheckAge("age 52", 52, 52);
  CheckAge("at least 60", 60, 120);
  CheckAge("aged 70 or older", 70, 120);
  CheckAge("in his 50s", 50, 59);
  CheckAge("in her 40's", 40, 49);
  CheckAge("65+", 65, 120);
  CHECK(Words("mother over 80") == "over 80");
  CHECK(Words("son aged 52") == "aged 52");
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
  CheckMonths("10年", 120);
  CheckMonths("10年以上", 120);
  CheckMonths("1年以上家から出ない", 12);
  CheckMonths("3年間", 36);
  CheckMonths("6ヶ月", 6);  // ヶ folds to ゖ in the match form
  CheckMonths("6ケ月", 6);
  CheckMonths("6カ月", 6);
  CheckMonths("6か月", 6);
  CheckMonths("6ヵ月", 6);
  CheckMonths("半年", 6);
  CheckMonths("もう半年になる", 6);
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
  CheckMonths("for 3 years", 36);
  CheckMonths("3 yrs", 36);
  CheckMonths("1 year", 12);
  CheckMonths("6 months", 6);
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
  CheckAge("110代", 110, 119);
  CheckAge("115代以上", 115, 120);
  CheckAge("over 119", 120, 120);
}
