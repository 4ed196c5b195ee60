// Tests for src/yaml_doc.h: a document, and a big one parsed in pieces, is
// the same tree, with the same positions and errors, as yaml-cpp's one
// parse into its own tree.
#include "yaml_doc.h"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <string>

#include "load_model.h"

namespace {

// Every node with its kind, position and value, in document order, of
// YamlDoc's tree (YamlNode) or yaml-cpp's (YAML::Node).
template <typename Node>
void Describe(const Node& node, std::string* out) {
  *out += std::to_string(node.Mark().line) + ":" + std::to_string(node.Mark().column) + " ";
  switch (node.Type()) {
    case YAML::NodeType::Scalar: *out += "=" + std::string(node.Scalar()) + "\n"; break;
    case YAML::NodeType::Sequence:
      *out += "[" + std::to_string(node.size()) + "\n";
      for (const Node& child : node) Describe(child, out);
      break;
    case YAML::NodeType::Map:
      *out += "{" + std::to_string(node.size()) + "\n";
      for (auto it = node.begin(); it != node.end(); ++it) {
        Describe(Node(it->first), out);
        Describe(Node(it->second), out);
      }
      break;
    default: *out += "null\n";
  }
}

std::string DescribeYamlDoc(const std::string& text) {
  YamlDoc doc("t.yaml");
  Status s = doc.Parse(text);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  CHECK(doc.reached() == YamlDoc::Reached::kTree);
  std::string out;
  Describe(doc.root(), &out);
  return out;
}

std::string DescribeOneParse(const std::string& text) {
  std::string out;
  Describe(YAML::Load(text), &out);
  return out;
}

// A lexicon-like document of about 150 KB: a map whose last key holds a
// long list (several pieces on a machine of two cores or more).
std::string BigMap(const std::string& eol = "\n") {
  std::string t = "# a comment" + eol + "words:" + eol + "  - 引きこもり" + eol + "subjects:" + eol +
                  "  person:" + eol + "    ja: [本人, 息子]" + eol + eol + "facts:" + eol;
  for (int i = 0; i < 1500; ++i) {
    const std::string n = std::to_string(i);
    t += "  # fact " + n + eol + "  - id: fact-" + n + eol + "    label: {ja: 事実" + n + ", en: \"fact " + n + "\"}" +
         eol + "    ja:" + eol + "      - 語" + n + eol + "      - 'もう一つ " + n + "'" + eol + "    en:" + eol +
         "    - word " + n + eol + "      continued" + eol + eol;
  }
  return t;
}

// A routing-like document: the root is the list.
std::string BigSequence() {
  std::string t = "# rules\n";
  for (int i = 0; i < 1500; ++i) {
    const std::string n = std::to_string(i);
    t += "- id: rule-" + n + "\n  when: {all: [a" + n + ", b]}\n  then:\n    - agency: x" + n +
         "\n      role: lead\n      why: {ja: 理由, en: a reason}\n";
  }
  return t;
}

}  // namespace

TEST_CASE("A big document parsed in pieces is yaml-cpp's tree, node for node and position for position") {
  for (const std::string& text : {BigMap(), BigMap("\r\n"), BigSequence()}) {
    REQUIRE(text.size() > 128 * 1024);
    CHECK(DescribeYamlDoc(text) == DescribeOneParse(text));
  }
}

// Entries of a list, each over three lines, at the given indentation.
std::string Entries(int count, const std::string& indent) {
  std::string t;
  for (int i = 0; i < count; ++i)
    t += indent + "- id: e" + std::to_string(i) + "\n" + indent + "  ja: [語" + std::to_string(i) + ", 'b']\n" +
         indent + "  en: plain text that goes on\n" + indent + "    over a second line\n";
  return t;
}

TEST_CASE("Lists of every shape that is cut parse to yaml-cpp's tree") {
  const std::string list = Entries(3000, "  ");
  for (const std::string& text : {
           "facts:\n" + Entries(3000, ""),                            // the list at the key's column
           "facts:   # the facts\n" + list,                           // a comment after the key
           "\xEF\xBB\xBF---\nwords: [a]\nfacts:\n" + list,            // a byte order mark and '---'
           "first:\n" + list + "facts:\n" + list,                     // two long lists: the last is cut
           "facts:\n" + list + "# a comment at column 0\n\n" + list,  // comments between entries
           "\"facts\": \n" + list,                                    // a quoted key
           "facts:\n" + list + "end: 1\n",                            // a key after the list: not cut
           "- a\n" + Entries(3000, ""),                               // the root a list
       }) {
    REQUIRE(text.size() > 64 * 1024);
    CHECK(DescribeYamlDoc(text) == DescribeOneParse(text));
  }
}

TEST_CASE("The built-in lexicon parses to yaml-cpp's tree") {
  std::string text;
  REQUIRE(ReadFile(std::string(TSUNAGU_SOURCE_DIR) + "/rules/lexicon.yaml", &text).ok());
  CHECK(DescribeYamlDoc(text) == DescribeOneParse(text));
}

TEST_CASE("What is not read line by line after the list's key is parsed whole, to the same tree") {
  const std::string base = BigMap();
  for (const std::string& tail :
       {std::string("  - id: x\n    note: |\n      two\n      lines\n"),
        std::string("  - id: x\n    note: \"two\n      lines\"\n"), std::string("  - id: x\n    ja: [a,\n      b]\n"),
        std::string("  - !!map {id: x}\n"), std::string("  - ? id\n    : x\n")}) {
    const std::string text = base + tail;
    CHECK(DescribeYamlDoc(text) == DescribeOneParse(text));
  }
}

namespace {
// YamlDoc's error for text is yaml-cpp's one parse's: line, column and
// message. Returns that line (0 when yaml-cpp reads the text).
int CheckYamlCppError(const std::string& text) {
  int line = 0, column = 0;
  std::string yaml_message;
  try {
    YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    line = e.mark.line + 1;
    column = e.mark.column + 1;
    yaml_message = e.msg;
  }
  YamlDoc doc("t.yaml");
  Status s = doc.Parse(text);
  CHECK(s.kind() == ErrorKind::kData);
  CHECK(s.line() == line);
  CHECK(s.column() == column);
  CHECK(s.message().find(yaml_message) != std::string::npos);
  CHECK(doc.reached() == YamlDoc::Reached::kSyntax);
  return line;
}
}  // namespace

TEST_CASE("A syntax error in a later piece is yaml-cpp's, at its line and column") {
  for (const std::string& text :
       {BigMap() + "  - id: broken\n    label: x\n   bad: indentation\n", BigMap() + "\n  - id: [broken\n"})
    CHECK(CheckYamlCppError(text) > 12000);
}

TEST_CASE("A syntax error anywhere in a big list is yaml-cpp's, wherever the pieces are cut") {
  const std::string big = BigMap();
  // Broken entries at a tenth, near the middle (either side of a cut on
  // two cores) and near the end; one that only an early end would break.
  const std::string broken[] = {"  - id: x\n    label: x\n   bad: indentation\n", "  - id: [x\n    ja: a\n",
                                "  - id: x\n    ja: [a, b]]\n", "  - id: x: y\n"};
  for (const double at : {0.1, 0.45, 0.5, 0.55, 0.9}) {
    for (const std::string& entry : broken) {
      std::string text = big;
      const size_t pos = text.find("  - id: fact-", static_cast<size_t>(static_cast<double>(text.size()) * at));
      REQUIRE(pos != std::string::npos);
      text.insert(pos, entry);
      CAPTURE(at);
      CAPTURE(entry);
      CHECK(CheckYamlCppError(text) > 0);
    }
  }
}

TEST_CASE("A duplicate key in a later piece is found at its line; one in an earlier piece first") {
  const std::string big = BigMap();
  const int lines = static_cast<int>(std::count(big.begin(), big.end(), '\n'));
  {
    YamlDoc doc("t.yaml");
    Status s = doc.Parse(big + "  - id: twice\n    id: again\n");
    CHECK(s.ToString() == "t.yaml:" + std::to_string(lines + 2) + ":5: duplicate key 'id'; remove one of them");
    CHECK(doc.reached() == YamlDoc::Reached::kTree);
  }
  {
    std::string text = big;
    text.insert(text.find("facts:"), "subjects:\n  person: {}\n");  // a second root key, in the first piece
    YamlDoc doc("t.yaml");
    Status s = doc.Parse(text + "  - id: twice\n    id: again\n");
    CHECK(s.ToString() == "t.yaml:8:1: duplicate key 'subjects'; remove one of them");
  }
}
