// ByteBuffer: a growable run of bytes that is never zero-filled. Batch
// renders ~5 KB of JSON per case straight into one kept per record slot;
// std::string would fill every byte it grows by, or cost a second copy
// when text is built elsewhere and appended.
#ifndef TSUNAGU_BYTE_BUFFER_H_
#define TSUNAGU_BYTE_BUFFER_H_

#include <cstring>
#include <memory>
#include <string_view>

class ByteBuffer {
 public:
  const char* data() const { return data_.get(); }
  char* data() { return data_.get(); }
  size_t size() const { return size_; }
  size_t capacity() const { return capacity_; }
  std::string_view view() const { return std::string_view(data_.get(), size_); }
  /// Empties it, keeping the storage.
  void clear() { size_ = 0; }

  /// Makes room for n bytes past size() (the bytes kept are [0, size())).
  void Reserve(size_t n) {
    if (n <= capacity_ - size_) return;
    size_t grown = 2 * capacity_ > size_ + n ? 2 * capacity_ : size_ + n;
    std::unique_ptr<char[]> bigger(new char[grown]);  // not zero-filled
    if (size_) std::memcpy(bigger.get(), data_.get(), size_);
    data_ = std::move(bigger);
    capacity_ = grown;
  }
  /// Sets the size after writing through data() within capacity().
  void Resize(size_t n) { size_ = n <= capacity_ ? n : capacity_; }
  void Append(std::string_view s) {
    Reserve(s.size());
    if (!s.empty()) std::memcpy(data_.get() + size_, s.data(), s.size());
    size_ += s.size();
  }

 private:
  std::unique_ptr<char[]> data_;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

#endif  // TSUNAGU_BYTE_BUFFER_H_
