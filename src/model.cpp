#include "model.h"

#include <algorithm>

namespace {
const char* const kSubjectIds[kSubjectCount] = {"person", "parent", "family", "household", "neighbour", "caller"};

template <typename T>
int FindById(const std::vector<T>& items, const std::string& id) {
  for (size_t i = 0; i < items.size(); ++i)
    if (items[i].id == id) return static_cast<int>(i);
  return -1;
}
}  // namespace

const char* SubjectId(Subject s) { return kSubjectIds[static_cast<int>(s)]; }

bool ParseSubject(const std::string& id, Subject* out) {
  for (int i = 0; i < kSubjectCount; ++i) {
    if (id == kSubjectIds[i]) {
      *out = static_cast<Subject>(i);
      return true;
    }
  }
  return false;
}

int Model::FindAgency(const std::string& id) const { return FindById(agencies, id); }
int Model::FindFact(const std::string& id) const { return FindById(facts, id); }
int Model::FindCrisis(const std::string& id) const { return FindById(crisis, id); }
int FindRole(const Agency& agency, const std::string& id) { return FindById(agency.roles, id); }

namespace {
template <typename RuleList>
CompiledConditions Compile(const RuleList& list, size_t fact_count) {
  CompiledConditions c;
  c.source = list.data();
  c.count = list.size();
  c.words = fact_count / 64 + 1;
  c.sets.assign(3 * c.words * list.size(), 0);
  c.general.assign(list.size(), 0);
  for (size_t i = 0; i < list.size(); ++i) {
    const Condition& when = list[i].when;
    uint64_t* sets = &c.sets[3 * c.words * i];
    bool general = !when.ages.empty();
    const std::vector<FactRef>* parts[] = {&when.all, &when.any, &when.none};
    for (size_t part = 0; part < 3; ++part) {
      for (const FactRef& ref : *parts[part]) {
        if (!ref.any_subject || ref.fact < 0 || static_cast<size_t>(ref.fact) >= fact_count) {
          general = true;
          continue;
        }
        sets[part * c.words + static_cast<size_t>(ref.fact) / 64] |= uint64_t{1} << (ref.fact % 64);
      }
    }
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

void CompileConditions(Model* model) {
  model->compiled_rules = Compile(model->rules, model->facts.size());
  model->compiled_alerts = Compile(model->alerts, model->facts.size());
}

LocalText AlertKindLabel(const std::string& kind) {
  static const struct {
    const char* kind;
    const char* ja;
    const char* en;
  } kLabels[] = {{"suicide", "自殺の危険", "suicide risk"},
                 {"self-harm", "自傷", "self-harm"},
                 {"threat", "脅し・危害の予告", "threat"},
                 {"violence", "暴力", "violence"},
                 {"elder-abuse", "高齢者虐待", "elder abuse"},
                 {"child-abuse", "児童虐待", "child abuse"},
                 {"dv", "配偶者間の暴力(DV)", "domestic violence between partners"},
                 {"urgent-physical", "命にかかわる身体の危険", "urgent physical danger"}};
  for (const auto& l : kLabels)
    if (kind == l.kind) return {l.ja, l.en};
  return {kind, kind};
}

std::string RoleLabel(const Role& role, Lang lang) {
  if (!role.from_summary) return role.label.in(lang);
  return role.label.in(lang) + (lang == Lang::kEn ? " (from the agency's summary)" : "(紹介文より)");
}

std::string Agency::LastChecked() const {
  std::string latest;
  for (const FieldCheck& c : checked) latest = std::max(latest, c.check.date);
  return latest;
}

std::string ProvenanceLabel(const Agency& agency, Lang lang) {
  const std::string date = agency.LastChecked();
  if (date.empty()) return lang == Lang::kEn ? "guideline only" : "ガイドラインのみ";
  return (lang == Lang::kEn ? "checked " : "公開情報で確認 ") + date;
}
