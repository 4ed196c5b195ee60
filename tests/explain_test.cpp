// Tests for src/explain.h and src/render_explain.h: the trace of a case
// and the --why-not counterfactuals. A variant of the small test model
// (small_model.h) keeps the expectations exact; two tests use
// the shipped model for the examples of issue 3.
#include "explain.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "lexicon.h"
#include "render_explain.h"
#include "shipped_model.h"
#include "small_model.h"

namespace {

// The small model (small_model.h) grown to four agencies, five subjects,
// seven facts with English words, and rules with all, none, subjects and
// ages to explain.
struct Fixture : SmallModel {
  Fixture() {
    Append(kAgenciesFile, R"(- id: care
  name: {ja: 介護, en: Care}
  summary: {ja: 介護, en: Care}
  roles:
    - {id: care, ja: 介護相談, en: Care consultation}
  source: {block: 3, name: stated}
  verified: false
)");
    Append(kAgenciesFile, small_model::MoneyAgency(4));
    Edit(kCrisisFile, small_model::kPoliceChecked, small_model::kPoliceHours);
    Edit(kLexiconFile, "person: {ja: [本人, 息子], en: [son]}\n  parent: {ja: [親], en: [parent]}\n",
         R"(person: {ja: [本人, 息子], en: [the person, son]}
  parent: {ja: [親, 母], en: [parent, mother]}
  family: {ja: [兄], en: [brother]}
  household: {ja: [世帯], en: [household]}
  neighbour: {ja: [近所], en: [neighbour]}
)");
    Edit(kLexiconFile, "ja: [ひきこもり]\n", "ja: [ひきこもり]\n    en: [withdrawn]\n");
    Edit(kLexiconFile, "ja: [働きたい]\n", "ja: [働きたい]\n    en: [wants to work]\n");
    Edit(kLexiconFile, "  - id: violence\n", std::string(R"(  - id: debt
    label: {ja: 借金, en: debt}
    area: money
    subject: household
    ja: [借金]
    en: [debt]
  - id: certificate
    label: {ja: 障害者手帳, en: disability certificate}
    area: disability
    subject: person
    ja: [手帳, 障害者手帳]
    en: [disability certificate]
)") + small_model::kCareFacts + "  - id: violence\n");
    Append(kLexiconFile, "    en: [violence]\n");
    Edit(kRoutingFile, "reason: {ja: 相談, en: consult}", "reason: {ja: ひきこもりの相談, en: withdrawal}");
    Edit(kRoutingFile, "- id: work\n", "- id: youth-work\n").Append(kRoutingFile, R"(- id: certificate-work
  when: {all: [certificate], none: [debt]}
  to:
    - {agency: youth, roles: [work], weight: 20}
  reason: {ja: 手帳と就労, en: certificate and work}
- id: care-parent
  when: {all: [care-needed@parent]}
  to:
    - {agency: care, roles: [care], weight: 40}
  reason: {ja: 親の介護, en: parent's care}
- id: parent-withdrawn
  when: {all: [hikikomori@parent]}
  to:
    - {agency: care, roles: [care], weight: 20}
  reason: {ja: 親のひきこもり, en: withdrawn parent}
- id: older-withdrawn
  when:
    all: [hikikomori]
    age: {subject: person, min: 45}
  to:
    - {agency: care, roles: [care], weight: 10}
  reason: {ja: 年長のひきこもり, en: older withdrawn person}
- id: money
  when: {any: [debt]}
  to:
    - {agency: money, roles: [hardship], weight: 40}
  reason: {ja: 家計, en: money}
)");
    Edit(kAlertsFile, "    contacts: [police]\n",
         "    contacts: [police]\n    to:\n      - {agency: money, roles: [hardship], weight: 30}\n");
    Load();
  }
  Explanation Run(const std::string& text) const {
    Explanation e;
    Status s = Explain(model, lexicon, RuleIndex(model), text, &e);
    REQUIRE_MESSAGE(s.ok(), s.ToString());
    return e;
  }
  WhyNot Why(const std::string& text, const std::string& agency, Lang lang = Lang::kEn) const {
    int a = model.FindAgency(agency);
    REQUIRE(a >= 0);
    return ExplainWhyNot(model, lexicon, RuleIndex(model), Run(text), a, lang);
  }
  std::vector<std::string> Said(const WhyNot& w, Lang lang = Lang::kEn) const {
    std::vector<std::string> out;
    for (const Suggestion& s : w.suggestions) out.push_back(DescribeChanges(model, s.changes, lang));
    return out;
  }
};

const Fixture& F() {
  static const Fixture* f = new Fixture();
  return *f;
}

// The one suggestion that goes through rule `via`; nullptr when none does.
const Suggestion* Via(const WhyNot& w, const std::string& via) {
  const Suggestion* found = nullptr;
  for (const Suggestion& s : w.suggestions)
    if (s.via == via) {
      CHECK(found == nullptr);
      found = &s;
    }
  return found;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  for (const std::string& x : v)
    if (x == s) return true;
  return false;
}

}  // namespace

TEST_CASE("the trace: each fired rule with its parts and the words that satisfied them") {
  Explanation e = F().Run("息子はひきこもり、借金はない");
  const Model& m = F().model;
  REQUIRE(e.fired.size() == 1);
  const RuleTrace& t = e.fired[0];
  CHECK(m.rules[t.index].id == "general");
  CHECK(t.fired);
  REQUIRE(t.parts.size() == 1);
  CHECK(t.parts[0].kind == PartTrace::kAny);
  CHECK(t.parts[0].holds);
  REQUIRE(t.parts[0].facts[0].mentions.size() == 1);
  const FactMention& mention = e.result.understanding.mentions[t.parts[0].facts[0].mentions[0]];
  CHECK(mention.words == "ひきこもり");
  CHECK(mention.subject_word == 0);  // 息子
  // The negated debt is in the trace but satisfies nothing.
  bool negated_debt = false;
  for (const FactMention& x : e.result.understanding.mentions)
    negated_debt = negated_debt || (m.facts[x.fact].id == "debt" && x.negated && x.negation == "はない");
  CHECK(negated_debt);
}

TEST_CASE("the trace of a rule that did not fire says which part failed") {
  const Fixture& f = F();
  Explanation e = f.Run("障害者手帳があるが借金もある");
  int rule = 0;
  while (f.model.rules[rule].id != "certificate-work") ++rule;
  RuleTrace t = TraceRule(f.model, e.result.understanding, false, rule);
  CHECK_FALSE(t.fired);
  REQUIRE(t.parts.size() == 2);
  CHECK(t.parts[0].kind == PartTrace::kAll);
  CHECK(t.parts[0].holds);
  CHECK(t.parts[1].kind == PartTrace::kNone);
  CHECK_FALSE(t.parts[1].holds);
}

TEST_CASE("numbers: ages with their words, durations, and bare numbers not read as ages") {
  Explanation e = F().Run("母は70歳。ひきこもり10年。息子の番号は52");
  const Understanding& u = e.result.understanding;
  REQUIRE(u.ages.size() == 1);
  CHECK(u.ages[0].words == "70歳");
  CHECK(u.text.display.substr(u.ages[0].begin, u.ages[0].end - u.ages[0].begin) == "70歳");
  REQUIRE(u.durations.size() == 1);
  CHECK(u.durations[0].months == 120);
  REQUIRE(u.ignored_numbers.size() == 1);
  CHECK(u.ignored_numbers[0] == "52");
}

TEST_CASE("why-not: a negated fact is un-negated, and the suggestion is checked") {
  WhyNot w = F().Why("息子はひきこもり、借金はない", "money");
  CHECK(w.state == WhyNot::kAbsent);
  REQUIRE_FALSE(w.suggestions.empty());
  const Suggestion& s = w.suggestions[0];
  REQUIRE(s.changes.size() == 1);
  CHECK(s.changes[0].kind == CaseChange::kUnnegate);
  CHECK(s.text == "息子はひきこもり、借金");
  CHECK(s.via == "money");
  CHECK(s.rank == 2);  // ties with center (40), which comes first in the data
  CHECK(DescribeChanges(F().model, s.changes, Lang::kEn) ==
        "if \"借金\" were not negated (the text says \"借金はない\")");
  CHECK(DescribeChanges(F().model, s.changes, Lang::kJa) == "「借金」が否定されていない(本文は「借金はない」)なら");
}

TEST_CASE("why-not: eligibility removed it; the smallest change is the age, worded for a person") {
  WhyNot w = F().Why("52歳の息子が働きたい", "youth");
  CHECK(w.state == WhyNot::kRemoved);
  CHECK(w.removed_why.en == "serves up to age 49; the person is 52");
  REQUIRE_FALSE(w.suggestions.empty());
  const Suggestion& s = w.suggestions[0];
  CHECK(s.via == "eligibility");
  CHECK(s.text == "49歳の息子が働きたい");
  CHECK(DescribeChanges(F().model, s.changes, Lang::kEn) == "if the person were 49 or younger");
  CHECK(DescribeChanges(F().model, s.changes, Lang::kJa) == "本人が49歳以下であるなら");
}

TEST_CASE("why-not: a missing fact is said with a lexicon phrase in the chosen language") {
  WhyNot en = F().Why("息子はひきこもり", "youth", Lang::kEn);
  CHECK(Contains(F().Said(en), "if \"wants to work\" were mentioned"));
  WhyNot ja = F().Why("息子はひきこもり", "youth", Lang::kJa);
  CHECK(Contains(F().Said(ja, Lang::kJa), "「働きたい」の記載があるなら"));
  // The label is preferred when it is itself a phrase (障害者手帳, not 手帳).
  CHECK(Contains(F().Said(ja, Lang::kJa), "「障害者手帳」の記載があるなら"));
  for (const Suggestion& s : ja.suggestions) CHECK(s.changes.size() == 1);
}

TEST_CASE("why-not: a fact that blocks a rule (none) is left out") {
  WhyNot w = F().Why("30歳の息子、障害者手帳があり、借金もある", "youth");
  bool found = false;
  for (const Suggestion& s : w.suggestions)
    if (s.changes.size() == 1 && s.changes[0].kind == CaseChange::kUnmention) {
      found = true;
      CHECK(s.via == "certificate-work");
      CHECK(s.text == "30歳の息子、障害者手帳があり、もある");
      CHECK(DescribeChanges(F().model, s.changes, Lang::kEn) == "if \"借金\" were not mentioned");
    }
  CHECK(found);
}

TEST_CASE("why-not: a fact about a named subject is said about that subject") {
  WhyNot w = F().Why("息子は要介護", "care", Lang::kJa);
  REQUIRE(w.suggestions.size() >= 2);
  // care-needed@parent: the fact's own default subject, a clause of its own.
  CHECK(w.suggestions[0].via == "care-parent");
  CHECK(w.suggestions[0].text == "息子は要介護。要介護");
  // hikikomori@parent: the clause names the parent.
  const Suggestion* s = Via(w, "parent-withdrawn");
  REQUIRE(s != nullptr);
  CHECK(s->text == "息子は要介護。親はひきこもり");
  CHECK(DescribeChanges(F().model, s->changes, Lang::kJa) == "親について「ひきこもり」の記載があるなら");
  CHECK(DescribeChanges(F().model, s->changes, Lang::kEn) == "if \"ひきこもり\" were mentioned about the parent");
}

TEST_CASE("why-not: an unknown age is given; age and eligibility ranges are both kept") {
  WhyNot w = F().Why("息子はひきこもり", "care", Lang::kJa);
  const Suggestion* s = Via(w, "older-withdrawn");
  REQUIRE(s != nullptr);
  CHECK(s->text == "息子はひきこもり。本人は45歳");
  CHECK(DescribeChanges(F().model, s->changes, Lang::kJa) == "本人が45歳以上と分かる(本文に年齢なし)なら");
}

TEST_CASE("why-not: routes list every rule and alert that names the agency; alerts are never suggested") {
  WhyNot w = F().Why("ほげほげ", "money");
  REQUIRE(w.routes.size() == 2);
  CHECK(w.routes[0].kind == Route::kAlert);
  CHECK(w.routes[1].kind == Route::kRule);
  for (const Suggestion& s : w.suggestions) CHECK(s.via != "alert-violence");
  REQUIRE_FALSE(w.suggestions.empty());
  CHECK(w.suggestions[0].text == "ほげほげ. debt");
}

TEST_CASE("why-not: an agency already first needs nothing") {
  WhyNot w = F().Why("息子はひきこもり", "center");
  CHECK(w.state == WhyNot::kRanked);
  CHECK(w.rank == 1);
  CHECK(w.suggestions.empty());
  CHECK(w.tried == 0);
}

TEST_CASE("why-not: suggestions are sorted by the number of changes") {
  WhyNot w = F().Why("60歳の息子", "youth");
  REQUIRE(w.suggestions.size() >= 2);
  for (size_t i = 1; i < w.suggestions.size(); ++i)
    CHECK(w.suggestions[i - 1].changes.size() <= w.suggestions[i].changes.size());
  // Every one needs the age too: the person is over the limit.
  for (const Suggestion& s : w.suggestions) CHECK(s.changes.back().kind == CaseChange::kAge);
}

TEST_CASE("an unknown agency for --why-not is a usage error with a did-you-mean") {
  int a = 0;
  Status s = FindAgencyId(F().model, "yout", &a);
  CHECK(s.kind() == ErrorKind::kUsage);
  CHECK(s.message() == "no agency 'yout'; did you mean 'youth'?");
  s = FindAgencyId(F().model, "zzzzzzzz", &a);
  CHECK(s.message() == "no agency 'zzzzzzzz'; known ids: center youth care money");
  CHECK(FindAgencyId(F().model, "care", &a).ok());
  CHECK(a == 2);
}

TEST_CASE("explain JSON: schema, the trace in order, and checked suggestions") {
  const Fixture& f = F();
  Explanation e = f.Run("52歳の息子が働きたい");
  WhyNot w = ExplainWhyNot(f.model, f.lexicon, RuleIndex(f.model), e, f.model.FindAgency("youth"), Lang::kEn);
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(RenderExplainJson(f.model, e, &w));
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  CHECK(keys ==
        std::vector<std::string>{"schema",    "input",           "normalized",   "clauses", "tokens",
                                 "subjects",  "mentions",        "ages",         "persons", "places",
                                 "durations", "ignored_numbers", "unrecognized", "fired",   "danger_without_alert",
                                 "team",      "fallback",        "ranking",      "removed", "why_not"});
  CHECK(j["schema"] == "tsunagu.explain/2");
  // The words as read: surface, dictionary form and part of speech.
  REQUIRE(j["tokens"].size() >= 4);
  CHECK(j["tokens"][0] ==
        nlohmann::ordered_json{{"surface", "52"}, {"lemma", "52"}, {"pos", "number"}, {"pos_ja", "number"}});
  bool wish = false;
  for (const auto& t : j["tokens"])
    wish = wish || (t["surface"] == "働き" && t["lemma"] == "働く" && t["pos"] == "verb");
  CHECK(wish);
  for (const auto& m : j["mentions"])
    if (m["fact"] == "wants-work") CHECK(m["phrase"] == "働く+たい");
  // The household: the son, his age (right next to it) and his wish.
  REQUIRE(j["persons"].size() == 1);
  CHECK(j["persons"][0]["relation"] == "son");
  CHECK(j["persons"][0]["concern"] == true);
  CHECK(j["ages"][0]["person"] == 0);
  CHECK(j["ages"][0]["because"] == "tight");
  CHECK(j["ages"][0]["when"] == "now");
  CHECK(j["removed"][0]["id"] == "youth");
  CHECK(j["why_not"]["state"] == "removed");
  CHECK(j["why_not"]["suggestions"][0]["checked"] == true);
  CHECK(j["why_not"]["suggestions"][0]["text"]["en"] == "if the person were 49 or younger");
  CHECK(j["why_not"]["suggestions"][0]["checked_text"] == "49歳の息子が働きたい");
  // Same input, same bytes.
  CHECK(RenderExplainJson(f.model, e, &w) == RenderExplainJson(f.model, f.Run("52歳の息子が働きたい"), &w));
}

TEST_CASE("explain text: the steps in pipeline order, in either language") {
  const Fixture& f = F();
  Explanation e = f.Run("息子はひきこもり、借金はない");
  RenderOptions en;
  en.lang = Lang::kEn;
  std::string text = RenderExplain(f.model, e, nullptr, en);
  size_t at = 0;
  for (const char* step : {"1. Normalised text", "2. Clauses (2)", "3. Words (surface / lemma / part of speech)",
                           "4. Subject words (1)", "5. Phrases and facts", "6. Numbers", "7. People (who is who) (1)",
                           "8. Words not understood", "9. Rules and alerts that fired (1)", "10. Team",
                           "11. Scores, part by part (1)", "12. Eligibility", "13. Final ranking (1)"}) {
    size_t next = text.find(step, at);
    CHECK_MESSAGE(next != std::string::npos, step);
    if (next != std::string::npos) at = next;
  }
  CHECK(text.find("#0 son → the person (the person of concern), age unknown, lives unknown") != std::string::npos);
  CHECK(text.find("the clause's subject (は/が/も)") != std::string::npos);
  CHECK(text.find("center  40 = 40 general") != std::string::npos);
  CHECK(text.find("negated by \"はない\": not counted") != std::string::npos);
  std::string ja = RenderExplain(f.model, e, nullptr, RenderOptions());
  CHECK(ja.find("1. 正規化したテキスト") != std::string::npos);
  CHECK(ja.find("否定 「はない」: 数えない") != std::string::npos);
}

TEST_CASE("shipped model: the examples of issue 3") {
  const Model& model = Shipped().model;
  const Lexicon& lexicon = Shipped().lexicon;
  Explanation e;
  REQUIRE(Explain(model, lexicon, RuleIndex(model), "50歳の息子が10年ひきこもっている", &e).ok());
  WhyNot w = ExplainWhyNot(model, lexicon, RuleIndex(model), e, model.FindAgency("saposute"), Lang::kEn);
  CHECK(w.state == WhyNot::kRemoved);
  REQUIRE_FALSE(w.suggestions.empty());
  CHECK(DescribeChanges(model, w.suggestions[0].changes, Lang::kEn) == "if the person were 49 or younger");

  REQUIRE(Explain(model, lexicon, RuleIndex(model), "40代の息子が仕事がなく、生活が苦しい", &e).ok());
  w = ExplainWhyNot(model, lexicon, RuleIndex(model), e, model.FindAgency("kikan-soudan"), Lang::kJa);
  CHECK(w.state == WhyNot::kAbsent);
  std::vector<std::string> said;
  for (const Suggestion& s : w.suggestions) said.push_back(DescribeChanges(model, s.changes, Lang::kJa));
  CHECK(Contains(said, "「障害者手帳」の記載があるなら"));
}

TEST_CASE("shipped model: an alert's first contact is said, and danger words that raised nothing, why") {
  const Model& model = Shipped().model;
  const Lexicon& lexicon = Shipped().lexicon;
  Explanation e;
  REQUIRE(Explain(model, lexicon, RuleIndex(model), "息子が八十代の母の年金をパチンコに使い込んでいる", &e).ok());
  CHECK(e.result.ranking.team.first_contact == model.FindAgency("houkatsu"));
  std::string ja = RenderExplain(model, e, nullptr, RenderOptions());
  CHECK(ja.find("最初の窓口: houkatsu 地域包括支援センター(高齢者虐待の警報による)") != std::string::npos);
  RenderOptions en;
  en.lang = Lang::kEn;
  CHECK(RenderExplain(model, e, nullptr, en).find("(by the elder abuse alert)") != std::string::npos);
  nlohmann::json j = nlohmann::json::parse(RenderExplainJson(model, e, nullptr));
  CHECK(j["team"]["first_contact_alert"] == "alert-elder-abuse");
  CHECK(j["danger_without_alert"].empty());

  // Negated, about someone no alert asks for, and not a danger at all.
  REQUIRE(Explain(model, lexicon, RuleIndex(model), "暴力はない。ゴミを放置している。私が死んだら息子が心配", &e).ok());
  CHECK(e.result.alerts.empty());
  std::vector<QuietDanger> quiet = FindQuietDangers(model, e.result.understanding, e.result.alerts);
  REQUIRE(quiet.size() == 3);
  CHECK(quiet[0].kind == QuietDanger::kNegated);
  CHECK(quiet[1].kind == QuietDanger::kOtherSubject);
  CHECK(quiet[2].kind == QuietDanger::kNoAlert);
  ja = RenderExplain(model, e, nullptr, RenderOptions());
  CHECK(ja.find("警報にならなかった危険の語:") != std::string::npos);
  CHECK(ja.find("「暴力はない」 violence: 否定されている(「はない」)") != std::string::npos);
  CHECK(ja.find("「放置している」 neglect: 対象が世帯: この対象についての警報はない") != std::string::npos);
  CHECK(ja.find("「私が死んだら」 after-death: 危険の表現ではない") != std::string::npos);
  j = nlohmann::json::parse(RenderExplainJson(model, e, nullptr));
  REQUIRE(j["danger_without_alert"].size() == 3);
  CHECK(j["danger_without_alert"][0]["why"] == "negated");
  CHECK(j["danger_without_alert"][1]["why"] == "other-subject");
  CHECK(j["danger_without_alert"][1]["subject"] == "household");
  CHECK(j["danger_without_alert"][2]["why"] == "no-alert");
}
