#include "facts.h"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <optional>
#include <unordered_set>

#include "household.h"
#include "messages.h"
#include "numbers.h"
#include "partner_violence.h"
#include "phrases.h"
#include "place.h"
#include "reading.h"
#include "unrecognized.h"
#include "utf8.h"

namespace {
// Facts implied by ages ("80代の母" → elderly parent).
void AddFactsFromAges(const Model& model, const std::vector<uint32_t>& from_age, Understanding* out) {
  std::vector<int> who;
  for (const uint32_t f : from_age) {
    const FactDef& def = model.facts[f];
    if (!out->AgeWithin(def.age_subject, def.age_min, def.age_max, def.age_anyone, &who)) continue;
    FactMention m;
    m.fact = static_cast<int>(f);
    m.subject = def.age_subject;
    m.origin = FactMention::kAge;
    // Of the one person whose age it is; of no one when several.
    m.person = who.size() == 1 ? who[0] : -1;
    m.because = Because::kDefault;
    for (const AgeMention& a : out->ages) {
      // The current ages of those persons.
      if (a.person < 0 || a.when == NumberMention::kPast || a.when == NumberMention::kRelative ||
          std::find(who.begin(), who.end(), a.person) == who.end())
        continue;
      if (!m.words.empty()) m.words += " ";
      m.words += a.words;
      m.clause = a.clause;
    }
    if (m.person >= 0) out->persons[m.person].mentions.push_back(static_cast<int>(out->mentions.size()));
    out->mentions.push_back(std::move(m));
  }
}

// Facts implied by durations ("10年ひきこもっている" → long withdrawal):
// the duration must sit in a clause that states a fact of the same area,
// or in a clause of its own ("ひきこもり、10年以上").
void AddFactsFromDurations(const Model& model, const std::vector<uint32_t>& from_duration,
                           const std::vector<NumberMention>& numbers, const std::vector<int>& number_clause,
                           Understanding* out, std::vector<char>* covered) {
  const std::string& display = out->text.display;
  auto cover = [covered](size_t b, size_t e) { MarkCovered(covered, b, e); };
  // The mentions of each clause, in order, kept up to date as facts are
  // added here: a duration reads its own clause's, not every mention of
  // the case (quadratic in a long case of many durations). Built at the
  // first duration.
  std::vector<std::vector<size_t>> of_clause;
  for (size_t i = 0; i < numbers.size(); ++i) {
    const NumberMention& n = numbers[i];
    if (n.kind != NumberMention::kDuration) continue;
    if (of_clause.empty()) {
      of_clause.resize(out->clauses.size());
      for (size_t k = 0; k < out->mentions.size(); ++k) {
        const int mc = out->mentions[k].clause;
        if (mc >= 0 && static_cast<size_t>(mc) < of_clause.size()) of_clause[mc].push_back(k);
      }
    }
    const int c = number_clause[i];
    const bool clause_has_facts = !of_clause[c].empty();
    // The mentions a fact of the duration may follow: its clause's, else
    // (a clause of its own) the whole case's.
    auto each_candidate = [&](auto&& visit) {
      if (clause_has_facts) {
        for (const size_t k : of_clause[c])
          if (visit(out->mentions[k])) return;
      } else {
        for (const FactMention& m : out->mentions)
          if (visit(m)) return;
      }
    };
    for (const uint32_t f : from_duration) {
      const FactDef& def = model.facts[f];
      if (n.months < def.from_duration_months) continue;
      bool related = false;
      each_candidate([&](const FactMention& m) {
        related = !m.negated && m.fact != static_cast<int>(f) && model.facts[m.fact].area == def.area;
        return related;
      });
      if (!related) continue;
      FactMention m;
      m.fact = static_cast<int>(f);
      m.subject = def.subject;
      m.clause = c;
      m.begin = n.begin;
      m.end = n.end;
      m.origin = FactMention::kDuration;
      m.words = display.substr(n.begin, n.end - n.begin);
      // The duration's fact is about whom the clause's fact of that area is.
      each_candidate([&](const FactMention& other) {
        if (other.negated || other.origin != FactMention::kPhrase || model.facts[other.fact].area != def.area ||
            other.person < 0)
          return false;
        m.person = other.person;
        m.subject = other.subject;
        m.because = Because::kTopic;
        return true;
      });
      if (m.person >= 0) out->persons[m.person].mentions.push_back(static_cast<int>(out->mentions.size()));
      of_clause[c].push_back(out->mentions.size());
      out->mentions.push_back(std::move(m));
      cover(n.begin, n.end);
    }
  }
}

}  // namespace

void MarkCovered(std::vector<char>* covered, size_t b, size_t e) {
  e = std::min(e, covered->size());
  if (b < e) std::memset(covered->data() + b, 1, e - b);
}

std::string MentionWords(const FactMention& m) {
  if (!m.negated) return m.words;
  const bool english = !m.words.empty() && IsAsciiLowerOrDigit(static_cast<unsigned char>(m.words[0]));
  const bool before = m.negation_side == 0 ? english : m.negation_side < 0;
  const std::string_view space = english ? " " : "";
  return before ? m.negation + std::string(space) + m.words : m.words + std::string(space) + m.negation;
}

void Understanding::Clear() {
  input.clear();
  text.display.clear();
  text.match.clear();
  clauses.clear();
  tokens.clear();
  subjects.clear();
  mentions.clear();
  ages.clear();
  persons.clear();
  concern = -1;
  quoted.clear();
  durations.clear();
  ignored_numbers.clear();
  unrecognized.clear();
  places.clear();
  for (AgeRange& r : age_of) r = AgeRange();
  for (std::vector<int>& v : aged) v.clear();
}

bool Understanding::AgeWithin(Subject s, int min, int max, bool anyone, std::vector<int>* who) const {
  auto within = [&](const AgeRange& r) { return r.known() && (min < 0 || r.lo >= min) && (max < 0 || r.hi <= max); };
  if (who) who->clear();
  size_t known = 0, inside = 0;
  for (int role = 0; role < kSubjectCount; ++role) {
    const Subject r = static_cast<Subject>(role);
    const bool household = r == Subject::kPerson || r == Subject::kParent || r == Subject::kFamily;
    if (r != s && !(s == Subject::kHousehold && household)) continue;
    for (const int p : aged[role]) {
      ++known;
      if (!within(persons[p].age)) continue;
      ++inside;
      if (who) who->push_back(p);
    }
  }
  return anyone ? inside > 0 : known > 0 && inside == known;
}

bool Understanding::Has(int fact, bool any_subject, Subject subject) const {
  for (const FactMention& m : mentions)
    if (m.fact == fact && !m.negated && (any_subject || m.subject == subject)) return true;
  return false;
}

Status Understand(const Model& model, const Lexicon& lexicon, const RuleIndex& index, std::string_view input,
                  Understanding* out, const GivenAges* given) {
  out->Clear();
  if (input.size() > kMaxQueryBytes)
    return Status::Input(TrF("the text is {} bytes; the limit is {} bytes per case", input.size(), kMaxQueryBytes));
  Status s = Normalize(input, &out->text);
  if (!s.ok()) return s;
  out->input.assign(input);
  const std::string& match = out->text.match;
  SplitClauses(match, &out->clauses);
  // Working storage, kept per thread from case to case (batch understands
  // every case on the same few threads): no allocation once warm.
  thread_local std::vector<char> covered;  // char: vector<bool> is slow here
  thread_local std::vector<NumberMention> numbers;
  thread_local std::vector<int> number_clause;
  covered.assign(match.size(), 0);
  numbers.clear();
  number_clause.clear();

  const Analyzer* analyzer = nullptr;
  s = Analyzer::Get(&analyzer);
  if (!s.ok()) return s;
  // The steps: tokens and phrases (phrases.h), numbers (numbers.h), who
  // is who (household.h: persons, ages, attach, concern, residence),
  // facts implied by ages and durations, and what was not understood.
  FindPhrases(model, lexicon, *analyzer, out, &covered);
  for (size_t c = 0; c < out->clauses.size(); ++c) {
    const size_t first = numbers.size();
    FindNumbers(match, out->clauses[c].begin, out->clauses[c].end, &numbers);
    ForgetCountedNumbers(*analyzer, out->text.display, first, &numbers);
    number_clause.resize(numbers.size(), static_cast<int>(c));
  }

  BuildHousehold(model, numbers, number_clause, given, out, &covered);
  AddPartnerViolence(model, out);

  // A stale index (a model edited after it was built) is built again here.
  std::optional<RuleIndex> fresh;
  const RuleIndex& facts = index.Describes(model) ? index : fresh.emplace(model);
  AddFactsFromAges(model, facts.from_age(), out);
  AddFactsFromDurations(model, facts.from_duration(), numbers, number_clause, out, &covered);
  FindPlaces(model, out, &covered);
  ListUnrecognized(covered, out);
  return Status::Ok();
}
