// HashYamlFiles (data_version.h), in the core library: tools/embed_model
// hashes the built-in files at build time with the same function that
// hashes --data/--rules files at run time.
#include <cstdint>
#include <cstdio>

#include "data_version.h"

std::string HashYamlFiles(const std::vector<std::pair<std::string, std::string_view>>& files) {
  uint64_t hash = 14695981039346656037ull;  // FNV-1a, as the model cache key
  auto add = [&hash](std::string_view bytes) {
    for (unsigned char c : bytes) {
      hash ^= c;
      hash *= 1099511628211ull;
    }
  };
  for (const auto& [path, text] : files) {
    // Path, size, then bytes: moving text between files changes the hash.
    add(path);
    add(std::string_view("\0", 1));
    add(std::to_string(text.size()));
    add(std::string_view("\0", 1));
    add(text);
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return std::string(hex, 12);
}
