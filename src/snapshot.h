// A compact binary form of a loaded Model. The build compiles the shipped
// data/ and rules/ into this form and embeds it in the binary, so a query
// needs no YAML parsing at start-up (yaml-cpp parses ~8 MB/s: milliseconds).
#ifndef TSUNAGU_SNAPSHOT_H_
#define TSUNAGU_SNAPSHOT_H_

#include <string>
#include <string_view>

#include "model.h"
#include "status.h"

/// Serialises model into bytes.
std::string WriteSnapshot(const Model& model);

/// Rebuilds a model from WriteSnapshot's bytes; fails on damaged input.
Status ReadSnapshot(std::string_view bytes, Model* model);

#endif  // TSUNAGU_SNAPSHOT_H_
