// Understanding a case: from raw text to facts. Normalises, splits into
// clauses, finds lexicon phrases and numbers, gives each fact a subject
// and a negation, attaches ages to subjects, derives facts from ages and
// durations, and lists the words it did not understand. Pure: no I/O.
#ifndef TSUNAGU_FACTS_H_
#define TSUNAGU_FACTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "lexicon.h"
#include "model.h"
#include "normalize.h"
#include "status.h"
#include "tokens.h"

/// One place where the text says a fact.
struct FactMention {
  int fact = -1;
  Subject subject = Subject::kPerson;
  bool negated = false;
  int clause = 0;
  size_t begin = 0, end = 0;  // the words, in the normalised text
  std::string words;          // as shown to the user
  std::string phrase;         // the lexicon phrase as it reads ("外出+する", negated "-")
  std::string negation;       // the negating words, when negated
  /// Why it is negated: "" (a negation), "hypothetical" (前に, たら...) or
  /// "died" (a death told, not a danger); danger facts only for the last two.
  std::string_view negation_kind;
  int first_token = -1, last_token = -1;  // [first, last) in Understanding::tokens
  bool has_own_subject = false;  // the phrase names its subject itself
  int subject_word = -1;  // index into Understanding::subjects of the word that set the subject
  enum Origin { kPhrase, kAge, kDuration } origin = kPhrase;
};

/// The mention's words with its negation in reading order ("障害はない",
/// "no disability").
std::string MentionWords(const FactMention& m);

/// An age the text gives for a subject.
struct AgeMention {
  Subject subject = Subject::kPerson;
  AgeRange range;
  int clause = 0;
  std::string words;
  size_t begin = 0, end = 0;  // the words, in the normalised text
};

/// A duration the text gives ("10年", "for 3 years"), used for a fact or not.
struct DurationMention {
  int months = 0;
  int clause = 0;
  std::string words;
};

/// A subject word found in the text.
struct SubjectMention {
  Subject subject = Subject::kPerson;
  int clause = 0;
  size_t begin = 0, end = 0;
  std::string words;
};

struct Understanding {
  std::string input;
  NormalizedText text;
  std::vector<Clause> clauses;
  std::vector<Token> tokens;  // every clause's, in text order (offsets into text.display)
  std::vector<SubjectMention> subjects;
  std::vector<FactMention> mentions;
  std::vector<AgeMention> ages;
  std::vector<DurationMention> durations;
  std::vector<std::string> ignored_numbers;  // bare numbers no subject word made an age
  std::vector<std::string> unrecognized;
  AgeRange age_of[kSubjectCount];  // union of the ages given per subject

  /// True when the text states the fact (not negated), about any subject
  /// when any_subject, else about the given one.
  bool Has(int fact, bool any_subject, Subject subject) const;
  AgeRange AgeOf(Subject s) const { return age_of[static_cast<int>(s)]; }
  /// Empties it for the next case, keeping the vectors' storage.
  void Clear();
};

/// Longest query accepted, in bytes; longer text is an input error.
constexpr size_t kMaxQueryBytes = 64 * 1024;

/// Ages known from outside the text (batch `age` / `parent_age` columns).
struct GivenAges {
  int person = -1;  // -1 = not given
  int parent = -1;
};

/// Understands text; fails only on invalid UTF-8 or over-long text.
Status Understand(const Model& model, const Lexicon& lexicon, std::string_view text,
                  Understanding* out, const GivenAges* given = nullptr);

#endif  // TSUNAGU_FACTS_H_
