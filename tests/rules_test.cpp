// Tests for src/rules.h: conditions (all/any/none/age, subject-restricted
// references), firing rules and alerts, and the gaps of a failed condition.
// Understandings are built by hand, so only the rule logic is under test.
#include "rules.h"

#include <doctest/doctest.h>

#include <utility>
#include <vector>

#include "embedded.h"

namespace {

// The rules and alerts that hold, with an index of the model as it is now.
std::vector<Firing> FiredRules(const Model& model, const RuleIndex& index, const Understanding& u) {
  std::vector<Firing> out;
  FireRules(model, index, u, &out);
  return out;
}
std::vector<Firing> FiredRules(const Model& model, const Understanding& u) {
  return FiredRules(model, RuleIndex(model), u);
}
std::vector<Firing> FiredAlerts(const Model& model, const Understanding& u) {
  std::vector<Firing> out;
  FireAlerts(model, RuleIndex(model), u, &out);
  return out;
}

enum { kWithdrawn, kUnemployed, kCare, kDisability, kSuicidal, kNoCare, kFactCount };

FactRef Ref(int fact) {
  FactRef r;
  r.fact = fact;
  return r;
}

FactRef RefAbout(int fact, Subject s) {
  FactRef r;
  r.fact = fact;
  r.any_subject = false;
  r.subject = s;
  return r;
}

AgeCondition Age(Subject s, int min, int max) {
  AgeCondition a;
  a.subject = s;
  a.min = min;
  a.max = max;
  return a;
}

struct Case {
  Understanding u;
  Case& Fact(int fact, Subject s = Subject::kPerson, bool negated = false) {
    FactMention m;
    m.fact = fact;
    m.subject = s;
    m.negated = negated;
    u.mentions.push_back(m);
    return *this;
  }
  Case& AgeOf(Subject s, int lo, int hi) {
    u.age_of[static_cast<int>(s)] = AgeRange{lo, hi};
    return *this;
  }
};

bool HoldsFor(const Condition& c, const Case& k, std::vector<int>* used = nullptr) {
  return Holds(c, k.u, false, used);
}

}  // namespace

TEST_CASE("Holds: all needs every fact, not negated") {
  Condition c;
  c.all = {Ref(kWithdrawn), Ref(kUnemployed)};
  CHECK(HoldsFor(c, Case().Fact(kWithdrawn).Fact(kUnemployed)));
  CHECK_FALSE(HoldsFor(c, Case().Fact(kWithdrawn)));
  CHECK_FALSE(HoldsFor(c, Case().Fact(kWithdrawn).Fact(kUnemployed, Subject::kPerson, true)));
  CHECK_FALSE(HoldsFor(c, Case()));
}

TEST_CASE("Holds: any needs at least one") {
  Condition c;
  c.any = {Ref(kWithdrawn), Ref(kUnemployed)};
  CHECK(HoldsFor(c, Case().Fact(kUnemployed)));
  CHECK(HoldsFor(c, Case().Fact(kWithdrawn).Fact(kUnemployed)));
  CHECK_FALSE(HoldsFor(c, Case().Fact(kCare)));
  CHECK_FALSE(HoldsFor(c, Case().Fact(kWithdrawn, Subject::kPerson, true)));
}

TEST_CASE("Holds: none fails when any listed fact is present") {
  Condition c;
  c.all = {Ref(kCare)};
  c.none = {Ref(kNoCare)};
  CHECK(HoldsFor(c, Case().Fact(kCare)));
  CHECK_FALSE(HoldsFor(c, Case().Fact(kCare).Fact(kNoCare)));
  // A negated mention is not present.
  CHECK(HoldsFor(c, Case().Fact(kCare).Fact(kNoCare, Subject::kPerson, true)));
}

TEST_CASE("Holds: none ignores negated mentions even with count_negated") {
  Condition c;
  c.any = {Ref(kSuicidal)};
  c.none = {Ref(kNoCare)};
  Case k = Case().Fact(kSuicidal).Fact(kNoCare, Subject::kPerson, true);
  CHECK(Holds(c, k.u, true, nullptr));
}

TEST_CASE("Holds: count_negated counts negated mentions for all/any") {
  Condition c;
  c.any = {Ref(kSuicidal)};
  Case k = Case().Fact(kSuicidal, Subject::kPerson, true);
  CHECK_FALSE(Holds(c, k.u, false, nullptr));
  CHECK(Holds(c, k.u, true, nullptr));
}

TEST_CASE("Holds: a subject-restricted reference (fact@parent)") {
  Condition c;
  c.all = {RefAbout(kCare, Subject::kParent)};
  CHECK(HoldsFor(c, Case().Fact(kCare, Subject::kParent)));
  CHECK_FALSE(HoldsFor(c, Case().Fact(kCare, Subject::kPerson)));
  CHECK_FALSE(HoldsFor(c, Case().Fact(kCare, Subject::kParent, true)));
  // An unrestricted reference accepts any subject.
  Condition any_subject;
  any_subject.all = {Ref(kCare)};
  CHECK(HoldsFor(any_subject, Case().Fact(kCare, Subject::kNeighbour)));
  // In none, too.
  Condition not_parent;
  not_parent.any = {Ref(kWithdrawn)};
  not_parent.none = {RefAbout(kWithdrawn, Subject::kParent)};
  CHECK(HoldsFor(not_parent, Case().Fact(kWithdrawn, Subject::kPerson)));
  CHECK_FALSE(HoldsFor(not_parent, Case().Fact(kWithdrawn, Subject::kParent)));
}

TEST_CASE("Holds: age conditions need a known age range inside the limits") {
  Condition c;
  c.any = {Ref(kWithdrawn)};
  c.ages = {Age(Subject::kPerson, 40, 64)};
  CHECK(HoldsFor(c, Case().Fact(kWithdrawn).AgeOf(Subject::kPerson, 52, 52)));
  CHECK(HoldsFor(c, Case().Fact(kWithdrawn).AgeOf(Subject::kPerson, 40, 49)));
  CHECK(HoldsFor(c, Case().Fact(kWithdrawn).AgeOf(Subject::kPerson, 40, 64)));
  CHECK_FALSE(HoldsFor(c, Case().Fact(kWithdrawn).AgeOf(Subject::kPerson, 35, 44)));  // straddles
  CHECK_FALSE(HoldsFor(c, Case().Fact(kWithdrawn).AgeOf(Subject::kPerson, 65, 65)));
  CHECK_FALSE(HoldsFor(c, Case().Fact(kWithdrawn)));                                  // unknown
  CHECK_FALSE(HoldsFor(c, Case().Fact(kWithdrawn).AgeOf(Subject::kParent, 52, 52)));  // someone else's
}

TEST_CASE("Holds: open-ended age limits and an age-only condition") {
  Condition c;
  c.ages = {Age(Subject::kParent, 65, -1)};
  CHECK(HoldsFor(c, Case().AgeOf(Subject::kParent, 80, 89)));
  CHECK(HoldsFor(c, Case().AgeOf(Subject::kParent, 81, 120)));
  CHECK_FALSE(HoldsFor(c, Case().AgeOf(Subject::kParent, 60, 69)));
  Condition young;
  young.ages = {Age(Subject::kPerson, -1, 49)};
  CHECK(HoldsFor(young, Case().AgeOf(Subject::kPerson, 0, 29)));
  CHECK_FALSE(HoldsFor(young, Case().AgeOf(Subject::kPerson, 50, 50)));
}

TEST_CASE("Holds: several age conditions must all hold") {
  Condition c;
  c.ages = {Age(Subject::kParent, 65, -1), Age(Subject::kPerson, 40, 64)};
  CHECK(HoldsFor(c, Case().AgeOf(Subject::kParent, 80, 89).AgeOf(Subject::kPerson, 50, 59)));
  CHECK_FALSE(HoldsFor(c, Case().AgeOf(Subject::kParent, 80, 89)));
}

TEST_CASE("Holds: all parts together, and the facts used") {
  Condition c;
  c.all = {Ref(kWithdrawn)};
  c.any = {Ref(kUnemployed), Ref(kCare), Ref(kDisability)};
  c.none = {Ref(kNoCare)};
  std::vector<int> used = {99};
  CHECK(HoldsFor(c, Case().Fact(kWithdrawn).Fact(kDisability).Fact(kUnemployed), &used));
  CHECK(used == std::vector<int>{kWithdrawn, kUnemployed, kDisability});  // condition order
  // On failure used_facts is left alone.
  std::vector<int> untouched = {7};
  CHECK_FALSE(HoldsFor(c, Case().Fact(kWithdrawn), &untouched));
  CHECK(untouched == std::vector<int>{7});
  CHECK(HoldsFor(c, Case().Fact(kWithdrawn).Fact(kCare), nullptr));
}

TEST_CASE("Holds: an empty condition holds") { CHECK(HoldsFor(Condition(), Case())); }

TEST_CASE("FireRules and FireAlerts: the rules that hold, in file order") {
  Model model;
  model.facts.edit().resize(kFactCount);
  for (int i = 0; i < 3; ++i) {
    Rule r;
    r.id = "rule-" + std::to_string(i);
    model.rules.push_back(r);
  }
  model.rules.edit()[0].when.any = {Ref(kCare)};
  model.rules.edit()[1].when.all = {Ref(kWithdrawn)};
  model.rules.edit()[2].when.any = {Ref(kWithdrawn), Ref(kUnemployed)};
  AlertRule alert;
  alert.id = "alert-suicide";
  alert.when.any = {Ref(kSuicidal)};
  model.alerts.push_back(alert);

  Case k = Case().Fact(kUnemployed).Fact(kWithdrawn).Fact(kSuicidal, Subject::kPerson, true);
  std::vector<Firing> rules = FiredRules(model, k.u);
  REQUIRE(rules.size() == 2);
  CHECK(rules[0].index == 1);
  CHECK(rules[0].facts == std::vector<int>{kWithdrawn});
  CHECK(rules[1].index == 2);
  CHECK(rules[1].facts == std::vector<int>{kWithdrawn, kUnemployed});

  // A firm negation ("isn't suicidal") does not alert; an unnegated mention does.
  CHECK(FiredAlerts(model, k.u).empty());
  std::vector<Firing> alerts = FiredAlerts(model, Case().Fact(kUnemployed).Fact(kSuicidal).u);
  REQUIRE(alerts.size() == 1);
  CHECK(alerts[0].index == 0);
  CHECK(alerts[0].facts == std::vector<int>{kSuicidal});

  CHECK(FiredRules(model, Case().u).empty());
  CHECK(FiredAlerts(model, Case().u).empty());
}

TEST_CASE("FindGaps: nothing missing when the condition holds") {
  Condition c;
  c.all = {Ref(kWithdrawn)};
  c.ages = {Age(Subject::kPerson, 40, 64)};
  CHECK(FindGaps(c, Case().Fact(kWithdrawn).AgeOf(Subject::kPerson, 50, 59).u).empty());
}

TEST_CASE("FindGaps: one gap per missing all-fact") {
  Condition c;
  c.all = {Ref(kWithdrawn), RefAbout(kCare, Subject::kParent), Ref(kUnemployed)};
  std::vector<ConditionGap> gaps = FindGaps(c, Case().Fact(kUnemployed).Fact(kCare, Subject::kPerson).u);
  REQUIRE(gaps.size() == 2);
  CHECK(gaps[0].kind == ConditionGap::kMissingAll);
  REQUIRE(gaps[0].facts.size() == 1);
  CHECK(gaps[0].facts[0].fact == kWithdrawn);
  CHECK(gaps[1].kind == ConditionGap::kMissingAll);
  CHECK(gaps[1].facts[0].fact == kCare);
  CHECK_FALSE(gaps[1].facts[0].any_subject);
  CHECK(gaps[1].facts[0].subject == Subject::kParent);
}

TEST_CASE("FindGaps: one gap listing all the any-facts when none is present") {
  Condition c;
  c.any = {Ref(kUnemployed), Ref(kDisability)};
  std::vector<ConditionGap> gaps = FindGaps(c, Case().Fact(kUnemployed, Subject::kPerson, true).u);
  REQUIRE(gaps.size() == 1);
  CHECK(gaps[0].kind == ConditionGap::kMissingAny);
  REQUIRE(gaps[0].facts.size() == 2);
  CHECK(gaps[0].facts[0].fact == kUnemployed);
  CHECK(gaps[0].facts[1].fact == kDisability);
  CHECK(FindGaps(c, Case().Fact(kDisability).u).empty());
}

TEST_CASE("FindGaps: a present none-fact") {
  Condition c;
  c.any = {Ref(kCare)};
  c.none = {Ref(kNoCare), Ref(kDisability)};
  std::vector<ConditionGap> gaps = FindGaps(c, Case().Fact(kCare).Fact(kNoCare).u);
  REQUIRE(gaps.size() == 1);
  CHECK(gaps[0].kind == ConditionGap::kPresentNone);
  CHECK(gaps[0].facts[0].fact == kNoCare);
}

TEST_CASE("FindGaps: unknown age and age outside the limits") {
  Condition c;
  c.ages = {Age(Subject::kPerson, -1, 49), Age(Subject::kParent, 65, -1)};
  std::vector<ConditionGap> gaps = FindGaps(c, Case().AgeOf(Subject::kPerson, 52, 52).u);
  REQUIRE(gaps.size() == 2);
  CHECK(gaps[0].kind == ConditionGap::kAgeOutside);
  CHECK(gaps[0].age.max == 49);
  CHECK(gaps[0].actual.lo == 52);
  CHECK(gaps[0].actual.hi == 52);
  CHECK(gaps[1].kind == ConditionGap::kAgeUnknown);
  CHECK(gaps[1].age.subject == Subject::kParent);
  CHECK_FALSE(gaps[1].actual.known());
}

TEST_CASE("FindGaps: every kind at once, in condition order") {
  Condition c;
  c.all = {Ref(kWithdrawn)};
  c.any = {Ref(kUnemployed)};
  c.none = {Ref(kNoCare)};
  c.ages = {Age(Subject::kPerson, 40, 64), Age(Subject::kParent, 65, -1)};
  Case k = Case().Fact(kNoCare).AgeOf(Subject::kPerson, 30, 30);
  std::vector<ConditionGap> gaps = FindGaps(c, k.u);
  REQUIRE(gaps.size() == 5);
  CHECK(gaps[0].kind == ConditionGap::kMissingAll);
  CHECK(gaps[1].kind == ConditionGap::kMissingAny);
  CHECK(gaps[2].kind == ConditionGap::kPresentNone);
  CHECK(gaps[3].kind == ConditionGap::kAgeOutside);
  CHECK(gaps[4].kind == ConditionGap::kAgeUnknown);
  CHECK_FALSE(Holds(c, k.u, false, nullptr));
}

namespace {

// The firings computed the long way: Holds on every condition in order.
template <typename RuleList>
std::vector<std::pair<int, std::vector<int>>> Reference(const RuleList& list, const Understanding& u) {
  std::vector<std::pair<int, std::vector<int>>> out;
  for (size_t i = 0; i < list.size(); ++i) {
    std::vector<int> used;
    if (Holds(list[i].when, u, false, &used)) out.push_back({static_cast<int>(i), used});
  }
  return out;
}

std::vector<std::pair<int, std::vector<int>>> Flat(const std::vector<Firing>& fired) {
  std::vector<std::pair<int, std::vector<int>>> out;
  for (const Firing& f : fired) out.push_back({f.index, f.facts});
  return out;
}

// A random case over fact_count facts: a few mentions, some negated, some
// about other subjects, sometimes known ages.
Understanding RandomCase(uint32_t* seed, int fact_count) {
  auto next = [seed](uint32_t n) {
    *seed = *seed * 1664525u + 1013904223u;
    return (*seed >> 8) % n;
  };
  Case k;
  for (uint32_t m = next(7); m > 0; --m)
    k.Fact(static_cast<int>(next(fact_count)), static_cast<Subject>(next(kSubjectCount)), next(4) == 0);
  if (next(3) == 0) k.AgeOf(Subject::kPerson, 20 + next(30), 50 + next(30));
  if (next(3) == 0) k.AgeOf(Subject::kParent, 60 + next(20), 80 + next(20));
  return k.u;
}

// Conditions drawn at random over fact_count facts, a few with ages or
// facts about one subject (those take the long way).
Condition RandomCondition(uint32_t* seed, int fact_count) {
  auto next = [seed](uint32_t n) {
    *seed = *seed * 22695477u + 1u;
    return (*seed >> 8) % n;
  };
  auto refs = [&](uint32_t most) {
    std::vector<FactRef> out;
    for (uint32_t i = next(most + 1); i > 0; --i) {
      int fact = static_cast<int>(next(fact_count));
      out.push_back(next(8) == 0 ? RefAbout(fact, static_cast<Subject>(next(kSubjectCount))) : Ref(fact));
    }
    return out;
  };
  Condition c;
  c.all = refs(2);
  c.any = refs(3);
  c.none = refs(1);
  if (next(8) == 0) c.ages = {Age(Subject::kPerson, 30, 60)};
  return c;
}

void CheckCompiledAgreesWithHolds(int fact_count, uint32_t seed) {
  Model model;
  model.facts.edit().resize(static_cast<size_t>(fact_count));
  for (int i = 0; i < 200; ++i) {
    Rule r;
    r.when = RandomCondition(&seed, fact_count);
    model.rules.push_back(r);
    if (i % 10 == 0) {
      AlertRule a;
      a.when = RandomCondition(&seed, fact_count);
      model.alerts.push_back(a);
    }
  }
  const RuleIndex index(model);
  const RuleIndex none;        // an index of no model: every condition the long way
  std::vector<Firing> reused;  // batch's way: one vector refilled case after case
  size_t fired = 0;
  for (int n = 0; n < 2000; ++n) {
    Understanding u = RandomCase(&seed, fact_count);
    auto expected = Reference(model.rules, u);
    fired += expected.size();
    FireRules(model, index, u, &reused);
    INFO("case " << n);
    CHECK(Flat(reused) == expected);
    CHECK(Flat(FiredRules(model, none, u)) == expected);
    CHECK(Flat(FiredAlerts(model, u)) == Reference(model.alerts, u));
  }
  CHECK(fired > 1000);  // the random cases do fire rules
}

}  // namespace

TEST_CASE("FireRules: compiled conditions agree with Holds (44 facts: one word)") {
  CheckCompiledAgreesWithHolds(44, 1);
}

TEST_CASE("FireRules: compiled conditions agree with Holds (200 facts: several words)") {
  CheckCompiledAgreesWithHolds(200, 7);
}

TEST_CASE("FireRules: indexed by fact past the old 512-fact cap (1000 facts), still as Holds") {
  CheckCompiledAgreesWithHolds(1000, 11);
}

TEST_CASE("RuleIndex: built from the shipped model; rules edited after it are tested the long way") {
  Model model;
  REQUIRE(LoadEmbeddedModel(&model).ok());
  const RuleIndex index(model);
  CHECK(index.rules().count == model.rules.size());
  CHECK(index.alerts().count == model.alerts.size());
  CHECK(index.facts() == model.facts.size());
  Understanding u;
  FactMention m;
  m.fact = model.FindFact("hikikomori");
  REQUIRE(m.fact >= 0);
  u.mentions.push_back(m);
  CHECK(Flat(FiredRules(model, index, u)) == Reference(model.rules, u));
  CHECK_FALSE(FiredRules(model, index, u).empty());
  // Grown after the index was built: it no longer describes the list.
  model.rules.push_back(model.rules[0]);
  model.rules.edit().back().when.any.clear();
  model.rules.edit().back().when.all = {Ref(m.fact)};
  CHECK(Flat(FiredRules(model, index, u)) == Reference(model.rules, u));
}

TEST_CASE("AlertMentions: the words that raised an alert, about the subject it asks for, in text order") {
  Model model;
  Lexicon lexicon;
  REQUIRE(LoadEmbeddedModel(&model).ok());
  REQUIRE(LoadEmbeddedLexicon(&lexicon).ok());
  Understanding u;
  REQUIRE(Understand(model, lexicon, RuleIndex(model), "息子が暴れる。母の通帳を取り上げ、八十代の母親に手を上げる", &u)
              .ok());
  std::vector<Firing> alerts = FiredAlerts(model, u);
  const Firing* elder = nullptr;
  for (const Firing& f : alerts)
    if (model.alerts[f.index].id == "alert-elder-abuse") elder = &f;
  REQUIRE(elder != nullptr);
  std::vector<const FactMention*> said = AlertMentions(model, u, *elder);
  // 暴れる is about the son: the elder-abuse alert asks for violence about a parent.
  REQUIRE(said.size() == 2);
  CHECK(said[0]->words == "通帳を取り上げ");
  CHECK(said[1]->words == "手を上げる");
  CHECK(said[1]->subject == Subject::kParent);
  CHECK(model.alerts[elder->index].first_contact == model.FindAgency("houkatsu"));
}
