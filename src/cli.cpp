#include "cli.h"

#include <CLI/CLI.hpp>

#include <cstdlib>

#include "cli_spec.h"
#include "status.h"

const char kVersion[] = TSUNAGU_VERSION;

namespace {

const char* const kCommands[] = {"query", "agencies", "test", "batch", "explain", "check", "graph", "diff", "shell",
                                  "completion", "export-data"};
// Options of the top-level app that take a value (for finding the text).
const char* const kValueOptions[] = {"--data", "--rules", "--lang", "--format", "--top", "-n", "-f", "-l",
                                     "-o", "--output", "--jobs", "-j", "--input-format"};

bool IsCommand(const std::string& arg) {
  for (const char* c : kCommands)
    if (arg == c) return true;
  return false;
}

// `tsunagu [options] TEXT...` → `tsunagu [options] query TEXT...`.
std::vector<std::string> InsertDefaultCommand(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") {
      args.insert(args.begin() + static_cast<long>(i), "query");
      return args;
    }
    if (!a.empty() && a[0] == '-' && a != "-") {
      bool takes_value = false;
      for (const char* o : kValueOptions) takes_value = takes_value || a == o;
      if (takes_value) ++i;
      continue;
    }
    if (!IsCommand(a)) args.insert(args.begin() + static_cast<long>(i), "query");
    return args;
  }
  return args;
}

}  // namespace

int ParseCommandLine(int argc, char** argv, CliOptions* out) {
  CLI::App app{
      "tsunagu (つなぐ): referral triage for hikikomori support in Niigata City's Nishi Ward.\n"
      "Give a case in Japanese or English; get the agencies to involve, ranked, with the role\n"
      "each plays. Example: tsunagu \"親が80代、息子は無職、生活が苦しい\"",
      "tsunagu"};
  app.add_flag("--version", out->version, "print the program's version and the data and rules version, then exit");
  app.require_subcommand(0, 1);
  std::string lang = "ja";
  if (const char* env = std::getenv("TSUNAGU_LANG"); env && *env) {
    lang = env;
    if (lang != "ja" && lang != "en") {
      std::fprintf(stderr, "tsunagu: TSUNAGU_LANG is '%s'; use ja or en\n", env);
      return kExitUsage;
    }
  }
  app.add_option("--data", out->data_dir, "directory with agencies.yaml and crisis.yaml (default: built in)")
      ->envname("TSUNAGU_DATA");
  app.add_option("--rules", out->rules_dir, "directory with lexicon.yaml, routing.yaml, alerts.yaml (default: built in)")
      ->envname("TSUNAGU_RULES");
  app.add_option("-l,--lang", lang, "output language: ja (default) or en; env TSUNAGU_LANG")
      ->check(CLI::IsMember({"ja", "en"}));
  app.add_option("-f,--format", out->format,
                 "output format: query/explain table|json; batch jsonl|csv|markdown|html; check/diff text|json;\n"
                 "graph dot|mermaid (each command checks its own)");

  app.add_option("-n,--top", out->top, "show only the first N agencies (query, batch)")->check(CLI::NonNegativeNumber);

  CLI::App* query = app.add_subcommand("query", "rank the agencies for a case (the default command)");
  query->fallthrough();
  query->add_option("text", out->text, "the case, in Japanese or English; - reads standard input")->required();


  CLI::App* agencies = app.add_subcommand("agencies", "list the agencies, or show one in full");
  agencies->fallthrough();
  agencies->add_option("id", out->agency, "agency id, e.g. hikikomori-center");

  CLI::App* test = app.add_subcommand("test", "run scenario files (YAML cases with expectations) and report rule coverage");
  test->fallthrough();
  test->add_option("files", out->files, "scenario files, e.g. tests/cases/*.yaml")->required();
  test->add_flag("--show-pending", out->show_pending,
                 "list the cases marked pending that still fail (known misreadings), with what they got");
  test->add_option("--min-coverage", out->min_coverage, "fail when fewer than PCT percent of rules fire")
      ->check(CLI::Range(0.0, 100.0));

  CLI::App* batch = app.add_subcommand("batch", "triage many cases: CSV, JSON Lines or text lines in; JSON Lines, CSV or referral sheets out");
  batch->fallthrough();
  batch->add_option("input", out->input, "input file, or - for standard input (default)");
  batch->add_option("--input-format", out->input_format, "csv, jsonl or text (default: from the file extension; text for stdin)")
      ->check(CLI::IsMember({"csv", "jsonl", "json", "ndjson", "text", "txt"}));
  batch->add_option("-o,--output", out->output, "write here instead of standard output (created 0600, atomically)");
  batch->add_flag("--split", out->split, "markdown/html: one sheet per case into the directory given by -o");
  batch->add_flag("--force", out->force, "replace existing output files");
  batch->add_option("-j,--jobs", out->jobs, "worker threads (output order and bytes do not depend on it)")
      ->check(CLI::Range(1, 256));

  CLI::App* explain = app.add_subcommand("explain", "trace a case step by step: words, facts, rules, scores, eligibility, ranking");
  explain->fallthrough();
  explain->add_option("text", out->text, "the case, in Japanese or English; - reads standard input")->required();
  explain->add_option("--why-not", out->why_not,
                      "AGENCY: why it is absent or low, and the smallest checked change that brings it in");

  CLI::App* check = app.add_subcommand("check", "validate the data and rule files (--data, --rules): every error and warning, with file:line:column");
  check->fallthrough();

  CLI::App* graph = app.add_subcommand("graph", "the routing logic as a picture: facts -> rules -> agencies, as Graphviz DOT or Mermaid");
  graph->fallthrough();
  graph->add_option("--case", out->case_text, "show only the part this case uses");

  CLI::App* diff = app.add_subcommand("diff", "how the answers for cases change between an old and the current rules/data");
  diff->fallthrough();
  diff->add_option("--rules,--old-rules", out->old_rules_dir,
                   "the OLD rules directory (after 'diff'; before 'diff', --rules names the new one)");
  diff->add_option("--data,--old-data", out->old_data_dir,
                   "the OLD data directory (after 'diff'; before 'diff', --data names the new one)");
  diff->add_flag("--exit-code", out->exit_code,
                 "exit 1 when any answer changed (as git diff --exit-code), to gate a rule edit in CI");
  diff->add_option("cases", out->files, "scenario YAML files, or text files with one case per line")->required();

  CLI::App* shell = app.add_subcommand(
      "shell", "cases one after another at a prompt (:help lists its commands); typed cases stay out of "
               "the shell history.\nExample: tsunagu shell");
  shell->fallthrough();
  shell->add_option("--history", out->history,
                    "keep the prompt's history in FILE (read at start, written 0600 at the end); default: memory only");
  CLI::App* completion = app.add_subcommand(
      "completion", "print a completion script for bash, zsh or fish (options, formats, agency ids).\n"
                    "Example: source <(tsunagu completion bash)");
  completion->fallthrough();
  completion->add_option("shell", out->shell, "bash, zsh or fish")->required()->check(CLI::IsMember({"bash", "zsh", "fish"}));

  CLI::App* export_data = app.add_subcommand(
      "export-data", "write the built-in data and rules as YAML into DIR/data and DIR/rules, to start editing.\n"
                     "Example: tsunagu export-data mydata && tsunagu --data mydata/data --rules mydata/rules check");
  export_data->fallthrough();
  export_data->add_option("dir", out->export_dir, "the directory to write into (created if missing)")->required();
  export_data->add_flag("--force", out->force, "replace existing files");

  bool interactive = false;
  app.add_flag("-i,--interactive", interactive, "the same as 'tsunagu shell'");

  app.footer(
      "Exit codes: 0 ok, 1 scenario tests failed, 2 usage, 3 bad text, 4 bad data or rule file,\n"
      "5 file not readable, 6 batch finished with error records, 70 internal error.\n"
      "See man tsunagu for the JSON format and the files.");

  std::vector<std::string> args = InsertDefaultCommand(argc, argv);
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 parses a reversed vector
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  out->lang = lang == "en" ? Lang::kEn : Lang::kJa;
  if (out->version) out->command = "version";
  else if (query->parsed()) out->command = "query";
  else if (agencies->parsed()) out->command = "agencies";
  else if (test->parsed()) out->command = "test";
  else if (batch->parsed()) out->command = "batch";
  else if (explain->parsed()) out->command = "explain";
  else if (check->parsed()) out->command = "check";
  else if (graph->parsed()) out->command = "graph";
  else if (diff->parsed()) out->command = "diff";
  else if (shell->parsed() || interactive) out->command = "shell";
  else if (export_data->parsed()) out->command = "export-data";
  else if (completion->parsed()) {
    out->command = "completion";
    out->command_line = DescribeCommandLine(app);
  }
  else {
    std::fprintf(stderr, "%s\nRun 'tsunagu --help' for more.\n",
                 "tsunagu: give a case to rank, e.g. tsunagu \"親が80代、息子は無職、生活が苦しい\"");
    return kExitUsage;
  }
  return -1;
}
