// tsunagu: parse the command line, load the model and its compiled
// lexicon (embedded, or from --data/--rules), run one command. For a case
// the pipeline is triage.cpp: understand (facts.cpp) → fire rules and
// alerts (rules.cpp) → rank (rank.cpp) → render (render_*.cpp).
#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <iterator>
#include <optional>

#include "cli.h"
#include "commands.h"
#include "embedded.h"
#include "messages.h"
#include "utf8.h"

namespace {

// Standard output was a pipe whose reader went away: the status the shell
// shows for a process ended by SIGPIPE.
constexpr int kExitBrokenPipe = 128 + SIGPIPE;

// errno of the first failed WriteOut: stdio keeps only a flag, and a large
// write that bypasses its buffer leaves nothing for the final fflush to
// fail on again.
int first_write_errno = 0;

// A standard stream closed by the caller (`>&-`) is reopened on /dev/null
// the wrong way round (gnulib's stdopen): the next open() cannot take its
// descriptor — a data file or batch output would become "standard output"
// — and any use of it still fails with EBADF, as a closed one would.
void ReserveStandardDescriptors() {
  for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; ++fd) {
    if (fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    int got = open("/dev/null", fd == STDIN_FILENO ? O_WRONLY : O_RDONLY);
    if (got >= 0 && got != fd) {
      dup2(got, fd);
      close(got);
    }
  }
}

// Standard output is checked once, here, for every command: the bytes are
// flushed and closed, and a failure at any point of the run is reported
// (exit 5) whatever the command's own status was, since the output that
// carried it is lost. A reader that went away (EPIPE: `| head -1` with
// SIGPIPE ignored; by default SIGPIPE ends the process first) is not an
// error to report: exit 141 quietly, the status the shell shows when
// SIGPIPE ends a process.
int FinishStandardOutput(int code) {
  errno = 0;
  bool failed = std::fflush(stdout) != 0;
  int err = failed ? errno : 0;
  // std::cout writes through stdout (synced with stdio), so only its state
  // is left to look at.
  if (std::ferror(stdout) || std::cout.bad()) failed = true;
  if (first_write_errno != 0) err = first_write_errno;
  errno = 0;
  // A close that fails with EBADF after nothing failed is a stdout that was
  // never open and never used (gnulib's close_stream does the same).
  if (std::fclose(stdout) != 0 && !failed && errno != EBADF) {
    failed = true;
    err = errno;
  }
  if (!failed) return code;
  if (err == EPIPE) return kExitBrokenPipe;
  std::fputs(
      TrF("tsunagu: cannot write standard output: {}\n", err != 0 ? std::strerror(err) : Tr("write error")).c_str(),
      stderr);
  return kExitIo;
}

// --color: "auto" (a terminal without NO_COLOR), "always" or "never".
std::string color_mode = "auto";

int Run(int argc, char** argv) {
  // Before anything is measured for the terminal (help included).
  if (const char* wide = std::getenv("TSUNAGU_AMBIGUOUS_WIDE")) SetAmbiguousWide(std::strcmp(wide, "1") == 0);
  CliOptions options;
  int code = ParseCommandLine(argc, argv, &options);
  if (code >= 0) return code;
  color_mode = options.color;
  if (!options.at.empty()) {
    LocalTime at;
    Status s = ParseMoment(options.at, &at);
    if (!s.ok()) return Fail(s);
  }
  if (options.command == "check") return RunCheck(options);
  if (options.command == "version") return RunVersion(options);
  if (options.command == "export-data") return RunExportData(options);

  // Never freed: the process ends when the command returns, and freeing a
  // model string by string is work the system does at once on exit (at
  // 100x the rules, ~16 M instructions of a warm query's ~100 M). Static,
  // so that they stay reachable (no leak reported).
  static Model* const the_model = new Model;
  static Lexicon* const the_lexicon = new Lexicon;
  Model& model = *the_model;
  Lexicon& lexicon = *the_lexicon;
  Status s = LoadModelFor(options.data_dir, options.rules_dir, &model, &lexicon);
  if (!s.ok()) return Fail(s);

  std::optional<RuleIndex> built;
  const RuleIndex& index = IndexOf(model, &built);
  CommandContext context{model, lexicon, index, options};
  if (options.command == "agencies") return RunAgencies(context);
  if (options.command == "test") return RunTest(context);
  if (options.command == "batch") return RunBatch(context);
  if (options.command == "explain") return RunExplain(context);
  if (options.command == "graph") return RunGraph(context);
  if (options.command == "diff") return RunDiff(context);
  if (options.command == "shell") return RunShell(context);
  if (options.command == "completion") return RunCompletion(context);
  if (options.command == "export") return RunExport(context);
  return RunQuery(context);
}

}  // namespace

LocalTime Moment(const CliOptions& options) {
  LocalTime at;
  if (!options.at.empty() && ParseMoment(options.at, &at).ok()) return at;
  return TokyoNow();
}

std::string CaseText(const std::vector<std::string>& words) {
  if (words.size() == 1 && words[0] == "-")
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  std::string text;
  for (const std::string& w : words) text += (text.empty() ? "" : " ") + w;
  return text;
}

int Fail(const Status& s) {
  std::fprintf(stderr, "tsunagu: %s\n", s.ToString().c_str());
  return ExitCodeFor(s);
}

void WriteOut(std::string_view bytes) {
  if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size() && first_write_errno == 0)
    first_write_errno = errno != 0 ? errno : EIO;
}

bool UseColor() {
  if (color_mode != "auto") return color_mode == "always";
  return isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
}

int TerminalWidth() {
  struct winsize size;
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  // Piped, or a terminal that does not say: COLUMNS when it is set.
  if (const char* columns = std::getenv("COLUMNS"); columns && *columns) {
    char* end = nullptr;
    const long n = std::strtol(columns, &end, 10);
    if (*end == '\0' && n >= 20 && n <= 1000) return static_cast<int>(n);
  }
  return 0;
}

int main(int argc, char** argv) {
  ReserveStandardDescriptors();
  return FinishStandardOutput(Run(argc, argv));
}
