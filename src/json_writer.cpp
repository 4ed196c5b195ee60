#include "json_writer.h"

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
bool NeedsEscape(std::string_view s) {
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8)
    if (NeedsEscape8(s.data() + i)) return true;
  for (; i < s.size(); ++i)
    if (kEscape.escape[static_cast<unsigned char>(s[i])]) return true;
  return false;
}
}  // namespace

void JsonWriter::Escape(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t run = 0;  // start of the pending run of bytes that need no escape
  for (size_t i = 0; i < s.size(); ++i) {
    // Skip eight clean bytes at a time: most strings need no escape at all.
    while (i + 8 <= s.size() && !NeedsEscape8(s.data() + i)) i += 8;
    if (i >= s.size()) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (!kEscape.escape[c]) continue;  // UTF-8 passes through: input is validated
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out->append("\\\"", 2); break;
      case '\\': out->append("\\\\", 2); break;
      case '\n': out->append("\\n", 2); break;
      case '\r': out->append("\\r", 2); break;
      case '\t': out->append("\\t", 2); break;
      case '\b': out->append("\\b", 2); break;
      case '\f': out->append("\\f", 2); break;
      default:
        out->append("\\u00", 4);
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
    }
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

void JsonWriter::Newline() {
  out_->push_back('\n');
  out_->append(2 * has_member_.size(), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_member_.empty()) return;
  if (has_member_.back()) out_->push_back(',');
  has_member_.back() = true;
  if (pretty_) Newline();
}

inline bool JsonWriter::AppendQuoted(std::string_view s, bool is_key) {
  char buffer[128];
  if (s.size() + 4 > sizeof buffer) return false;
  size_t n = 0;
  if (after_key_) {
    after_key_ = false;
  } else if (!has_member_.empty()) {
    if (has_member_.back()) buffer[n++] = ',';
    has_member_.back() = true;
  }
  buffer[n++] = '"';
  std::memcpy(buffer + n, s.data(), s.size());
  n += s.size();
  buffer[n++] = '"';
  if (is_key) buffer[n++] = ':';
  out_->append(buffer, n);
  return true;
}

void JsonWriter::Key(std::string_view key) {
  // Keys are names from our own code: no escaping needed.
  if (pretty_ || !AppendQuoted(key, true)) {
    BeforeValue();
    out_->push_back('"');
    out_->append(key.data(), key.size());
    out_->append(pretty_ ? "\": " : "\":", pretty_ ? 3 : 2);
  }
  after_key_ = true;
}

void JsonWriter::Open(char bracket) {
  BeforeValue();
  out_->push_back(bracket);
  has_member_.push_back(false);
}

void JsonWriter::Close(char bracket) {
  bool had_members = has_member_.back();
  has_member_.pop_back();
  if (pretty_ && had_members) Newline();
  out_->push_back(bracket);
}

void JsonWriter::String(std::string_view s) {
  if (!pretty_ && s.size() <= 120 && !NeedsEscape(s) && AppendQuoted(s, false)) return;
  BeforeValue();
  Escape(s, out_);
}

void JsonWriter::Int(long long v) {
  BeforeValue();
  char digits[24];
  auto [end, error] = std::to_chars(digits, digits + sizeof digits, v);
  out_->append(digits, end - digits);
}

void JsonWriter::Bool(bool v) {
  BeforeValue();
  if (v) out_->append("true", 4);
  else out_->append("false", 5);
}

void JsonWriter::Null() {
  BeforeValue();
  out_->append("null", 4);
}

void JsonWriter::Member(std::string_view key, const std::vector<std::string>& list) {
  Key(key);
  BeginArray();
  for (const std::string& s : list) String(s);
  EndArray();
}

void JsonWriter::Member(std::string_view key, const std::vector<std::string_view>& list) {
  Key(key);
  BeginArray();
  for (std::string_view s : list) String(s);
  EndArray();
}

void JsonWriter::RawMembers(std::string_view members) {
  if (members.empty()) return;
  BeforeValue();
  out_->append(members);
}

void JsonWriter::RawValue(std::string_view value) {
  BeforeValue();
  out_->append(value);
}
