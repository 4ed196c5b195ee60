#include "yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <sstream>

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
    YamlTree::Node& node = tree_->at(Add(YAML::NodeType::Scalar, mark));
    node.scalar_at = static_cast<uint32_t>(tree_->scalars_.size());
    node.scalar_size = static_cast<uint32_t>(value.size());
    tree_->scalars_ += value;
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    open_.push_back(Add(YAML::NodeType::Sequence, mark));
  }
  void OnSequenceEnd() override { open_.pop_back(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    open_.push_back(Add(YAML::NodeType::Map, mark));
  }
  void OnMapEnd() override { open_.pop_back(); }

 private:
  int32_t Add(YAML::NodeType::value type, const YAML::Mark& mark) {
    const auto index = static_cast<int32_t>(tree_->nodes_.size());
    YamlTree::Node& node = tree_->nodes_.emplace_back();
    node.type = type;
    node.line = mark.line;
    node.column = mark.column;
    if (!open_.empty()) tree_->AddChildren(open_.back(), index, index, 1);
    return index;
  }

  YamlTree* tree_;
  std::vector<int32_t> open_;
};

std::unique_ptr<YamlTree> YamlTree::Parse(const std::string& text) {
  auto tree = std::make_unique<YamlTree>();
  // At most a node per two bytes ("a\n"), the scalars at most the text:
  // reserved, not touched, so growing never copies what is there.
  tree->nodes_.reserve(text.size() / 2 + 1);
  tree->scalars_.reserve(text.size());
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

void YamlTree::AddChildren(int32_t parent, int32_t first, int32_t last, uint32_t count) {
  Node& p = at(parent);
  (p.last < 0 ? p.first : at(p.last).next) = first;
  p.last = last;
  p.count += count;
}

void YamlTree::MoveEntries(YamlNode to, YamlTree* from, YamlNode entries) {
  const auto offset = static_cast<int32_t>(nodes_.size());
  const auto scalar_offset = static_cast<uint32_t>(scalars_.size());
  nodes_.reserve(nodes_.size() + from->nodes_.size());
  auto shift = [offset](int32_t i) { return i < 0 ? i : i + offset; };
  for (Node node : from->nodes_) {
    node.first = shift(node.first);
    node.last = shift(node.last);
    node.next = shift(node.next);
    node.scalar_at += scalar_offset;
    nodes_.push_back(node);
  }
  scalars_ += from->scalars_;
  // The entries keep their links to each other; only the first is linked
  // in, and the last entry now ends the list.
  const Node moved = at(entries.index_ + offset);
  if (moved.first >= 0) AddChildren(to.index_, moved.first, moved.last, moved.count);
  from->nodes_.clear();
  from->scalars_.clear();
}

YAML::NodeType::value YamlNode::Type() const { return tree_ ? tree_->at(index_).type : YAML::NodeType::Undefined; }

std::string_view YamlNode::Scalar() const {
  if (!tree_) return {};
  const YamlTree::Node& node = tree_->at(index_);
  return std::string_view(tree_->scalars_).substr(node.scalar_at, node.scalar_size);
}

YAML::Mark YamlNode::Mark() const {
  YAML::Mark mark = YAML::Mark::null_mark();
  if (!tree_) return mark;
  const YamlTree::Node& node = tree_->at(index_);
  mark.line = node.line;
  mark.column = node.column;
  return mark;
}

size_t YamlNode::size() const {
  if (!tree_) return 0;
  const YamlTree::Node& node = tree_->at(index_);
  return node.type == YAML::NodeType::Map ? node.count / 2 : node.count;
}

YamlNode YamlNode::operator[](std::string_view key) const {
  if (!IsMap()) return YamlNode();
  for (int32_t k = tree_->at(index_).first; k >= 0; k = tree_->at(tree_->at(k).next).next) {
    const YamlNode key_node(tree_, k);
    if (key_node.IsScalar() && key_node.Scalar() == key) return YamlNode(tree_, tree_->at(k).next);
  }
  return YamlNode();
}

YamlNode YamlNode::operator[](size_t i) const {
  if (!IsSequence() || i >= size()) return YamlNode();
  int32_t child = tree_->at(index_).first;
  for (; i > 0; --i) child = tree_->at(child).next;
  return YamlNode(tree_, child);
}

void YamlNode::remove(size_t i) const {
  if (!IsSequence() || i >= size()) return;
  YamlTree::Node& list = tree_->at(index_);
  int32_t before = -1, child = list.first;
  for (; i > 0; --i) child = tree_->at(before = child).next;
  const int32_t after = tree_->at(child).next;
  (before < 0 ? list.first : tree_->at(before).next) = after;
  if (list.last == child) list.last = before;
  --list.count;
}

YamlIterator YamlNode::begin() const { return YamlIterator(*this, tree_ ? tree_->at(index_).first : -1); }
YamlIterator YamlNode::end() const { return YamlIterator(*this, -1); }

YamlIterator& YamlIterator::operator++() {
  const YamlTree& tree = *node_.tree_;
  at_ = tree.at(at_).next;
  if (node_.IsMap()) at_ = tree.at(at_).next;  // past the value
  return *this;
}

YamlEntry YamlIterator::operator*() const {
  if (!node_.IsMap()) return YamlEntry(YamlNode(node_.tree_, at_));
  YamlEntry entry;
  entry.first = YamlNode(node_.tree_, at_);
  entry.second = YamlNode(node_.tree_, node_.tree_->at(at_).next);
  return entry;
}
