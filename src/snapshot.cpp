#include "snapshot.h"

#include <algorithm>
#include <cstdint>
#include <memory>

#include "binary_io.h"
#include "rule_index.h"
#include "validate_model.h"

namespace {

// The format's version is the magic's last character: 2 added the crisis
// contacts' hours, cost, answers and checks; 3 the alerts' first contact;
// 4 roles' from, agencies' checked fields; 5 local offices; 6 a fact's
// phrases packed (PackedStrings); 7 facts and rules as records, each
// readable alone (records.h).
constexpr char kMagic[] = "TSUNAGU7";

void WriteCondition(Writer& w, const Condition& c) {
  for (const std::vector<FactRef>* refs : {&c.all, &c.any, &c.none}) {
    w.Int(static_cast<int64_t>(refs->size()));
    for (const FactRef& r : *refs) {
      w.Int(r.fact);
      w.Int(r.any_subject);
      w.Int(static_cast<int>(r.subject));
    }
  }
  w.Int(static_cast<int64_t>(c.ages.size()));
  for (const AgeCondition& a : c.ages) {
    w.Int(static_cast<int>(a.subject));
    w.Int(a.min);
    w.Int(a.max);
  }
}

void WriteTargets(Writer& w, const std::vector<Target>& targets) {
  w.Int(static_cast<int64_t>(targets.size()));
  for (const Target& t : targets) {
    w.Int(t.agency);
    w.Ints(t.roles);
    w.Int(t.weight);
  }
}

void WriteHours(Writer& w, const Hours& h) {
  w.Int(h.present);
  w.Strs(h.byday);
  w.Str(h.opens_at);
  w.Str(h.closes_at);
  w.Strs(h.closed);
  w.Int(h.appointment);
  w.Text(h.text);
}

void WriteCheck(Writer& w, const ContactCheck& k) {
  w.Str(k.date);
  w.Str(k.source);
  w.Str(k.by);
}
void WriteHoliday(Writer& w, const Holiday& h) {
  w.Str(h.date);
  w.Text(h.name);
  w.Str(h.kind);
}
void WriteFieldCheck(Writer& w, const FieldCheck& c) {
  w.Str(c.field);
  WriteCheck(w, c.check);
}

void WriteArea(Writer& w, const ServedArea& area) {
  w.Int(static_cast<int>(area.kind));
  w.Str(area.name);
  w.Strs(area.readings);
  w.Pos(area.pos);
}

void WriteOffice(Writer& w, const Office& o) {
  w.Str(o.id);
  w.Text(o.name);
  w.Text(o.address);
  w.Str(o.phone);
  WriteHours(w, o.hours);
  w.Int(static_cast<int64_t>(o.checked.size()));
  for (const ContactCheck& k : o.checked) WriteCheck(w, k);
  w.Int(static_cast<int64_t>(o.serves.size()));
  for (const ServedArea& area : o.serves) WriteArea(w, area);
  w.Pos(o.pos);
}

void WriteAgency(Writer& w, const Agency& a) {
  w.Str(a.id);
  w.Text(a.name);
  w.Text(a.summary);
  w.Text(a.address);
  w.Int(static_cast<int64_t>(a.roles.size()));
  for (const Role& r : a.roles) {
    w.Str(r.id);
    w.Text(r.label);
    w.Int(r.from_summary);
  }
  w.Str(a.phone);
  WriteHours(w, a.hours);
  w.Int(a.eligibility.min_age);
  w.Int(a.eligibility.max_age);
  w.Str(a.eligibility.residence);
  w.Text(a.eligibility.note);
  w.Int(a.source.block);
  w.Str(a.source.name);
  w.Str(a.source.phone);
  w.Str(a.source.note);
  w.Int(a.verified);
  w.Int(static_cast<int64_t>(a.checked.size()));
  for (const FieldCheck& c : a.checked) WriteFieldCheck(w, c);
  w.Int(a.local_offices);
  w.Int(a.ask);
  w.Int(static_cast<int64_t>(a.offices.size()));
  for (const Office& o : a.offices) WriteOffice(w, o);
  w.Pos(a.pos);
}

void WriteCrisis(Writer& w, const CrisisContact& c) {
  w.Str(c.id);
  w.Text(c.name);
  w.Text(c.note);
  w.Str(c.phone);
  w.Strs(c.kinds);
  w.Int(c.always);
  WriteHours(w, c.hours);
  w.Str(c.cost);
  w.Text(c.answers);
  w.Pos(c.pos);
  w.Int(static_cast<int64_t>(c.checked.size()));
  for (const ContactCheck& k : c.checked) WriteCheck(w, k);
}

void WriteFact(Writer& w, const FactDef& f) {
  w.Str(f.id);
  w.Text(f.label);
  w.Str(f.area);
  w.Int(static_cast<int>(f.subject));
  w.Packed(f.ja);
  w.Packed(f.en);
  w.Int(f.from_age);
  w.Int(static_cast<int>(f.age_subject));
  w.Int(f.age_min);
  w.Int(f.age_max);
  w.Int(f.age_anyone);
  w.Int(f.from_duration_months);
  w.Str(f.outside);
  w.Pos(f.pos);
}

void WriteRule(Writer& w, const Rule& rule) {
  w.Str(rule.id);
  WriteCondition(w, rule.when);
  WriteTargets(w, rule.to);
  w.Text(rule.reason);
  w.Pos(rule.pos);
}

void WriteAlert(Writer& w, const AlertRule& a) {
  w.Str(a.id);
  w.Str(a.kind);
  WriteCondition(w, a.when);
  w.Ints(a.contacts);
  w.Int(a.first_contact);
  WriteTargets(w, a.to);
  w.Text(a.message);
  w.Pos(a.pos);
}

// The fewest bytes one element of type T takes: the encoding of an empty
// one (every string and list empty). A count read from the bytes is
// bounded by the bytes left divided by it, before anything is allocated.
template <typename T>
size_t MinBytes(void (*write)(Writer&, const T&)) {
  Writer w;
  write(w, T());
  return w.out_.size();
}

void WriteRole(Writer& w, const Role& r) {
  w.Str(r.id);
  w.Text(r.label);
  w.Int(r.from_summary);
}
void WriteFactRef(Writer& w, const FactRef&) {
  w.Int(0);
  w.Int(0);
  w.Int(0);
}
void WriteAge(Writer& w, const AgeCondition&) {
  w.Int(0);
  w.Int(0);
  w.Int(0);
}
void WriteTarget(Writer& w, const Target& t) { WriteTargets(w, {t}); }

struct MinSizes {
  size_t agency = MinBytes(WriteAgency), role = MinBytes(WriteRole), crisis = MinBytes(WriteCrisis),
         holiday = MinBytes(WriteHoliday), check = MinBytes(WriteCheck), field_check = MinBytes(WriteFieldCheck),
         office = MinBytes(WriteOffice), area = MinBytes(WriteArea), fact = MinBytes(WriteFact),
         rule = MinBytes(WriteRule), alert = MinBytes(WriteAlert), fact_ref = MinBytes(WriteFactRef),
         age = MinBytes(WriteAge),
         target = MinBytes(WriteTarget) - 8;  // WriteTargets adds its count
};
const MinSizes& Min() {
  static const MinSizes sizes;
  return sizes;
}

Condition ReadCondition(Reader& r) {
  Condition c;
  for (std::vector<FactRef>* refs : {&c.all, &c.any, &c.none}) {
    refs->resize(r.Count(Min().fact_ref));
    for (FactRef& ref : *refs) {
      ref.fact = r.Small();
      ref.any_subject = r.Bool();
      ref.subject = static_cast<Subject>(r.Small());
    }
  }
  c.ages.resize(r.Count(Min().age));
  for (AgeCondition& a : c.ages) {
    a.subject = static_cast<Subject>(r.Small());
    a.min = r.Small();
    a.max = r.Small();
  }
  return c;
}

std::vector<Target> ReadTargets(Reader& r) {
  std::vector<Target> targets(r.Count(Min().target));
  for (Target& t : targets) {
    t.agency = r.Small();
    t.roles = r.Ints();
    t.weight = r.Small();
  }
  return targets;
}

Hours ReadHours(Reader& r) {
  Hours h;
  h.present = r.Bool();
  h.byday = r.Strs();
  h.opens_at = r.Str();
  h.closes_at = r.Str();
  h.closed = r.Strs();
  h.appointment = r.Bool();
  h.text = r.Text();
  return h;
}

}  // namespace

namespace {

// A list of records (records.h): the count, where each record ends in the
// blob, the blob, and the records' order by id (for Records::Find).
template <typename T>
void WriteRecords(Writer& w, const Records<T>& list, void (*write)(Writer&, const T&)) {
  Writer blob;
  std::vector<uint32_t> ends;
  for (const T& item : list) {
    write(blob, item);
    ends.push_back(static_cast<uint32_t>(blob.out_.size()));
    blob.Align();
  }
  std::vector<uint32_t> by_id(list.size());
  for (size_t i = 0; i < by_id.size(); ++i) by_id[i] = static_cast<uint32_t>(i);
  std::stable_sort(by_id.begin(), by_id.end(), [&](uint32_t a, uint32_t b) { return list[a].id < list[b].id; });
  w.Int(static_cast<int64_t>(list.size()));
  w.Array(ends);
  w.Str(blob.out_);
  w.Array(by_id);
}

}  // namespace

std::string WriteSnapshot(const Model& m) {
  Writer w;
  w.out_ = kMagic;
  w.Int(static_cast<int64_t>(m.agencies.size()));
  for (const Agency& a : m.agencies) WriteAgency(w, a);
  w.Int(static_cast<int64_t>(m.crisis.size()));
  for (const CrisisContact& c : m.crisis) WriteCrisis(w, c);
  for (const SubjectWords& s : m.subjects) {
    w.Strs(s.ja);
    w.Strs(s.en);
  }
  WriteRecords(w, m.facts, WriteFact);
  WriteRecords(w, m.rules, WriteRule);
  w.Int(static_cast<int64_t>(m.alerts.size()));
  for (const AlertRule& a : m.alerts) WriteAlert(w, a);
  w.Int(m.team.convener);
  w.Int(m.team.convener_role);
  w.Int(m.team.convener_weight);
  w.Int(m.team.multi_issue_areas);
  WriteTargets(w, m.fallback);
  w.Int(m.holidays.from);
  w.Int(m.holidays.to);
  w.Strs(m.holidays.sources);
  w.Int(static_cast<int64_t>(m.holidays.checked.size()));
  for (const ContactCheck& k : m.holidays.checked) WriteCheck(w, k);
  w.Int(static_cast<int64_t>(m.holidays.days.size()));
  for (const Holiday& h : m.holidays.days) WriteHoliday(w, h);
  RuleIndex(m).Save(&w);
  return std::move(w.out_);
}

namespace {

Status Damaged() { return Status::Internal("embedded model: damaged or truncated"); }

bool ReadFact(std::string_view bytes, FactDef* out) {
  Reader r(bytes);
  FactDef& f = *out;
  f.id = r.Str();
  f.label = r.Text();
  f.area = r.Str();
  f.subject = static_cast<Subject>(r.Small());
  f.ja = r.Packed();
  f.en = r.Packed();
  f.from_age = r.Bool();
  f.age_subject = static_cast<Subject>(r.Small());
  f.age_min = r.Small();
  f.age_max = r.Small();
  f.age_anyone = r.Bool();
  f.from_duration_months = r.Small();
  f.outside = r.Str();
  f.pos = r.Pos();
  return r.ok() && r.AtEnd();
}

bool ReadRule(std::string_view bytes, Rule* out) {
  Reader r(bytes);
  out->id = r.Str();
  out->when = ReadCondition(r);
  out->to = ReadTargets(r);
  out->reason = r.Text();
  out->pos = r.Pos();
  return r.ok() && r.AtEnd();
}

// WriteRecords' list. Its layout is checked here whatever the bytes (ends
// rise within the blob, by_id holds record indexes), so a lazily read
// record is never viewed past the blob; `lazy` leaves the records to be
// decoded when used, else each is decoded now and must be whole.
template <typename T>
bool ReadRecords(Reader& r, size_t min_bytes, typename Records<T>::Decoder decode, bool lazy,
                 const std::shared_ptr<const void>& owner, Records<T>* out) {
  const int64_t n = r.Int();
  typename Records<T>::Source source;
  source.ends = r.Array<uint32_t>();
  source.blob = r.View();
  source.by_id = r.Array<uint32_t>();
  source.decode = decode;
  source.owner = owner;
  if (!r.ok() || n < 0 || static_cast<size_t>(n) != source.ends.size() || source.by_id.size() != source.ends.size())
    return false;
  for (size_t i = 0; i < source.ends.size(); ++i) {
    const size_t from = source.Start(i), end = source.ends[i];
    if (end < from || end - from < min_bytes || end > source.blob.size()) return false;
  }
  if (source.Start(source.ends.size()) != source.blob.size()) return false;
  for (uint32_t i : source.by_id)
    if (i >= source.ends.size()) return false;
  if (lazy) {
    *out = Records<T>(std::move(source));
    return true;
  }
  std::vector<T> items(source.ends.size());
  for (size_t i = 0; i < items.size(); ++i) {
    const size_t from = source.Start(i);
    if (!decode(source.blob.substr(from, source.ends[i] - from), &items[i])) return false;
  }
  *out = Records<T>(std::move(items));
  return true;
}

Status ReadSnapshotLayout(std::string_view bytes, bool check_all, bool lazy, const std::shared_ptr<const void>& owner,
                          Model* model) {
  const size_t magic = sizeof kMagic - 1;
  if (bytes.substr(0, magic) != kMagic) return Status::Internal("embedded model: bad header");
  Reader r(bytes.substr(magic));
  Model m;
  m.agencies.resize(r.Count(Min().agency));
  for (Agency& a : m.agencies) {
    a.id = r.Str();
    a.name = r.Text();
    a.summary = r.Text();
    a.address = r.Text();
    a.roles.resize(r.Count(Min().role));
    for (Role& role : a.roles) {
      role.id = r.Str();
      role.label = r.Text();
      role.from_summary = r.Bool();
    }
    a.phone = r.Str();
    a.hours = ReadHours(r);
    a.eligibility.min_age = r.Small();
    a.eligibility.max_age = r.Small();
    a.eligibility.residence = r.Str();
    a.eligibility.note = r.Text();
    a.source.block = r.Small();
    a.source.name = r.Str();
    a.source.phone = r.Str();
    a.source.note = r.Str();
    a.verified = r.Bool();
    a.checked.resize(r.Count(Min().field_check));
    for (FieldCheck& c : a.checked) {
      c.field = r.Str();
      c.check.date = r.Str();
      c.check.source = r.Str();
      c.check.by = r.Str();
    }
    a.local_offices = r.Bool();
    a.ask = r.Small();
    a.offices.resize(r.Count(Min().office));
    for (Office& o : a.offices) {
      o.id = r.Str();
      o.name = r.Text();
      o.address = r.Text();
      o.phone = r.Str();
      o.hours = ReadHours(r);
      o.checked.resize(r.Count(Min().check));
      for (ContactCheck& k : o.checked) {
        k.date = r.Str();
        k.source = r.Str();
        k.by = r.Str();
      }
      o.serves.resize(r.Count(Min().area));
      for (ServedArea& area : o.serves) {
        area.kind = static_cast<ServedArea::Kind>(r.Small());
        area.name = r.Str();
        area.readings = r.Strs();
        area.pos = r.Pos();
      }
      o.pos = r.Pos();
    }
    a.pos = r.Pos();
  }
  m.crisis.resize(r.Count(Min().crisis));
  for (CrisisContact& c : m.crisis) {
    c.id = r.Str();
    c.name = r.Text();
    c.note = r.Text();
    c.phone = r.Str();
    c.kinds = r.Strs();
    c.always = r.Bool();
    c.hours = ReadHours(r);
    c.cost = r.Str();
    c.answers = r.Text();
    c.pos = r.Pos();
    c.checked.resize(r.Count(Min().check));
    for (ContactCheck& k : c.checked) {
      k.date = r.Str();
      k.source = r.Str();
      k.by = r.Str();
    }
  }
  for (SubjectWords& s : m.subjects) {
    s.ja = r.Strs();
    s.en = r.Strs();
  }
  if (!ReadRecords(r, Min().fact, ReadFact, lazy, owner, &m.facts)) return Damaged();
  if (!ReadRecords(r, Min().rule, ReadRule, lazy, owner, &m.rules)) return Damaged();
  m.alerts.resize(r.Count(Min().alert));
  for (AlertRule& a : m.alerts) {
    a.id = r.Str();
    a.kind = r.Str();
    a.when = ReadCondition(r);
    a.contacts = r.Ints();
    a.first_contact = r.Small();
    a.to = ReadTargets(r);
    a.message = r.Text();
    a.pos = r.Pos();
  }
  m.team.convener = r.Small();
  m.team.convener_role = r.Small();
  m.team.convener_weight = r.Small();
  m.team.multi_issue_areas = r.Small();
  m.fallback = ReadTargets(r);
  m.holidays.from = r.Small();
  m.holidays.to = r.Small();
  m.holidays.sources = r.Strs();
  m.holidays.checked.resize(r.Count(Min().check));
  for (ContactCheck& k : m.holidays.checked) {
    k.date = r.Str();
    k.source = r.Str();
    k.by = r.Str();
  }
  m.holidays.days.resize(r.Count(Min().holiday));
  for (Holiday& h : m.holidays.days) {
    h.date = r.Str();
    h.name = r.Text();
    h.kind = r.Str();
  }
  auto index = std::make_shared<RuleIndex>();
  if (!index->Load(&r) || !index->Describes(m)) return Damaged();
  if (!r.ok() || !r.AtEnd()) return Damaged();
  // Every index is checked before anything follows one.
  if (check_all) {
    if (Status s = ValidateModel(m); !s.ok()) return Status::Internal("embedded model: " + s.message());
    if (!(*index == RuleIndex(m))) return Status::Internal("embedded model: the rules' index does not match them");
  }
  m.index = std::move(index);
  *model = std::move(m);
  return Status::Ok();
}

}  // namespace

Status ReadSnapshot(std::string_view bytes, Model* model) {
  return ReadSnapshotLayout(bytes, /*check_all=*/true, /*lazy=*/false, nullptr, model);
}

Status ReadTrustedSnapshot(std::string_view bytes, std::shared_ptr<const void> owner, Model* model) {
  const bool lazy = owner != nullptr;
  return ReadSnapshotLayout(bytes, false, lazy, owner, model);
}

Status ReadEmbeddedSnapshot(std::string_view bytes, Model* model) {
#ifdef NDEBUG
  return ReadSnapshotLayout(bytes, false, /*lazy=*/true, nullptr, model);
#else
  return ReadSnapshotLayout(bytes, true, /*lazy=*/false, nullptr, model);
#endif
}
