#include "matcher.h"

#include <algorithm>
#include <map>
#include <queue>

#include "binary_io.h"

namespace {
bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
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

int Matcher::Step(int node, unsigned char c) const {
  // Wide nodes (the first bytes of kana and kanji fan out to dozens of
  // children) have a full row of next nodes: one load, where a binary
  // search mispredicted at every step.
  const int32_t row = dense_row_[node];
  if (row >= 0) return dense_next_[static_cast<size_t>(row) * 256 + c];
  return StepSparse(node, c);
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
  BuildDenseRows();
  index_.clear();
  adding_.clear();
  adding_payloads_.clear();
}

void Matcher::FindAll(std::string_view text, std::vector<Hit>* hits) const {
  hits->clear();
  if (fail_.empty()) return;
  int node = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    node = Step(node, static_cast<unsigned char>(text[i]));
    for (int at = output_[node] >= 0 ? node : output_link_[node]; at >= 0; at = output_link_[at]) {
      int id = output_[at];
      Hit h;
      h.end = i + 1;
      h.begin = h.end - (phrase_begin_[id + 1] - phrase_begin_[id]);
      h.phrase = id;
      if ((word_edges_[id] & 1) && h.begin > 0 && IsWordByte(static_cast<unsigned char>(text[h.begin - 1])))
        continue;
      if ((word_edges_[id] & 2) && h.end < text.size() && IsWordByte(static_cast<unsigned char>(text[h.end])))
        continue;
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
  bool ok = r->ok() && n > 0 && phrases > 0 && payload_begin_.size() == phrases + 1 &&
            word_edges_.size() == phrases && phrase_begin_.back() == phrase_bytes_.size() &&
            payload_begin_.back() == payload_.size() && child_begin_.size() == n + 1 &&
            child_byte_.size() == child_node_.size() && child_begin_[n] == child_byte_.size() &&
            output_.size() == n && output_link_.size() == n && root_next_.size() == 256;
  for (size_t i = 0; ok && i < phrases; ++i)
    ok = phrase_begin_[i] <= phrase_begin_[i + 1] && payload_begin_[i] <= payload_begin_[i + 1];
  for (size_t i = 0; ok && i < n; ++i)
    ok = child_begin_[i] <= child_begin_[i + 1] && static_cast<size_t>(fail_[i]) < n &&
         output_[i] >= -1 && output_[i] < static_cast<int32_t>(phrases) && output_link_[i] >= -1 &&
         output_link_[i] < static_cast<int32_t>(n);
  for (size_t i = 0; ok && i < child_node_.size(); ++i) ok = child_node_[i] > 0 && static_cast<size_t>(child_node_[i]) < n;
  for (size_t i = 0; ok && i < 256; ++i) ok = root_next_[i] >= 0 && static_cast<size_t>(root_next_[i]) < n;
  // Fail links must lead to the root: a damaged cycle would loop forever.
  for (size_t i = 0; ok && i < n; ++i) {
    size_t at = i, steps = 0;
    while (at != 0 && steps++ < n) at = static_cast<size_t>(fail_[at]);
    ok = at == 0;
  }
  if (ok) BuildDenseRows();
  return ok;
}

void Matcher::BuildDenseRows() {
  const size_t n = fail_.size();
  dense_row_.assign(n, -1);
  int32_t rows = 0;
  for (size_t node = 1; node < n; ++node)
    if (child_begin_[node + 1] - child_begin_[node] >= kDenseChildren) dense_row_[node] = rows++;
  dense_next_.assign(static_cast<size_t>(rows) * 256, -1);
  for (size_t node = 1; node < n; ++node)
    if (dense_row_[node] >= 0) FillDenseRow(static_cast<int>(node));
}

void Matcher::FillDenseRow(int node) {
  int32_t* row = &dense_next_[static_cast<size_t>(dense_row_[node]) * 256];
  if (row[0] >= 0) return;  // filled already (as the fail target of another)
  // Where the node has no child for a byte, it goes where its fail node
  // goes: copy that row when it is dense (filled first: fail links are
  // shallower, Restore checked that they end at the root), else step.
  const int fail = fail_[node];
  if (fail != 0 && dense_row_[fail] >= 0) {
    FillDenseRow(fail);
    std::copy_n(&dense_next_[static_cast<size_t>(dense_row_[fail]) * 256], 256, row);
  } else {
    for (int c = 0; c < 256; ++c) row[c] = StepSparse(fail, static_cast<unsigned char>(c));
  }
  for (uint32_t e = child_begin_[node]; e < child_begin_[node + 1]; ++e) row[child_byte_[e]] = child_node_[e];
}
