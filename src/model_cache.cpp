#include "model_cache.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <system_error>
#include <thread>
#include <utility>

#include "binary_io.h"
#include "check_cache.h"
#include "embedded_data.h"
#include "messages.h"
#include "snapshot.h"
#include "validate_model.h"
#include "xxh3.h"

namespace {

// Bump when the snapshot or lexicon encoding or this file's layout changes
// (it is hashed into the key, so an old file is never looked at).
constexpr int kCacheFormat = 12;
constexpr char kMagic[] = "TSUCACH6";
constexpr size_t kMagicBytes = sizeof kMagic - 1;

}  // namespace

std::string CacheChecksum(std::string_view body) {
  const Xxh3Hash128 h = Xxh3_128({body});
  XXH128_canonical_t c;
  XXH128_canonicalFromHash(&c, XXH128_hash_t{h.low64, h.high64});
  return std::string(reinterpret_cast<const char*>(c.digest), sizeof c.digest);
}

namespace {

bool CacheEnabled() {
  const char* setting = std::getenv("TSUNAGU_CACHE");
  return !(setting && std::string(setting) == "off");
}

void MakeDirs(const std::string& path) {
  for (size_t slash = path.find('/', 1);; slash = path.find('/', slash + 1)) {
    mkdir(path.substr(0, slash).c_str(), 0700);
    if (slash == std::string::npos) break;
  }
}

// One warning per process: a run that cannot use its cache says so once,
// not once per file or per model (diff loads two).
void WarnOnce(const std::string& message) {
  static bool warned = false;
  if (warned) return;
  warned = true;
  std::fprintf(stderr, "tsunagu: %s\n", message.c_str());
}

std::string Octal(mode_t mode) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(mode & 07777));
  return buf;
}

// Why a file or directory, as fstat saw it through its descriptor, is not
// ours alone; "" when it is.
std::string Untrusted(const struct stat& st) {
  if (st.st_uid != geteuid()) return TrF("owned by uid {}, not by you (uid {})", st.st_uid, geteuid());
  if (st.st_mode & (S_IWGRP | S_IWOTH)) return TrF("writable by others (mode {})", Octal(st.st_mode));
  return "";
}

// The cache directory, opened and checked through its descriptor (so what
// is checked is what is used): its fd, or -1 when missing (silently) or
// not trusted (with the warning).
int OpenCacheDir(const std::string& dir) {
  int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    if (errno != ENOENT)
      WarnOnce(TrF("ignoring the cache directory {}: {}; fix it or set TSUNAGU_CACHE_DIR (TSUNAGU_CACHE=off: no cache)",
                   dir, std::strerror(errno)));
    return -1;
  }
  struct stat st;
  std::string why = fstat(fd, &st) != 0 ? std::strerror(errno) : Untrusted(st);
  if (!why.empty()) {
    close(fd);
    WarnOnce(
        TrF("ignoring the cache directory {}: {}; remove it, or set TSUNAGU_CACHE_DIR to a directory of yours "
            "that only you can write to",
            dir, why));
    return -1;
  }
  return fd;
}

// A cache file mapped read-only with all its pages at once (MAP_POPULATE):
// a query run is so short that a page fault per 4 KiB of the file, and a
// copy of it, are a visible share of it. Opened without following a
// symbolic link or blocking on a FIFO, then checked through the descriptor.
class MappedFile {
 public:
  MappedFile(int dir_fd, const std::string& name, std::string* why) {
    int fd = openat(dir_fd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
      if (errno == ELOOP) *why = Tr("a symbolic link");
      else if (errno != ENOENT) *why = std::strerror(errno);
      return;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) *why = std::strerror(errno);
    else if (!S_ISREG(st.st_mode)) *why = Tr("not a regular file");
    else if ((*why = Untrusted(st)).empty() && static_cast<uint64_t>(st.st_size) > kMaxCacheFileBytes)
      *why = TrF("larger than {} MiB", kMaxCacheFileBytes >> 20);
    if (why->empty() && st.st_size > 0) {
      void* p = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      if (p != MAP_FAILED) {
        data_ = static_cast<const char*>(p);
        size_ = static_cast<size_t>(st.st_size);
      } else {
        *why = std::strerror(errno);
      }
    }
    close(fd);
    found_ = true;
  }
  ~MappedFile() {
    if (data_) munmap(const_cast<char*>(data_), size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  bool found() const { return found_; }
  std::string_view bytes() const { return std::string_view(data_ ? data_ : "", size_); }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
  bool found_ = false;
};

bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

bool ModelCacheOn() { return CacheEnabled() && !ModelCacheDir().empty(); }

std::string ModelCacheDir() {
  if (const char* dir = std::getenv("TSUNAGU_CACHE_DIR")) return dir;  // "": no cache
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::string(xdg) + "/tsunagu";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.cache/tsunagu";
  return "";
}

std::string ModelCachePath(const std::string& key) {
  std::string dir = ModelCacheDir();
  return dir.empty() ? "" : dir + "/" + key + ".bin";
}

bool SealedCacheBody(std::string_view bytes, std::string_view magic, std::string_view* body) {
  if (bytes.size() < magic.size() + kCacheChecksumBytes || bytes.substr(0, magic.size()) != magic) return false;
  const std::string_view sealed = bytes.substr(0, bytes.size() - kCacheChecksumBytes);
  if (CacheChecksum(sealed) != bytes.substr(sealed.size())) return false;
  *body = sealed.substr(magic.size());
  return true;
}

std::string ModelCacheKey(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<std::string> heads;  // owns the small parts viewed below
  heads.reserve(files.size() + 1);
  std::vector<std::string_view> parts;
  heads.push_back(std::string(TSUNAGU_VERSION) + "/" + std::to_string(kCacheFormat) + '\0' + ProgramIdentity() + '\0');
  parts.push_back(heads.back());
  for (const auto& [name, text] : files) {
    heads.push_back(name + '\0' + std::to_string(text.size()) + '\0');
    parts.push_back(heads.back());
    parts.push_back(text);
  }
  return Xxh3Hex(Xxh3_128(parts));
}

std::string StampsFileName(const std::vector<std::string>& names) {
  std::string head = std::string(TSUNAGU_VERSION) + "/" + std::to_string(kCacheFormat) + '\0' + ProgramIdentity() +
                     '\0' + kEmbeddedDataVersion;
  std::vector<std::string_view> parts{head};
  for (const std::string& name : names) parts.push_back(std::string_view(name.c_str(), name.size() + 1));
  return Xxh3Hex(Xxh3_128(parts)) + ".stamps";
}

std::string EncodeCachedModel(const std::string& key, std::string_view snapshot, std::string_view lexicon) {
  Writer w;
  // A few megabytes at 100x: one buffer, each byte written once (each new
  // page of a growing one is a fault to the kernel).
  w.out_.reserve(kMagicBytes + 3 * 8 + key.size() + snapshot.size() + 8 + lexicon.size() + kCacheChecksumBytes);
  w.out_ = kMagic;
  w.Str(key);
  w.Str(snapshot);
  w.Align();  // the lexicon is used in place: its arrays start aligned
  w.Str(lexicon);
  w.out_ += CacheChecksum(w.out_);
  return std::move(w.out_);
}

std::string CachedModelKey(std::string_view bytes) {
  if (bytes.substr(0, kMagicBytes) != kMagic) return "";
  Reader r(bytes.substr(kMagicBytes));
  std::string key = r.Str();
  return r.ok() ? key : "";
}

Status DecodeCachedModel(std::string_view bytes, const std::string& key, Model* model, Lexicon* lexicon,
                         std::shared_ptr<const void> owner, Verify verify) {
  const bool all = verify == Verify::kAll;
  if (bytes.size() < kMagicBytes + kCacheChecksumBytes) return Status::Internal("too short");
  std::string_view body = bytes.substr(0, bytes.size() - kCacheChecksumBytes);
  auto intact = [&] { return CacheChecksum(body) == bytes.substr(body.size()); };
  Reader r(body.substr(kMagicBytes));
  std::string_view stored_key = r.View();
  std::string_view snapshot = r.View();
  r.Align();
  std::string_view compiled = r.View();
  Status layout = Status::Ok();
  if (body.substr(0, kMagicBytes) != kMagic) {
    layout = Status::Internal("not a cache file of this version");
  } else if (!r.ok() || !r.AtEnd()) {
    layout = Status::Internal("damaged layout");
  } else if (stored_key != key) {
    // Shown only when it looks like a key: the bytes reach the terminal.
    const bool shown = !stored_key.empty() && stored_key.size() <= 64 &&
                       stored_key.find_first_not_of("0123456789abcdef") == std::string_view::npos;
    layout =
        Status::Internal("made for other files" + (shown ? " (key " + std::string(stored_key) + ")" : std::string()));
  }
  if (!layout.ok()) return intact() ? layout : Status::Internal("checksum mismatch");
  // The checksum is computed on a second thread, which then reads the
  // model, while this one restores (and checks) the lexicon: decoding
  // never reads past the bytes and every check holds for any bytes, so
  // decoding before the checksum is known is safe, and nothing decoded is
  // used unless all pass.
  bool checksum_ok = false;
  Status model_read;
  // The model's facts and rules are read lazily from the mapped bytes, which
  // the owner keeps (the lexicon takes its own reference below).
  const std::shared_ptr<const void> model_owner = owner;
  auto checksum_then_model = [&] {
    checksum_ok = intact();
    model_read = all ? ReadSnapshot(snapshot, model) : ReadTrustedSnapshot(snapshot, model_owner, model);
    // Its messages name the embedded model, the snapshot's usual source.
    const std::string prefix = "embedded model: ";
    const std::string& m = model_read.message();
    if (!model_read.ok())
      model_read = Status::Internal("model: " + (m.rfind(prefix, 0) == 0 ? m.substr(prefix.size()) : m));
  };
  std::thread helper;
  try {
    helper = std::thread(checksum_then_model);
  } catch (const std::system_error&) {
    checksum_then_model();  // no thread to be had: one after the other
  }
  const bool restored = owner ? lexicon->Restore(compiled, std::move(owner), !all) : lexicon->Restore(compiled, !all);
  Status lexicon_read = !restored ? Status::Internal("compiled lexicon: damaged")
                        : all     ? lexicon->CheckRestored()
                                  : Status::Ok();
  if (helper.joinable()) helper.join();
  if (!checksum_ok) return Status::Internal("checksum mismatch");
  if (!model_read.ok()) return model_read;
  if (!lexicon_read.ok()) return lexicon_read;
  return all ? lexicon->FitsModel(*model) : Status::Ok();
}

namespace {

// ReadCachedModel; `replacing`: a warning about a bad file says it is
// replaced now (a query), else by the next query (check).
bool ReadCached(const std::string& key, Model* model, Lexicon* lexicon, bool replacing) {
  std::string dir = ModelCacheDir();
  if (!CacheEnabled() || dir.empty()) return false;
  int dir_fd = OpenCacheDir(dir);
  if (dir_fd < 0) return false;
  const std::string name = key + ".bin";
  std::string why;
  auto file = std::make_shared<const MappedFile>(dir_fd, name, &why);
  close(dir_fd);
  if (why.empty() && !file->found()) return false;  // not cached yet
  if (why.empty()) {
    // Into new objects: the caller's are left alone unless all is well.
    Model read_model;
    Lexicon read_lexicon;
    // Validated by the process that wrote it; ours alone, and intact if
    // the checksum matches (model_cache.h).
    Status s = DecodeCachedModel(file->bytes(), key, &read_model, &read_lexicon, file, Verify::kChecksumOnly);
    if (s.ok()) {
      *model = std::move(read_model);
      *lexicon = std::move(read_lexicon);
      return true;
    }
    why = TrF("damaged ({})", s.message());  // the detail stays English: it is for a bug report
  }
  const std::string path = dir + "/" + name;
  WarnOnce(replacing ? TrF("ignoring the cache file {}: {}; replacing it", path, why)
                     : TrF("ignoring the cache file {}: {}; the next query replaces it", path, why));
  return false;
}

}  // namespace

bool ReadCachedModel(const std::string& key, Model* model, Lexicon* lexicon) {
  return ReadCached(key, model, lexicon, /*replacing=*/true);
}

void WriteCachedModel(const std::string& key, const Model& model, const Lexicon& lexicon) {
  std::string dir = ModelCacheDir();
  if (!CacheEnabled() || dir.empty()) return;
  // Never write what a reader would refuse: it would be rebuilt, with a
  // warning, on every run.
  if (!ValidateModel(model).ok() || !lexicon.CheckRestored().ok() || !lexicon.FitsModel(model).ok()) return;
  WriteCacheFile(key + ".bin", EncodeCachedModel(key, WriteSnapshot(model), lexicon.Save()));
}

namespace {

// How many files of each kind the cache directory keeps: the newest
// written. A compiled model at 100x the rules is 16 MB, and each edit of
// the YAML makes a new one; several data directories (diff's old and new,
// a keeper's copies) each keep theirs.
constexpr std::pair<std::string_view, size_t> kKept[] = {
    {".bin", 8}, {".check", 16}, {".stamps", 32}, {".readings", 4}};
// A temporary file this old was left by a writer that died.
constexpr int64_t kStaleTemporarySeconds = 3600;

bool EndsWith(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// After `written` was written: deletes the older files of its kind beyond
// the number kept, and temporary files left behind. Only regular files of
// this directory (already checked to be the user's alone) are looked at.
void PruneCacheDir(int dir_fd, std::string_view written) {
  size_t keep = 0;
  std::string_view kind;
  for (const auto& [suffix, kept] : kKept)
    if (EndsWith(written, suffix)) kind = suffix, keep = kept;
  if (kind.empty()) return;
  const int fd = dup(dir_fd);
  DIR* dir = fd >= 0 ? fdopendir(fd) : nullptr;
  if (dir == nullptr) {
    if (fd >= 0) close(fd);
    return;
  }
  struct Entry {
    int64_t mtime_ns;
    std::string name;
  };
  std::vector<Entry> files;
  const int64_t now = static_cast<int64_t>(time(nullptr));
  while (const dirent* e = readdir(dir)) {
    const std::string_view name = e->d_name;
    const bool temporary = name.find(".tmp.") != std::string_view::npos;
    if (!temporary && !EndsWith(name, kind)) continue;
    struct stat st;
    if (fstatat(dir_fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) continue;
    if (temporary) {
      if (now - static_cast<int64_t>(st.st_mtim.tv_sec) > kStaleTemporarySeconds) unlinkat(dir_fd, e->d_name, 0);
      continue;
    }
    files.push_back({static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec, std::string(name)});
  }
  closedir(dir);
  if (files.size() <= keep) return;
  // Newest first; the one just written always stays.
  std::sort(files.begin(), files.end(), [&](const Entry& a, const Entry& b) {
    if ((a.name == written) != (b.name == written)) return a.name == written;
    return a.mtime_ns != b.mtime_ns ? a.mtime_ns > b.mtime_ns : a.name < b.name;
  });
  for (size_t i = keep; i < files.size(); ++i) unlinkat(dir_fd, files[i].name.c_str(), 0);
}

}  // namespace

void WriteCacheFile(const std::string& name, std::string_view bytes) {
  std::string dir = ModelCacheDir();
  if (!CacheEnabled() || dir.empty()) return;
  MakeDirs(dir);
  int dir_fd = OpenCacheDir(dir);
  if (dir_fd < 0) return;
  const std::string temp = name + ".tmp." + std::to_string(getpid());
  int fd = openat(dir_fd, temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd >= 0) {
    bool ok = WriteAll(fd, bytes);
    ok = close(fd) == 0 && ok;
    // rename replaces whatever is at the name (a FIFO, a symbolic link, a
    // damaged file) without opening it.
    if (!ok || renameat(dir_fd, temp.c_str(), dir_fd, name.c_str()) != 0) unlinkat(dir_fd, temp.c_str(), 0);
    else PruneCacheDir(dir_fd, name);
  }
  close(dir_fd);
}

void CheckModelCache(const std::vector<std::pair<std::string, std::string>>& files) {
  Model model;
  Lexicon lexicon;
  ReadCached(ModelCacheKey(files), &model, &lexicon, /*replacing=*/false);  // warns, or not
}

bool ReadCacheFile(const std::string& name, std::string* bytes) {
  std::string dir = ModelCacheDir();
  if (!CacheEnabled() || dir.empty()) return false;
  int dir_fd = OpenCacheDir(dir);
  if (dir_fd < 0) return false;
  std::string why;
  MappedFile file(dir_fd, name, &why);
  close(dir_fd);
  if (!why.empty() || !file.found()) return false;
  bytes->assign(file.bytes());
  return true;
}
