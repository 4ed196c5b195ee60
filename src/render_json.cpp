// JSON rendering. Results go through JsonWriter (fast, order as written:
// same input, same bytes; pretty output is the compact text re-indented);
// the agency listing, rarely run, uses nlohmann.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "json_writer.h"
#include "render.h"

namespace {

// Each writes a member as `"key":value` (no separator before it) or a
// value; the caller writes the commas and brackets.

void Text(JsonWriter& w, const LocalText& t) {
  w.Raw("{\"ja\":");
  w.String(t.ja);
  w.Raw(",\"en\":");
  w.String(t.en);
  w.Raw("}");
}

void WriteHours(JsonWriter& w, const ::Hours& h) {
  if (!h.present) return w.Null();
  w.Raw("{\"byday\":");
  w.StringArray(h.byday);
  w.Raw(",\"opens_at\":");
  w.String(h.opens_at);
  w.Raw(",\"closes_at\":");
  w.String(h.closes_at);
  w.Raw(",\"closed\":");
  w.StringArray(h.closed);
  w.Raw(",\"appointment\":");
  w.Bool(h.appointment);
  w.Raw(",\"text\":");
  Text(w, h.text);
  w.Raw("}");
}

// A crisis line's hours: null when not stated; opens_at/closes_at null
// when only the text is known (or the line answers always).
void CrisisHours(JsonWriter& w, const CrisisContact& c) {
  const ::Hours& h = c.hours;
  if (!h.present) return w.Null();
  w.Raw("{\"always\":");
  w.Bool(c.always);
  w.Raw(",\"byday\":");
  w.StringArray(h.byday);
  w.Raw(",\"opens_at\":");
  if (h.opens_at.empty()) w.Null();
  else w.String(h.opens_at);
  w.Raw(",\"closes_at\":");
  if (h.closes_at.empty()) w.Null();
  else w.String(h.closes_at);
  w.Raw(",\"closed\":");
  w.StringArray(h.closed);
  w.Raw(",\"text\":");
  Text(w, h.text);
  w.Raw("}");
}

// ,"open_now":true|false|null,"next_open":"2026-12-02T09:00:00+09:00"|null
void OpenNow(JsonWriter& w, const Hours& hours, bool always, const HolidayCalendar& calendar, const LocalTime& at) {
  OpenStatus s = at.set() ? OpenAt(hours, always, calendar, at) : OpenStatus();
  w.Raw(s.state == OpenStatus::kOpen     ? ",\"open_now\":true,\"next_open\":"
        : s.state == OpenStatus::kClosed ? ",\"open_now\":false,\"next_open\":"
                                         : ",\"open_now\":null,\"next_open\":");
  if (s.has_next) w.String(IsoMoment(s.next));
  else w.Null();
}

// ,"name":...,"phone":...,"address":...,"hours":...,"open_now":...,"next_open":...
// of an agency or one of its offices: the same members, in one order.
template <typename Place>
void PlaceMembers(JsonWriter& w, const Place& p, const HolidayCalendar& calendar, const LocalTime& at) {
  w.Raw(",\"name\":");
  Text(w, p.name);
  w.Raw(",\"phone\":");
  w.StringOrNull(p.phone);
  w.Raw(",\"address\":");
  if (p.address.empty()) w.Null();
  else Text(w, p.address);
  w.Raw(",\"hours\":");
  WriteHours(w, p.hours);
  OpenNow(w, p.hours, false, calendar, at);
}

void CrisisContactJson(JsonWriter& w, const CrisisContact& cc, const HolidayCalendar& calendar, const LocalTime& at) {
  w.Raw("{\"id\":");
  w.String(cc.id);
  w.Raw(",\"name\":");
  Text(w, cc.name);
  w.Raw(",\"phone\":");
  w.String(cc.phone);
  w.Raw(",\"hours\":");
  CrisisHours(w, cc);
  OpenNow(w, cc.hours, cc.always, calendar, at);
  w.Raw(",\"cost\":");
  if (cc.cost.empty()) w.Null();
  else w.String(cc.cost);
  w.Raw(",\"answers\":");
  if (cc.answers.empty()) w.Null();
  else Text(w, cc.answers);
  w.Raw(",\"checked\":[");
  for (size_t k = 0; k < cc.checked.size(); ++k) {
    w.Raw(k ? ",{\"date\":" : "{\"date\":");
    w.String(cc.checked[k].date);
    w.Raw(",\"source\":");
    w.String(cc.checked[k].source);
    w.Raw(",\"by\":");
    w.String(cc.checked[k].by);
    w.Raw("}");
  }
  w.Raw("]}");
}

void AgencyId(JsonWriter& w, const Model& model, int agency) {
  if (agency < 0) return w.Null();
  w.String(model.agencies[agency].id);
}

// The entry (fact, subject, person, negated) of a mention, as one hashable
// value.
struct EntryKey {
  int fact, person;
  Subject subject;
  bool negated;
  bool operator==(const EntryKey& o) const {
    return fact == o.fact && person == o.person && subject == o.subject && negated == o.negated;
  }
};
struct EntryKeyHash {
  size_t operator()(const EntryKey& k) const {
    uint64_t h = static_cast<uint32_t>(k.fact);
    h = h * 0x9E3779B97F4A7C15ULL + static_cast<uint32_t>(k.person);
    h = h * 0x9E3779B97F4A7C15ULL + (static_cast<uint32_t>(k.subject) << 1 | (k.negated ? 1U : 0U));
    return static_cast<size_t>(h ^ (h >> 29));
  }
};

EntryKey KeyOf(const FactMention& m) { return {m.fact, m.person, m.subject, m.negated}; }

void Facts(JsonWriter& w, const Understanding& u, const JsonFragments& fragments) {
  // One entry per (fact, subject, negated), in order of first mention, with
  // the distinct words of its mentions, grouped by hashing: linear however
  // many mentions a long case has. (Rescanning small cases instead saved
  // 2.3% of batch, under the 10% an optimisation must show.)
  const std::vector<FactMention>& mentions = u.mentions;
  const size_t n = mentions.size();
  // Kept per thread from case to case: no allocation once warm.
  thread_local std::vector<size_t> next, last, firsts;
  thread_local std::vector<std::string> negated_words;
  thread_local std::vector<std::string_view> shown;
  next.assign(n, n);  // the next mention of the same entry, n = none
  last.assign(n, n);  // per first mention: the latest of its entry so far
  firsts.clear();     // the first mention of each entry, in order
  std::unordered_map<EntryKey, size_t, EntryKeyHash> first_of;
  first_of.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const size_t first = first_of.emplace(KeyOf(mentions[i]), i).first->second;
    if (first == i) firsts.push_back(i);
    else next[last[first]] = i;
    last[first] = i;
  }
  // An entry's mentions are all negated or none: its words as shown
  // (negation included) are what repeats. Built once per mention, in
  // storage that does not move, so the views stay valid.
  if (negated_words.size() < n) negated_words.resize(n);
  shown.resize(n);
  for (size_t i = 0; i < n; ++i) {
    if (mentions[i].negated) negated_words[i] = MentionWords(mentions[i]);
    shown[i] = mentions[i].negated ? std::string_view(negated_words[i]) : std::string_view(mentions[i].words);
  }
  std::unordered_set<std::string_view> words_seen;
  w.Raw(",\"facts\":[");
  bool first_entry = true;
  for (const size_t i : firsts) {
    const FactMention& first = mentions[i];
    w.Raw(first_entry ? "{" : ",{");
    first_entry = false;
    w.Raw(fragments.fact_members[first.fact]);
    w.Raw(",\"subject\":\"");
    w.Raw(SubjectId(first.subject));  // ids from our own code: no escape
    w.Raw("\",\"person\":");
    if (first.person >= 0) w.Int(first.person);
    else w.Null();
    w.Raw(first.negated ? ",\"negated\":true,\"age\":" : ",\"negated\":false,\"age\":");
    AgeRange age = first.person >= 0 ? u.persons[first.person].age : u.AgeOf(first.subject);
    if (age.known()) {
      w.Raw("{\"min\":");
      w.Int(age.lo);
      w.Raw(",\"max\":");
      w.Int(age.hi);
      w.Raw("}");
    } else {
      w.Null();
    }
    w.Raw(first.origin == FactMention::kPhrase ? ",\"from\":\"phrase\",\"words\":["
          : first.origin == FactMention::kAge  ? ",\"from\":\"age\",\"words\":["
                                               : ",\"from\":\"duration\",\"words\":[");
    bool first_words = true;
    words_seen.clear();
    for (size_t j = i; j < n; j = next[j]) {
      if (!words_seen.insert(shown[j]).second) continue;  // repeated
      if (!first_words) w.Raw(",");
      first_words = false;
      w.String(shown[j]);
    }
    w.Raw("]}");
  }
  w.Raw("]");
}

void AgeObject(JsonWriter& w, AgeRange r) {
  w.Raw("{\"min\":");
  w.Int(r.lo);
  w.Raw(",\"max\":");
  w.Int(r.hi);
  w.Raw("}");
}

// The words of the age mentions that hold now for p ("54歳"), joined.
std::string CurrentAgeWords(const Understanding& u, const Person& p) {
  std::string words;
  for (const AgeMention& a : u.ages) {
    if (a.person != p.id || a.when == NumberMention::kPast || a.range.hi < p.age.lo || a.range.lo > p.age.hi) continue;
    if (!words.empty()) words += " ";
    words += a.words;
  }
  return words;
}

void Persons(JsonWriter& w, const Model& model, const Understanding& u) {
  w.Raw(",\"persons\":[");
  for (const Person& p : u.persons) {
    w.Raw(p.id ? ",{\"id\":" : "{\"id\":");
    w.Int(p.id);
    w.Raw(",\"relation\":");
    w.String(p.relation);
    w.Raw(",\"role\":\"");
    w.Raw(SubjectId(p.role));
    w.Raw(p.caller ? "\",\"caller\":true,\"sex\":" : "\",\"caller\":false,\"sex\":");
    if (p.sex) w.String(std::string(1, p.sex));
    else w.Null();
    w.Raw(",\"age\":");
    if (p.age.known()) AgeObject(w, p.age);
    else w.Null();
    w.Raw(",\"past_ages\":[");
    for (size_t i = 0; i < p.past_ages.size(); ++i) {
      if (i) w.Raw(",");
      AgeObject(w, p.past_ages[i]);
    }
    w.Raw("],\"residence\":");
    switch (p.residence) {
      case Person::Residence::kNiigataCity: w.Raw("\"niigata-city\""); break;
      case Person::Residence::kOutside: w.Raw("\"outside\""); break;
      default: w.Null();
    }
    w.Raw(",\"facts\":[");
    bool first = true;
    for (size_t i = 0; i < p.mentions.size(); ++i) {
      const FactMention& m = u.mentions[p.mentions[i]];
      bool seen = false;
      for (size_t j = 0; j < i && !seen; ++j) seen = u.mentions[p.mentions[j]].fact == m.fact;
      if (seen) continue;
      if (!first) w.Raw(",");
      first = false;
      w.String(model.facts[m.fact].id);
    }
    w.Raw("]}");
  }
  w.Raw("]");
}

void Alerts(JsonWriter& w, const Model& model, const Understanding& u, const std::vector<Firing>& alerts,
            const LocalTime& at) {
  w.Raw(",\"alerts\":[");
  for (size_t i = 0; i < alerts.size(); ++i) {
    const AlertRule& a = model.alerts[alerts[i].index];
    w.Raw(i ? ",{\"id\":" : "{\"id\":");
    w.String(a.id);
    w.Raw(",\"kind\":");
    w.String(a.kind);
    w.Raw(",\"message\":");
    Text(w, a.message);
    w.Raw(",\"facts\":[");
    for (size_t f = 0; f < alerts[i].facts.size(); ++f) {
      if (f) w.Raw(",");
      w.String(model.facts[alerts[i].facts[f]].id);
    }
    std::vector<const FactMention*> said = AlertMentions(model, u, alerts[i]);
    w.Raw("],\"at_risk\":");
    if (said.empty()) w.Null();
    else w.String(SubjectId(said[0]->subject));
    w.Raw(",\"words\":[");
    bool first_word = true;
    for (const FactMention* m : said) {
      if (m->origin != FactMention::kPhrase) continue;
      if (!first_word) w.Raw(",");
      first_word = false;
      w.String(m->words);
    }
    w.Raw("],\"first_contact\":");
    AgencyId(w, model, a.first_contact);
    w.Raw(",\"contacts\":[");
    for (size_t c = 0; c < a.contacts.size(); ++c) {
      if (c) w.Raw(",");
      CrisisContactJson(w, model.crisis[a.contacts[c]], model.holidays, at);
    }
    w.Raw("]}");
  }
  w.Raw("]");
}

void RankedAgencyJson(JsonWriter& w, const RankedAgency& r, const JsonFragments& fragments) {
  w.Raw(fragments.agency_id[r.agency]);  // {"id":"..."
  w.Raw(",\"rank\":");
  w.Int(r.rank);
  w.Raw(",\"score\":");
  w.Int(r.score);
  w.Raw(fragments.agency_members[r.agency]);  // ,"name":...,"hours":...
  w.Raw(",\"roles\":[");
  for (size_t i = 0; i < r.roles.size(); ++i) {
    if (i) w.Raw(",");
    w.Raw(fragments.roles[r.agency][r.roles[i]]);
  }
  w.Raw("],\"reasons\":");
  w.StringArray(r.reasons);
  w.Raw(",\"score_parts\":[");
  for (size_t i = 0; i < r.parts.size(); ++i) {
    w.Raw(i ? ",{\"source\":" : "{\"source\":");
    w.String(r.parts[i].source);
    w.Raw(",\"weight\":");
    w.Int(r.parts[i].weight);
    w.Raw("}");
  }
  w.Raw("],\"conditions\":[");
  for (size_t i = 0; i < r.conditions.size(); ++i) {
    const AgencyCondition& c = r.conditions[i];
    w.Raw(i ? ",{\"kind\":" : "{\"kind\":");
    w.String(c.kind);
    w.Raw(",\"ja\":");
    w.String(c.text.ja);
    w.Raw(",\"en\":");
    w.String(c.text.en);
    w.Raw("}");
  }
  // The local office serving where the family lives (null when none is
  // chosen), and why, or why none can be and whom to ask (null for an
  // agency without local offices).
  w.Raw("],\"office\":");
  if (r.office < 0) w.Null();
  else w.Raw(fragments.offices[r.agency][static_cast<size_t>(r.office)]);
  w.Raw(",\"office_reason\":");
  if (r.office_reason.empty()) w.Null();
  else Text(w, r.office_reason);
  w.Raw(fragments.agency_verified[r.agency]);  // ,"verified":...,"checked_on":...}
}

// Renders with a fresh writer into a string (fragments are built once).
template <typename Write>
std::string Rendered(Write write) {
  std::string out;
  {
    JsonWriter w(&out);
    write(w);
  }
  return out;
}

}  // namespace

void WriteResultJson(JsonWriter& w, const Model& model, const CaseResult& result, const JsonFragments& fragments,
                     const RenderOptions& options, const RecordIdentity* record) {
  const Understanding& u = result.understanding;
  const Ranking& ranking = result.ranking;
  w.Raw("{\"schema\":");
  w.String(kResultSchema);
  w.Raw(",\"data_version\":");
  w.String(model.data_version);
  if (record) {
    w.Raw(",\"id\":");
    w.String(record->id);
    w.Raw(",\"record\":");
    w.Int(static_cast<long long>(record->number));
  }
  w.Raw(",\"input\":");
  w.String(u.input);
  w.Raw(",\"normalized\":");
  w.String(u.text.display);
  Facts(w, u, fragments);
  Persons(w, model, u);
  // Current ages only, one per person, with the words that gave it.
  w.Raw(",\"ages\":[");
  bool first_age = true;
  for (const Person& p : u.persons) {
    if (!p.age.known()) continue;
    w.Raw(first_age ? "{\"subject\":\"" : ",{\"subject\":\"");
    first_age = false;
    w.Raw(SubjectId(p.role));
    w.Raw("\",\"min\":");
    w.Int(p.age.lo);
    w.Raw(",\"max\":");
    w.Int(p.age.hi);
    w.Raw(",\"words\":");
    w.String(CurrentAgeWords(u, p));
    w.Raw("}");
  }
  w.Raw("],\"unrecognized\":");
  w.StringArray(u.unrecognized);
  Alerts(w, model, result.understanding, result.alerts, options.at);
  w.Raw(",\"team\":{\"multi_issue\":");
  w.Bool(ranking.team.multi_issue);
  w.Raw(",\"areas\":");
  w.StringArray(ranking.team.areas);
  w.Raw(",\"first_contact\":");
  AgencyId(w, model, ranking.team.first_contact);
  w.Raw(",\"convener\":");
  AgencyId(w, model, ranking.team.convener);
  w.Raw("},\"fallback\":");
  w.Bool(ranking.fallback);
  w.Raw(",\"agencies\":[");
  size_t shown = ranking.agencies.size();
  if (options.top > 0 && static_cast<size_t>(options.top) < shown) shown = static_cast<size_t>(options.top);
  for (size_t i = 0; i < shown; ++i) {
    if (i) w.Raw(",");
    RankedAgencyJson(w, ranking.agencies[i], fragments);
  }
  w.Raw("],\"removed\":[");
  for (size_t i = 0; i < ranking.removed.size(); ++i) {
    const Removal& r = ranking.removed[i];
    w.Raw(i ? ",{\"id\":" : "{\"id\":");
    w.String(model.agencies[r.agency].id);
    w.Raw(",\"score\":");
    w.Int(r.score);
    w.Raw(",\"why\":");
    Text(w, r.why);
    w.Raw("}");
  }
  w.Raw("]}");
}

JsonFragments BuildJsonFragments(const Model& model, const LocalTime& at) {
  JsonFragments f;
  for (const Agency& a : model.agencies) {
    f.agency_id.push_back(Rendered([&](JsonWriter& w) {
      w.Raw("{\"id\":");
      w.String(a.id);
    }));
    f.agency_members.push_back(Rendered([&](JsonWriter& w) { PlaceMembers(w, a, model.holidays, at); }));
    f.agency_verified.push_back(Rendered([&](JsonWriter& w) {
      w.Raw(a.verified ? ",\"verified\":true" : ",\"verified\":false");
      w.Raw(",\"checked_on\":");  // the latest check of any field; null: guideline only
      w.StringOrNull(a.LastChecked());
      w.Raw("}");
    }));
    f.offices.emplace_back();
    for (const Office& o : a.offices) {
      f.offices.back().push_back(Rendered([&](JsonWriter& w) {
        w.Raw("{\"id\":");
        w.String(o.id);
        PlaceMembers(w, o, model.holidays, at);
        w.Raw(",\"checked_on\":");
        std::string last;
        for (const ContactCheck& k : o.checked) last = std::max(last, k.date);
        w.StringOrNull(last);
        w.Raw("}");
      }));
    }
    f.roles.emplace_back();
    for (const Role& role : a.roles) {
      f.roles.back().push_back(Rendered([&](JsonWriter& w) {
        w.Raw("{\"id\":");
        w.String(role.id);
        w.Raw(",\"ja\":");
        w.String(role.label.ja);
        w.Raw(",\"en\":");
        w.String(role.label.en);
        w.Raw(role.from_summary ? ",\"from\":\"summary\"}" : ",\"from\":\"bullet\"}");
      }));
    }
  }
  for (const FactDef& fact : model.facts) {
    f.fact_members.push_back(Rendered([&](JsonWriter& w) {
      w.Raw("\"id\":");
      w.String(fact.id);
      w.Raw(",\"label\":");
      Text(w, fact.label);
      w.Raw(",\"area\":");
      w.String(fact.area);
    }));
  }
  return f;
}

std::string RenderJson(const Model& model, const CaseResult& result, const RenderOptions& options) {
  const JsonFragments fragments = BuildJsonFragments(model, options.at);
  std::string compact =
      Rendered([&](JsonWriter& w) { WriteResultJson(w, model, result, fragments, options, nullptr); });
  return options.pretty ? IndentJson(compact) : compact;
}

namespace {
using Json = nlohmann::ordered_json;

Json TextJson(const LocalText& t) { return Json{{"ja", t.ja}, {"en", t.en}}; }

Json HoursJson(const ::Hours& h) {
  if (!h.present) return nullptr;
  return Json{{"byday", h.byday},   {"opens_at", h.opens_at},       {"closes_at", h.closes_at},
              {"closed", h.closed}, {"appointment", h.appointment}, {"text", TextJson(h.text)}};
}
}  // namespace

std::string RenderAgenciesJson(const Model& model, int only, const LocalTime& at) {
  Json list = Json::array();
  for (size_t i = 0; i < model.agencies.size(); ++i) {
    if (only >= 0 && static_cast<int>(i) != only) continue;
    const Agency& a = model.agencies[i];
    Json roles = Json::array();
    for (const Role& r : a.roles)
      roles.push_back(
          Json{{"id", r.id}, {"ja", r.label.ja}, {"en", r.label.en}, {"from", r.from_summary ? "summary" : "bullet"}});
    Json checked = Json::array();
    for (const FieldCheck& c : a.checked)
      checked.push_back(
          Json{{"field", c.field}, {"date", c.check.date}, {"source", c.check.source}, {"by", c.check.by}});
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
                        {"open_now", nullptr},
                        {"next_open", nullptr},
                        {"eligibility", el},
                        {"source", Json{{"block", a.source.block},
                                        {"name", a.source.name},
                                        {"phone", a.source.phone.empty() ? Json(nullptr) : Json(a.source.phone)},
                                        {"note", a.source.note.empty() ? Json(nullptr) : Json(a.source.note)}}},
                        {"verified", a.verified},
                        {"checked", checked},
                        {"checked_on", a.LastChecked().empty() ? Json(nullptr) : Json(a.LastChecked())}});
    // Local offices (place.h): whom to ask, and the offices with their areas.
    Json offices = Json::array();
    for (const Office& o : a.offices) {
      Json serves = Json::array();
      for (const ServedArea& area : o.serves)
        serves.push_back(Json{{area.kind == ServedArea::kTown ? "town" : "school_district", area.name},
                              {"readings", area.readings}});
      Json office_checked = Json::array();
      for (const ContactCheck& k : o.checked)
        office_checked.push_back(Json{{"date", k.date}, {"source", k.source}, {"by", k.by}});
      offices.push_back(Json{{"id", o.id},
                             {"name", TextJson(o.name)},
                             {"phone", o.phone.empty() ? Json(nullptr) : Json(o.phone)},
                             {"address", o.address.empty() ? Json(nullptr) : TextJson(o.address)},
                             {"hours", HoursJson(o.hours)},
                             {"checked", office_checked},
                             {"serves", serves}});
    }
    list.back()["local_offices"] = a.local_offices;
    list.back()["ask"] = a.ask < 0 ? Json(nullptr) : Json(model.agencies[static_cast<size_t>(a.ask)].id);
    list.back()["offices"] = offices;
    if (at.set()) {
      OpenStatus s = OpenAt(a.hours, false, model.holidays, at);
      if (s.state != OpenStatus::kUnknown) list.back()["open_now"] = s.state == OpenStatus::kOpen;
      if (s.has_next) list.back()["next_open"] = IsoMoment(s.next);
    }
  }
  return (only >= 0 ? list[0] : list).dump(2);
}
