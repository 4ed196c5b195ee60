// YamlTree: one YAML document as yaml-cpp's parser reads it, kept in one
// array of nodes. yaml-cpp's own tree (YAML::Load) gives every node a
// shared pointer, a reference object and a set of its dependents: for a
// big lexicon that tree cost more than the parse itself, most of it in
// allocation and page faults. Here the parser's events fill a vector.
//
// Nodes are plain records (no allocation each): a collection links its
// children, scalars' bytes are in one string, and both are reserved from
// the text's size, so the pages are touched once.
//
// YamlNode is a handle to one node, with the calls of YAML::Node that the
// loaders use and the same answers: a missing key gives an undefined node
// (false), Scalar() of a non-scalar is empty, a map's entries come in
// document order, duplicates kept (YamlDoc reports them), and key lookup
// takes the first. Anchors and aliases are refused (YamlDoc's pre-scan
// already refuses them).
//
// Ownership: a YamlNode points into its tree without owning it; it is
// valid while the tree lives (YamlDoc keeps it). Copies of a handle see
// the same node, as YAML::Node's do; remove() changes the tree for all.
// Threading: a tree is built on one thread; after that, const calls are
// safe from many threads; remove() needs the tree to itself.
// Errors: Parse throws what YAML::Load throws (YAML::ParserException with
// its mark, YAML::DeepRecursion, std::bad_alloc).
#ifndef TSUNAGU_YAML_TREE_H_
#define TSUNAGU_YAML_TREE_H_

#include <yaml-cpp/mark.h>
#include <yaml-cpp/node/type.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

class YamlTree;
class YamlIterator;

class YamlNode {
 public:
  YamlNode() = default;  // undefined, as a missing key's value
  YamlNode(YamlTree* tree, int32_t index) : tree_(tree), index_(index) {}

  bool IsDefined() const { return tree_ != nullptr; }
  explicit operator bool() const { return IsDefined(); }
  bool operator!() const { return !IsDefined(); }
  YAML::NodeType::value Type() const;
  bool IsNull() const { return Type() == YAML::NodeType::Null; }
  bool IsScalar() const { return Type() == YAML::NodeType::Scalar; }
  bool IsSequence() const { return Type() == YAML::NodeType::Sequence; }
  bool IsMap() const { return Type() == YAML::NodeType::Map; }
  /// The value of a scalar; empty for anything else. A view into the
  /// tree: valid while the tree lives.
  std::string_view Scalar() const;
  /// Where the node starts (0-based line and column); null_mark() (-1)
  /// when undefined.
  YAML::Mark Mark() const;
  /// Entries of a sequence, pairs of a map, else 0.
  size_t size() const;

  /// A map's value under a scalar key (the first, if written twice);
  /// undefined when there is none or this is not a map.
  YamlNode operator[](std::string_view key) const;
  YamlNode operator[](const char* key) const { return (*this)[std::string_view(key)]; }
  /// A sequence's entry i (found in i steps); undefined when out of
  /// range or not a sequence.
  YamlNode operator[](size_t i) const;
  YamlNode operator[](int i) const { return i < 0 ? YamlNode() : (*this)[static_cast<size_t>(i)]; }
  /// Removes a sequence's entry i (nothing when there is none), in i steps.
  void remove(size_t i) const;

  /// Iterates over a sequence's entries or a map's pairs (YamlIterator).
  YamlIterator begin() const;
  YamlIterator end() const;

 private:
  friend class YamlTree;
  friend class YamlIterator;
  YamlTree* tree_ = nullptr;
  int32_t index_ = -1;
};

/// What iterating yields: for a sequence the entry itself, for a map
/// first (the key) and second (the value), as yaml-cpp's iterators do.
struct YamlEntry : YamlNode {
  YamlEntry() = default;
  explicit YamlEntry(YamlNode entry) : YamlNode(entry) {}
  YamlNode first, second;
};

class YamlIterator {
 public:
  YamlIterator(YamlNode node, int32_t at) : node_(node), at_(at) {}
  YamlEntry operator*() const;
  // it->first: the entry lives in the proxy for the expression.
  struct Arrow {
    YamlEntry entry;
    const YamlEntry* operator->() const { return &entry; }
  };
  Arrow operator->() const { return {**this}; }
  YamlIterator& operator++();
  bool operator==(const YamlIterator& o) const { return at_ == o.at_; }
  bool operator!=(const YamlIterator& o) const { return at_ != o.at_; }

 private:
  YamlNode node_;
  int32_t at_;  // the child (a map's key) it is at; -1 at the end
};

class YamlTree {
 public:
  /// Parses text (one document: a second one is left unread, as
  /// YAML::Load leaves it) into a new tree; an empty text is a null root.
  static std::unique_ptr<YamlTree> Parse(const std::string& text);

  YamlNode root() { return YamlNode(this, 0); }
  /// Moves the entries of the sequence `entries` of tree `from`, with all
  /// below them, to the end of the sequence `to` of this tree, in order;
  /// `from` is spent.
  void MoveEntries(YamlNode to, YamlTree* from, YamlNode entries);

 private:
  friend class YamlNode;
  friend class YamlIterator;
  friend class YamlTreeBuilder;
  struct Node {
    YAML::NodeType::value type = YAML::NodeType::Null;
    int32_t line = 0, column = 0;
    // A collection's children (a map's: key, value, key, value, ...): the
    // first and last, linked by next; -1 for none.
    int32_t first = -1, last = -1, next = -1;
    uint32_t count = 0;                       // how many children
    uint32_t scalar_at = 0, scalar_size = 0;  // bytes in scalars_
  };
  const Node& at(int32_t i) const { return nodes_[static_cast<size_t>(i)]; }
  Node& at(int32_t i) { return nodes_[static_cast<size_t>(i)]; }
  // Links the chain first..last (count nodes, linked by next) after the
  // parent's last child.
  void AddChildren(int32_t parent, int32_t first, int32_t last, uint32_t count);
  std::vector<Node> nodes_;
  std::string scalars_;
};

#endif  // TSUNAGU_YAML_TREE_H_
