// Command-line parsing (CLI11 wiring only). `tsunagu TEXT` is short for
// `tsunagu query TEXT`. Environment: TSUNAGU_DATA, TSUNAGU_RULES,
// TSUNAGU_LANG.
#ifndef TSUNAGU_CLI_H_
#define TSUNAGU_CLI_H_

#include <string>
#include <vector>

#include "cli_spec.h"
#include "model.h"

struct CliOptions {
  std::string command;            // "query", "agencies", "test", "batch"
  std::vector<std::string> text;  // query words (joined with spaces)
  std::string format;             // empty = the command's default
  Lang lang = Lang::kJa;
  int top = 0;
  std::string at;  // --at: the moment for open-now (empty = now)
  std::string data_dir, rules_dir;
  std::string agency;              // agencies [ID]
  std::vector<std::string> files;  // test FILES
  double min_coverage = 0;         // test --min-coverage
  bool show_pending = false;       // test --show-pending
  // batch
  std::string input = "-";
  std::string input_format;  // empty = from the extension
  std::string output;        // empty = stdout
  bool split = false, force = false;
  int jobs = 1;
  int stale_days = -1;            // check --stale [DAYS] (-1: not asked)
  std::string encoding = "auto";  // batch --encoding (checked by batch)
  bool excel = false;             // batch --excel: CSV with a BOM and CRLF
  // explain, graph, diff
  std::string why_not;                      // explain --why-not AGENCY
  std::string case_text;                    // graph --case TEXT
  std::string old_data_dir, old_rules_dir;  // diff: the old version (CASES in files)
  bool exit_code = false;                   // diff: exit 1 when an answer changed
  std::string history;                      // shell --history FILE (else in memory only)
  std::string color = "auto";               // --color auto|always|never
  // issue 12: installed like a Debian tool
  bool version = false;          // --version (command "version")
  std::string shell;             // completion SHELL
  CommandLineSpec command_line;  // completion: the parser's commands and options
  std::string export_dir;        // export-data DIR (--force: overwrite)
};

/// Parses argv. Returns -1 to go on, or an exit code when parsing already
/// finished the run (--help printed, or a usage error reported).
int ParseCommandLine(int argc, char** argv, CliOptions* out);

extern const char kVersion[];

#endif  // TSUNAGU_CLI_H_
