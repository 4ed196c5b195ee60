// The shipped model and lexicon (built into the binary: src/embedded.h)
// for the tests that read cases as tsunagu does. Loaded once per test
// process, on first use, and shared read-only: a test that changes the
// model loads its own. If loading fails, the test that asked first fails
// (REQUIRE), and the next one to ask tries again.
#ifndef TSUNAGU_TESTS_SHIPPED_MODEL_H_
#define TSUNAGU_TESTS_SHIPPED_MODEL_H_

#include <doctest/doctest.h>

#include "embedded.h"
#include "lexicon.h"
#include "model.h"

struct ShippedModel {
  Model model;
  Lexicon lexicon;
  ShippedModel() {
    REQUIRE(LoadEmbeddedModel(&model).ok());
    REQUIRE(LoadEmbeddedLexicon(&lexicon).ok());
  }
};

/// The process's one ShippedModel.
inline const ShippedModel& Shipped() {
  static const ShippedModel shipped;
  return shipped;
}

#endif  // TSUNAGU_TESTS_SHIPPED_MODEL_H_
