// Records: a model's list of facts or rules, either held (built from the
// YAML, or edited) or read where it lies in a snapshot and decoded one
// record at a time, when first asked for. A query of a rule book of
// thousands of facts and rules touches a few dozen of them; decoding all
// of them (an allocation per string and list) was most of a warm query's
// cost at 100x the shipped rules (issue 16).
//
// A lazily read list views bytes it does not own: `owner` (the mapped cache
// file) keeps them alive, or they are static (the snapshot embedded in the
// binary). The bytes are trusted: the snapshot's layout was checked when it
// was opened (each record's bounds), and its contents are a validated
// model's (snapshot.h). A record that still fails to decode is given as an
// empty one (no ids, no indexes), never read past its bytes.
//
// Reading is const and may decode: each record is decoded at most once per
// list and published with an atomic pointer, so a const Records is safe to
// read from many threads (batch). There is no non-const operator[] or
// begin(): reading must not decode a whole list because it is not const. Editing (edit(), push_back) first decodes
// every record into a held list, and is for one thread with no readers.
// Copies of a lazily read list share its bytes and decode on their own.
#ifndef TSUNAGU_RECORDS_H_
#define TSUNAGU_RECORDS_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

template <typename T>
class Records {
 public:
  /// Decodes one record's bytes; false on damage.
  using Decoder = bool (*)(std::string_view record, T* out);

  /// Where a lazily read list lies: record i is blob[Start(i), ends[i]),
  /// each record starting at a multiple of 8 bytes (its Array fields are
  /// aligned from its start), and by_id (empty, or a permutation of the
  /// records) orders them by id.
  struct Source {
    std::string_view blob;
    std::vector<uint32_t> ends, by_id;
    Decoder decode = nullptr;
    std::shared_ptr<const void> owner;
    size_t Start(size_t i) const { return i == 0 ? 0 : (size_t{ends[i - 1]} + 7) / 8 * 8; }
  };

  Records() = default;
  Records(std::vector<T> items) : items_(std::move(items)) {}  // NOLINT: implicit, as a vector
  /// A lazily read list; the caller has checked that ends rise and stay
  /// within the blob, and that by_id holds indexes below ends.size().
  explicit Records(Source source) : source_(std::make_shared<const Source>(std::move(source))) { MakeSlots(); }
  Records(const Records& other) : items_(other.items_), source_(other.source_) { MakeSlots(); }
  Records(Records&&) noexcept = default;
  Records& operator=(Records other) noexcept {
    Free();
    items_ = std::move(other.items_);
    source_ = std::move(other.source_);
    slots_ = std::move(other.slots_);
    return *this;
  }
  ~Records() { Free(); }

  size_t size() const { return source_ ? source_->ends.size() : items_.size(); }
  bool empty() const { return size() == 0; }
  /// True while records are decoded when asked for (not yet edited).
  bool lazy() const { return source_ != nullptr; }

  const T& operator[](size_t i) const { return source_ ? Decoded(i) : items_[i]; }
  const T& back() const { return (*this)[size() - 1]; }

  /// The index of the record with this id (the first, in a held list), or
  /// -1. A lazily read list with by_id is searched without decoding.
  int Find(std::string_view id) const {
    if (source_ && source_->by_id.size() == size()) {
      const std::vector<uint32_t>& order = source_->by_id;
      size_t lo = 0, hi = order.size();
      while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (IdOf(order[mid]) < id) lo = mid + 1;
        else hi = mid;
      }
      return lo < order.size() && IdOf(order[lo]) == id ? static_cast<int>(order[lo]) : -1;
    }
    for (size_t i = 0; i < size(); ++i)
      if ((*this)[i].id == id) return static_cast<int>(i);
    return -1;
  }

  /// The held list, for editing: a lazily read list is decoded whole first.
  std::vector<T>& edit() {
    if (source_) {
      std::vector<T> all;
      all.reserve(size());
      for (size_t i = 0; i < size(); ++i) all.push_back(Decoded(i));
      Free();
      source_.reset();
      items_ = std::move(all);
    }
    return items_;
  }
  void push_back(T item) { edit().push_back(std::move(item)); }

  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;
    const_iterator(const Records* list, size_t i) : list_(list), i_(i) {}
    const T& operator*() const { return (*list_)[i_]; }
    const T* operator->() const { return &(*list_)[i_]; }
    const_iterator& operator++() { return ++i_, *this; }
    bool operator==(const const_iterator& o) const { return i_ == o.i_; }
    bool operator!=(const const_iterator& o) const { return i_ != o.i_; }
    difference_type operator-(const const_iterator& o) const {
      return static_cast<difference_type>(i_) - static_cast<difference_type>(o.i_);
    }

   private:
    const Records* list_;
    size_t i_;
  };
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size()}; }

 private:
  std::string_view Bytes(size_t i) const {
    const Source& s = *source_;
    const size_t from = s.Start(i);
    return s.blob.substr(from, s.ends[i] - from);
  }
  // A record's id: its first field, a length (8 bytes, little-endian)
  // and the bytes (binary_io.h's Str), read without decoding the rest.
  std::string_view IdOf(size_t i) const {
    const std::string_view bytes = Bytes(i);
    uint64_t n = 0;
    if (bytes.size() < 8) return {};
    std::memcpy(&n, bytes.data(), 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    n = __builtin_bswap64(n);
#endif
    return n > bytes.size() - 8 ? std::string_view() : bytes.substr(8, n);
  }
  const T& Decoded(size_t i) const {
    std::atomic<T*>& slot = slots_[i];
    T* seen = slot.load(std::memory_order_acquire);
    if (seen) return *seen;
    auto fresh = std::make_unique<T>();
    if (!source_->decode(Bytes(i), fresh.get())) *fresh = T();
    // Another thread may have decoded it meanwhile: the first one stays.
    if (slot.compare_exchange_strong(seen, fresh.get(), std::memory_order_acq_rel)) return *fresh.release();
    return *seen;
  }
  void MakeSlots() {
    if (source_) slots_ = std::make_unique<std::atomic<T*>[]>(source_->ends.size());
  }
  void Free() {
    if (!slots_) return;
    for (size_t i = 0; i < size(); ++i) delete slots_[i].load(std::memory_order_relaxed);
    slots_.reset();
  }

  std::vector<T> items_;
  std::shared_ptr<const Source> source_;
  mutable std::unique_ptr<std::atomic<T*>[]> slots_;
};

#endif  // TSUNAGU_RECORDS_H_
