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
  /// False when the bytes are damaged.
  bool Restore(Reader* r);

 private:
  // Nodes with this many children or more get a dense row.
  static constexpr uint32_t kDenseChildren = 8;

  int Step(int node, unsigned char c) const;
  int StepSparse(int node, unsigned char c) const;  // children, then fail links
  /// Derives the dense rows from the sparse automaton (not saved: rebuilt
  /// by Build and Restore).
  void BuildDenseRows();
  void FillDenseRow(int node);

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
  std::vector<int32_t> dense_row_;    // per node: its row in dense_next_, or -1
  std::vector<int32_t> dense_next_;   // 256 next nodes per wide node, fail links resolved
};

#endif  // TSUNAGU_MATCHER_H_
