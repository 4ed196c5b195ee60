// CaseResult: everything the pipeline produced for one case, handed to the
// renderers. Plain data; main fills it stage by stage.
#ifndef TSUNAGU_RESULT_H_
#define TSUNAGU_RESULT_H_

#include <vector>

#include "facts.h"
#include "rank.h"
#include "rules.h"

struct CaseResult {
  Understanding understanding;
  std::vector<Firing> rules;
  std::vector<Firing> alerts;
  Ranking ranking;
};

#endif  // TSUNAGU_RESULT_H_
