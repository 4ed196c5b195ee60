// Check: validates the data and rule files of a model and reports every
// problem, not just the first. Errors are what the loaders reject; after
// one, the broken item (an agency, a fact, a rule, an alert) is set aside
// and the rest of its file is checked again, and a later reference to a
// set-aside item becomes a warning instead of a second error. Warnings are
// what loads but cannot work: a phrase claimed by two facts or subjects, a
// rule that can never fire, an agency or crisis contact nothing reaches.
// Pure: takes the file texts, never reads or prints.
#ifndef TSUNAGU_CHECK_H_
#define TSUNAGU_CHECK_H_

#include <string>
#include <vector>

#include "open_hours.h"
#include "reading.h"
#include "status.h"

/// One problem, pointing into a file (line and column 1-based; 0 when the
/// problem concerns the whole file). Columns count bytes, like the loaders.
struct Finding {
  std::string file;
  int line = 0, column = 0;
  enum Severity { kError, kWarning } severity = kError;
  std::string message;
};

/// One input file. read is not ok when the file could not be read.
struct SourceFile {
  std::string name;  // as shown in findings
  std::string text;
  Status read;
};

/// The six files, in load order: agencies.yaml, crisis.yaml, lexicon.yaml,
/// routing.yaml, alerts.yaml, holidays.yaml. Findings come in file order,
/// then line order. year (the current year in Tokyo; 0 = skip) later than
/// the holiday calendar's last year is a warning.
std::vector<Finding> CheckFiles(const std::vector<SourceFile>& files, int year = 0);

/// `check --stale DAYS`: with stale_days >= 0, also a warning for each
/// agency field and crisis contact not checked against a public source
/// within that many days of today (Tokyo; --at), guideline-only ones too.
struct StaleCheck {
  int stale_days = -1;
  LocalTime today;
};
/// `known`: phrase readings of an earlier run, used and completed
/// (reading.h); the findings are the same with or without them.
/// `keep_work`: the parsed files and the model built are not freed but
/// kept, reachable, until the process ends: freeing a large rule book's
/// YAML trees (a node per scalar) took a sixth of `check` at 100x the
/// shipped rules, on one core at the end. For a command that exits after
/// it; not from two threads at once.
std::vector<Finding> CheckFiles(const std::vector<SourceFile>& files, int year, const StaleCheck& stale,
                                KnownReadings* known = nullptr, bool keep_work = false);

/// The file names CheckFiles expects, in order.
const std::vector<std::string>& CheckedFileNames();

int CountErrors(const std::vector<Finding>& findings);

/// "file:line:column: error: message", then the line and a caret under the
/// column (ninja style), then a summary line.
std::string RenderFindings(const std::vector<Finding>& findings, const std::vector<SourceFile>& files, bool color);

/// {"findings": [{file, line, column, severity, message}], "errors": N, "warnings": M}
std::string RenderFindingsJson(const std::vector<Finding>& findings);

#endif  // TSUNAGU_CHECK_H_
