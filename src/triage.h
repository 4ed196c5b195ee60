// Triage: the whole pipeline for one case (understand → rules → alerts →
// rank), for callers that run many cases (scenario tests, batch).
//
// Threading: one model, lexicon and index may serve many threads, each with its
// own CaseResult; the steps keep per-thread scratch (facts.h, rules.h,
// rank.h). *out is refilled, reusing its storage; it holds views into the
// model and must not outlive it.
#ifndef TSUNAGU_TRIAGE_H_
#define TSUNAGU_TRIAGE_H_

#include <string_view>

#include "lexicon.h"
#include "model.h"
#include "result.h"
#include "rule_index.h"
#include "status.h"

/// Fails only when the text cannot be read (invalid UTF-8, too long). The
/// lexicon and the index are the model's (built from it).
Status Triage(const Model& model, const Lexicon& lexicon, const RuleIndex& index, std::string_view text,
              CaseResult* out, const GivenAges* given = nullptr);

#endif  // TSUNAGU_TRIAGE_H_
