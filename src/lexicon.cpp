#include "lexicon.h"

#include <utility>
#include <vector>

#include "binary_io.h"
#include "normalize.h"
#include "parallel.h"
#include "reading.h"
#include "utf8.h"

namespace {
// Payloads: a fact index f is stored as 2f, or 2f + 1 when the phrase
// says it negated; a subject s as -(s + 1).
int SubjectPayload(int s) { return -(s + 1); }
int FactPayload(size_t f, bool negative) { return static_cast<int>(2 * f + (negative ? 1 : 0)); }
}  // namespace

Lexicon::Lexicon(const Model& model, const Analyzer& analyzer, KnownReadings* known) {
  struct Entry {
    std::string_view phrase;
    int payload;
    bool fact;
  };
  std::vector<Entry> entries;
  for (int s = 0; s < kSubjectCount; ++s) {
    for (const auto* words : {&model.subjects[s].ja, &model.subjects[s].en})
      for (const std::string& w : *words) entries.push_back({w, SubjectPayload(s), false});
  }
  for (size_t f = 0; f < model.facts.size(); ++f) {
    for (const auto* phrases : {&model.facts[f].ja, &model.facts[f].en})
      for (std::string_view p : *phrases) entries.push_back({p, FactPayload(f, false), true});
  }
  // Reading is most of the work (MeCab): on every core, each phrase into
  // its own slot; the matcher is then filled in the model's order, so it
  // is the same whichever thread read what.
  std::vector<PhraseReading> readings(entries.size());
  std::vector<std::string> normalised(entries.size());
  std::vector<char> read(entries.size(), 0);  // known from an earlier run
  ParallelFor(entries.size(), [&](size_t i) { normalised[i] = NormalizePhraseForReading(entries[i].phrase); });
  for (size_t i = 0; known && i < entries.size(); ++i) {
    auto it = known->by_phrase.find(normalised[i]);
    if (it == known->by_phrase.end()) continue;
    readings[i] = it->second.reading;
    it->second.used = true;
    read[i] = 1;
  }
  ParallelFor(entries.size(), [&](size_t i) {
    if (!read[i]) readings[i] = ReadPhrase(analyzer, normalised[i]);
  });
  if (known) {
    for (size_t i = 0; i < entries.size(); ++i) {
      if (read[i]) continue;
      KnownReading& k = known->by_phrase[normalised[i]];
      if (k.used) continue;  // the same phrase twice
      k.reading = readings[i];
      k.used = true;
      known->changed = true;
    }
  }
  // Phrases that read alike (出かけない, 出かけません) are one entry (Add
  // keeps each meaning of a phrase once).
  for (size_t i = 0; i < entries.size(); ++i) {
    PhraseReading& r = readings[i];
    if (r.stream.empty()) continue;  // only grammar: `tsunagu check` reports it
    matcher_.Add(std::move(r.stream), entries[i].payload + (entries[i].fact && r.negative ? 1 : 0));
  }
  matcher_.Build();
  own_subject_.assign(matcher_.phrase_count(), -1);
  ParallelFor(matcher_.phrase_count(), [&](size_t i) {
    thread_local std::vector<Matcher::Hit> inner;
    matcher_.FindAll(matcher_.phrase(static_cast<int>(i)), &inner);
    for (const Matcher::Hit& hit : inner) {
      if (hit.phrase == static_cast<int>(i)) continue;
      for (int payload : matcher_.payloads(hit.phrase))
        if (payload < 0) own_subject_[i] = -payload - 1;
    }
  });
}

bool Lexicon::OwnSubject(const Matcher::Hit& hit, Subject* subject) const {
  int s = own_subject_[hit.phrase];
  if (s < 0) return false;
  *subject = static_cast<Subject>(s);
  return true;
}

PhraseMeaning Lexicon::MeaningOf(int32_t payload) {
  PhraseMeaning m;
  if (payload < 0) {
    m.is_subject = true;
    m.subject = static_cast<Subject>(-payload - 1);
  } else {
    m.fact = payload / 2;
    m.negative = payload % 2 == 1;
  }
  return m;
}

namespace {
// Payloads a and b name a fact in common (subject words name none).
bool SharesFact(Matcher::Payloads a, Matcher::Payloads b) {
  for (int32_t x : a)
    for (int32_t y : b)
      if (x >= 0 && y >= 0 && x / 2 == y / 2) return true;
  return false;
}
}  // namespace

bool Lexicon::HoldsFactOf(int outer, int inner) const {
  thread_local std::vector<Matcher::Hit> held;
  matcher_.FindAll(matcher_.phrase(outer), &held);
  for (const Matcher::Hit& h : held)
    if (h.phrase != outer && SharesFact(matcher_.payloads(h.phrase), matcher_.payloads(inner))) return true;
  return false;
}

bool Lexicon::MayShare(const void* lexicon, int kept, int phrase) {
  const Lexicon& l = *static_cast<const Lexicon*>(lexicon);
  const Matcher::Payloads a = l.matcher_.payloads(kept), b = l.matcher_.payloads(phrase);
  for (const Matcher::Payloads p : {a, b})
    for (int32_t payload : p)
      if (payload < 0) return false;  // a subject word
  // Only the longer (kept) phrase can be a guard: "pension only" holds
  // "pension" (of "pensioner", an elderly parent) and stops nothing.
  return !SharesFact(a, b) && !l.HoldsFactOf(kept, phrase);
}

std::string Lexicon::Phrase(const Matcher::Hit& hit) const { return ShowStream(matcher_.phrase(hit.phrase)); }

std::string Lexicon::Save() const {
  Writer w;
  w.out_.reserve(matcher_.SavedBytes() + 8 + 8 * own_subject_.size());
  matcher_.Save(&w);
  w.Ints(own_subject_);
  return std::move(w.out_);
}

bool Lexicon::Restore(std::string_view bytes, bool trusted) {
  auto copy = std::make_shared<const std::string>(bytes);
  const std::string_view in_copy = *copy;
  return Restore(in_copy, std::move(copy), trusted);
}

bool Lexicon::Restore(std::string_view bytes, std::shared_ptr<const void> owner, bool trusted) {
  Reader r(bytes);
  if (!matcher_.Restore(&r, std::move(owner), trusted)) return false;
  own_subject_ = r.Ints();
  bool ok = r.ok() && r.AtEnd() && own_subject_.size() == matcher_.phrase_count();
  for (size_t i = 0; ok && !trusted && i < own_subject_.size(); ++i)
    ok = own_subject_[i] >= -1 && own_subject_[i] < kSubjectCount;
  return ok;
}

Status Lexicon::CheckRestored() const {
  for (size_t i = 0; i < matcher_.phrase_count(); ++i) {
    const int phrase = static_cast<int>(i);
    for (int32_t payload : matcher_.payloads(phrase))
      if (payload < -kSubjectCount)
        return Status::Internal("lexicon: phrase " + std::to_string(i) + ": meaning " + std::to_string(payload) +
                                " names no subject");
    size_t bad = 0;
    if (!IsValidUtf8(matcher_.phrase(phrase), &bad))
      return Status::Internal("lexicon: phrase " + std::to_string(i) + ": invalid UTF-8 at byte " +
                              std::to_string(bad));
  }
  return Status::Ok();
}

Status Lexicon::FitsModel(const Model& model) const {
  const size_t facts = model.facts.size();
  for (size_t i = 0; i < matcher_.phrase_count(); ++i) {
    for (int32_t payload : matcher_.payloads(static_cast<int>(i)))
      if (payload >= 0 && static_cast<size_t>(payload / 2) >= facts)
        return Status::Internal("lexicon: phrase " + std::to_string(i) + ": meaning " + std::to_string(payload) +
                                " names none of the model's " + std::to_string(facts) + " facts");
  }
  return Status::Ok();
}
