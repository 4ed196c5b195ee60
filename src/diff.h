// Diff: how the answers for a set of cases change between two versions of
// the data and rules, so a rule edit can be reviewed before it ships. Per
// case: the agencies that come in, go out (and why, when eligibility
// removed them), or move (rank a -> b), and alerts that appear or vanish.
// Pure: takes two loaded models and the cases; never reads or prints.
#ifndef TSUNAGU_DIFF_H_
#define TSUNAGU_DIFF_H_

#include <string>
#include <vector>

#include "lexicon.h"
#include "model.h"
#include "rule_index.h"
#include "status.h"

/// One case to compare, and where it came from.
struct DiffCase {
  std::string text;
  std::string name;  // the scenario's name, when it has one
  std::string file;
  int line = 0;
};

/// Reads cases from a file: a scenario YAML file (a list of mappings with
/// `text` and optional `name`; other keys are ignored) when the name ends
/// in .yaml or .yml, else one case per line (blank lines and lines
/// starting with # are skipped).
Status ReadDiffCases(const std::string& text, const std::string& name, std::vector<DiffCase>* out);

/// An agency whose place differs; rank 0 = absent on that side.
struct AgencyChange {
  std::string id;
  int old_rank = 0, new_rank = 0;
  int old_score = 0, new_score = 0;
  LocalText removed;  // out: the eligibility limit that removed it, if any
};

struct CaseDiff {
  DiffCase input;
  std::vector<AgencyChange> in, out, moved;
  std::vector<std::string> alerts_in, alerts_out;
  std::string error;  // the text could not be read (invalid UTF-8, too long)
  bool changed() const {
    return !in.empty() || !out.empty() || !moved.empty() || !alerts_in.empty() || !alerts_out.empty();
  }
};

struct DiffReport {
  std::vector<CaseDiff> cases;
  int changed = 0, errors = 0;
};

/// Runs every case through both versions and compares the rankings.
DiffReport DiffCases(const Model& old_model, const Lexicon& old_lexicon, const RuleIndex& old_index,
                     const Model& new_model, const Lexicon& new_lexicon, const RuleIndex& new_index,
                     const std::vector<DiffCase>& cases);

/// The changed cases, then "N cases, M changed".
std::string RenderDiff(const DiffReport& report, Lang lang);

/// {"schema": "tsunagu.diff/1", "cases": [...every case...], "total", "changed", "errors"}
std::string RenderDiffJson(const DiffReport& report);

#endif  // TSUNAGU_DIFF_H_
