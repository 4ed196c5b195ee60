#include "data_version.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>

#include "embedded_data.h"
#include "load_model.h"

const char kGuidelineTitle[] = "新潟市西区ひきこもり支援ガイドライン — 各種連携による支援の状態に応じて —";

std::vector<YamlFile> EmbeddedYamlFiles() {
  std::vector<YamlFile> files;
  for (size_t i = 0; i < kEmbeddedYamlCount; ++i)
    files.push_back({std::string(kEmbeddedYamlDir[i]) + "/" + kEmbeddedYaml[i].name,
                     std::string_view(kEmbeddedYaml[i].text, kEmbeddedYaml[i].size)});
  return files;
}

Status DataVersion(const std::string& data_dir, const std::string& rules_dir, std::string* version) {
  if (data_dir.empty() && rules_dir.empty()) {  // hashed by embed_model: no cost per run
    *version = kEmbeddedDataVersion;
    return Status::Ok();
  }
  std::vector<YamlFile> embedded = EmbeddedYamlFiles();
  std::vector<std::string> texts(embedded.size());  // owns the texts read from files
  std::vector<std::pair<std::string, std::string_view>> files;
  for (size_t i = 0; i < embedded.size(); ++i) {
    const YamlFile& f = embedded[i];
    bool data = f.path.compare(0, 5, "data/") == 0;
    const std::string& dir = data ? data_dir : rules_dir;
    std::string_view text = f.text;
    if (!dir.empty()) {
      std::string name = dir + f.path.substr(f.path.find('/'));
      struct stat st;
      if (stat(name.c_str(), &st) == 0 || errno != ENOENT) {
        Status s = ReadFile(name, &texts[i]);
        if (!s.ok()) return s;
        text = texts[i];
      }
    }
    files.emplace_back(f.path, text);
  }
  *version = HashYamlFiles(files);
  return Status::Ok();
}
