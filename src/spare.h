// Spare elements for vectors of results that are refilled case after case
// (batch reuses one result per thread). Elements a case no longer needs
// move to a spare list with their own vectors' storage, and the next
// element needed comes from there: dropping an element and building it
// again would allocate its vectors anew every time a case has fewer items
// than the one before.
#ifndef TSUNAGU_SPARE_H_
#define TSUNAGU_SPARE_H_

#include <utility>
#include <vector>

/// Appends an element to *v, taken from *spare when it has one (its old
/// contents are the caller's to reset).
template <typename T>
T& AppendFromSpare(std::vector<T>* v, std::vector<T>* spare) {
  if (spare->empty()) return v->emplace_back();
  v->push_back(std::move(spare->back()));
  spare->pop_back();
  return v->back();
}

/// Shrinks *v to n elements, moving the rest to *spare.
template <typename T>
void ShrinkToSpare(std::vector<T>* v, size_t n, std::vector<T>* spare) {
  for (size_t i = n; i < v->size(); ++i) spare->push_back(std::move((*v)[i]));
  if (n < v->size()) v->resize(n);
}

#endif  // TSUNAGU_SPARE_H_
