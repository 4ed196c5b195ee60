#include "cli_spec.h"

#include <CLI/CLI.hpp>

namespace {

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

// "TEXT:{ja,en}" (CLI::IsMember's description in the type name) → ja, en.
std::vector<std::string> MemberChoices(const std::string& type_name) {
  std::vector<std::string> choices;
  size_t open = type_name.find('{'), close = type_name.find('}');
  if (open == std::string::npos || close == std::string::npos || close < open) return choices;
  std::string list = type_name.substr(open + 1, close - open - 1);
  for (size_t start = 0; start <= list.size();) {
    size_t comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    if (comma > start) choices.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  return choices;
}

OptionSpec Describe(const CLI::Option& o, const std::string& command) {
  OptionSpec spec;
  spec.description = FirstLine(o.get_description());
  std::string key;
  if (o.get_positional() && o.get_lnames().empty() && o.get_snames().empty()) {
    spec.positional = o.get_name();
    spec.many = o.get_items_expected_max() > 1;
    key = spec.positional;
  } else {
    for (const std::string& s : o.get_snames()) spec.names.push_back("-" + s);
    for (const std::string& l : o.get_lnames()) spec.names.push_back("--" + l);
    key = spec.names.back();
  }
  if (o.get_expected_max() == 0 && spec.positional.empty()) return spec;  // a flag
  // What each value names: files, directories, agency ids. Keyed by the
  // long name, which cli.cpp uses for the same meaning in every command.
  if (key == "--data" || key == "--rules" || key == "--old-data" || key == "--old-rules" || key == "dir") {
    spec.value = ValueKind::kDirectory;
  } else if (key == "--output" || key == "--history" || key == "files" || key == "cases" || key == "input") {
    spec.value = ValueKind::kFile;
  } else if (key == "--why-not" || key == "id") {
    spec.value = ValueKind::kAgency;
  } else if (key == "--format") {
    spec.value = ValueKind::kChoice;
    spec.choices = FormatChoices(command);
  } else {
    spec.choices = MemberChoices(o.get_type_name());
    spec.value = spec.choices.empty() ? ValueKind::kText : ValueKind::kChoice;
  }
  return spec;
}

CommandSpec DescribeCommand(const CLI::App& app, const std::string& name) {
  CommandSpec c;
  c.name = name;
  c.description = FirstLine(app.get_description());
  for (const CLI::Option* o : app.get_options()) {
    if (o == app.get_help_ptr()) continue;  // completed as --help everywhere
    OptionSpec spec = Describe(*o, name);
    (spec.positional.empty() ? c.options : c.positionals).push_back(spec);
  }
  return c;
}

}  // namespace

std::vector<std::string> FormatChoices(const std::string& command) {
  // As cmd_*.cpp check them (tests/install_test.sh runs each one).
  if (command == "batch") return {"jsonl", "csv", "markdown", "html"};
  if (command == "check" || command == "diff") return {"text", "json"};
  if (command == "graph") return {"dot", "mermaid"};
  if (command == "export") return {"hsds"};
  return {"table", "json"};  // query, explain, agencies, shell
}

CommandLineSpec DescribeCommandLine(const CLI::App& app) {
  CommandLineSpec spec;
  spec.top = DescribeCommand(app, "");
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    spec.commands.push_back(DescribeCommand(*sub, sub->get_name()));
  return spec;
}
