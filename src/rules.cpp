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

// Fills *fired with the rules of list (rules or alerts) that hold, reusing
// its elements: batch runs this for every case.
template <typename RuleList>
void Fire(const RuleList& list, const Understanding& u, std::vector<Firing>* fired) {
  size_t n = 0;
  for (size_t i = 0; i < list.size(); ++i) {
    if (n == fired->size()) fired->emplace_back();
    Firing& f = (*fired)[n];
    if (Holds(list[i].when, u, false, &f.facts)) {
      f.index = static_cast<int>(i);
      ++n;
    }
  }
  fired->resize(n);
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

void FireRules(const Model& model, const Understanding& u, std::vector<Firing>* out) {
  Fire(model.rules, u, out);
}

void FireAlerts(const Model& model, const Understanding& u, std::vector<Firing>* out) {
  Fire(model.alerts, u, out);
}

std::vector<Firing> FireRules(const Model& model, const Understanding& u) {
  std::vector<Firing> out;
  FireRules(model, u, &out);
  return out;
}

std::vector<Firing> FireAlerts(const Model& model, const Understanding& u) {
  std::vector<Firing> out;
  FireAlerts(model, u, &out);
  return out;
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
