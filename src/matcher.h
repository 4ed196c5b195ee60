// Matcher: finds every lexicon phrase in a text in one pass (Aho–Corasick
// over bytes), so the cost is linear in the text whatever the lexicon size.
// Phrases with an ASCII letter or digit at an edge match whole words only.
// After Build the automaton is a few flat arrays, which Save writes as they
// are and Restore uses in place, without a copy or anything derived to
// rebuild: the shipped lexicon is compiled at build time, a --rules
// lexicon once into the model cache; a process checks it unless trusted.
// Ownership: a built matcher owns its arrays; a restored one views the
// bytes it was restored from, kept alive by the owner Restore was given.
// Copies share the arrays (they never change after Build or Restore).
// Threading: Find* and the accessors are const and safe from many threads.
#ifndef TSUNAGU_MATCHER_H_
#define TSUNAGU_MATCHER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "array_view.h"

class Writer;
class Reader;

class Matcher {
 public:
  /// Adds a phrase (already normalised) carrying an opaque payload; the
  /// same phrase may be added with several payloads. Phrases are numbered
  /// in the order first added; an empty one is ignored.
  void Add(std::string phrase, int payload);
  /// Builds the automaton; call once after the last Add.
  void Build();

  struct Hit {
    size_t begin = 0, end = 0;  // byte range in the text
    int phrase = 0;             // index of the phrase
  };
  /// Every occurrence (overlaps included), respecting word edges.
  std::vector<Hit> FindAll(std::string_view text) const;
  /// The same into *hits, reusing its storage.
  void FindAll(std::string_view text, std::vector<Hit>* hits) const;
  /// Whether a hit of `phrase` may stand beside a hit of `kept`, chosen
  /// before it, that it partly overlaps (each has bytes of its own);
  /// `context` is the caller's.
  using MayShare = bool (*)(const void* context, int kept, int phrase);
  /// Occurrences chosen longer phrases first, then leftmost, into *hits in
  /// text order, reusing its storage (called per clause). A hit inside a
  /// chosen one is dropped; one that partly overlaps chosen ones is kept
  /// only when may_share says so for each of them (nullptr: never, so no
  /// two hits overlap).
  void FindLongest(std::string_view text, std::vector<Hit>* hits, MayShare may_share = nullptr,
                   const void* context = nullptr) const;

  std::string_view phrase(int i) const {
    return phrase_bytes_.substr(phrase_begin_[i], phrase_begin_[i + 1] - phrase_begin_[i]);
  }
  /// A phrase's payloads, in the order added (a view: no copy per hit).
  struct Payloads {
    const int32_t* first;
    const int32_t* last;
    const int32_t* begin() const { return first; }
    const int32_t* end() const { return last; }
  };
  Payloads payloads(int i) const { return {payload_.data + payload_begin_[i], payload_.data + payload_begin_[i + 1]}; }
  /// How many distinct phrases (after Build or Restore).
  size_t phrase_count() const { return phrase_begin_.empty() ? 0 : phrase_begin_.size - 1; }

  void Save(Writer* w) const;
  /// At least what Save writes, for reserving it (a buffer grown by
  /// doubling copies and touches twice the memory).
  size_t SavedBytes() const;
  /// Views the arrays in r's input, which `owner` keeps alive (nullptr: the
  /// input is static, as the embedded lexicon is). False when the bytes
  /// are damaged or misaligned: every offset and node index is checked
  /// against its array, and the automaton must be a tree whose phrases end
  /// at nodes as deep as they are long, with fail and output links to
  /// shallower nodes, so that finding phrases never leaves the text or the
  /// arrays and never loops. Payloads are opaque here: their owner checks them.
  /// `trusted`: the bytes are known to be Save's, unchanged (model_cache.h:
  /// written by this program, checksum verified); only the arrays' sizes
  /// are checked against each other (constant time), not their contents.
  bool Restore(Reader* r, std::shared_ptr<const void> owner, bool trusted = false);

 private:
  struct Storage;                                                  // what Build made, owned
  void View(const Storage& t, std::shared_ptr<const void> owner);  // points the arrays at t

  int StepSparse(int node, unsigned char c) const;  // children, then fail links
  bool CheckSizes() const;                          // the arrays' sizes fit each other: O(1)
  bool CheckRanges() const;
  bool CheckShape() const;

  // While adding: each addition; Build sorts and flattens them.
  struct Addition {
    std::string phrase;
    int payload;
  };
  std::vector<Addition> adding_;
  std::shared_ptr<const void> storage_;  // keeps the arrays below alive
  // Phrases and payloads as flat arrays (CSR), views of storage_ or of
  // the restored bytes.
  std::string_view phrase_bytes_;
  ArrayView<uint32_t> phrase_begin_;   // phrase i is [begin[i], begin[i+1])
  ArrayView<uint32_t> payload_begin_;  // its payloads: payload_[begin[i]..begin[i+1])
  ArrayView<int32_t> payload_;
  ArrayView<uint8_t> word_edges_;  // per phrase: 1 = word start, 2 = word end
  // The automaton, one entry per node; children in CSR form, sorted by byte.
  ArrayView<uint32_t> child_begin_;  // node → first child edge (size nodes + 1)
  ArrayView<uint8_t> child_byte_;
  ArrayView<int32_t> child_node_;
  ArrayView<int32_t> fail_;
  ArrayView<int32_t> output_;       // phrase ending exactly here, or -1
  ArrayView<int32_t> output_link_;  // nearest node on the fail chain with an output
  ArrayView<int32_t> root_next_;    // 256 dense transitions from the root
};

#endif  // TSUNAGU_MATCHER_H_
