// Matcher: finds every lexicon phrase in a text in one pass (Aho–Corasick
// over bytes), so the cost is linear in the text whatever the lexicon size.
// Phrases with an ASCII letter or digit at an edge match whole words only.
// Built once per model; Find is const and safe to call from many threads.
#ifndef TSUNAGU_MATCHER_H_
#define TSUNAGU_MATCHER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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

  const std::string& phrase(int i) const { return phrases_[i].text; }
  const std::vector<int>& payloads(int i) const { return phrases_[i].payloads; }
  size_t phrase_count() const { return phrases_.size(); }

 private:
  struct Phrase {
    std::string text;
    std::vector<int> payloads;
    bool word_start = false, word_end = false;  // needs a word boundary there
  };
  // Sparse children keep the automaton small (thousands of phrases, tens of
  // thousands of nodes) so building it at start-up costs well under 1 ms.
  struct Node {
    std::vector<std::pair<unsigned char, int>> children;  // sorted by byte
    int fail = 0;
    int output = -1;       // phrase ending exactly here, or -1
    int output_link = -1;  // nearest node on the fail chain with an output
  };
  int Child(int node, unsigned char c) const;
  int Step(int node, unsigned char c) const;
  std::vector<Phrase> phrases_;
  std::vector<Node> nodes_;
  int root_next_[256];  // dense transitions from the root: most bytes land here
};

#endif  // TSUNAGU_MATCHER_H_
