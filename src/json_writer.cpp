#include "json_writer.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace {
// True for the bytes a JSON string must escape: controls, '"' and '\\'.
struct EscapeTable {
  bool escape[256] = {};
  constexpr EscapeTable() {
    for (int c = 0; c < 0x20; ++c) escape[c] = true;
    escape[static_cast<unsigned char>('"')] = true;
    escape[static_cast<unsigned char>('\\')] = true;
  }
};
constexpr EscapeTable kEscape;

// True when one of the eight bytes at p is below 0x20, '"' or '\\' (the
// classic "has a zero byte" bit trick, on a copy of them).
bool NeedsEscape8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  auto has_zero = [](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  uint64_t below_space = (w - kOnes * 0x20) & ~w & kHigh;
  return (below_space | has_zero(w ^ (kOnes * '"')) | has_zero(w ^ (kOnes * '\\'))) != 0;
}

// True when none of the n bytes at d needs an escape. Branches on the
// length, not per byte: ids, words and phrases are a few to a few dozen
// bytes, and a byte loop over the tail mispredicted at every length. The
// tail is tested as the last eight bytes (overlapping), or for n < 8 as
// the first and last four.
bool AllClean(const char* d, size_t n) {
#ifdef __SSE2__
  // Sixteen bytes at a time where SSE2 is there (every x86-64): inputs and
  // their normalised form, the longest strings of a result, are ~100 bytes.
  if (n >= 16) {
    const __m128i below = _mm_set1_epi8(0x1F), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    auto dirty = [&](const char* p) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(v, below), below);  // v <= 0x1F, unsigned
      const __m128i special = _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash));
      return _mm_movemask_epi8(_mm_or_si128(control, special)) != 0;
    };
    for (size_t i = 0; i + 16 <= n; i += 16)
      if (dirty(d + i)) return false;
    return !dirty(d + n - 16);  // the tail, overlapping
  }
#endif
  if (n >= 8) {
    for (size_t i = 0; i + 8 <= n; i += 8)
      if (NeedsEscape8(d + i)) return false;
    return !NeedsEscape8(d + n - 8);
  }
  if (n >= 4) {
    char word[8];
    std::memcpy(word, d, 4);
    std::memcpy(word + 4, d + n - 4, 4);
    return !NeedsEscape8(word);
  }
  bool clean = true;
  for (size_t i = 0; i < n; ++i) clean &= !kEscape.escape[static_cast<unsigned char>(d[i])];
  return clean;
}
}  // namespace

char* JsonWriter::EscapeTo(char* p, std::string_view s) {
  // Most strings need no escape: find that out and copy them whole.
  const char* d = s.data();
  const size_t n = s.size();
  if (AllClean(d, n)) {
    *p++ = '"';
    CopyBytes(p, d, n);
    p += n;
    *p++ = '"';
    return p;
  }
  return EscapeSlowly(p, s);
}

char* JsonWriter::EscapeSlowly(char* p, std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  *p++ = '"';
  size_t run = 0;  // start of the pending run of bytes that need no escape
  for (size_t i = 0; i < s.size(); ++i) {
    // Skip eight clean bytes at a time: most strings need no escape at all.
    while (i + 8 <= s.size() && !NeedsEscape8(s.data() + i)) i += 8;
    if (i >= s.size()) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (!kEscape.escape[c]) continue;  // UTF-8 passes through: input is validated
    CopyBytes(p, s.data() + run, i - run);
    p += i - run;
    run = i + 1;
    *p++ = '\\';
    switch (c) {
      case '"': *p++ = '"'; break;
      case '\\': *p++ = '\\'; break;
      case '\n': *p++ = 'n'; break;
      case '\r': *p++ = 'r'; break;
      case '\t': *p++ = 't'; break;
      case '\b': *p++ = 'b'; break;
      case '\f': *p++ = 'f'; break;
      default:
        std::memcpy(p, "u00", 3);
        p += 3;
        *p++ = kHex[c >> 4];
        *p++ = kHex[c & 15];
    }
  }
  CopyBytes(p, s.data() + run, s.size() - run);
  p += s.size() - run;
  *p++ = '"';
  return p;
}

void JsonWriter::Grow(size_t n) {
  if (buffer_) {
    buffer_->Resize(pos_);
    buffer_->Reserve(n);
    data_ = buffer_->data();
    capacity_ = buffer_->capacity();
    return;
  }
  capacity_ = std::max(pos_ + n, 2 * capacity_);
  std::unique_ptr<char[]> bigger(new char[capacity_]);  // not zero-filled
  std::memcpy(bigger.get(), data_, pos_);
  heap_ = std::move(bigger);
  data_ = heap_.get();
}

void JsonWriter::Int(long long v) {
  char* p = Reserve(24);
  auto [end, error] = std::to_chars(p, p + 24, v);
  pos_ = static_cast<size_t>(end - data_);
}

std::string IndentJson(std::string_view json) {
  std::string out;
  out.reserve(json.size() * 2);
  int depth = 0;
  auto newline = [&]() {
    out.push_back('\n');
    out.append(2 * static_cast<size_t>(depth), ' ');
  };
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    switch (c) {
      case '"': {
        // Copy the string whole, escapes included.
        size_t end = i + 1;
        while (end < json.size() && json[end] != '"') end += json[end] == '\\' ? 2 : 1;
        out.append(json, i, end + 1 - i);
        i = end;
        break;
      }
      case '{':
      case '[':
        out.push_back(c);
        if (i + 1 < json.size() && (json[i + 1] == '}' || json[i + 1] == ']')) {
          out.push_back(json[++i]);  // empty: {} or []
        } else {
          ++depth;
          newline();
        }
        break;
      case '}':
      case ']':
        --depth;
        newline();
        out.push_back(c);
        break;
      case ',':
        out.push_back(',');
        newline();
        break;
      case ':':
        out.append(": ");
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}
