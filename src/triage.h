// Triage: the whole pipeline for one case (understand → rules → alerts →
// rank), for callers that run many cases (scenario tests, batch).
#ifndef TSUNAGU_TRIAGE_H_
#define TSUNAGU_TRIAGE_H_

#include <string_view>

#include "lexicon.h"
#include "model.h"
#include "result.h"
#include "status.h"

/// Fails only when the text cannot be read (invalid UTF-8, too long).
Status Triage(const Model& model, const Lexicon& lexicon, std::string_view text, CaseResult* out,
              const GivenAges* given = nullptr);

#endif  // TSUNAGU_TRIAGE_H_
