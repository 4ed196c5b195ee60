// CommandLineSpec: the subcommands and options of the command line, read
// from the parser itself (cli.cpp's CLI11 app), so `tsunagu completion`
// never lists an option the parser does not know or misses one it does.
// Plain data; filled once per run, read by cmd_completion.cpp.
#ifndef TSUNAGU_CLI_SPEC_H_
#define TSUNAGU_CLI_SPEC_H_

#include <string>
#include <vector>

/// What the value of an option or positional argument is, for completion.
enum class ValueKind { kNone, kText, kFile, kDirectory, kAgency, kChoice };

struct OptionSpec {
  std::vector<std::string> names;      // "-n", "--top"; empty for a positional
  std::string positional;              // a positional's name ("files"), else empty
  std::string description;             // first line of the help text
  ValueKind value = ValueKind::kNone;  // kNone: a flag
  std::vector<std::string> choices;    // kChoice: the accepted values
  bool many = false;                   // a positional that takes several values
};

struct CommandSpec {
  std::string name;                     // "query"; empty for the top level
  std::string description;              // first line of the help text
  std::vector<OptionSpec> options;      // its own options (not the shared ones)
  std::vector<OptionSpec> positionals;  // in order
};

struct CommandLineSpec {
  CommandSpec top;                    // the shared options (valid before and after a command)
  std::vector<CommandSpec> commands;  // in the order of `tsunagu --help`
};

/// The values `--format` accepts after a command ("" = no command, the
/// default query), as each cmd_*.cpp checks them.
std::vector<std::string> FormatChoices(const std::string& command);

namespace CLI {
class App;
}
/// Reads the spec from a fully built CLI11 app (options and subcommands).
CommandLineSpec DescribeCommandLine(const CLI::App& app);

#endif  // TSUNAGU_CLI_SPEC_H_
