#include "rank.h"

#include <algorithm>
#include <map>

namespace {

class Scoreboard {
 public:
  explicit Scoreboard(const Model& model) : entries_(model.agencies.size()) {}

  void Add(const Target& t, const std::string& source) {
    RankedAgency& e = entries_[t.agency];
    e.agency = t.agency;
    e.score += t.weight;
    e.parts.push_back({source, t.weight});
    for (int role : t.roles)
      if (std::find(e.roles.begin(), e.roles.end(), role) == e.roles.end()) e.roles.push_back(role);
    if (std::find(e.reasons.begin(), e.reasons.end(), source) == e.reasons.end())
      e.reasons.push_back(source);
  }
  bool Any() const {
    for (const RankedAgency& e : entries_)
      if (e.agency >= 0) return true;
    return false;
  }
  std::vector<RankedAgency>& entries() { return entries_; }

 private:
  std::vector<RankedAgency> entries_;  // indexed by agency
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

// The first mention that places the person or the household outside the
// residence area, or nullptr. A parent or neighbour living elsewhere says
// nothing about where the person lives.
const FactMention* OutsideMention(const Model& model, const Understanding& u, const std::string& residence) {
  for (const FactMention& m : u.mentions)
    if (!m.negated && model.facts[m.fact].outside == residence &&
        (m.subject == Subject::kPerson || m.subject == Subject::kHousehold))
      return &m;
  return nullptr;
}

// Applies eligibility to one agency: false when a known age, or a stated
// residence outside its area, rules it out (with *removal saying why).
bool CheckEligibility(const Model& model, const Agency& a, const Understanding& u, RankedAgency* e,
                      Removal* removal) {
  const Eligibility& el = a.eligibility;
  if (el.min_age >= 0 || el.max_age >= 0) {
    AgeRange r = u.AgeOf(Subject::kPerson);
    std::string limit_ja = AgeText(el.min_age, el.max_age, true);
    std::string limit_en = AgeText(el.min_age, el.max_age, false);
    if (r.known() && ((el.max_age >= 0 && r.lo > el.max_age) || (el.min_age >= 0 && r.hi < el.min_age))) {
      std::string age = r.lo == r.hi ? std::to_string(r.lo) : std::to_string(r.lo) + "-" + std::to_string(r.hi);
      removal->why.ja = "対象は" + limit_ja + "、本人は" + age + "歳";
      removal->why.en = "serves " + limit_en + "; the person is " + age;
      return false;
    }
    bool inside = r.known() && (el.max_age < 0 || r.hi <= el.max_age) && (el.min_age < 0 || r.lo >= el.min_age);
    if (!inside) {
      AgencyCondition c;
      c.kind = r.known() ? "age-uncertain" : "age-unknown";
      c.text.ja = "対象は" + limit_ja + ": 本人の年齢を確認してください";
      c.text.en = "serves " + limit_en + ": check the person's age";
      e->conditions.push_back(c);
    }
  }
  if (!el.residence.empty()) {
    if (const FactMention* m = OutsideMention(model, u, el.residence)) {
      const LocalText& serves = el.note;
      const LocalText& label = model.facts[m->fact].label;
      removal->why.ja = "対象: " + (serves.ja.empty() ? el.residence : serves.ja) + "。ケースでは" + label.ja +
                        " (「" + m->words + "」)";
      removal->why.en = "eligibility: " + (serves.en.empty() ? el.residence : serves.en) + "; the case says " +
                        label.en + " (\"" + m->words + "\")";
      return false;
    }
    AgencyCondition c;
    c.kind = "residence";
    c.text = el.note;
    if (c.text.empty()) c.text = {"居住地の条件: " + el.residence, "residence: " + el.residence};
    e->conditions.push_back(c);
  }
  return true;
}

}  // namespace

Ranking Rank(const Model& model, const Understanding& u, const std::vector<Firing>& rules,
             const std::vector<Firing>& alerts) {
  Ranking out;
  Scoreboard board(model);
  for (const Firing& f : alerts)
    for (const Target& t : model.alerts[f.index].to) board.Add(t, model.alerts[f.index].id);
  for (const Firing& f : rules)
    for (const Target& t : model.rules[f.index].to) board.Add(t, model.rules[f.index].id);

  for (const FactMention& m : u.mentions) {
    // Where the household lives decides eligibility, not a problem area.
    if (m.negated || !model.facts[m.fact].outside.empty()) continue;
    const std::string& area = model.facts[m.fact].area;
    if (std::find(out.team.areas.begin(), out.team.areas.end(), area) == out.team.areas.end())
      out.team.areas.push_back(area);
  }
  std::sort(out.team.areas.begin(), out.team.areas.end());
  out.team.multi_issue = static_cast<int>(out.team.areas.size()) >= model.team.multi_issue_areas &&
                         board.Any();
  if (out.team.multi_issue && model.team.convener >= 0) {
    Target t;
    t.agency = model.team.convener;
    t.roles = {model.team.convener_role};
    t.weight = model.team.convener_weight;
    board.Add(t, "team-convener");
    out.team.convener = model.team.convener;
  }

  auto collect = [&](std::vector<RankedAgency>& entries) {
    for (RankedAgency& e : entries) {
      if (e.agency < 0) continue;
      Removal removal;
      if (CheckEligibility(model, model.agencies[e.agency], u, &e, &removal)) {
        out.agencies.push_back(std::move(e));
      } else {
        removal.agency = e.agency;
        removal.score = e.score;
        out.removed.push_back(removal);
      }
    }
  };
  collect(board.entries());
  if (out.agencies.empty()) {
    // Nothing routed (or everything ruled out): the general windows.
    Scoreboard fallback(model);
    for (const Target& t : model.fallback) fallback.Add(t, "fallback");
    std::vector<Removal> kept_removals = out.removed;
    collect(fallback.entries());
    out.removed = kept_removals;
    out.fallback = true;
    out.team.multi_issue = false;
    out.team.convener = -1;
  }
  // Higher score first; ties keep data order (entries are in agency order).
  std::stable_sort(out.agencies.begin(), out.agencies.end(),
                   [](const RankedAgency& a, const RankedAgency& b) { return a.score > b.score; });
  for (size_t i = 0; i < out.agencies.size(); ++i) out.agencies[i].rank = static_cast<int>(i + 1);
  if (!out.agencies.empty()) out.team.first_contact = out.agencies[0].agency;
  return out;
}
