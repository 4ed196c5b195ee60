// `tsunagu shell` (or `tsunagu -i`): cases one after another at a prompt,
// for a worker at a desk. A line is a case, answered as `tsunagu TEXT`
// would; a line starting with ':' is a command about the last case
// (:explain, :why-not, :json, :sheet) or the session (:lang, :top,
// :agency, :help, :quit). Typed at the prompt, a case never reaches the
// shell's history file (~/.bash_history): that is the point of it.
// The shell's own words (greeting, prompt, :help) are messages (Tr);
// :lang switches them along with the output.
//
// Line editing and history come from libedit (Debian's libedit-dev), used
// only when stdin is a terminal; the history stays in memory unless
// --history FILE is given (then read at start and written, 0600, at the
// end). With stdin not a terminal, lines are read as they come, with no
// prompt, so a script or a test can drive it.
#include <editline/readline.h>
#include <langinfo.h>
#include <sys/stat.h>
#include <unistd.h>

#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"
#include "edit_distance.h"
#include "messages.h"
#include "render.h"
#include "render_sheet.h"
#include "safe_file.h"
#include "triage.h"

namespace {

const char* const kShellCommands[] = {"explain", "why-not", "json", "sheet", "agency", "agencies",
                                      "lang",    "top",     "help", "quit",  "exit",   "q"};

void Say(const std::string& s) { WriteOut(s); }

// One line from the terminal (libedit) or a pipe; false at the end of input.
bool ReadLine(bool terminal, std::string* line) {
  std::fflush(stdout);
  if (!terminal) return static_cast<bool>(std::getline(std::cin, *line));
  char* got = readline(Tr("case> "));
  if (!got) {
    Say("\n");
    return false;
  }
  *line = got;
  std::free(got);
  if (line->find_first_not_of(" \t") != std::string::npos) add_history(line->c_str());
  return true;
}

// The shell's state from line to line.
struct Session {
  const CommandContext& base;
  CliOptions options;     // the command line's, with :lang and :top applied
  std::string last_case;  // the last case text, for :explain and friends
  bool terminal = false;
  int cases = 0;  // cases so far: the last one's sheet is "case-N"
};

int RunWith(const Session& s, const std::string& command, const std::string& text, const std::string& arg) {
  CliOptions options = s.options;
  options.command = command;
  options.text = {text};
  if (command == "explain") options.why_not = arg;
  if (command == "agencies") options.agency = arg;
  if (command == "json") {
    options.command = "query";
    options.format = "json";
  } else {
    options.format.clear();
  }
  CommandContext context{s.base.model, s.base.lexicon, s.base.index, options};
  if (options.command == "explain") return RunExplain(context);
  if (options.command == "agencies") return RunAgencies(context);
  return RunQuery(context);
}

// :sheet [FILE]: Markdown on stdout, or a file (HTML when it ends .html).
void Sheet(const Session& s, const std::string& file) {
  CaseResult result;
  Status status = Triage(s.base.model, s.base.lexicon, s.base.index, s.last_case, &result);
  if (!status.ok()) {
    Fail(status);
    return;
  }
  RenderOptions render;
  render.lang = s.options.lang;
  render.top = s.options.top;
  render.at = Moment(s.options);  // the date of issue, and who is open then
  RecordIdentity record;
  record.number = static_cast<size_t>(s.cases);
  record.id = "case-" + std::to_string(s.cases);
  const bool html = file.size() > 5 && file.compare(file.size() - 5, 5, ".html") == 0;
  std::string out = html ? HtmlDocumentStart(s.options.lang, SheetTitle(&record, render)) +
                               RenderSheetHtml(s.base.model, result, record, render) + HtmlDocumentEnd()
                         : RenderSheetMarkdown(s.base.model, result, record, render);
  if (file.empty()) {
    Say(out);
    return;
  }
  std::unique_ptr<SafeFile> f;
  status = SafeFile::Create(file, /*overwrite=*/false, &f);
  if (status.ok()) status = f->Write(out);
  if (status.ok()) status = f->Commit();
  if (!status.ok()) {
    Fail(status);
    return;
  }
  Say(TrF("written: {}\n", file));
}

// Runs one ':' command; false to end the session.
bool Command(Session* s, const std::string& line) {
  const size_t space = line.find(' ');
  const std::string name = line.substr(1, space == std::string::npos ? std::string::npos : space - 1);
  std::string arg = space == std::string::npos ? "" : line.substr(line.find_first_not_of(' ', space));
  if (arg.find_first_not_of(' ') == std::string::npos) arg.clear();
  if (name == "quit" || name == "exit" || name == "q") return false;
  if (name == "help" || name == "h" || name == "?") {
    Say(
        Tr("Type a case on one line to rank the agencies. Commands:\n"
           "  :explain           the last case step by step (words, rules, scores)\n"
           "  :why-not ID        why agency ID is not higher for the last case\n"
           "  :json              the last case as JSON\n"
           "  :sheet [FILE]      the last case's referral sheet (Markdown); FILE ending .html saves HTML\n"
           "  :agency [ID]       the agencies, or one in full\n"
           "  :lang ja|en        the language shown\n"
           "  :top N             show only the first N agencies (0: all)\n"
           "  :help              this list\n"
           "  :quit              end (Ctrl-D too)\n"));
  } else if (name == "lang") {
    if (arg != "ja" && arg != "en") {
      Say(Tr(":lang takes ja or en\n"));
    } else {
      s->options.lang = arg == "en" ? Lang::kEn : Lang::kJa;
      SetMessageLanguage(s->options.lang);  // the shell's own words too
    }
  } else if (name == "top") {
    char* end = nullptr;
    const long n = std::strtol(arg.c_str(), &end, 10);
    if (arg.empty() || *end != '\0' || n < 0 || n > 1000) Say(Tr(":top takes a whole number from 0 (all) to 1000\n"));
    else s->options.top = static_cast<int>(n);
  } else if (name == "agency" || name == "agencies") {
    RunWith(*s, "agencies", "", arg);
  } else if (name == "explain" || name == "why-not" || name == "json" || name == "sheet") {
    if (s->last_case.empty()) {
      Say(Tr("No case yet: type a case first.\n"));
    } else if (name == "why-not" && arg.empty()) {
      Say(Tr(":why-not takes an agency id, e.g. :why-not saposute\n"));
    } else if (name == "sheet") {
      Sheet(*s, arg);
    } else {
      RunWith(*s, name == "json" ? "json" : "explain", s->last_case, name == "why-not" ? arg : "");
    }
  } else {
    std::vector<std::string> known(std::begin(kShellCommands), std::end(kShellCommands));
    const std::string close = ClosestMatch(name, known);
    Say(close.empty() ? TrF("unknown command :{}; :help lists the commands\n", name)
                      : TrF("unknown command :{}; did you mean :{}? :help lists the commands\n", name, close));
  }
  return true;
}

}  // namespace

int RunShell(const CommandContext& c) {
  Session s{c, c.options, "", isatty(STDIN_FILENO) == 1};
  if (s.terminal) {
    // libedit reads multibyte input only in a UTF-8 character locale (in
    // the C locale a Japanese line crashed it): the user's, else C.UTF-8.
    if (!std::setlocale(LC_CTYPE, "") || std::strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
      std::setlocale(LC_CTYPE, "C.UTF-8");
    using_history();
    if (!c.options.history.empty()) read_history(c.options.history.c_str());
    Say(
        Tr("tsunagu shell: type a case on one line. :help lists the commands; :quit or Ctrl-D ends.\n"
           "Cases typed here do not go into your shell's history (~/.bash_history).\n"));
  }
  std::string line;
  while (ReadLine(s.terminal, &line)) {
    const size_t start = line.find_first_not_of(" \t\r");
    if (start == std::string::npos) continue;
    line.erase(0, start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.pop_back();
    if (line[0] == ':') {
      if (!Command(&s, line)) break;
      continue;
    }
    s.last_case = line;
    ++s.cases;
    RunWith(s, "query", line, "");
  }
  if (s.terminal && !c.options.history.empty()) {
    const mode_t old = umask(077);  // the history holds cases: owner only
    write_history(c.options.history.c_str());
    umask(old);
  }
  return kExitOk;
}
