#include "load_rules.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <unordered_map>

#include "edit_distance.h"
#include "messages.h"
#include "yaml_doc.h"

namespace {

Status ReadSubject(const YamlDoc& doc, const YamlNode& map, const char* key, Subject* out, bool required) {
  std::string id;
  TSUNAGU_TRY(doc.String(map, key, &id, required));
  if (id.empty()) return Status::Ok();
  if (!ParseSubject(id, out))
    return doc.Error(map[key], TrF("unknown subject '{}'; use person, parent, family, household or neighbour", id));
  return Status::Ok();
}

std::vector<std::string> Ids(const Records<FactDef>& facts) {
  std::vector<std::string> ids;
  for (const FactDef& f : facts) ids.push_back(f.id);
  return ids;
}

std::vector<std::string> AgencyIds(const Model& model) {
  std::vector<std::string> ids;
  for (const Agency& a : model.agencies) ids.push_back(a.id);
  return ids;
}

// `with_guess` (its last placeholder the guess) when a candidate is close
// to `word`, else `plain`: each a whole sentence of the catalogue (Tr).
template <typename... Args>
std::string WithGuess(const char* with_guess, const char* plain, const std::string& word,
                      const std::vector<std::string>& candidates, const Args&... args) {
  std::string guess = ClosestMatch(word, candidates);
  if (guess.empty()) return fmt::format(fmt::runtime(plain), args...);
  return fmt::format(fmt::runtime(with_guess), args..., guess);
}

Status ReadFact(const YamlDoc& doc, const YamlNode& node, FactDef* f) {
  TSUNAGU_TRY(doc.CheckMap(node, {"id", "label", "area", "subject", "ja", "en", "from_age", "from_duration", "outside"},
                           Tr("a fact")));
  f->pos = doc.PosOf(node);
  TSUNAGU_TRY(doc.String(node, "id", &f->id, true));
  TSUNAGU_TRY(doc.Text(node, "label", &f->label, true));
  TSUNAGU_TRY(doc.String(node, "area", &f->area, true));
  bool known_area = false;
  for (const std::string& a : KnownAreas()) known_area = known_area || a == f->area;
  if (!known_area)
    return doc.Error(node["area"], WithGuess(Tr("unknown area '{}'; did you mean '{}'?"), Tr("unknown area '{}'"),
                                             f->area, KnownAreas(), f->area));
  TSUNAGU_TRY(ReadSubject(doc, node, "subject", &f->subject, true));
  std::vector<std::string> ja, en;
  TSUNAGU_TRY(doc.StringList(node, "ja", &ja, false));
  TSUNAGU_TRY(doc.StringList(node, "en", &en, false));
  f->ja = PackedStrings(ja);
  f->en = PackedStrings(en);
  TSUNAGU_TRY(doc.String(node, "outside", &f->outside, false));
  if (YamlNode age = node["from_age"]) {
    TSUNAGU_TRY(doc.CheckMap(age, {"subject", "min", "max", "anyone"}, "from_age"));
    f->from_age = true;
    TSUNAGU_TRY(ReadSubject(doc, age, "subject", &f->age_subject, true));
    TSUNAGU_TRY(doc.Int(age, "min", &f->age_min, false));
    TSUNAGU_TRY(doc.Int(age, "max", &f->age_max, false));
    TSUNAGU_TRY(doc.Bool(age, "anyone", &f->age_anyone, false));
    if (f->age_min < 0 && f->age_max < 0) return doc.Error(age, Tr("from_age needs min or max"));
  }
  if (YamlNode duration = node["from_duration"]) {
    TSUNAGU_TRY(doc.CheckMap(duration, {"min_months"}, "from_duration"));
    TSUNAGU_TRY(doc.Int(duration, "min_months", &f->from_duration_months, true));
    if (f->from_duration_months < 0) return doc.Error(duration, Tr("min_months must be 0 or more"));
  }
  if (f->ja.empty() && f->en.empty() && !f->from_age && f->from_duration_months < 0)
    return doc.Error(node, TrF("fact '{}' has no phrases (ja/en) and no from_age: it can never be found", f->id));
  return Status::Ok();
}

// A model's fact ids by hash, built once per file: with thousands of
// facts and rules, a scan per reference is quadratic (issue 16).
class FactIds {
 public:
  explicit FactIds(const Model& model) : model_(model) {
    ids_.reserve(model.facts.size());
    for (size_t f = 0; f < model.facts.size(); ++f) ids_.emplace(model.facts[f].id, static_cast<int>(f));
  }
  const Model& model() const { return model_; }
  int Find(const std::string& id) const {  // the first fact of that id, or -1
    auto it = ids_.find(id);
    return it == ids_.end() ? -1 : it->second;
  }

 private:
  const Model& model_;
  std::unordered_map<std::string_view, int> ids_;
};

// "fact" or "fact@subject".
Status ReadFactRef(const YamlDoc& doc, const YamlNode& node, const FactIds& facts, FactRef* ref) {
  std::string text;
  TSUNAGU_TRY(doc.Scalar(node, Tr("a fact reference"), &text));
  std::string id = text;
  size_t at = text.find('@');
  if (at != std::string::npos) {
    id = text.substr(0, at);
    ref->any_subject = false;
    if (!ParseSubject(text.substr(at + 1), &ref->subject))
      return doc.Error(node, TrF("unknown subject in '{}'; use person, parent, family, household or neighbour", text));
  }
  ref->fact = facts.Find(id);
  if (ref->fact < 0)
    return doc
        .Error(node,
               WithGuess(Tr("unknown fact '{}'; did you mean '{}'? (facts are defined in lexicon.yaml)"),
                         Tr("unknown fact '{}' (facts are defined in lexicon.yaml)"), id, Ids(facts.model().facts), id))
        .Refers("fact", id);
  return Status::Ok();
}

Status ReadFactRefs(const YamlDoc& doc, const YamlNode& when, const char* key, const FactIds& facts,
                    std::vector<FactRef>* out) {
  YamlNode list = when[key];
  if (!list) return Status::Ok();
  if (list.IsScalar()) {  // a single fact written without brackets
    FactRef ref;
    TSUNAGU_TRY(ReadFactRef(doc, list, facts, &ref));
    out->push_back(ref);
    return Status::Ok();
  }
  TSUNAGU_TRY(doc.CheckSequence(list, key));
  for (const YamlNode& item : list) {
    FactRef ref;
    TSUNAGU_TRY(ReadFactRef(doc, item, facts, &ref));
    out->push_back(ref);
  }
  return Status::Ok();
}

Status ReadAgeCondition(const YamlDoc& doc, const YamlNode& node, AgeCondition* c) {
  TSUNAGU_TRY(doc.CheckMap(node, {"subject", "min", "max"}, Tr("an age condition")));
  TSUNAGU_TRY(ReadSubject(doc, node, "subject", &c->subject, true));
  TSUNAGU_TRY(doc.Int(node, "min", &c->min, false));
  TSUNAGU_TRY(doc.Int(node, "max", &c->max, false));
  if (c->min < 0 && c->max < 0) return doc.Error(node, Tr("an age condition needs min or max"));
  if (c->max >= 0 && c->min > c->max) return doc.Error(node, Tr("min is greater than max"));
  return Status::Ok();
}

Status ReadCondition(const YamlDoc& doc, const YamlNode& node, const FactIds& facts, Condition* c) {
  TSUNAGU_TRY(doc.CheckMap(node, {"all", "any", "none", "age"}, "when"));
  TSUNAGU_TRY(ReadFactRefs(doc, node, "all", facts, &c->all));
  TSUNAGU_TRY(ReadFactRefs(doc, node, "any", facts, &c->any));
  TSUNAGU_TRY(ReadFactRefs(doc, node, "none", facts, &c->none));
  if (YamlNode age = node["age"]) {
    if (age.IsSequence()) {
      for (const YamlNode& item : age) {
        AgeCondition ac;
        TSUNAGU_TRY(ReadAgeCondition(doc, item, &ac));
        c->ages.push_back(ac);
      }
    } else {
      AgeCondition ac;
      TSUNAGU_TRY(ReadAgeCondition(doc, age, &ac));
      c->ages.push_back(ac);
    }
  }
  if (c->all.empty() && c->any.empty() && c->ages.empty())
    return doc.Error(node, Tr("'when' needs at least one of all, any or age (none alone always holds)"));
  return Status::Ok();
}

Status ReadTarget(const YamlDoc& doc, const YamlNode& node, const Model& model, bool need_weight, Target* t) {
  TSUNAGU_TRY(doc.CheckMap(node, {"agency", "roles", "weight"}, Tr("a target")));
  std::string agency;
  TSUNAGU_TRY(doc.String(node, "agency", &agency, true));
  t->agency = model.FindAgency(agency);
  if (t->agency < 0)
    return doc
        .Error(node["agency"],
               WithGuess(Tr("unknown agency '{}'; did you mean '{}'? (agencies are defined in data/agencies.yaml)"),
                         Tr("unknown agency '{}' (agencies are defined in data/agencies.yaml)"), agency,
                         AgencyIds(model), agency))
        .Refers("agency", agency);
  const Agency& a = model.agencies[t->agency];
  std::vector<std::string> roles;
  TSUNAGU_TRY(doc.StringList(node, "roles", &roles, true));
  if (roles.empty()) return doc.Error(node["roles"], Tr("a target needs at least one role"));
  for (size_t i = 0; i < roles.size(); ++i) {
    int role = FindRole(a, roles[i]);
    if (role < 0) {
      std::vector<std::string> role_ids;
      for (const Role& r : a.roles) role_ids.push_back(r.id);
      return doc.Error(node["roles"][i],
                       WithGuess(Tr("agency '{}' has no role '{}'; did you mean '{}'?"),
                                 Tr("agency '{}' has no role '{}'"), roles[i], role_ids, agency, roles[i]));
    }
    t->roles.push_back(role);
  }
  TSUNAGU_TRY(doc.Int(node, "weight", &t->weight, need_weight));
  if (need_weight && (t->weight <= 0 || t->weight > 1000))
    return doc.Error(node["weight"], Tr("weight must be between 1 and 1000"));
  return Status::Ok();
}

Status ReadTargets(const YamlDoc& doc, const YamlNode& map, const char* key, const Model& model, bool required,
                   std::vector<Target>* out) {
  YamlNode list = map[key];
  if (!list) return required ? doc.Error(map, TrF("missing required key '{}'", key)) : Status::Ok();
  TSUNAGU_TRY(doc.CheckSequence(list, key));
  for (const YamlNode& item : list) {
    Target t;
    TSUNAGU_TRY(ReadTarget(doc, item, model, true, &t));
    out->push_back(t);
  }
  if (required && out->empty()) return doc.Error(list, TrF("'{}' is empty", key));
  return Status::Ok();
}

// The ids defined so far and the line of each: a scan of the earlier items
// per item would make a big file quadratic.
using IdLines = std::unordered_map<std::string, int>;

template <typename List>
IdLines IdLinesOf(const List& items) {
  IdLines ids;
  for (const auto& item : items) ids.emplace(item.id, item.pos.line);
  return ids;
}

Status CheckUniqueId(const YamlDoc& doc, const YamlNode& node, const std::string& id, int line, const char* what,
                     IdLines* ids) {
  auto [first, added] = ids->emplace(id, line);
  if (!added)
    return doc.Error(node["id"], TrF("duplicate {} id '{}' (first defined at line {})", what, id, first->second));
  return Status::Ok();
}

}  // namespace

const std::vector<std::string>& KnownAreas() {
  static const std::vector<std::string> areas = {"withdrawal", "care",   "money",  "disability", "work",
                                                 "admin",      "family", "crisis", "community"};
  return areas;
}

Status LoadLexicon(const std::string& text, const std::string& name, Model* model) {
  return LoadFromText(text, name, LoadLexicon, model);
}

Status LoadLexicon(const YamlDoc& doc, Model* model) {
  TSUNAGU_TRY(doc.CheckMap(doc.root(), {"words", "subjects", "facts"}, Tr("the lexicon file")));
  TSUNAGU_TRY(doc.StringList(doc.root(), "words", &model->analyzer_words, false));
  for (size_t i = 0; i < model->analyzer_words.size(); ++i) {
    const std::string& w = model->analyzer_words[i];
    // A dictionary entry is one CSV line: no separators, nothing empty.
    if (w.empty() || w.find_first_of(",\n\r\" ") != std::string::npos)
      return doc.Error(doc.root()["words"][i], TrF("word '{}' must be one word without commas, quotes or spaces", w));
  }
  YamlNode subjects = doc.root()["subjects"];
  if (!subjects) return doc.Error(doc.root(), TrF("missing required key '{}'", "subjects"));
  TSUNAGU_TRY(doc.CheckMap(subjects, {"person", "parent", "family", "household", "neighbour", "caller"}, "subjects"));
  for (auto it = subjects.begin(); it != subjects.end(); ++it) {
    Subject s;
    ParseSubject(std::string(it->first.Scalar()), &s);
    TSUNAGU_TRY(doc.CheckMap(it->second, {"ja", "en"}, Tr("a subject")));
    SubjectWords& words = model->subjects[static_cast<int>(s)];
    TSUNAGU_TRY(doc.StringList(it->second, "ja", &words.ja, false));
    TSUNAGU_TRY(doc.StringList(it->second, "en", &words.en, false));
  }
  YamlNode facts = doc.root()["facts"];
  if (!facts) return doc.Error(doc.root(), TrF("missing required key '{}'", "facts"));
  TSUNAGU_TRY(doc.CheckSequence(facts, "facts"));
  IdLines ids = IdLinesOf(model->facts);
  for (const YamlNode& node : facts) {
    FactDef f;
    TSUNAGU_TRY(ReadFact(doc, node, &f));
    TSUNAGU_TRY(CheckUniqueId(doc, node, f.id, f.pos.line, Tr("fact"), &ids));
    model->facts.push_back(std::move(f));
  }
  return Status::Ok();
}

Status LoadRouting(const std::string& text, const std::string& name, Model* model) {
  return LoadFromText(text, name, LoadRouting, model);
}

Status LoadRouting(const YamlDoc& doc, Model* model) {
  TSUNAGU_TRY(doc.CheckSequence(doc.root(), Tr("the routing file")));
  IdLines ids = IdLinesOf(model->rules);
  const FactIds facts(*model);
  for (const YamlNode& node : doc.root()) {
    TSUNAGU_TRY(doc.CheckMap(node, {"id", "when", "to", "reason"}, Tr("a rule")));
    Rule rule;
    rule.pos = doc.PosOf(node);
    TSUNAGU_TRY(doc.String(node, "id", &rule.id, true));
    TSUNAGU_TRY(CheckUniqueId(doc, node, rule.id, rule.pos.line, Tr("rule"), &ids));
    if (!node["when"]) return doc.Error(node, TrF("missing required key '{}'", "when"));
    TSUNAGU_TRY(ReadCondition(doc, node["when"], facts, &rule.when));
    TSUNAGU_TRY(ReadTargets(doc, node, "to", *model, true, &rule.to));
    TSUNAGU_TRY(doc.Text(node, "reason", &rule.reason, true));
    model->rules.push_back(std::move(rule));
  }
  return Status::Ok();
}

Status LoadAlerts(const std::string& text, const std::string& name, Model* model) {
  return LoadFromText(text, name, LoadAlerts, model);
}

namespace {

// One entry of alerts: into *alert, checked against the model's facts,
// crisis contacts and agencies.
Status LoadAlert(const YamlDoc& doc, const YamlNode& node, const Model& model, const FactIds& facts, IdLines* ids,
                 AlertRule* out) {
  AlertRule& alert = *out;
  TSUNAGU_TRY(doc.CheckMap(node, {"id", "kind", "when", "contacts", "first_contact", "to", "message"}, Tr("an alert")));
  alert.pos = doc.PosOf(node);
  TSUNAGU_TRY(doc.String(node, "id", &alert.id, true));
  TSUNAGU_TRY(CheckUniqueId(doc, node, alert.id, alert.pos.line, Tr("alert"), ids));
  TSUNAGU_TRY(doc.String(node, "kind", &alert.kind, true));
  std::vector<std::string> kinds(std::begin(kAlertKinds), std::end(kAlertKinds));
  if (std::find(kinds.begin(), kinds.end(), alert.kind) == kinds.end()) {
    std::string list;
    for (const std::string& k : kinds) list += (list.empty() ? "" : ", ") + k;
    return doc.Error(node["kind"],
                     WithGuess(Tr("unknown alert kind '{0}'; did you mean '{2}'?; kinds: {1}"),
                               Tr("unknown alert kind '{}'; kinds: {}"), alert.kind, kinds, alert.kind, list));
  }
  if (!node["when"]) return doc.Error(node, TrF("missing required key '{}'", "when"));
  TSUNAGU_TRY(ReadCondition(doc, node["when"], facts, &alert.when));
  std::vector<std::string> contacts;
  TSUNAGU_TRY(doc.StringList(node, "contacts", &contacts, true));
  for (size_t i = 0; i < contacts.size(); ++i) {
    int c = model.FindCrisis(contacts[i]);
    if (c < 0)
      return doc.Error(node["contacts"][i], TrF("unknown crisis contact '{}' (see data/crisis.yaml)", contacts[i]))
          .Refers("crisis contact", contacts[i]);
    alert.contacts.push_back(c);
  }
  std::string first;
  TSUNAGU_TRY(doc.String(node, "first_contact", &first, false));
  if (!first.empty()) {
    alert.first_contact = model.FindAgency(first);
    if (alert.first_contact < 0)
      return doc
          .Error(node["first_contact"], WithGuess(Tr("unknown agency '{}'; did you mean '{}'?"),
                                                  Tr("unknown agency '{}'"), first, AgencyIds(model), first))
          .Refers("agency", first);
  }
  TSUNAGU_TRY(ReadTargets(doc, node, "to", model, false, &alert.to));
  // The first contact goes first only if the alert brings it in.
  if (alert.first_contact >= 0 &&
      std::none_of(alert.to.begin(), alert.to.end(), [&](const Target& t) { return t.agency == alert.first_contact; }))
    return doc.Error(node["first_contact"], TrF("first_contact '{}' is not in the alert's 'to': add it there, "
                                                "so that the alert brings it in",
                                                first));
  TSUNAGU_TRY(doc.Text(node, "message", &alert.message, true));
  return Status::Ok();
}

// team: the case-conference convener and when it is called.
Status LoadTeam(const YamlDoc& doc, Model* model) {
  YamlNode team = doc.root()["team"];
  if (!team) return doc.Error(doc.root(), TrF("missing required key '{}'", "team"));
  TSUNAGU_TRY(doc.CheckMap(team, {"convener", "multi_issue_areas", "weight"}, "team"));
  if (!team["convener"]) return doc.Error(team, TrF("missing required key '{}'", "convener"));
  YamlNode convener = team["convener"];
  TSUNAGU_TRY(doc.CheckMap(convener, {"agency", "role"}, "convener"));
  std::string agency, role;
  TSUNAGU_TRY(doc.String(convener, "agency", &agency, true));
  TSUNAGU_TRY(doc.String(convener, "role", &role, true));
  model->team.convener = model->FindAgency(agency);
  if (model->team.convener < 0)
    return doc
        .Error(convener["agency"], WithGuess(Tr("unknown agency '{}'; did you mean '{}'?"), Tr("unknown agency '{}'"),
                                             agency, AgencyIds(*model), agency))
        .Refers("agency", agency);
  model->team.convener_role = FindRole(model->agencies[model->team.convener], role);
  if (model->team.convener_role < 0)
    return doc.Error(convener["role"], TrF("agency '{}' has no role '{}'", agency, role));
  TSUNAGU_TRY(doc.Int(team, "multi_issue_areas", &model->team.multi_issue_areas, true));
  TSUNAGU_TRY(doc.Int(team, "weight", &model->team.convener_weight, false));
  if (model->team.multi_issue_areas < 1)
    return doc.Error(team["multi_issue_areas"], Tr("multi_issue_areas must be 1 or more"));
  return Status::Ok();
}

// fallback: the general windows when no rule routes a case.
Status LoadFallback(const YamlDoc& doc, Model* model) {
  YamlNode fallback = doc.root()["fallback"];
  if (!fallback) return doc.Error(doc.root(), TrF("missing required key '{}'", "fallback"));
  TSUNAGU_TRY(doc.CheckSequence(fallback, "fallback"));
  for (const YamlNode& item : fallback) {
    Target t;
    TSUNAGU_TRY(ReadTarget(doc, item, *model, false, &t));
    if (t.weight <= 0) t.weight = 1;
    model->fallback.push_back(t);
  }
  if (model->fallback.empty())
    return doc.Error(fallback, Tr("fallback needs at least one agency: an answer is never empty"));
  return Status::Ok();
}

}  // namespace

Status LoadAlerts(const YamlDoc& doc, Model* model) {
  TSUNAGU_TRY(doc.CheckMap(doc.root(), {"alerts", "team", "fallback"}, Tr("the alerts file")));
  YamlNode alerts = doc.root()["alerts"];
  if (!alerts) return doc.Error(doc.root(), TrF("missing required key '{}'", "alerts"));
  TSUNAGU_TRY(doc.CheckSequence(alerts, "alerts"));
  IdLines ids = IdLinesOf(model->alerts);
  const FactIds facts(*model);
  for (const YamlNode& node : alerts) {
    AlertRule alert;
    TSUNAGU_TRY(LoadAlert(doc, node, *model, facts, &ids, &alert));
    model->alerts.push_back(std::move(alert));
  }
  TSUNAGU_TRY(LoadTeam(doc, model));
  return LoadFallback(doc, model);
}
