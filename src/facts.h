// Understanding a case: from raw text to facts. Normalises, splits into
// clauses, finds lexicon phrases and numbers, gives each fact a negation,
// reads the household (household.h: persons, their ages, the person each
// fact is about, the person of concern), derives facts from ages and
// durations, and lists the words it did not understand. Pure: no I/O.
//
// Threading: Understand may run on many threads at once with the same
// model and lexicon (both only read). Each thread keeps scratch vectors of
// its own from case to case (thread_local in facts.cpp and phrases.cpp:
// covered bytes, numbers, matcher hits, the lemma stream; tokens.h says
// what the analyser keeps), so a warm thread allocates nothing for them;
// their memory stays with the thread until it ends (a few KB, more after
// a very long case). Errors: a
// Status for invalid UTF-8 or over-long text, nothing else fails.
// Ownership: an Understanding owns what it holds (negation_kind views a
// literal); its fact and subject numbers are indices into the model it
// was read with, meaningless with another.
#ifndef TSUNAGU_FACTS_H_
#define TSUNAGU_FACTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "lexicon.h"
#include "model.h"
#include "normalize.h"
#include "numbers.h"
#include "rule_index.h"
#include "status.h"
#include "tokens.h"

/// Why a fact or an age went to its person (explain shows it).
enum class Because : uint8_t {
  kNone,         // not attached to anyone
  kOwnPhrase,    // the phrase names its subject itself ("高齢の親")
  kMarked,       // a subject word marked by は/が/も before it in the clause
  kNearest,      // the nearest subject word in the clause
  kTopic,        // the person the sentence's earlier clause was about
  kQuote,        // a quotation: the speaker named before it
  kPronoun,      // he / she / his / her: the person named before
  kPlace,        // 大阪府に住む母親: the person the place is said of
  kAtRisk,       // a danger done to someone: 母に手を上げる, 母の通帳を取り上げる
  kDefault,      // no one named: the fact's default subject
  kTight,        // an age written next to its subject word ("母(74)")
  kGenerations,  // 8050: the parent's and the person's ages
  kGiven,        // an age column of the batch input
  kRelative,     // "2歳上の兄": relative to someone else's, so no one's
};

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
  /// Why it is negated: "" (a negation), "hypothetical" (前に, たら...),
  /// "died" (a death told, not a danger), "past" (a collapse a month or
  /// more ago: 倒れてから3年; a place outside the city lived in before a
  /// return told after it: household.cpp) or "trip" (a return from a
  /// place of the day: 会社から帰ってくる, "back home from work"); danger
  /// facts only for hypothetical and died.
  std::string_view negation_kind;
  /// Where the negating words are written: -1 before the words, 1 after,
  /// 0 as the language puts them (English before, Japanese after).
  int negation_side = 0;
  int first_token = -1, last_token = -1;  // [first, last) in Understanding::tokens
  bool has_own_subject = false;           // the phrase names its subject itself
  int subject_word = -1;                  // index into Understanding::subjects of the word that set the subject
  int person = -1;                        // index into Understanding::persons; -1 = no one
  Because because = Because::kNone;
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
  int person = -1;            // index into Understanding::persons; -1 = no one
  NumberMention::When when = NumberMention::kNow;
  Because because = Because::kNone;
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
  int person = -1;  // index into Understanding::persons; -1 = a group word (家族, 世帯)
};

/// One person of the household: the caller, the person of concern and the
/// others the text names. Built by the household steps (household.h).
struct Person {
  int id = 0;                       // index in Understanding::persons
  std::string relation;             // normalised key: "self" (the caller), "person" (本人),
                                    // "son", "eldest-son", "daughter", "mother", "father",
                                    // "parents", "elder-brother", "wife", "neighbour",
                                    // "man", "woman", "unknown" ...
  std::string words;                // the first word that named them, as written
  Subject role = Subject::kFamily;  // their role in the case
  bool caller = false;              // the one who writes the case
  char sex = 0;                     // 'M', 'F' or 0 = not stated
  AgeRange age;                     // now
  std::vector<AgeRange> past_ages;  // ages at past events ("25歳で辞め")
  enum class Residence { kUnknown, kNiigataCity, kOutside } residence = Residence::kUnknown;
  std::vector<int> mentions;  // indexes into Understanding::mentions of the facts about them
};

/// An area the text says the family or a person lives in (place.h): one
/// some office of the data serves.
struct PlaceMention {
  std::string area;               // the area as the data names it (寺尾東)
  std::vector<std::string> keys;  // every AreaKey of that area: its name and readings
  std::string words;              // the words that say it, as written ("寺尾東3丁目在住")
  size_t begin = 0, end = 0;      // the area's words, in the normalised text
  int clause = 0;
};

struct Understanding {
  std::string input;
  NormalizedText text;
  std::vector<Clause> clauses;
  std::vector<Token> tokens;  // every clause's, in text order (offsets into text.display)
  std::vector<SubjectMention> subjects;
  std::vector<FactMention> mentions;
  std::vector<AgeMention> ages;
  std::vector<Person> persons;
  int concern = -1;             // the person of concern (本人), index into persons
  std::vector<uint8_t> quoted;  // per clause: 1 inside a quotation (「…」, '…'); set by the household
  std::vector<DurationMention> durations;
  std::vector<std::string> ignored_numbers;  // bare numbers no subject word made an age
  std::vector<std::string> unrecognized;
  std::vector<PlaceMention> places;      // where they live, in text order (place.h)
  AgeRange age_of[kSubjectCount];        // current ages per role: the concern's for kPerson, else the
                                         // union of the persons' in that role
  std::vector<int> aged[kSubjectCount];  // per role, the persons whose ages age_of joins

  /// True when the text states the fact (not negated), about any subject
  /// when any_subject, else about the given one.
  bool Has(int fact, bool any_subject, Subject subject) const;
  AgeRange AgeOf(Subject s) const { return age_of[static_cast<int>(s)]; }
  /// The ages of a role against [min, max] (-1: unbounded): with anyone,
  /// true when one of them is known to be within (a 60-year-old father
  /// does not hide an 82-year-old mother), else when every known age is
  /// (and one is known). kPerson is the person of concern; kHousehold is
  /// the concern, the parents and the family. *who (when given): the
  /// persons whose ages made it true.
  bool AgeWithin(Subject s, int min, int max, bool anyone, std::vector<int>* who = nullptr) const;
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

/// Marks text bytes [b, e) as understood in *covered (one byte per byte of
/// the normalised text; the end is clamped). The steps share it.
void MarkCovered(std::vector<char>* covered, size_t b, size_t e);

/// Understands text; fails only on invalid UTF-8 or over-long text.
/// index: built from model (rule_index.h), for the facts ages and
/// durations imply.
Status Understand(const Model& model, const Lexicon& lexicon, const RuleIndex& index, std::string_view text,
                  Understanding* out, const GivenAges* given = nullptr);

#endif  // TSUNAGU_FACTS_H_
