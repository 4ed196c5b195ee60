// tsunagu: parse the command line, load the model and its compiled
// lexicon (embedded, or from --data/--rules), run one command. For a case
// the pipeline is triage.cpp: understand (facts.cpp) → fire rules and
// alerts (rules.cpp) → rank (rank.cpp) → render (render_*.cpp).
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "cli.h"
#include "commands.h"
#include "data_version.h"
#include "embedded.h"

int Fail(const Status& s) {
  std::fprintf(stderr, "tsunagu: %s\n", s.ToString().c_str());
  return ExitCodeFor(s);
}

bool UseColor() { return isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr; }

int TerminalWidth() {
  struct winsize size;
  if (!isatty(STDOUT_FILENO) || ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0) return 0;
  return size.ws_col;
}

int main(int argc, char** argv) {
  CliOptions options;
  int code = ParseCommandLine(argc, argv, &options);
  if (code >= 0) return code;
  if (options.command == "check") return RunCheck(options);
  if (options.command == "version") return RunVersion(options);
  if (options.command == "export-data") return RunExportData(options);

  Model model;
  Lexicon lexicon;
  Status s = LoadModelFor(options.data_dir, options.rules_dir, &model, &lexicon);
  if (s.ok()) s = DataVersion(options.data_dir, options.rules_dir, &model.data_version);
  if (!s.ok()) return Fail(s);

  CommandContext context{model, lexicon, options};
  if (options.command == "agencies") return RunAgencies(context);
  if (options.command == "test") return RunTest(context);
  if (options.command == "batch") return RunBatch(context);
  if (options.command == "explain") return RunExplain(context);
  if (options.command == "graph") return RunGraph(context);
  if (options.command == "diff") return RunDiff(context);
  if (options.command == "shell") return RunShell(context);
  if (options.command == "completion") return RunCompletion(context);
  return RunQuery(context);
}
