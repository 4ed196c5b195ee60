// Tests for VisibleControls (src/render.h) and its use by the terminal
// renderers: no control character of a case reaches a terminal, only the
// renderers' own colour codes do.
#include <doctest/doctest.h>

#include <string>

#include "explain.h"
#include "render.h"
#include "render_explain.h"
#include "shipped_model.h"
#include "triage.h"

namespace {

// The text without the colour codes the renderers write themselves.
std::string WithoutColour(std::string text) {
  for (const char* code : {"\033[1;31m", "\033[1m", "\033[2m", "\033[0m"})
    for (size_t at; (at = text.find(code)) != std::string::npos;) text.erase(at, std::string(code).size());
  return text;
}

bool HasControl(const std::string& text) {
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) return true;
    if (c == 0xc2 && i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xe0) == 0x80) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("VisibleControls: C0 but tab and newline, DEL and C1 as \\u00XX") {
  CHECK(VisibleControls("a\x1b[31mb") == "a\\u001b[31mb");
  CHECK(VisibleControls(std::string("\0\x01\r\x7f", 4)) == "\\u0000\\u0001\\u000d\\u007f");
  CHECK(VisibleControls("a\xc2\x9b"
                        "b\xc2\x85") == "a\\u009bb\\u0085");
  CHECK(VisibleControls("tab\tand\nnewline") == "tab\tand\nnewline");
  // Not C1: U+00A0 and U+00E9 (also 0xC2/0xC3 lead bytes), a backslash.
  CHECK(VisibleControls("\xc2\xa0\xc3\xa9\\x1b") == "\xc2\xa0\xc3\xa9\\x1b");
  CHECK(VisibleControls("親が80代") == "親が80代");
  CHECK(VisibleControls("") == "");
  CHECK(VisibleControls("end\xc2") == "end\xc2");  // a cut sequence is left alone
}

TEST_CASE("RenderExplain: the case's control characters are escaped, colour kept") {
  Explanation e;
  const std::string text = "息子が死に\x1b]0;title\x07たいと言う\x7f\xc2\x9b[2J、\r80代の母";
  REQUIRE(Explain(Shipped().model, Shipped().lexicon, Shipped().index, text, &e).ok());
  for (Lang lang : {Lang::kJa, Lang::kEn}) {
    for (bool color : {false, true}) {
      RenderOptions options;
      options.lang = lang;
      options.color = color;
      std::string out = RenderExplain(Shipped().model, e, nullptr, options);
      CAPTURE(out);
      CHECK_FALSE(HasControl(WithoutColour(out)));
      CHECK(out.find(std::string(1, '\0')) == std::string::npos);
      CHECK(out.find("\\u001b]0;title\\u0007") != std::string::npos);
      CHECK(out.find("\\u007f\\u009b[2J") != std::string::npos);
      CHECK((out.find("\033[1m") != std::string::npos) == color);
    }
  }
}

TEST_CASE("RenderTable: the words of an alert and the words not understood are escaped") {
  CaseResult result;
  REQUIRE(
      Triage(Shipped().model, Shipped().lexicon, Shipped().index, "息子が死に\x1bたいと言う。zq\x7fzq", &result).ok());
  for (bool color : {false, true}) {
    RenderOptions options;
    options.color = color;
    std::string out = RenderTable(Shipped().model, result, options);
    CAPTURE(out);
    CHECK_FALSE(HasControl(WithoutColour(out)));
    CHECK(out.find("「死に\\u001bたい") != std::string::npos);
  }
}
