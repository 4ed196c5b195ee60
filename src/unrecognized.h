// Step "words not understood": what no phrase, grammar, number or person
// covered, clause by clause, with particles trimmed and stopwords left
// out; a clause with nothing understood is reported whole, kana included.
// Pure; thread-safe.
#ifndef TSUNAGU_UNRECOGNIZED_H_
#define TSUNAGU_UNRECOGNIZED_H_

#include <vector>

#include "facts.h"

/// Appends to u->unrecognized (no duplicates) from covered, one byte per
/// byte of u->text (1 = understood).
void ListUnrecognized(const std::vector<char>& covered, Understanding* u);

#endif  // TSUNAGU_UNRECOGNIZED_H_
