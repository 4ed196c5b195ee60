// The default data and rules, compiled into the binary at build time by
// tools/embed_model.cpp: a ready Model snapshot and compiled Lexicon (so a
// query starts with no YAML parsing and no automaton building) and the YAML
// texts themselves (to mix with --data or --rules given alone).
#ifndef TSUNAGU_EMBEDDED_H_
#define TSUNAGU_EMBEDDED_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lexicon.h"
#include "model.h"
#include "status.h"

/// The shipped model, from the embedded snapshot (no YAML parsing).
Status LoadEmbeddedModel(Model* model);

/// The shipped lexicon, compiled at build time.
Status LoadEmbeddedLexicon(Lexicon* lexicon);

/// The model and lexicon to use: the embedded ones when both directories
/// are empty, else files from the given directories (the embedded YAML for
/// a directory not given, and for holidays.yaml when the data directory
/// has none) and a lexicon built from them. Sets model->data_version to
/// what DataVersion (data_version.h) gives for the same directories, from
/// the bytes already read.
Status LoadModelFor(const std::string& data_dir, const std::string& rules_dir, Model* model, Lexicon* lexicon);

/// The files LoadModelFor reads, as (name, text) in load order: a file of a
/// directory not given, and holidays.yaml when the data directory has
/// none, is the embedded one, named "(built-in) data/holidays.yaml". Their
/// bytes key the compiled-model cache (model_cache.h).
Status ReadModelFiles(const std::string& data_dir, const std::string& rules_dir,
                      std::vector<std::pair<std::string, std::string>>* files);

/// False when data_dir has no holidays.yaml (older data directories): the
/// built-in calendar is used then.
bool HasHolidaysFile(const std::string& data_dir);

/// The shipped YAML text of one file ("agencies.yaml", "lexicon.yaml"...),
/// or an empty view when there is no such file.
std::string_view EmbeddedFile(std::string_view name);

#endif  // TSUNAGU_EMBEDDED_H_
