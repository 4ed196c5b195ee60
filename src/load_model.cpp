#include "load_model.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <thread>
#include <vector>

#include "load_data.h"
#include "load_rules.h"
#include "yaml_doc.h"

namespace {
// Data and rule files are small; a bigger one is a mistake (or an attack).
constexpr size_t kMaxFileBytes = 4 * 1024 * 1024;
}  // namespace

Status ReadFile(const std::string& path, std::string* contents) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::Io("cannot open " + path + ": " + std::strerror(errno));
  contents->clear();
  // One allocation of the right size: growing by doubling touches (and
  // page-faults) twice the memory, a visible share of a short run.
  struct stat st;
  if (fstat(fileno(f), &st) == 0 && st.st_size > 0)
    contents->reserve(std::min(static_cast<size_t>(st.st_size), kMaxFileBytes + 1));
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    contents->append(buf, n);
    if (contents->size() > kMaxFileBytes) {
      std::fclose(f);
      // A bad data file (exit 4), not an unreadable one.
      return Status::Data(path, 0, 0, "larger than " + std::to_string(kMaxFileBytes) +
                                          " bytes; data and rule files are expected to be small");
    }
  }
  bool failed = std::ferror(f);
  std::fclose(f);
  if (failed) return Status::Io("cannot read " + path + ": " + std::strerror(errno));
  return Status::Ok();
}

Status LoadModel(const FileSource& source, Model* model) {
  using Loader = Status (*)(const YamlDoc&, Model*);
  struct Step {
    bool data;
    const char* file;
    Loader load;
  };
  static const Step kSteps[] = {{true, "agencies.yaml", LoadAgencies},
                                {true, "crisis.yaml", LoadCrisis},
                                {false, "lexicon.yaml", LoadLexicon},
                                {false, "routing.yaml", LoadRouting},
                                {false, "alerts.yaml", LoadAlerts},
                                {true, "holidays.yaml", LoadHolidays}};
  constexpr size_t kFiles = sizeof kSteps / sizeof kSteps[0];
  std::vector<YamlDoc> docs;
  std::vector<std::string> texts(kFiles);
  std::vector<Status> parsed(kFiles);
  for (size_t i = 0; i < kFiles; ++i) {
    std::string name;
    parsed[i] = source(kSteps[i].data, kSteps[i].file, &texts[i], &name);
    docs.emplace_back(name);
  }
  // Parsing is most of the cost (yaml-cpp: ~8 MB/s); the files are
  // independent until their references are resolved, so parse them on two
  // threads: the lexicon (the largest) and the crisis file on a second one.
  auto parse = [&](size_t i) {
    if (parsed[i].ok()) parsed[i] = docs[i].Parse(texts[i]);
  };
  std::thread helper([&] {
    parse(2);
    parse(1);
  });
  for (size_t i : {0, 3, 4, 5}) parse(i);
  helper.join();
  *model = Model();
  for (size_t i = 0; i < kFiles; ++i) {
    if (!parsed[i].ok()) return parsed[i];
    Status s = kSteps[i].load(docs[i], model);
    if (!s.ok()) return s;
  }
  CompileConditions(model);
  return Status::Ok();
}

Status LoadModelFromDirs(const std::string& data_dir, const std::string& rules_dir, Model* model) {
  return LoadModel(
      [&](bool data, const std::string& file, std::string* text, std::string* name) {
        *name = (data ? data_dir : rules_dir) + "/" + file;
        return ReadFile(*name, text);
      },
      model);
}
