// Text normalisation before matching. NFKC turns full-width digits and
// Latin into ASCII and half-width katakana into full-width; Latin is then
// lower-cased. For matching, katakana is folded to hiragana (ﾋｷｺﾓﾘ and
// ひきこもり are the same word); that fold keeps byte offsets unchanged, so
// one offset points into both the display and the match text. A
// contraction typed without its apostrophe ("hasnt", "shes", "dont") gets
// it back in both, so offsets are into the normalised text, not the input.
#ifndef TSUNAGU_NORMALIZE_H_
#define TSUNAGU_NORMALIZE_H_

#include <string>
#include <string_view>
#include <vector>

#include "status.h"

struct NormalizedText {
  std::string display;  // NFKC, lower-cased: what we show back to the user
  std::string match;    // display with katakana folded to hiragana
};

/// Fails (with the byte offset) on invalid UTF-8 or NUL bytes.
Status Normalize(std::string_view input, NormalizedText* out);

/// Normalises a lexicon phrase the same way as a query (match form).
std::string NormalizePhrase(std::string_view phrase);
/// The display form of a phrase (katakana kept): what the analyser reads,
/// as it reads a case's display text.
std::string NormalizePhraseForReading(std::string_view phrase);

/// A clause: a byte range [begin, end) of the normalised text.
struct Clause {
  size_t begin = 0, end = 0;
};

/// Splits at 。、,.;!? (and their full-width forms), newlines and "but".
std::vector<Clause> SplitClauses(std::string_view text);
/// The same into *clauses (cleared first), reusing its storage.
void SplitClauses(std::string_view text, std::vector<Clause>* clauses);

#endif  // TSUNAGU_NORMALIZE_H_
