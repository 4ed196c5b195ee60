#include "embedded.h"

#include <sys/stat.h>

#include <cerrno>
#include <utility>
#include <vector>

#include "data_version.h"
#include "embedded_data.h"
#include "file_stamps.h"
#include "load_model.h"
#include "model_cache.h"
#include "reading_cache.h"
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

// One of a model's files: its name (in messages and the cache key) and
// the path it is read from, or "" for a built-in file.
struct ModelFile {
  std::string name, path;
  std::string_view built_in;
};

std::vector<ModelFile> ModelFiles(const std::string& data_dir, const std::string& rules_dir) {
  std::vector<ModelFile> files;
  for (const auto& [data, file] : kFiles) {
    const std::string& dir = data ? data_dir : rules_dir;
    if (dir.empty() || (std::string(file) == "holidays.yaml" && !HasHolidaysFile(dir)))
      files.push_back({"(built-in) " + std::string(data ? "data/" : "rules/") + file, "", EmbeddedFile(file)});
    else files.push_back({dir + "/" + file, dir + "/" + file, {}});
  }
  return files;
}

Status ReadFiles(const std::vector<ModelFile>& sources, std::vector<std::pair<std::string, std::string>>* out) {
  for (const ModelFile& f : sources) {
    std::string text(f.built_in);
    if (!f.path.empty())
      if (Status s = ReadFile(f.path, &text); !s.ok()) return s;
    out->emplace_back(f.name, std::move(text));
  }
  return Status::Ok();
}
}  // namespace

Status ReadModelFiles(const std::string& data_dir, const std::string& rules_dir,
                      std::vector<std::pair<std::string, std::string>>* out) {
  return ReadFiles(ModelFiles(data_dir, rules_dir), out);
}

Status LoadModelFor(const std::string& data_dir, const std::string& rules_dir, Model* model, Lexicon* lexicon) {
  if (data_dir.empty() && rules_dir.empty()) {
    Status s = LoadEmbeddedModel(model);
    if (s.ok()) s = LoadEmbeddedLexicon(lexicon);
    model->data_version = kEmbeddedDataVersion;  // hashed by embed_model: no cost per run
    return s;
  }
  const std::vector<ModelFile> sources = ModelFiles(data_dir, rules_dir);
  std::vector<std::string> names, paths;
  for (const ModelFile& f : sources) {
    names.push_back(f.name);
    paths.push_back(f.path);
  }
  // The files as stat sees them: when they are as they were when last
  // read, their key and version are known without reading a byte
  // (file_stamps.h). The time first: a file must be older than that.
  const std::string stamps_file = StampsFileName(names);
  StampedKey stamped;
  stamped.read_at_ns = StampClockNow();
  const bool stamps_known = StampFiles(paths, &stamped.stamps);
  if (stamps_known) {
    std::string bytes;
    StampedKey stored;
    if (ReadCacheFile(stamps_file, &bytes) && DecodeStampedKey(bytes, &stored) &&
        StampsStillHold(stored, stamped.stamps) && ReadCachedModel(stored.key, model, lexicon)) {
      model->data_version = stored.data_version;
      return Status::Ok();
    }
  }
  // Else read every file: their bytes key the compiled-model cache and
  // give the data version.
  std::vector<std::pair<std::string, std::string>> files;
  if (Status s = ReadFiles(sources, &files); !s.ok()) return s;
  stamped.key = ModelCacheKey(files);
  stamped.data_version = VersionOf(files);
  // Kept only when no file changed while it was read.
  auto remember_stamps = [&] {
    std::vector<FileStamp> after;
    if (stamps_known && StampFiles(paths, &after) && after == stamped.stamps)
      WriteCacheFile(stamps_file, EncodeStampedKey(stamped));
  };
  const std::string& key = stamped.key;
  if (ReadCachedModel(key, model, lexicon)) {
    model->data_version = stamped.data_version;
    remember_stamps();
    return Status::Ok();
  }
  // The phrases are read (MeCab) while the files after the lexicon load;
  // those read by an earlier run are not read again (reading_cache.h).
  std::unique_ptr<KnownReadings> known;
  Status analyzer_status;
  size_t next = 0;
  Status s = LoadModel(
      [&](bool, const std::string&, std::string* text, std::string* name) {
        *name = files[next].first;
        *text = std::move(files[next].second);
        ++next;
        return Status::Ok();
      },
      model,
      [&](const Model& loaded) {
        known = LoadKnownReadings();
        const Analyzer* analyzer = nullptr;
        analyzer_status = Analyzer::Get(&analyzer);
        if (analyzer_status.ok()) *lexicon = Lexicon(loaded, *analyzer, known.get());
      });
  if (!s.ok()) return s;
  if (!analyzer_status.ok()) return analyzer_status;
  SaveKnownReadings(known.get());
  WriteCachedModel(key, *model, *lexicon);
  model->data_version = stamped.data_version;
  remember_stamps();
  return Status::Ok();
}
