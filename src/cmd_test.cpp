// `tsunagu test`: scenario files, failures, rule coverage.
#include <cstdio>

#include "commands.h"
#include "load_model.h"
#include "messages.h"
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
  RunScenarios(model, c.lexicon, c.index, cases, &report);
  // Failures quote the case texts of the scenario files.
  std::string out;
  for (const std::string& f : report.failures) out += TrF("FAIL {}\n", VisibleControls(f));
  if (options.show_pending)
    for (const std::string& p : report.pendings) out += TrF("PENDING {}\n", VisibleControls(p));
  std::string unfired, unreached;
  for (size_t i = 0; i < model.rules.size(); ++i)
    if (!report.rule_fired[i]) unfired += " " + model.rules[i].id;
  for (size_t i = 0; i < model.alerts.size(); ++i)
    if (!report.alert_fired[i]) unfired += " " + model.alerts[i].id;
  for (size_t i = 0; i < model.agencies.size(); ++i)
    if (!report.agency_returned[i]) unreached += " " + model.agencies[i].id;
  double coverage = report.RuleCoverage();
  out +=
      TrF("rule coverage: {0} of {1} rules and alerts\n", Percent(coverage), model.rules.size() + model.alerts.size());
  if (!unfired.empty()) out += TrF("rules never fired:{}\n", unfired);
  if (!unreached.empty()) out += TrF("agencies never returned:{}\n", unreached);
  if (report.pending > 0)
    out +=
        TrF("{} passed, {} failed, {} pending (cases not read right yet, kept as tests; --show-pending lists them)\n",
            report.passed, report.failed, report.pending);
  else out += TrF("{} passed, {} failed\n", report.passed, report.failed);
  int code = kExitOk;
  if (report.failed > 0) {
    code = kExitTestsFailed;
  } else if (coverage < options.min_coverage) {
    out += TrF("coverage {} is below --min-coverage {}\n", Percent(coverage), Percent(options.min_coverage));
    code = kExitTestsFailed;
  }
  WriteOut(out);
  return code;
}
