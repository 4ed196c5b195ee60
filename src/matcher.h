// Matcher: finds every lexicon phrase in a text in one pass (Aho–Corasick
// over bytes), so the cost is linear in the text whatever the lexicon size.
// Phrases with an ASCII letter or digit at an edge match whole words only.
// After Build the automaton is a few flat arrays, which Save/Restore copy
// as they are: the shipped lexicon is compiled at build time, not start-up.
// Find* are const and safe to call from many threads.
#ifndef TSUNAGU_MATCHER_H_
#define TSUNAGU_MATCHER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

class Writer;
class Reader;

class Matcher {
 public:
  /// Adds a phrase (already normalised) carrying an opaque payload; the
  /// same phrase may be added with several payloads.
  void Add(const std::string& phrase, int payload);
  /// Builds the automaton; call once after the last Add.
  void Build();

  struct Hit {
    size_t begin = 0, end = 0;  // byte range in the text
    int phrase = 0;             // index of the phrase
  };
  /// Every occurrence (overlaps included), respecting word edges.
  std::vector<Hit> FindAll(std::string_view text) const;
  /// Occurrences that do not overlap, longer phrases first, then leftmost.
  std::vector<Hit> FindLongest(std::string_view text) const;
  /// The same into *hits, reusing its storage (called per clause).
  void FindAll(std::string_view text, std::vector<Hit>* hits) const;
  void FindLongest(std::string_view text, std::vector<Hit>* hits) const;

  std::string_view phrase(int i) const {
    return std::string_view(phrase_bytes_).substr(phrase_begin_[i], phrase_begin_[i + 1] - phrase_begin_[i]);
  }
  /// A phrase's payloads, in the order added (a view: no copy per hit).
  struct Payloads {
    const int32_t* first;
    const int32_t* last;
    const int32_t* begin() const { return first; }
    const int32_t* end() const { return last; }
  };
  Payloads payloads(int i) const {
    return {payload_.data() + payload_begin_[i], payload_.data() + payload_begin_[i + 1]};
  }
  size_t phrase_count() const { return phrase_begin_.empty() ? adding_.size() : phrase_begin_.size() - 1; }

  void Save(Writer* w) const;
  /// False when the bytes are damaged: every offset and node index is
  /// checked against its array, and fail links may not loop.
  bool Restore(Reader* r);
  /// For restored bytes that are not trusted (a cache file): true when the
  /// automaton is a tree whose phrases end at nodes as deep as they are
  /// long, with fail and output links to shallower nodes, so that finding
  /// phrases never leaves the text or the arrays and never loops.
  /// Payloads are opaque here: their owner checks them.
  bool CheckShape() const;

 private:
  // Nodes with this many children or more get a dense row.
  static constexpr uint32_t kDenseChildren = 8;

  // Next nodes in the step tables carry this bit when a phrase ends
  // there (at the node or down its output links): FindAll tests the bit
  // instead of loading output_ and output_link_ at every byte.
  static constexpr int32_t kEnds = INT32_MIN;

  int32_t Step(int node, unsigned char c) const;    // the next node, with kEnds
  int StepSparse(int node, unsigned char c) const;  // children, then fail links
  /// Derives the step tables below from the sparse automaton (not saved:
  /// rebuilt by Build and Restore); false when fail links loop.
  bool BuildStepTables();

  // While adding: the phrases and their payloads; Build flattens them.
  std::unordered_map<std::string, int> index_;
  std::vector<std::string> adding_;
  std::vector<std::vector<int>> adding_payloads_;
  // Phrases and payloads as flat arrays (CSR), so Restore is a few copies.
  std::string phrase_bytes_;
  std::vector<uint32_t> phrase_begin_;   // phrase i is [begin[i], begin[i+1])
  std::vector<uint32_t> payload_begin_;  // its payloads: payload_[begin[i]..begin[i+1])
  std::vector<int32_t> payload_;
  std::vector<uint8_t> word_edges_;  // per phrase: 1 = word start, 2 = word end
  // The automaton, one entry per node; children in CSR form, sorted by byte.
  std::vector<uint32_t> child_begin_;  // node → first child edge (size nodes + 1)
  std::vector<uint8_t> child_byte_;
  std::vector<int32_t> child_node_;
  std::vector<int32_t> fail_;
  std::vector<int32_t> output_;       // phrase ending exactly here, or -1
  std::vector<int32_t> output_link_;  // nearest node on the fail chain with an output
  std::vector<int32_t> root_next_;    // 256 dense transitions from the root
  // Step tables, fail links resolved: from a node, byte c leads to its
  // entry's next node when c is the entry's byte, else to the next node
  // of its exception for c, else to its fallback row's. The exceptions
  // are its children and those of the sparse nodes on its fail chain (the
  // nearer first) up to the root or the first wide node on the chain,
  // whose row is the fallback. A node with one child and no node failing
  // to it keeps the child as its entry and shares its fail node's
  // exceptions. A wide node has no exceptions and its own row.
  struct StepNode {
    int32_t next;  // the entry's next node, with kEnds
    uint32_t ex;   // exceptions: ex_byte_/ex_next_[ex, ex + ex_count)
    uint16_t ex_count;
    uint8_t byte;  // the entry's byte
    uint8_t row;   // fallback: rows_[256 * row, 256 * row + 256)
  };
  std::vector<StepNode> step_;
  std::vector<uint8_t> ex_byte_;
  std::vector<int32_t> ex_next_;
  std::vector<int32_t> rows_;  // 256 next nodes per row: the root's, then one per wide node (up to 255)
};

#endif  // TSUNAGU_MATCHER_H_
