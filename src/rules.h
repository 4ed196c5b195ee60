// Rules: which routing and alert rules a case satisfies, and with which
// facts. Pure functions over the model and an Understanding.
//
// Threading: safe on many threads with one model. The *out overloads keep
// spare Firing storage per thread (thread_local, spare.h) so batch does not
// allocate per case. The RuleIndex (rule_index.h) is the model's, built
// from it: after editing rules, build it again.
// Errors: none of these fail. AlertMentions points into the Understanding:
// valid while it lives unchanged.
#ifndef TSUNAGU_RULES_H_
#define TSUNAGU_RULES_H_

#include <vector>

#include "facts.h"
#include "model.h"
#include "rule_index.h"

/// A rule or alert that fired, with the facts that satisfied it.
struct Firing {
  int index = -1;          // into Model::rules or Model::alerts
  std::vector<int> facts;  // the facts its all/any parts used
};

/// Evaluates a condition; used_facts gets the facts its all/any parts used.
/// With count_negated, a negated mention counts as present.
bool Holds(const Condition& when, const Understanding& u, bool count_negated, std::vector<int>* used_facts);

/// The routing rules that hold, in file order, into *out (reusing its
/// storage: batch runs this per case).
void FireRules(const Model& model, const RuleIndex& index, const Understanding& u, std::vector<Firing>* out);

/// The alert rules that hold, in file order. A firm negation ("isn't
/// violent") does not alert; a hedged one ("しないと思う") is not a negation.
void FireAlerts(const Model& model, const RuleIndex& index, const Understanding& u, std::vector<Firing>* out);

/// The stated mentions that raised an alert: those of the facts its all and
/// any parts name, about the subject a part asks for, in text order. The
/// first one's subject is who is at risk.
std::vector<const FactMention*> AlertMentions(const Model& model, const Understanding& u, const Firing& f);

/// Why a condition fails, part by part, for explain and --why-not.
struct ConditionGap {
  enum Kind { kMissingAll, kMissingAny, kPresentNone, kAgeUnknown, kAgeOutside } kind;
  std::vector<FactRef> facts;  // the facts concerned
  AgeCondition age;            // for age kinds
  AgeRange actual;             // the known age, for kAgeOutside
};
std::vector<ConditionGap> FindGaps(const Condition& when, const Understanding& u);

#endif  // TSUNAGU_RULES_H_
