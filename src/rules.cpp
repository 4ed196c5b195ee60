#include "rules.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <unordered_set>

#include "spare.h"

namespace {

bool Present(const FactRef& ref, const Understanding& u, bool count_negated) {
  for (const FactMention& m : u.mentions)
    if (m.fact == ref.fact && (count_negated || !m.negated) && (ref.any_subject || m.subject == ref.subject))
      return true;
  return false;
}

// The facts a case states (not negated), one bit per subject: built once
// per case, so testing every rule is a lookup per fact, not a scan of the
// mentions per fact.
class StatedFacts {
 public:
  explicit StatedFacts(const Understanding& u) {
    for (const FactMention& m : u.mentions) count_ = std::max(count_, static_cast<size_t>(m.fact + 1));
    if (count_ > sizeof local_) {
      heap_.reset(new uint8_t[count_]);
      bits_ = heap_.get();
    }
    std::memset(bits_, 0, count_);
    for (const FactMention& m : u.mentions)
      if (!m.negated && m.fact >= 0) bits_[m.fact] |= static_cast<uint8_t>(1u << static_cast<int>(m.subject));
  }
  bool operator()(const FactRef& ref) const {
    if (ref.fact < 0 || static_cast<size_t>(ref.fact) >= count_) return false;
    const uint8_t b = bits_[ref.fact];
    return ref.any_subject ? b != 0 : ((b >> static_cast<int>(ref.subject)) & 1) != 0;
  }

 private:
  static_assert(kSubjectCount <= 8, "one bit per subject");
  size_t count_ = 0;  // facts 0..count_-1 may be stated; beyond, none is
  uint8_t local_[512];
  uint8_t* bits_ = local_;
  std::unique_ptr<uint8_t[]> heap_;
};

// True when the subject's known age range lies within [min, max].
bool AgeHolds(const AgeCondition& c, const Understanding& u) {
  AgeRange r = u.AgeOf(c.subject);
  if (!r.known()) return false;
  return (c.min < 0 || r.lo >= c.min) && (c.max < 0 || r.hi <= c.max);
}

// The facts of a condition that holds that its all and any parts used.
template <typename IsPresent>
void UsedFacts(const Condition& when, bool count_negated, const IsPresent& present, std::vector<int>* used) {
  used->clear();
  for (const FactRef& ref : when.all) used->push_back(ref.fact);
  for (const FactRef& ref : when.any)
    if (present(ref, count_negated)) used->push_back(ref.fact);
}

// Holds, with present(ref, count_negated) telling whether a fact is there.
template <typename IsPresent>
bool HoldsWith(const Condition& when, const Understanding& u, bool count_negated, const IsPresent& present,
               std::vector<int>* used_facts) {
  // Decided first, with nothing allocated: a case is tested against every
  // rule and most do not hold.
  for (const FactRef& ref : when.all)
    if (!present(ref, count_negated)) return false;
  bool any = when.any.empty();
  for (size_t i = 0; i < when.any.size() && !any; ++i) any = present(when.any[i], count_negated);
  if (!any) return false;
  for (const FactRef& ref : when.none)
    if (present(ref, false)) return false;
  for (const AgeCondition& age : when.ages)
    if (!AgeHolds(age, u)) return false;
  if (used_facts) UsedFacts(when, count_negated, present, used_facts);
  return true;
}

// Compiled condition i (the non-zero words of its all, any and none sets)
// against the stated facts: the same answer as HoldsWith for a condition
// with no age part and no fact about one subject. No branch per fact, and
// no work for the words of facts it does not name.
bool SetsHold(const CompiledConditions& c, size_t i, const uint64_t* stated) {
  uint64_t missing = 0, any_wanted = 0, any_found = 0, excluded = 0;
  for (uint32_t e = c.set_begin[i]; e < c.set_begin[i + 1]; ++e) {
    const uint64_t s = stated[c.set_word[e]];
    const uint64_t* sets = &c.set_bits[3 * static_cast<size_t>(e)];
    missing |= sets[0] & ~s;
    any_wanted |= sets[1];
    any_found |= sets[1] & s;
    excluded |= sets[2] & s;
  }
  return (missing | excluded) == 0 && (any_wanted == 0 || any_found != 0);
}

// Fills *fired with the rules of list (rules or alerts) that hold, reusing
// its elements: batch runs this for every case. With conditions compiled
// by an index that describes the model (RuleIndex::Describes), only those
// keyed by a stated fact (and the unkeyed) are tested, as bitsets where
// they can be; otherwise every one the long way.
template <typename RuleList>
void Fire(const RuleList& list, const CompiledConditions& compiled, bool describes, const Understanding& u,
          std::vector<Firing>* fired) {
  const StatedFacts stated(u);
  auto present = [&stated](const FactRef& ref, bool) { return stated(ref); };
  const bool use_compiled = describes && compiled.key_start.size() > 0;
  thread_local std::vector<uint64_t> stated_bits;
  thread_local std::vector<uint32_t> candidates;
  candidates.clear();
  if (use_compiled) {
    stated_bits.assign(compiled.words, 0);
    const size_t facts = compiled.key_start.size() - 1;
    for (const FactMention& m : u.mentions) {
      if (m.negated || m.fact < 0 || static_cast<size_t>(m.fact) >= facts) continue;
      uint64_t& word = stated_bits[m.fact / 64];
      const uint64_t bit = uint64_t{1} << (m.fact % 64);
      if (word & bit) continue;  // its conditions are in already
      word |= bit;
      candidates.insert(candidates.end(), compiled.keyed.begin() + compiled.key_start[m.fact],
                        compiled.keyed.begin() + compiled.key_start[m.fact + 1]);
    }
    candidates.insert(candidates.end(), compiled.unkeyed.begin(), compiled.unkeyed.end());
    std::sort(candidates.begin(), candidates.end());  // file order
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  } else {
    for (size_t i = 0; i < list.size(); ++i) candidates.push_back(static_cast<uint32_t>(i));
  }
  thread_local std::vector<Firing> spare;  // see spare.h
  size_t n = 0;
  for (uint32_t i : candidates) {
    const Condition& when = list[i].when;
    bool holds;
    if (!use_compiled || compiled.general[i]) holds = HoldsWith(when, u, false, present, nullptr);
    else holds = SetsHold(compiled, i, stated_bits.data());
    if (!holds) continue;
    if (n == fired->size()) AppendFromSpare(fired, &spare);
    Firing& f = (*fired)[n++];
    f.index = static_cast<int>(i);
    UsedFacts(when, false, present, &f.facts);
  }
  ShrinkToSpare(fired, n, &spare);
}

}  // namespace

bool Holds(const Condition& when, const Understanding& u, bool count_negated, std::vector<int>* used_facts) {
  auto present = [&u](const FactRef& ref, bool negated_counts) { return Present(ref, u, negated_counts); };
  return HoldsWith(when, u, count_negated, present, used_facts);
}

void FireRules(const Model& model, const RuleIndex& index, const Understanding& u, std::vector<Firing>* out) {
  Fire(model.rules, index.rules(), index.Describes(model), u, out);
}

void FireAlerts(const Model& model, const RuleIndex& index, const Understanding& u, std::vector<Firing>* out) {
  Fire(model.alerts, index.alerts(), index.Describes(model), u, out);
}

std::vector<const FactMention*> AlertMentions(const Model& model, const Understanding& u, const Firing& f) {
  std::vector<const FactMention*> out;
  const Condition& when = model.alerts[f.index].when;
  auto named = [&](const FactMention& m) {
    for (const std::vector<FactRef>* part : {&when.all, &when.any})
      for (const FactRef& ref : *part)
        if (ref.fact == m.fact && (ref.any_subject || ref.subject == m.subject)) return true;
    return false;
  };
  for (const FactMention& m : u.mentions)
    if (!m.negated && named(m)) out.push_back(&m);
  std::stable_sort(out.begin(), out.end(), [](const FactMention* a, const FactMention* b) {
    // Words from the text before facts an age implies.
    const bool pa = a->origin == FactMention::kPhrase, pb = b->origin == FactMention::kPhrase;
    if (pa != pb) return pa;
    return a->clause != b->clause ? a->clause < b->clause : a->begin < b->begin;
  });
  // The same words said again add nothing to an alert ("暴力をふるう" ten
  // times is one reason); a long case must not make the box a page long.
  std::unordered_set<std::string_view> seen;
  out.erase(std::remove_if(out.begin(), out.end(), [&](const FactMention* m) { return !seen.insert(m->words).second; }),
            out.end());
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
