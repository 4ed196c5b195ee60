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
  void Find(std::string_view text, std::vector<Matcher::Hit>* hits) const { matcher_.FindLongest(text, hits); }

  /// The meanings of a phrase, read from its payloads as they are iterated
  /// (a view: understanding a case asks for them at every hit).
  class Meanings {
   public:
    class iterator {
     public:
      explicit iterator(const int32_t* p) : p_(p) {}
      PhraseMeaning operator*() const { return MeaningOf(*p_); }
      iterator& operator++() {
        ++p_;
        return *this;
      }
      bool operator!=(const iterator& other) const { return p_ != other.p_; }

     private:
      const int32_t* p_;
    };
    explicit Meanings(Matcher::Payloads p) : payloads_(p) {}
    iterator begin() const { return iterator(payloads_.begin()); }
    iterator end() const { return iterator(payloads_.end()); }

   private:
    Matcher::Payloads payloads_;
  };
  /// Meanings of a hit's phrase (usually one).
  Meanings MeaningsOf(const Matcher::Hit& hit) const { return Meanings(matcher_.payloads(hit.phrase)); }
  std::string_view Phrase(const Matcher::Hit& hit) const { return matcher_.phrase(hit.phrase); }
  /// The subject a fact phrase names itself ("高齢の親", "elderly parent"):
  /// true and *subject set when it contains a subject word.
  bool OwnSubject(const Matcher::Hit& hit, Subject* subject) const;

 private:
  static PhraseMeaning MeaningOf(int32_t payload);

  Matcher matcher_;
  std::vector<int> own_subject_;  // per phrase: subject index, or -1
};

#endif  // TSUNAGU_LEXICON_H_
