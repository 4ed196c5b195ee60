// The model: agencies, crisis contacts, lexicon and rules as plain structs.
// Loaders (load_*.cpp) and the embedded snapshot (snapshot.cpp) build it; the
// engine reads it; nothing here does I/O. References between parts are
// indexes into the Model's vectors, resolved and checked at load time.
#ifndef TSUNAGU_MODEL_H_
#define TSUNAGU_MODEL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "packed_strings.h"
#include "records.h"

enum class Lang { kJa, kEn };

/// A text in both languages.
struct LocalText {
  std::string ja, en;
  const std::string& in(Lang lang) const { return lang == Lang::kEn && !en.empty() ? en : ja; }
  bool empty() const { return ja.empty() && en.empty(); }
};

/// Where a definition came from, so later messages can point at it.
struct SourcePos {
  std::string file;
  int line = 0;
  int column = 0;
};

struct Role {
  std::string id;
  LocalText label;
  /// The guideline gives it as a sentence of the agency's summary, not as
  /// a bullet of its block (`from: summary`): shown as such (RoleLabel).
  bool from_summary = false;
};

/// A role's label as shown to a person: a role taken from the agency's
/// summary says so.
std::string RoleLabel(const Role& role, Lang lang);

/// Opening hours, shaped after HSDS 3.0 schedule (byday, opens_at, closes_at).
struct Hours {
  bool present = false;
  std::vector<std::string> byday;   // "MO".."SU"
  std::string opens_at, closes_at;  // "09:00"
  std::vector<std::string> closed;  // "holidays", "new-year"
  bool appointment = false;
  LocalText text;
};

/// Who an agency serves. Ages apply to the person (本人); -1 = no limit.
struct Eligibility {
  int min_age = -1;
  int max_age = -1;
  std::string residence;  // e.g. "niigata-city"; empty = none
  LocalText note;
};

/// One check of a fact against a public source.
struct ContactCheck {
  std::string date;    // "YYYY-MM-DD"
  std::string source;  // an http(s) address, or "phone call"
  std::string by;      // who checked
};

/// A check of one field of an agency (name, summary, roles, address,
/// phone, hours, eligibility) against a public source.
struct FieldCheck {
  std::string field;
  ContactCheck check;
};

/// Where the agency's facts come from in the guideline.
struct Provenance {
  int block = 0;      // agency block in the guideline, 1-based
  std::string name;   // "stated" | "inferred"
  std::string phone;  // how the phone number was read
  std::string note;
};

/// An area a local office serves: a town (町名, e.g. 寺尾東; matched with
/// or without its 丁目 and house numbers) or a school district (校区, e.g.
/// 寺尾中学校区). `readings` are the other ways a case may write it
/// (Teraohigashi, Terao-higashi): compared without case, hyphens, spaces
/// and macrons.
struct ServedArea {
  enum Kind : int { kTown, kSchoolDistrict } kind = kTown;
  std::string name;
  std::vector<std::string> readings;
  SourcePos pos;
};

/// One of an agency's local offices (one 地域包括支援センター of several),
/// with the areas it serves.
struct Office {
  std::string id;
  LocalText name, address;
  std::string phone;  // empty = not known
  Hours hours;
  std::vector<ContactCheck> checked;  // empty = not checked against a public source
  std::vector<ServedArea> serves;     // at least one
  SourcePos pos;
};

struct Agency {
  std::string id;
  LocalText name, summary, address;
  std::vector<Role> roles;
  std::string phone;  // empty = not in the guideline
  Hours hours;
  Eligibility eligibility;
  Provenance source;
  bool verified = false;
  /// Fields checked against public sources; empty: from the guideline only.
  std::vector<FieldCheck> checked;
  /// Several local offices, each serving its own area (`local_offices:
  /// true`, or `offices` listed): the office follows where the family
  /// lives (place.h). `ask` is the agency (index) that tells which office
  /// serves an address, or -1.
  bool local_offices = false;
  int ask = -1;
  std::vector<Office> offices;
  SourcePos pos;

  /// The latest date any field was checked ("YYYY-MM-DD"), or "" when
  /// nothing was: the agency is "guideline only".
  std::string LastChecked() const;
};

/// What a person is told about where an agency's details come from:
/// 「ガイドラインのみ」 / "guideline only", or 「公開情報で確認 DATE」 /
/// "checked DATE" (the latest check of any field).
std::string ProvenanceLabel(const Agency& agency, Lang lang);

/// A line to call when an alert fires. Every fact other than the name is
/// optional: a fact no public source confirmed is left out, not guessed.
struct CrisisContact {
  std::string id;
  LocalText name, note;
  std::string phone;
  std::vector<std::string> kinds;
  bool always = false;                // answers 24 hours a day, every day
  Hours hours;                        // present when stated; byday empty when only text is known
  std::string cost;                   // "free" | "charged" | "" (not stated)
  LocalText answers;                  // who answers, e.g. the child guidance centre of the caller's area
  std::vector<ContactCheck> checked;  // empty = not checked against a public source
  SourcePos pos;
};

/// One day off of the national calendar: a 国民の祝日 (kind "national"), a
/// 振替休日 ("substitute") or a 国民の休日 ("citizens").
struct Holiday {
  std::string date;  // "YYYY-MM-DD"
  LocalText name;
  std::string kind;
};

/// data/holidays.yaml: the public holidays of the years it covers, with
/// where they were taken from. Dates outside [from, to] are unknown, not
/// working days. from = to = 0 when there is no calendar.
struct HolidayCalendar {
  int from = 0, to = 0;
  std::vector<std::string> sources;   // the official list (http(s) addresses)
  std::vector<ContactCheck> checked;  // where the dates were read, and when
  std::vector<Holiday> days;          // sorted by date
  SourcePos covers_to;                // where `to` is written (for check)
};

/// Who a fact or an age is about. kCaller is the one who writes the case
/// (私, "I"), when they are not the person's parent.
enum class Subject { kPerson, kParent, kFamily, kHousehold, kNeighbour, kCaller };
constexpr int kSubjectCount = 6;
const char* SubjectId(Subject s);
/// Parses "person", "parent"...; false when unknown.
bool ParseSubject(const std::string& id, Subject* out);

/// An inclusive age range; lo/hi = -1 when unknown.
struct AgeRange {
  int lo = -1, hi = -1;
  bool known() const { return lo >= 0; }
};

struct FactDef {
  std::string id;
  LocalText label;
  std::string area;                    // withdrawal, care, money, ...
  Subject subject = Subject::kPerson;  // default subject
  PackedStrings ja, en;                // phrases as written in the file
  bool from_age = false;               // true when a subject's known age implies it
  Subject age_subject = Subject::kPerson;
  int age_min = -1, age_max = -1;
  bool age_anyone = false;        // from_age: anyone of the role within, not every known age
  int from_duration_months = -1;  // >= 0: a stated duration implies it
  std::string outside;            // a residence area (Eligibility::residence) this fact rules out
  SourcePos pos;
};

struct SubjectWords {
  std::vector<std::string> ja, en;
};

/// A reference to a fact in a condition, optionally about one subject.
struct FactRef {
  int fact = -1;
  bool any_subject = true;
  Subject subject = Subject::kPerson;
};

struct AgeCondition {
  Subject subject = Subject::kPerson;
  int min = -1, max = -1;  // -1 = unbounded
};

/// All given parts must hold for the condition to hold.
struct Condition {
  std::vector<FactRef> all, any, none;
  std::vector<AgeCondition> ages;
};

/// An agency a rule brings in, with its roles in this case and a weight.
struct Target {
  int agency = -1;
  std::vector<int> roles;  // indexes into the agency's roles
  int weight = 0;
};

struct Rule {
  std::string id;
  Condition when;
  std::vector<Target> to;
  LocalText reason;
  SourcePos pos;
};

/// A crisis alert. Alerts are kept in file order, which is their priority:
/// the first firing alert with a first contact sets the team's first contact.
struct AlertRule {
  std::string id;
  std::string kind;  // one of kAlertKinds
  Condition when;
  std::vector<int> contacts;  // indexes into Model::crisis, most urgent first
  int first_contact = -1;     // agency index that takes the case first, or -1
  std::vector<Target> to;
  LocalText message;
  SourcePos pos;
};

/// The kinds of danger an alert may name (AlertRule::kind).
constexpr const char* kAlertKinds[] = {"suicide",     "self-harm",   "threat", "violence",
                                       "elder-abuse", "child-abuse", "dv",     "urgent-physical"};

/// The kind's name for people ("高齢者虐待", "elder abuse"); the kind
/// itself when unknown.
LocalText AlertKindLabel(const std::string& kind);

/// Multi-agency cases: who convenes the case conference.
struct TeamPolicy {
  int convener = -1;       // agency index
  int convener_role = -1;  // role index within that agency
  int convener_weight = 15;
  int multi_issue_areas = 2;
};

class RuleIndex;

struct Model {
  std::vector<Agency> agencies;
  std::vector<CrisisContact> crisis;
  HolidayCalendar holidays;  // data/holidays.yaml
  SubjectWords subjects[kSubjectCount];
  /// rules/lexicon.yaml `words`: domain words the analyser must read as one
  /// noun (引きこもり, サポステ); compiled into its user dictionary at build
  /// time (tools/embed_model.cpp). Not part of the snapshot.
  std::vector<std::string> analyzer_words;
  /// Facts and rules are many in a big rule book, and read lazily from a
  /// snapshot (records.h); agencies, alerts and the rest are held.
  Records<FactDef> facts;
  Records<Rule> rules;
  std::vector<AlertRule> alerts;
  TeamPolicy team;
  std::vector<Target> fallback;  // when nothing was understood
  /// The rules' index by fact (rule_index.h) kept with a snapshot, so that
  /// a process reading one does not build it; null for a model built from
  /// the YAML. IndexOf uses it only while the facts and rules are as read.
  std::shared_ptr<const RuleIndex> index;
  /// The data and rules version (data_version.h), set by LoadModelFor
  /// (embedded.h); not part of the snapshot.
  std::string data_version;

  int FindAgency(const std::string& id) const;
  int FindFact(const std::string& id) const;
  int FindCrisis(const std::string& id) const;
};

/// Index of the role with this id in the agency, or -1.
int FindRole(const Agency& agency, const std::string& id);

#endif  // TSUNAGU_MODEL_H_
