// The Japanese catalogue (src/messages/ja.po, embedded): each text keeps
// the placeholders of its id, and Tr follows the chosen language.
#include "messages.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

// The {…} placeholders of a fmt format string as "index:spec", numbered
// in order when written {} ({{ and }} are literal braces). A translation
// may number them ({1} before {0}) where its word order needs it.
std::vector<std::string> Placeholders(std::string_view text) {
  std::vector<std::string> found;
  int next = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "{{") == 0 || text.compare(i, 2, "}}") == 0) {
      ++i;
      continue;
    }
    if (text[i] != '{') continue;
    const size_t end = text.find('}', i);
    if (end == std::string_view::npos) break;
    std::string inside(text.substr(i + 1, end - i - 1));
    const size_t colon = inside.find(':');
    std::string index = inside.substr(0, colon), spec = colon == std::string::npos ? "" : inside.substr(colon);
    if (index.empty()) index = std::to_string(next++);
    found.push_back(index + spec);
    i = end;
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace

TEST_CASE("messages: every Japanese text has its id's placeholders") {
  const auto catalogue = MessageCatalogue();
  REQUIRE(catalogue.size() > 50);
  for (const auto& [id, ja] : catalogue) {
    if (id.empty()) continue;  // the PO header
    CAPTURE(id);
    CHECK_FALSE(ja.empty());
    CHECK(Placeholders(id) == Placeholders(ja));
    // And it formats where its id does (an id shown by Tr alone may hold
    // braces of its own, "{date, source, by}"): fmt would throw at run time.
    bool id_formats = true;
    try {
      (void)fmt::format(fmt::runtime(std::string(id)), 1, 2, 3, 4, 5);
    } catch (const fmt::format_error&) {
      id_formats = false;
    }
    if (id_formats) CHECK_NOTHROW((void)fmt::format(fmt::runtime(std::string(ja)), 1, 2, 3, 4, 5));
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
