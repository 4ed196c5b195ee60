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

bool IsValidUtf8(std::string_view text, size_t* bad_offset) {
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0) break;
    if (c < 0x80) {
      ++i;
      continue;
    }
    int32_t fast;
    if (size_t len = DecodeThreeBytes(reinterpret_cast<const unsigned char*>(text.data()) + i, n - i, &fast)) {
      i += len;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                            static_cast<utf8proc_ssize_t>(n - i), &cp);
    if (len <= 0) break;
    i += static_cast<size_t>(len);
  }
  if (i == n) return true;
  if (bad_offset) *bad_offset = i;
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
