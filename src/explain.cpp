#include "explain.h"

#include <algorithm>

#include "edit_distance.h"
#include "messages.h"
#include "normalize.h"
#include "triage.h"

namespace {

bool Matches(const FactMention& m, const FactRef& ref) {
  return m.fact == ref.fact && (ref.any_subject || m.subject == ref.subject);
}

std::vector<int> MentionsOf(const Understanding& u, const FactRef& ref, bool negated) {
  std::vector<int> out;
  for (size_t i = 0; i < u.mentions.size(); ++i)
    if (Matches(u.mentions[i], ref) && u.mentions[i].negated == negated) out.push_back(static_cast<int>(i));
  return out;
}

bool AgeWithin(const AgeRange& r, int min, int max) {
  return r.known() && (min < 0 || r.lo >= min) && (max < 0 || r.hi <= max);
}

// Where an agency stands in a ranking.
struct Placement {
  WhyNot::State state = WhyNot::kAbsent;
  int rank = 0, score = 0;
  LocalText why;
};

Placement Place(const Ranking& ranking, int agency) {
  Placement p;
  for (const RankedAgency& r : ranking.agencies)
    if (r.agency == agency) {
      p.state = WhyNot::kRanked;
      p.rank = r.rank;
      p.score = r.score;
      return p;
    }
  for (const Removal& r : ranking.removed)
    if (r.agency == agency) {
      p.state = WhyNot::kRemoved;
      p.score = r.score;
      p.why = r.why;
    }
  return p;
}

// Bounds [min, max] (-1 = open) narrowed by another pair; false when empty.
bool Narrow(int* min, int* max, int other_min, int other_max) {
  if (other_min >= 0) *min = std::max(*min, other_min);
  if (other_max >= 0) *max = *max < 0 ? other_max : std::min(*max, other_max);
  return *min < 0 || *max < 0 || *min <= *max;
}

// The words that name a subject in an added clause.
std::string SubjectWord(Subject s, Lang lang) {
  static const char* const kJa[] = {"本人", "親", "家族", "世帯", "近所の人", "私"};
  static const char* const kEn[] = {"the person", "the parent", "the family", "the household", "the neighbour", "I"};
  return (lang == Lang::kJa ? kJa : kEn)[static_cast<int>(s)];
}

bool IsAsciiStart(const std::string& s) { return !s.empty() && static_cast<unsigned char>(s[0]) < 0x80; }

// The text with edits applied and clauses appended; false when edits overlap.
bool ApplyChanges(const std::string& base, const std::vector<CaseChange>& changes, std::string* out) {
  std::vector<TextEdit> edits;
  for (const CaseChange& c : changes) edits.insert(edits.end(), c.edits.begin(), c.edits.end());
  std::sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.begin > b.begin; });
  std::string text = base;
  size_t limit = text.size();
  for (const TextEdit& e : edits) {
    if (e.end > limit || e.begin > e.end) return false;
    text.replace(e.begin, e.end - e.begin, e.text);
    limit = e.begin;
  }
  for (const CaseChange& c : changes) {
    if (c.append.empty()) continue;
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
    static const char* const kEnds[] = {"。", "、", ".", ",", ";", "!", "?"};
    bool ended = text.empty();
    for (const char* end : kEnds) {
      std::string_view e(end);
      ended = ended || (text.size() >= e.size() && text.compare(text.size() - e.size(), e.size(), e) == 0);
    }
    if (!ended) text += IsAsciiStart(c.append) ? ". " : "。";
    else if (!text.empty() && IsAsciiStart(c.append)) text += " ";
    text += c.append;
  }
  *out = text;
  return true;
}

// Builds and checks the changes that could bring one agency in or up.
class WhyNotSearch {
 public:
  WhyNotSearch(const Model& model, const Lexicon& lexicon, const RuleIndex& index, const Explanation& e, int agency,
               Lang lang, WhyNot* out)
      : model_(model),
        lexicon_(lexicon),
        index_(index),
        u_(e.result.understanding),
        agency_(agency),
        lang_(lang),
        out_(out) {}

  // Adds a suggestion for each working combination of the options (one
  // alternative per slot), trying the slots' alternatives in order.
  void Try(const std::vector<std::vector<CaseChange>>& slots, const std::string& via) {
    if (slots.empty()) return;
    for (const auto& slot : slots)
      if (slot.empty()) return;
    std::vector<size_t> pick(slots.size(), 0);
    for (int budget = 0; budget < kMaxCombinations; ++budget) {
      std::vector<CaseChange> changes;
      for (size_t i = 0; i < slots.size(); ++i) changes.push_back(slots[i][pick[i]]);
      if (Check(changes, via)) return;  // the cheapest working option is enough
      size_t i = 0;
      while (i < slots.size() && ++pick[i] == slots[i].size()) pick[i++] = 0;
      if (i == slots.size()) return;
    }
  }

  // The change that makes a missing fact count: drop its negation when the
  // text negates it, else say it with a lexicon phrase (or give an age).
  bool Mention(const FactRef& ref, std::vector<CaseChange>* out) {
    const FactDef& def = model_.facts[ref.fact];
    CaseChange c;
    c.fact = ref.fact;
    c.any_subject = ref.any_subject;
    c.subject = ref.any_subject ? def.subject : ref.subject;
    for (int i : MentionsOf(u_, ref, true)) {
      const FactMention& m = u_.mentions[i];
      if (m.origin != FactMention::kPhrase || m.negation.empty()) continue;
      const std::string& text = u_.text.display;
      c.kind = CaseChange::kUnnegate;
      c.phrase = m.words;
      c.negation = m.negation;
      if (text.compare(m.end, m.negation.size(), m.negation) == 0) {
        c.edits.push_back({m.end, m.end + m.negation.size(), ""});
      } else if (m.begin >= m.negation.size()) {
        size_t at = text.rfind(m.negation, m.begin - m.negation.size());
        if (at == std::string::npos) continue;
        c.edits.push_back({at, m.begin, ""});
      }
    }
    if (c.kind == CaseChange::kUnnegate && !c.edits.empty()) {
      out->push_back(c);
      return true;
    }
    c = CaseChange();
    c.fact = ref.fact;
    c.any_subject = ref.any_subject;
    c.subject = ref.any_subject ? def.subject : ref.subject;
    bool needs_subject = !ref.any_subject && ref.subject != def.subject;
    for (const std::string& phrase : PhraseCandidates(def)) {
      std::string clause = phrase;
      if (needs_subject) {
        std::string word = SubjectWord(ref.subject, IsAsciiStart(phrase) ? Lang::kEn : Lang::kJa);
        clause = IsAsciiStart(phrase) ? word + " " + phrase : word + "は" + phrase;
      }
      Understanding alone;
      if (!Understand(model_, lexicon_, index_, clause, &alone).ok()) continue;
      if (!alone.Has(ref.fact, ref.any_subject, ref.subject)) continue;
      c.kind = CaseChange::kMention;
      c.phrase = phrase;
      c.append = clause;
      out->push_back(c);
      return true;
    }
    if (def.from_age) {
      Age(def.age_subject, def.age_min, def.age_max, 0, out);
      return true;
    }
    return false;
  }

  // The change that leaves a fact out: erase the words that say it.
  bool Unmention(const FactRef& ref, std::vector<CaseChange>* out) {
    CaseChange c;
    c.kind = CaseChange::kUnmention;
    c.fact = ref.fact;
    c.any_subject = ref.any_subject;
    c.subject = ref.subject;
    for (int i : MentionsOf(u_, ref, false)) {
      const FactMention& m = u_.mentions[i];
      if (m.origin == FactMention::kAge || m.end <= m.begin) return false;
      if (c.phrase.empty()) c.phrase = m.words;
      c.edits.push_back({m.begin, m.end, ""});
    }
    if (c.edits.empty()) return false;
    out->push_back(c);
    return true;
  }

  // The change that puts a subject's age in [min, max]. Variant 0 rewrites
  // the digits of the stated age ("52歳" → "49歳"), variant 1 the whole
  // words; with no stated age a clause is added ("本人は45歳").
  void Age(Subject subject, int min, int max, int variant, std::vector<CaseChange>* out) {
    CaseChange c;
    c.kind = CaseChange::kAge;
    c.subject = subject;
    c.age_min = min;
    c.age_max = max;
    AgeRange r = u_.AgeOf(subject);
    int v = min >= 0 ? min : max;
    if (r.known() && max >= 0 && r.hi > max) v = max;
    else if (r.known() && min >= 0 && r.lo < min) v = min;
    for (const AgeMention& a : u_.ages) {
      if (a.subject != subject || a.end <= a.begin) continue;
      c.age_known = true;
      std::string words = u_.text.display.substr(a.begin, a.end - a.begin);
      std::string replacement = std::to_string(v) + (lang_ == Lang::kJa || !IsAsciiStart(words) ? "歳" : "");
      size_t d = words.find_first_of("0123456789");
      if (variant == 0 && d != std::string::npos) {
        size_t e = words.find_first_not_of("0123456789", d);
        if (e == std::string::npos) e = words.size();
        bool decade = a.range.hi == a.range.lo + 9 && a.range.lo % 10 == 0;
        replacement = words.substr(0, d) + std::to_string(decade ? v / 10 * 10 : v) + words.substr(e);
      } else if (!IsAsciiStart(words)) {
        replacement = std::to_string(v) + "歳";
      } else {
        replacement = "aged " + std::to_string(v);
      }
      c.edits.push_back({a.begin, a.end, replacement});
    }
    if (!c.age_known) {
      c.append = lang_ == Lang::kJa ? SubjectWord(subject, Lang::kJa) + "は" + std::to_string(v) + "歳"
                                    : SubjectWord(subject, Lang::kEn) + " is " + std::to_string(v);
    }
    out->push_back(c);
  }

  int tried() const { return tried_; }
  std::vector<Suggestion>& found() { return found_; }

 private:
  static constexpr int kMaxCombinations = 24;
  static constexpr size_t kMaxPhrases = 6;

  // Phrases to say a fact with, best first: its label when the label is
  // itself a phrase, then its phrases, in the chosen language first.
  std::vector<std::string> PhraseCandidates(const FactDef& def) const {
    const PackedStrings& first = lang_ == Lang::kJa ? def.ja : def.en;
    const PackedStrings& second = lang_ == Lang::kJa ? def.en : def.ja;
    std::vector<std::string> out;
    const std::string& label = def.label.in(lang_);
    for (std::string_view p : first)
      if (NormalizePhrase(p) == NormalizePhrase(label)) out.emplace_back(p);
    for (const auto* list : {&first, &second}) {
      size_t taken = 0;
      for (std::string_view p : *list) {
        if (taken == kMaxPhrases) break;
        if (std::find(out.begin(), out.end(), p) != out.end()) continue;
        out.emplace_back(p);
        ++taken;
      }
    }
    return out;
  }

  // Re-runs the case with the changes; keeps them when the agency comes in
  // (or, when it was ranked, moves up).
  bool Check(const std::vector<CaseChange>& changes, const std::string& via) {
    std::string text;
    if (!ApplyChanges(u_.text.display, changes, &text)) return false;
    for (const Suggestion& s : found_)
      if (s.text == text) return true;  // the same change, reached by another rule
    ++tried_;
    CaseResult result;
    if (!Triage(model_, lexicon_, index_, text, &result).ok()) return false;
    Placement now = Place(result.ranking, agency_);
    if (now.state != WhyNot::kRanked) return false;
    if (out_->state == WhyNot::kRanked && now.rank >= out_->rank) return false;
    Suggestion s;
    s.changes = changes;
    s.via = via;
    s.text = text;
    s.rank = now.rank;
    s.score = now.score;
    found_.push_back(s);
    return true;
  }

  const Model& model_;
  const Lexicon& lexicon_;
  const RuleIndex& index_;
  const Understanding& u_;
  int agency_;
  Lang lang_;
  WhyNot* out_;
  int tried_ = 0;
  std::vector<Suggestion> found_;
};

}  // namespace

std::vector<QuietDanger> FindQuietDangers(const Model& model, const Understanding& u,
                                          const std::vector<Firing>& alerts) {
  std::vector<const FactMention*> raised;
  for (const Firing& f : alerts) {
    std::vector<const FactMention*> said = AlertMentions(model, u, f);
    raised.insert(raised.end(), said.begin(), said.end());
  }
  std::vector<QuietDanger> out;
  for (size_t i = 0; i < u.mentions.size(); ++i) {
    const FactMention& m = u.mentions[i];
    if (model.facts[m.fact].area != "crisis") continue;
    if (std::find(raised.begin(), raised.end(), &m) != raised.end()) continue;
    QuietDanger q;
    q.mention = static_cast<int>(i);
    if (m.negated) {
      q.kind = QuietDanger::kNegated;
    } else {
      bool named = false;  // does any alert take this fact, about anyone?
      for (const AlertRule& a : model.alerts)
        for (const std::vector<FactRef>* part : {&a.when.all, &a.when.any})
          for (const FactRef& ref : *part) named = named || ref.fact == m.fact;
      q.kind = named ? QuietDanger::kOtherSubject : QuietDanger::kNoAlert;
    }
    out.push_back(q);
  }
  return out;
}

RuleTrace TraceRule(const Model& model, const Understanding& u, bool alert, int index) {
  const Condition& when = alert ? model.alerts[index].when : model.rules[index].when;
  RuleTrace t;
  t.alert = alert;
  t.index = index;
  auto part = [&](PartTrace::Kind kind, const std::vector<FactRef>& refs) {
    if (refs.empty()) return;
    PartTrace p;
    p.kind = kind;
    size_t present = 0;
    for (const FactRef& ref : refs) {
      p.facts.push_back({ref, MentionsOf(u, ref, false)});
      if (p.facts.back().present()) ++present;
    }
    p.holds = kind == PartTrace::kAll ? present == refs.size() : kind == PartTrace::kAny ? present > 0 : present == 0;
    t.parts.push_back(p);
  };
  part(PartTrace::kAll, when.all);
  part(PartTrace::kAny, when.any);
  part(PartTrace::kNone, when.none);
  for (const AgeCondition& age : when.ages) {
    PartTrace p;
    p.kind = PartTrace::kAge;
    p.age = age;
    p.actual = u.AgeOf(age.subject);
    p.holds = AgeWithin(p.actual, age.min, age.max);
    t.parts.push_back(p);
  }
  t.fired = std::all_of(t.parts.begin(), t.parts.end(), [](const PartTrace& p) { return p.holds; });
  return t;
}

Status Explain(const Model& model, const Lexicon& lexicon, const RuleIndex& index, std::string_view text,
               Explanation* out) {
  *out = Explanation();
  Status s = Triage(model, lexicon, index, text, &out->result);
  if (!s.ok()) return s;
  const Understanding& u = out->result.understanding;
  for (const Firing& f : out->result.alerts) out->fired.push_back(TraceRule(model, u, true, f.index));
  for (const Firing& f : out->result.rules) out->fired.push_back(TraceRule(model, u, false, f.index));
  return Status::Ok();
}

Status FindAgencyId(const Model& model, const std::string& id, int* agency) {
  *agency = model.FindAgency(id);
  if (*agency >= 0) return Status::Ok();
  std::vector<std::string> ids;
  for (const Agency& a : model.agencies) ids.push_back(a.id);
  std::string guess = ClosestMatch(id, ids);
  if (!guess.empty()) return Status::Usage(TrF("no agency '{}'; did you mean '{}'?", id, guess));
  std::string known;
  for (const std::string& i : ids) known += " " + i;
  return Status::Usage(TrF("no agency '{}'; known ids:{}", id, known));
}

namespace {

using Slots = std::vector<std::vector<CaseChange>>;

// Every way in: alerts, rules, the conference convener, the fallback.
std::vector<Route> FindRoutes(const Model& model, const Explanation& e, int agency) {
  const Understanding& u = e.result.understanding;
  const Ranking& ranking = e.result.ranking;
  std::vector<Route> routes;
  auto add_routes = [&](Route::Kind kind, size_t count, auto condition_of, auto targets_of,
                        const std::vector<Firing>& fired) {
    for (size_t i = 0; i < count; ++i) {
      for (const Target& t : targets_of(i)) {
        if (t.agency != agency) continue;
        Route r;
        r.kind = kind;
        r.index = static_cast<int>(i);
        r.weight = t.weight;
        for (const Firing& f : fired) r.fired = r.fired || f.index == r.index;
        if (!r.fired) r.gaps = FindGaps(condition_of(i), u);
        routes.push_back(r);
        break;
      }
    }
  };
  add_routes(
      Route::kAlert, model.alerts.size(), [&](size_t i) -> const Condition& { return model.alerts[i].when; },
      [&](size_t i) -> const std::vector<Target>& { return model.alerts[i].to; }, e.result.alerts);
  add_routes(
      Route::kRule, model.rules.size(), [&](size_t i) -> const Condition& { return model.rules[i].when; },
      [&](size_t i) -> const std::vector<Target>& { return model.rules[i].to; }, e.result.rules);
  if (model.team.convener == agency) {
    Route r;
    r.kind = Route::kConvener;
    r.weight = model.team.convener_weight;
    r.fired = ranking.team.convener == agency;
    r.areas_have = static_cast<int>(ranking.team.areas.size());
    r.areas_needed = model.team.multi_issue_areas;
    routes.push_back(r);
  }
  for (const Target& t : model.fallback)
    if (t.agency == agency) {
      Route r;
      r.kind = Route::kFallback;
      r.weight = t.weight;
      r.fired = ranking.fallback;
      routes.push_back(r);
    }
  return routes;
}

// What the suggestions for one agency share: the search, and its
// eligibility (the person's age may have to change for any route).
struct Suggester {
  const Model& model;
  const Understanding& u;
  const Eligibility& el;
  bool age_rules_out;  // the person's stated age is outside the agency's
  WhyNotSearch& search;

  // The person's age changes needed so that the agency is eligible and the
  // route's own age conditions still hold; false when they cannot agree.
  bool AgeSlots(const Condition* when, Slots* slots) {
    for (int s = 0; s < kSubjectCount; ++s) {
      Subject subject = static_cast<Subject>(s);
      int min = -1, max = -1;
      bool change = subject == Subject::kPerson && age_rules_out;
      if (subject == Subject::kPerson && !Narrow(&min, &max, el.min_age, el.max_age)) return false;
      if (when) {
        for (const AgeCondition& a : when->ages) {
          if (a.subject != subject) continue;
          if (!Narrow(&min, &max, a.min, a.max)) return false;
          change = change || !AgeWithin(u.AgeOf(subject), a.min, a.max);
        }
      }
      if (!change) continue;
      std::vector<CaseChange> variants;
      search.Age(subject, min, max, 0, &variants);
      if (!variants.back().edits.empty()) search.Age(subject, min, max, 1, &variants);
      slots->push_back(variants);
    }
    return true;
  }

  // Brought in but removed: make the case eligible again.
  void ForEligibility(const std::vector<Route>& routes) {
    Slots slots;
    const Condition* only = nullptr;  // keep the fired rules' own age conditions
    for (const Route& r : routes)
      if (r.fired && r.kind == Route::kRule) only = &model.rules[r.index].when;
    // A stated residence outside the agency's area: drop what says so.
    if (!el.residence.empty())
      for (size_t f = 0; f < model.facts.size(); ++f) {
        FactRef ref;
        ref.fact = static_cast<int>(f);
        std::vector<CaseChange> options;
        if (model.facts[f].outside == el.residence && search.Unmention(ref, &options)) slots.push_back(options);
      }
    if (AgeSlots(only, &slots)) search.Try(slots, "eligibility");
  }

  // A rule that did not fire: close each of its gaps.
  void ForRule(const Route& r) {
    const Condition& when = model.rules[r.index].when;
    Slots slots;
    bool possible = true;
    for (const ConditionGap& g : r.gaps) {
      std::vector<CaseChange> options;
      if (g.kind == ConditionGap::kMissingAll) {
        possible = possible && search.Mention(g.facts[0], &options);
      } else if (g.kind == ConditionGap::kMissingAny) {
        for (const FactRef& ref : g.facts)
          if (model.facts[ref.fact].area != "crisis") search.Mention(ref, &options);
        // Dropping a negation the text already has reads better than adding words.
        std::stable_partition(options.begin(), options.end(),
                              [](const CaseChange& c) { return c.kind == CaseChange::kUnnegate; });
        possible = possible && !options.empty();
      } else if (g.kind == ConditionGap::kPresentNone) {
        possible = possible && search.Unmention(g.facts[0], &options);
      } else {
        continue;  // ages: one change per subject, below
      }
      slots.push_back(options);
    }
    if (!possible || !AgeSlots(&when, &slots)) return;
    search.Try(slots, model.rules[r.index].id);
  }

  // A case conference needs problems in several areas: add the missing
  // ones, one fact each (never a crisis word).
  void ForConvener(const Route& r, const Ranking& ranking) {
    std::vector<std::string> missing;
    for (const FactDef& f : model.facts)
      if (f.area != "crisis" &&
          std::find(ranking.team.areas.begin(), ranking.team.areas.end(), f.area) == ranking.team.areas.end() &&
          std::find(missing.begin(), missing.end(), f.area) == missing.end())
        missing.push_back(f.area);
    int needed = std::max(1, r.areas_needed - r.areas_have);
    for (size_t start = 0; start < missing.size(); ++start) {
      Slots slots;
      for (int k = 0; k < needed && start + k < missing.size(); ++k) {
        std::vector<CaseChange> options;
        for (size_t f = 0; f < model.facts.size() && options.empty(); ++f)
          if (model.facts[f].area == missing[start + k]) search.Mention({static_cast<int>(f), true, {}}, &options);
        if (options.empty()) break;
        slots.push_back({options.front()});
      }
      if (static_cast<int>(slots.size()) == needed && AgeSlots(nullptr, &slots)) search.Try(slots, "team-convener");
    }
  }
};

}  // namespace

WhyNot ExplainWhyNot(const Model& model, const Lexicon& lexicon, const RuleIndex& index, const Explanation& e,
                     int agency, Lang lang) {
  WhyNot out;
  out.agency = agency;
  const Understanding& u = e.result.understanding;
  const Ranking& ranking = e.result.ranking;
  Placement now = Place(ranking, agency);
  out.state = now.state;
  out.rank = now.rank;
  out.score = now.score;
  out.removed_why = now.why;
  out.routes = FindRoutes(model, e, agency);

  if (out.state == WhyNot::kRanked && out.rank == 1) return out;  // nothing to improve
  WhyNotSearch search(model, lexicon, index, e, agency, lang, &out);
  const Eligibility& el = model.agencies[agency].eligibility;
  AgeRange person = u.AgeOf(Subject::kPerson);
  Suggester suggest{model, u, el, person.known() && !AgeWithin(person, el.min_age, el.max_age), search};

  if (out.state == WhyNot::kRemoved) suggest.ForEligibility(out.routes);
  for (const Route& r : out.routes) {
    // Crisis alerts are shown as routes but never suggested as a change.
    if (r.fired || r.kind != Route::kRule) continue;
    suggest.ForRule(r);
  }
  for (const Route& r : out.routes) {
    if (r.kind != Route::kConvener || r.fired) continue;
    suggest.ForConvener(r, ranking);
  }

  out.suggestions = search.found();
  std::stable_sort(out.suggestions.begin(), out.suggestions.end(), [](const Suggestion& a, const Suggestion& b) {
    if (a.changes.size() != b.changes.size()) return a.changes.size() < b.changes.size();
    return a.rank < b.rank;
  });
  out.tried = search.tried();
  return out;
}
