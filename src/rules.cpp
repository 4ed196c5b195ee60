#include "rules.h"

namespace {

bool Present(const FactRef& ref, const Understanding& u, bool count_negated) {
  for (const FactMention& m : u.mentions)
    if (m.fact == ref.fact && (count_negated || !m.negated) &&
        (ref.any_subject || m.subject == ref.subject))
      return true;
  return false;
}

// True when the subject's known age range lies within [min, max].
bool AgeHolds(const AgeCondition& c, const Understanding& u) {
  AgeRange r = u.AgeOf(c.subject);
  if (!r.known()) return false;
  return (c.min < 0 || r.lo >= c.min) && (c.max < 0 || r.hi <= c.max);
}

std::vector<Firing> Fire(const std::vector<const Condition*>& conditions, const Understanding& u,
                         bool count_negated) {
  std::vector<Firing> fired;
  Firing f;
  for (size_t i = 0; i < conditions.size(); ++i) {
    f.index = static_cast<int>(i);
    if (Holds(*conditions[i], u, count_negated, &f.facts)) fired.push_back(std::move(f));
  }
  return fired;
}

}  // namespace

bool Holds(const Condition& when, const Understanding& u, bool count_negated,
           std::vector<int>* used_facts) {
  // Decided first, with nothing allocated: a case is tested against every
  // rule and most do not hold.
  for (const FactRef& ref : when.all)
    if (!Present(ref, u, count_negated)) return false;
  bool any = when.any.empty();
  for (size_t i = 0; i < when.any.size() && !any; ++i) any = Present(when.any[i], u, count_negated);
  if (!any) return false;
  for (const FactRef& ref : when.none)
    if (Present(ref, u, false)) return false;
  for (const AgeCondition& age : when.ages)
    if (!AgeHolds(age, u)) return false;
  if (used_facts) {
    used_facts->clear();
    for (const FactRef& ref : when.all) used_facts->push_back(ref.fact);
    for (const FactRef& ref : when.any)
      if (Present(ref, u, count_negated)) used_facts->push_back(ref.fact);
  }
  return true;
}

std::vector<Firing> FireRules(const Model& model, const Understanding& u) {
  std::vector<const Condition*> conditions;
  for (const Rule& r : model.rules) conditions.push_back(&r.when);
  return Fire(conditions, u, false);
}

std::vector<Firing> FireAlerts(const Model& model, const Understanding& u) {
  std::vector<const Condition*> conditions;
  for (const AlertRule& a : model.alerts) conditions.push_back(&a.when);
  return Fire(conditions, u, false);
}

std::vector<ConditionGap> FindGaps(const Condition& when, const Understanding& u) {
  std::vector<ConditionGap> gaps;
  for (const FactRef& ref : when.all)
    if (!Present(ref, u, false)) gaps.push_back({ConditionGap::kMissingAll, {ref}, {}, {}});
  if (!when.any.empty()) {
    bool any = false;
    for (const FactRef& ref : when.any) any = any || Present(ref, u, false);
    if (!any) gaps.push_back({ConditionGap::kMissingAny, when.any, {}, {}});
  }
  for (const FactRef& ref : when.none)
    if (Present(ref, u, false)) gaps.push_back({ConditionGap::kPresentNone, {ref}, {}, {}});
  for (const AgeCondition& age : when.ages) {
    AgeRange r = u.AgeOf(age.subject);
    if (!r.known()) gaps.push_back({ConditionGap::kAgeUnknown, {}, age, r});
    else if (!AgeHolds(age, u)) gaps.push_back({ConditionGap::kAgeOutside, {}, age, r});
  }
  return gaps;
}
