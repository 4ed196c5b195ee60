// Writer and Reader: the little-endian binary encoding shared by the
// model snapshot and the compiled lexicon. A Reader never reads past its
// input: on damage it stops, returns zeros and reports !ok(). It never
// allocates for a count more elements than the bytes left could encode,
// so a damaged count costs at most a few times the input's size.
#ifndef TSUNAGU_BINARY_IO_H_
#define TSUNAGU_BINARY_IO_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "model.h"

class Writer {
 public:
  void Int(int64_t v) {
    uint64_t u = static_cast<uint64_t>(v);
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((u >> (8 * i)) & 0xff));
  }
  void Str(const std::string& s) {
    Int(static_cast<int64_t>(s.size()));
    out_ += s;
  }
  void Text(const LocalText& t) {
    Str(t.ja);
    Str(t.en);
  }
  void Strs(const std::vector<std::string>& v) {
    Int(static_cast<int64_t>(v.size()));
    for (const std::string& s : v) Str(s);
  }
  void Ints(const std::vector<int>& v) {
    Int(static_cast<int64_t>(v.size()));
    for (int i : v) Int(i);
  }
  /// A vector of plain values as raw bytes (the embedded form is built and
  /// read on the same machine, so byte order needs no conversion).
  template <typename T>
  void Array(const std::vector<T>& v) {
    Int(static_cast<int64_t>(v.size()));
    out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void Pos(const SourcePos& p) {
    Str(p.file);
    Int(p.line);
    Int(p.column);
  }
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  int64_t Int() {
    if (pos_ + 8 > in_.size()) return Fail();
    uint64_t u = 0;
    for (int i = 0; i < 8; ++i) u |= static_cast<uint64_t>(static_cast<unsigned char>(in_[pos_ + i])) << (8 * i);
    pos_ += 8;
    return static_cast<int64_t>(u);
  }
  /// An int; a value out of its range is damage, not wrapped.
  int Small() {
    int64_t v = Int();
    if (v < INT32_MIN || v > INT32_MAX) return static_cast<int>(Fail());
    return static_cast<int>(v);
  }
  /// 0 or 1; anything else is damage.
  bool Bool() {
    int64_t v = Int();
    if (v != 0 && v != 1) return Fail() != 0;
    return v != 0;
  }
  std::string Str() { return std::string(View()); }
  /// Like Str, without a copy: a view into the input.
  std::string_view View() {
    int64_t n = Int();
    if (n < 0 || pos_ + static_cast<size_t>(n) > in_.size()) return Fail(), std::string_view();
    std::string_view s = in_.substr(pos_, static_cast<size_t>(n));
    pos_ += static_cast<size_t>(n);
    return s;
  }
  LocalText Text() {
    LocalText t;
    t.ja = Str();
    t.en = Str();
    return t;
  }
  /// A count of elements that take at least min_bytes each (> 0) when
  /// encoded: 0 and !ok() when the bytes left cannot hold that many.
  size_t Count(size_t min_bytes) {
    int64_t n = Int();
    if (n < 0 || static_cast<uint64_t>(n) > left() / min_bytes) return Fail(), 0;
    return static_cast<size_t>(n);
  }
  std::vector<std::string> Strs() {
    std::vector<std::string> v(Count(8));  // a string is at least its length
    for (std::string& s : v) s = Str();
    return v;
  }
  std::vector<int> Ints() {
    std::vector<int> v(Count(8));
    for (int& i : v) i = Small();
    return v;
  }
  template <typename T>
  std::vector<T> Array() {
    int64_t n = Int();
    if (n < 0 || static_cast<uint64_t>(n) > left() / sizeof(T)) return Fail(), std::vector<T>();
    std::vector<T> v(static_cast<size_t>(n));
    if (n > 0) std::memcpy(v.data(), in_.data() + pos_, static_cast<size_t>(n) * sizeof(T));
    pos_ += static_cast<size_t>(n) * sizeof(T);
    return v;
  }
  SourcePos Pos() {
    SourcePos p;
    p.file = Str();
    p.line = Small();
    p.column = Small();
    return p;
  }
  bool AtEnd() const { return pos_ == in_.size(); }
  size_t left() const { return in_.size() - pos_; }

 private:
  int64_t Fail() {
    ok_ = false;
    pos_ = in_.size();
    return 0;
  }
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

#endif  // TSUNAGU_BINARY_IO_H_
