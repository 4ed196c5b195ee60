// RuleIndex: a model's rule and alert conditions compiled for judging many
// cases: each condition's facts as bitsets, and the conditions indexed by
// the facts they need, so that a case tests only the conditions whose
// facts it states (and those with no all/any part), as word operations
// where it can. It also lists the facts that ages and durations imply,
// so that understanding a case does not walk every fact. Cost follows the
// case, not the rule book (issue 16).
//
// Derived data, beside the model: built from a model, it describes that
// model's rules and alerts as they were when it was built. A snapshot
// keeps it (Save, Load), so a process reading one does not build it again
// (Model::index; IndexOf). Build it again after editing them; FireRules
// and FireAlerts (rules.h) fall back to testing every condition the long
// way, with the same answer, when the lists' sizes or the facts' count no
// longer match; Understand (facts.h) builds a fresh index for itself then.
// Threading: read-only after construction, safe from many threads.
#ifndef TSUNAGU_RULE_INDEX_H_
#define TSUNAGU_RULE_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "model.h"

/// One list's conditions (rules or alerts) compiled to bitsets of facts
/// (bit f % 64 of word f / 64 is fact f).
struct CompiledConditions {
  size_t count = 0;  // conditions compiled (the list's size)
  size_t words = 0;  // 64-bit words in a set of all the facts
  // Per condition, only the words of its all, any and none sets that are
  // not all zero (a condition names a few facts of thousands): entries
  // set_begin[i] .. set_begin[i + 1], each a word's index (set_word) and
  // its all, any and none bits (set_bits, 3 an entry).
  std::vector<uint32_t> set_begin, set_word;
  std::vector<uint64_t> set_bits;
  std::vector<uint8_t> general;  // per condition, 1: an age part or a fact about one
                                 // subject, so tested the long way
  // A condition can hold only when one of its key facts is stated: its
  // first `all` fact, else each `any` fact; those of fact f are
  // keyed[key_start[f] .. key_start[f + 1]). unkeyed: the conditions with
  // neither part (none/age only), always tested.
  std::vector<uint32_t> key_start, keyed, unkeyed;

  bool operator==(const CompiledConditions& o) const;
};

class Reader;
class Writer;

class RuleIndex {
 public:
  RuleIndex() = default;  // describes no model: every condition the long way
  explicit RuleIndex(const Model& model);

  const CompiledConditions& rules() const { return rules_; }
  const CompiledConditions& alerts() const { return alerts_; }
  size_t facts() const { return facts_; }
  /// The facts with from_age, and those with from_duration, in file order.
  const std::vector<uint32_t>& from_age() const { return from_age_; }
  const std::vector<uint32_t>& from_duration() const { return from_duration_; }
  /// True when the index was built from a model with these lists' sizes.
  bool Describes(const Model& model) const;

  /// The index as bytes (binary_io.h), for a snapshot.
  void Save(Writer* w) const;
  /// Reads Save's bytes. False, whatever the bytes, unless every part fits
  /// the others: each condition, fact and word named is within its list,
  /// so that judging a case never reads past one.
  bool Load(Reader* r);
  bool operator==(const RuleIndex& o) const;

 private:
  CompiledConditions rules_, alerts_;
  size_t facts_ = 0;
  std::vector<uint32_t> from_age_, from_duration_;
};

/// The index kept with the model's snapshot (Model::index) while its facts
/// and rules are as read (not edited since), else one built into *built.
const RuleIndex& IndexOf(const Model& model, std::optional<RuleIndex>* built);

#endif  // TSUNAGU_RULE_INDEX_H_
