// Fuzz target: the query path — normalise, match, facts, rules, rank, and
// both renderers — on the shipped model, with arbitrary bytes as the case.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "embedded.h"
#include "render.h"
#include "triage.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Model model;
  static Lexicon lexicon;
  static bool loaded = LoadEmbeddedModel(&model).ok() && LoadEmbeddedLexicon(&lexicon).ok();
  if (!loaded) __builtin_trap();
  CaseResult result;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!Triage(model, lexicon, RuleIndex(model), text, &result).ok()) return 0;
  if (result.ranking.agencies.empty()) __builtin_trap();  // never an empty answer
  RenderOptions options;
  options.lang = size % 2 ? Lang::kEn : Lang::kJa;
  options.width = 80;
  RenderJson(model, result, options);
  RenderTable(model, result, options);
  return 0;
}
