#include "rule_index.h"

#include <algorithm>
#include <utility>

#include "binary_io.h"

namespace {
template <typename RuleList>
CompiledConditions Compile(const RuleList& list, size_t fact_count) {
  CompiledConditions c;
  c.count = list.size();
  c.words = fact_count / 64 + 1;
  c.general.assign(list.size(), 0);
  c.set_begin.assign(1, 0);
  std::vector<std::pair<uint32_t, size_t>> bits;  // (word, part * 64 + bit) of one condition
  for (size_t i = 0; i < list.size(); ++i) {
    const Condition& when = list[i].when;
    bool general = !when.ages.empty();
    const std::vector<FactRef>* parts[] = {&when.all, &when.any, &when.none};
    bits.clear();
    for (size_t part = 0; part < 3; ++part) {
      for (const FactRef& ref : *parts[part]) {
        if (!ref.any_subject || ref.fact < 0 || static_cast<size_t>(ref.fact) >= fact_count) {
          general = true;
          continue;
        }
        bits.emplace_back(static_cast<uint32_t>(ref.fact / 64), part * 64 + static_cast<size_t>(ref.fact % 64));
      }
    }
    std::sort(bits.begin(), bits.end());
    for (size_t b = 0; b < bits.size(); ++b) {
      if (b == 0 || bits[b].first != bits[b - 1].first) {
        c.set_word.push_back(bits[b].first);
        c.set_bits.insert(c.set_bits.end(), 3, 0);
      }
      c.set_bits[c.set_bits.size() - 3 + bits[b].second / 64] |= uint64_t{1} << (bits[b].second % 64);
    }
    c.set_begin.push_back(static_cast<uint32_t>(c.set_word.size()));
    c.general[i] = general;
  }
  // The key facts, counted, then placed (counting sort: conditions in file
  // order under each fact). A reference to no fact is never stated, so a
  // condition keyed by one never holds and is left out.
  auto keys = [&](const Condition& when, auto&& each) {
    if (!when.all.empty()) {
      if (when.all[0].fact >= 0 && static_cast<size_t>(when.all[0].fact) < fact_count) each(when.all[0].fact);
      return;
    }
    for (const FactRef& ref : when.any)
      if (ref.fact >= 0 && static_cast<size_t>(ref.fact) < fact_count) each(ref.fact);
  };
  c.key_start.assign(fact_count + 1, 0);
  for (size_t i = 0; i < list.size(); ++i) {
    const Condition& when = list[i].when;
    if (when.all.empty() && when.any.empty()) c.unkeyed.push_back(static_cast<uint32_t>(i));
    keys(when, [&](int fact) { ++c.key_start[fact + 1]; });
  }
  for (size_t f = 0; f < fact_count; ++f) c.key_start[f + 1] += c.key_start[f];
  c.keyed.resize(c.key_start[fact_count]);
  std::vector<uint32_t> at(c.key_start.begin(), c.key_start.end() - 1);
  for (size_t i = 0; i < list.size(); ++i)
    keys(list[i].when, [&](int fact) { c.keyed[at[fact]++] = static_cast<uint32_t>(i); });
  return c;
}
}  // namespace

RuleIndex::RuleIndex(const Model& model)
    : rules_(Compile(model.rules, model.facts.size())),
      alerts_(Compile(model.alerts, model.facts.size())),
      facts_(model.facts.size()) {
  for (size_t f = 0; f < model.facts.size(); ++f) {
    if (model.facts[f].from_age) from_age_.push_back(static_cast<uint32_t>(f));
    if (model.facts[f].from_duration_months >= 0) from_duration_.push_back(static_cast<uint32_t>(f));
  }
}

bool RuleIndex::Describes(const Model& model) const {
  return facts_ == model.facts.size() && rules_.count == model.rules.size() && alerts_.count == model.alerts.size();
}

bool CompiledConditions::operator==(const CompiledConditions& o) const {
  return count == o.count && words == o.words && set_begin == o.set_begin && set_word == o.set_word &&
         set_bits == o.set_bits && general == o.general && key_start == o.key_start && keyed == o.keyed &&
         unkeyed == o.unkeyed;
}

bool RuleIndex::operator==(const RuleIndex& o) const {
  return rules_ == o.rules_ && alerts_ == o.alerts_ && facts_ == o.facts_ && from_age_ == o.from_age_ &&
         from_duration_ == o.from_duration_;
}

namespace {

void SaveConditions(Writer* w, const CompiledConditions& c) {
  w->Int(static_cast<int64_t>(c.count));
  w->Int(static_cast<int64_t>(c.words));
  w->Array(c.set_begin);
  w->Array(c.set_word);
  w->Array(c.set_bits);
  w->Array(c.general);
  w->Array(c.key_start);
  w->Array(c.keyed);
  w->Array(c.unkeyed);
}

// Offsets into a list of `size` entries: count + 1 of them, from 0, never
// falling, the last at the list's end.
bool Offsets(const std::vector<uint32_t>& starts, size_t count, size_t size) {
  if (starts.size() != count + 1 || starts[0] != 0 || starts.back() != size) return false;
  for (size_t i = 1; i < starts.size(); ++i)
    if (starts[i] < starts[i - 1]) return false;
  return true;
}

bool AllBelow(const std::vector<uint32_t>& v, size_t n) {
  return std::all_of(v.begin(), v.end(), [n](uint32_t x) { return x < n; });
}

bool LoadConditions(Reader* r, size_t facts, CompiledConditions* c) {
  const int64_t count = r->Int(), words = r->Int();
  c->set_begin = r->Array<uint32_t>();
  c->set_word = r->Array<uint32_t>();
  c->set_bits = r->Array<uint64_t>();
  c->general = r->Array<uint8_t>();
  c->key_start = r->Array<uint32_t>();
  c->keyed = r->Array<uint32_t>();
  c->unkeyed = r->Array<uint32_t>();
  if (!r->ok() || count < 0 || words < 0) return false;
  c->count = static_cast<size_t>(count);
  c->words = static_cast<size_t>(words);
  return c->words == facts / 64 + 1 && Offsets(c->set_begin, c->count, c->set_word.size()) &&
         AllBelow(c->set_word, c->words) && c->set_bits.size() == 3 * c->set_word.size() &&
         c->general.size() == c->count && Offsets(c->key_start, facts, c->keyed.size()) &&
         AllBelow(c->keyed, c->count) && AllBelow(c->unkeyed, c->count);
}

}  // namespace

void RuleIndex::Save(Writer* w) const {
  w->Int(static_cast<int64_t>(facts_));
  SaveConditions(w, rules_);
  SaveConditions(w, alerts_);
  w->Array(from_age_);
  w->Array(from_duration_);
}

bool RuleIndex::Load(Reader* r) {
  const int64_t facts = r->Int();
  if (!r->ok() || facts < 0) return false;
  facts_ = static_cast<size_t>(facts);
  if (!LoadConditions(r, facts_, &rules_) || !LoadConditions(r, facts_, &alerts_)) return false;
  from_age_ = r->Array<uint32_t>();
  from_duration_ = r->Array<uint32_t>();
  return r->ok() && AllBelow(from_age_, facts_) && AllBelow(from_duration_, facts_);
}

const RuleIndex& IndexOf(const Model& model, std::optional<RuleIndex>* built) {
  if (model.index && model.facts.lazy() && model.rules.lazy() && model.index->Describes(model)) return *model.index;
  return built->emplace(model);
}
