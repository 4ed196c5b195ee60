// The Japanese catalogue (src/messages/ja.po, embedded): each text keeps
// the placeholders of its id, and Tr follows the chosen language.
#include "messages.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

// The {…} placeholders of a fmt format string, in order ({{ and }} are
// literal braces, not placeholders).
std::vector<std::string> Placeholders(std::string_view text) {
  std::vector<std::string> found;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "{{") == 0 || text.compare(i, 2, "}}") == 0) {
      ++i;
      continue;
    }
    if (text[i] != '{') continue;
    const size_t end = text.find('}', i);
    if (end == std::string_view::npos) break;
    found.emplace_back(text.substr(i, end - i + 1));
    i = end;
  }
  return found;
}

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace

TEST_CASE("messages: every Japanese text has its id's placeholders") {
  const auto catalogue = MessageCatalogue();
  REQUIRE(catalogue.size() > 50);
  for (const auto& [id, ja] : catalogue) {
    if (id.empty()) continue;  // the PO header
    CAPTURE(id);
    CHECK_FALSE(ja.empty());
    const auto from = Placeholders(id), to = Placeholders(ja);
    // Numbered ({0}, {1}) may be reordered; plain {} must stay in order.
    if (!from.empty() && from[0] != "{}") CHECK(Sorted(from) == Sorted(to));
    else CHECK(from == to);
  }
}

TEST_CASE("messages: Tr follows the language") {
  SetMessageLanguage(Lang::kEn);
  CHECK(std::string(Tr("write error")) == "write error");
  SetMessageLanguage(Lang::kJa);
  CHECK(std::string(Tr("write error")) == "書き込みエラー");
  CHECK(TrF("tsunagu: cannot write standard output: {}\n", "x") == "tsunagu: 標準出力に書けません: x\n");
  CHECK(std::string(Tr("an id with no translation")) == "an id with no translation");
  SetMessageLanguage(Lang::kEn);
}

TEST_CASE("messages: a language from a locale name") {
  Lang lang = Lang::kJa;
  CHECK(ParseLanguage("en_US.UTF-8", &lang));
  CHECK(lang == Lang::kEn);
  CHECK(ParseLanguage("JA", &lang));
  CHECK(lang == Lang::kJa);
  CHECK(ParseLanguage("en-GB", &lang));
  CHECK_FALSE(ParseLanguage("C.UTF-8", &lang));
  CHECK_FALSE(ParseLanguage("fr_FR", &lang));
  CHECK_FALSE(ParseLanguage("", &lang));
}
