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

/// Decodes the code point at text[*i] and advances *i. Assumes valid UTF-8.
int32_t DecodeUtf8(std::string_view text, size_t* i);

/// Appends the UTF-8 encoding of cp.
void AppendUtf8(int32_t cp, std::string* out);

/// Columns the text takes in a terminal (East Asian wide = 2).
int DisplayWidth(std::string_view text);

/// Line and column (1-based, column in code points) of a byte offset.
void LineColumnAt(std::string_view text, size_t offset, int* line, int* column);

#endif  // TSUNAGU_UTF8_H_
