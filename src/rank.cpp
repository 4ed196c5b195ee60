#include "rank.h"

#include <algorithm>

#include "household.h"
#include "spare.h"

namespace {

// Entries no ranking uses now, for the next entry this thread needs (see
// spare.h): a case ranks a varying number of agencies.
thread_local std::vector<RankedAgency> spare_entries;
thread_local std::vector<AgencyCondition> spare_conditions;  // and their strings

void ShrinkTo(std::vector<RankedAgency>* entries, size_t n) { ShrinkToSpare(entries, n, &spare_entries); }

// Adds up targets into the ranking's own entries, one per agency, reusing
// the entries (and their vectors) left from the previous case: batch ranks
// every case with the same Ranking.
class Scoreboard {
 public:
  Scoreboard(const Model& model, std::vector<RankedAgency>* entries) : entries_(entries) {
    thread_local std::vector<int> slots;  // kept: no allocation per case
    slots.assign(model.agencies.size(), -1);
    slot_ = slots.data();
  }

  void Add(const Target& t, std::string_view source) {
    int& slot = slot_[t.agency];
    if (slot < 0) slot = static_cast<int>(NewEntry(t.agency));
    RankedAgency& e = (*entries_)[slot];
    e.score += t.weight;
    e.parts.push_back({source, t.weight});
    for (int role : t.roles)
      if (std::find(e.roles.begin(), e.roles.end(), role) == e.roles.end()) e.roles.push_back(role);
    if (std::find(e.reasons.begin(), e.reasons.end(), source) == e.reasons.end()) e.reasons.push_back(source);
  }
  bool Any() const { return used_ > 0; }
  /// Ends adding: the entries are exactly the agencies added (in the order
  /// first added; Rank's final sort decides the order).
  void Finish() { ShrinkTo(entries_, used_); }

 private:
  size_t NewEntry(int agency) {
    if (used_ == entries_->size()) AppendFromSpare(entries_, &spare_entries);
    RankedAgency& e = (*entries_)[used_];
    e.agency = agency;
    e.rank = e.score = 0;
    e.roles.clear();
    e.reasons.clear();
    e.parts.clear();
    ShrinkToSpare(&e.conditions, 0, &spare_conditions);
    return used_++;
  }

  std::vector<RankedAgency>* entries_;
  int* slot_;  // agency → its entry, or -1 (this thread's, one board at a time)
  size_t used_ = 0;
};

std::string AgeText(int min_age, int max_age, bool ja) {
  if (ja) {
    if (min_age >= 0 && max_age >= 0) return std::to_string(min_age) + "〜" + std::to_string(max_age) + "歳";
    if (max_age >= 0) return std::to_string(max_age) + "歳まで";
    return std::to_string(min_age) + "歳から";
  }
  if (min_age >= 0 && max_age >= 0) return "ages " + std::to_string(min_age) + "-" + std::to_string(max_age);
  if (max_age >= 0) return "up to age " + std::to_string(max_age);
  return "from age " + std::to_string(min_age);
}

// Applies eligibility to one agency: false when a known age, or a stated
// residence outside its area, rules it out (with *removal saying why).
bool CheckEligibility(const Model& model, const Agency& a, const Understanding& u, RankedAgency* e, Removal* removal) {
  const Eligibility& el = a.eligibility;
  if (el.min_age >= 0 || el.max_age >= 0) {
    AgeRange r = u.AgeOf(Subject::kPerson);
    auto limit_ja = [&] { return AgeText(el.min_age, el.max_age, true); };
    auto limit_en = [&] { return AgeText(el.min_age, el.max_age, false); };
    if (r.known() && ((el.max_age >= 0 && r.lo > el.max_age) || (el.min_age >= 0 && r.hi < el.min_age))) {
      std::string age = r.lo == r.hi ? std::to_string(r.lo) : std::to_string(r.lo) + "-" + std::to_string(r.hi);
      removal->why.ja = "対象は" + limit_ja() + "、本人は" + age + "歳";
      removal->why.en = "serves " + limit_en() + "; the person is " + age;
      return false;
    }
    bool inside = r.known() && (el.max_age < 0 || r.hi <= el.max_age) && (el.min_age < 0 || r.lo >= el.min_age);
    if (!inside) {
      // Built in place, into a spare's strings: most cases state no age,
      // so this runs per case.
      AgencyCondition& c = AppendFromSpare(&e->conditions, &spare_conditions);
      c.kind = r.known() ? "age-uncertain" : "age-unknown";
      c.text.ja.assign("対象は").append(limit_ja()).append(": 本人の年齢を確認してください");
      c.text.en.assign("serves ").append(limit_en()).append(": check the person's age");
    }
  }
  if (!el.residence.empty()) {
    // The person of concern living outside, with no one of the household
    // living inside (household.h).
    if (const FactMention* m = ConcernOutside(model, u, el.residence)) {
      const LocalText& serves = el.note;
      const LocalText& label = model.facts[m->fact].label;
      removal->why.ja = "対象: " + (serves.ja.empty() ? el.residence : serves.ja) + "。ケースでは" + label.ja + " (「" +
                        m->words + "」)";
      removal->why.en = "eligibility: " + (serves.en.empty() ? el.residence : serves.en) + "; the case says " +
                        label.en + " (\"" + m->words + "\")";
      return false;
    }
    AgencyCondition& c = AppendFromSpare(&e->conditions, &spare_conditions);
    c.kind = "residence";
    c.text = el.note;
    if (c.text.empty()) c.text = {"居住地の条件: " + el.residence, "residence: " + el.residence};
  }
  return true;
}

// Applies eligibility to the entries in order: keeps those that pass,
// records the rest in *removed.
void ApplyEligibility(const Model& model, const Understanding& u, std::vector<RankedAgency>* entries,
                      std::vector<Removal>* removed) {
  size_t kept = 0;
  for (size_t i = 0; i < entries->size(); ++i) {
    RankedAgency& e = (*entries)[i];
    Removal removal;
    if (CheckEligibility(model, model.agencies[e.agency], u, &e, &removal)) {
      if (kept != i) std::swap((*entries)[kept], e);  // swap: both keep their storage
      ++kept;
    } else {
      removal.agency = e.agency;
      removal.score = e.score;
      removed->push_back(std::move(removal));
    }
  }
  ShrinkTo(entries, kept);
}

}  // namespace

void Rank(const Model& model, const Understanding& u, const std::vector<Firing>& rules,
          const std::vector<Firing>& alerts, Ranking* out) {
  out->removed.clear();
  out->team.areas.clear();
  out->team.multi_issue = false;
  out->team.first_contact = out->team.convener = out->team.first_contact_alert = -1;
  out->fallback = false;
  Scoreboard board(model, &out->agencies);
  for (const Firing& f : alerts)
    for (const Target& t : model.alerts[f.index].to) board.Add(t, model.alerts[f.index].id);
  for (const Firing& f : rules)
    for (const Target& t : model.rules[f.index].to) board.Add(t, model.rules[f.index].id);

  std::vector<std::string>& areas = out->team.areas;
  for (const FactMention& m : u.mentions) {
    // Where the household lives decides eligibility, not a problem area.
    // A fact only an age implies, with no phrase (a parent under 65), is
    // not a problem either.
    const FactDef& def = model.facts[m.fact];
    if (m.negated || IsPlaceFact(model, m.fact) || (def.from_age && def.ja.empty() && def.en.empty())) continue;
    const std::string& area = model.facts[m.fact].area;
    if (std::find(areas.begin(), areas.end(), area) == areas.end()) areas.push_back(area);
  }
  std::sort(areas.begin(), areas.end());
  out->team.multi_issue = static_cast<int>(areas.size()) >= model.team.multi_issue_areas && board.Any();
  if (out->team.multi_issue && model.team.convener >= 0) {
    Target t;
    t.agency = model.team.convener;
    t.roles = {model.team.convener_role};
    t.weight = model.team.convener_weight;
    board.Add(t, "team-convener");
    out->team.convener = model.team.convener;
  }
  board.Finish();
  ApplyEligibility(model, u, &out->agencies, &out->removed);
  if (out->agencies.empty()) {
    // Nothing routed (or everything ruled out): the general windows. Only
    // the routed agencies' removals are reported.
    Scoreboard fallback(model, &out->agencies);
    for (const Target& t : model.fallback) fallback.Add(t, "fallback");
    fallback.Finish();
    const size_t routed_removals = out->removed.size();
    ApplyEligibility(model, u, &out->agencies, &out->removed);
    out->removed.resize(routed_removals);
    out->fallback = true;
    out->team.multi_issue = false;
    out->team.convener = -1;
  }
  // Removals in data order (usually none or one).
  std::sort(out->removed.begin(), out->removed.end(),
            [](const Removal& a, const Removal& b) { return a.agency < b.agency; });
  // Higher score first; ties in data order (agency index).
  std::sort(out->agencies.begin(), out->agencies.end(), [](const RankedAgency& a, const RankedAgency& b) {
    return a.score != b.score ? a.score > b.score : a.agency < b.agency;
  });
  // The most urgent alert that names a first contact (file order) puts it
  // first, when eligibility kept it: elder abuse is the 地域包括's to act on
  // whatever the other scores.
  for (const Firing& f : alerts) {
    const int first = model.alerts[f.index].first_contact;
    if (first < 0) continue;
    auto it = std::find_if(out->agencies.begin(), out->agencies.end(),
                           [first](const RankedAgency& e) { return e.agency == first; });
    if (it == out->agencies.end()) continue;
    std::rotate(out->agencies.begin(), it, it + 1);
    out->team.first_contact_alert = f.index;
    break;
  }
  for (size_t i = 0; i < out->agencies.size(); ++i) out->agencies[i].rank = static_cast<int>(i + 1);
  if (!out->agencies.empty()) out->team.first_contact = out->agencies[0].agency;
}

Ranking Rank(const Model& model, const Understanding& u, const std::vector<Firing>& rules,
             const std::vector<Firing>& alerts) {
  Ranking out;
  Rank(model, u, rules, alerts, &out);
  return out;
}
