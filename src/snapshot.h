// A compact binary form of a loaded Model. The build compiles the shipped
// data/ and rules/ into this form and embeds it in the binary, so a query
// needs no YAML parsing at start-up (yaml-cpp parses ~8 MB/s: milliseconds).
// The same form is kept in the compiled-model cache (model_cache.h). For
// bytes of any origin, ReadSnapshot checks the layout (no read past the
// input, no count larger than the bytes left could hold, no int out of
// range) and then every index and string (validate_model.h), so damaged
// bytes give an error, never a crash or a model the engine cannot use.
// ReadEmbeddedSnapshot and ReadTrustedSnapshot (an intact cache file) skip
// the second part, and read facts and rules lazily (records.h): each is
// decoded when first used, from the bytes, which must outlive the model.
// Pure functions: no I/O, safe from many threads. A model ReadSnapshot reads
// owns its strings and vectors: the bytes may be freed once it returns.
#ifndef TSUNAGU_SNAPSHOT_H_
#define TSUNAGU_SNAPSHOT_H_

#include <memory>
#include <string>
#include <string_view>

#include "model.h"
#include "status.h"

/// Serialises model into bytes.
std::string WriteSnapshot(const Model& model);

/// Rebuilds a model from WriteSnapshot's bytes; an Internal status on
/// damaged input ("embedded model: ..."), with *model left alone.
Status ReadSnapshot(std::string_view bytes, Model* model);

/// The same for the snapshot embedded in the binary (static bytes), made at
/// build time from checked files (and its validity tested): the layout is
/// checked; in debug builds every record is decoded and its indices and
/// strings checked, in release builds facts and rules are read lazily.
Status ReadEmbeddedSnapshot(std::string_view bytes, Model* model);

/// The same for bytes known to be WriteSnapshot's of a validated model,
/// unchanged since (a cache file whose checksum matched, model_cache.h):
/// only the layout is checked (nothing is read past the input, whatever
/// the bytes), the indices and strings never. Facts and rules are read
/// lazily when `owner` is given: it keeps the bytes alive for as long as
/// the model (or any copy of its lists) lives; without one, now.
Status ReadTrustedSnapshot(std::string_view bytes, std::shared_ptr<const void> owner, Model* model);

#endif  // TSUNAGU_SNAPSHOT_H_
