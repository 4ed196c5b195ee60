// CheckCache: the result of `tsunagu check` (its standard output and exit
// status), kept in the compiled-model cache directory (model_cache.h) so
// that checking files again that have not changed does not parse them
// again: at 100x today's rules a check takes seconds, a replay the time to
// read and hash the files. TSUNAGU_CACHE=off turns it off too.
//
// A replay can only ever be the output a check would print:
// - the key is a 128-bit XXH3 hash of this binary (its GNU build-id, or
//   the hash of its own file when it has none: a rebuilt binary never
//   replays an old result), the version, a format number, the MeCab
//   system dictionary's files (size, time and inode: an upgrade is seen),
//   everything else the output depends on (language, format, colour,
//   year, --stale and its day) and every file's name, read status and
//   bytes, the built-in ones included;
// - a result file is read only under the model cache's rules (owned by the
//   user, writable by no one else, in such a directory, a regular file
//   not followed through a link, at most 64 MiB) and used only when its
//   trailing XXH3 checksum matches and it names this key. A result file
//   that fails is ignored without a word, checked again and replaced (the
//   one warning a process gives is kept for the compiled model, which
//   check reports on); a directory that fails gives that same warning.
// Standard error is not stored: check writes there only the live
// warnings about the cache, which a replay gives again.
//
// Threading: Read/WriteCheckResult are for one thread (model_cache.h);
// the rest is pure.
#ifndef TSUNAGU_CHECK_CACHE_H_
#define TSUNAGU_CHECK_CACHE_H_

#include <string>
#include <string_view>
#include <vector>

#include "check.h"
#include "status.h"

/// What a check printed on standard output, and its exit status.
struct CheckResult {
  std::string out;
  int exit_code = 0;
};

/// The key of a check of files with settings (one "name=value" for each
/// option the output depends on): 32 hex digits, or "" when this binary
/// cannot be identified (then nothing is read or written).
std::string CheckResultKey(const std::vector<SourceFile>& files, const std::vector<std::string>& settings);

/// True and *result filled when a result for key is stored, trusted and intact.
bool ReadCheckResult(const std::string& key, CheckResult* result);

/// Stores the result under key, unless the cache directory is not trusted.
void WriteCheckResult(const std::string& key, const CheckResult& result);

/// The name of key's file in the cache directory.
std::string CheckResultFileName(const std::string& key);

// The file format, for tests.

/// A result file's bytes: a magic, the key, the exit status, the output,
/// then the checksum of all that (CacheChecksum, model_cache.h).
std::string EncodeCheckResult(const std::string& key, const CheckResult& result);

/// Ok and *result filled when bytes are an intact result for key, else an
/// Internal status saying what is wrong.
Status DecodeCheckResult(std::string_view bytes, const std::string& key, CheckResult* result);

/// The MeCab system dictionary's files (size, time, inode) as text: a
/// package upgrade changes it, and with it how phrases read.
std::string DictionaryStamp();

/// This binary, as hashed into the key: "build-id:HEX", else "exe:HEX"
/// (the hash of /proc/self/exe), else "" (unknown).
std::string ProgramIdentity();

#endif  // TSUNAGU_CHECK_CACHE_H_
