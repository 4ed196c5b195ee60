// Lexicon: every fact phrase and subject word of a model in one Matcher,
// each as it reads (see reading.h): a Japanese phrase is the lemmas of its
// words up to its last content word, so 出かけない, 出かけません and
// 出かけていない are one entry, 出かける with "negated" required; an English
// phrase is the stems of its words. Built once from the model (at build
// time for the embedded one); read-only after, safe from many threads.
#ifndef TSUNAGU_LEXICON_H_
#define TSUNAGU_LEXICON_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "matcher.h"
#include "model.h"
#include "reading.h"
#include "status.h"
#include "tokens.h"

/// What a matched phrase means: a fact, or a word naming a subject.
struct PhraseMeaning {
  bool is_subject = false;
  int fact = -1;                       // when !is_subject
  Subject subject = Subject::kPerson;  // when is_subject
  bool negative = false;               // the phrase says the fact negated ("家から出ない"): the text must too
};

class Lexicon {
 public:
  Lexicon() = default;
  /// Reads every phrase with the analyser (tokens.h), which must load;
  /// a phrase `known` holds is not read again, and those read are added
  /// to it (reading.h). The result is the same with or without it.
  Lexicon(const Model& model, const Analyzer& analyzer, KnownReadings* known = nullptr);

  /// The compiled form, embedded at build time (see embedded.h).
  std::string Save() const;
  /// Uses the compiled bytes in place (no copy): `owner` keeps them alive,
  /// nullptr when they are static (the embedded lexicon). They must start
  /// at a multiple of 8 bytes in memory. False when they are damaged
  /// (matcher.h says what is checked). For bytes that are not trusted,
  /// CheckRestored and FitsModel must pass before use. `trusted`: the
  /// bytes are known to be Save's, unchanged (the embedded lexicon, a cache
  /// file whose checksum matched): only sizes are checked, not contents.
  bool Restore(std::string_view bytes, std::shared_ptr<const void> owner, bool trusted = false);
  /// The same on a copy of bytes (for bytes that do not stay).
  bool Restore(std::string_view bytes, bool trusted = false);
  /// Ok when every payload is a subject or a fact index and every phrase,
  /// shown by explain, is valid UTF-8; else an Internal status saying what.
  Status CheckRestored() const;
  /// Ok when every fact a payload names is one of model's (the lexicon was
  /// built from a model with the same facts); else an Internal status.
  Status FitsModel(const Model& model) const;

  /// The phrase hits in a reading's stream (reading.h), longest first: a
  /// hit inside a longer one is dropped ("hit by" in "hit by a car"), and
  /// of two that partly overlap the shorter is dropped too, unless both
  /// are facts' phrases that may share words (MayShare): 母の年金 and
  /// 年金だけ in 母の年金だけで, an elderly parent and a pension only.
  void Find(std::string_view text, std::vector<Matcher::Hit>* hits) const {
    matcher_.FindLongest(text, hits, &MayShare, this);
  }

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
  /// The matched phrase as it reads: lemmas or stems joined by "+".
  std::string Phrase(const Matcher::Hit& hit) const;
  size_t phrase_count() const { return matcher_.phrase_count(); }
  /// The subject a fact phrase names itself ("高齢の親", "elderly parent"):
  /// true and *subject set when it contains a subject word.
  bool OwnSubject(const Matcher::Hit& hit, Subject* subject) const;

 private:
  static PhraseMeaning MeaningOf(int32_t payload);
  /// Phrases `kept` and the shorter `phrase` (hits that partly overlap)
  /// both stand: each means facts only, none of the other's, and `kept`
  /// holds no phrase of `phrase`'s facts. One that does is a guard, written
  /// to stop that fact wherever they meet: "hit by a car" (illness) holds
  /// "hit by" (violence received), and stops "was hit" in "was hit by a car".
  static bool MayShare(const void* lexicon, int kept, int phrase);
  /// Whether `outer`'s phrase holds a phrase (not itself) meaning one of
  /// `inner`'s facts.
  bool HoldsFactOf(int outer, int inner) const;

  Matcher matcher_;
  std::vector<int> own_subject_;  // per phrase: subject index, or -1
};

#endif  // TSUNAGU_LEXICON_H_
