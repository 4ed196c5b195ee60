#include "yaml_doc.h"

#include <set>

#include "edit_distance.h"
#include "utf8.h"

namespace {
// yaml-cpp recurses per level; refuse deep nesting before it does harm.
constexpr int kMaxDepth = 64;

const char* TypeName(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null: return "nothing";
    case YAML::NodeType::Scalar: return "a scalar";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a mapping";
    default: return "an undefined node";
  }
}
}  // namespace

Status YamlDoc::Parse(const std::string& text) {
  size_t bad = 0;
  if (!IsValidUtf8(text, &bad)) {
    int line, column;
    LineColumnAt(text, bad, &line, &column);
    return Status::Data(name_, line, column,
                        "invalid UTF-8 or NUL byte at byte offset " + std::to_string(bad) +
                            "; save the file as UTF-8");
  }
  try {
    root_ = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    return Status::Data(name_, e.mark.line + 1, e.mark.column + 1, "YAML syntax: " + e.msg);
  } catch (const YAML::Exception& e) {
    return Status::Data(name_, 0, 0, std::string("YAML: ") + e.what());
  }
  return CheckDuplicateKeys(root_, 0);
}

Status YamlDoc::CheckDuplicateKeys(const YAML::Node& node, int depth) const {
  if (depth > kMaxDepth)
    return Error(node, "nesting deeper than " + std::to_string(kMaxDepth) + " levels");
  if (node.IsMap()) {
    std::set<std::string> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (it->first.IsScalar()) {
        const std::string& key = it->first.Scalar();
        if (!seen.insert(key).second)
          return Error(it->first, "duplicate key '" + key + "'; remove one of them");
      }
      TSUNAGU_TRY(CheckDuplicateKeys(it->second, depth + 1));
    }
  } else if (node.IsSequence()) {
    for (const YAML::Node& child : node) TSUNAGU_TRY(CheckDuplicateKeys(child, depth + 1));
  }
  return Status::Ok();
}

SourcePos YamlDoc::PosOf(const YAML::Node& node) const {
  SourcePos pos;
  pos.file = name_;
  YAML::Mark mark = node.Mark();
  pos.line = mark.line + 1;
  pos.column = mark.column + 1;
  return pos;
}

Status YamlDoc::Error(const YAML::Node& at, const std::string& message) const {
  SourcePos pos = PosOf(at);
  return Status::Data(name_, pos.line, pos.column, message);
}

Status YamlDoc::CheckMap(const YAML::Node& node, std::initializer_list<const char*> allowed,
                         const char* what) const {
  if (!node.IsMap())
    return Error(node, std::string(what) + " must be a mapping (key: value), found " +
                           TypeName(node));
  std::vector<std::string> names(allowed.begin(), allowed.end());
  for (auto it = node.begin(); it != node.end(); ++it) {
    std::string key;
    TSUNAGU_TRY(Scalar(it->first, "a key", &key));
    bool known = false;
    for (const std::string& n : names) known = known || n == key;
    if (known) continue;
    std::string message = "unknown key '" + key + "' in " + what;
    std::string guess = ClosestMatch(key, names);
    if (!guess.empty()) message += "; did you mean '" + guess + "'?";
    else {
      message += "; allowed:";
      for (const std::string& n : names) message += " " + n;
    }
    return Error(it->first, message);
  }
  return Status::Ok();
}

Status YamlDoc::CheckSequence(const YAML::Node& node, const char* what) const {
  if (!node.IsSequence())
    return Error(node, std::string(what) + " must be a list, found " + TypeName(node));
  return Status::Ok();
}

Status YamlDoc::Scalar(const YAML::Node& node, const char* what, std::string* out) const {
  if (!node.IsScalar())
    return Error(node, std::string(what) + " must be a plain value, found " + TypeName(node));
  *out = node.Scalar();
  return Status::Ok();
}

Status YamlDoc::String(const YAML::Node& map, const char* key, std::string* out,
                       bool required) const {
  YAML::Node value = map[key];
  if (!value) {
    if (required) return Error(map, std::string("missing required key '") + key + "'");
    return Status::Ok();
  }
  TSUNAGU_TRY(Scalar(value, key, out));
  if (required && out->empty()) return Error(value, std::string("'") + key + "' is empty");
  return Status::Ok();
}

Status YamlDoc::Int(const YAML::Node& map, const char* key, int* out, bool required) const {
  std::string text;
  YAML::Node value = map[key];
  if (!value) return required ? Error(map, std::string("missing required key '") + key + "'")
                              : Status::Ok();
  TSUNAGU_TRY(Scalar(value, key, &text));
  size_t used = 0;
  long parsed = 0;
  try {
    parsed = std::stol(text, &used);
  } catch (...) {
    used = 0;
  }
  if (used == 0 || used != text.size() || parsed < -1000000 || parsed > 1000000)
    return Error(value, std::string("'") + key + "' must be a whole number, found '" + text + "'");
  *out = static_cast<int>(parsed);
  return Status::Ok();
}

Status YamlDoc::Bool(const YAML::Node& map, const char* key, bool* out, bool required) const {
  std::string text;
  YAML::Node value = map[key];
  if (!value) return required ? Error(map, std::string("missing required key '") + key + "'")
                              : Status::Ok();
  TSUNAGU_TRY(Scalar(value, key, &text));
  if (text == "true") *out = true;
  else if (text == "false") *out = false;
  else return Error(value, std::string("'") + key + "' must be true or false, found '" + text + "'");
  return Status::Ok();
}

Status YamlDoc::StringList(const YAML::Node& map, const char* key, std::vector<std::string>* out,
                           bool required) const {
  YAML::Node value = map[key];
  if (!value) return required ? Error(map, std::string("missing required key '") + key + "'")
                              : Status::Ok();
  if (!value.IsSequence())
    return Error(value, std::string("'") + key + "' must be a list like [a, b], found " +
                            TypeName(value));
  out->clear();
  for (const YAML::Node& item : value) {
    std::string text;
    TSUNAGU_TRY(Scalar(item, key, &text));
    if (text.empty()) return Error(item, std::string("empty entry in '") + key + "'");
    out->push_back(text);
  }
  return Status::Ok();
}

Status YamlDoc::Text(const YAML::Node& map, const char* key, LocalText* out, bool required) const {
  YAML::Node value = map[key];
  if (!value) return required ? Error(map, std::string("missing required key '") + key + "'")
                              : Status::Ok();
  TSUNAGU_TRY(CheckMap(value, {"ja", "en"}, key));
  TSUNAGU_TRY(String(value, "ja", &out->ja, required));
  TSUNAGU_TRY(String(value, "en", &out->en, required));
  return Status::Ok();
}
