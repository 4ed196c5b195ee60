#include "matcher.h"

#include <algorithm>
#include <numeric>
#include <queue>

#include "binary_io.h"

namespace {
bool IsWordByte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
}  // namespace

struct Matcher::Storage {
  std::string phrase_bytes;
  std::vector<uint32_t> phrase_begin, payload_begin, child_begin;
  std::vector<int32_t> payload, child_node, fail, output, output_link, root_next;
  std::vector<uint8_t> word_edges, child_byte;
};

void Matcher::Add(std::string phrase, int payload) {
  if (phrase.empty()) return;
  adding_.push_back({std::move(phrase), payload});
}

int Matcher::StepSparse(int node, unsigned char c) const {
  while (node != 0) {
    const uint8_t* first = child_byte_.data + child_begin_[node];
    const uint8_t* last = child_byte_.data + child_begin_[node + 1];
    const uint8_t* it = std::lower_bound(first, last, c);
    if (it != last && *it == c) return child_node_[static_cast<size_t>(it - child_byte_.data)];
    node = fail_[node];
  }
  return root_next_[c];
}

void Matcher::Build() {
  auto built = std::make_shared<Storage>();
  Storage& t = *built;
  // The additions in byte order of their phrases (bytes compared
  // unsigned), a phrase's additions together in the order added: each
  // run of one phrase is numbered by its first addition, and its payloads
  // are those of its additions, each once.
  std::vector<int> order(adding_.size());
  std::iota(order.begin(), order.end(), 0);
  auto phrase_at = [&](size_t k) -> const std::string& { return adding_[static_cast<size_t>(order[k])].phrase; };
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return adding_[static_cast<size_t>(a)].phrase < adding_[static_cast<size_t>(b)].phrase;
  });
  struct Run {
    size_t first, end;  // order[first, end)
    int number = 0;
  };
  std::vector<Run> runs;  // in byte order
  for (size_t k = 0; k < order.size(); ++k) {
    if (k > 0 && phrase_at(k) == phrase_at(k - 1)) runs.back().end = k + 1;
    else runs.push_back({k, k + 1});
  }
  std::vector<size_t> by_number(runs.size());
  std::iota(by_number.begin(), by_number.end(), size_t{0});
  std::sort(by_number.begin(), by_number.end(),
            [&](size_t a, size_t b) { return order[runs[a].first] < order[runs[b].first]; });
  t.phrase_begin.assign(1, 0);
  t.payload_begin.assign(1, 0);
  size_t bytes = 0;
  for (size_t number = 0; number < by_number.size(); ++number) {
    Run& run = runs[by_number[number]];
    run.number = static_cast<int>(number);
    const std::string& phrase = phrase_at(run.first);
    bytes += phrase.size();
    t.phrase_bytes += phrase;
    t.phrase_begin.push_back(static_cast<uint32_t>(t.phrase_bytes.size()));
    const size_t payloads = t.payload.size();
    for (size_t k = run.first; k < run.end; ++k) {
      const int payload = adding_[static_cast<size_t>(order[k])].payload;
      if (std::find(t.payload.begin() + static_cast<std::ptrdiff_t>(payloads), t.payload.end(), payload) ==
          t.payload.end())
        t.payload.push_back(payload);
    }
    t.payload_begin.push_back(static_cast<uint32_t>(t.payload.size()));
    t.word_edges.push_back(static_cast<uint8_t>((IsWordByte(static_cast<unsigned char>(phrase.front())) ? 1 : 0) |
                                                (IsWordByte(static_cast<unsigned char>(phrase.back())) ? 2 : 0)));
  }
  // The trie, straight into its flat arrays. The phrases come in byte
  // order, so each starts where it parts from the one before, nodes are
  // numbered depth first, and a node's children are numbered in byte
  // order: filled in the order numbered, each node's list of children is
  // sorted, with no search among siblings (after a Japanese lead byte
  // there are up to 64).
  std::vector<int32_t> parent{-1};
  std::vector<uint8_t> byte{0};
  parent.reserve(bytes + 1);
  byte.reserve(bytes + 1);
  t.output.reserve(bytes + 1);
  t.output.assign(1, -1);
  std::vector<int32_t> path{0};  // the nodes of the previous phrase, root first
  std::string_view previous;
  for (const Run& run : runs) {
    const std::string& phrase = phrase_at(run.first);
    size_t common = 0;  // distinct phrases: never the whole of both
    while (common < previous.size() && common < phrase.size() && previous[common] == phrase[common]) ++common;
    path.resize(common + 1);
    for (size_t k = common; k < phrase.size(); ++k) {
      path.push_back(static_cast<int32_t>(parent.size()));
      parent.push_back(path[path.size() - 2]);
      byte.push_back(static_cast<uint8_t>(phrase[k]));
      t.output.push_back(-1);
    }
    t.output[static_cast<size_t>(path.back())] = run.number;
    previous = phrase;
  }
  const size_t n = parent.size();
  t.child_begin.assign(n + 1, 0);
  for (size_t node = 1; node < n; ++node) ++t.child_begin[static_cast<size_t>(parent[node]) + 1];
  for (size_t node = 0; node < n; ++node) t.child_begin[node + 1] += t.child_begin[node];
  t.child_byte.resize(n - 1);
  t.child_node.resize(n - 1);
  std::vector<uint32_t> filled(t.child_begin.begin(), t.child_begin.end() - 1);
  for (size_t node = 1; node < n; ++node) {
    const uint32_t slot = filled[static_cast<size_t>(parent[node])]++;
    t.child_byte[slot] = byte[node];
    t.child_node[slot] = static_cast<int32_t>(node);
  }
  t.fail.assign(n, 0);
  t.output_link.assign(n, -1);
  t.root_next.assign(256, 0);
  // The arrays are complete but for fail and output links: view them, so
  // that StepSparse can compute the links as they are filled in.
  View(*built, built);
  std::queue<int> queue;
  for (uint32_t k = t.child_begin[0]; k < t.child_begin[1]; ++k) {
    t.root_next[t.child_byte[k]] = t.child_node[k];
    queue.push(t.child_node[k]);
  }
  // Breadth-first, so a node's fail target is complete before its children.
  while (!queue.empty()) {
    const int node = queue.front();
    queue.pop();
    const int fail = t.fail[static_cast<size_t>(node)];
    const size_t at = static_cast<size_t>(fail);
    t.output_link[static_cast<size_t>(node)] = t.output[at] >= 0 ? fail : t.output_link[at];
    for (uint32_t k = t.child_begin[static_cast<size_t>(node)]; k < t.child_begin[static_cast<size_t>(node) + 1]; ++k) {
      const int child = t.child_node[k];
      t.fail[static_cast<size_t>(child)] = node == 0 ? 0 : StepSparse(fail, t.child_byte[k]);
      queue.push(child);
    }
  }
  t.output_link[0] = -1;
  adding_.clear();
}

void Matcher::View(const Storage& t, std::shared_ptr<const void> owner) {
  storage_ = std::move(owner);
  phrase_bytes_ = t.phrase_bytes;
  phrase_begin_ = t.phrase_begin;
  payload_begin_ = t.payload_begin;
  payload_ = t.payload;
  word_edges_ = t.word_edges;
  child_begin_ = t.child_begin;
  child_byte_ = t.child_byte;
  child_node_ = t.child_node;
  fail_ = t.fail;
  output_ = t.output;
  output_link_ = t.output_link;
  root_next_ = t.root_next;
}

void Matcher::FindAll(std::string_view text, std::vector<Hit>* hits) const {
  hits->clear();
  if (fail_.empty()) return;
  int node = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    node = StepSparse(node, static_cast<unsigned char>(text[i]));
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

void Matcher::FindLongest(std::string_view text, std::vector<Hit>* hits, MayShare may_share,
                          const void* context) const {
  FindAll(text, hits);
  std::vector<Hit>& all = *hits;
  std::sort(all.begin(), all.end(), [](const Hit& a, const Hit& b) {
    size_t la = a.end - a.begin, lb = b.end - b.begin;
    if (la != lb) return la > lb;
    return a.begin < b.begin;
  });
  // Keep, in place at the front, each hit that overlaps none kept before
  // it, marking the bytes kept hits cover: linear in the text and the
  // hits' lengths however many hits a long clause has. Only a hit on
  // covered bytes looks for the kept hits it meets, through the kept hits
  // starting at each byte: they are no shorter than it, so they start
  // less than the longest hit's length before it.
  thread_local std::vector<uint8_t> covered;
  thread_local std::vector<int32_t> starting;  // per byte: the last kept hit starting there, or -1
  thread_local std::vector<int32_t> next;      // per kept hit: the one kept before it at its byte, or -1
  covered.assign(text.size(), 0);
  if (may_share) {
    starting.assign(text.size(), -1);
    next.clear();
  }
  const size_t longest = all.empty() ? 0 : all.front().end - all.front().begin;
  size_t kept = 0;
  uint8_t* const c = covered.data();
  for (size_t i = 0; i < all.size(); ++i) {
    const Hit h = all[i];
    if (std::find(c + h.begin, c + h.end, 1) != c + h.end) {
      if (!may_share) continue;
      bool keep = true;
      for (size_t b = h.begin + 1 > longest ? h.begin + 1 - longest : 0; keep && b < h.end; ++b) {
        for (int32_t k = starting[b]; keep && k >= 0; k = next[static_cast<size_t>(k)]) {
          const Hit& o = all[static_cast<size_t>(k)];
          if (o.end <= h.begin) continue;
          keep = !(o.begin <= h.begin && h.end <= o.end) && may_share(context, o.phrase, h.phrase);
        }
      }
      if (!keep) continue;
    }
    std::fill(c + h.begin, c + h.end, 1);
    if (may_share) {
      next.push_back(starting[h.begin]);
      starting[h.begin] = static_cast<int32_t>(kept);
    }
    all[kept++] = h;
  }
  all.resize(kept);
  // No two kept hits start at one byte (the shorter would be inside).
  std::sort(all.begin(), all.end(), [](const Hit& a, const Hit& b) { return a.begin < b.begin; });
}

std::vector<Matcher::Hit> Matcher::FindAll(std::string_view text) const {
  std::vector<Hit> hits;
  FindAll(text, &hits);
  return hits;
}

size_t Matcher::SavedBytes() const {
  // Each array: its count and up to 7 bytes of padding, then its bytes.
  auto array = [](auto v) { return 16 + v.size * sizeof(*v.data); };
  return 8 + phrase_bytes_.size() + array(phrase_begin_) + array(payload_begin_) + array(payload_) +
         array(word_edges_) + array(child_begin_) + array(child_byte_) + array(child_node_) + array(fail_) +
         array(output_) + array(output_link_) + array(root_next_);
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

bool Matcher::Restore(Reader* r, std::shared_ptr<const void> owner, bool trusted) {
  *this = Matcher();
  storage_ = std::move(owner);
  phrase_bytes_ = r->View();
  phrase_begin_ = r->Span<uint32_t>();
  payload_begin_ = r->Span<uint32_t>();
  payload_ = r->Span<int32_t>();
  word_edges_ = r->Span<uint8_t>();
  child_begin_ = r->Span<uint32_t>();
  child_byte_ = r->Span<uint8_t>();
  child_node_ = r->Span<int32_t>();
  fail_ = r->Span<int32_t>();
  output_ = r->Span<int32_t>();
  output_link_ = r->Span<int32_t>();
  root_next_ = r->Span<int32_t>();
  if (r->ok() && CheckSizes() && (trusted || (CheckRanges() && CheckShape()))) return true;
  *this = Matcher();
  return false;
}

bool Matcher::CheckSizes() const {
  const size_t n = fail_.size;
  const size_t phrases = phrase_begin_.empty() ? 0 : phrase_begin_.size - 1;
  return n > 0 && phrases > 0 && payload_begin_.size == phrases + 1 && word_edges_.size == phrases &&
         phrase_begin_.back() == phrase_bytes_.size() && payload_begin_.back() == payload_.size &&
         child_begin_.size == n + 1 && child_byte_.size == child_node_.size && child_begin_[n] == child_byte_.size &&
         output_.size == n && output_link_.size == n && root_next_.size == 256;
}

bool Matcher::CheckRanges() const {
  // Every offset and index within its array, linear in the automaton
  // (CheckSizes passed).
  const size_t n = fail_.size;
  const size_t phrases = phrase_begin_.size - 1;
  bool ok = true;
  for (size_t i = 0; ok && i < phrases; ++i)
    ok = phrase_begin_[i] <= phrase_begin_[i + 1] && payload_begin_[i] <= payload_begin_[i + 1];
  for (size_t i = 0; ok && i < n; ++i)
    ok = child_begin_[i] <= child_begin_[i + 1] && static_cast<size_t>(fail_[i]) < n && output_[i] >= -1 &&
         output_[i] < static_cast<int32_t>(phrases) && output_link_[i] >= -1 &&
         output_link_[i] < static_cast<int32_t>(n);
  for (size_t i = 0; ok && i < child_node_.size; ++i)
    ok = child_node_[i] > 0 && static_cast<size_t>(child_node_[i]) < n;
  for (size_t i = 0; ok && i < 256; ++i) ok = root_next_[i] >= 0 && static_cast<size_t>(root_next_[i]) < n;
  for (size_t i = 0; ok && i < phrases; ++i) ok = word_edges_[i] <= 3;
  return ok && phrase_begin_[0] == 0 && payload_begin_[0] == 0 && fail_[0] == 0 && output_[0] == -1 &&
         output_link_[0] == -1;
}

bool Matcher::CheckShape() const {
  // The children form a tree whose nodes are numbered after their parents
  // (as Build makes it), so one pass in order gives every node its depth.
  // A hit's start is its end minus its phrase's length: FindAll relies on
  // a phrase's length being the depth of the node it ends at, on fail and
  // output links leading to shallower nodes (so the depth reached is never
  // more than the bytes read, and no walk loops), and on output links
  // leading to nodes that end a phrase. Restore checked the ranges.
  const size_t n = fail_.size;
  constexpr uint32_t kUnseen = UINT32_MAX;
  std::vector<uint32_t> depth_storage(n, kUnseen);
  uint32_t* depth = depth_storage.data();
  const uint32_t* child_begin = child_begin_.data;
  const uint8_t* child_byte = child_byte_.data;
  const int32_t* child_node = child_node_.data;
  const int32_t* fail = fail_.data;
  const int32_t* output = output_.data;
  const int32_t* link = output_link_.data;
  const uint32_t* phrase_begin = phrase_begin_.data;
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
  return std::equal(root, root + 256, root_next_.data);
}
