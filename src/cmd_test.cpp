// `tsunagu test`: scenario files, failures, rule coverage.
#include <cstdio>

#include "commands.h"
#include "load_model.h"
#include "render.h"
#include "scenario.h"

namespace {

std::string Percent(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f%%", value);
  return text;
}

}  // namespace

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
  // Failures quote the case texts of the scenario files.
  std::string out;
  for (const std::string& f : report.failures) out += "FAIL " + VisibleControls(f) + "\n";
  if (options.show_pending)
    for (const std::string& p : report.pendings) out += "PENDING " + VisibleControls(p) + "\n";
  std::string unfired, unreached;
  for (size_t i = 0; i < model.rules.size(); ++i)
    if (!report.rule_fired[i]) unfired += " " + model.rules[i].id;
  for (size_t i = 0; i < model.alerts.size(); ++i)
    if (!report.alert_fired[i]) unfired += " " + model.alerts[i].id;
  for (size_t i = 0; i < model.agencies.size(); ++i)
    if (!report.agency_returned[i]) unreached += " " + model.agencies[i].id;
  double coverage = report.RuleCoverage();
  out += "rule coverage: " + Percent(coverage) + " of " + std::to_string(model.rules.size() + model.alerts.size()) +
         " rules and alerts\n";
  if (!unfired.empty()) out += "rules never fired:" + unfired + "\n";
  if (!unreached.empty()) out += "agencies never returned:" + unreached + "\n";
  out += std::to_string(report.passed) + " passed, " + std::to_string(report.failed) + " failed";
  if (report.pending > 0)
    out += ", " + std::to_string(report.pending) +
           " pending (cases not read right yet, kept as tests; --show-pending lists them)";
  out += "\n";
  int code = kExitOk;
  if (report.failed > 0) {
    code = kExitTestsFailed;
  } else if (coverage < options.min_coverage) {
    out += "coverage " + Percent(coverage) + " is below --min-coverage " + Percent(options.min_coverage) + "\n";
    code = kExitTestsFailed;
  }
  WriteOut(out);
  return code;
}
