#include "matcher.h"

#include <algorithm>
#include <queue>

namespace {
bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
}  // namespace

void Matcher::Add(const std::string& phrase, int payload) {
  if (phrase.empty()) return;
  for (Phrase& p : phrases_) {
    if (p.text == phrase) {
      if (std::find(p.payloads.begin(), p.payloads.end(), payload) == p.payloads.end())
        p.payloads.push_back(payload);
      return;
    }
  }
  Phrase p;
  p.text = phrase;
  p.payloads.push_back(payload);
  p.word_start = IsWordByte(static_cast<unsigned char>(phrase.front()));
  p.word_end = IsWordByte(static_cast<unsigned char>(phrase.back()));
  phrases_.push_back(std::move(p));
}

int Matcher::Child(int node, unsigned char c) const {
  const auto& children = nodes_[node].children;
  auto it = std::lower_bound(children.begin(), children.end(), std::make_pair(c, -1));
  return it != children.end() && it->first == c ? it->second : -1;
}

int Matcher::Step(int node, unsigned char c) const {
  while (node != 0) {
    int child = Child(node, c);
    if (child >= 0) return child;
    node = nodes_[node].fail;
  }
  return root_next_[c];
}

void Matcher::Build() {
  nodes_.assign(1, Node());
  for (size_t i = 0; i < phrases_.size(); ++i) {
    int node = 0;
    for (unsigned char c : phrases_[i].text) {
      int child = Child(node, c);
      if (child < 0) {
        child = static_cast<int>(nodes_.size());
        auto& children = nodes_[node].children;
        children.insert(std::lower_bound(children.begin(), children.end(), std::make_pair(c, -1)),
                        std::make_pair(c, child));
        nodes_.emplace_back();
      }
      node = child;
    }
    nodes_[node].output = static_cast<int>(i);
  }
  std::fill(std::begin(root_next_), std::end(root_next_), 0);
  std::queue<int> queue;
  for (const auto& [c, child] : nodes_[0].children) {
    root_next_[c] = child;
    queue.push(child);
  }
  // Breadth-first, so a node's fail target is complete before its children.
  while (!queue.empty()) {
    int node = queue.front();
    queue.pop();
    int fail = nodes_[node].fail;
    nodes_[node].output_link = nodes_[fail].output >= 0 ? fail : nodes_[fail].output_link;
    for (const auto& [c, child] : nodes_[node].children) {
      nodes_[child].fail = node == 0 ? 0 : Step(fail, c);
      queue.push(child);
    }
  }
  nodes_[0].output_link = -1;
}

std::vector<Matcher::Hit> Matcher::FindAll(std::string_view text) const {
  std::vector<Hit> hits;
  if (nodes_.empty()) return hits;
  int node = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    node = Step(node, static_cast<unsigned char>(text[i]));
    for (int n = nodes_[node].output >= 0 ? node : nodes_[node].output_link; n >= 0;
         n = nodes_[n].output_link) {
      int id = nodes_[n].output;
      const Phrase& p = phrases_[id];
      Hit h;
      h.end = i + 1;
      h.begin = h.end - p.text.size();
      h.phrase = id;
      if (p.word_start && h.begin > 0 && IsWordByte(static_cast<unsigned char>(text[h.begin - 1])))
        continue;
      if (p.word_end && h.end < text.size() && IsWordByte(static_cast<unsigned char>(text[h.end])))
        continue;
      hits.push_back(h);
    }
  }
  return hits;
}

std::vector<Matcher::Hit> Matcher::FindLongest(std::string_view text) const {
  std::vector<Hit> all = FindAll(text);
  std::sort(all.begin(), all.end(), [](const Hit& a, const Hit& b) {
    size_t la = a.end - a.begin, lb = b.end - b.begin;
    if (la != lb) return la > lb;
    return a.begin < b.begin;
  });
  std::vector<bool> taken(text.size(), false);
  std::vector<Hit> chosen;
  for (const Hit& h : all) {
    bool free = true;
    for (size_t i = h.begin; i < h.end && free; ++i) free = !taken[i];
    if (!free) continue;
    for (size_t i = h.begin; i < h.end; ++i) taken[i] = true;
    chosen.push_back(h);
  }
  std::sort(chosen.begin(), chosen.end(), [](const Hit& a, const Hit& b) { return a.begin < b.begin; });
  return chosen;
}
