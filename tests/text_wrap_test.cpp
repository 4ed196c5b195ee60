#include "text_wrap.h"

#include <doctest/doctest.h>

#include "utf8.h"

TEST_CASE("wrap: English at spaces, every line within the width") {
  const auto lines = Wrap("the case, in Japanese or English; - reads standard input", 20);
  CHECK(lines == std::vector<std::string>{"the case, in", "Japanese or English;", "- reads standard", "input"});
}

TEST_CASE("wrap: a phone number or an id is never split") {
  const auto lines = Wrap("電話 025-278-8585 hikikomori-center", 12);
  for (const std::string& line : lines) CHECK(DisplayWidth(line) <= 17);
  CHECK(lines[1] == "025-278-8585");
  CHECK(lines[2] == "hikikomori-center");  // alone wider than the line: kept whole
}

TEST_CASE("wrap: a closing mark never starts a line") {
  // 10 columns: 「あいうえ」 fills it, and 。 would start the next line.
  CHECK(Wrap("あいうえお。かきく", 10) == std::vector<std::string>{"あいうえ", "お。かきく"});
  CHECK(Wrap("あいうえ)。かき", 9) == std::vector<std::string>{"あいう", "え)。かき"});
  CHECK(Wrap("あいうえ、", 8) == std::vector<std::string>{"あいう", "え、"});
}

TEST_CASE("wrap: an opening mark never ends a line") {
  CHECK(Wrap("あいう（えお）", 8) == std::vector<std::string>{"あいう", "（えお）"});
  CHECK(Wrap("あ「い」", 6) == std::vector<std::string>{"あ", "「い」"});
}

TEST_CASE("wrap: a line of marks alone still ends") {
  // Nothing can stay on the line without breaking a rule: break anyway,
  // within the width, losing nothing.
  std::string joined;
  for (const std::string& line : Wrap("」」」」」", 4)) {
    CHECK(DisplayWidth(line) <= 4);
    joined += line;
  }
  CHECK(joined == "」」」」」");
}
