// HashYamlFiles (data_version.h), in the core library: tools/embed_model
// hashes the built-in files at build time with the same function that
// hashes --data/--rules files at run time.
#include <cstdint>
#include <cstdio>

#include "data_version.h"
#include "xxh3.h"

std::string HashYamlFiles(const std::vector<std::pair<std::string, std::string_view>>& files) {
  std::vector<std::string> heads;  // owns the small parts viewed below
  heads.reserve(files.size());
  std::vector<std::string_view> parts;
  for (const auto& [path, text] : files) {
    // Path, size, then bytes: moving text between files changes the hash.
    heads.push_back(path + '\0' + std::to_string(text.size()) + '\0');
    parts.push_back(heads.back());
    parts.push_back(text);
  }
  const unsigned long long hash = Xxh3_64(parts);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", hash);
  return std::string(hex, 12);
}
