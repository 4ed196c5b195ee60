// The process-wide analyser (tokens.h) for tests that build a Lexicon
// from a model: the tests cannot run without it, so a failure aborts.
#ifndef TSUNAGU_TESTS_TEST_ANALYZER_H_
#define TSUNAGU_TESTS_TEST_ANALYZER_H_

#include <cstdlib>

#include "tokens.h"

inline const Analyzer& TheAnalyzer() {
  const Analyzer* a = nullptr;
  if (!Analyzer::Get(&a).ok()) std::abort();
  return *a;
}

#endif  // TSUNAGU_TESTS_TEST_ANALYZER_H_
