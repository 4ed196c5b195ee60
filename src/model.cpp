#include "model.h"

namespace {
const char* const kSubjectIds[kSubjectCount] = {"person", "parent", "family", "household",
                                                "neighbour"};

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
