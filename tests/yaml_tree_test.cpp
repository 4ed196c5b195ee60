// Tests for src/yaml_tree.h: the tree yaml-cpp's events fill answers as
// yaml-cpp's own tree (YAML::Load) does, for the calls the loaders make.
#include "yaml_tree.h"

#include <doctest/doctest.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <string>

TEST_CASE("Nulls, scalars and quoted words are yaml-cpp's") {
  const std::string text = "a: ~\nb:\nc: null\nd: \"null\"\ne: 'x y'\nf: [1, 2]\ng: {h: i}\n";
  auto tree = YamlTree::Parse(text);
  const YamlNode root = tree->root();
  const YAML::Node theirs = YAML::Load(text);
  for (const char* key : {"a", "b", "c", "d", "e", "f", "g"}) {
    CAPTURE(key);
    CHECK(root[key].Type() == theirs[key].Type());
    CHECK(root[key].Scalar() == theirs[key].Scalar());
    CHECK(root[key].Mark().line == theirs[key].Mark().line);
    CHECK(root[key].Mark().column == theirs[key].Mark().column);
  }
  CHECK(root["d"].Scalar() == "null");
  CHECK(root["f"].size() == 2);
  CHECK(root["g"].size() == 1);
  CHECK(root["f"].Scalar().empty());
}

TEST_CASE("A missing key, a key of a non-map and an index out of range are undefined") {
  auto tree = YamlTree::Parse("a: x\nl: [p, q]\n");
  const YamlNode root = tree->root();
  CHECK(!root["missing"]);
  CHECK(root["missing"].Type() == YAML::NodeType::Undefined);
  CHECK(root["missing"].Mark().line == -1);
  CHECK(!root["a"]["b"]);
  CHECK(!root["l"]["a"]);
  CHECK(root["l"][1].Scalar() == "q");
  CHECK(!root["l"][2]);
  CHECK(!root["l"][-1]);
  CHECK(!root[0]);
  CHECK(root["missing"].size() == 0);
  CHECK(root["missing"].begin() == root["missing"].end());
}

TEST_CASE("A key written twice is kept twice; lookup takes the first") {
  auto tree = YamlTree::Parse("k: first\nk: second\n");
  const YamlNode root = tree->root();
  CHECK(root.size() == 2);
  CHECK(root["k"].Scalar() == "first");
  std::string keys;
  for (auto it = root.begin(); it != root.end(); ++it)
    keys += std::string(it->first.Scalar()) + "=" + std::string(it->second.Scalar()) + ";";
  CHECK(keys == "k=first;k=second;");
}

TEST_CASE("An empty text is a null root at no position, as yaml-cpp's") {
  for (const std::string text : {"", "# only a comment\n", "\n\n"}) {
    auto tree = YamlTree::Parse(text);
    CHECK(tree->root().IsNull());
    CHECK(tree->root().Mark().line == YAML::Load(text).Mark().line);
  }
}

TEST_CASE("remove takes a sequence's entry out, for every handle") {
  auto tree = YamlTree::Parse("- a\n- b\n- c\n");
  const YamlNode root = tree->root();
  const YamlNode copy = root;
  copy.remove(1);
  copy.remove(7);  // none: nothing
  REQUIRE(root.size() == 2);
  CHECK(root[0].Scalar() == "a");
  CHECK(root[1].Scalar() == "c");
  CHECK(root[1].Mark().line == 2);
}

TEST_CASE("MoveEntries appends another tree's entries, with what is below them") {
  auto first = YamlTree::Parse("facts:\n  - id: a\n");
  auto second = YamlTree::Parse("facts:\n\n  - id: b\n    ja: [x, y]\n  - id: c\n");
  first->MoveEntries(first->root()["facts"], second.get(), second->root()["facts"]);
  const YamlNode facts = first->root()["facts"];
  REQUIRE(facts.size() == 3);
  CHECK(facts[1]["id"].Scalar() == "b");
  CHECK(facts[1]["ja"][1].Scalar() == "y");
  CHECK(facts[1].Mark().line == 2);
  CHECK(facts[2]["id"].Scalar() == "c");
}

TEST_CASE("Aliases are refused; syntax errors and deep nesting throw as YAML::Load does") {
  CHECK_THROWS_AS(YamlTree::Parse("a: &x 1\nb: *x\n"), YAML::ParserException);
  CHECK_THROWS_AS(YamlTree::Parse("a: [b\n"), YAML::ParserException);
  CHECK_THROWS_AS(YamlTree::Parse(std::string(3000, '[')), YAML::DeepRecursion);
}

namespace {
std::string Entries(const YamlNode& list) {
  std::string out;
  for (const YamlNode& entry : list) out += std::string(entry.Scalar()) + ",";
  return out + std::to_string(list.size());
}
}  // namespace

TEST_CASE("Removing the first, the last and the only entry keeps the list whole") {
  auto tree = YamlTree::Parse("l: [a, b, c, d]\nm: [x]\n");
  const YamlNode l = tree->root()["l"];
  l.remove(0);
  CHECK(Entries(l) == "b,c,d,3");
  l.remove(2);
  CHECK(Entries(l) == "b,c,2");
  CHECK(!l[2]);
  const YamlNode m = tree->root()["m"];
  m.remove(0);
  CHECK(Entries(m) == "0");
  CHECK(tree->root()["m"].IsSequence());
}

TEST_CASE("MoveEntries into an empty list, and after a removal at its end") {
  auto first = YamlTree::Parse("l: []\n");
  auto second = YamlTree::Parse("l: [p, q]\n");
  first->MoveEntries(first->root()["l"], second.get(), second->root()["l"]);
  CHECK(Entries(first->root()["l"]) == "p,q,2");
  first->root()["l"].remove(1);
  auto third = YamlTree::Parse("l: [r]\n");
  first->MoveEntries(first->root()["l"], third.get(), third->root()["l"]);
  CHECK(Entries(first->root()["l"]) == "p,r,2");
}
