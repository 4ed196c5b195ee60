// The household of a case: who is who. Understand (facts.h) finds subject
// words, facts and numbers; these steps turn them into persons (the
// caller, the person of concern, the others named), give each age and
// each fact to one person, and set the roles and ages the rules read.
// Steps, in order (BuildHousehold runs them all):
//   FindPersons   one Person per relation named (息子 twice = one; 長女 and
//                 長男 = two); the caller; "私は70歳の父親です" = one person
//   AssignAges    each age to its person; past ages apart; relative ages
//                 to no one; approaching ages ("80歳を目前に") now
//   AttachFacts   each fact to the person its clause is about
//   ChooseConcern the person of concern; roles; facts' subjects; age_of
//   SetResidences where each person lives (Niigata City / outside)
// Pure: no I/O.
#ifndef TSUNAGU_HOUSEHOLD_H_
#define TSUNAGU_HOUSEHOLD_H_

#include <vector>

#include "facts.h"
#include "model.h"
#include "numbers.h"

/// The relation a subject word names: key ("son", "mother", "self"...),
/// sex ('M', 'F', 0), and whether it names a group rather than one person
/// (家族, 世帯). `word` is in normalised form.
struct RelationOfWord {
  const char* key = "unknown";
  char sex = 0;
  bool group = false;
  bool caller = false;  // 私たち夫婦: the caller is among them
};
RelationOfWord RelationOf(std::string_view word, Subject subject);

/// Step 1: persons from u->subjects (sets SubjectMention::person; drops
/// subject words that are not persons here: reflexive 自分, 子 inside 様子),
/// and from the ages of numbers (clause_of[i] is numbers[i]'s clause) said
/// as a noun after my/our ("our 35-year-old hasn't…"), added as subject words.
void FindPersons(const std::vector<NumberMention>& numbers, const std::vector<int>& clause_of, Understanding* u);

/// Step 2: ages from the numbers found (clause_of[i] is numbers[i]'s
/// clause) into u->ages (with their person), durations into u->durations,
/// bare numbers no subject word claims into u->ignored_numbers. Marks the
/// bytes of numbers it understood in *covered (when given).
void AssignAges(const std::vector<NumberMention>& numbers, const std::vector<int>& clause_of, Understanding* u,
                std::vector<char>* covered);

/// Step 3: sets each phrase fact's person (and because).
void AttachFacts(const Model& model, Understanding* u);

/// Step 4: chooses u->concern, sets roles, resolves facts and ages said of
/// no one named, adds the given ages, sets each person's current and past
/// ages, the mentions' subjects and u->age_of.
void ChooseConcern(const Model& model, Understanding* u, const GivenAges* given);

/// Step 5: each person's residence from the place facts about them
/// (FactDef::outside, and the fact "in-niigata-city"); 同居 / "lives with"
/// shares the residence of the one they live with.
void SetResidences(const Model& model, Understanding* u);

/// All five steps, in order.
void BuildHousehold(const Model& model, const std::vector<NumberMention>& numbers, const std::vector<int>& clause_of,
                    const GivenAges* given, Understanding* u, std::vector<char>* covered);

/// True for a fact that only says where someone lives (no problem area).
bool IsPlaceFact(const Model& model, int fact);

/// For eligibility by residence: the mention that places the person of
/// concern outside `residence` when no one of the household is known to
/// live inside it (a centre serving city residents serves their families
/// living in the city too), else nullptr.
const FactMention* ConcernOutside(const Model& model, const Understanding& u, const std::string& residence);

/// The machine id of a reason ("marked", "topic", "quote"...), for JSON.
const char* BecauseId(Because because);
/// "niigata-city", "outside", or nullptr when unknown.
const char* ResidenceId(Person::Residence residence);

/// "self", "son"... in the language shown to the user ("本人", "息子"...).
std::string RelationLabel(const std::string& relation, Lang lang);

#endif  // TSUNAGU_HOUSEHOLD_H_
