// ArrayView: a read-only run of T owned by someone else (a vector, or
// bytes used in place): a pointer and a size, like C++20's std::span.
// It never owns or copies; its owner must outlive it.
#ifndef TSUNAGU_ARRAY_VIEW_H_
#define TSUNAGU_ARRAY_VIEW_H_

#include <cstddef>
#include <vector>

template <typename T>
struct ArrayView {
  const T* data = nullptr;
  size_t size = 0;

  ArrayView() = default;
  ArrayView(const T* d, size_t n) : data(d), size(n) {}
  ArrayView(const std::vector<T>& v) : data(v.data()), size(v.size()) {}  // NOLINT: implicit, as std::span

  const T& operator[](size_t i) const { return data[i]; }
  bool empty() const { return size == 0; }
  const T& back() const { return data[size - 1]; }
};

#endif  // TSUNAGU_ARRAY_VIEW_H_
