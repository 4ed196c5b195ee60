// The reading step (tokens.h, reading.h): how phrases read, and the
// polarity of what follows a phrase in a case.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "normalize.h"
#include "reading.h"
#include "test_analyzer.h"
#include "tokens.h"

namespace {

std::string Read(const std::string& phrase, bool* negative = nullptr, PhraseReading::Problem* problem = nullptr) {
  PhraseReading r = ReadPhrase(TheAnalyzer(), NormalizePhraseForReading(phrase));
  if (negative) *negative = r.negative;
  if (problem) *problem = r.problem;
  return ShowStream(r.stream);
}

// The polarity after the first token whose lemma is `lemma` in text.
Polarity After(const std::string& text, const std::string& lemma) {
  std::vector<Token> tokens;
  TheAnalyzer().Tokenize(text, 0, text.size(), &tokens);
  for (size_t i = 0; i < tokens.size(); ++i)
    if (tokens[i].lemma == lemma) return ReadPolarity(text, tokens, i + 1, tokens.size(), lemma);
  FAIL("no token with lemma " << lemma << " in " << text);
  return Polarity();
}

}  // namespace

TEST_CASE("reading: one phrase covers every conjugation") {
  struct Row {
    const char* phrase;
    const char* reading;
    bool negative;
  } rows[] = {
      {"外出しない", "外出+する", true},
      {"外出しません", "外出+する", true},
      {"外出していない", "外出+する", true},
      {"外出はほとんどしてない", "外出+する", true},
      {"家から出ない", "家+から+出る", true},
      {"働きたい", "働く+たい", false},
      {"介護が必要", "介護+必要", false},
      {"介護は必要", "介護+必要", false},
      {"暴力なんか振るう", "暴力+振るう", false},  // なんか, なんて, など single out, as は does
      {"暴力なんて振るわない", "暴力+振るう", true},
      {"殴られる", "殴る+れる", false},
      {"食べるものがない", "食べる+もの", true},
      {"家にいる", "家+に+いる", false},
      {"working", "work", false},
      {"worked", "work", false},
      {"I'm", "i+m", false},
  };
  for (const Row& r : rows) {
    CAPTURE(r.phrase);
    bool negative = false;
    CHECK(Read(r.phrase, &negative) == r.reading);
    CHECK(negative == r.negative);
  }
}

TEST_CASE("reading: phrases that cannot match say why") {
  PhraseReading::Problem problem = PhraseReading::kNone;
  CHECK(Read("家で", nullptr, &problem).empty());
  CHECK(problem == PhraseReading::kFragment);
  CHECK(Read("ないです", nullptr, &problem).empty());
  CHECK(problem == PhraseReading::kNoContent);
  Read("家にいるだけ", nullptr, &problem);  // だけ says more: not a fragment
  CHECK(problem == PhraseReading::kNone);
}

TEST_CASE("reading: the user dictionary reads domain words as one noun") {
  std::vector<Token> tokens;
  const std::string text = "引きこもりの息子";
  TheAnalyzer().Tokenize(text, 0, text.size(), &tokens);
  REQUIRE_FALSE(tokens.empty());
  CHECK(tokens[0].lemma == "引きこもり");
  CHECK(tokens[0].end == std::string("引きこもり").size());
}

TEST_CASE("reading: 寝たきり is one noun in a case and in a phrase") {
  for (const std::string text : {"父は寝たきりです", "寝たきり"}) {
    std::vector<Token> tokens;
    TheAnalyzer().Tokenize(text, 0, text.size(), &tokens);
    CAPTURE(text);
    CHECK(std::any_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.lemma == "寝たきり"; }));
  }
}

TEST_CASE("reading: polarity from the grammar that follows") {
  struct Row {
    const char* text;
    const char* lemma;
    bool negated, hedged, hypothetical, died;
  } rows[] = {
      {"暴力はない", "暴力", true, false, false, false},
      {"暴力をふるうことはなく", "ふるう", true, false, false, false},
      {"病気があるわけでもなく", "病気", true, false, false, false},
      {"外に出ないわけではない", "出る", false, false, false, false},  // two negations cancel
      {"手を上げたことは一度もありません", "上げる", true, false, false, false},
      {"自傷行為は今のところ見られません", "行為", true, false, false, false},
      {"自殺はしないと思う", "自殺", false, true, false, false},  // a worry, not a denial
      {"暴力はないはず", "暴力", false, true, false, false},
      {"ひきこもりではないか", "ひきこもり", false, true, false, false},
      {"死にたいとは言っていない", "たい", true, false, false, false},  // a denied report
      {"私が死ぬ前に", "死ぬ", false, false, true, false},
      {"死んだら", "死ぬ", false, false, true, true},
      {"死ぬほど眠い", "死ぬ", false, false, true, false},
      {"夫が亡くなり", "亡くなる", false, false, false, true},
      {"出かけんのやけど", "出かける", true, false, false, false},            // a negative fused into the verb
      {"読んでいない", "読む", true, false, false, false},                    // not the sound change of 読ん
      {"暴力をふるうようなことはない", "ふるう", true, false, false, false},  // よう carries it
      {"使い込むようなことがあったら", "使い込む", false, false, true, false},
      {"死にたいなんて一度も言ったことはありません", "たい", true, false, false, false},  // なんて, 一度も
      {"死にたいって言ったことはない", "たい", true, false, false, false},
      {"自殺なんて全然考えていない", "自殺", true, false, false, false},
      {"死にたいなんて言うんです", "たい", false, false, false, false},
      {"死にたいと言わない日はない", "たい", false, false, false, false},  // every day
      {"暴力をふるわない日はありません", "ふるう", false, false, false, false},
      {"暴力をふるわない日もない", "ふるう", false, false, false, false},
      {"暴力をふるわない日もある", "ふるう", false, false, false, false},  // on other days he does
      // What went on, thought not to: a surprise or a belief, not a denial;
      // an intention thought of is denied.
      {"暴力をふるっているとは思いませんでした", "ふるう", false, true, false, false},
      {"切っていたとは思わない", "切る", false, true, false, false},
      {"死のうとは思っていない", "う", true, false, false, false},
  };
  for (const Row& r : rows) {
    CAPTURE(r.text);
    Polarity p = After(r.text, r.lemma);
    CHECK(p.negated() == r.negated);
    CHECK(p.hedged == r.hedged);
    CHECK(p.hypothetical == r.hypothetical);
    CHECK(p.died == r.died);
  }
}

TEST_CASE("reading: a potential is read through, and said") {
  Polarity p = After("面倒は見られない", "見る");
  CHECK(p.negated());
  CHECK(p.through_passive);
}

TEST_CASE("reading: a debt told as over (ToldAsOver)") {
  // The settling words of text, or "" when it does not tell a debt as over.
  auto over = [](const std::string& text) -> std::string {
    std::vector<Token> tokens;
    TheAnalyzer().Tokenize(text, 0, text.size(), &tokens);
    size_t b = 0, e = 0;
    if (!ToldAsOver(text, tokens, 0, tokens.size(), &b, &e)) return "";
    return text.substr(tokens[b].begin, tokens[e - 1].end - tokens[b].begin);
  };
  CHECK(over("今は全部返し終わっています") == "返し終わっています");
  CHECK(over("父が肩代わりして完済しました") == "完済しました");
  CHECK(over("去年ようやく返し終わりました") == "返し終わりました");
  CHECK(over("返済済みです") == "返済済みです");
  CHECK(over("兄が払い終えた") == "払い終えた");
  CHECK(over("父が完済して") == "完済して");
  CHECK(over("父が完済してくれました") == "完済してくれました");
  // Not over, or not yet.
  CHECK(over("返し終わる見込みがない") == "");
  CHECK(over("まだ返し終わっていません") == "");
  CHECK(over("来月には返し終わる") == "");
  CHECK(over("返し終わったら働く") == "");
  CHECK(over("完済する予定です") == "");
  CHECK(over("毎月返している") == "");
  CHECK(over("完済してくれる約束だ") == "");
}

TEST_CASE("reading: words that place a collapse a month or more ago, an age then among them") {
  struct Row {
    const char* text;
    bool long_ago;
  } rows[] = {
      {"3年前に倒れた", true},         {"去年倒れた", true},
      {"三十五歳で倒れた", true},      {"35の時に倒れた", true},
      {"20代の頃に倒れた", true},      {"八十歳のときに倒れた", true},
      {"3日前に倒れた", false},        {"3か月前から寝込んでいる", false},
      {"三十五歳で、無職です", false}, {"20代で倒れた", false},
      {"35人で行った", false},
  };
  for (const Row& r : rows) {
    INFO(std::string(r.text));
    std::vector<Token> tokens;
    const std::string text = r.text;
    TheAnalyzer().Tokenize(text, 0, text.size(), &tokens);
    CHECK((LongAgoAt(tokens, 0, tokens.size()) > 0) == r.long_ago);
  }
}
