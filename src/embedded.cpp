#include "embedded.h"

#include <sys/stat.h>

#include <cerrno>
#include <utility>
#include <vector>

#include "data_version.h"
#include "embedded_data.h"
#include "load_model.h"
#include "model_cache.h"
#include "snapshot.h"

// The analyser reads with the user dictionary compiled at build time, the
// one the embedded lexicon's phrases were read with: set before any Get.
static const bool kUserDictionarySet = [] {
  Analyzer::SetUserDictionary(std::string(kEmbeddedUserDictionary, kEmbeddedUserDictionarySize));
  return true;
}();

Status LoadEmbeddedModel(Model* model) {
  return ReadEmbeddedSnapshot(std::string_view(kEmbeddedSnapshot, kEmbeddedSnapshotSize), model);
}

Status LoadEmbeddedLexicon(Lexicon* lexicon) {
  const Analyzer* analyzer = nullptr;
  Status s = Analyzer::Get(&analyzer);  // the text is read with it: fail early
  if (!s.ok()) return s;
    // Built at build time from checked files, as the snapshot: its arrays
    // are checked in debug builds only (ReadEmbeddedSnapshot).
#ifdef NDEBUG
  constexpr bool kTrusted = true;
#else
  constexpr bool kTrusted = false;
#endif
  if (!lexicon->Restore(std::string_view(kEmbeddedLexicon, kEmbeddedLexiconSize), /*owner=*/nullptr, kTrusted))
    return Status::Internal("embedded lexicon: damaged");
  return Status::Ok();
}

std::string_view EmbeddedFile(std::string_view name) {
  for (size_t i = 0; i < kEmbeddedYamlCount; ++i)
    if (name == kEmbeddedYaml[i].name) return std::string_view(kEmbeddedYaml[i].text, kEmbeddedYaml[i].size);
  return {};
}

bool HasHolidaysFile(const std::string& data_dir) {
  struct stat st;
  return stat((data_dir + "/holidays.yaml").c_str(), &st) == 0 || errno != ENOENT;
}

namespace {
// The files of a model, in load order: of the data directory (true) or of
// the rules one. The same order as the embedded YAML (tools/embed_model).
constexpr std::pair<bool, const char*> kFiles[] = {{true, "agencies.yaml"}, {true, "crisis.yaml"},
                                                   {false, "lexicon.yaml"}, {false, "routing.yaml"},
                                                   {false, "alerts.yaml"},  {true, "holidays.yaml"}};

// DataVersion of the files ReadModelFiles read: the same hash of the same
// bytes ("data/agencies.yaml" and its text...), without reading them again.
std::string VersionOf(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<std::pair<std::string, std::string_view>> hashed;
  for (size_t i = 0; i < files.size(); ++i)
    hashed.emplace_back(std::string(kFiles[i].first ? "data/" : "rules/") + kFiles[i].second, files[i].second);
  return HashYamlFiles(hashed);
}
}  // namespace

Status ReadModelFiles(const std::string& data_dir, const std::string& rules_dir,
                      std::vector<std::pair<std::string, std::string>>* out) {
  std::vector<std::pair<std::string, std::string>>& files = *out;
  for (const auto& [data, file] : kFiles) {
    const std::string& dir = data ? data_dir : rules_dir;
    std::string name, text;
    if (dir.empty() || (std::string(file) == "holidays.yaml" && !HasHolidaysFile(dir))) {
      name = "(built-in) " + std::string(data ? "data/" : "rules/") + file;
      text = std::string(EmbeddedFile(file));
    } else {
      name = dir + "/" + file;
      Status s = ReadFile(name, &text);
      if (!s.ok()) return s;
    }
    files.emplace_back(name, std::move(text));
  }
  return Status::Ok();
}

Status LoadModelFor(const std::string& data_dir, const std::string& rules_dir, Model* model, Lexicon* lexicon) {
  if (data_dir.empty() && rules_dir.empty()) {
    Status s = LoadEmbeddedModel(model);
    if (s.ok()) s = LoadEmbeddedLexicon(lexicon);
    model->data_version = kEmbeddedDataVersion;  // hashed by embed_model: no cost per run
    return s;
  }
  // Read every file first: their bytes key the compiled-model cache and
  // give the data version.
  std::vector<std::pair<std::string, std::string>> files;
  if (Status s = ReadModelFiles(data_dir, rules_dir, &files); !s.ok()) return s;
  std::string key = ModelCacheKey(files);
  if (ReadCachedModel(key, model, lexicon)) {
    model->data_version = VersionOf(files);
    return Status::Ok();
  }
  size_t next = 0;
  Status s = LoadModel(
      [&](bool, const std::string&, std::string* text, std::string* name) {
        *name = files[next].first;
        *text = files[next].second;
        ++next;
        return Status::Ok();
      },
      model);
  if (!s.ok()) return s;
  const Analyzer* analyzer = nullptr;
  s = Analyzer::Get(&analyzer);
  if (!s.ok()) return s;
  *lexicon = Lexicon(*model, *analyzer);
  WriteCachedModel(key, *model, *lexicon);
  model->data_version = VersionOf(files);
  return Status::Ok();
}
