// The default data and rules, compiled into the binary at build time by
// tools/embed_model.cpp: a ready Model snapshot (fast start) and the YAML
// texts themselves (to mix with --data or --rules given alone).
#ifndef TSUNAGU_EMBEDDED_H_
#define TSUNAGU_EMBEDDED_H_

#include <string>
#include <string_view>

#include "model.h"
#include "status.h"

/// The shipped model, from the embedded snapshot (no YAML parsing).
Status LoadEmbeddedModel(Model* model);

/// The model to use: the embedded one when both directories are empty,
/// else files from the given directories, the embedded YAML for the other.
Status LoadModelFor(const std::string& data_dir, const std::string& rules_dir, Model* model);

/// The shipped YAML text of one file ("agencies.yaml", "lexicon.yaml"...),
/// or an empty view when there is no such file.
std::string_view EmbeddedFile(std::string_view name);

#endif  // TSUNAGU_EMBEDDED_H_
