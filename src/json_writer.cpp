#include "json_writer.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>

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
}  // namespace

// One plain scan: runs of bytes that need no escape are copied whole.
// (Word-at-a-time and SSE2 scans saved about 2% of batch: not worth their
// reading.)
char* JsonWriter::EscapeTo(char* p, std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  *p++ = '"';
  size_t run = 0;  // start of the pending run of bytes that need no escape
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (!kEscape.escape[c]) continue;  // UTF-8 passes through: input is validated
    std::memcpy(p, s.data() + run, i - run);
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
  std::memcpy(p, s.data() + run, s.size() - run);
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
      case ':': out.append(": "); break;
      default: out.push_back(c);
    }
  }
  return out;
}
