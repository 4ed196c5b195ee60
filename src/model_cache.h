// ModelCache: the compiled form of a model loaded from --data/--rules
// files, kept in $TSUNAGU_CACHE_DIR, else $XDG_CACHE_HOME/tsunagu, else
// ~/.cache/tsunagu. The key hashes the program version and every file's
// name and bytes, so an edit is always seen; a repeated run skips YAML
// parsing (yaml-cpp: ~8 MB/s). It holds agencies and rules, never a case.
// Set TSUNAGU_CACHE=off to bypass it. Failures to read or write the cache
// are silent: it is only ever a shortcut.
#ifndef TSUNAGU_MODEL_CACHE_H_
#define TSUNAGU_MODEL_CACHE_H_

#include <string>
#include <vector>

#include "lexicon.h"
#include "model.h"

/// The cache key for files given as (name, text) pairs.
std::string ModelCacheKey(const std::vector<std::pair<std::string, std::string>>& files);

/// True and the model filled when the key is cached and intact.
bool ReadCachedModel(const std::string& key, Model* model, Lexicon* lexicon);

/// Stores the model under key (atomically: temporary file, then rename).
void WriteCachedModel(const std::string& key, const Model& model, const Lexicon& lexicon);

#endif  // TSUNAGU_MODEL_CACHE_H_
