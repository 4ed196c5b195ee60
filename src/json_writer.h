// JsonWriter: compact JSON appended piece by piece, with no tree in
// between. The caller writes the punctuation itself, keys included, as raw
// pieces: w.Raw(",\"rank\":"); w.Int(rank). A result is ~5 KB in ~300
// pieces and batch renders ~100,000 of them, so each piece must cost a few
// instructions: no nesting is tracked and no separator decided at run
// time. Pretty output is the compact text re-indented (IndentJson).
//
// Writing to a std::string, the writer fills a buffer of its own (on the
// stack, on the heap past 8 KiB; never zero-filled) and appends it to *out
// when destroyed or flushed: *out does not hold the pieces written until
// then. Writing to a ByteBuffer (batch), it writes straight into it, with
// no second copy; the buffer's size is set when destroyed or flushed.
#ifndef TSUNAGU_JSON_WRITER_H_
#define TSUNAGU_JSON_WRITER_H_

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "byte_buffer.h"

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}
  /// Appends to out's bytes, writing in place.
  explicit JsonWriter(ByteBuffer* out) : buffer_(out) {
    out->Reserve(sizeof inline_);  // never a null data_, and room for a result
    data_ = out->data();
    capacity_ = out->capacity();
    pos_ = out->size();
  }
  ~JsonWriter() { Flush(); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  /// JSON text as it is: punctuation, keys, pre-rendered fragments.
  void Raw(std::string_view json) {
    char* p = Reserve(json.size());
    std::memcpy(p, json.data(), json.size());
    pos_ += json.size();
  }
  /// A literal: its length is known when compiling, so the copy is a few
  /// moves with no branch on the length.
  template <size_t N>
  void Raw(const char (&literal)[N]) {
    char* p = Reserve(N - 1);
    std::memcpy(p, literal, N - 1);
    pos_ += N - 1;
  }
  /// s as a JSON string literal (quoted, escaped).
  void String(std::string_view s) { pos_ = static_cast<size_t>(EscapeTo(Reserve(6 * s.size() + 2), s) - data_); }
  void Int(long long v);
  void Bool(bool v) { Raw(v ? std::string_view("true") : std::string_view("false")); }
  void Null() { Raw("null"); }
  /// A string, or null when it is empty.
  void StringOrNull(std::string_view s) {
    if (s.empty()) Null();
    else String(s);
  }
  /// An array of strings: ["a","b"].
  template <typename Strings>
  void StringArray(const Strings& list) {
    Raw("[");
    bool first = true;
    for (std::string_view s : list) {
      if (!first) Raw(",");
      first = false;
      String(s);
    }
    Raw("]");
  }
  /// Makes what was written part of the output.
  void Flush() {
    if (buffer_) {
      buffer_->Resize(pos_);
      return;
    }
    out_->append(data_, pos_);
    pos_ = 0;
  }

 private:
  /// Room for n more bytes; returns where to write them.
  char* Reserve(size_t n) {
    if (n > capacity_ - pos_) Grow(n);
    return data_ + pos_;
  }
  void Grow(size_t n);
  /// Writes s quoted and escaped at p (room for 6 bytes per byte + 2);
  /// returns the end.
  static char* EscapeTo(char* p, std::string_view s);

  std::string* out_ = nullptr;
  ByteBuffer* buffer_ = nullptr;  // set: data_ is its storage
  char* data_ = inline_;          // inline_, or heap_ once that is too small
  size_t capacity_ = sizeof inline_;
  size_t pos_ = 0;  // end of what is written in data_
  std::unique_ptr<char[]> heap_;
  char inline_[8192];
};

/// Compact JSON (as JsonWriter writes it: no space outside strings)
/// indented by two spaces, one member or element per line, ": " after keys,
/// empty arrays and objects as [] and {} (as `jq .`).
std::string IndentJson(std::string_view compact);

#endif  // TSUNAGU_JSON_WRITER_H_
