#include "rule_index.h"

#include <algorithm>
#include <utility>

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
