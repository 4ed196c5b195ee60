#include "load_data.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include "messages.h"
#include "open_hours.h"
#include "place.h"
#include "yaml_doc.h"

namespace {

bool IsId(const std::string& id) {
  if (id.empty()) return false;
  for (char c : id)
    if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-' ||
          c == '_'))
      return false;
  return true;
}

Status ReadId(const YamlDoc& doc, const YamlNode& map, std::string* id) {
  TSUNAGU_TRY(doc.String(map, "id", id, true));
  if (!IsId(*id)) return doc.Error(map["id"], TrF("id '{}' must use only a-z, 0-9, '-' and '_'", *id));
  return Status::Ok();
}

// Phones are digits separated by single hyphens ("025-278-8585"), or a
// short number such as "110" or "#8008".
bool IsPhone(const std::string& phone) {
  if (phone.empty()) return false;
  size_t i = phone[0] == '#' ? 1 : 0;
  if (i >= phone.size()) return false;
  bool last_digit = false;
  for (; i < phone.size(); ++i) {
    char c = phone[i];
    if (std::isdigit(static_cast<unsigned char>(c))) last_digit = true;
    else if (c == '-' && last_digit) last_digit = false;
    else return false;
  }
  return last_digit;
}

Status ReadPhone(const YamlDoc& doc, const YamlNode& map, std::string* phone) {
  TSUNAGU_TRY(doc.String(map, "phone", phone, false));
  if (map["phone"] && !IsPhone(*phone))
    return doc.Error(map["phone"], TrF("phone '{}' must be digits and single hyphens, like 025-278-8585", *phone));
  return Status::Ok();
}

bool IsTime(const std::string& t) {
  return t.size() == 5 && std::isdigit(static_cast<unsigned char>(t[0])) &&
         std::isdigit(static_cast<unsigned char>(t[1])) && t[2] == ':' &&
         std::isdigit(static_cast<unsigned char>(t[3])) && std::isdigit(static_cast<unsigned char>(t[4])) &&
         (t[0] - '0') * 10 + (t[1] - '0') < 24 && (t[3] - '0') < 6;
}

// The schedule keys of an hours map (its keys checked by the caller).
Status ReadSchedule(const YamlDoc& doc, const YamlNode& node, Hours* hours) {
  hours->present = true;
  TSUNAGU_TRY(doc.StringList(node, "byday", &hours->byday, true));
  static const char* const kDays[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  for (size_t i = 0; i < hours->byday.size(); ++i) {
    bool ok = false;
    for (const char* d : kDays) ok = ok || hours->byday[i] == d;
    if (!ok) return doc.Error(node["byday"][i], TrF("day '{}' must be one of MO TU WE TH FR SA SU", hours->byday[i]));
  }
  TSUNAGU_TRY(doc.String(node, "opens_at", &hours->opens_at, true));
  TSUNAGU_TRY(doc.String(node, "closes_at", &hours->closes_at, true));
  if (!IsTime(hours->opens_at))
    return doc.Error(node["opens_at"], Tr("opens_at must be a time like \"09:00\" (quote it)"));
  if (!IsTime(hours->closes_at))
    return doc.Error(node["closes_at"], Tr("closes_at must be a time like \"18:00\" (quote it)"));
  if (hours->closes_at <= hours->opens_at)
    return doc.Error(node["closes_at"], Tr("closes_at must be later than opens_at"));
  TSUNAGU_TRY(doc.StringList(node, "closed", &hours->closed, false));
  for (size_t i = 0; i < hours->closed.size(); ++i) {
    if (hours->closed[i] != "holidays" && hours->closed[i] != "new-year")
      return doc.Error(node["closed"][i], Tr("closed must list only 'holidays' and 'new-year'"));
  }
  TSUNAGU_TRY(doc.Bool(node, "appointment", &hours->appointment, false));
  TSUNAGU_TRY(doc.Text(node, "text", &hours->text, true));
  return Status::Ok();
}

Status ReadHours(const YamlDoc& doc, const YamlNode& node, Hours* hours) {
  TSUNAGU_TRY(doc.CheckMap(node, {"byday", "opens_at", "closes_at", "closed", "appointment", "text"}, "hours"));
  return ReadSchedule(doc, node, hours);
}

// A crisis line's hours: `always: true` (24 h every day), the agencies'
// schedule, or only a text when the times are not simple or not all known
// (a line that routes to the caller's prefecture keeps that office's hours).
Status ReadCrisisHours(const YamlDoc& doc, const YamlNode& node, CrisisContact* c) {
  TSUNAGU_TRY(
      doc.CheckMap(node, {"always", "byday", "opens_at", "closes_at", "closed", "appointment", "text"}, "hours"));
  const bool schedule = node["byday"] || node["opens_at"] || node["closes_at"];
  if (node["always"]) {
    TSUNAGU_TRY(doc.Bool(node, "always", &c->always, true));
    if (!c->always)
      return doc.Error(node["always"],
                       Tr("always: false says nothing; leave it out, or give byday, opens_at and closes_at"));
    if (schedule || node["closed"] || node["appointment"])
      return doc.Error(node, Tr("hours with always: true take no byday, opens_at, closes_at, closed or appointment"));
  }
  if (schedule) return ReadSchedule(doc, node, &c->hours);
  if (node["closed"] || node["appointment"])
    return doc.Error(node, Tr("closed and appointment need byday, opens_at and closes_at"));
  c->hours.present = true;
  return doc.Text(node, "text", &c->hours.text, true);
}

Status ReadCheck(const YamlDoc& doc, const YamlNode& node, ContactCheck* check) {
  TSUNAGU_TRY(doc.CheckMap(node, {"date", "source", "by"}, "checked"));
  TSUNAGU_TRY(doc.String(node, "date", &check->date, true));
  if (!IsIsoDate(check->date))
    return doc.Error(node["date"], Tr("checked date must be a date like \"2026-12-03\" (quote it)"));
  TSUNAGU_TRY(doc.String(node, "source", &check->source, true));
  if (check->source != "phone call" && check->source.rfind("https://", 0) != 0 &&
      check->source.rfind("http://", 0) != 0)
    return doc.Error(node["source"],
                     Tr("checked source must be the page's address (http:// or https://) or \"phone call\""));
  TSUNAGU_TRY(doc.String(node, "by", &check->by, true));
  return Status::Ok();
}

// `checked` is one check or a list of them (one page may confirm the
// number and another the hours).
Status ReadChecks(const YamlDoc& doc, const YamlNode& node, std::vector<ContactCheck>* checks) {
  if (!node.IsSequence()) {
    checks->emplace_back();
    return ReadCheck(doc, node, &checks->back());
  }
  for (const YamlNode& item : node) {
    checks->emplace_back();
    TSUNAGU_TRY(ReadCheck(doc, item, &checks->back()));
  }
  if (checks->empty()) return doc.Error(node, Tr("checked is an empty list; leave it out when nothing was checked"));
  return Status::Ok();
}

// A real calendar date "YYYY-MM-DD" (2026-02-30 is not).
bool IsCalendarDate(const std::string& d) {
  if (!IsIsoDate(d)) return false;
  int year = std::stoi(d.substr(0, 4)), month = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= (month == 2 && leap ? 29 : kDays[month - 1]);
}

bool IsAddress(const std::string& s) { return s.rfind("https://", 0) == 0 || s.rfind("http://", 0) == 0; }

Status ReadHoliday(const YamlDoc& doc, const YamlNode& node, const HolidayCalendar& calendar, Holiday* h) {
  TSUNAGU_TRY(doc.CheckMap(node, {"date", "kind", "name"}, Tr("a holiday")));
  TSUNAGU_TRY(doc.String(node, "date", &h->date, true));
  if (!IsCalendarDate(h->date))
    return doc.Error(node["date"], TrF("holiday date '{}' must be a date like \"2026-01-01\" (quote it)", h->date));
  int year = std::stoi(h->date.substr(0, 4));
  if (year < calendar.from || year > calendar.to)
    return doc.Error(node["date"], TrF("holiday {} is outside covers ({} to {}); widen covers or remove it", h->date,
                                       calendar.from, calendar.to));
  TSUNAGU_TRY(doc.String(node, "kind", &h->kind, true));
  if (h->kind != "national" && h->kind != "substitute" && h->kind != "citizens")
    return doc.Error(node["kind"], TrF("holiday kind must be national (国民の祝日), substitute (振替休日) or citizens "
                                       "(国民の休日), found '{}'",
                                       h->kind));
  return doc.Text(node, "name", &h->name, true);
}

Status ReadEligibility(const YamlDoc& doc, const YamlNode& node, Eligibility* e) {
  TSUNAGU_TRY(doc.CheckMap(node, {"min_age", "max_age", "residence", "note"}, "eligibility"));
  TSUNAGU_TRY(doc.Int(node, "min_age", &e->min_age, false));
  TSUNAGU_TRY(doc.Int(node, "max_age", &e->max_age, false));
  if (e->max_age >= 0 && e->min_age > e->max_age) return doc.Error(node, Tr("min_age is greater than max_age"));
  TSUNAGU_TRY(doc.String(node, "residence", &e->residence, false));
  TSUNAGU_TRY(doc.Text(node, "note", &e->note, false));
  return Status::Ok();
}

Status ReadSource(const YamlDoc& doc, const YamlNode& node, Provenance* p) {
  TSUNAGU_TRY(doc.CheckMap(node, {"block", "name", "phone", "note"}, "source"));
  TSUNAGU_TRY(doc.Int(node, "block", &p->block, true));
  TSUNAGU_TRY(doc.String(node, "name", &p->name, true));
  if (p->name != "stated" && p->name != "inferred")
    return doc.Error(node["name"], Tr("source name must be 'stated' or 'inferred'"));
  TSUNAGU_TRY(doc.String(node, "phone", &p->phone, false));
  TSUNAGU_TRY(doc.String(node, "note", &p->note, false));
  return Status::Ok();
}

Status ReadRoles(const YamlDoc& doc, const YamlNode& node, std::vector<Role>* roles) {
  TSUNAGU_TRY(doc.CheckSequence(node, "roles"));
  std::unordered_set<std::string> ids;  // a scan of the earlier roles per role is quadratic
  for (const YamlNode& item : node) {
    TSUNAGU_TRY(doc.CheckMap(item, {"id", "ja", "en", "from"}, Tr("a role")));
    Role role;
    TSUNAGU_TRY(ReadId(doc, item, &role.id));
    TSUNAGU_TRY(doc.String(item, "ja", &role.label.ja, true));
    TSUNAGU_TRY(doc.String(item, "en", &role.label.en, true));
    std::string from = "bullet";
    TSUNAGU_TRY(doc.String(item, "from", &from, false));
    if (from != "bullet" && from != "summary")
      return doc.Error(item["from"], TrF("a role's from must be 'bullet' (a bullet of the agency's block, the default) "
                                         "or 'summary' (a sentence of its summary), found '{}'",
                                         from));
    role.from_summary = from == "summary";
    if (!ids.insert(role.id).second)
      return doc.Error(item["id"], TrF("duplicate role id '{}' in this agency", role.id));
    roles->push_back(role);
  }
  if (roles->empty()) return doc.Error(node, Tr("an agency needs at least one role"));
  return Status::Ok();
}

// An agency's `checked`: for each field a public source confirmed, one
// check or a list of them ({date, source, by}, as a crisis contact's).
Status ReadFieldChecks(const YamlDoc& doc, const YamlNode& node, std::vector<FieldCheck>* out) {
  TSUNAGU_TRY(doc.CheckMap(node, {"name", "summary", "roles", "address", "phone", "hours", "eligibility"}, "checked"));
  for (auto it = node.begin(); it != node.end(); ++it) {
    std::vector<ContactCheck> checks;
    TSUNAGU_TRY(ReadChecks(doc, it->second, &checks));
    for (ContactCheck& c : checks) out->push_back({std::string(it->first.Scalar()), std::move(c)});
  }
  if (out->empty()) return doc.Error(node, Tr("checked is empty; leave it out when nothing was checked"));
  return Status::Ok();
}

// One area of an office's `serves`: {town: 寺尾東, readings: [...]}, a
// bare town name, or {school_district: 寺尾中学校区, readings: [...]}.
Status ReadArea(const YamlDoc& doc, const YamlNode& node, ServedArea* area) {
  area->pos = doc.PosOf(node);
  if (node.IsScalar()) return doc.Scalar(node, Tr("a town"), &area->name);
  TSUNAGU_TRY(doc.CheckMap(node, {"town", "school_district", "readings"}, Tr("an area")));
  if (node["town"] && node["school_district"])
    return doc.Error(node, Tr("an area is one town or one school district; write two areas"));
  if (!node["town"] && !node["school_district"])
    return doc.Error(node,
                     Tr("an area needs town: (a town name, like 寺尾東) or school_district: (like 寺尾中学校区)"));
  area->kind = node["town"] ? ServedArea::kTown : ServedArea::kSchoolDistrict;
  TSUNAGU_TRY(doc.String(node, node["town"] ? "town" : "school_district", &area->name, true));
  TSUNAGU_TRY(doc.StringList(node, "readings", &area->readings, false));
  for (size_t i = 0; i < area->readings.size(); ++i)
    if (AreaKey(area->readings[i]).empty())
      return doc.Error(
          node["readings"][i],
          TrF("reading '{}' has no letters; write the name as a case would, like Teraohigashi", area->readings[i]));
  return Status::Ok();
}

// A town is written as its name alone: an address with 丁目 or numbers
// still matches it (place.h), and a number here would match nothing.
bool HasNumber(const std::string& name) {
  if (name.find("丁目") != std::string::npos) return true;
  for (char c : name)
    if (std::isdigit(static_cast<unsigned char>(c))) return true;
  return false;
}

// Where each area key of an agency is served, so that no area goes to two
// offices (the answer must name one office).
struct AreaOwner {
  std::string area, office;
  int line = 0;
  size_t serial = 0;  // which area of the agency (its readings share it)
};

Status ReadOffice(const YamlDoc& doc, const YamlNode& node, std::unordered_map<std::string, AreaOwner>* owners,
                  Office* o) {
  TSUNAGU_TRY(doc.CheckMap(node, {"id", "name", "phone", "address", "hours", "checked", "serves"}, Tr("an office")));
  o->pos = doc.PosOf(node);
  TSUNAGU_TRY(ReadId(doc, node, &o->id));
  TSUNAGU_TRY(doc.Text(node, "name", &o->name, true));
  TSUNAGU_TRY(ReadPhone(doc, node, &o->phone));
  TSUNAGU_TRY(doc.Text(node, "address", &o->address, false));
  if (node["hours"]) TSUNAGU_TRY(ReadHours(doc, node["hours"], &o->hours));
  if (node["checked"]) TSUNAGU_TRY(ReadChecks(doc, node["checked"], &o->checked));
  if (!node["serves"])
    return doc.Error(node, Tr("missing required key 'serves' (the towns or school districts this office covers)"));
  const YamlNode& serves = node["serves"];
  TSUNAGU_TRY(doc.CheckSequence(serves, "serves"));
  if (serves.size() == 0)
    return doc.Error(serves, Tr("serves is empty; list the towns (town: 寺尾東) or school districts "
                                "(school_district: 寺尾中学校区) this office covers"));
  for (const YamlNode& item : serves) {
    ServedArea area;
    TSUNAGU_TRY(ReadArea(doc, item, &area));
    if (area.kind == ServedArea::kTown && HasNumber(area.name))
      return doc.Error(item.IsMap() ? item["town"] : item,
                       TrF("town '{}' must be the town name alone, without 丁目 or numbers "
                           "(an address with them still matches it)",
                           area.name));
    const size_t serial = owners->size() + 1;  // a new number for each area: owners only grows
    std::vector<std::string> keys = {AreaKey(area.name)};
    for (const std::string& r : area.readings) keys.push_back(AreaKey(r));
    for (size_t k = 0; k < keys.size(); ++k) {
      auto found = owners->find(keys[k]);
      if (found == owners->end()) {
        (*owners)[keys[k]] = {area.name, o->id, area.pos.line, serial};
        continue;
      }
      if (found->second.serial == serial) continue;  // its own name again, as a reading
      const YamlNode& at = k == 0 ? (item.IsMap() ? (item["town"] ? item["town"] : item["school_district"]) : item)
                                  : item["readings"][k - 1];
      return doc.Error(at, TrF("'{}' is already served by office '{}' (area {}, line {}); give each area to one office",
                               k == 0 ? area.name : area.readings[k - 1], found->second.office, found->second.area,
                               found->second.line));
    }
    o->serves.push_back(std::move(area));
  }
  return Status::Ok();
}

// `local_offices`, `ask` and `offices`; ask is kept by name until every
// agency is read (*ask_id, resolved by LoadAgencies).
Status ReadLocalOffices(const YamlDoc& doc, const YamlNode& node, Agency* a, std::string* ask_id) {
  bool flag_given = static_cast<bool>(node["local_offices"]);
  TSUNAGU_TRY(doc.Bool(node, "local_offices", &a->local_offices, false));
  if (flag_given && !a->local_offices && node["offices"])
    return doc.Error(node["local_offices"], Tr("local_offices: false, but offices are listed; remove local_offices"));
  if (flag_given && !a->local_offices)
    return doc.Error(node["local_offices"], Tr("local_offices: false says nothing; leave it out"));
  TSUNAGU_TRY(doc.String(node, "ask", ask_id, false));
  if (node["ask"] && !a->local_offices && !node["offices"])
    return doc.Error(node["ask"], Tr("ask names whom to ask which local office serves an address; "
                                     "it needs local_offices: true or offices"));
  if (node["ask"] && *ask_id == a->id)
    return doc.Error(node["ask"], Tr("ask must name another agency (the one that tells which office serves an "
                                     "address), not this one"));
  if (a->local_offices && !node["offices"] && !node["ask"])
    return doc.Error(node["local_offices"], Tr("local_offices: true needs ask: the id of the agency that tells "
                                               "which office serves an address (like ask: kenko-fukushi)"));
  if (!node["offices"]) return Status::Ok();
  a->local_offices = true;
  const YamlNode& offices = node["offices"];
  TSUNAGU_TRY(doc.CheckSequence(offices, "offices"));
  if (offices.size() == 0)
    return doc.Error(offices, Tr("offices is an empty list; leave it out (with local_offices: true and ask:) "
                                 "when the offices are not known"));
  std::unordered_set<std::string> ids;
  std::unordered_map<std::string, AreaOwner> owners;
  for (const YamlNode& item : offices) {
    Office o;
    TSUNAGU_TRY(ReadOffice(doc, item, &owners, &o));
    if (!ids.insert(o.id).second) return doc.Error(item["id"], TrF("duplicate office id '{}' in this agency", o.id));
    a->offices.push_back(std::move(o));
  }
  return Status::Ok();
}

Status ReadAgency(const YamlDoc& doc, const YamlNode& node, Agency* a, std::string* ask_id) {
  TSUNAGU_TRY(doc.CheckMap(node,
                           {"id", "name", "summary", "roles", "address", "phone", "hours", "eligibility", "source",
                            "verified", "checked", "local_offices", "ask", "offices"},
                           Tr("an agency")));
  a->pos = doc.PosOf(node);
  TSUNAGU_TRY(ReadId(doc, node, &a->id));
  TSUNAGU_TRY(doc.Text(node, "name", &a->name, true));
  TSUNAGU_TRY(doc.Text(node, "summary", &a->summary, true));
  if (!node["roles"]) return doc.Error(node, TrF("missing required key '{}'", "roles"));
  TSUNAGU_TRY(ReadRoles(doc, node["roles"], &a->roles));
  TSUNAGU_TRY(doc.Text(node, "address", &a->address, false));
  TSUNAGU_TRY(ReadPhone(doc, node, &a->phone));
  if (node["hours"]) TSUNAGU_TRY(ReadHours(doc, node["hours"], &a->hours));
  if (node["eligibility"]) TSUNAGU_TRY(ReadEligibility(doc, node["eligibility"], &a->eligibility));
  if (!node["source"]) return doc.Error(node, Tr("missing required key 'source' (where the facts come from)"));
  TSUNAGU_TRY(ReadSource(doc, node["source"], &a->source));
  TSUNAGU_TRY(doc.Bool(node, "verified", &a->verified, true));
  if (node["checked"]) TSUNAGU_TRY(ReadFieldChecks(doc, node["checked"], &a->checked));
  return ReadLocalOffices(doc, node, a, ask_id);
}

}  // namespace

Status LoadAgencies(const std::string& text, const std::string& name, Model* model) {
  return LoadFromText(text, name, LoadAgencies, model);
}

Status LoadAgencies(const YamlDoc& doc, Model* model) {
  TSUNAGU_TRY(doc.CheckSequence(doc.root(), Tr("the agencies file")));
  std::unordered_set<std::string> ids;  // FindAgency per agency would be quadratic
  for (const Agency& a : model->agencies) ids.insert(a.id);
  std::vector<std::pair<size_t, YamlNode>> asks;  // agency index, its ask node
  for (const YamlNode& node : doc.root()) {
    Agency agency;
    std::string ask_id;
    TSUNAGU_TRY(ReadAgency(doc, node, &agency, &ask_id));
    if (!ids.insert(agency.id).second) return doc.Error(node["id"], TrF("duplicate agency id '{}'", agency.id));
    if (!ask_id.empty()) asks.emplace_back(model->agencies.size(), node["ask"]);
    model->agencies.push_back(std::move(agency));
  }
  if (model->agencies.empty()) return doc.Error(doc.root(), Tr("no agencies defined"));
  // ask may name an agency further down the file.
  for (const auto& [index, at] : asks) {
    const std::string id(at.Scalar());
    model->agencies[index].ask = model->FindAgency(id);
    if (model->agencies[index].ask < 0)
      return doc.Error(at, TrF("ask names an unknown agency '{}'; give the id of an agency in this file", id));
  }
  return Status::Ok();
}

Status LoadCrisis(const std::string& text, const std::string& name, Model* model) {
  return LoadFromText(text, name, LoadCrisis, model);
}

Status LoadCrisis(const YamlDoc& doc, Model* model) {
  TSUNAGU_TRY(doc.CheckSequence(doc.root(), Tr("the crisis contacts file")));
  std::unordered_set<std::string> ids;  // FindCrisis per contact would be quadratic
  for (const CrisisContact& c : model->crisis) ids.insert(c.id);
  for (const YamlNode& node : doc.root()) {
    if (node.IsMap() && (node["source"] || node["verified"]))
      return doc.Error(node["source"] ? node["source"] : node["verified"],
                       Tr("crisis contacts record checked: {date, source, by} instead of source and verified"));
    TSUNAGU_TRY(doc.CheckMap(node, {"id", "name", "phone", "kinds", "note", "hours", "cost", "answers", "checked"},
                             Tr("a crisis contact")));
    CrisisContact c;
    c.pos = doc.PosOf(node);
    TSUNAGU_TRY(ReadId(doc, node, &c.id));
    TSUNAGU_TRY(doc.Text(node, "name", &c.name, true));
    TSUNAGU_TRY(doc.Text(node, "note", &c.note, false));
    TSUNAGU_TRY(ReadPhone(doc, node, &c.phone));
    if (c.phone.empty()) return doc.Error(node, TrF("missing required key '{}'", "phone"));
    TSUNAGU_TRY(doc.StringList(node, "kinds", &c.kinds, true));
    if (node["hours"]) TSUNAGU_TRY(ReadCrisisHours(doc, node["hours"], &c));
    TSUNAGU_TRY(doc.String(node, "cost", &c.cost, false));
    if (node["cost"] && c.cost != "free" && c.cost != "charged")
      return doc.Error(node["cost"], TrF("cost must be 'free' or 'charged', found '{}'", c.cost));
    if (node["answers"]) TSUNAGU_TRY(doc.Text(node, "answers", &c.answers, true));
    if (node["checked"]) TSUNAGU_TRY(ReadChecks(doc, node["checked"], &c.checked));
    if (!ids.insert(c.id).second) return doc.Error(node["id"], TrF("duplicate crisis contact id '{}'", c.id));
    model->crisis.push_back(std::move(c));
  }
  return Status::Ok();
}

Status LoadHolidays(const std::string& text, const std::string& name, Model* model) {
  return LoadFromText(text, name, LoadHolidays, model);
}

Status LoadHolidays(const YamlDoc& doc, Model* model) {
  const YamlNode& root = doc.root();
  TSUNAGU_TRY(doc.CheckMap(root, {"source", "checked", "covers", "holidays"}, Tr("the holidays file")));
  HolidayCalendar calendar;
  TSUNAGU_TRY(doc.StringList(root, "source", &calendar.sources, true));
  if (calendar.sources.empty())
    return doc.Error(root["source"], Tr("source is empty; give the official list's address (the Cabinet Office's)"));
  for (size_t i = 0; i < calendar.sources.size(); ++i)
    if (!IsAddress(calendar.sources[i]))
      return doc.Error(root["source"][i], Tr("source must be the official list's address (http:// or https://)"));
  if (root["checked"]) TSUNAGU_TRY(ReadChecks(doc, root["checked"], &calendar.checked));
  if (!root["covers"])
    return doc.Error(root, Tr("missing required key 'covers' (the years listed: {from: 2026, to: 2027})"));
  const YamlNode& covers = root["covers"];
  TSUNAGU_TRY(doc.CheckMap(covers, {"from", "to"}, "covers"));
  TSUNAGU_TRY(doc.Int(covers, "from", &calendar.from, true));
  TSUNAGU_TRY(doc.Int(covers, "to", &calendar.to, true));
  if (calendar.from < 1970 || calendar.from > 9999)
    return doc.Error(covers["from"], Tr("covers from must be a year like 2026"));
  if (calendar.to < calendar.from || calendar.to > 9999)
    return doc.Error(covers["to"], Tr("covers to must be a year no earlier than from"));
  calendar.covers_to = doc.PosOf(covers["to"]);
  if (!root["holidays"]) return doc.Error(root, TrF("missing required key '{}'", "holidays"));
  TSUNAGU_TRY(doc.CheckSequence(root["holidays"], "holidays"));
  std::unordered_set<std::string> dates;
  std::vector<bool> year_listed(static_cast<size_t>(calendar.to - calendar.from + 1), false);
  for (const YamlNode& item : root["holidays"]) {
    Holiday h;
    TSUNAGU_TRY(ReadHoliday(doc, item, calendar, &h));
    if (!dates.insert(h.date).second) return doc.Error(item["date"], TrF("duplicate holiday date '{}'", h.date));
    year_listed[static_cast<size_t>(std::stoi(h.date.substr(0, 4)) - calendar.from)] = true;
    calendar.days.push_back(std::move(h));
  }
  // A covered year without a holiday was widened without its dates: every
  // day of it would pass for a working day.
  for (size_t i = 0; i < year_listed.size(); ++i)
    if (!year_listed[i])
      return doc.Error(covers, TrF("covers {}, but no holiday of that year is listed; add them (or narrow covers)",
                                   calendar.from + static_cast<int>(i)));
  std::sort(calendar.days.begin(), calendar.days.end(),
            [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  model->holidays = std::move(calendar);
  return Status::Ok();
}
