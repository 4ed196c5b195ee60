// tsunagu: the pipeline in call order. Parse the command line, load the
// model, build the lexicon, then for a case: understand → fire rules and
// alerts → rank → render. Only this file prints and chooses exit codes.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <string>

#include "cli.h"
#include "embedded.h"
#include "facts.h"
#include "lexicon.h"
#include "rank.h"
#include "render.h"
#include "result.h"
#include "rules.h"
#include "scenario.h"
#include "load_model.h"

namespace {

int Fail(const Status& s) {
  std::fprintf(stderr, "tsunagu: %s\n", s.ToString().c_str());
  return ExitCodeFor(s);
}

std::string JoinText(const std::vector<std::string>& words) {
  if (words.size() == 1 && words[0] == "-")
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  std::string text;
  for (const std::string& w : words) text += (text.empty() ? "" : " ") + w;
  return text;
}

bool UseColor() { return isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr; }

int RunQuery(const Model& model, const Lexicon& lexicon, const CliOptions& options) {
  CaseResult result;
  Status s = Understand(model, lexicon, JoinText(options.text), &result.understanding);
  if (!s.ok()) return Fail(s);
  result.rules = FireRules(model, result.understanding);
  result.alerts = FireAlerts(model, result.understanding);
  result.ranking = Rank(model, result.understanding, result.rules, result.alerts);

  RenderOptions render;
  render.lang = options.lang;
  render.top = options.top;
  render.color = UseColor();
  std::string out = options.format == "json" ? RenderJson(model, result, render) + "\n"
                                             : RenderTable(model, result, render);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

int RunAgencies(const Model& model, const CliOptions& options) {
  int only = -1;
  if (!options.agency.empty()) {
    only = model.FindAgency(options.agency);
    if (only < 0) {
      std::string ids;
      for (const Agency& a : model.agencies) ids += " " + a.id;
      return Fail(Status::Usage("no agency '" + options.agency + "'; known ids:" + ids));
    }
  }
  RenderOptions render;
  render.lang = options.lang;
  render.color = UseColor();
  std::string out = options.format == "json" ? RenderAgenciesJson(model, only) + "\n"
                                             : RenderAgencies(model, only, render);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

int RunTest(const Model& model, const Lexicon& lexicon, const CliOptions& options) {
  std::vector<Scenario> cases;
  for (const std::string& file : options.files) {
    std::string text;
    Status s = ReadFile(file, &text);
    if (s.ok()) s = LoadScenarios(text, file, model, &cases);
    if (!s.ok()) return Fail(s);
  }
  ScenarioReport report;
  RunScenarios(model, lexicon, cases, &report);
  for (const std::string& f : report.failures) std::printf("FAIL %s\n", f.c_str());
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
  std::printf("%d passed, %d failed\n", report.passed, report.failed);
  if (report.failed > 0) return kExitTestsFailed;
  if (coverage < options.min_coverage) {
    std::printf("coverage %.1f%% is below --min-coverage %.1f%%\n", coverage, options.min_coverage);
    return kExitTestsFailed;
  }
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  CliOptions options;
  int code = ParseCommandLine(argc, argv, &options);
  if (code >= 0) return code;

  Model model;
  Lexicon lexicon;
  Status s = LoadModelFor(options.data_dir, options.rules_dir, &model, &lexicon);
  if (!s.ok()) return Fail(s);

  if (options.command == "agencies") return RunAgencies(model, options);
  if (options.command == "test") return RunTest(model, lexicon, options);
  return RunQuery(model, lexicon, options);
}
