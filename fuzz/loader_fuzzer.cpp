// Fuzz target: the YAML loaders. The first byte picks the file kind; the
// rest is its text. Rule files are loaded on top of the shipped agencies
// and lexicon, so references resolve and the deeper checks run.
#include <cstddef>
#include <cstdint>
#include <string>

#include "embedded.h"
#include "load_data.h"
#include "load_rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static Model shipped;
  static bool loaded = LoadEmbeddedModel(&shipped).ok();
  if (!loaded) __builtin_trap();
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  Model model;
  switch (data[0] % 5) {
    case 0: LoadAgencies(text, "agencies.yaml", &model); break;
    case 1: LoadCrisis(text, "crisis.yaml", &model); break;
    case 2: LoadLexicon(text, "lexicon.yaml", &model); break;
    case 3:
      model.agencies = shipped.agencies;
      model.facts = shipped.facts;
      LoadRouting(text, "routing.yaml", &model);
      break;
    default:
      model.agencies = shipped.agencies;
      model.crisis = shipped.crisis;
      model.facts = shipped.facts;
      LoadAlerts(text, "alerts.yaml", &model);
  }
  return 0;
}
