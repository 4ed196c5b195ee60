// Edit distance, for "did you mean" suggestions on unknown keys and ids.
#ifndef TSUNAGU_EDIT_DISTANCE_H_
#define TSUNAGU_EDIT_DISTANCE_H_

#include <string>
#include <vector>

/// Edit distance between two byte strings: insertions, deletions,
/// substitutions and swaps of neighbouring bytes each cost one.
int EditDistance(const std::string& a, const std::string& b);

/// The candidate closest to word if it is close enough to be a likely
/// typo (distance <= 1/3 of its length, at least 1), else "".
std::string ClosestMatch(const std::string& word, const std::vector<std::string>& candidates);

#endif  // TSUNAGU_EDIT_DISTANCE_H_
