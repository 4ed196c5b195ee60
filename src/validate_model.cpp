#include "validate_model.h"

#include <cstdint>
#include <string>
#include <vector>

#include "open_hours.h"
#include "utf8.h"

namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

// Where a problem is ("rule 3 (crisis-call) target 0"), built into text
// only when there is one: checking must cost little, it runs on every
// cache read.
struct Where {
  const char* what;
  size_t index = kNone;
  const std::string* id = nullptr;  // shown when valid UTF-8 (it is checked first)
  const char* part = "";            // " role", " hours"...
  size_t target = kNone;
  std::string Text() const {
    std::string out = what;
    if (index != kNone) out += " " + std::to_string(index);
    if (id) out += " (" + *id + ")";
    out += part;
    if (target != kNone) out += " target " + std::to_string(target);
    return out;
  }
  Where Part(const char* p) const {
    Where w = *this;
    w.part = p;
    return w;
  }
};

// Collects the first problem; later checks are skipped once one is found
// (the message names one thing to look at, not a cascade).
class Checker {
 public:
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  void Fail(const Where& where, const std::string& what) {
    if (ok()) error_ = where.Text() + ": " + what;
  }
  void Index(const Where& where, const char* what, int i, size_t size, const char* table,
             const std::string* owner = nullptr) {
    if (ok() && (i < 0 || static_cast<size_t>(i) >= size))
      Fail(where, std::string(what) + " " + std::to_string(i) + " out of range (" + std::to_string(size) + " " + table +
                      (owner ? " in " + *owner : "") + ")");
  }
  void Subject(const Where& where, ::Subject s) {
    const int i = static_cast<int>(s);
    if (ok() && (i < 0 || i >= kSubjectCount)) Fail(where, "subject " + std::to_string(i) + " unknown");
  }
  void Utf8(const Where& where, std::string_view s) {
    size_t bad = 0;
    if (ok() && !IsValidUtf8(s, &bad)) Fail(where, "invalid UTF-8 at byte " + std::to_string(bad));
  }
  void Utf8(const Where& where, const LocalText& t) {
    Utf8(where, t.ja);
    Utf8(where, t.en);
  }
  void Utf8(const Where& where, const std::vector<std::string>& v) {
    for (const std::string& s : v) Utf8(where, s);
  }
  void Utf8(const Where& where, const PackedStrings& v) {
    for (std::string_view s : v) Utf8(where, s);
  }
  void Utf8(const Where& where, const Hours& h) {
    const Where at = where.Part(" hours");
    Utf8(at, h.byday);
    Utf8(at, h.opens_at);
    Utf8(at, h.closes_at);
    Utf8(at, h.closed);
    Utf8(at, h.text);
  }
  // Where entry `index` of `what` is, named by its id: the id is checked
  // first, so that messages may quote it. Stop when ok() is then false.
  Where Entry(const char* what, size_t index, const std::string& id) {
    Utf8(Where{what, index}, id);
    return Where{what, index, &id};
  }

 private:
  std::string error_;
};

// A target's agency and roles; weights as the loaders allow them (rules
// and alerts: 1 to 1000, as the loaders allow; fallback: the same, though
// its loader takes any positive weight: such a model is simply not cached).
void CheckTargets(Checker& c, const Model& m, const Where& where, const std::vector<Target>& targets, int max_weight) {
  for (size_t t = 0; t < targets.size() && c.ok(); ++t) {
    const Target& target = targets[t];
    Where at = where;
    at.target = t;
    c.Index(at, "agency", target.agency, m.agencies.size(), "agencies");
    if (!c.ok()) return;
    const Agency& agency = m.agencies[static_cast<size_t>(target.agency)];
    if (target.roles.empty()) c.Fail(at, "no role");
    for (int role : target.roles) c.Index(at, "role", role, agency.roles.size(), "roles", &agency.id);
    if (target.weight < 1 || target.weight > max_weight)
      c.Fail(at, "weight " + std::to_string(target.weight) + " out of range");
  }
}

void CheckCondition(Checker& c, const Model& m, const Where& where, const Condition& when) {
  for (const std::vector<FactRef>* refs : {&when.all, &when.any, &when.none}) {
    for (const FactRef& ref : *refs) {
      c.Index(where, "fact", ref.fact, m.facts.size(), "facts");
      c.Subject(where, ref.subject);
    }
  }
  for (const AgeCondition& age : when.ages) c.Subject(where, age.subject);
}

// Local offices: whom to ask (another agency, or none), and offices that
// each serve some area by a name that is not empty (place.cpp reads them).
void CheckOffices(Checker& c, const Model& m, size_t i, const Where& where) {
  const Agency& a = m.agencies[i];
  if (a.ask != -1) c.Index(where, "ask", a.ask, m.agencies.size(), "agencies");
  if (c.ok() && a.ask == static_cast<int>(i)) c.Fail(where, "ask names the agency itself");
  if (c.ok() && !a.offices.empty() && !a.local_offices) c.Fail(where, "offices without local_offices");
  for (const Office& o : a.offices) {
    const Where at = where.Part(" office");
    for (const std::string* s : {&o.id, &o.phone, &o.pos.file}) c.Utf8(at, *s);
    c.Utf8(at, o.name);
    c.Utf8(at, o.address);
    c.Utf8(at, o.hours);
    for (const ContactCheck& k : o.checked)
      for (const std::string* s : {&k.date, &k.source, &k.by}) c.Utf8(at.Part(" office checked"), *s);
    if (c.ok() && o.serves.empty()) c.Fail(at, "serves no area");
    for (const ServedArea& area : o.serves) {
      const int kind = static_cast<int>(area.kind);
      if (c.ok() && kind != ServedArea::kTown && kind != ServedArea::kSchoolDistrict)
        c.Fail(at, "area kind " + std::to_string(kind) + " unknown");
      c.Utf8(at, area.name);
      c.Utf8(at, area.readings);
      c.Utf8(at, area.pos.file);
      if (c.ok() && area.name.empty()) c.Fail(at, "area with no name");
      for (const std::string& r : area.readings)
        if (c.ok() && r.empty()) c.Fail(at, "empty reading");
    }
  }
}

void CheckAgencies(Checker& c, const Model& m) {
  if (m.agencies.empty()) c.Fail(Where{"model"}, "no agencies");
  for (size_t i = 0; i < m.agencies.size() && c.ok(); ++i) {
    const Agency& a = m.agencies[i];
    const Where where = c.Entry("agency", i, a.id);
    if (!c.ok()) return;
    if (a.roles.empty()) c.Fail(where, "no role");
    for (const Role& r : a.roles) {
      c.Utf8(where.Part(" role"), r.id);
      c.Utf8(where.Part(" role"), r.label);
    }
    for (const LocalText* t : {&a.name, &a.summary, &a.address, &a.eligibility.note}) c.Utf8(where, *t);
    for (const std::string* s :
         {&a.phone, &a.eligibility.residence, &a.source.name, &a.source.phone, &a.source.note, &a.pos.file})
      c.Utf8(where, *s);
    c.Utf8(where, a.hours);
    for (const FieldCheck& k : a.checked)
      for (const std::string* s : {&k.field, &k.check.date, &k.check.source, &k.check.by})
        c.Utf8(where.Part(" checked"), *s);
    CheckOffices(c, m, i, where);
  }
}

void CheckCrisis(Checker& c, const Model& m) {
  for (size_t i = 0; i < m.crisis.size() && c.ok(); ++i) {
    const CrisisContact& k = m.crisis[i];
    const Where where = c.Entry("crisis contact", i, k.id);
    if (!c.ok()) return;
    for (const LocalText* t : {&k.name, &k.note, &k.answers}) c.Utf8(where, *t);
    c.Utf8(where, k.pos.file);
    c.Utf8(where, k.phone);
    c.Utf8(where, k.cost);
    c.Utf8(where, k.kinds);
    c.Utf8(where, k.hours);
    for (const ContactCheck& check : k.checked)
      for (const std::string* s : {&check.date, &check.source, &check.by}) c.Utf8(where.Part(" checked"), *s);
  }
}

void CheckFacts(Checker& c, const Model& m) {
  for (int s = 0; s < kSubjectCount && c.ok(); ++s) {
    const std::string name = std::string("subject ") + SubjectId(static_cast<Subject>(s));
    c.Utf8(Where{name.c_str()}, m.subjects[s].ja);
    c.Utf8(Where{name.c_str()}, m.subjects[s].en);
  }
  c.Utf8(Where{"analyser words"}, m.analyzer_words);
  for (size_t i = 0; i < m.facts.size() && c.ok(); ++i) {
    const FactDef& f = m.facts[i];
    const Where where = c.Entry("fact", i, f.id);
    if (!c.ok()) return;
    c.Utf8(where, f.label);
    for (const std::string* s : {&f.area, &f.outside, &f.pos.file}) c.Utf8(where, *s);
    c.Utf8(where, f.ja);
    c.Utf8(where, f.en);
    c.Subject(where, f.subject);
    c.Subject(where.Part(" from_age"), f.age_subject);
  }
}

void CheckRules(Checker& c, const Model& m) {
  for (size_t i = 0; i < m.rules.size() && c.ok(); ++i) {
    const Rule& r = m.rules[i];
    const Where where = c.Entry("rule", i, r.id);
    if (!c.ok()) return;
    c.Utf8(where, r.reason);
    c.Utf8(where, r.pos.file);
    CheckCondition(c, m, where, r.when);
    if (r.to.empty()) c.Fail(where, "no target");
    CheckTargets(c, m, where, r.to, 1000);
  }
}

void CheckAlerts(Checker& c, const Model& m) {
  for (size_t i = 0; i < m.alerts.size() && c.ok(); ++i) {
    const AlertRule& a = m.alerts[i];
    const Where where = c.Entry("alert", i, a.id);
    if (!c.ok()) return;
    bool known = false;
    for (const char* kind : kAlertKinds) known = known || a.kind == kind;
    if (!known) c.Fail(where, "unknown kind");
    c.Utf8(where, a.message);
    c.Utf8(where, a.pos.file);
    CheckCondition(c, m, where, a.when);
    for (int contact : a.contacts) c.Index(where, "crisis contact", contact, m.crisis.size(), "crisis contacts");
    if (a.first_contact != -1) c.Index(where, "first contact", a.first_contact, m.agencies.size(), "agencies");
    CheckTargets(c, m, where, a.to, 1000);
  }
}

void CheckTeam(Checker& c, const Model& m) {
  const Where team{"team"};
  c.Index(team, "convener", m.team.convener, m.agencies.size(), "agencies");
  if (!c.ok()) return;
  const Agency& convener = m.agencies[static_cast<size_t>(m.team.convener)];
  c.Index(team, "convener role", m.team.convener_role, convener.roles.size(), "roles", &convener.id);
  if (m.team.multi_issue_areas < 1) c.Fail(team, "multi_issue_areas below 1");
  // Added to scores: bounded like a rule's weight, so no sum can overflow
  // (the shipped one is 15; a model over this is simply not cached).
  if (m.team.convener_weight < -1000 || m.team.convener_weight > 1000)
    c.Fail(team, "convener weight " + std::to_string(m.team.convener_weight) + " out of range");
  if (m.fallback.empty()) c.Fail(Where{"fallback"}, "no target");
  CheckTargets(c, m, Where{"fallback"}, m.fallback, 1000);
}

}  // namespace

// The holiday calendar: dates as the open-hours code reads them (digits in
// YYYY-MM-DD, ascending, inside the years covered), text as UTF-8.
void CheckHolidays(Checker& c, const Model& m) {
  const HolidayCalendar& h = m.holidays;
  const Where where{"holidays"};
  if (h.from < 0 || h.to < h.from || h.to > 9999) c.Fail(where, "covers out of range");
  std::string previous;
  for (size_t i = 0; i < h.days.size() && c.ok(); ++i) {
    const Holiday& d = h.days[i];
    if (!IsIsoDate(d.date)) {
      c.Fail(where, "day " + std::to_string(i) + ": not a date");
      return;
    }
    const int year = std::stoi(d.date.substr(0, 4));
    if (year < h.from || year > h.to || d.date <= previous)
      c.Fail(where, "day " + std::to_string(i) + ": out of order or outside the years covered");
    previous = d.date;
    c.Utf8(where, d.name);
    c.Utf8(where, d.kind);
  }
  for (const std::string& s : h.sources) c.Utf8(where, s);
  for (const ContactCheck& k : h.checked)
    for (const std::string* s : {&k.date, &k.source, &k.by}) c.Utf8(where, *s);
}

Status ValidateModel(const Model& model) {
  Checker c;
  CheckAgencies(c, model);
  CheckCrisis(c, model);
  CheckFacts(c, model);
  CheckRules(c, model);
  CheckAlerts(c, model);
  CheckTeam(c, model);
  CheckHolidays(c, model);
  return c.ok() ? Status::Ok() : Status::Internal(c.error());
}
