#include "scenario.h"

#include <algorithm>
#include <tuple>

#include "triage.h"
#include "yaml_doc.h"

namespace {

Status CheckIds(const YamlDoc& doc, const YAML::Node& node, const char* key,
                const std::vector<std::string>& ids, const Model& model, bool facts) {
  for (size_t i = 0; i < ids.size(); ++i) {
    bool known = facts ? model.FindFact(ids[i]) >= 0 : model.FindAgency(ids[i]) >= 0;
    if (!known)
      return doc.Error(node[key][i], std::string("unknown ") + (facts ? "fact" : "agency") + " '" + ids[i] + "'");
  }
  return Status::Ok();
}

Status ReadTriState(const YamlDoc& doc, const YAML::Node& node, const char* key, int* out) {
  if (!node[key]) return Status::Ok();
  bool value = false;
  TSUNAGU_TRY(doc.Bool(node, key, &value, true));
  *out = value ? 1 : 0;
  return Status::Ok();
}

// person_age: [min, max], two integers, min <= max.
Status ReadAgeRange(const YamlDoc& doc, const YAML::Node& node, const char* key, int* min, int* max) {
  YAML::Node range = node[key];
  if (!range) return Status::Ok();
  const std::string message = std::string(key) + " must be [min, max]: two ages, min <= max";
  if (!range.IsSequence() || range.size() != 2) return doc.Error(range, message);
  try {
    *min = range[0].as<int>();
    *max = range[1].as<int>();
  } catch (const YAML::Exception&) {
    return doc.Error(range, message);
  }
  if (*min < 0 || *min > *max) return doc.Error(range, message);
  return Status::Ok();
}

std::string Join(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out + "]";
}

}  // namespace

Status LoadScenarios(const std::string& text, const std::string& name, const Model& model,
                     std::vector<Scenario>* out) {
  YamlDoc doc(name);
  TSUNAGU_TRY(doc.Parse(text));
  TSUNAGU_TRY(doc.CheckSequence(doc.root(), "a scenario file"));
  for (const YAML::Node& node : doc.root()) {
    TSUNAGU_TRY(doc.CheckMap(node,
                             {"name", "text", "include", "exclude", "top3", "first", "alert", "facts",
                              "negated", "unrecognized", "roles", "convener", "fallback", "person_age", "parent_age"},
                             "a scenario"));
    Scenario s;
    s.file = name;
    s.line = doc.PosOf(node).line;
    TSUNAGU_TRY(doc.String(node, "name", &s.name, false));
    TSUNAGU_TRY(doc.String(node, "text", &s.text, true));
    TSUNAGU_TRY(doc.StringList(node, "include", &s.include, false));
    TSUNAGU_TRY(doc.StringList(node, "exclude", &s.exclude, false));
    TSUNAGU_TRY(doc.StringList(node, "top3", &s.top3, false));
    TSUNAGU_TRY(doc.StringList(node, "facts", &s.facts, false));
    TSUNAGU_TRY(doc.StringList(node, "negated", &s.negated, false));
    TSUNAGU_TRY(doc.String(node, "first", &s.first, false));
    TSUNAGU_TRY(doc.String(node, "convener", &s.convener, false));
    TSUNAGU_TRY(CheckIds(doc, node, "include", s.include, model, false));
    TSUNAGU_TRY(CheckIds(doc, node, "exclude", s.exclude, model, false));
    TSUNAGU_TRY(CheckIds(doc, node, "top3", s.top3, model, false));
    TSUNAGU_TRY(CheckIds(doc, node, "facts", s.facts, model, true));
    TSUNAGU_TRY(CheckIds(doc, node, "negated", s.negated, model, true));
    if (!s.first.empty() && model.FindAgency(s.first) < 0)
      return doc.Error(node["first"], "unknown agency '" + s.first + "'");
    if (!s.convener.empty() && s.convener != "none" && model.FindAgency(s.convener) < 0)
      return doc.Error(node["convener"], "unknown agency '" + s.convener + "' (or none)");
    TSUNAGU_TRY(ReadTriState(doc, node, "alert", &s.alert));
    TSUNAGU_TRY(ReadTriState(doc, node, "unrecognized", &s.unrecognized));
    TSUNAGU_TRY(ReadTriState(doc, node, "fallback", &s.fallback));
    TSUNAGU_TRY(ReadAgeRange(doc, node, "person_age", &s.person_age_min, &s.person_age_max));
    TSUNAGU_TRY(ReadAgeRange(doc, node, "parent_age", &s.parent_age_min, &s.parent_age_max));
    if (YAML::Node roles = node["roles"]) {
      if (!roles.IsMap()) return doc.Error(roles, "roles must map agency ids to role lists");
      for (auto it = roles.begin(); it != roles.end(); ++it) {
        std::string agency = it->first.Scalar();
        int a = model.FindAgency(agency);
        if (a < 0) return doc.Error(it->first, "unknown agency '" + agency + "'");
        std::vector<std::string> list;
        TSUNAGU_TRY(doc.StringList(roles, agency.c_str(), &list, true));
        for (const std::string& r : list)
          if (FindRole(model.agencies[a], r) < 0)
            return doc.Error(it->second, "agency '" + agency + "' has no role '" + r + "'");
        s.roles_of.push_back(agency);
        s.roles.push_back(list);
      }
    }
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

void RunScenarios(const Model& model, const Lexicon& lexicon, const std::vector<Scenario>& cases,
                  ScenarioReport* report) {
  report->rule_fired.assign(model.rules.size(), 0);
  report->alert_fired.assign(model.alerts.size(), 0);
  report->agency_returned.assign(model.agencies.size(), 0);
  for (const Scenario& sc : cases) {
    std::vector<std::string> problems;
    CaseResult result;
    Status s = Triage(model, lexicon, sc.text, &result);
    if (!s.ok()) {
      problems.push_back(s.ToString());
    } else {
      for (const Firing& f : result.rules) ++report->rule_fired[f.index];
      for (const Firing& f : result.alerts) ++report->alert_fired[f.index];
      std::vector<std::string> got;
      for (const RankedAgency& r : result.ranking.agencies) {
        got.push_back(model.agencies[r.agency].id);
        ++report->agency_returned[r.agency];
      }
      auto rank_of = [&](const std::string& id) {
        auto it = std::find(got.begin(), got.end(), id);
        return it == got.end() ? 0 : static_cast<int>(it - got.begin()) + 1;
      };
      for (const std::string& id : sc.include)
        if (!rank_of(id)) problems.push_back("expected " + id + " in the answer");
      for (const std::string& id : sc.exclude)
        if (rank_of(id)) problems.push_back("expected no " + id + ", got it at rank " + std::to_string(rank_of(id)));
      for (const std::string& id : sc.top3) {
        int r = rank_of(id);
        if (r == 0 || r > 3)
          problems.push_back("expected " + id + " in the top 3, got " + (r ? "rank " + std::to_string(r) : "none"));
      }
      if (!sc.first.empty() && rank_of(sc.first) != 1)
        problems.push_back("expected " + sc.first + " first, got " + (got.empty() ? "nothing" : got[0]));
      if (sc.alert >= 0 && (sc.alert == 1) != !result.alerts.empty())
        problems.push_back(sc.alert ? "expected crisis alert, got none" : "expected no alert, got one");
      const Understanding& u = result.understanding;
      for (const std::string& f : sc.facts)
        if (!u.Has(model.FindFact(f), true, Subject::kPerson)) problems.push_back("expected fact " + f);
      for (const std::string& f : sc.negated) {
        bool negated = false;
        for (const FactMention& m : u.mentions) negated = negated || (m.fact == model.FindFact(f) && m.negated);
        if (!negated) problems.push_back("expected fact " + f + " negated");
      }
      if (sc.unrecognized >= 0 && (sc.unrecognized == 1) == u.unrecognized.empty())
        problems.push_back(sc.unrecognized ? "expected words not understood, got none"
                                           : "expected every word understood, got " + Join(u.unrecognized));
      if (sc.fallback >= 0 && (sc.fallback == 1) != result.ranking.fallback)
        problems.push_back(sc.fallback ? "expected the fallback answer" : "expected a routed answer, got the fallback");
      if (!sc.convener.empty()) {
        int c = result.ranking.team.convener;
        std::string got_convener = c < 0 ? "none" : model.agencies[c].id;
        if (got_convener != sc.convener) problems.push_back("expected convener " + sc.convener + ", got " + got_convener);
      }
      // The current age of the person of concern, and of the parents.
      for (auto [subject, min, max, what] : {std::tuple{Subject::kPerson, sc.person_age_min, sc.person_age_max, "person"},
                                             std::tuple{Subject::kParent, sc.parent_age_min, sc.parent_age_max, "parent"}}) {
        if (min < 0) continue;
        AgeRange r = u.AgeOf(subject);
        if (!r.known() || r.lo < min || r.hi > max)
          problems.push_back(std::string("expected the ") + what + "'s age in " + std::to_string(min) + "-" +
                             std::to_string(max) + ", got " +
                             (r.known() ? std::to_string(r.lo) + "-" + std::to_string(r.hi) : "none"));
      }
      for (size_t i = 0; i < sc.roles_of.size(); ++i) {
        int a = model.FindAgency(sc.roles_of[i]);
        const RankedAgency* ranked = nullptr;
        for (const RankedAgency& r : result.ranking.agencies)
          if (r.agency == a) ranked = &r;
        for (const std::string& role : sc.roles[i]) {
          int want = FindRole(model.agencies[a], role);
          if (!ranked || std::find(ranked->roles.begin(), ranked->roles.end(), want) == ranked->roles.end())
            problems.push_back("expected " + sc.roles_of[i] + " in role " + role);
        }
      }
      if (!problems.empty()) problems.push_back("got " + Join(got));
    }
    if (problems.empty()) {
      ++report->passed;
      continue;
    }
    ++report->failed;
    std::string message = sc.file + ":" + std::to_string(sc.line) + ": " +
                          (sc.name.empty() ? "" : sc.name + ": ") + "\"" + sc.text + "\"";
    for (const std::string& p : problems) message += "\n    " + p;
    report->failures.push_back(message);
  }
}
