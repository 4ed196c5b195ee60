#include "triage.h"

#include "place.h"

Status Triage(const Model& model, const Lexicon& lexicon, const RuleIndex& index, std::string_view text,
              CaseResult* out, const GivenAges* given) {
  Status s = Understand(model, lexicon, index, text, &out->understanding, given);
  if (!s.ok()) return s;
  // Into the result's own storage: batch reuses one result for every case.
  FireRules(model, index, out->understanding, &out->rules);
  FireAlerts(model, index, out->understanding, &out->alerts);
  Rank(model, out->understanding, out->rules, out->alerts, &out->ranking);
  ChooseOffices(model, out->understanding, &out->ranking);
  return Status::Ok();
}
