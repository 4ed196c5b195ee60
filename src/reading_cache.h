// ReadingCache: the phrase readings of the last run that read a rule book
// (reading.h KnownReadings), kept in the cache directory (model_cache.h,
// under its rules) so that, after an edit, `check` and the first query
// read with MeCab only the phrases that are new. At 100x the rules MeCab
// was a third of a check's instructions.
//
// The file's name hashes this build (ProgramIdentity: the reading code
// and the user dictionary compiled in) and the MeCab system dictionary
// (DictionaryStamp), so a reading is only ever reused by the program and
// dictionary that made it; it ends with a checksum (CacheChecksum).
//
// Threading: for one thread (start-up, or after a command's work).
#ifndef TSUNAGU_READING_CACHE_H_
#define TSUNAGU_READING_CACHE_H_

#include <memory>
#include <string>
#include <string_view>

#include "reading.h"

/// The readings kept for this build and dictionary, for the lexicon or
/// check to use and complete: nullptr when the cache is off (model_cache.h
/// ModelCacheOn: then no run gathers them), empty when there are none or
/// the file fails a check (silently: it is only a faster way to the same
/// readings).
std::unique_ptr<KnownReadings> LoadKnownReadings();

/// Keeps the readings this run used (read or looked up), when one was
/// added or completed or one kept was not used; else, and for nullptr,
/// writes nothing.
void SaveKnownReadings(const KnownReadings* known);

/// The file's bytes for key: a magic, the key, the readings used (sorted
/// by phrase), a checksum. Decode is false, and *out untouched, unless
/// the bytes are intact and made for key.
std::string EncodeKnownReadings(const std::string& key, const KnownReadings& known);
bool DecodeKnownReadings(std::string_view bytes, const std::string& key, KnownReadings* out);

/// The file name for this build and dictionary.
std::string KnownReadingsFileName();

#endif  // TSUNAGU_READING_CACHE_H_
