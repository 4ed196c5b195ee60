// Scenario tests: YAML files of cases with what a support worker expects
// (the format of tests/cases/*.yaml, in man/tsunagu.1 and docs/FORMAT.md), run
// through the whole pipeline. Also measures rule and agency coverage.
#ifndef TSUNAGU_SCENARIO_H_
#define TSUNAGU_SCENARIO_H_

#include <string>
#include <vector>

#include "lexicon.h"
#include "model.h"
#include "rule_index.h"
#include "status.h"

struct Scenario {
  std::string name;  // optional
  std::string text;
  std::string file;
  int line = 0;
  std::vector<std::string> include, exclude, top3, facts, not_facts, negated, roles_of;
  std::vector<std::vector<std::string>> roles;  // parallel to roles_of
  std::string first;
  std::string convener;  // agency id, or "none"
  int alert = -1;        // -1 = not checked, 0 = must not alert, 1 = must
  int unrecognized = -1;
  int fallback = -1;
  // The current age of the person of concern / the parent must be known and
  // lie within [lo, hi]; not known() = not checked, unless the matching
  // *_unknown says the text gives no current age for them.
  AgeRange person_age, parent_age;
  bool person_age_unknown = false, parent_age_unknown = false;
  std::vector<std::string> alert_kinds;  // each among the kinds of the fired alerts
  // The team's first contact (an agency id) or the first contact of the
  // first fired alert (a data/crisis.yaml id); agency ids are looked up first.
  std::string first_contact;
  bool first_contact_crisis = false;  // first_contact is a crisis contact id
  // Why the engine does not pass this case yet: it is run and kept, its
  // failure counted as pending; once it passes, the mark must go.
  std::string pending;
  // The first area said to be where they live (place.h), or "none"; empty:
  // not checked.
  std::string place;
  // The office chosen for a ranked agency with local offices: (agency id,
  // office id or "none").
  std::vector<std::pair<std::string, std::string>> offices;
};

/// Parses a scenario file; checks agency, fact, role, crisis contact ids
/// and alert kinds against the model: unknown ones are errors at
/// file:line:column (for alert kinds and first contacts, with a "did you
/// mean" when one is close).
Status LoadScenarios(const std::string& text, const std::string& name, const Model& model, std::vector<Scenario>* out);

struct ScenarioReport {
  int passed = 0, failed = 0, pending = 0;
  std::vector<std::string> failures;  // one message per failed case (a pending case that passes fails)
  std::vector<std::string> pendings;  // one message per pending case that still fails
  std::vector<int> rule_fired;        // per rule: how many cases fired it
  std::vector<int> alert_fired;       // per alert
  std::vector<int> agency_returned;   // per agency: how many cases returned it
  double RuleCoverage() const;        // percent of rules and alerts fired
};

/// Runs the scenarios and fills report (failures say expected vs got).
void RunScenarios(const Model& model, const Lexicon& lexicon, const RuleIndex& index,
                  const std::vector<Scenario>& cases, ScenarioReport* report);

#endif  // TSUNAGU_SCENARIO_H_
