#include "model.h"

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
int Model::FindFact(const std::string& id) const { return facts.Find(id); }
int Model::FindCrisis(const std::string& id) const { return FindById(crisis, id); }
int FindRole(const Agency& agency, const std::string& id) { return FindById(agency.roles, id); }

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
