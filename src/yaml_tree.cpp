#include "yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <utility>

// Fills a tree from the parser's events: each node is added to the
// children of the collection open around it (a map's alternate key,
// value), so no state is needed beyond the stack of open collections.
class YamlTreeBuilder : public YAML::EventHandler {
 public:
  explicit YamlTreeBuilder(YamlTree* tree) : tree_(tree) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { Add(YAML::NodeType::Null, mark); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    throw YAML::ParserException(mark, "YAML aliases (*name) are not supported; write the value out in full");
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string& value) override {
    Add(YAML::NodeType::Scalar, mark).scalar = value;
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    Add(YAML::NodeType::Sequence, mark);
    open_.push_back(static_cast<int32_t>(tree_->nodes_.size() - 1));
  }
  void OnSequenceEnd() override { open_.pop_back(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    Add(YAML::NodeType::Map, mark);
    open_.push_back(static_cast<int32_t>(tree_->nodes_.size() - 1));
  }
  void OnMapEnd() override { open_.pop_back(); }

 private:
  YamlTree::Node& Add(YAML::NodeType::value type, const YAML::Mark& mark) {
    const auto index = static_cast<int32_t>(tree_->nodes_.size());
    if (!open_.empty()) tree_->nodes_[static_cast<size_t>(open_.back())].children.push_back(index);
    YamlTree::Node& node = tree_->nodes_.emplace_back();
    node.type = type;
    node.line = mark.line;
    node.column = mark.column;
    return node;
  }

  YamlTree* tree_;
  std::vector<int32_t> open_;
};

std::unique_ptr<YamlTree> YamlTree::Parse(const std::string& text) {
  auto tree = std::make_unique<YamlTree>();
  std::istringstream stream(text);
  YAML::Parser parser(stream);
  YamlTreeBuilder builder(tree.get());
  parser.HandleNextDocument(builder);
  if (tree->nodes_.empty()) {  // no document: a null root, nowhere (as yaml-cpp's)
    Node& root = tree->nodes_.emplace_back();
    root.line = root.column = -1;
  }
  return tree;
}

void YamlTree::MoveEntries(YamlNode to, YamlTree* from, YamlNode entries) {
  const auto offset = static_cast<int32_t>(nodes_.size());
  const std::vector<int32_t> moved = std::move(from->nodes_[static_cast<size_t>(entries.index_)].children);
  nodes_.reserve(nodes_.size() + from->nodes_.size());
  for (Node& node : from->nodes_) {
    for (int32_t& child : node.children) child += offset;
    nodes_.push_back(std::move(node));
  }
  from->nodes_.clear();
  std::vector<int32_t>& list = nodes_[static_cast<size_t>(to.index_)].children;
  for (int32_t entry : moved) list.push_back(entry + offset);
}

namespace {
const std::string kEmpty;
}  // namespace

YAML::NodeType::value YamlNode::Type() const {
  return tree_ ? tree_->nodes_[static_cast<size_t>(index_)].type : YAML::NodeType::Undefined;
}

const std::string& YamlNode::Scalar() const {
  return tree_ ? tree_->nodes_[static_cast<size_t>(index_)].scalar : kEmpty;
}

YAML::Mark YamlNode::Mark() const {
  YAML::Mark mark = YAML::Mark::null_mark();
  if (!tree_) return mark;
  const YamlTree::Node& node = tree_->nodes_[static_cast<size_t>(index_)];
  mark.line = node.line;
  mark.column = node.column;
  return mark;
}

size_t YamlNode::size() const {
  if (!tree_) return 0;
  const YamlTree::Node& node = tree_->nodes_[static_cast<size_t>(index_)];
  return node.type == YAML::NodeType::Map ? node.children.size() / 2 : node.children.size();
}

YamlNode YamlNode::operator[](std::string_view key) const {
  if (!IsMap()) return YamlNode();
  const std::vector<int32_t>& children = tree_->nodes_[static_cast<size_t>(index_)].children;
  for (size_t k = 0; k + 1 < children.size(); k += 2) {
    const YamlTree::Node& key_node = tree_->nodes_[static_cast<size_t>(children[k])];
    if (key_node.type == YAML::NodeType::Scalar && key_node.scalar == key) return YamlNode(tree_, children[k + 1]);
  }
  return YamlNode();
}

YamlNode YamlNode::operator[](size_t i) const {
  if (!IsSequence() || i >= size()) return YamlNode();
  return YamlNode(tree_, tree_->nodes_[static_cast<size_t>(index_)].children[i]);
}

void YamlNode::remove(size_t i) const {
  if (!IsSequence() || i >= size()) return;
  std::vector<int32_t>& children = tree_->nodes_[static_cast<size_t>(index_)].children;
  children.erase(children.begin() + static_cast<std::ptrdiff_t>(i));
}

YamlIterator YamlNode::end() const {
  return YamlIterator(*this, tree_ ? tree_->nodes_[static_cast<size_t>(index_)].children.size() : 0);
}

YamlEntry YamlIterator::operator*() const {
  const std::vector<int32_t>& children = node_.tree_->nodes_[static_cast<size_t>(node_.index_)].children;
  if (!node_.IsMap()) return YamlEntry(YamlNode(node_.tree_, children[at_]));
  YamlEntry entry;
  entry.first = YamlNode(node_.tree_, children[at_]);
  entry.second = YamlNode(node_.tree_, children[at_ + 1]);
  return entry;
}
