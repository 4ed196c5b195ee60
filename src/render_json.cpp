// JSON rendering with nlohmann::ordered_json: keys keep the documented
// order, so the same input gives the same bytes.
#include <nlohmann/json.hpp>

#include "render.h"

using Json = nlohmann::ordered_json;

namespace {

Json TextJson(const LocalText& t) { return Json{{"ja", t.ja}, {"en", t.en}}; }

Json AgeJson(const AgeRange& r) {
  if (!r.known()) return nullptr;
  return Json{{"min", r.lo}, {"max", r.hi}};
}

Json HoursJson(const Hours& h) {
  if (!h.present) return nullptr;
  return Json{{"byday", h.byday},         {"opens_at", h.opens_at},
              {"closes_at", h.closes_at}, {"closed", h.closed},
              {"appointment", h.appointment}, {"text", TextJson(h.text)}};
}

Json FactsJson(const Model& model, const Understanding& u) {
  // One entry per (fact, subject, negated), in order of first mention.
  Json facts = Json::array();
  struct Key {
    int fact;
    Subject subject;
    bool negated;
  };
  std::vector<Key> keys;
  std::vector<std::vector<std::string>> words;
  std::vector<std::string> origin;
  for (const FactMention& m : u.mentions) {
    size_t k = 0;
    while (k < keys.size() && !(keys[k].fact == m.fact && keys[k].subject == m.subject && keys[k].negated == m.negated)) ++k;
    if (k == keys.size()) {
      keys.push_back({m.fact, m.subject, m.negated});
      words.emplace_back();
      origin.push_back(m.origin == FactMention::kPhrase ? "phrase" : m.origin == FactMention::kAge ? "age" : "duration");
    }
    std::string w = MentionWords(m);
    if (std::find(words[k].begin(), words[k].end(), w) == words[k].end()) words[k].push_back(w);
  }
  for (size_t k = 0; k < keys.size(); ++k) {
    const FactDef& f = model.facts[keys[k].fact];
    facts.push_back(Json{{"id", f.id},
                         {"label", TextJson(f.label)},
                         {"area", f.area},
                         {"subject", SubjectId(keys[k].subject)},
                         {"negated", keys[k].negated},
                         {"age", AgeJson(u.AgeOf(keys[k].subject))},
                         {"from", origin[k]},
                         {"words", words[k]}});
  }
  return facts;
}

}  // namespace

std::string RenderJson(const Model& model, const CaseResult& result, const RenderOptions& options) {
  const Understanding& u = result.understanding;
  const Ranking& ranking = result.ranking;
  Json out;
  out["schema"] = "tsunagu.result/1";
  out["input"] = u.input;
  out["normalized"] = u.text.display;
  out["facts"] = FactsJson(model, u);
  Json ages = Json::array();
  for (const AgeMention& a : u.ages)
    ages.push_back(Json{{"subject", SubjectId(a.subject)}, {"min", a.range.lo}, {"max", a.range.hi}, {"words", a.words}});
  out["ages"] = ages;
  out["unrecognized"] = u.unrecognized;
  Json alerts = Json::array();
  for (const Firing& f : result.alerts) {
    const AlertRule& a = model.alerts[f.index];
    Json contacts = Json::array();
    for (int c : a.contacts) {
      const CrisisContact& cc = model.crisis[c];
      contacts.push_back(Json{{"id", cc.id}, {"name", TextJson(cc.name)}, {"phone", cc.phone}});
    }
    Json facts = Json::array();
    for (int fact : f.facts) facts.push_back(model.facts[fact].id);
    alerts.push_back(Json{{"id", a.id}, {"kind", a.kind}, {"message", TextJson(a.message)},
                          {"facts", facts}, {"contacts", contacts}});
  }
  out["alerts"] = alerts;
  auto agency_id = [&](int i) -> Json { return i < 0 ? Json(nullptr) : Json(model.agencies[i].id); };
  out["team"] = Json{{"multi_issue", ranking.team.multi_issue},
                     {"areas", ranking.team.areas},
                     {"first_contact", agency_id(ranking.team.first_contact)},
                     {"convener", agency_id(ranking.team.convener)}};
  out["fallback"] = ranking.fallback;
  Json agencies = Json::array();
  size_t shown = 0;
  for (const RankedAgency& r : ranking.agencies) {
    if (options.top > 0 && shown >= static_cast<size_t>(options.top)) break;
    ++shown;
    const Agency& a = model.agencies[r.agency];
    Json roles = Json::array();
    for (int role : r.roles)
      roles.push_back(Json{{"id", a.roles[role].id}, {"ja", a.roles[role].label.ja}, {"en", a.roles[role].label.en}});
    Json parts = Json::array();
    for (const ScorePart& p : r.parts) parts.push_back(Json{{"source", p.source}, {"weight", p.weight}});
    Json conditions = Json::array();
    for (const AgencyCondition& c : r.conditions)
      conditions.push_back(Json{{"kind", c.kind}, {"ja", c.text.ja}, {"en", c.text.en}});
    agencies.push_back(Json{{"id", a.id},
                            {"rank", r.rank},
                            {"score", r.score},
                            {"name", TextJson(a.name)},
                            {"phone", a.phone.empty() ? Json(nullptr) : Json(a.phone)},
                            {"address", a.address.empty() ? Json(nullptr) : TextJson(a.address)},
                            {"hours", HoursJson(a.hours)},
                            {"roles", roles},
                            {"reasons", r.reasons},
                            {"score_parts", parts},
                            {"conditions", conditions},
                            {"verified", a.verified}});
  }
  out["agencies"] = agencies;
  Json removed = Json::array();
  for (const Removal& r : ranking.removed)
    removed.push_back(Json{{"id", model.agencies[r.agency].id}, {"score", r.score}, {"why", TextJson(r.why)}});
  out["removed"] = removed;
  return options.pretty ? out.dump(2) : out.dump();
}

std::string RenderAgenciesJson(const Model& model, int only) {
  Json list = Json::array();
  for (size_t i = 0; i < model.agencies.size(); ++i) {
    if (only >= 0 && static_cast<int>(i) != only) continue;
    const Agency& a = model.agencies[i];
    Json roles = Json::array();
    for (const Role& r : a.roles) roles.push_back(Json{{"id", r.id}, {"ja", r.label.ja}, {"en", r.label.en}});
    Json el = Json{{"min_age", a.eligibility.min_age < 0 ? Json(nullptr) : Json(a.eligibility.min_age)},
                   {"max_age", a.eligibility.max_age < 0 ? Json(nullptr) : Json(a.eligibility.max_age)},
                   {"residence", a.eligibility.residence.empty() ? Json(nullptr) : Json(a.eligibility.residence)}};
    list.push_back(Json{{"id", a.id},
                        {"name", TextJson(a.name)},
                        {"summary", TextJson(a.summary)},
                        {"roles", roles},
                        {"address", a.address.empty() ? Json(nullptr) : TextJson(a.address)},
                        {"phone", a.phone.empty() ? Json(nullptr) : Json(a.phone)},
                        {"hours", HoursJson(a.hours)},
                        {"eligibility", el},
                        {"source", Json{{"block", a.source.block}, {"name", a.source.name},
                                        {"phone", a.source.phone}, {"note", a.source.note}}},
                        {"verified", a.verified}});
  }
  return (only >= 0 ? list[0] : list).dump(2);
}
