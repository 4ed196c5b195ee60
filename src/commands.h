// Entry points of the subcommands, one file each (cmd_*.cpp), called by
// main once the model is loaded. Each returns the process exit code; they
// are the only places besides main that print.
#ifndef TSUNAGU_COMMANDS_H_
#define TSUNAGU_COMMANDS_H_

#include <string>
#include <string_view>
#include <vector>

#include "cli.h"
#include "lexicon.h"
#include "model.h"
#include "open_hours.h"
#include "rule_index.h"
#include "status.h"

struct CommandContext {
  const Model& model;
  const Lexicon& lexicon;
  const RuleIndex& index;  // model's (IndexOf)
  const CliOptions& options;
};

/// The case text of query and explain: the words joined by spaces, or all
/// of standard input when the only word is "-".
std::string CaseText(const std::vector<std::string>& words);
/// Prints "tsunagu: <status>" to stderr and returns its exit code.
int Fail(const Status& s);
/// Writes bytes to standard output (through stdio). Commands print only
/// with this; a failure is not returned but kept: main checks standard
/// output once, at exit, and reports the first error (exit 5).
void WriteOut(std::string_view bytes);
/// ANSI colour for stdout: --color always or never; by default (auto) only
/// a terminal, and only without NO_COLOR.
bool UseColor();
/// Columns of the terminal on stdout, else $COLUMNS (20..1000) when set;
/// 0 otherwise (no width limit).
int TerminalWidth();
/// The moment open-now is about: --at (checked by main) or now, in Tokyo.
LocalTime Moment(const CliOptions& options);

int RunQuery(const CommandContext& c);
int RunAgencies(const CommandContext& c);
int RunTest(const CommandContext& c);
int RunBatch(const CommandContext& c);

// Issue 3: trainers and data keepers.
int RunExplain(const CommandContext& c);
int RunGraph(const CommandContext& c);
int RunDiff(const CommandContext& c);
/// `tsunagu shell` / `tsunagu -i`: cases one after another at a prompt.
int RunShell(const CommandContext& c);
/// `tsunagu check` runs before (and instead of) loading the model: it
/// reports every problem the loaders and the lint find.
int RunCheck(const CliOptions& options);

// Issue 12: installed like a Debian tool.
/// `tsunagu completion SHELL`: a completion script for bash, zsh or fish.
int RunCompletion(const CommandContext& c);
/// `tsunagu export-data DIR`: the built-in YAML into DIR/data, DIR/rules.
int RunExportData(const CliOptions& options);
/// `tsunagu --version`: the program, data and rules versions.
int RunVersion(const CliOptions& options);

// Issue 13: standards for integrators.
/// `tsunagu export --format hsds`: the agencies as Open Referral HSDS 3.0.
int RunExport(const CommandContext& c);

#endif  // TSUNAGU_COMMANDS_H_
