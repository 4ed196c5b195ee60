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

LocalTime Moment(const CliOptions& options) {
  LocalTime at;
  if (!options.at.empty() && ParseMoment(options.at, &at).ok()) return at;
  return TokyoNow();
}

int main(int argc, char** argv) {
  CliOptions options;
  int code = ParseCommandLine(argc, argv, &options);
  if (code >= 0) return code;
  if (!options.at.empty()) {
    LocalTime at;
    Status s = ParseMoment(options.at, &at);
    if (!s.ok()) return Fail(s);
  }
  if (options.command == "check") return RunCheck(options);

  Model model;
  Lexicon lexicon;
  Status s = LoadModelFor(options.data_dir, options.rules_dir, &model, &lexicon);
  if (!s.ok()) return Fail(s);

  CommandContext context{model, lexicon, options};
  if (options.command == "agencies") return RunAgencies(context);
  if (options.command == "test") return RunTest(context);
  if (options.command == "batch") return RunBatch(context);
  if (options.command == "explain") return RunExplain(context);
  if (options.command == "graph") return RunGraph(context);
  if (options.command == "diff") return RunDiff(context);
  return RunQuery(context);
}
