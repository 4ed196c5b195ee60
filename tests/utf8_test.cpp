// Tests for src/utf8.h: validation with the offset of the first bad byte,
// decoding, display width (CJK = 2) and line/column of a byte offset.
#include "utf8.h"

#include <doctest/doctest.h>
#include <utf8proc.h>

#include <string>

using namespace std::string_literals;

TEST_CASE("IsValidUtf8 accepts ASCII, Japanese and the empty string") {
  size_t bad = 12345;
  CHECK(IsValidUtf8("", &bad));
  CHECK(IsValidUtf8("hello", &bad));
  CHECK(IsValidUtf8("80代の母が要介護", &bad));
  CHECK(IsValidUtf8("emoji \xF0\x9F\x98\x80 ok", &bad));
  CHECK(bad == 12345);  // untouched on success
  CHECK(IsValidUtf8("abc", nullptr));
}

TEST_CASE("IsValidUtf8 reports the byte offset of the first bad byte") {
  size_t bad = 0;
  SUBCASE("stray continuation byte") {
    CHECK_FALSE(
        IsValidUtf8("ab\x80"
                    "cd",
                    &bad));
    CHECK(bad == 2);
  }
  SUBCASE("0xFF anywhere") {
    CHECK_FALSE(IsValidUtf8("\xFF", &bad));
    CHECK(bad == 0);
    CHECK_FALSE(IsValidUtf8("母\xFF", &bad));
    CHECK(bad == 3);
  }
  SUBCASE("truncated multi-byte sequence at the end") {
    std::string s = "あい";
    s.pop_back();
    CHECK_FALSE(IsValidUtf8(s, &bad));
    CHECK(bad == 3);
  }
  SUBCASE("overlong encoding of '/'") {
    CHECK_FALSE(IsValidUtf8("x\xC0\xAF", &bad));
    CHECK(bad == 1);
  }
  SUBCASE("UTF-16 surrogate encoded in UTF-8") {
    CHECK_FALSE(IsValidUtf8("\xED\xA0\x80", &bad));
    CHECK(bad == 0);
  }
  SUBCASE("the first of several bad bytes") {
    CHECK_FALSE(IsValidUtf8("ok\xFE\xFF", &bad));
    CHECK(bad == 2);
  }
  SUBCASE("null pointer for the offset is allowed") { CHECK_FALSE(IsValidUtf8("\xFF", nullptr)); }
}

// The automaton's every range, at both ends: first the well-formed
// extremes, then one byte past each (the offset is the character's start).
TEST_CASE("IsValidUtf8 follows Unicode's well-formed ranges at their edges") {
  for (const char* ok : {"\x01\x7F", "\xC2\x80\xDF\xBF", "\xE0\xA0\x80\xE0\xBF\xBF", "\xE1\x80\x80\xEC\xBF\xBF",
                         "\xED\x80\x80\xED\x9F\xBF", "\xEE\x80\x80\xEF\xBF\xBF", "\xF0\x90\x80\x80\xF0\xBF\xBF\xBF",
                         "\xF1\x80\x80\x80\xF3\xBF\xBF\xBF", "\xF4\x80\x80\x80\xF4\x8F\xBF\xBF"})
    CHECK_MESSAGE(IsValidUtf8(ok, nullptr), ok);
  for (const char* bad_text : {"a\xC1\xBF", "a\xE0\x9F\xBF", "a\xED\xA0\x80", "a\xF0\x8F\xBF\xBF", "a\xF4\x90\x80\x80",
                               "a\xF5\x80\x80\x80", "a\xC2\xC0", "a\xE1\x80\x7F", "a\xF1\x80\x80\xC0", "a\xE1\x80"}) {
    size_t bad = 0;
    CHECK_MESSAGE(!IsValidUtf8(bad_text, &bad), bad_text);
    CHECK(bad == 1);
  }
}

TEST_CASE("IsValidUtf8 rejects a NUL byte") {
  size_t bad = 0;
  CHECK_FALSE(IsValidUtf8("ab\0cd"s, &bad));
  CHECK(bad == 2);
  CHECK_FALSE(IsValidUtf8("\0"s, &bad));
  CHECK(bad == 0);
}

TEST_CASE("DecodeUtf8 and AppendUtf8 round-trip") {
  std::string text = "aé母😀";
  size_t i = 0;
  CHECK(DecodeUtf8(text, &i) == 'a');
  CHECK(i == 1);
  CHECK(DecodeUtf8(text, &i) == 0xE9);
  CHECK(i == 3);
  CHECK(DecodeUtf8(text, &i) == 0x6BCD);
  CHECK(i == 6);
  CHECK(DecodeUtf8(text, &i) == 0x1F600);
  CHECK(i == text.size());

  std::string out;
  for (int32_t cp : {0x61, 0xE9, 0x6BCD, 0x1F600}) AppendUtf8(cp, &out);
  CHECK(out == text);
}

TEST_CASE("DecodeUtf8 makes progress on a bad byte") {
  std::string text =
      "\xFF"
      "a";
  size_t i = 0;
  CHECK(DecodeUtf8(text, &i) == 0xFFFD);
  CHECK(i == 1);
  CHECK(DecodeUtf8(text, &i) == 'a');
}

TEST_CASE("DisplayWidth counts East Asian wide characters as 2") {
  CHECK(DisplayWidth("") == 0);
  CHECK(DisplayWidth("abc") == 3);
  CHECK(DisplayWidth("母") == 2);
  CHECK(DisplayWidth("日本語") == 6);
  CHECK(DisplayWidth("ひきこもり") == 10);
  CHECK(DisplayWidth("８０") == 4);   // full-width digits
  CHECK(DisplayWidth("ﾋｷｺﾓﾘ") == 5);  // half-width katakana
  CHECK(DisplayWidth("025-278-8585") == 12);
  CHECK(DisplayWidth("点数 80") == 7);
  CHECK(DisplayWidth("…") == 1);
  CHECK(DisplayWidth("e\xCC\x81") == 1);  // e + combining acute
}

TEST_CASE("LineColumnAt gives 1-based line and code-point column") {
  int line = 0, column = 0;
  LineColumnAt("abc", 0, &line, &column);
  CHECK(line == 1);
  CHECK(column == 1);

  LineColumnAt("abc", 2, &line, &column);
  CHECK(line == 1);
  CHECK(column == 3);

  LineColumnAt("ab\ncd", 4, &line, &column);
  CHECK(line == 2);
  CHECK(column == 2);

  LineColumnAt("ab\n", 3, &line, &column);  // just after the newline
  CHECK(line == 2);
  CHECK(column == 1);

  // Columns count code points, not bytes: "日本" is 6 bytes, 2 columns.
  std::string text = "日本\n語x";
  LineColumnAt(text, text.find('x'), &line, &column);
  CHECK(line == 2);
  CHECK(column == 2);

  LineColumnAt("a\nb\nc", 4, &line, &column);
  CHECK(line == 3);
  CHECK(column == 1);

  // An offset past the end stops at the end.
  LineColumnAt("ab", 100, &line, &column);
  CHECK(line == 1);
  CHECK(column == 3);
}

TEST_CASE("IsValidUtf8 and DecodeUtf8 agree with utf8proc on every three-byte sequence") {
  // The inline fast path for three-byte forms must accept and decode
  // exactly what utf8proc does: overlong E0 forms and surrogates (ED A0..)
  // are invalid, every other well-formed one is valid.
  int differences = 0;
  for (int a = 0xE0; a <= 0xEF; ++a) {
    for (int b = 0; b < 256; ++b) {
      for (int c = 0; c < 256; ++c) {
        const unsigned char bytes[3] = {static_cast<unsigned char>(a), static_cast<unsigned char>(b),
                                        static_cast<unsigned char>(c)};
        std::string_view s(reinterpret_cast<const char*>(bytes), 3);
        utf8proc_int32_t expected_cp = 0;
        const bool expected = utf8proc_iterate(bytes, 3, &expected_cp) == 3;
        size_t bad = 0, at = 0;
        if (IsValidUtf8(s, &bad) != expected) ++differences;
        if (expected && DecodeUtf8(s, &at) != expected_cp) ++differences;
      }
    }
  }
  CHECK(differences == 0);
}

TEST_CASE("NextCharacter: steps over one character by its lead byte, never past end") {
  const std::string text = "a\xC3\xA9母😀";  // 1, 2, 3 and 4 bytes
  CHECK(NextCharacter(text, 0, text.size()) == 1);
  CHECK(NextCharacter(text, 1, text.size()) == 3);
  CHECK(NextCharacter(text, 3, text.size()) == 6);
  CHECK(NextCharacter(text, 6, text.size()) == 10);
  CHECK(NextCharacter(text, 3, 5) == 5);            // a limit inside the character
  CHECK(NextCharacter(text, 7, text.size()) == 8);  // a continuation byte: one step
}

TEST_CASE("DisplayWidth: ambiguous characters are one column unless asked wide") {
  CHECK(DisplayWidth("…※○") == 3);
  CHECK(DisplayWidth("ab…") == 3);
  SetAmbiguousWide(true);
  CHECK(DisplayWidth("…※○") == 6);
  CHECK(DisplayWidth("ab…") == 4);
  CHECK(DisplayWidth("abc") == 3);      // ASCII stays narrow
  CHECK(DisplayWidth("日本") == 4);     // wide stays two
  CHECK(DisplayWidth("e\u0301") == 1);  // a combining mark stays zero
  SetAmbiguousWide(false);
  CHECK(DisplayWidth("…") == 1);
}
