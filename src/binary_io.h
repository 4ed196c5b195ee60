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

#include "array_view.h"
#include "model.h"

class Writer {
 public:
  void Int(int64_t v) {
    uint64_t u = static_cast<uint64_t>(v);
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((u >> (8 * i)) & 0xff));
  }
  void Str(std::string_view s) {
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
  void Packed(const PackedStrings& v) {
    Str(v.bytes());
    Array(v.ends());
  }
  void Ints(const std::vector<int>& v) {
    Int(static_cast<int64_t>(v.size()));
    for (int i : v) Int(i);
  }
  /// A vector of plain values as raw bytes (the embedded form is built and
  /// read on the same machine, so byte order needs no conversion).
  /// The values start at a multiple of 8 bytes from the start of out_, so
  /// that a Reader can view them in place (Reader::Span).
  template <typename T>
  void Array(ArrayView<T> v) {
    Int(static_cast<int64_t>(v.size));
    Align();
    out_.append(reinterpret_cast<const char*>(v.data), v.size * sizeof(T));
  }
  template <typename T>
  void Array(const std::vector<T>& v) {
    Array(ArrayView<T>(v));
  }
  /// Zero bytes up to the next multiple of 8.
  void Align() { out_.append((8 - out_.size() % 8) % 8, '\0'); }
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
    // One load, not eight byte loads shifted into place (GCC does not
    // merge them): ~22 instructions fewer per int, 7.5 M (-4%) in a
    // warm query at 100x.
    uint64_t u;
    std::memcpy(&u, in_.data() + pos_, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    u = __builtin_bswap64(u);  // the encoding is little-endian
#endif
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
    const size_t n = Count(8);  // a string is at least its length
    std::vector<std::string> v;
    v.reserve(n);
    for (size_t i = 0; i < n; ++i) v.emplace_back(View());
    return v;
  }
  /// A Writer::Packed list; damage when its parts do not fit together.
  PackedStrings Packed() {
    PackedStrings v;
    std::string bytes = Str();
    if (!PackedStrings::FromParts(std::move(bytes), Array<uint32_t>(), &v)) Fail();
    return v;
  }
  std::vector<int> Ints() {
    std::vector<int> v(Count(8));
    for (int& i : v) i = Small();
    return v;
  }
  template <typename T>
  std::vector<T> Array() {
    const size_t n = ArrayCount(sizeof(T));
    std::vector<T> v(n);
    if (n > 0) std::memcpy(v.data(), in_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return v;
  }
  /// An Array in place: a view of the input, which must outlive it. The
  /// values must be aligned for T in memory (the input starts at a multiple
  /// of 8 bytes, as a file mapped or a string allocated does): misaligned
  /// is damage.
  template <typename T>
  ArrayView<T> Span() {
    const size_t n = ArrayCount(sizeof(T));
    const char* at = in_.data() + pos_;
    if (reinterpret_cast<uintptr_t>(at) % alignof(T) != 0) return Fail(), ArrayView<T>();
    pos_ += n * sizeof(T);
    return ArrayView<T>(reinterpret_cast<const T*>(at), n);
  }
  /// Skips Writer::Align's padding.
  void Align() {
    const size_t pad = (8 - pos_ % 8) % 8;
    if (pad > left()) Fail();
    else pos_ += pad;
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
  // Count, then padding: 0 and !ok() when the bytes left cannot hold them.
  size_t ArrayCount(size_t element_bytes) {
    const int64_t n = Int();
    Align();
    if (n < 0 || static_cast<uint64_t>(n) > left() / element_bytes) return static_cast<size_t>(Fail());
    return static_cast<size_t>(n);
  }
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
