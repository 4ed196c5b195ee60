#include "model_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "binary_io.h"
#include "snapshot.h"

namespace {

// Bump when the snapshot or lexicon encoding changes.
constexpr int kCacheFormat = 5;  // 4: lemma phrases, the caller subject; 5: holidays

// A file mapped read-only with all its pages at once (MAP_POPULATE): a
// query run is so short that a page fault per 4 KiB of the cache file, and
// a copy of it, are a visible share of it.
class MappedFile {
 public:
  explicit MappedFile(const std::string& path) {
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st;
    if (fstat(fd, &st) == 0 && st.st_size > 0) {
      void* p = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      if (p != MAP_FAILED) {
        data_ = static_cast<const char*>(p);
        size_ = static_cast<size_t>(st.st_size);
      }
    }
    close(fd);
  }
  ~MappedFile() {
    if (data_) munmap(const_cast<char*>(data_), size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view bytes() const { return std::string_view(data_ ? data_ : "", size_); }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
};

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
  MappedFile file(dir + "/" + key + ".bin");
  Reader r(file.bytes());
  std::string_view snapshot = r.View();
  std::string_view compiled = r.View();
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
