#include "matcher.h"

#include <algorithm>
#include <map>
#include <queue>

#include "binary_io.h"

namespace {
bool IsWordByte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
}  // namespace

void Matcher::Add(const std::string& phrase, int payload) {
  if (phrase.empty()) return;
  auto [it, added] = index_.emplace(phrase, static_cast<int>(adding_.size()));
  if (!added) {
    std::vector<int>& p = adding_payloads_[it->second];
    if (std::find(p.begin(), p.end(), payload) == p.end()) p.push_back(payload);
    return;
  }
  adding_.push_back(phrase);
  adding_payloads_.push_back({payload});
  word_edges_.push_back(static_cast<uint8_t>((IsWordByte(static_cast<unsigned char>(phrase.front())) ? 1 : 0) |
                                             (IsWordByte(static_cast<unsigned char>(phrase.back())) ? 2 : 0)));
}

int32_t Matcher::Step(int node, unsigned char c) const {
  // A compare, maybe a short scan, and one more load, with no loop over
  // fail links (each round of which mispredicted). Most steps follow the
  // entry: most nodes have one child, kept in the node itself.
  const StepNode& s = step_[node];
  if (s.byte == c) return s.next;
  for (uint32_t e = s.ex, end = s.ex + s.ex_count; e < end; ++e)
    if (ex_byte_[e] == c) return ex_next_[e];
  return rows_[s.row * 256u + c];
}

int Matcher::StepSparse(int node, unsigned char c) const {
  while (node != 0) {
    const uint8_t* first = child_byte_.data() + child_begin_[node];
    const uint8_t* last = child_byte_.data() + child_begin_[node + 1];
    const uint8_t* it = std::lower_bound(first, last, c);
    if (it != last && *it == c) return child_node_[static_cast<size_t>(it - child_byte_.data())];
    node = fail_[node];
  }
  return root_next_[c];
}

void Matcher::Build() {
  // A plain trie first, then flattened in breadth-first order.
  std::vector<std::map<uint8_t, int>> trie(1);
  std::vector<int> trie_output(1, -1);
  phrase_bytes_.clear();
  phrase_begin_.assign(1, 0);
  payload_begin_.assign(1, 0);
  payload_.clear();
  for (size_t i = 0; i < adding_.size(); ++i) {
    phrase_bytes_ += adding_[i];
    phrase_begin_.push_back(static_cast<uint32_t>(phrase_bytes_.size()));
    payload_.insert(payload_.end(), adding_payloads_[i].begin(), adding_payloads_[i].end());
    payload_begin_.push_back(static_cast<uint32_t>(payload_.size()));
  }
  for (size_t i = 0; i < adding_.size(); ++i) {
    int node = 0;
    for (unsigned char c : adding_[i]) {
      auto it = trie[node].find(c);
      if (it == trie[node].end()) {
        it = trie[node].emplace(c, static_cast<int>(trie.size())).first;
        trie.emplace_back();
        trie_output.push_back(-1);
      }
      node = it->second;
    }
    trie_output[node] = static_cast<int>(i);
  }
  const size_t n = trie.size();
  child_begin_.assign(n + 1, 0);
  child_byte_.clear();
  child_node_.clear();
  for (size_t node = 0; node < n; ++node) {
    child_begin_[node] = static_cast<uint32_t>(child_byte_.size());
    for (const auto& [c, child] : trie[node]) {
      child_byte_.push_back(c);
      child_node_.push_back(child);
    }
  }
  child_begin_[n] = static_cast<uint32_t>(child_byte_.size());
  output_.assign(trie_output.begin(), trie_output.end());
  fail_.assign(n, 0);
  output_link_.assign(n, -1);
  root_next_.assign(256, 0);
  std::queue<int> queue;
  for (const auto& [c, child] : trie[0]) {
    root_next_[c] = child;
    queue.push(child);
  }
  // Breadth-first, so a node's fail target is complete before its children.
  while (!queue.empty()) {
    int node = queue.front();
    queue.pop();
    int fail = fail_[node];
    output_link_[node] = output_[fail] >= 0 ? fail : output_link_[fail];
    for (const auto& [c, child] : trie[node]) {
      fail_[child] = node == 0 ? 0 : StepSparse(fail, c);
      queue.push(child);
    }
  }
  output_link_[0] = -1;
  BuildStepTables();  // true: fail links lead to shallower nodes
  index_.clear();
  adding_.clear();
  adding_payloads_.clear();
}

void Matcher::FindAll(std::string_view text, std::vector<Hit>* hits) const {
  hits->clear();
  if (fail_.empty()) return;
  int node = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const int32_t next = Step(node, static_cast<unsigned char>(text[i]));
    node = next & ~kEnds;
    if (next >= 0) continue;
    for (int at = output_[node] >= 0 ? node : output_link_[node]; at >= 0; at = output_link_[at]) {
      int id = output_[at];
      Hit h;
      h.end = i + 1;
      h.begin = h.end - (phrase_begin_[id + 1] - phrase_begin_[id]);
      h.phrase = id;
      if ((word_edges_[id] & 1) && h.begin > 0 && IsWordByte(static_cast<unsigned char>(text[h.begin - 1]))) continue;
      if ((word_edges_[id] & 2) && h.end < text.size() && IsWordByte(static_cast<unsigned char>(text[h.end]))) continue;
      hits->push_back(h);
    }
  }
}

void Matcher::FindLongest(std::string_view text, std::vector<Hit>* hits) const {
  FindAll(text, hits);
  std::vector<Hit>& all = *hits;
  std::sort(all.begin(), all.end(), [](const Hit& a, const Hit& b) {
    size_t la = a.end - a.begin, lb = b.end - b.begin;
    if (la != lb) return la > lb;
    return a.begin < b.begin;
  });
  // Keep, in place at the front, each hit that overlaps none kept before
  // it (a text has a handful of hits: a scan beats a per-byte table).
  size_t kept = 0;
  for (size_t i = 0; i < all.size(); ++i) {
    bool free = true;
    for (size_t k = 0; k < kept && free; ++k) free = all[i].end <= all[k].begin || all[i].begin >= all[k].end;
    if (free) all[kept++] = all[i];
  }
  all.resize(kept);
  std::sort(all.begin(), all.end(), [](const Hit& a, const Hit& b) { return a.begin < b.begin; });
}

std::vector<Matcher::Hit> Matcher::FindAll(std::string_view text) const {
  std::vector<Hit> hits;
  FindAll(text, &hits);
  return hits;
}

std::vector<Matcher::Hit> Matcher::FindLongest(std::string_view text) const {
  std::vector<Hit> hits;
  FindLongest(text, &hits);
  return hits;
}

void Matcher::Save(Writer* w) const {
  w->Str(phrase_bytes_);
  w->Array(phrase_begin_);
  w->Array(payload_begin_);
  w->Array(payload_);
  w->Array(word_edges_);
  w->Array(child_begin_);
  w->Array(child_byte_);
  w->Array(child_node_);
  w->Array(fail_);
  w->Array(output_);
  w->Array(output_link_);
  w->Array(root_next_);
}

bool Matcher::Restore(Reader* r) {
  phrase_bytes_ = r->Str();
  phrase_begin_ = r->Array<uint32_t>();
  payload_begin_ = r->Array<uint32_t>();
  payload_ = r->Array<int32_t>();
  word_edges_ = r->Array<uint8_t>();
  child_begin_ = r->Array<uint32_t>();
  child_byte_ = r->Array<uint8_t>();
  child_node_ = r->Array<int32_t>();
  fail_ = r->Array<int32_t>();
  output_ = r->Array<int32_t>();
  output_link_ = r->Array<int32_t>();
  root_next_ = r->Array<int32_t>();
  // Check the shape, so that damaged bytes cannot send a lookup out of
  // bounds. Linear in the automaton, with no allocation per element.
  const size_t n = fail_.size();
  const size_t phrases = phrase_begin_.empty() ? 0 : phrase_begin_.size() - 1;
  bool ok = r->ok() && n > 0 && phrases > 0 && payload_begin_.size() == phrases + 1 && word_edges_.size() == phrases &&
            phrase_begin_.back() == phrase_bytes_.size() && payload_begin_.back() == payload_.size() &&
            child_begin_.size() == n + 1 && child_byte_.size() == child_node_.size() &&
            child_begin_[n] == child_byte_.size() && output_.size() == n && output_link_.size() == n &&
            root_next_.size() == 256;
  for (size_t i = 0; ok && i < phrases; ++i)
    ok = phrase_begin_[i] <= phrase_begin_[i + 1] && payload_begin_[i] <= payload_begin_[i + 1];
  for (size_t i = 0; ok && i < n; ++i)
    ok = child_begin_[i] <= child_begin_[i + 1] && static_cast<size_t>(fail_[i]) < n && output_[i] >= -1 &&
         output_[i] < static_cast<int32_t>(phrases) && output_link_[i] >= -1 &&
         output_link_[i] < static_cast<int32_t>(n);
  for (size_t i = 0; ok && i < child_node_.size(); ++i)
    ok = child_node_[i] > 0 && static_cast<size_t>(child_node_[i]) < n;
  for (size_t i = 0; ok && i < 256; ++i) ok = root_next_[i] >= 0 && static_cast<size_t>(root_next_[i]) < n;
  for (size_t i = 0; ok && i < phrases; ++i) ok = word_edges_[i] <= 3;
  ok = ok && phrase_begin_[0] == 0 && payload_begin_[0] == 0 && fail_[0] == 0 && output_[0] == -1 &&
       output_link_[0] == -1;
  return ok && BuildStepTables();
}

bool Matcher::CheckShape() const {
  // The children form a tree whose nodes are numbered after their parents
  // (as Build makes it), so one pass in order gives every node its depth.
  // A hit's start is its end minus its phrase's length: FindAll relies on
  // a phrase's length being the depth of the node it ends at, on fail and
  // output links leading to shallower nodes (so the depth reached is never
  // more than the bytes read, and no walk loops), and on output links
  // leading to nodes that end a phrase. Restore checked the ranges.
  const size_t n = fail_.size();
  constexpr uint32_t kUnseen = UINT32_MAX;
  std::vector<uint32_t> depth_storage(n, kUnseen);
  uint32_t* depth = depth_storage.data();
  const uint32_t* child_begin = child_begin_.data();
  const uint8_t* child_byte = child_byte_.data();
  const int32_t* child_node = child_node_.data();
  const int32_t* fail = fail_.data();
  const int32_t* output = output_.data();
  const int32_t* link = output_link_.data();
  const uint32_t* phrase_begin = phrase_begin_.data();
  depth[0] = 0;
  for (size_t node = 0; node < n; ++node) {
    const uint32_t d = depth[node];
    if (d == kUnseen) return false;  // not a child of any node
    const uint32_t first = child_begin[node], last = child_begin[node + 1];
    for (uint32_t e = first; e < last; ++e) {
      const size_t child = static_cast<size_t>(child_node[e]);
      if (child <= node || depth[child] != kUnseen || (e > first && child_byte[e] <= child_byte[e - 1])) return false;
      depth[child] = d + 1;
    }
  }
  // Links may lead to nodes numbered later: a second pass, depths known.
  for (size_t node = 1; node < n; ++node) {
    const uint32_t d = depth[node];
    const int32_t out = output[node], to = link[node];
    if (depth[fail[node]] >= d) return false;
    if (out >= 0 && phrase_begin[out + 1] - phrase_begin[out] != d) return false;
    if (to >= 0 && (output[to] < 0 || depth[to] >= d)) return false;
  }
  // The root's row is its children, and the root elsewhere.
  int32_t root[256] = {};
  for (uint32_t e = child_begin[0]; e < child_begin[1]; ++e) root[child_byte[e]] = child_node[e];
  return std::equal(root, root + 256, root_next_.begin());
}

bool Matcher::BuildStepTables() {
  const size_t n = fail_.size();
  const uint32_t* child_begin = child_begin_.data();
  const uint8_t* child_byte = child_byte_.data();
  const int32_t* child_node = child_node_.data();
  const int32_t* fail = fail_.data();
  auto ends = [this](int32_t next) { return output_[next] >= 0 || output_link_[next] >= 0 ? next | kEnds : next; };
  // Nodes that others fail to, and nodes with several children, keep
  // their whole list of exceptions; the others (most: one child) share
  // their fail node's, so the lists stay few and short to build.
  enum : uint8_t { kWhole = 1, kDone = 2 };
  std::vector<uint8_t> state(n, 0);
  for (size_t node = 1; node < n; ++node) {
    if (child_begin[node + 1] - child_begin[node] > 1) state[node] |= kWhole;
    state[static_cast<size_t>(fail[node])] |= kWhole;
  }
  state[0] = kWhole | kDone;
  step_.assign(n, StepNode{});
  StepNode* step = step_.data();
  rows_.resize(256);
  for (int c = 0; c < 256; ++c) rows_[c] = ends(root_next_[c]);
  step[0] = StepNode{rows_[0], 0, 0, 0, 0};
  ex_byte_.clear();
  ex_next_.clear();
  // A whole list extends its fail node's, so each node waits on `chain`
  // until the nodes its fail links lead to (all kept whole) are done; a
  // chain longer than the automaton is a damaged cycle.
  std::vector<uint32_t> chain;
  std::vector<uint32_t> own(256, 0);  // byte → node + 1 when the node has that child
  for (size_t i = 1; i < n; ++i) {
    if (state[i] != kWhole) continue;
    for (size_t at = i; !(state[at] & kDone); at = static_cast<size_t>(fail[at])) {
      if (chain.size() == n) return false;
      chain.push_back(static_cast<uint32_t>(at));
    }
    for (; !chain.empty(); chain.pop_back()) {
      const uint32_t node = chain.back();
      state[node] |= kDone;
      const StepNode f = step[fail[node]];
      const uint32_t first = child_begin[node], last = child_begin[node + 1];
      StepNode& s = step[node];
      if (last - first >= kDenseChildren && rows_.size() / 256 <= UINT8_MAX) {
        // Wide nodes (the first bytes of kana and kanji fan out to dozens
        // of children) get a full row: a scan of their children would be
        // long. Where they have no child they go where their fail node goes.
        const size_t row = rows_.size() / 256;
        rows_.resize(rows_.size() + 256);
        std::copy_n(&rows_[f.row * 256u], 256, &rows_[row * 256]);
        for (uint32_t e = f.ex; e < f.ex + f.ex_count; ++e) rows_[row * 256 + ex_byte_[e]] = ex_next_[e];
        for (uint32_t e = first; e < last; ++e) rows_[row * 256 + child_byte[e]] = ends(child_node[e]);
        s = StepNode{rows_[row * 256], 0, 0, 0, static_cast<uint8_t>(row)};
        continue;
      }
      if (ex_byte_.size() + (last - first) + f.ex_count > UINT32_MAX) return false;  // damaged: huge
      // Its children, then its fail node's exceptions for other bytes.
      s = StepNode{0, static_cast<uint32_t>(ex_byte_.size()), 0, 0, f.row};
      for (uint32_t e = first; e < last; ++e) {
        if (own[child_byte[e]] == node + 1) continue;  // damaged: a byte twice
        own[child_byte[e]] = node + 1;
        ex_byte_.push_back(child_byte[e]);
        ex_next_.push_back(ends(child_node[e]));
      }
      for (uint32_t e = f.ex; e < f.ex + f.ex_count; ++e) {
        if (own[ex_byte_[e]] == node + 1) continue;
        ex_byte_.push_back(ex_byte_[e]);
        ex_next_.push_back(ex_next_[e]);
      }
      s.ex_count = static_cast<uint16_t>(ex_byte_.size() - s.ex);
      // The entry repeats the first exception (or agrees with the row).
      s.byte = s.ex_count > 0 ? ex_byte_[s.ex] : 0;
      s.next = s.ex_count > 0 ? ex_next_[s.ex] : rows_[s.row * 256u];
    }
  }
  // The others: their fail node's entry, exceptions and row, with their
  // child, if any, as the entry (checked first, so it wins).
  for (size_t node = 1; node < n; ++node) {
    if (state[node] & kDone) continue;
    StepNode& s = step[node];
    s = step[fail[node]];
    if (child_begin[node + 1] > child_begin[node]) {
      s.byte = child_byte[child_begin[node]];
      s.next = ends(child_node[child_begin[node]]);
    }
  }
  return true;
}
