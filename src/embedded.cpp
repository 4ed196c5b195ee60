#include "embedded.h"

#include "load_model.h"
#include "snapshot.h"

// Defined in the generated embedded_data.cpp.
extern const char kEmbeddedSnapshot[];
extern const size_t kEmbeddedSnapshotSize;
struct EmbeddedYaml {
  const char* name;
  const char* text;
  size_t size;
};
extern const EmbeddedYaml kEmbeddedYaml[];
extern const size_t kEmbeddedYamlCount;

Status LoadEmbeddedModel(Model* model) {
  return ReadSnapshot(std::string_view(kEmbeddedSnapshot, kEmbeddedSnapshotSize), model);
}

std::string_view EmbeddedFile(std::string_view name) {
  for (size_t i = 0; i < kEmbeddedYamlCount; ++i)
    if (name == kEmbeddedYaml[i].name) return std::string_view(kEmbeddedYaml[i].text, kEmbeddedYaml[i].size);
  return {};
}

Status LoadModelFor(const std::string& data_dir, const std::string& rules_dir, Model* model) {
  if (data_dir.empty() && rules_dir.empty()) return LoadEmbeddedModel(model);
  return LoadModel(
      [&](bool data, const std::string& file, std::string* text, std::string* name) {
        const std::string& dir = data ? data_dir : rules_dir;
        if (dir.empty()) {
          *name = "(built-in) " + std::string(data ? "data/" : "rules/") + file;
          *text = std::string(EmbeddedFile(file));
          return Status::Ok();
        }
        *name = dir + "/" + file;
        return ReadFile(*name, text);
      },
      model);
}
