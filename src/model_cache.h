// ModelCache: the compiled form of a model loaded from --data/--rules
// files, kept in $TSUNAGU_CACHE_DIR, else $XDG_CACHE_HOME/tsunagu, else
// ~/.cache/tsunagu, so that a repeated run skips YAML parsing (yaml-cpp:
// ~8 MB/s) and reading every phrase with MeCab. It holds agencies and
// rules, never a case. Set TSUNAGU_CACHE=off to bypass it.
//
// The cache can only ever be a faster way to the same answer:
// - the key is a 128-bit XXH3 hash (libxxhash) of the program version,
//   this build of it (ProgramIdentity, check_cache.h: a build whose
//   snapshot layout differs never reads another's file, even when the
//   cache format was not bumped), the cache format and every file's
//   name and bytes, so an edit is
//   always seen (a query whose files' stamps are those of the last read
//   takes that read's key without reading them: file_stamps.h);
// - a cache file is used only when its directory and the file itself are
//   owned by the user running tsunagu (the effective uid) and writable by no
//   one else, the file is a regular file (opened with O_NOFOLLOW and
//   O_NONBLOCK, checked with fstat on the opened descriptor: a symbolic
//   link or a FIFO is never followed or read) of at most 64 MiB;
// - its bytes end with a 128-bit XXH3 checksum of all before, verified
//   before anything decoded is used (it finds damage: truncation, a bad
//   disk; forgery is what the ownership rule excludes); the layout is
//   checked too: every section and count is bounded by the bytes left, so
//   nothing is read past the file whatever its bytes.
// Validated once: a cache file is written only from a model and lexicon
// built from the YAML and validated in the writing process (ValidateModel,
// Lexicon::CheckRestored and FitsModel, as WriteCachedModel does). A file
// of the user's own (ownership excludes forgery) whose checksum matches
// (excludes damage) holds those bytes unchanged, so a query does not check
// every index, string and automaton state again (Verify::kChecksumOnly:
// at 100x the rules that was most of a warm query). The full validation
// (Verify::kAll) stays for bytes from anywhere else: the fuzz target,
// tools/craft_cache --verify and the tests run it on hostile bytes that
// carry a valid checksum.
// Used in place: the model's facts and rules are read from the mapped file
// when a case first touches them (snapshot.h ReadTrustedSnapshot,
// records.h), with the rules' index stored beside them; the mapping lives
// as long as the model, or any copy of those lists, does.
// A cache that fails a check is ignored and the model is built from the
// YAML, so the answer is byte for byte the one of TSUNAGU_CACHE=off. The
// first such failure in a process prints one warning on stderr naming the
// path, why, and what to do. A directory that is not trusted is never
// written to; a bad file in a trusted directory is replaced (renamed over,
// never written through). Write failures are silent.
//
// Threading: ReadCachedModel and WriteCachedModel are for start-up, on one
// thread (they keep the warn-once state). The encode and decode functions
// are pure and safe from many threads; DecodeCachedModel runs the
// checksum and the model on a second thread of its own while it restores
// the lexicon, and joins it before it returns. The model it fills owns its
// data; the lexicon views the bytes in place and keeps them mapped (matcher.h).
#ifndef TSUNAGU_MODEL_CACHE_H_
#define TSUNAGU_MODEL_CACHE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon.h"
#include "model.h"
#include "status.h"

/// The cache key for files given as (name, text) pairs: 32 hex digits.
std::string ModelCacheKey(const std::vector<std::pair<std::string, std::string>>& files);

/// The name of the cache file that keeps the stamps (file_stamps.h) of
/// the files with these names: it covers what the key covers but their
/// bytes (the version, the build, the cache format, the built-in YAML's
/// version).
std::string StampsFileName(const std::vector<std::string>& names);

/// True and the model filled when the key is cached, trusted and intact.
bool ReadCachedModel(const std::string& key, Model* model, Lexicon* lexicon);

/// Stores the model under key (atomically: temporary file, then rename),
/// unless the cache directory is not trusted.
void WriteCachedModel(const std::string& key, const Model& model, const Lexicon& lexicon);

/// For `tsunagu check`: gives the one warning a run with these files
/// (as for ModelCacheKey) would give about their cache, if any.
void CheckModelCache(const std::vector<std::pair<std::string, std::string>>& files);

/// Other files kept in the cache directory (check_cache.h), under the same
/// rules: read only when the directory and the file pass the checks above
/// (a directory that does not gives the one warning; a file that does not,
/// or is missing, is silently not read: false); written atomically, never
/// into a directory that is not trusted, failures silent. The caller
/// checks what the bytes hold (a checksum, a key). A write keeps the
/// newest files of its kind (8 .bin, 16 .check, 32 .stamps, by the time
/// they were written; the one written stays) and deletes the rest, and
/// temporary files more than an hour old: each edit of a big rule book
/// would otherwise leave a model of its own behind.
bool ReadCacheFile(const std::string& name, std::string* bytes);
void WriteCacheFile(const std::string& name, std::string_view bytes);

/// The largest cache file read; a bigger one is ignored.
constexpr size_t kMaxCacheFileBytes = 64u << 20;

// The file format, for tests, the fuzz target and tools/craft_cache.

/// A cache file's bytes: a magic, the key, the snapshot (snapshot.h), the
/// compiled lexicon (Lexicon::Save, 8-byte aligned), then the checksum
/// of all that (CacheChecksum).
std::string EncodeCachedModel(const std::string& key, std::string_view snapshot, std::string_view lexicon);

/// The checksum that ends a cache file: kCacheChecksumBytes bytes.
constexpr size_t kCacheChecksumBytes = 16;
std::string CacheChecksum(std::string_view body);

/// For the small cache files (file_stamps.h, reading_cache.h): the bytes
/// between `magic` and the CacheChecksum that ends them, when both are
/// there and the checksum matches; false otherwise.
bool SealedCacheBody(std::string_view bytes, std::string_view magic, std::string_view* body);

/// The key a cache file's bytes say they were made for ("" when the bytes
/// are too damaged to say); the checksum is not verified.
std::string CachedModelKey(std::string_view bytes);

/// What DecodeCachedModel checks. kAll: the magic, key, checksum, layout,
/// every count, index and string (snapshot.h, validate_model.h,
/// Lexicon::CheckRestored and FitsModel): for bytes of any origin. kChecksumOnly:
/// the magic, key, checksum and layout (constant work per section and
/// count, nothing read out of bounds), not the contents: only for a file
/// this program wrote, read under the ownership rule (ReadCachedModel).
enum class Verify { kAll, kChecksumOnly };

/// Checks and decodes a cache file's bytes made for key: Ok with the model
/// and lexicon filled, or an Internal status saying what is wrong (the
/// outputs may then hold anything: do not use them). The lexicon uses the
/// bytes in place when `owner` keeps them alive, else a copy of them.
Status DecodeCachedModel(std::string_view bytes, const std::string& key, Model* model, Lexicon* lexicon,
                         std::shared_ptr<const void> owner = nullptr, Verify verify = Verify::kAll);

/// False when TSUNAGU_CACHE is off or there is no cache directory: then
/// nothing is read from or written to it, so callers need not build it.
bool ModelCacheOn();

/// The cache directory from the environment ("" when none can be found).
std::string ModelCacheDir();

/// The file a key is cached in ("" when there is no cache directory).
std::string ModelCachePath(const std::string& key);

#endif  // TSUNAGU_MODEL_CACHE_H_
