// `tsunagu test`: scenario files, failures, rule coverage.
#include <cstdio>

#include "commands.h"
#include "load_model.h"
#include "scenario.h"

int RunTest(const CommandContext& c) {
  const Model& model = c.model;
  const CliOptions& options = c.options;
  std::vector<Scenario> cases;
  for (const std::string& file : options.files) {
    std::string text;
    Status s = ReadFile(file, &text);
    if (s.ok()) s = LoadScenarios(text, file, model, &cases);
    if (!s.ok()) return Fail(s);
  }
  ScenarioReport report;
  RunScenarios(model, c.lexicon, cases, &report);
  for (const std::string& f : report.failures) std::printf("FAIL %s\n", f.c_str());
  if (options.show_pending)
    for (const std::string& p : report.pendings) std::printf("PENDING %s\n", p.c_str());
  std::string unfired, unreached;
  for (size_t i = 0; i < model.rules.size(); ++i)
    if (!report.rule_fired[i]) unfired += " " + model.rules[i].id;
  for (size_t i = 0; i < model.alerts.size(); ++i)
    if (!report.alert_fired[i]) unfired += " " + model.alerts[i].id;
  for (size_t i = 0; i < model.agencies.size(); ++i)
    if (!report.agency_returned[i]) unreached += " " + model.agencies[i].id;
  double coverage = report.RuleCoverage();
  std::printf("rule coverage: %.1f%% of %zu rules and alerts\n", coverage,
              model.rules.size() + model.alerts.size());
  if (!unfired.empty()) std::printf("rules never fired:%s\n", unfired.c_str());
  if (!unreached.empty()) std::printf("agencies never returned:%s\n", unreached.c_str());
  if (report.pending > 0)
    std::printf("%d passed, %d failed, %d pending (cases not read right yet, kept as tests; --show-pending lists them)\n",
                report.passed, report.failed, report.pending);
  else
    std::printf("%d passed, %d failed\n", report.passed, report.failed);
  if (report.failed > 0) return kExitTestsFailed;
  if (coverage < options.min_coverage) {
    std::printf("coverage %.1f%% is below --min-coverage %.1f%%\n", coverage, options.min_coverage);
    return kExitTestsFailed;
  }
  return kExitOk;
}
