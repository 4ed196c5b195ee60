// Lexicon: every fact phrase and subject word of a model in one Matcher.
// Built once from the model (a few hundred microseconds); read-only after.
#ifndef TSUNAGU_LEXICON_H_
#define TSUNAGU_LEXICON_H_

#include <string>
#include <string_view>
#include <vector>

#include "matcher.h"
#include "model.h"

/// What a matched phrase means: a fact, or a word naming a subject.
struct PhraseMeaning {
  bool is_subject = false;
  int fact = -1;                       // when !is_subject
  Subject subject = Subject::kPerson;  // when is_subject
};

class Lexicon {
 public:
  Lexicon() = default;
  explicit Lexicon(const Model& model);

  /// The compiled form, embedded at build time (see embedded.h).
  std::string Save() const;
  /// False when bytes are damaged.
  bool Restore(std::string_view bytes);

  /// The non-overlapping phrase hits in a normalised (match form) text.
  std::vector<Matcher::Hit> Find(std::string_view text) const { return matcher_.FindLongest(text); }
  /// Meanings of a hit's phrase (usually one).
  std::vector<PhraseMeaning> Meanings(const Matcher::Hit& hit) const;
  std::string_view Phrase(const Matcher::Hit& hit) const { return matcher_.phrase(hit.phrase); }
  /// The subject a fact phrase names itself ("高齢の親", "elderly parent"):
  /// true and *subject set when it contains a subject word.
  bool OwnSubject(const Matcher::Hit& hit, Subject* subject) const;

 private:
  Matcher matcher_;
  std::vector<int> own_subject_;  // per phrase: subject index, or -1
};

#endif  // TSUNAGU_LEXICON_H_
