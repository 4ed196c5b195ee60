#include "triage.h"

Status Triage(const Model& model, const Lexicon& lexicon, std::string_view text, CaseResult* out,
              const GivenAges* given) {
  Status s = Understand(model, lexicon, text, &out->understanding, given);
  if (!s.ok()) return s;
  out->rules = FireRules(model, out->understanding);
  out->alerts = FireAlerts(model, out->understanding);
  out->ranking = Rank(model, out->understanding, out->rules, out->alerts);
  return Status::Ok();
}
