// JSON rendering. Results go through JsonWriter (fast, order as written:
// same input, same bytes); the agency listing, rarely run, uses nlohmann.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "json_writer.h"
#include "render.h"

namespace {

void Text(JsonWriter& w, std::string_view key, const LocalText& t) {
  w.Key(key);
  w.BeginObject();
  w.Member("ja", t.ja);
  w.Member("en", t.en);
  w.EndObject();
}

void HoursMember(JsonWriter& w, const Hours& h) {
  w.Key("hours");
  if (!h.present) return w.Null();
  w.BeginObject();
  w.Member("byday", h.byday);
  w.Member("opens_at", h.opens_at);
  w.Member("closes_at", h.closes_at);
  w.Member("closed", h.closed);
  w.Member("appointment", h.appointment);
  Text(w, "text", h.text);
  w.EndObject();
}

// The members of a fact that do not depend on the case.
void FactFixedMembers(JsonWriter& w, const FactDef& f) {
  w.Member("id", f.id);
  Text(w, "label", f.label);
  w.Member("area", f.area);
}

bool SameEntry(const FactMention& a, const FactMention& b) {
  return a.fact == b.fact && a.subject == b.subject && a.negated == b.negated;
}

// The words of a mention as shown (negation included), without building a
// string when there is no negation.
bool SameWords(const FactMention& a, const FactMention& b) {
  if (!a.negated && !b.negated) return a.words == b.words;
  return MentionWords(a) == MentionWords(b);
}

void Facts(JsonWriter& w, const Model& model, const Understanding& u, const JsonFragments* fragments) {
  // One entry per (fact, subject, negated), in order of first mention, with
  // the distinct words of its mentions. A case has a handful of mentions:
  // rescanning them beats building a grouping per case.
  const std::vector<FactMention>& mentions = u.mentions;
  w.Key("facts");
  w.BeginArray();
  for (size_t i = 0; i < mentions.size(); ++i) {
    const FactMention& first = mentions[i];
    bool seen = false;
    for (size_t j = 0; j < i && !seen; ++j) seen = SameEntry(mentions[j], first);
    if (seen) continue;
    w.BeginObject();
    if (fragments) w.RawMembers(fragments->fact_members[first.fact]);
    else FactFixedMembers(w, model.facts[first.fact]);
    w.Member("subject", SubjectId(first.subject));
    w.Member("negated", first.negated);
    AgeRange age = u.AgeOf(first.subject);
    w.Key("age");
    if (age.known()) {
      w.BeginObject();
      w.Member("min", age.lo);
      w.Member("max", age.hi);
      w.EndObject();
    } else {
      w.Null();
    }
    w.Member("from", first.origin == FactMention::kPhrase ? "phrase"
                     : first.origin == FactMention::kAge ? "age" : "duration");
    w.Key("words");
    w.BeginArray();
    for (size_t j = i; j < mentions.size(); ++j) {
      const FactMention& m = mentions[j];
      if (!SameEntry(m, first)) continue;
      bool repeated = false;
      for (size_t k = i; k < j && !repeated; ++k) repeated = SameEntry(mentions[k], first) && SameWords(mentions[k], m);
      if (repeated) continue;
      if (m.negated) w.String(MentionWords(m));
      else w.String(m.words);
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
}

// The members of an agency that do not depend on the case.
void AgencyFixedMembers(JsonWriter& w, const Agency& a) {
  Text(w, "name", a.name);
  w.Key("phone");
  if (a.phone.empty()) w.Null(); else w.String(a.phone);
  if (a.address.empty()) {
    w.Key("address");
    w.Null();
  } else {
    Text(w, "address", a.address);
  }
  HoursMember(w, a.hours);
}

void RoleObject(JsonWriter& w, const Role& role) {
  w.BeginObject();
  w.Member("id", role.id);
  w.Member("ja", role.label.ja);
  w.Member("en", role.label.en);
  w.EndObject();
}

void AgencyId(JsonWriter& w, std::string_view key, const Model& model, int agency) {
  w.Key(key);
  if (agency < 0) return w.Null();
  w.String(model.agencies[agency].id);
}

}  // namespace

void WriteResultJson(JsonWriter& w, const Model& model, const CaseResult& result,
                     const RenderOptions& options, const RecordIdentity* record) {
  const Understanding& u = result.understanding;
  const Ranking& ranking = result.ranking;
  w.BeginObject();
  w.Member("schema", kResultSchema);
  if (record) {
    w.Member("id", record->id);
    w.Key("record");
    w.Int(static_cast<long long>(record->number));
  }
  w.Member("input", u.input);
  w.Member("normalized", u.text.display);
  const JsonFragments* fragments = options.pretty ? nullptr : options.fragments;
  Facts(w, model, u, fragments);
  w.Key("ages");
  w.BeginArray();
  for (const AgeMention& a : u.ages) {
    w.BeginObject();
    w.Member("subject", SubjectId(a.subject));
    w.Member("min", a.range.lo);
    w.Member("max", a.range.hi);
    w.Member("words", a.words);
    w.EndObject();
  }
  w.EndArray();
  w.Member("unrecognized", u.unrecognized);
  w.Key("alerts");
  w.BeginArray();
  for (const Firing& f : result.alerts) {
    const AlertRule& a = model.alerts[f.index];
    w.BeginObject();
    w.Member("id", a.id);
    w.Member("kind", a.kind);
    Text(w, "message", a.message);
    w.Key("facts");
    w.BeginArray();
    for (int fact : f.facts) w.String(model.facts[fact].id);
    w.EndArray();
    w.Key("contacts");
    w.BeginArray();
    for (int c : a.contacts) {
      const CrisisContact& cc = model.crisis[c];
      w.BeginObject();
      w.Member("id", cc.id);
      Text(w, "name", cc.name);
      w.Member("phone", cc.phone);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("team");
  w.BeginObject();
  w.Member("multi_issue", ranking.team.multi_issue);
  w.Member("areas", ranking.team.areas);
  AgencyId(w, "first_contact", model, ranking.team.first_contact);
  AgencyId(w, "convener", model, ranking.team.convener);
  w.EndObject();
  w.Member("fallback", ranking.fallback);
  w.Key("agencies");
  w.BeginArray();
  int shown = 0;
  for (const RankedAgency& r : ranking.agencies) {
    if (options.top > 0 && shown >= options.top) break;
    ++shown;
    const Agency& a = model.agencies[r.agency];
    w.BeginObject();
    w.Member("id", a.id);
    w.Member("rank", r.rank);
    w.Member("score", r.score);
    if (fragments) w.RawMembers(fragments->agency_members[r.agency]);
    else AgencyFixedMembers(w, a);
    w.Key("roles");
    w.BeginArray();
    for (int role : r.roles) {
      if (fragments) w.RawValue(fragments->roles[r.agency][role]);
      else RoleObject(w, a.roles[role]);
    }
    w.EndArray();
    w.Member("reasons", r.reasons);
    w.Key("score_parts");
    w.BeginArray();
    for (const ScorePart& p : r.parts) {
      w.BeginObject();
      w.Member("source", p.source);
      w.Member("weight", p.weight);
      w.EndObject();
    }
    w.EndArray();
    w.Key("conditions");
    w.BeginArray();
    for (const AgencyCondition& c : r.conditions) {
      w.BeginObject();
      w.Member("kind", c.kind);
      w.Member("ja", c.text.ja);
      w.Member("en", c.text.en);
      w.EndObject();
    }
    w.EndArray();
    w.Member("verified", a.verified);
    w.EndObject();
  }
  w.EndArray();
  w.Key("removed");
  w.BeginArray();
  for (const Removal& r : ranking.removed) {
    w.BeginObject();
    w.Member("id", model.agencies[r.agency].id);
    w.Member("score", r.score);
    Text(w, "why", r.why);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

JsonFragments BuildJsonFragments(const Model& model) {
  JsonFragments f;
  for (const Agency& a : model.agencies) {
    std::string members;
    JsonWriter w(&members);
    w.BeginObject();
    AgencyFixedMembers(w, a);
    w.EndObject();
    f.agency_members.push_back(members.substr(1, members.size() - 2));
    f.roles.emplace_back();
    for (const Role& role : a.roles) {
      std::string object;
      JsonWriter rw(&object);
      RoleObject(rw, role);
      f.roles.back().push_back(object);
    }
  }
  for (const FactDef& fact : model.facts) {
    std::string members;
    JsonWriter w(&members);
    w.BeginObject();
    FactFixedMembers(w, fact);
    w.EndObject();
    f.fact_members.push_back(members.substr(1, members.size() - 2));
  }
  return f;
}

std::string RenderJson(const Model& model, const CaseResult& result, const RenderOptions& options) {
  std::string out;
  JsonWriter w(&out, options.pretty);
  WriteResultJson(w, model, result, options, nullptr);
  return out;
}

namespace {
using Json = nlohmann::ordered_json;

Json TextJson(const LocalText& t) { return Json{{"ja", t.ja}, {"en", t.en}}; }

Json HoursJson(const ::Hours& h) {
  if (!h.present) return nullptr;
  return Json{{"byday", h.byday},         {"opens_at", h.opens_at},
              {"closes_at", h.closes_at}, {"closed", h.closed},
              {"appointment", h.appointment}, {"text", TextJson(h.text)}};
}
}  // namespace

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
                                        {"phone", a.source.phone.empty() ? Json(nullptr) : Json(a.source.phone)},
                                        {"note", a.source.note.empty() ? Json(nullptr) : Json(a.source.note)}}},
                        {"verified", a.verified}});
  }
  return (only >= 0 ? list[0] : list).dump(2);
}
