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

  const std::string& phrase(int i) const { return phrases_[i]; }
  const std::vector<int>& payloads(int i) const { return payloads_[i]; }
  size_t phrase_count() const { return phrases_.size(); }

  void Save(Writer* w) const;
  /// False when the bytes are damaged.
  bool Restore(Reader* r);

 private:
  int Step(int node, unsigned char c) const;

  std::unordered_map<std::string, int> index_;  // phrase → index, while adding
  std::vector<std::string> phrases_;
  std::vector<std::vector<int>> payloads_;
  std::vector<uint8_t> word_edges_;  // per phrase: 1 = word start, 2 = word end
  // The automaton, one entry per node; children in CSR form, sorted by byte.
  std::vector<uint32_t> child_begin_;  // node → first child edge (size nodes + 1)
  std::vector<uint8_t> child_byte_;
  std::vector<int32_t> child_node_;
  std::vector<int32_t> fail_;
  std::vector<int32_t> output_;       // phrase ending exactly here, or -1
  std::vector<int32_t> output_link_;  // nearest node on the fail chain with an output
  std::vector<int32_t> root_next_;    // 256 dense transitions from the root
};

#endif  // TSUNAGU_MATCHER_H_
