#include "scenario.h"

#include <algorithm>
#include <cctype>

#include "edit_distance.h"
#include "messages.h"
#include "triage.h"
#include "yaml_doc.h"

namespace {

Status CheckIds(const YamlDoc& doc, const YamlNode& node, const char* key, const std::vector<std::string>& ids,
                const Model& model, bool facts) {
  for (size_t i = 0; i < ids.size(); ++i) {
    bool known = facts ? model.FindFact(ids[i]) >= 0 : model.FindAgency(ids[i]) >= 0;
    if (!known)
      return doc.Error(node[key][i], facts ? TrF("unknown fact '{}'", ids[i]) : TrF("unknown agency '{}'", ids[i]));
  }
  return Status::Ok();
}

Status ReadTriState(const YamlDoc& doc, const YamlNode& node, const char* key, int* out) {
  if (!node[key]) return Status::Ok();
  bool value = false;
  TSUNAGU_TRY(doc.Bool(node, key, &value, true));
  *out = value ? 1 : 0;
  return Status::Ok();
}

std::string Join(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out + "]";
}

std::string DidYouMean(const std::string& word, const std::vector<std::string>& candidates) {
  std::string guess = ClosestMatch(word, candidates);
  return guess.empty() ? "" : TrF("; did you mean '{}'?", guess);
}

// An age in years: digits only (no sign, point or exponent), at most six.
Status ReadAge(const YamlDoc& doc, const YamlNode& item, const char* key, int* out) {
  std::string text;
  TSUNAGU_TRY(doc.Scalar(item, key, &text));
  bool negative = !text.empty() && text[0] == '-';
  std::string digits = text.substr(negative ? 1 : 0);
  auto is_digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  bool whole = !digits.empty() && digits.size() <= 6 && std::all_of(digits.begin(), digits.end(), is_digit);
  if (!whole) return doc.Error(item, TrF("an age in '{}' must be a whole number, found '{}'", key, text));
  if (negative) return doc.Error(item, TrF("an age in '{}' cannot be negative, found '{}'", key, text));
  *out = std::stoi(digits);
  return Status::Ok();
}

// `key: [min, max]`, both ages, or `key: unknown` (sets *unknown); absent
// leaves *out unknown (not checked).
Status ReadAgeRange(const YamlDoc& doc, const YamlNode& node, const char* key, AgeRange* out, bool* unknown) {
  if (!node[key]) return Status::Ok();
  if (node[key].IsScalar()) {
    if (node[key].Scalar() != "unknown")
      return doc.Error(node[key],
                       TrF("'{}' must be two ages [min, max] or unknown, found '{}'", key, node[key].Scalar()));
    *unknown = true;
    return Status::Ok();
  }
  std::vector<std::string> items;  // checks it is a list of plain values
  TSUNAGU_TRY(doc.StringList(node, key, &items, true));
  const YamlNode value = node[key];
  if (items.size() != 2) return doc.Error(value, TrF("'{}' must be two ages [min, max], found {}", key, items.size()));
  AgeRange range;
  TSUNAGU_TRY(ReadAge(doc, value[0], key, &range.lo));
  TSUNAGU_TRY(ReadAge(doc, value[1], key, &range.hi));
  if (range.lo > range.hi) return doc.Error(value, TrF("'{}' has min {} above max {}", key, range.lo, range.hi));
  *out = range;
  return Status::Ok();
}

// `alert_kind: KIND` or `[KIND, ...]`, each a kind some alert of the model has.
Status ReadAlertKinds(const YamlDoc& doc, const YamlNode& node, const Model& model, std::vector<std::string>* out) {
  const YamlNode value = node["alert_kind"];
  if (!value) return Status::Ok();
  std::vector<YamlNode> items;
  if (value.IsSequence()) {
    TSUNAGU_TRY(doc.StringList(node, "alert_kind", out, true));
    if (out->empty()) return doc.Error(value, Tr("'alert_kind' is empty"));
    for (const YamlNode& item : value) items.push_back(item);
  } else {
    std::string kind;
    TSUNAGU_TRY(doc.String(node, "alert_kind", &kind, true));
    out->assign(1, kind);
    items.push_back(value);
  }
  std::vector<std::string> kinds;  // of the model's alerts, in file order
  for (const AlertRule& a : model.alerts)
    if (std::find(kinds.begin(), kinds.end(), a.kind) == kinds.end()) kinds.push_back(a.kind);
  for (size_t i = 0; i < out->size(); ++i) {
    const std::string& kind = (*out)[i];
    if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) continue;
    std::string guess = DidYouMean(kind, kinds);
    return doc.Error(items[i], guess.empty()
                                   ? TrF("unknown alert kind '{}'; the alerts' kinds are {}", kind, Join(kinds))
                                   : TrF("unknown alert kind '{}'", kind) + guess);
  }
  return Status::Ok();
}

// `first_contact: ID`: an agency id, else a crisis contact id.
Status ReadFirstContact(const YamlDoc& doc, const YamlNode& node, const Model& model, Scenario* s) {
  if (!node["first_contact"]) return Status::Ok();
  TSUNAGU_TRY(doc.String(node, "first_contact", &s->first_contact, true));
  if (model.FindAgency(s->first_contact) >= 0) return Status::Ok();
  if (model.FindCrisis(s->first_contact) >= 0) {
    s->first_contact_crisis = true;
    return Status::Ok();
  }
  std::vector<std::string> ids;
  for (const Agency& a : model.agencies) ids.push_back(a.id);
  for (const CrisisContact& c : model.crisis) ids.push_back(c.id);
  const std::string& id = s->first_contact;
  return doc.Error(node["first_contact"], TrF("unknown agency or crisis contact '{}'", id) + DidYouMean(id, ids));
}

// `offices: {AGENCY: OFFICE | none}`: agencies with local offices, and
// offices of theirs.
Status ReadOffices(const YamlDoc& doc, const YamlNode& node, const Model& model, Scenario* s) {
  const YamlNode& offices = node["offices"];
  if (!offices) return Status::Ok();
  if (!offices.IsMap()) return doc.Error(offices, Tr("offices must map agency ids to an office id (or none)"));
  for (auto it = offices.begin(); it != offices.end(); ++it) {
    const std::string agency(it->first.Scalar());
    const int a = model.FindAgency(agency);
    if (a < 0) return doc.Error(it->first, TrF("unknown agency '{}'", agency));
    if (!model.agencies[a].local_offices)
      return doc.Error(it->first, TrF("agency '{}' has no local offices (local_offices or offices)", agency));
    std::string office;
    TSUNAGU_TRY(doc.Scalar(it->second, Tr("an office id"), &office));
    bool known = office == "none";
    for (const Office& o : model.agencies[a].offices) known = known || o.id == office;
    if (!known) return doc.Error(it->second, TrF("agency '{}' has no office '{}' (or none)", agency, office));
    s->offices.emplace_back(agency, office);
  }
  return Status::Ok();
}

std::string AgeText(const AgeRange& r) {
  return r.known() ? std::to_string(r.lo) + "–" + std::to_string(r.hi) : Tr("unknown");
}

}  // namespace

namespace {

// The scalar and list expectations, as written (checked below).
Status ReadStrings(const YamlDoc& doc, const YamlNode& node, Scenario* s) {
  TSUNAGU_TRY(doc.String(node, "name", &s->name, false));
  TSUNAGU_TRY(doc.String(node, "text", &s->text, true));
  TSUNAGU_TRY(doc.StringList(node, "include", &s->include, false));
  TSUNAGU_TRY(doc.StringList(node, "exclude", &s->exclude, false));
  TSUNAGU_TRY(doc.StringList(node, "top3", &s->top3, false));
  TSUNAGU_TRY(doc.StringList(node, "facts", &s->facts, false));
  TSUNAGU_TRY(doc.StringList(node, "not_facts", &s->not_facts, false));
  TSUNAGU_TRY(doc.StringList(node, "negated", &s->negated, false));
  TSUNAGU_TRY(doc.String(node, "first", &s->first, false));
  TSUNAGU_TRY(doc.String(node, "pending", &s->pending, false));
  if (node["pending"] && s->pending.empty())
    return doc.Error(node["pending"], Tr("'pending' must say why the case does not pass yet"));
  TSUNAGU_TRY(doc.String(node, "convener", &s->convener, false));
  return Status::Ok();
}

// Every agency and fact id the expectations name exists in the model.
Status CheckScenarioIds(const YamlDoc& doc, const YamlNode& node, const Model& model, const Scenario& s) {
  TSUNAGU_TRY(CheckIds(doc, node, "include", s.include, model, false));
  TSUNAGU_TRY(CheckIds(doc, node, "exclude", s.exclude, model, false));
  TSUNAGU_TRY(CheckIds(doc, node, "top3", s.top3, model, false));
  TSUNAGU_TRY(CheckIds(doc, node, "facts", s.facts, model, true));
  TSUNAGU_TRY(CheckIds(doc, node, "not_facts", s.not_facts, model, true));
  TSUNAGU_TRY(CheckIds(doc, node, "negated", s.negated, model, true));
  if (!s.first.empty() && model.FindAgency(s.first) < 0)
    return doc.Error(node["first"], TrF("unknown agency '{}'", s.first));
  if (!s.convener.empty() && s.convener != "none" && model.FindAgency(s.convener) < 0)
    return doc.Error(node["convener"], TrF("unknown agency '{}' (or none)", s.convener));
  return Status::Ok();
}

// roles: agency id -> the roles it must have in the answer.
Status ReadRoles(const YamlDoc& doc, const YamlNode& node, const Model& model, Scenario* s) {
  YamlNode roles = node["roles"];
  if (!roles) return Status::Ok();
  if (!roles.IsMap()) return doc.Error(roles, Tr("roles must map agency ids to role lists"));
  for (auto it = roles.begin(); it != roles.end(); ++it) {
    std::string agency(it->first.Scalar());
    int a = model.FindAgency(agency);
    if (a < 0) return doc.Error(it->first, TrF("unknown agency '{}'", agency));
    std::vector<std::string> list;
    TSUNAGU_TRY(doc.StringList(roles, agency.c_str(), &list, true));
    for (const std::string& r : list)
      if (FindRole(model.agencies[a], r) < 0)
        return doc.Error(it->second, TrF("agency '{}' has no role '{}'", agency, r));
    s->roles_of.push_back(agency);
    s->roles.push_back(list);
  }
  return Status::Ok();
}

// One scenario: its expectations, each checked against the model.
Status LoadScenario(const YamlDoc& doc, const YamlNode& node, const Model& model, Scenario* s) {
  TSUNAGU_TRY(ReadStrings(doc, node, s));
  TSUNAGU_TRY(CheckScenarioIds(doc, node, model, *s));
  TSUNAGU_TRY(ReadTriState(doc, node, "alert", &s->alert));
  TSUNAGU_TRY(ReadTriState(doc, node, "unrecognized", &s->unrecognized));
  TSUNAGU_TRY(ReadTriState(doc, node, "fallback", &s->fallback));
  TSUNAGU_TRY(ReadAgeRange(doc, node, "person_age", &s->person_age, &s->person_age_unknown));
  TSUNAGU_TRY(ReadAgeRange(doc, node, "parent_age", &s->parent_age, &s->parent_age_unknown));
  TSUNAGU_TRY(ReadAlertKinds(doc, node, model, &s->alert_kinds));
  TSUNAGU_TRY(ReadFirstContact(doc, node, model, s));
  TSUNAGU_TRY(doc.String(node, "place", &s->place, false));
  TSUNAGU_TRY(ReadOffices(doc, node, model, s));
  return ReadRoles(doc, node, model, s);
}

}  // namespace

Status LoadScenarios(const std::string& text, const std::string& name, const Model& model, std::vector<Scenario>* out) {
  YamlDoc doc(name);
  TSUNAGU_TRY(doc.Parse(text));
  TSUNAGU_TRY(doc.CheckSequence(doc.root(), Tr("a scenario file")));
  for (const YamlNode& node : doc.root()) {
    TSUNAGU_TRY(doc.CheckMap(
        node, {"name",       "text",       "include",    "exclude",       "top3",    "first",    "alert",
               "facts",      "not_facts",  "negated",    "unrecognized",  "roles",   "convener", "fallback",
               "person_age", "parent_age", "alert_kind", "first_contact", "pending", "place",    "offices"},
        Tr("a scenario")));
    Scenario s;
    s.file = name;
    s.line = doc.PosOf(node).line;
    TSUNAGU_TRY(LoadScenario(doc, node, model, &s));
    out->push_back(std::move(s));
  }
  return Status::Ok();
}

double ScenarioReport::RuleCoverage() const {
  size_t total = rule_fired.size() + alert_fired.size();
  if (total == 0) return 100.0;
  size_t fired = 0;
  for (int n : rule_fired) fired += n > 0;
  for (int n : alert_fired) fired += n > 0;
  return 100.0 * static_cast<double>(fired) / static_cast<double>(total);
}

namespace {

using Problems = std::vector<std::string>;

// The rank of the agency id in the answer, 1-based; 0 when it is not there.
int RankOf(const std::vector<std::string>& got, const std::string& id) {
  auto it = std::find(got.begin(), got.end(), id);
  return it == got.end() ? 0 : static_cast<int>(it - got.begin()) + 1;
}

const RankedAgency* FindRanked(const CaseResult& result, int agency) {
  const RankedAgency* ranked = nullptr;
  for (const RankedAgency& r : result.ranking.agencies)
    if (r.agency == agency) ranked = &r;
  return ranked;
}

// include, exclude, top3, first: where agencies stand in the answer.
void CheckRanks(const Scenario& sc, const std::vector<std::string>& got, Problems* problems) {
  for (const std::string& id : sc.include)
    if (!RankOf(got, id)) problems->push_back(TrF("expected {} in the answer", id));
  for (const std::string& id : sc.exclude)
    if (RankOf(got, id)) problems->push_back(TrF("expected no {}, got it at rank {}", id, RankOf(got, id)));
  for (const std::string& id : sc.top3) {
    int r = RankOf(got, id);
    if (r == 0 || r > 3)
      problems->push_back(r ? TrF("expected {} in the top 3, got rank {}", id, r)
                            : TrF("expected {} in the top 3, got none", id));
  }
  if (!sc.first.empty() && RankOf(got, sc.first) != 1)
    problems->push_back(got.empty() ? TrF("expected {} first, got nothing", sc.first)
                                    : TrF("expected {} first, got {}", sc.first, got[0]));
}

// facts, not_facts, negated, unrecognized: what was read from the text.
void CheckFacts(const Model& model, const Scenario& sc, const Understanding& u, Problems* problems) {
  for (const std::string& f : sc.facts)
    if (!u.Has(model.FindFact(f), true, Subject::kPerson)) problems->push_back(TrF("expected fact {}", f));
  for (const std::string& f : sc.not_facts)
    if (u.Has(model.FindFact(f), true, Subject::kPerson)) problems->push_back(TrF("expected no fact {}", f));
  for (const std::string& f : sc.negated) {
    bool negated = false;
    for (const FactMention& m : u.mentions) negated = negated || (m.fact == model.FindFact(f) && m.negated);
    if (!negated) problems->push_back(TrF("expected fact {} negated", f));
  }
  if (sc.unrecognized >= 0 && (sc.unrecognized == 1) == u.unrecognized.empty())
    problems->push_back(sc.unrecognized ? Tr("expected words not understood, got none")
                                        : TrF("expected every word understood, got {}", Join(u.unrecognized)));
}

// fallback, convener: how the case was routed.
void CheckRouting(const Model& model, const Scenario& sc, const CaseResult& result, Problems* problems) {
  if (sc.fallback >= 0 && (sc.fallback == 1) != result.ranking.fallback)
    problems->push_back(sc.fallback ? Tr("expected the fallback answer")
                                    : Tr("expected a routed answer, got the fallback"));
  if (!sc.convener.empty()) {
    int c = result.ranking.team.convener;
    std::string got_convener = c < 0 ? "none" : model.agencies[c].id;  // the value scenarios write
    if (got_convener != sc.convener)
      problems->push_back(TrF("expected convener {}, got {}", sc.convener, got_convener));
  }
}

// person_age, parent_age.
void CheckAges(const Scenario& sc, const Understanding& u, Problems* problems) {
  auto age_wrong = [&](const AgeRange& want, bool want_unknown, Subject subject) {
    AgeRange age = u.AgeOf(subject);
    return (want.known() && (!age.known() || age.lo < want.lo || age.hi > want.hi)) || (want_unknown && age.known());
  };
  if (age_wrong(sc.person_age, sc.person_age_unknown, Subject::kPerson))
    problems->push_back(
        TrF("expected person age {}, got {}", AgeText(sc.person_age), AgeText(u.AgeOf(Subject::kPerson))));
  if (age_wrong(sc.parent_age, sc.parent_age_unknown, Subject::kParent))
    problems->push_back(
        TrF("expected parent age {}, got {}", AgeText(sc.parent_age), AgeText(u.AgeOf(Subject::kParent))));
}

// alert_kind, first_contact: which alerts fired and whom to call first.
void CheckAlertKinds(const Model& model, const Scenario& sc, const CaseResult& result, Problems* problems) {
  std::vector<std::string> kinds;  // of the fired alerts, in firing order
  for (const Firing& f : result.alerts)
    if (std::find(kinds.begin(), kinds.end(), model.alerts[f.index].kind) == kinds.end())
      kinds.push_back(model.alerts[f.index].kind);
  for (const std::string& k : sc.alert_kinds)
    if (std::find(kinds.begin(), kinds.end(), k) == kinds.end())
      problems->push_back(kinds.empty() ? TrF("expected alert kind {}, got none", k)
                                        : TrF("expected alert kind {}, got {}", k, Join(kinds)));
  if (!sc.first_contact.empty()) {
    std::string got_first = "none";
    if (!sc.first_contact_crisis && result.ranking.team.first_contact >= 0)
      got_first = model.agencies[result.ranking.team.first_contact].id;
    const std::vector<int>* contacts = result.alerts.empty() ? nullptr : &model.alerts[result.alerts[0].index].contacts;
    if (sc.first_contact_crisis && contacts && !contacts->empty()) got_first = model.crisis[(*contacts)[0]].id;
    if (got_first != sc.first_contact)
      problems->push_back(TrF("expected first contact {}, got {}", sc.first_contact, got_first));
  }
}

// roles: each listed agency is in the answer with each listed role.
void CheckRoles(const Model& model, const Scenario& sc, const CaseResult& result, Problems* problems) {
  for (size_t i = 0; i < sc.roles_of.size(); ++i) {
    int a = model.FindAgency(sc.roles_of[i]);
    const RankedAgency* ranked = FindRanked(result, a);
    for (const std::string& role : sc.roles[i]) {
      int want = FindRole(model.agencies[a], role);
      if (!ranked || std::find(ranked->roles.begin(), ranked->roles.end(), want) == ranked->roles.end())
        problems->push_back(TrF("expected {} in role {}", sc.roles_of[i], role));
    }
  }
}

// place, offices: where they live and which local office each agency gave.
void CheckPlace(const Model& model, const Scenario& sc, const CaseResult& result, Problems* problems) {
  const Understanding& u = result.understanding;
  if (!sc.place.empty()) {
    const std::string got_place = u.places.empty() ? "none" : u.places[0].area;
    if (got_place != sc.place) problems->push_back(TrF("expected place {}, got {}", sc.place, got_place));
  }
  for (const auto& [agency, office] : sc.offices) {
    const int a = model.FindAgency(agency);
    const RankedAgency* ranked = FindRanked(result, a);
    if (!ranked) {
      problems->push_back(TrF("expected {} (office {}) in the answer", agency, office));
      continue;
    }
    const std::string got_office =
        ranked->office < 0 ? "none" : model.agencies[a].offices[static_cast<size_t>(ranked->office)].id;
    if (got_office != office) problems->push_back(TrF("expected {} office {}, got {}", agency, office, got_office));
  }
}

// Runs one scenario, counts what fired and returns what it expected and did
// not get (with the answer last), in the order the expectations are listed
// in docs/FORMAT.md.
Problems RunScenario(const Model& model, const Lexicon& lexicon, const RuleIndex& index, const Scenario& sc,
                     ScenarioReport* report) {
  Problems problems;
  CaseResult result;
  Status s = Triage(model, lexicon, index, sc.text, &result);
  if (!s.ok()) {
    problems.push_back(s.ToString());
    return problems;
  }
  for (const Firing& f : result.rules) ++report->rule_fired[f.index];
  for (const Firing& f : result.alerts) ++report->alert_fired[f.index];
  std::vector<std::string> got;
  for (const RankedAgency& r : result.ranking.agencies) {
    got.push_back(model.agencies[r.agency].id);
    ++report->agency_returned[r.agency];
  }
  CheckRanks(sc, got, &problems);
  if (sc.alert >= 0 && (sc.alert == 1) != !result.alerts.empty())
    problems.push_back(sc.alert ? Tr("expected crisis alert, got none") : Tr("expected no alert, got one"));
  CheckFacts(model, sc, result.understanding, &problems);
  CheckRouting(model, sc, result, &problems);
  CheckAges(sc, result.understanding, &problems);
  CheckAlertKinds(model, sc, result, &problems);
  CheckRoles(model, sc, result, &problems);
  CheckPlace(model, sc, result, &problems);
  if (!problems.empty()) problems.push_back(TrF("got {}", Join(got)));
  return problems;
}

// Counts the scenario as passed, failed or pending, with its message.
void RecordOutcome(const Scenario& sc, const Problems& problems, ScenarioReport* report) {
  std::string message =
      sc.file + ":" + std::to_string(sc.line) + ": " + (sc.name.empty() ? "" : sc.name + ": ") + "\"" + sc.text + "\"";
  if (problems.empty() && sc.pending.empty()) {
    ++report->passed;
    return;
  }
  if (problems.empty()) {
    // A pending case that passes: the mark is stale and would hide a
    // later regression.
    ++report->failed;
    report->failures.push_back(message + "\n    " + TrF("passes now: remove 'pending: {}'", sc.pending));
    return;
  }
  for (const std::string& p : problems) message += "\n    " + p;
  if (!sc.pending.empty()) {
    ++report->pending;
    report->pendings.push_back(message + "\n    " + TrF("pending: {}", sc.pending));
    return;
  }
  ++report->failed;
  report->failures.push_back(message);
}

}  // namespace

void RunScenarios(const Model& model, const Lexicon& lexicon, const RuleIndex& index,
                  const std::vector<Scenario>& cases, ScenarioReport* report) {
  report->rule_fired.assign(model.rules.size(), 0);
  report->alert_fired.assign(model.alerts.size(), 0);
  report->agency_returned.assign(model.agencies.size(), 0);
  for (const Scenario& sc : cases) RecordOutcome(sc, RunScenario(model, lexicon, index, sc, report), report);
}
