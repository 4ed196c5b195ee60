#include "file_stamps.h"

#include <sys/stat.h>

#include <ctime>

#include "binary_io.h"
#include "model_cache.h"

namespace {
constexpr std::string_view kMagic = "TSUSTMP1";

int64_t Ns(const struct timespec& t) { return static_cast<int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec; }

bool IsHex(std::string_view s, size_t min, size_t max) {
  return s.size() >= min && s.size() <= max && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}
}  // namespace

bool StampFiles(const std::vector<std::string>& paths, std::vector<FileStamp>* stamps) {
  stamps->clear();
  for (const std::string& path : paths) {
    FileStamp s;
    if (!path.empty()) {
      struct stat st;
      // Followed, as ReadFile follows a symbolic link: the stamp is the
      // file's whose bytes are read.
      if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
      s.device = static_cast<uint64_t>(st.st_dev);
      s.inode = static_cast<uint64_t>(st.st_ino);
      s.size = static_cast<uint64_t>(st.st_size);
      s.mtime_ns = Ns(st.st_mtim);
      s.ctime_ns = Ns(st.st_ctim);
    }
    stamps->push_back(s);
  }
  return true;
}

int64_t StampClockNow() {
  struct timespec t;
  clock_gettime(CLOCK_REALTIME, &t);
  return Ns(t);
}

bool StampsStillHold(const StampedKey& stored, const std::vector<FileStamp>& now) {
  if (!(stored.stamps == now)) return false;
  const int64_t settled = stored.read_at_ns - kRacySeconds * 1000000000;
  for (const FileStamp& s : stored.stamps)  // a built-in file's zeros pass
    if (s.mtime_ns >= settled || s.ctime_ns >= settled) return false;
  return true;
}

std::string EncodeStampedKey(const StampedKey& stamped) {
  Writer w;
  w.out_ = std::string(kMagic);
  w.Int(static_cast<int64_t>(stamped.stamps.size()));
  for (const FileStamp& s : stamped.stamps) {
    w.Int(static_cast<int64_t>(s.device));
    w.Int(static_cast<int64_t>(s.inode));
    w.Int(static_cast<int64_t>(s.size));
    w.Int(s.mtime_ns);
    w.Int(s.ctime_ns);
  }
  w.Int(stamped.read_at_ns);
  w.Str(stamped.key);
  w.Str(stamped.data_version);
  w.out_ += CacheChecksum(w.out_);
  return std::move(w.out_);
}

bool DecodeStampedKey(std::string_view bytes, StampedKey* out) {
  std::string_view body;
  if (!SealedCacheBody(bytes, kMagic, &body)) return false;
  Reader r(body);
  StampedKey k;
  k.stamps.resize(r.Count(5 * 8));
  for (FileStamp& s : k.stamps) {
    s.device = static_cast<uint64_t>(r.Int());
    s.inode = static_cast<uint64_t>(r.Int());
    s.size = static_cast<uint64_t>(r.Int());
    s.mtime_ns = r.Int();
    s.ctime_ns = r.Int();
  }
  k.read_at_ns = r.Int();
  k.key = r.Str();
  k.data_version = r.Str();
  if (!r.ok() || !r.AtEnd() || !IsHex(k.key, 32, 32) || !IsHex(k.data_version, 1, 64)) return false;
  *out = std::move(k);
  return true;
}
