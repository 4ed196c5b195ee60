// UTF-8 helpers: validation with the byte offset of the first bad byte,
// decoding, and terminal display width (double-width CJK counted as 2).
#ifndef TSUNAGU_UTF8_H_
#define TSUNAGU_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

/// True when text is valid UTF-8 with no NUL byte; otherwise *bad_offset is
/// the byte offset of the first offending byte.
bool IsValidUtf8(std::string_view text, size_t* bad_offset);

/// The three-byte form at p (of left bytes) when well-formed (no overlong
/// form, no surrogate): its length, 3, with *cp set; else 0. Kana and kanji,
/// most of a Japanese case, are all three bytes: callers decode them
/// inline and leave the rest to utf8proc.
inline size_t DecodeThreeBytes(const unsigned char* p, size_t left, int32_t* cp) {
  if (left < 3 || (p[0] & 0xF0) != 0xE0) return 0;
  const unsigned char lo = p[0] == 0xE0 ? 0xA0 : 0x80, hi = p[0] == 0xED ? 0x9F : 0xBF;
  if (p[1] < lo || p[1] > hi || (p[2] & 0xC0) != 0x80) return 0;
  *cp = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  return 3;
}

/// DecodeUtf8 for all but ASCII and three-byte forms.
int32_t DecodeUtf8Other(std::string_view text, size_t* i);

/// Decodes the code point at text[*i] and advances *i. Assumes valid UTF-8.
inline int32_t DecodeUtf8(std::string_view text, size_t* i) {
  const unsigned char c = static_cast<unsigned char>(text[*i]);
  if (c < 0x80) {
    ++*i;
    return c;
  }
  int32_t cp;
  if (size_t len = DecodeThreeBytes(reinterpret_cast<const unsigned char*>(text.data()) + *i, text.size() - *i, &cp)) {
    *i += len;
    return cp;
  }
  return DecodeUtf8Other(text, i);
}

/// Where the character starting at text[i] ends, from its lead byte (no
/// loop: scanners that look only at ASCII step over kana and kanji with
/// it), never past end. Assumes valid UTF-8, as normalised text is; on
/// other bytes it still stays within end.
inline size_t NextCharacter(std::string_view text, size_t i, size_t end) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  const size_t next = i + (c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4);
  return next < end ? next : end;
}

/// An ASCII letter of normalised (lower-cased) text, or a digit: what an
/// English word is made of.
inline bool IsAsciiLowerOrDigit(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

/// Appends the UTF-8 encoding of cp.
void AppendUtf8(int32_t cp, std::string* out);

/// Columns the text takes in a terminal (East Asian wide = 2; ambiguous
/// characters such as …, ※, ○ = 1, or 2 after SetAmbiguousWide(true)).
int DisplayWidth(std::string_view text);

/// Ambiguous-width characters count two columns, for terminals that draw
/// them wide (TSUNAGU_AMBIGUOUS_WIDE=1). Called once at start-up, before
/// any other thread runs.
void SetAmbiguousWide(bool wide);

/// Line and column (1-based, column in code points) of a byte offset.
void LineColumnAt(std::string_view text, size_t offset, int* line, int* column);

#endif  // TSUNAGU_UTF8_H_
