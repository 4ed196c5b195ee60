#include "utf8.h"

#include <utf8proc.h>

namespace {

// Kana and kanji, most of a Japanese case, are three bytes each: decoded
// here when well-formed (no overlong form, no surrogate), else 0 and
// utf8proc decides.
inline size_t DecodeThreeBytes(const unsigned char* p, size_t left, int32_t* cp) {
  if (left < 3 || (p[0] & 0xF0) != 0xE0) return 0;
  const unsigned char lo = p[0] == 0xE0 ? 0xA0 : 0x80, hi = p[0] == 0xED ? 0x9F : 0xBF;
  if (p[1] < lo || p[1] > hi || (p[2] & 0xC0) != 0x80) return 0;
  *cp = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  return 3;
}

}  // namespace

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

int32_t DecodeUtf8(std::string_view text, size_t* i) {
  int32_t fast;
  if (size_t len = DecodeThreeBytes(reinterpret_cast<const unsigned char*>(text.data()) + *i, text.size() - *i, &fast)) {
    *i += len;
    return fast;
  }
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
