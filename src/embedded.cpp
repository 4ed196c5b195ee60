#include "embedded.h"

#include "load_model.h"
#include "snapshot.h"

// Defined in the generated embedded_data.cpp.
extern const char kEmbeddedSnapshot[];
extern const size_t kEmbeddedSnapshotSize;
extern const char kEmbeddedLexicon[];
extern const size_t kEmbeddedLexiconSize;
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

Status LoadEmbeddedLexicon(Lexicon* lexicon) {
  if (!lexicon->Restore(std::string_view(kEmbeddedLexicon, kEmbeddedLexiconSize)))
    return Status::Internal("embedded lexicon: damaged");
  return Status::Ok();
}

std::string_view EmbeddedFile(std::string_view name) {
  for (size_t i = 0; i < kEmbeddedYamlCount; ++i)
    if (name == kEmbeddedYaml[i].name) return std::string_view(kEmbeddedYaml[i].text, kEmbeddedYaml[i].size);
  return {};
}

Status LoadModelFor(const std::string& data_dir, const std::string& rules_dir, Model* model,
                    Lexicon* lexicon) {
  if (data_dir.empty() && rules_dir.empty()) {
    Status s = LoadEmbeddedModel(model);
    return s.ok() ? LoadEmbeddedLexicon(lexicon) : s;
  }
  Status s = LoadModel(
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
  if (s.ok()) *lexicon = Lexicon(*model);
  return s;
}
