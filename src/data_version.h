// The built-in YAML files as a list (for export-data) and the data and
// rules version: a short content hash of the YAML a run uses, printed by
// --version and carried by the JSON result ("data_version"), so an answer
// can be traced to the exact data and rules that produced it.
#ifndef TSUNAGU_DATA_VERSION_H_
#define TSUNAGU_DATA_VERSION_H_

#include <string>
#include <string_view>
#include <vector>

#include "status.h"

/// The guideline the built-in data comes from, as README.md names it.
extern const char kGuidelineTitle[];

struct YamlFile {
  std::string path;       // "data/agencies.yaml", "rules/routing.yaml"
  std::string_view text;  // the bytes it was built from
};

/// Every YAML file compiled into the binary, in build order.
std::vector<YamlFile> EmbeddedYamlFiles();

/// 12 hex digits of a 64-bit XXH3 hash (libxxhash) of each file's path
/// ("data/agencies.yaml") and bytes, in build order. The files come from
/// data_dir and rules_dir when given (the same names; a file a directory
/// lacks counts as the built-in one), else from the binary (hashed at
/// build time by tools/embed_model), so exported files that are unchanged
/// have the built-in version.
Status DataVersion(const std::string& data_dir, const std::string& rules_dir, std::string* version);

/// The same for the texts given, in order (paths as in YamlFile). In the
/// core library (data_hash.cpp), for tools/embed_model.
std::string HashYamlFiles(const std::vector<std::pair<std::string, std::string_view>>& files);

#endif  // TSUNAGU_DATA_VERSION_H_
