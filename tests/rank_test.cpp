// Tests for src/rank.h: scores, roles, tie-breaks, eligibility, the team
// convener and the fallback. The model and the understanding are built by
// hand, so only the ranking is under test.
#include "rank.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

enum { kCenter, kYouth, kCare, kConvener, kMoney };  // agency indexes, data order
enum { kWithdrawn, kCareNeeded, kHardship, kWork };  // fact indexes

Model MakeModel() {
  Model m;
  auto agency = [&](const std::string& id, std::vector<std::string> roles) {
    Agency a;
    a.id = id;
    a.name = {id + "-ja", id + "-en"};
    for (const std::string& r : roles) a.roles.push_back({r, {r + "-ja", r + "-en"}});
    m.agencies.push_back(a);
  };
  agency("center", {"general", "family", "programs"});
  agency("youth", {"discovery", "work"});
  agency("care", {"care-plan"});
  agency("convener", {"general", "convene"});
  agency("money", {"hardship"});
  m.agencies[kYouth].eligibility.max_age = 49;
  auto fact = [&](const std::string& id, const std::string& area) {
    FactDef f;
    f.id = id;
    f.area = area;
    m.facts.push_back(f);
  };
  fact("withdrawn", "withdrawal");
  fact("care-needed", "care");
  fact("hardship", "money");
  fact("wants-work", "work");
  m.team.convener = kConvener;
  m.team.convener_role = 1;
  m.team.convener_weight = 15;
  m.team.multi_issue_areas = 2;
  Target f1{kCenter, {0, 1}, 1}, f2{kConvener, {0}, 1};
  m.fallback = {f1, f2};
  return m;
}

// Adds a rule bringing in targets; returns its index.
int AddRule(Model* m, const std::string& id, std::vector<Target> to) {
  Rule r;
  r.id = id;
  r.to = std::move(to);
  m->rules.push_back(r);
  return static_cast<int>(m->rules.size()) - 1;
}

int AddAlert(Model* m, const std::string& id, std::vector<Target> to) {
  AlertRule a;
  a.id = id;
  a.to = std::move(to);
  m->alerts.push_back(a);
  return static_cast<int>(m->alerts.size()) - 1;
}

Firing Fired(int index) {
  Firing f;
  f.index = index;
  return f;
}

struct Case {
  Understanding u;
  Case& Fact(int fact, bool negated = false) {
    FactMention m;
    m.fact = fact;
    m.negated = negated;
    u.mentions.push_back(m);
    return *this;
  }
  Case& PersonAge(int lo, int hi) {
    u.age_of[static_cast<int>(Subject::kPerson)] = AgeRange{lo, hi};
    return *this;
  }
};

std::vector<int> Order(const Ranking& r) {
  std::vector<int> out;
  for (const RankedAgency& a : r.agencies) out.push_back(a.agency);
  return out;
}

const RankedAgency* Find(const Ranking& r, int agency) {
  for (const RankedAgency& a : r.agencies)
    if (a.agency == agency) return &a;
  return nullptr;
}

}  // namespace

TEST_CASE("Rank: an agency's score is the sum of its rules' weights") {
  Model m = MakeModel();
  int a = AddRule(&m, "rule-a", {Target{kCenter, {0}, 30}, Target{kCare, {0}, 10}});
  int b = AddRule(&m, "rule-b", {Target{kCenter, {2}, 20}});
  Ranking r = Rank(m, Case().Fact(kWithdrawn).u, {Fired(a), Fired(b)}, {});
  REQUIRE(r.agencies.size() == 2);
  const RankedAgency& center = r.agencies[0];
  CHECK(center.agency == kCenter);
  CHECK(center.score == 50);
  CHECK(center.rank == 1);
  REQUIRE(center.parts.size() == 2);
  CHECK(center.parts[0].source == "rule-a");
  CHECK(center.parts[0].weight == 30);
  CHECK(center.parts[1].source == "rule-b");
  CHECK(center.parts[1].weight == 20);
  CHECK(center.reasons == std::vector<std::string_view>{"rule-a", "rule-b"});
  CHECK(r.agencies[1].agency == kCare);
  CHECK(r.agencies[1].score == 10);
  CHECK(r.agencies[1].rank == 2);
  CHECK_FALSE(r.fallback);
  CHECK(r.team.first_contact == kCenter);
}

TEST_CASE("Rank: roles are merged without duplicates, first seen first") {
  Model m = MakeModel();
  int a = AddRule(&m, "rule-a", {Target{kCenter, {1, 0}, 10}});
  int b = AddRule(&m, "rule-b", {Target{kCenter, {0, 2}, 10}});
  int c = AddRule(&m, "rule-c", {Target{kCenter, {1}, 10}});
  Ranking r = Rank(m, Case().Fact(kWithdrawn).u, {Fired(a), Fired(b), Fired(c)}, {});
  REQUIRE(r.agencies.size() == 1);
  CHECK(r.agencies[0].roles == std::vector<int>{1, 0, 2});
  CHECK(r.agencies[0].score == 30);
}

TEST_CASE("Rank: higher score first, ties in data order") {
  Model m = MakeModel();
  // Fired in the reverse of data order, equal weights.
  int a = AddRule(&m, "rule-money", {Target{kMoney, {0}, 20}});
  int b = AddRule(&m, "rule-care", {Target{kCare, {0}, 20}});
  int c = AddRule(&m, "rule-center", {Target{kCenter, {0}, 20}});
  int d = AddRule(&m, "rule-top", {Target{kMoney, {0}, 5}});
  Ranking r = Rank(m, Case().Fact(kWithdrawn).u, {Fired(a), Fired(b), Fired(c)}, {});
  CHECK(Order(r) == std::vector<int>{kCenter, kCare, kMoney});
  CHECK(r.agencies[2].rank == 3);
  // One more point of weight moves money to the top.
  Ranking r2 = Rank(m, Case().Fact(kWithdrawn).u, {Fired(a), Fired(b), Fired(c), Fired(d)}, {});
  CHECK(Order(r2) == std::vector<int>{kMoney, kCenter, kCare});
}

TEST_CASE("Rank: alert targets count first among the reasons") {
  Model m = MakeModel();
  int rule = AddRule(&m, "rule-a", {Target{kCenter, {0}, 40}});
  int alert = AddAlert(&m, "alert-suicide", {Target{kCenter, {0}, 30}});
  Ranking r = Rank(m, Case().Fact(kWithdrawn).u, {Fired(rule)}, {Fired(alert)});
  REQUIRE(r.agencies.size() == 1);
  CHECK(r.agencies[0].score == 70);
  CHECK(r.agencies[0].reasons == std::vector<std::string_view>{"alert-suicide", "rule-a"});
}

TEST_CASE("Rank: a known age over max_age removes the agency, saying why") {
  Model m = MakeModel();
  int a = AddRule(&m, "rule-a", {Target{kCenter, {0}, 40}, Target{kYouth, {0}, 30}});
  Ranking r = Rank(m, Case().Fact(kWithdrawn).PersonAge(52, 52).u, {Fired(a)}, {});
  CHECK(Order(r) == std::vector<int>{kCenter});
  REQUIRE(r.removed.size() == 1);
  CHECK(r.removed[0].agency == kYouth);
  CHECK(r.removed[0].score == 30);
  CHECK(r.removed[0].why.en == "serves up to age 49; the person is 52");
  CHECK(r.removed[0].why.ja == "対象は49歳まで、本人は52歳");
}

TEST_CASE("Rank: a range wholly over the limit removes, and names the range") {
  Model m = MakeModel();
  int a = AddRule(&m, "rule-a", {Target{kYouth, {0}, 30}, Target{kCenter, {0}, 10}});
  Ranking r = Rank(m, Case().Fact(kWithdrawn).PersonAge(50, 59).u, {Fired(a)}, {});
  REQUIRE(r.removed.size() == 1);
  CHECK(r.removed[0].why.en == "serves up to age 49; the person is 50-59");
}

TEST_CASE("Rank: an unknown age keeps the agency with an age-unknown condition") {
  Model m = MakeModel();
  int a = AddRule(&m, "rule-a", {Target{kYouth, {0}, 30}});
  Ranking r = Rank(m, Case().Fact(kWithdrawn).u, {Fired(a)}, {});
  REQUIRE(r.agencies.size() == 1);
  CHECK(r.removed.empty());
  REQUIRE(r.agencies[0].conditions.size() == 1);
  CHECK(r.agencies[0].conditions[0].kind == "age-unknown");
  CHECK(r.agencies[0].conditions[0].text.en == "serves up to age 49: check the person's age");
  CHECK(r.agencies[0].conditions[0].text.ja == "対象は49歳まで: 本人の年齢を確認してください");
}

TEST_CASE("Rank: an age range straddling the limit keeps the agency with a condition") {
  Model m = MakeModel();
  int a = AddRule(&m, "rule-a", {Target{kYouth, {0}, 30}});
  Ranking r = Rank(m, Case().Fact(kWithdrawn).PersonAge(45, 54).u, {Fired(a)}, {});
  REQUIRE(r.agencies.size() == 1);
  CHECK(r.removed.empty());
  REQUIRE(r.agencies[0].conditions.size() == 1);
  // The age is known but crosses the limit: a condition to check, whose
  // kind names an age check ("age-unknown" or "age-uncertain").
  CHECK(r.agencies[0].conditions[0].kind.rfind("age-", 0) == 0);
  CHECK(r.agencies[0].conditions[0].text.en == "serves up to age 49: check the person's age");
}

TEST_CASE("Rank: an age inside the limits needs no condition") {
  Model m = MakeModel();
  int a = AddRule(&m, "rule-a", {Target{kYouth, {0}, 30}});
  Ranking r = Rank(m, Case().Fact(kWithdrawn).PersonAge(30, 30).u, {Fired(a)}, {});
  REQUIRE(r.agencies.size() == 1);
  CHECK(r.agencies[0].conditions.empty());
  Ranking edge = Rank(m, Case().Fact(kWithdrawn).PersonAge(40, 49).u, {Fired(a)}, {});
  REQUIRE(edge.agencies.size() == 1);
  CHECK(edge.agencies[0].conditions.empty());
}

TEST_CASE("Rank: min_age removes a younger person") {
  Model m = MakeModel();
  m.agencies[kCare].eligibility.min_age = 65;
  int a = AddRule(&m, "rule-a", {Target{kCare, {0}, 30}, Target{kCenter, {0}, 10}});
  Ranking r = Rank(m, Case().Fact(kCareNeeded).PersonAge(52, 52).u, {Fired(a)}, {});
  CHECK(Order(r) == std::vector<int>{kCenter});
  REQUIRE(r.removed.size() == 1);
  CHECK(r.removed[0].why.en == "serves from age 65; the person is 52");
  CHECK(r.removed[0].why.ja == "対象は65歳から、本人は52歳");
  // Both limits.
  m.agencies[kCare].eligibility.max_age = 74;
  Ranking both = Rank(m, Case().Fact(kCareNeeded).PersonAge(80, 80).u, {Fired(a)}, {});
  REQUIRE(both.removed.size() == 1);
  CHECK(both.removed[0].why.en == "serves ages 65-74; the person is 80");
  CHECK(both.removed[0].why.ja == "対象は65〜74歳、本人は80歳");
}

TEST_CASE("Rank: only the person's age counts for eligibility") {
  Model m = MakeModel();
  int a = AddRule(&m, "rule-a", {Target{kYouth, {0}, 30}});
  Case k = Case().Fact(kWithdrawn);
  k.u.age_of[static_cast<int>(Subject::kParent)] = AgeRange{80, 89};
  Ranking r = Rank(m, k.u, {Fired(a)}, {});
  REQUIRE(r.agencies.size() == 1);
  CHECK(r.removed.empty());
  CHECK(r.agencies[0].conditions[0].kind == "age-unknown");
}

TEST_CASE("Rank: a residence limit is a condition with the agency's note") {
  Model m = MakeModel();
  m.agencies[kCenter].eligibility.residence = "niigata-city";
  m.agencies[kCenter].eligibility.note = {"新潟市内", "Niigata City residents"};
  m.agencies[kCare].eligibility.residence = "nishi-ward";
  int a = AddRule(&m, "rule-a", {Target{kCenter, {0}, 30}, Target{kCare, {0}, 20}});
  Ranking r = Rank(m, Case().Fact(kWithdrawn).u, {Fired(a)}, {});
  REQUIRE(r.agencies.size() == 2);
  REQUIRE(r.agencies[0].conditions.size() == 1);
  CHECK(r.agencies[0].conditions[0].kind == "residence");
  CHECK(r.agencies[0].conditions[0].text.en == "Niigata City residents");
  REQUIRE(r.agencies[1].conditions.size() == 1);
  CHECK(r.agencies[1].conditions[0].text.en == "residence: nishi-ward");
  CHECK(r.agencies[1].conditions[0].text.ja == "居住地の条件: nishi-ward");
}

// A model where fact "outside" says the household lives outside Niigata
// City, and the center serves Niigata City residents only.
int AddOutsideFact(Model* m) {
  m->agencies[kCenter].eligibility.residence = "niigata-city";
  m->agencies[kCenter].eligibility.note = {"新潟市内", "Niigata City residents"};
  FactDef f;
  f.id = "outside";
  f.label = {"市外在住", "lives outside the city"};
  f.area = "admin";
  f.outside = "niigata-city";
  m->facts.push_back(f);
  return static_cast<int>(m->facts.size()) - 1;
}

TEST_CASE("Rank: a case outside the residence area removes the agency, saying why") {
  Model m = MakeModel();
  int outside = AddOutsideFact(&m);
  int a = AddRule(&m, "rule-a", {Target{kCenter, {0}, 30}, Target{kCare, {0}, 20}});
  Case c = Case().Fact(kWithdrawn).Fact(outside);
  c.u.mentions.back().subject = Subject::kHousehold;
  c.u.mentions.back().words = "市外在住";
  Ranking r = Rank(m, c.u, {Fired(a)}, {});
  CHECK(Order(r) == std::vector<int>{kCare});
  REQUIRE(r.removed.size() == 1);
  CHECK(r.removed[0].agency == kCenter);
  CHECK(r.removed[0].score == 30);
  CHECK(r.removed[0].why.ja == "対象: 新潟市内。ケースでは市外在住 (「市外在住」)");
  CHECK(r.removed[0].why.en ==
        "eligibility: Niigata City residents; the case says lives outside the city (\"市外在住\")");
  // Where the household lives is not a problem area: one area, no convener.
  CHECK(r.team.areas == std::vector<std::string>{"withdrawal"});
  CHECK(r.team.convener == -1);
}

TEST_CASE("Rank: outside said negated, or of a parent, removes nothing") {
  Model m = MakeModel();
  int outside = AddOutsideFact(&m);
  int a = AddRule(&m, "rule-a", {Target{kCenter, {0}, 30}});
  for (Subject subject : {Subject::kParent, Subject::kFamily, Subject::kNeighbour}) {
    Case c = Case().Fact(outside);
    c.u.mentions.back().subject = subject;
    Ranking r = Rank(m, c.u, {Fired(a)}, {});
    CHECK(Order(r) == std::vector<int>{kCenter});
    CHECK(r.removed.empty());
  }
  Case negated = Case().Fact(outside, true);
  negated.u.mentions.back().subject = Subject::kHousehold;
  Ranking r = Rank(m, negated.u, {Fired(a)}, {});
  CHECK(Order(r) == std::vector<int>{kCenter});
  REQUIRE(r.agencies[0].conditions.size() == 1);
  CHECK(r.agencies[0].conditions[0].kind == "residence");
  // An agency with another residence area is not touched.
  m.agencies[kCenter].eligibility.residence = "nishi-ward";
  Case person = Case().Fact(outside);
  CHECK(Order(Rank(m, person.u, {Fired(a)}, {})) == std::vector<int>{kCenter});
}

TEST_CASE("Rank: facts in two areas make a multi-issue case with the convener") {
  Model m = MakeModel();
  int a = AddRule(&m, "rule-a", {Target{kCenter, {0}, 40}});
  Ranking r = Rank(m, Case().Fact(kWithdrawn).Fact(kHardship).u, {Fired(a)}, {});
  CHECK(r.team.multi_issue);
  CHECK(r.team.areas == std::vector<std::string>{"money", "withdrawal"});  // sorted
  CHECK(r.team.convener == kConvener);
  const RankedAgency* convener = Find(r, kConvener);
  REQUIRE(convener != nullptr);
  CHECK(convener->score == 15);
  CHECK(convener->roles == std::vector<int>{1});
  REQUIRE(convener->parts.size() == 1);
  CHECK(convener->parts[0].source == "team-convener");
  CHECK(convener->reasons == std::vector<std::string_view>{"team-convener"});
  CHECK(Order(r) == std::vector<int>{kCenter, kConvener});
}

TEST_CASE("Rank: the convener's weight adds to a score it already has") {
  Model m = MakeModel();
  int a = AddRule(&m, "rule-a", {Target{kConvener, {0}, 10}, Target{kCenter, {0}, 20}});
  Ranking r = Rank(m, Case().Fact(kWithdrawn).Fact(kCareNeeded).u, {Fired(a)}, {});
  const RankedAgency* convener = Find(r, kConvener);
  REQUIRE(convener != nullptr);
  CHECK(convener->score == 25);
  CHECK(convener->roles == std::vector<int>{0, 1});
  CHECK(Order(r) == std::vector<int>{kConvener, kCenter});
}

TEST_CASE("Rank: one area, repeated facts or negated facts are not multi-issue") {
  Model m = MakeModel();
  int a = AddRule(&m, "rule-a", {Target{kCenter, {0}, 40}});
  Ranking one = Rank(m, Case().Fact(kWithdrawn).Fact(kWithdrawn).u, {Fired(a)}, {});
  CHECK_FALSE(one.team.multi_issue);
  CHECK(one.team.convener == -1);
  CHECK(one.team.areas == std::vector<std::string>{"withdrawal"});
  CHECK(Find(one, kConvener) == nullptr);
  Ranking negated = Rank(m, Case().Fact(kWithdrawn).Fact(kHardship, true).u, {Fired(a)}, {});
  CHECK_FALSE(negated.team.multi_issue);
  CHECK(negated.team.areas == std::vector<std::string>{"withdrawal"});
}

TEST_CASE("Rank: multi_issue_areas sets the threshold") {
  Model m = MakeModel();
  m.team.multi_issue_areas = 3;
  int a = AddRule(&m, "rule-a", {Target{kCenter, {0}, 40}});
  CHECK_FALSE(Rank(m, Case().Fact(kWithdrawn).Fact(kHardship).u, {Fired(a)}, {}).team.multi_issue);
  CHECK(Rank(m, Case().Fact(kWithdrawn).Fact(kHardship).Fact(kWork).u, {Fired(a)}, {}).team.multi_issue);
}

TEST_CASE("Rank: nothing fired gives the fallback agencies") {
  Model m = MakeModel();
  AddRule(&m, "rule-a", {Target{kCare, {0}, 40}});
  Ranking r = Rank(m, Case().u, {}, {});
  CHECK(r.fallback);
  CHECK(Order(r) == std::vector<int>{kCenter, kConvener});
  CHECK(r.agencies[0].rank == 1);
  CHECK(r.agencies[0].roles == std::vector<int>{0, 1});
  REQUIRE(r.agencies[0].parts.size() == 1);
  CHECK(r.agencies[0].parts[0].source == "fallback");
  CHECK(r.agencies[0].reasons == std::vector<std::string_view>{"fallback"});
  CHECK(r.team.first_contact == kCenter);
  CHECK_FALSE(r.team.multi_issue);
  CHECK(r.team.convener == -1);
  CHECK(r.removed.empty());
}

TEST_CASE("Rank: facts in several areas but no rule: still the fallback, no convener") {
  Model m = MakeModel();
  Ranking r = Rank(m, Case().Fact(kWithdrawn).Fact(kHardship).u, {}, {});
  CHECK(r.fallback);
  CHECK_FALSE(r.team.multi_issue);
  CHECK(r.team.convener == -1);
  CHECK(Order(r) == std::vector<int>{kCenter, kConvener});
}

TEST_CASE("Rank: everything ruled out gives the fallback and keeps the removals") {
  Model m = MakeModel();
  int a = AddRule(&m, "rule-a", {Target{kYouth, {0}, 30}});
  Ranking r = Rank(m, Case().Fact(kWithdrawn).PersonAge(60, 60).u, {Fired(a)}, {});
  CHECK(r.fallback);
  CHECK(Order(r) == std::vector<int>{kCenter, kConvener});
  REQUIRE(r.removed.size() == 1);
  CHECK(r.removed[0].agency == kYouth);
}

TEST_CASE("Rank: an alert's first contact goes first; the most urgent alert wins") {
  Model m = MakeModel();
  int rule = AddRule(&m, "r", {{kCenter, {0}, 80}});
  int urgent = AddAlert(&m, "urgent", {{kCare, {0}, 10}});
  int later = AddAlert(&m, "later", {{kMoney, {0}, 10}});
  int none = AddAlert(&m, "none", {{kCenter, {0}, 10}});
  m.alerts[urgent].first_contact = kCare;
  m.alerts[later].first_contact = kMoney;
  Case c;
  c.Fact(kWithdrawn);
  // Usually the top score is the first contact.
  Ranking plain = Rank(m, c.u, {Fired(rule)}, {Fired(none)});
  CHECK(plain.team.first_contact == kCenter);
  CHECK(plain.team.first_contact_alert == -1);
  // An alert with a first contact puts its agency at rank 1, scores kept.
  Ranking one = Rank(m, c.u, {Fired(rule)}, {Fired(none), Fired(later)});
  CHECK(one.team.first_contact == kMoney);
  CHECK(one.team.first_contact_alert == later);
  CHECK(Order(one) == std::vector<int>{kMoney, kCenter});
  CHECK(one.agencies[0].rank == 1);
  CHECK(one.agencies[0].score == 10);
  // Two: the first in file order wins (alerts fire in file order).
  Ranking two = Rank(m, c.u, {Fired(rule)}, {Fired(urgent), Fired(later)});
  CHECK(two.team.first_contact == kCare);
  CHECK(two.team.first_contact_alert == urgent);
  CHECK(Order(two) == std::vector<int>{kCare, kCenter, kMoney});
}

TEST_CASE("Rank: an alert's first contact that eligibility removed does not override") {
  Model m = MakeModel();
  int rule = AddRule(&m, "r", {{kCenter, {0}, 80}});
  int alert = AddAlert(&m, "a", {{kYouth, {0}, 10}});
  m.alerts[alert].first_contact = kYouth;  // serves up to 49
  Ranking r = Rank(m, Case().Fact(kWithdrawn).PersonAge(52, 52).u, {Fired(rule)}, {Fired(alert)});
  CHECK(r.team.first_contact == kCenter);
  CHECK(r.team.first_contact_alert == -1);
  // Nor does one whose agency no target brought in.
  m.alerts[alert].first_contact = kMoney;
  Ranking absent = Rank(m, Case().Fact(kWithdrawn).u, {Fired(rule)}, {Fired(alert)});
  CHECK(absent.team.first_contact == kCenter);
}

TEST_CASE("Rank: a fact only an age implies, with no phrase, is no problem area") {
  Model m = MakeModel();
  FactDef under;
  under.id = "parent-under-65";
  under.area = "family";
  under.from_age = true;
  m.facts.push_back(under);
  int a = AddRule(&m, "a", {{kCenter, {0}, 40}});
  Ranking r = Rank(m, Case().Fact(kWithdrawn).Fact(static_cast<int>(m.facts.size()) - 1).u, {Fired(a)}, {});
  CHECK(r.team.areas == std::vector<std::string>{"withdrawal"});
  CHECK_FALSE(r.team.multi_issue);
}
