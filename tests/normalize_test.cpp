// Tests for src/normalize.h: NFKC, lower-casing, the katakana→hiragana fold
// of the match form, offsets shared by display and match, clause splitting.
#include "normalize.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace std::string_literals;

namespace {

NormalizedText Norm(const std::string& in) {
  NormalizedText n;
  Status s = Normalize(in, &n);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  return n;
}

// The clauses of text as strings.
std::vector<std::string> Clauses(const std::string& text) {
  std::vector<std::string> out;
  for (const Clause& c : SplitClauses(text)) out.push_back(text.substr(c.begin, c.end - c.begin));
  return out;
}

}  // namespace

TEST_CASE("Normalize: NFKC turns full-width digits and Latin into ASCII") {
  CHECK(Norm("８０代").display == "80代");
  CHECK(Norm("８０代").match == "80代");
  CHECK(Norm("５２歳").display == "52歳");
  CHECK(Norm("ＡＢＣ").display == "abc");
  CHECK(Norm("ｓｏｎ　５２").display == "son 52");  // ideographic space → space
}

TEST_CASE("Normalize: half-width katakana becomes full-width, then hiragana for matching") {
  NormalizedText n = Norm("ﾋｷｺﾓﾘ");
  CHECK(n.display == "ヒキコモリ");
  CHECK(n.match == "ひきこもり");
  // Voiced marks compose: ﾀﾞ → ダ → だ.
  CHECK(Norm("ﾀﾞﾒ").display == "ダメ");
  CHECK(Norm("ﾀﾞﾒ").match == "だめ");
}

TEST_CASE("Normalize: full-width katakana folds to hiragana in the match form only") {
  NormalizedText n = Norm("ヒキコモリの息子");
  CHECK(n.display == "ヒキコモリの息子");
  CHECK(n.match == "ひきこもりの息子");
  // Kanji, hiragana and the long-vowel mark are left alone.
  CHECK(Norm("ヒッキー").match == "ひっきー");
}

TEST_CASE("Normalize: Latin is lower-cased in both forms") {
  NormalizedText n = Norm("My SON Is 52");
  CHECK(n.display == "my son is 52");
  CHECK(n.match == "my son is 52");
  CHECK(Norm("ÉCOLE").display == "école");
}

TEST_CASE("Normalize: a contraction written without its apostrophe gets it back") {
  NormalizedText n = Norm("Shes 27 and hasnt left her room, dont know what to do. Im ヒキコモリ");
  CHECK(n.display == "she's 27 and hasn't left her room, don't know what to do. i'm ヒキコモリ");
  CHECK(n.match == "she's 27 and hasn't left her room, don't know what to do. i'm ひきこもり");
  CHECK(Norm("hes 55, ive tried, he cant, he wont").display == "he's 55, i've tried, he can't, he won't");
  // Real words and words already written right are left alone.
  CHECK(Norm("its room, ill, id, imagine, dontt, wasn't, i'm").display ==
        "its room, ill, id, imagine, dontt, wasn't, i'm");
  CHECK(Norm("ｄｏｎｔ").display == "don't");  // after NFKC too
}

TEST_CASE("Normalize: display and match have the same byte offsets") {
  const std::string input = "Son ﾋｷｺﾓﾘ ８０代の母、ヒキコモリ歴10年。ＯＫ";
  NormalizedText n = Norm(input);
  REQUIRE(n.display.size() == n.match.size());
  size_t in_display = n.display.find("ヒキコモリ");
  size_t in_match = n.match.find("ひきこもり");
  REQUIRE(in_display != std::string::npos);
  CHECK(in_match == in_display);
  // Byte for byte, the two differ only inside katakana.
  size_t mother = n.match.find("母");
  CHECK(mother == n.display.find("母"));
  CHECK(n.display.substr(0, 4) == "son ");
}

TEST_CASE("Normalize: plain text passes through unchanged") {
  const std::string input = "80代の母が要介護、息子は52歳で無職。";
  NormalizedText n = Norm(input);
  CHECK(n.display == input);
  CHECK(n.match == input);
  CHECK(Norm("").display == "");
}

TEST_CASE("Normalize: invalid UTF-8 is an input error naming the byte offset") {
  NormalizedText n;
  Status s = Normalize("母が\xFF", &n);
  CHECK_FALSE(s.ok());
  CHECK(s.kind() == ErrorKind::kInput);
  CHECK(s.message() == "the text is not valid UTF-8 (or holds a NUL byte) at byte offset 6; re-save it as UTF-8");
  CHECK(s.ToString() == s.message());  // no file position
}

TEST_CASE("Normalize: a NUL byte is an input error") {
  NormalizedText n;
  Status s = Normalize("ab\0c"s, &n);
  CHECK(s.kind() == ErrorKind::kInput);
  CHECK(s.message().find("byte offset 2") != std::string::npos);
}

TEST_CASE("Normalize: text that leaves the one-pass path late is normalised whole") {
  // Kana, kanji and ASCII take a one-pass path; a code point it does not
  // handle anywhere (full-width Latin, half-width katakana, a four-byte
  // form, an accented letter) sends the whole text through NFKC instead.
  for (std::string tail : {"ＡＢ", "ｶﾅ", "😀", "É", "①"}) {
    NormalizedText n = Norm("ヒキコモリの息子ABC、" + tail);
    NormalizedText whole = Norm(tail);
    CHECK(n.display == "ヒキコモリの息子abc、" + whole.display);
    CHECK(n.match == "ひきこもりの息子abc、" + whole.match);
  }
  CHECK(Norm("①").display == "1");
  CHECK(Norm("ＡＢ").display == "ab");
}

TEST_CASE("Normalize: a bad byte after a long valid stretch is reported at its offset, output emptied") {
  NormalizedText n;
  n.display = "left over";
  Status s = Normalize("ひきこもりの息子がいる。ABC\xE3\x81", &n);
  CHECK(s.message().find("byte offset 39") != std::string::npos);
  CHECK(n.display.empty());
  CHECK(n.match.empty());
  // An overlong three-byte form and a surrogate are invalid, not kana.
  CHECK_FALSE(Normalize("あ\xE0\x80\x80", &n).ok());
  CHECK_FALSE(Normalize("あ\xED\xA0\x80", &n).ok());
}

TEST_CASE("NormalizePhrase gives the match form") {
  CHECK(NormalizePhrase("ﾋｷｺﾓﾘ") == "ひきこもり");
  CHECK(NormalizePhrase("ヒキコモリ") == "ひきこもり");
  CHECK(NormalizePhrase("Elderly Parent") == "elderly parent");
  CHECK(NormalizePhrase("８０５０") == "8050");
  // The small ヶ of 6ヶ月 folds to its hiragana form ゖ.
  CHECK(NormalizePhrase("6ヶ月") == "6ゖ月");
  CHECK(NormalizePhrase("6カ月") == "6か月");
}

TEST_CASE("SplitClauses splits at Japanese and ASCII punctuation") {
  CHECK(Clauses("母が要介護、息子は無職。生活が苦しい") ==
        std::vector<std::string>{"母が要介護", "息子は無職", "生活が苦しい"});
  CHECK(Clauses("a,b;c!d?e") == std::vector<std::string>{"a", "b", "c", "d", "e"});
  CHECK(Clauses("one. two") == std::vector<std::string>{"one", " two"});
  CHECK(Clauses("line1\nline2") == std::vector<std::string>{"line1", "line2"});
  CHECK(Clauses("「死にたい」と言う") == std::vector<std::string>{"死にたい", "と言う"});
}

TEST_CASE("SplitClauses: every Japanese separator, next to kana, katakana and kanji") {
  // Hiragana and most katakana are stepped over whole; the separators share
  // their first byte (、。「」『』 are E3 80 xx, ・ is E3 83 BB beside ー E3 83 BC).
  CHECK(Clauses("ひきこもり、ワーカー。『ケース』・メール…母") ==
        std::vector<std::string>{"ひきこもり", "ワーカー", "ケース", "メール", "母"});
  CHECK(Clauses("ソーシャル・ワーカーがいる") == std::vector<std::string>{"ソーシャル", "ワーカーがいる"});
  CHECK(Clauses("ヴァイオリン、ヶ月") == std::vector<std::string>{"ヴァイオリン", "ヶ月"});
}

TEST_CASE("SplitClauses splits full-width punctuation after normalisation") {
  NormalizedText n = Norm("母が要介護，息子は無職！");
  CHECK(Clauses(n.match) == std::vector<std::string>{"母が要介護", "息子は無職"});
}

TEST_CASE("SplitClauses splits at \" but \" so negation does not cross it") {
  CHECK(Clauses("not violent but has a disability") == std::vector<std::string>{"not violent", "has a disability"});
  // Only the whole word: "butter" and "rebut" do not split.
  CHECK(Clauses("eats butter, no rebut") == std::vector<std::string>{"eats butter", " no rebut"});
}

TEST_CASE("SplitClauses does not split a decimal number") {
  CHECK(Clauses("debt of 3.5 million") == std::vector<std::string>{"debt of 3.5 million"});
  CHECK(Clauses("aged 3.") == std::vector<std::string>{"aged 3"});
  CHECK(Clauses(".5 or 5.") == std::vector<std::string>{"5 or 5"});
}

TEST_CASE("SplitClauses drops empty clauses and keeps byte offsets") {
  CHECK(SplitClauses("").empty());
  CHECK(SplitClauses("、。,,").empty());
  const std::string text = "母、、息子";
  std::vector<Clause> cs = SplitClauses(text);
  REQUIRE(cs.size() == 2);
  CHECK(cs[0].begin == 0);
  CHECK(cs[0].end == 3);
  CHECK(cs[1].begin == text.find("息子"));
  CHECK(cs[1].end == text.size());
}
