// HashYamlFiles (data_version.h), in the core library: tools/embed_model
// hashes the built-in files at build time with the same function that
// hashes --data/--rules files at run time.
#include <cstdint>
#include <cstdio>

#include <xxhash.h>

#include "data_version.h"

std::string HashYamlFiles(const std::vector<std::pair<std::string, std::string_view>>& files) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  auto add = [state](std::string_view bytes) { XXH3_64bits_update(state, bytes.data(), bytes.size()); };
  for (const auto& [path, text] : files) {
    // Path, size, then bytes: moving text between files changes the hash.
    add(path);
    add(std::string_view("\0", 1));
    add(std::to_string(text.size()));
    add(std::string_view("\0", 1));
    add(text);
  }
  const unsigned long long hash = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", hash);
  return std::string(hex, 12);
}
