// JsonWriter: appends JSON to a string as it goes, with no tree in
// between — batch output renders ~100,000 cases a second, where building a
// nlohmann tree per case would cost more than the triage itself. Keys are
// written in call order, so the output order is the code's order.
//
// Why it writes through a pointer: a result is ~5 KB in ~400 small pieces,
// and one std::string::append per piece cost more than the triage. The
// writer fills a buffer of its own (on the stack, on the heap past 8 KiB;
// never zero-filled) and appends it to *out in one go whenever the
// outermost value is complete, so *out does not hold an open value yet.
#ifndef TSUNAGU_JSON_WRITER_H_
#define TSUNAGU_JSON_WRITER_H_

#include <cassert>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

class JsonWriter {
 public:
  /// Copies n bytes; most pieces of a result are a few bytes long, where a
  /// call to memcpy costs more than the copy, so up to 16 bytes are moved
  /// as two overlapping words.
  static void CopyBytes(char* dst, const char* src, size_t n) {
    if (n > 16) {
      std::memcpy(dst, src, n);
    } else if (n >= 8) {
      uint64_t head, tail;
      std::memcpy(&head, src, 8);
      std::memcpy(&tail, src + n - 8, 8);
      std::memcpy(dst, &head, 8);
      std::memcpy(dst + n - 8, &tail, 8);
    } else if (n >= 4) {
      uint32_t head, tail;
      std::memcpy(&head, src, 4);
      std::memcpy(&tail, src + n - 4, 4);
      std::memcpy(dst, &head, 4);
      std::memcpy(dst + n - 4, &tail, 4);
    } else {
      for (size_t i = 0; i < n; ++i) dst[i] = src[i];
    }
  }

  /// pretty: two-space indentation, one member per line (as `jq .`).
  explicit JsonWriter(std::string* out, bool pretty = false) : out_(out), pretty_(pretty) {}
  /// An unfinished value is handed over as far as it was written.
  ~JsonWriter() {
    if (pos_ > 0) out_->append(data_, pos_);
  }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  /// The next value's key, inside an object. Keys are names from our own
  /// code: never escaped.
  void Key(std::string_view key) {
    char* p = Begin(key.size() + 4);
    *p++ = '"';
    CopyBytes(p, key.data(), key.size());
    p += key.size();
    *p++ = '"';
    *p++ = ':';
    if (pretty_) *p++ = ' ';
    Commit(p);
    after_key_ = true;
  }

  void String(std::string_view s) { Commit(EscapeTo(Begin(6 * s.size() + 2), s)); }
  void Int(long long v);
  void Bool(bool v) { Literal(v ? std::string_view("true") : std::string_view("false")); }
  void Null() { Literal("null"); }

  // Shorthands for a key and its value.
  void Member(std::string_view key, std::string_view s) { Key(key); String(s); }
  void Member(std::string_view key, const char* s) { Key(key); String(s); }
  void Member(std::string_view key, const std::string& s) { Key(key); String(s); }
  void Member(std::string_view key, int v) { Key(key); Int(v); }
  void Member(std::string_view key, bool v) { Key(key); Bool(v); }
  void Member(std::string_view key, const std::vector<std::string>& list);
  void Member(std::string_view key, const std::vector<std::string_view>& list);

  /// Pre-rendered compact JSON: object members without braces, or one
  /// value. Only for compact output (the bytes are not re-indented).
  void RawMembers(std::string_view members) {
    if (!members.empty()) Literal(members);
  }
  void RawValue(std::string_view value) { Literal(value); }

  /// Appends s as a JSON string literal (quotes and escapes) to out.
  static void Escape(std::string_view s, std::string* out);

 private:
  static constexpr int kMaxDepth = 32;  // ours nest 5 deep

  /// Room for n bytes after the separator; writes the separator (comma,
  /// and newline and indent when pretty) and returns where to write.
  char* Begin(size_t n) {
    char* p = Reserve(n + 2 + (pretty_ ? 2 * depth_ : 0));
    if (after_key_) {
      after_key_ = false;
      return p;
    }
    if (depth_ == 0) return p;
    if (has_member_[depth_ - 1]) *p++ = ',';
    has_member_[depth_ - 1] = true;
    if (pretty_) p = Indent(p, depth_);
    return p;
  }
  char* Reserve(size_t n) {
    if (n > capacity_ - pos_) Grow(n);
    return data_ + pos_;
  }
  /// Ends a write at p; hands the value over once the outermost is done.
  void Commit(char* p) {
    pos_ = static_cast<size_t>(p - data_);
    if (depth_ == 0) {
      out_->append(data_, pos_);
      pos_ = 0;
    }
  }
  void Literal(std::string_view s) {
    char* p = Begin(s.size());
    CopyBytes(p, s.data(), s.size());
    Commit(p + s.size());
  }
  static char* Indent(char* p, int depth) {
    *p++ = '\n';
    std::memset(p, ' ', 2 * depth);
    return p + 2 * depth;
  }
  void Open(char bracket) {
    char* p = Begin(1);
    *p++ = bracket;
    assert(depth_ < kMaxDepth);
    has_member_[depth_++] = false;
    Commit(p);
  }
  void Close(char bracket);
  void Grow(size_t n);
  /// Writes s quoted and escaped at p (room for 6 bytes per byte + 2);
  /// returns the end.
  static char* EscapeTo(char* p, std::string_view s);
  static char* EscapeSlowly(char* p, std::string_view s);  // s has a byte to escape

  std::string* out_;
  bool pretty_;
  char* data_ = inline_;  // inline_, or heap_ once that is too small
  size_t capacity_ = sizeof inline_;
  size_t pos_ = 0;  // end of what is written in data_
  std::unique_ptr<char[]> heap_;
  bool after_key_ = false;
  int depth_ = 0;
  bool has_member_[kMaxDepth];  // per open container: has it a member yet?
  char inline_[8192];
};

#endif  // TSUNAGU_JSON_WRITER_H_
