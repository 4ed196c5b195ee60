// Scenario tests: YAML files of cases with what a support worker expects
// (the format of tests/cases/*.yaml, documented in man/tsunagu.1), run
// through the whole pipeline. Also measures rule and agency coverage.
#ifndef TSUNAGU_SCENARIO_H_
#define TSUNAGU_SCENARIO_H_

#include <string>
#include <vector>

#include "lexicon.h"
#include "model.h"
#include "status.h"

struct Scenario {
  std::string name;  // optional
  std::string text;
  std::string file;
  int line = 0;
  std::vector<std::string> include, exclude, top3, facts, negated, roles_of;
  std::vector<std::vector<std::string>> roles;  // parallel to roles_of
  std::string first;
  std::string convener;  // agency id, or "none"
  int alert = -1;        // -1 = not checked, 0 = must not alert, 1 = must
  int unrecognized = -1;
  int fallback = -1;
  // person_age / parent_age: [min, max] the current age of the person of
  // concern / of the parent must lie in (-1 = not checked).
  int person_age_min = -1, person_age_max = -1;
  int parent_age_min = -1, parent_age_max = -1;
};

/// Parses a scenario file; checks agency and fact ids against the model.
Status LoadScenarios(const std::string& text, const std::string& name, const Model& model,
                     std::vector<Scenario>* out);

struct ScenarioReport {
  int passed = 0, failed = 0;
  std::vector<std::string> failures;  // one message per failed case
  std::vector<int> rule_fired;        // per rule: how many cases fired it
  std::vector<int> alert_fired;       // per alert
  std::vector<int> agency_returned;   // per agency: how many cases returned it
  double RuleCoverage() const;        // percent of rules and alerts fired
};

/// Runs the scenarios and fills report (failures say expected vs got).
void RunScenarios(const Model& model, const Lexicon& lexicon, const std::vector<Scenario>& cases,
                  ScenarioReport* report);

#endif  // TSUNAGU_SCENARIO_H_
