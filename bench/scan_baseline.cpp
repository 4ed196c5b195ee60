// Baseline for the batch benchmark: only read the input lines and scan
// each for lexicon phrases (normalise + Aho–Corasick), the least any
// triage must do. Compare with `tsunagu batch` on the same file.
// Usage: build/bench/scan_baseline FILE
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "embedded.h"
#include "normalize.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: scan_baseline FILE\n");
    return 2;
  }
  Model model;
  Lexicon lexicon;
  if (!LoadEmbeddedModel(&model).ok() || !LoadEmbeddedLexicon(&lexicon).ok()) return 1;
  auto start = std::chrono::steady_clock::now();
  std::ifstream in(argv[1]);
  std::string line;
  size_t lines = 0, hits = 0;
  std::vector<Matcher::Hit> found;
  NormalizedText text;
  while (std::getline(in, line)) {
    ++lines;
    if (!Normalize(line, &text).ok()) continue;
    lexicon.Find(text.match, &found);
    hits += found.size();
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%zu lines, %zu phrase hits, %.3f s (%.2f us/line)\n", lines, hits, seconds,
              1e6 * seconds / static_cast<double>(lines));
  return 0;
}
