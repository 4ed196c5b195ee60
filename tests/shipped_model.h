// The shipped model, lexicon and rule index (built into the binary: src/embedded.h)
// for the tests that read cases as tsunagu does. Loaded once per test
// process, on first use, and shared read-only: a test that changes the
// model loads its own. If loading fails, the test that asked first fails
// (REQUIRE), and the next one to ask tries again.
#ifndef TSUNAGU_TESTS_SHIPPED_MODEL_H_
#define TSUNAGU_TESTS_SHIPPED_MODEL_H_

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "embedded.h"
#include "lexicon.h"
#include "load_model.h"
#include "model.h"
#include "rule_index.h"
#include "scenario.h"

struct ShippedModel {
  Model model;
  Lexicon lexicon;
  RuleIndex index;
  ShippedModel() {
    REQUIRE(LoadEmbeddedModel(&model).ok());
    REQUIRE(LoadEmbeddedLexicon(&lexicon).ok());
    index = RuleIndex(model);
  }
};

/// The process's one ShippedModel.
inline const ShippedModel& Shipped() {
  static const ShippedModel shipped;
  return shipped;
}

/// Loads scenario YAML (named `name`; it must load) against the shipped
/// model, runs it and returns the report; `count` gets the number of cases.
inline ScenarioReport RunShippedScenarios(const std::string& text, const std::string& name, int* count = nullptr) {
  std::vector<Scenario> cases;
  Status s = LoadScenarios(text, name, Shipped().model, &cases);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  ScenarioReport report;
  RunScenarios(Shipped().model, Shipped().lexicon, Shipped().index, cases, &report);
  if (count) *count = static_cast<int>(cases.size());
  return report;
}

/// The model read from the source tree's data/ and rules/ (not the
/// embedded copy), loaded once; for the tests that compare the two or
/// need the files' own positions.
inline const Model& SourceDirsModel() {
  static const Model* model = [] {
    Model* m = new Model();
    Status s = LoadModelFromDirs(TSUNAGU_SOURCE_DIR "/data", TSUNAGU_SOURCE_DIR "/rules", m);
    REQUIRE_MESSAGE(s.ok(), s.ToString());
    return m;
  }();
  return *model;
}

#endif  // TSUNAGU_TESTS_SHIPPED_MODEL_H_
