#include "cli.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>

#include "cli_spec.h"
#include "commands.h"
#include "edit_distance.h"
#include "messages.h"
#include "render.h"
#include "status.h"
#include "text_wrap.h"

const char kVersion[] = TSUNAGU_VERSION;

namespace {

const char* const kCommands[] = {"query", "agencies", "test",  "batch",      "explain",     "check",
                                 "graph", "diff",     "shell", "completion", "export-data", "export"};
// Options of the top-level app that take a value (for finding the text).
const char* const kValueOptions[] = {
    "--data", "--rules",  "--lang", "--format", "--top",          "-n",      "-f",   "-l",
    "-o",     "--output", "--jobs", "-j",       "--input-format", "--color", "--at", "--encoding"};

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

// Listed in every command's help: they apply before or after its name.
std::string CommonOptions() {
  return Tr(
      "Common options (before or after the command): --data DIR, --rules DIR, -l/--lang ja|en, "
      "-f/--format FORMAT, -n/--top N, --color auto|always|never.\n");
}

// A first word that is not a command but reads like a typo of one
// (qeury, batc, grpah): a usage error, not a case. Only ASCII words: a case
// starts in Japanese or with an English word no command is close to.
std::string MistypedCommand(const std::vector<std::string>& args) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") return "";
    if (!a.empty() && a[0] == '-' && a != "-") {
      for (const char* o : kValueOptions)
        if (a == o) ++i;
      continue;
    }
    if (IsCommand(a) || a.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") != std::string::npos) return "";
    const std::vector<std::string> commands(std::begin(kCommands), std::end(kCommands));
    std::string close = ClosestMatch(a, commands);
    return close.empty() ? "" : a + "\n" + close;
  }
  return "";
}

// Every option name of the app and its subcommands, for suggestions.
void OptionNames(const CLI::App& app, std::vector<std::string>* names) {
  for (const CLI::Option* o : app.get_options()) {
    for (const std::string& n : o->get_lnames()) names->push_back("--" + n);
  }
  for (const CLI::App* sub : app.get_subcommands({})) OptionNames(*sub, names);
}

// The first argument of the command line that looks like an option and is
// none of the app's: "--tpo" → "--top".
std::string UnknownOptionHint(const CLI::App& app, const std::vector<std::string>& args) {
  std::vector<std::string> names;
  OptionNames(app, &names);
  for (const std::string& a : args) {
    if (a.size() < 3 || a.compare(0, 2, "--") != 0) continue;
    const std::string name = a.substr(0, a.find('='));
    if (std::find(names.begin(), names.end(), name) != names.end()) continue;
    const std::string close = ClosestMatch(name, names);
    return close.empty()
               ? TrF("tsunagu: unknown option '{}' ('tsunagu --help' lists them)\n", name)
               : TrF("tsunagu: unknown option '{}'; did you mean '{}'? ('tsunagu --help' lists them)\n", name, close);
  }
  return "";
}

// The language of messages and output: --lang (or -l, --lang=, -lXX) when
// given and valid, else the environment (messages.h). Read before the
// parser is built, so that its help is in that language.
Lang ChooseLanguage(const std::vector<std::string>& args, std::string* bad_tsunagu_lang) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") break;
    std::string value;
    if ((a == "--lang" || a == "-l") && i + 1 < args.size()) value = args[i + 1];
    else if (a.rfind("--lang=", 0) == 0) value = a.substr(7);
    else if (a.rfind("-l", 0) == 0 && a.size() > 2) value = a.substr(2);
    if (value == "ja") return Lang::kJa;
    if (value == "en") return Lang::kEn;
  }
  return LanguageFromEnvironment(bad_tsunagu_lang);
}

// CLI11's help with each description wrapped to the terminal (80 columns
// when it does not say): a Japanese description is twice as wide as its
// bytes suggest to CLI11, which does not wrap at all.
class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_option_desc(const CLI::Option* option) const override {
    return Wrapped(CLI::Formatter::make_option_desc(option), DescriptionRoom());
  }
  std::string make_subcommand(const CLI::App* sub) const override {
    std::string out = "  " + sub->get_display_name(true);
    const std::string description = Wrapped(sub->get_description(), DescriptionRoom());
    if (out.size() >= column_width_) out += "\n" + std::string(column_width_, ' ');
    else out += std::string(column_width_ - out.size(), ' ');
    for (char c : description) out += c == '\n' ? "\n" + std::string(column_width_, ' ') : std::string(1, c);
    return out + "\n";
  }
  // The program's description and the footers (exit codes, common
  // options, the example) span the whole width.
  std::string make_description(const CLI::App* app) const override {
    return Wrapped(CLI::Formatter::make_description(app), Terminal() - 1);
  }
  std::string make_footer(const CLI::App* app) const override {
    return Wrapped(CLI::Formatter::make_footer(app), Terminal() - 1);
  }

 private:
  static int Terminal() { return TerminalWidth() > 0 ? TerminalWidth() : 80; }
  int DescriptionRoom() const { return std::max(20, Terminal() - static_cast<int>(column_width_) - 1); }
  // Each line of text wrapped to room columns; empty lines and a final
  // newline kept.
  static std::string Wrapped(const std::string& text, int room) {
    std::string out;
    for (size_t start = 0; start <= text.size();) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      const std::vector<std::string> lines = Wrap(text.substr(start, end - start), room);
      for (size_t k = 0; k < lines.size(); ++k) out += (k > 0 ? "\n" : "") + lines[k];
      if (end < text.size()) out += '\n';
      start = end + 1;
    }
    return out;
  }
};

// CLI11's own words in the help ("Usage", "OPTIONS"...) and its parse
// errors, in the chosen language.
void TranslateParser(CLI::App* app) {
  auto formatter = std::make_shared<HelpFormatter>();
  app->formatter(formatter);
  const std::pair<const char*, const char*> labels[] = {
      {"Usage", Tr("Usage")},
      {"OPTIONS", Tr("OPTIONS")},
      {"SUBCOMMAND", Tr("SUBCOMMAND")},
      {"SUBCOMMANDS", Tr("SUBCOMMANDS")},
      {"Positionals", Tr("Positionals")},
      {"REQUIRED", Tr("REQUIRED")},
      {"Env", Tr("Env")}};  // TEXT, INT... stay: CLI11 aligns columns by bytes
  for (const auto& [label, text] : labels) formatter->label(label, text);
  app->option_defaults()->group(Tr("Options"));
  app->set_help_flag("-h,--help", Tr("print this help and exit"));
  app->failure_message([](const CLI::App*, const CLI::Error& e) {
    const char* what = Tr("the command line is not right");
    if (dynamic_cast<const CLI::RequiredError*>(&e)) what = Tr("something the command needs is missing");
    else if (dynamic_cast<const CLI::ValidationError*>(&e)) what = Tr("a value is not one the option takes");
    else if (dynamic_cast<const CLI::ConversionError*>(&e)) what = Tr("a value is not a number of the right kind");
    else if (dynamic_cast<const CLI::ExtrasError*>(&e)) what = Tr("there are arguments the command does not take");
    else if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) what = Tr("an option has too many or too few values");
    // CLI11's detail names the option and the value, whatever the language.
    return TrF("tsunagu: {} ({})\nRun 'tsunagu --help' (or 'tsunagu COMMAND --help') for more.\n", what, e.what());
  });
}

}  // namespace

int ParseCommandLine(int argc, char** argv, CliOptions* out) {
  const std::vector<std::string> given(argv + 1, argv + argc);
  std::string bad_tsunagu_lang;
  out->lang = ChooseLanguage(given, &bad_tsunagu_lang);
  SetMessageLanguage(out->lang);
  CLI::App app{Tr("tsunagu (つなぐ): referral triage for hikikomori support in Niigata City's Nishi Ward.\n"
                  "Give a case in Japanese or English; get the agencies to involve, ranked, with the role\n"
                  "each plays. Example: tsunagu \"親が80代、息子は無職、生活が苦しい\""),
               "tsunagu"};
  TranslateParser(&app);
  app.add_flag("--version", out->version, Tr("print the program's version and the data and rules version, then exit"));
  app.require_subcommand(0, 1);
  std::string lang = out->lang == Lang::kEn ? "en" : "ja";
  app.add_option("--data", out->data_dir, Tr("directory with agencies.yaml and crisis.yaml (default: built in)"))
      ->envname("TSUNAGU_DATA");
  app.add_option("--rules", out->rules_dir,
                 Tr("directory with lexicon.yaml, routing.yaml, alerts.yaml (default: built in)"))
      ->envname("TSUNAGU_RULES");
  app.add_option("-l,--lang", lang,
                 Tr("language of output and messages: ja (default) or en; else TSUNAGU_LANG, then LC_ALL, LC_MESSAGES, "
                    "LANG (en_US.UTF-8 is English; C, POSIX: Japanese)"))
      ->check(CLI::IsMember({"ja", "en"}));
  app.add_option("-f,--format", out->format,
                 Tr("output format: query/explain table|json; batch jsonl|csv|markdown|html; check/diff text|json; "
                    "graph dot|mermaid (each command checks its own)"));

  app.add_option("-n,--top", out->top, Tr("show only the first N agencies (query, batch); 0 shows all"))
      ->check(CLI::Range(0, 1000));
  app.add_option("--color", out->color, Tr("colour on a terminal: auto (default; off with NO_COLOR), always or never"))
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--at", out->at,
                 Tr("say open now / next opening as at this time instead of now: \"2026-12-29 10:00\" (Asia/Tokyo) or "
                    "ISO 8601 such as 2026-12-29T10:00+09:00 (query, agencies, batch; check: its year)"));

  CLI::App* query = app.add_subcommand("query", Tr("rank the agencies for a case (the default command)"));
  query->fallthrough();
  query->add_option("text", out->text, Tr("the case, in Japanese or English; - reads standard input"))->required();

  CLI::App* agencies = app.add_subcommand("agencies", Tr("list the agencies, or show one in full"));
  agencies->fallthrough();
  agencies->add_option("id", out->agency, Tr("agency id, e.g. hikikomori-center"));

  CLI::App* test =
      app.add_subcommand("test", Tr("run scenario files (YAML cases with expectations) and report rule coverage"));
  test->fallthrough();
  test->add_option("files", out->files, Tr("scenario files, e.g. tests/cases/*.yaml"))->required();
  test->add_flag("--show-pending", out->show_pending,
                 Tr("list the cases marked pending that still fail (known misreadings), with what they got"));
  test->add_option("--min-coverage", out->min_coverage, Tr("fail when fewer than PCT percent of rules fire"))
      ->check(CLI::Range(0.0, 100.0));

  CLI::App* batch = app.add_subcommand(
      "batch", Tr("triage many cases: CSV, JSON Lines or text lines in; JSON Lines, CSV or referral sheets out"));
  batch->fallthrough();
  batch->add_option("input", out->input, Tr("input file, or - for standard input (default)"));
  batch
      ->add_option("--input-format", out->input_format,
                   Tr("csv, jsonl or text (default: from the file extension; text for stdin)"))
      ->check(CLI::IsMember({"csv", "jsonl", "json", "ndjson", "text", "txt"}));
  batch->add_option("-o,--output", out->output, Tr("write here instead of standard output (created 0600, atomically)"));
  batch->add_flag("--split", out->split, Tr("markdown/html: one sheet per case into the directory given by -o"));
  batch->add_flag("--force", out->force, Tr("replace existing output files"));
  batch->add_option("-j,--jobs", out->jobs, Tr("worker threads (output order and bytes do not depend on it)"))
      ->check(CLI::Range(1, 256));
  // Checked by batch (any case, other names of CP932, "did you mean"); the
  // type name lists the choices for the help and the completions.
  batch
      ->add_option("--encoding", out->encoding,
                   Tr("input encoding: auto (default: UTF-8, or CP932 when the input is not UTF-8 and reads as "
                      "CP932; a note says so), utf-8, or cp932 (Shift_JIS as Excel saves it; also shift_jis, sjis)"))
      ->type_name("TEXT:{auto,utf-8,cp932}");
  batch->add_flag("--excel", out->excel,
                  Tr("CSV for Excel: UTF-8 with a byte order mark and CRLF line ends (implies --format csv)"));

  CLI::App* explain =
      app.add_subcommand("explain", Tr("trace a case step by step: words, facts, rules, scores, eligibility, ranking"));
  explain->fallthrough();
  explain->add_option("text", out->text, Tr("the case, in Japanese or English; - reads standard input"))->required();
  explain->add_option("--why-not", out->why_not,
                      Tr("AGENCY: why it is absent or low, and the smallest checked change that brings it in"));

  CLI::App* check = app.add_subcommand(
      "check",
      Tr("validate the data and rule files (--data, --rules): every error and warning, with file:line:column"));
  check->fallthrough();
  check
      ->add_option("--stale", out->stale_days,
                   Tr("also warn about agency fields and crisis contacts not checked against a public source within "
                      "DAYS days (default 365 when DAYS is left out)"))
      ->expected(0, 1)
      ->default_str("365")
      ->check(CLI::Range(0, 100000));

  CLI::App* graph = app.add_subcommand(
      "graph", Tr("the routing logic as a picture: facts -> rules -> agencies, as Graphviz DOT or Mermaid"));
  graph->fallthrough();
  graph->add_option("--case", out->case_text, Tr("show only the part this case uses"));

  CLI::App* diff =
      app.add_subcommand("diff", Tr("how the answers for cases change between an old and the current rules/data"));
  diff->fallthrough();
  diff->add_option("--rules,--old-rules", out->old_rules_dir,
                   Tr("the OLD rules directory (after 'diff'; before 'diff', --rules names the new one)"));
  diff->add_option("--data,--old-data", out->old_data_dir,
                   Tr("the OLD data directory (after 'diff'; before 'diff', --data names the new one)"));
  diff->add_flag("--exit-code", out->exit_code,
                 Tr("exit 1 when any answer changed (as git diff --exit-code), to gate a rule edit in CI"));
  diff->add_option("cases", out->files, Tr("scenario YAML files, or text files with one case per line"))->required();

  CLI::App* shell = app.add_subcommand(
      "shell", Tr("cases one after another at a prompt (:help lists its commands); typed cases stay out of "
                  "the shell history.\nExample: tsunagu shell"));
  shell->fallthrough();
  shell->add_option(
      "--history", out->history,
      Tr("keep the prompt's history in FILE (read at start, written 0600 at the end); default: memory only"));
  CLI::App* completion = app.add_subcommand(
      "completion", Tr("print a completion script for bash, zsh or fish (options, formats, agency ids).\n"
                       "Example: source <(tsunagu completion bash)"));
  completion->fallthrough();
  completion->add_option("shell", out->shell, Tr("bash, zsh or fish"))
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));

  CLI::App* export_data = app.add_subcommand(
      "export-data",
      Tr("write the built-in data and rules as YAML into DIR/data and DIR/rules, to start editing.\n"
         "Example: tsunagu export-data mydata && tsunagu --data mydata/data --rules mydata/rules check"));
  export_data->fallthrough();
  export_data->add_option("dir", out->export_dir, Tr("the directory to write into (created if missing)"))->required();
  export_data->add_flag("--force", out->force, Tr("replace existing files"));

  CLI::App* export_hsds = app.add_subcommand(
      "export", Tr("print the agencies for other systems: --format hsds, Open Referral HSDS 3.0 JSON (services).\n"
                   "Example: tsunagu export --format hsds > services.json"));
  export_hsds->fallthrough();

  for (CLI::App* command : app.get_subcommands({})) {
    command->group(Tr("Commands"));
    // Each command's -h made before the group was renamed: the same heading.
    if (CLI::Option* help = command->get_help_ptr()) help->group(Tr("Options"));
  }

  bool interactive = false;
  app.add_flag("-i,--interactive", interactive, Tr("the same as 'tsunagu shell'"));

  // Each command's help names the options every command takes, and an example.
  query->footer(CommonOptions() + Tr("Example: ") +
                "tsunagu query --lang en \"son, 48, has not left his room for years; mother is 76\"");
  agencies->footer(CommonOptions() + Tr("Example: ") + "tsunagu agencies hikikomori-center");
  test->footer(CommonOptions() + Tr("Example: ") + "tsunagu test --show-pending tests/cases/*.yaml");
  batch->footer(CommonOptions() + Tr("Example: ") + "tsunagu batch intake.csv -f csv -o referrals.csv");
  explain->footer(CommonOptions() + Tr("Example: ") +
                  "tsunagu explain --why-not saposute \"息子は52歳で働きたいと言っている\"");
  check->footer(CommonOptions() + Tr("Example: ") + "tsunagu --data my/data --rules my/rules check");
  graph->footer(CommonOptions() + Tr("Example: ") +
                "tsunagu graph --case \"親が80代、息子は無職\" | dot -Tpng > team.png");
  diff->footer(CommonOptions() + Tr("Example: ") +
               "tsunagu --rules my/rules diff --rules rules tests/cases/scenarios.yaml");
  shell->footer(CommonOptions() + Tr("Example: ") + "tsunagu shell --history ~/.local/share/tsunagu/history");

  app.footer(
      Tr("Exit codes: 0 ok, 1 scenario tests failed, 2 usage, 3 bad text, 4 bad data or rule file, "
         "5 file not readable or output not writable, 6 batch finished with error records, "
         "70 internal error, 141 output pipe closed (| head).\n"
         "See man tsunagu for the JSON format and the files."));

  if (given.size() == 1 && given[0] == "help") {  // tsunagu help: as --help
    WriteOut(app.help());
    return kExitOk;
  }
  if (std::string typo = MistypedCommand(given); !typo.empty()) {
    const std::string word = typo.substr(0, typo.find('\n')), command = typo.substr(typo.find('\n') + 1);
    std::fputs(TrF("tsunagu: unknown command '{0}'; did you mean '{1}'?\n"
                   "To rank a case that starts with this word: tsunagu query {0} ... (or tsunagu -- {0} ...)\n",
                   word, command)
                   .c_str(),
               stderr);
    return kExitUsage;
  }
  std::vector<std::string> args = InsertDefaultCommand(argc, argv);
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 parses a reversed vector
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    if (std::string hint = UnknownOptionHint(app, given); !hint.empty() && e.get_exit_code() != 0) {
      std::fputs(hint.c_str(), stderr);
      return kExitUsage;
    }
    // --help and --version go through WriteOut, so that main sees a failed
    // write of them too.
    std::ostringstream printed;
    int code = app.exit(e, printed, std::cerr);
    WriteOut(printed.str());
    return code == 0 ? kExitOk : kExitUsage;
  }
  out->lang = lang == "en" ? Lang::kEn : Lang::kJa;
  if (!bad_tsunagu_lang.empty() && !out->version)  // --version prints no warning
    std::fputs(TrF("tsunagu: warning: TSUNAGU_LANG is '{}', not ja or en; ignored\n", VisibleControls(bad_tsunagu_lang))
                   .c_str(),
               stderr);
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
  else if (export_hsds->parsed()) out->command = "export";
  else if (completion->parsed()) {
    out->command = "completion";
    out->command_line = DescribeCommandLine(app);
  } else {
    std::fputs(Tr("tsunagu: give a case to rank, e.g. tsunagu \"親が80代、息子は無職、生活が苦しい\"\n"
                  "Run 'tsunagu --help' for more.\n"),
               stderr);
    return kExitUsage;
  }
  return -1;
}
