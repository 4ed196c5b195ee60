// YamlDoc: one parsed YAML file plus typed, position-aware accessors.
// yaml-cpp accepts duplicate keys and invalid UTF-8 silently; Parse rejects
// both. Every error names file:line:column and, for unknown keys, the
// closest allowed key. Loaders take text + a name, so tests need no files.
#ifndef TSUNAGU_YAML_DOC_H_
#define TSUNAGU_YAML_DOC_H_

#include <yaml-cpp/exceptions.h>

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model.h"
#include "status.h"
#include "yaml_tree.h"

#define TSUNAGU_TRY(expr)                      \
  do {                                         \
    Status try_status_ = (expr);               \
    if (!try_status_.ok()) return try_status_; \
  } while (0)

class YamlDoc {
 public:
  explicit YamlDoc(std::string name) : name_(std::move(name)) {}

  /// Parses text; the root is then available from root(). A big text
  /// whose last part is a long list is parsed in pieces on several
  /// threads at once, to the same tree (and the same errors) as one parse.
  Status Parse(const std::string& text);
  const YamlNode& root() const { return root_; }
  const std::string& name() const { return name_; }
  /// How far the last Parse got, for `check`, which sets broken items
  /// aside: kChecks when the bytes failed a check before yaml-cpp read them
  /// (yaml-cpp may still read them), kSyntax when yaml-cpp rejected the
  /// text (it always will), kTree when root() holds the tree (even if a
  /// later check, a duplicate key, failed).
  enum class Reached { kChecks, kSyntax, kTree };
  Reached reached() const { return reached_; }

  /// An error pointing at node.
  Status Error(const YamlNode& at, const std::string& message) const;
  SourcePos PosOf(const YamlNode& node) const;

  /// Requires a mapping whose keys are all in allowed.
  Status CheckMap(const YamlNode& node, std::initializer_list<const char*> allowed, const char* what) const;
  Status CheckSequence(const YamlNode& node, const char* what) const;

  // Field readers: `required` fields that are missing are errors; optional
  // ones leave *out unchanged. Wrong types are always errors.
  Status String(const YamlNode& map, const char* key, std::string* out, bool required) const;
  Status Int(const YamlNode& map, const char* key, int* out, bool required) const;
  Status Bool(const YamlNode& map, const char* key, bool* out, bool required) const;
  Status StringList(const YamlNode& map, const char* key, std::vector<std::string>* out, bool required) const;
  /// {ja: ..., en: ...}; both required when required is true.
  Status Text(const YamlNode& map, const char* key, LocalText* out, bool required) const;

  /// Reads a scalar node as a string (errors when it is not a scalar).
  Status Scalar(const YamlNode& node, const char* what, std::string* out) const;

 private:
  Status CheckDuplicateKeys(const YamlNode& node, int depth) const;
  bool ParsePieces(const std::string& text, const std::vector<size_t>& cuts, size_t key_line, Status* status,
                   std::optional<YAML::ParserException>* syntax);
  std::string name_;
  std::shared_ptr<YamlTree> tree_;  // shared by copies, as root_ is
  YamlNode root_;
  Reached reached_ = Reached::kChecks;
};

/// The text form every loader offers besides its YamlDoc one (so tests
/// feed strings): parses text, called name in errors, and hands the
/// document to load.
template <typename Out>
Status LoadFromText(const std::string& text, const std::string& name, Status (*load)(const YamlDoc&, Out*), Out* out) {
  YamlDoc doc(name);
  TSUNAGU_TRY(doc.Parse(text));
  return load(doc, out);
}

#endif  // TSUNAGU_YAML_DOC_H_
