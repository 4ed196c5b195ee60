#include "model_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "binary_io.h"
#include "load_model.h"
#include "snapshot.h"

namespace {

// Bump when the snapshot or lexicon encoding changes.
constexpr int kCacheFormat = 2;

bool CacheEnabled() {
  const char* setting = std::getenv("TSUNAGU_CACHE");
  return !(setting && std::string(setting) == "off");
}

std::string CacheDir() {
  if (const char* dir = std::getenv("TSUNAGU_CACHE_DIR")) return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::string(xdg) + "/tsunagu";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.cache/tsunagu";
  return "";
}

uint64_t Fnv1a(uint64_t hash, const std::string& bytes) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

void MakeDirs(const std::string& path) {
  for (size_t slash = path.find('/', 1); ; slash = path.find('/', slash + 1)) {
    mkdir(path.substr(0, slash).c_str(), 0700);
    if (slash == std::string::npos) break;
  }
}

}  // namespace

std::string ModelCacheKey(const std::vector<std::pair<std::string, std::string>>& files) {
  uint64_t hash = 14695981039346656037ull;
  hash = Fnv1a(hash, std::string(TSUNAGU_VERSION) + "/" + std::to_string(kCacheFormat));
  for (const auto& [name, text] : files) {
    hash = Fnv1a(hash, name + '\0' + std::to_string(text.size()) + '\0');
    hash = Fnv1a(hash, text);
  }
  char key[17];
  std::snprintf(key, sizeof key, "%016llx", static_cast<unsigned long long>(hash));
  return key;
}

bool ReadCachedModel(const std::string& key, Model* model, Lexicon* lexicon) {
  std::string dir = CacheDir();
  if (!CacheEnabled() || dir.empty()) return false;
  std::string bytes;
  if (!ReadFile(dir + "/" + key + ".bin", &bytes).ok()) return false;
  Reader r(bytes);
  std::string snapshot = r.Str();
  std::string compiled = r.Str();
  if (!r.ok() || !r.AtEnd()) return false;
  return ReadSnapshot(snapshot, model).ok() && lexicon->Restore(compiled);
}

void WriteCachedModel(const std::string& key, const Model& model, const Lexicon& lexicon) {
  std::string dir = CacheDir();
  if (!CacheEnabled() || dir.empty()) return;
  MakeDirs(dir);
  Writer w;
  w.Str(WriteSnapshot(model));
  w.Str(lexicon.Save());
  std::string path = dir + "/" + key + ".bin";
  std::string temp = path + ".tmp." + std::to_string(getpid());
  int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) return;
  bool ok = write(fd, w.out_.data(), w.out_.size()) == static_cast<ssize_t>(w.out_.size());
  ok = close(fd) == 0 && ok;
  if (!ok || rename(temp.c_str(), path.c_str()) != 0) unlink(temp.c_str());
}
