#include "utf8.h"

#include <utf8proc.h>

#include <algorithm>

// From the build: East Asian Width "A" ranges (tools/ambiguous_width.cmake).
extern const std::uint32_t kAmbiguousWidth[][2];
extern const std::size_t kAmbiguousWidthCount;

namespace {

bool ambiguous_wide = false;

bool IsAmbiguousWidth(int32_t cp) {
  const auto* end = kAmbiguousWidth + kAmbiguousWidthCount;
  const auto* range = std::upper_bound(kAmbiguousWidth, end, static_cast<std::uint32_t>(cp),
                                       [](std::uint32_t c, const std::uint32_t(&r)[2]) { return c < r[0]; });
  return range != kAmbiguousWidth && static_cast<std::uint32_t>(cp) <= range[-1][1];
}

}  // namespace

void SetAmbiguousWide(bool wide) { ambiguous_wide = wide; }

namespace {

// IsValidUtf8 as an automaton: a state per "what the next byte may be",
// one table look-up per byte. A warm query at 100x checks ~165,000 short
// strings: 29.6 M instructions this way, 42.7 M decoding each character
// (-31%). The ranges are Unicode's well-formed sequences (table 3-7): no
// overlong form, no surrogate, nothing past U+10FFFF; NUL is refused too.
enum Utf8State : uint8_t {
  kStart,      // at a character's first byte
  kOneMore,    // one more 80..BF
  kTwoMore,    // two more 80..BF
  kThreeMore,  // three more 80..BF
  kAfterE0,    // A0..BF, then one more
  kAfterED,    // 80..9F, then one more
  kAfterF0,    // 90..BF, then two more
  kAfterF4,    // 80..8F, then two more
  kBad,        // stays here
  kStateCount
};

struct Utf8Automaton {
  Utf8State next[kStateCount][256];
};

constexpr Utf8Automaton MakeUtf8Automaton() {
  Utf8Automaton a{};
  for (auto& row : a.next)
    for (Utf8State& to : row) to = kBad;
  auto set = [&a](Utf8State from, int lo, int hi, Utf8State to) {
    for (int b = lo; b <= hi; ++b) a.next[from][b] = to;
  };
  set(kStart, 0x01, 0x7F, kStart);
  set(kStart, 0xC2, 0xDF, kOneMore);
  set(kStart, 0xE0, 0xE0, kAfterE0);
  set(kStart, 0xE1, 0xEC, kTwoMore);
  set(kStart, 0xED, 0xED, kAfterED);
  set(kStart, 0xEE, 0xEF, kTwoMore);
  set(kStart, 0xF0, 0xF0, kAfterF0);
  set(kStart, 0xF1, 0xF3, kThreeMore);
  set(kStart, 0xF4, 0xF4, kAfterF4);
  set(kOneMore, 0x80, 0xBF, kStart);
  set(kTwoMore, 0x80, 0xBF, kOneMore);
  set(kThreeMore, 0x80, 0xBF, kTwoMore);
  set(kAfterE0, 0xA0, 0xBF, kOneMore);
  set(kAfterED, 0x80, 0x9F, kOneMore);
  set(kAfterF0, 0x90, 0xBF, kTwoMore);
  set(kAfterF4, 0x80, 0x8F, kTwoMore);
  return a;
}

constexpr Utf8Automaton kUtf8 = MakeUtf8Automaton();

}  // namespace

bool IsValidUtf8(std::string_view text, size_t* bad_offset) {
  Utf8State state = kStart;
  for (char c : text) state = kUtf8.next[state][static_cast<unsigned char>(c)];
  if (state == kStart) return true;
  // Rarely here: again, to find where the first bad character starts.
  size_t start = 0;
  state = kStart;
  for (size_t i = 0; i < text.size() && state != kBad; ++i) {
    if (state == kStart) start = i;
    state = kUtf8.next[state][static_cast<unsigned char>(text[i])];
  }
  if (bad_offset) *bad_offset = start;
  return false;
}

int32_t DecodeUtf8Other(std::string_view text, size_t* i) {
  utf8proc_int32_t cp = 0;
  utf8proc_ssize_t len = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + *i),
                                          static_cast<utf8proc_ssize_t>(text.size() - *i), &cp);
  if (len <= 0) {  // not reached for validated text; step one byte to make progress
    ++*i;
    return 0xFFFD;
  }
  *i += static_cast<size_t>(len);
  return cp;
}

void AppendUtf8(int32_t cp, std::string* out) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t len = utf8proc_encode_char(cp, buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(len));
}

int DisplayWidth(std::string_view text) {
  int width = 0;
  for (size_t i = 0; i < text.size();) {
    int32_t cp = DecodeUtf8(text, &i);
    int w = utf8proc_charwidth(cp);
    if (w == 1 && ambiguous_wide && cp >= 0xA1 && IsAmbiguousWidth(cp)) w = 2;
    width += w < 0 ? 0 : w;
  }
  return width;
}

void LineColumnAt(std::string_view text, size_t offset, int* line, int* column) {
  *line = 1;
  *column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++*line;
      *column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++*column;
    }
  }
}
