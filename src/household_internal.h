// Helpers shared by the household steps (household_*.cpp): reading
// sentences, topics and particles around subject words, and editing the
// list of persons. Internal to the household model; not a public API.
#ifndef TSUNAGU_HOUSEHOLD_INTERNAL_H_
#define TSUNAGU_HOUSEHOLD_INTERNAL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "facts.h"

namespace household_internal {

/// The subject words of each clause, in their order in u.subjects: a step
/// that looks only at a clause (and its neighbour) stays linear in a long
/// case of many subject words (a scan of every subject per age or per fact
/// was quadratic). Built once per step; u.subjects must not change meanwhile.
class SubjectsByClause {
 public:
  explicit SubjectsByClause(const Understanding& u);
  const std::vector<int>& In(int clause) const {
    static const std::vector<int> kNone;
    return clause >= 0 && static_cast<size_t>(clause) < of_.size() ? of_[clause] : kNone;
  }
  /// Clauses c - 1 and c together, in the order of u.subjects.
  std::vector<int> InAndBefore(int c) const;

 private:
  std::vector<std::vector<int>> of_;
};

/// Relations of the person of concern's kind (本人, son, daughter, man...).
bool IsChildKind(const std::string& relation);
/// mother, father, parent(s), grandmother, grandfather.
bool IsParentKind(const std::string& relation);
/// True when text has word at pos.
bool At(std::string_view text, size_t pos, std::string_view word);
/// The code point before / at pos (0 at the edges).
int32_t CharBefore(std::string_view text, size_t pos);
int32_t CharAt(std::string_view text, size_t pos);
bool IsKanjiOrKatakana(int32_t cp);
/// A subject word ending at end is marked by は / が / も (a bracketed age
/// may come between).
bool Marked(std::string_view text, size_t end);
/// Bytes between an age and a subject word that tie them ("母(74)").
bool IsTightGap(std::string_view gap);
/// A caller word that may be what its clause is about (not me, my, 私に).
bool IsCallerWordForAttach(const Understanding& u, const SubjectMention& s);
/// The sentence index of each clause (a sentence ends at 。.!? or a line).
std::vector<int> Sentences(const Understanding& u);
/// Subject word si tells whose, not who (私の息子, my son).
bool IsPossessor(const Understanding& u, size_t si);
/// Keeps the persons p with into[p] == p; references to a removed person
/// go to into[p] (-1 = no one). Renumbers every reference.
void Compact(Understanding* u, const std::vector<int>& into);
/// Per clause, the person it is about and how that was found.
void ClauseTopics(const Understanding& u, std::vector<int>* topic, std::vector<Because>* how);
/// Subject word k is joined to the one before (長女と長男, "mother and father").
bool JoinedBefore(const Understanding& u, int k);
/// The topic clause c takes over from its sentence's previous clause, or -1.
int Carried(const std::vector<int>& topic, const std::vector<Because>& how, const std::vector<int>& sentence, int c);
/// The latest person named before pos, of this sex when sex != 0.
int PersonBefore(const Understanding& u, size_t pos, char sex);
/// PersonBefore for many positions: built over u.subjects when first asked,
/// then a binary search per call (a scan of every subject word per pronoun
/// was quadratic). u.subjects and the persons' caller and sex must not
/// change while it is used.
class PersonsBefore {
 public:
  explicit PersonsBefore(const Understanding& u) : u_(u) {}
  /// PersonBefore(u, pos, sex).
  int Find(size_t pos, char sex);

 private:
  const Understanding& u_;
  bool built_ = false;
  std::vector<size_t> max_begin_;    // the largest begin among subjects [0, i]
  std::vector<int> any_, he_, she_;  // PersonBefore's answer from subjects [0, i], by sex asked
};
/// 'M' / 'F' for a he / she / his / her in [begin, end), else 0.
char PronounIn(std::string_view text, size_t begin, size_t end);
/// 'M' / 'F' for a he / she (not his / her / him) in [begin, end), else 0.
char NominativePronounIn(std::string_view text, size_t begin, size_t end);
/// The subject word ending at end is company, not who the clause is
/// about: 母と二人で暮らし, 伯母(75)と同居.
bool IsCompanion(std::string_view text, size_t end);
/// Clause c is inside 「…」.
bool ClauseInQuote(const Understanding& u, size_t c);
/// The speaker of the quotation clause c is in, or -1.
int QuoteSpeaker(const Understanding& u, size_t c, const std::vector<int>& topic, const std::vector<int>& sentence,
                 const SubjectsByClause& by);
/// The one person with this role, or -1 (none or several).
int SingleWithRole(const Understanding& u, Subject role);
/// Appends a person; returns its id.
int AddPerson(Understanding* u, const char* relation, Subject role);
bool Overlap(AgeRange a, AgeRange b);
/// A place someone came from, not where they live (市外から転入).
bool PlaceLeft(const Understanding& u, const FactMention& m);

}  // namespace household_internal

#endif  // TSUNAGU_HOUSEHOLD_INTERNAL_H_
