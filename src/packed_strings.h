// PackedStrings: a list of strings kept in one block of bytes, with the
// end of each string, for the model's long lists of short strings (a
// fact's phrases). Reading a model from the cache then makes two
// allocations per list, not one per string: at 100x the rules the
// ~80,000 phrases, one std::string each, were a third of a warm query.
//
// A value type: copies own their bytes. Not synchronised: const use from
// many threads is safe, as for std::vector.
#ifndef TSUNAGU_PACKED_STRINGS_H_
#define TSUNAGU_PACKED_STRINGS_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

class PackedStrings {
 public:
  PackedStrings() = default;
  PackedStrings(std::initializer_list<std::string_view> strings) {
    for (std::string_view s : strings) push_back(s);
  }
  explicit PackedStrings(const std::vector<std::string>& strings) {
    for (const std::string& s : strings) push_back(s);
  }

  /// From the parts bytes() and ends() gave: false, and *out left alone,
  /// when they do not fit together (ends decreasing, or not ending at the
  /// bytes' end), so that no string is ever viewed outside the bytes.
  static bool FromParts(std::string bytes, std::vector<uint32_t> ends, PackedStrings* out) {
    uint32_t at = 0;
    for (uint32_t end : ends) {
      if (end < at) return false;
      at = end;
    }
    if (at != bytes.size()) return false;
    out->bytes_ = std::move(bytes);
    out->ends_ = std::move(ends);
    return true;
  }

  void push_back(std::string_view s) {
    bytes_ += s;
    ends_.push_back(static_cast<uint32_t>(bytes_.size()));
  }
  size_t size() const { return ends_.size(); }
  bool empty() const { return ends_.empty(); }
  std::string_view operator[](size_t i) const {
    const uint32_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(bytes_).substr(begin, ends_[i] - begin);
  }
  /// All the strings, one after the other, and where each ends.
  const std::string& bytes() const { return bytes_; }
  const std::vector<uint32_t>& ends() const { return ends_; }

  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using pointer = const std::string_view*;
    using reference = std::string_view;
    const_iterator(const PackedStrings* list, size_t i) : list_(list), i_(i) {}
    std::string_view operator*() const { return (*list_)[i_]; }
    const_iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator==(const const_iterator& o) const { return i_ == o.i_; }
    bool operator!=(const const_iterator& o) const { return i_ != o.i_; }

   private:
    const PackedStrings* list_;
    size_t i_;
  };
  const_iterator begin() const { return const_iterator(this, 0); }
  const_iterator end() const { return const_iterator(this, size()); }

  bool operator==(const PackedStrings& o) const { return ends_ == o.ends_ && bytes_ == o.bytes_; }
  bool operator!=(const PackedStrings& o) const { return !(*this == o); }

 private:
  std::string bytes_;
  std::vector<uint32_t> ends_;
};

#endif  // TSUNAGU_PACKED_STRINGS_H_
