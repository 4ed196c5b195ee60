// FileStamps: what stat says of the --data/--rules files, so that a warm
// query can know them unchanged without reading them. Reading and hashing
// every byte for the cache key (model_cache.h) was a fixed cost that grew
// with the rule book: 4 MB read and hashed twice per query at 100x.
//
// A query that read and hashed the files stores their stamps with the key
// and data version that came out (a StampedKey, in the cache directory,
// under its rules: model_cache.h ReadCacheFile). A later query whose
// stamps are the same takes the key from there. A change is seen because
// writing a file sets its ctime to the current time, and nobody can set
// a ctime back; renaming another file over it changes its inode. The one
// gap is git's "racy" file: a file changed again within one tick of its
// timestamps' clock after it was read. So a StampedKey is trusted only
// for files whose mtime and ctime are older than kRacySeconds before the
// files were read; a file edited just now is read and hashed again on
// each query until it is that old.
//
// Threading: pure functions; StampFiles makes system calls only.
#ifndef TSUNAGU_FILE_STAMPS_H_
#define TSUNAGU_FILE_STAMPS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

/// One file's identity and times. A built-in file (no path) is all zero.
struct FileStamp {
  uint64_t device = 0, inode = 0, size = 0;
  int64_t mtime_ns = 0, ctime_ns = 0;
  bool operator==(const FileStamp& o) const {
    return device == o.device && inode == o.inode && size == o.size && mtime_ns == o.mtime_ns && ctime_ns == o.ctime_ns;
  }
};

/// Stamps each path ("" for a built-in file); false when one cannot be
/// stat'ed or is not a regular file (reading it then says why).
bool StampFiles(const std::vector<std::string>& paths, std::vector<FileStamp>* stamps);

/// The current time, in the files' clock (CLOCK_REALTIME), in ns.
int64_t StampClockNow();

/// How old a file must be, before its bytes were read, for its stamp to
/// stand for them: more than any filesystem's timestamp tick (FAT: 2 s)
/// and a little clock skew.
constexpr int64_t kRacySeconds = 5;

/// The files' stamps when they were read (at read_at_ns, taken before the
/// first was opened), with the cache key and data version their bytes gave.
struct StampedKey {
  std::vector<FileStamp> stamps;
  int64_t read_at_ns = 0;
  std::string key;           // ModelCacheKey: 32 hex digits
  std::string data_version;  // DataVersion: as data_version.h gives it
};

/// True when `now` (the stamps of the same paths, now) equals the stored
/// stamps and every file was older than kRacySeconds when it was read.
bool StampsStillHold(const StampedKey& stored, const std::vector<FileStamp>& now);

/// The bytes of a StampedKey, ending with a checksum (CacheChecksum).
std::string EncodeStampedKey(const StampedKey& stamped);

/// False when the bytes are damaged (checksum, layout) or hold a key or
/// version not of the expected shape.
bool DecodeStampedKey(std::string_view bytes, StampedKey* out);

#endif  // TSUNAGU_FILE_STAMPS_H_
