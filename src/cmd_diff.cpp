// `tsunagu diff --rules OLD_DIR [--data OLD_DIR] CASES...`: how the answers
// change from an old version of the rules/data to the current one. After
// `diff`, --rules and --data (also spelled --old-rules, --old-data) name
// the OLD version; the NEW one is what every command uses: built in, or
// the --rules/--data given before `diff`.

#include <optional>

#include "commands.h"
#include "diff.h"
#include "embedded.h"
#include "load_model.h"
#include "messages.h"
#include "render.h"

int RunDiff(const CommandContext& c) {
  const CliOptions& options = c.options;
  std::string format = options.format.empty() ? "text" : options.format;
  if (format != "text" && format != "json")
    return Fail(Status::Usage(TrF("diff --format must be text or json, not '{}'", format)));
  if (options.old_rules_dir.empty() && options.old_data_dir.empty())
    return Fail(Status::Usage(
        Tr("diff needs the old version: tsunagu diff --rules OLD_RULES_DIR [--data OLD_DATA_DIR] CASES...")));
  std::vector<DiffCase> cases;
  for (const std::string& file : options.files) {
    std::string text;
    Status s = ReadFile(file, &text);
    if (s.ok()) s = ReadDiffCases(text, file, &cases);
    if (!s.ok()) return Fail(s);
  }
  Model old_model;
  Lexicon old_lexicon;
  Status s = LoadModelFor(options.old_data_dir, options.old_rules_dir, &old_model, &old_lexicon);
  if (!s.ok()) return Fail(s);
  std::optional<RuleIndex> built;
  const RuleIndex& old_index = IndexOf(old_model, &built);
  DiffReport report = DiffCases(old_model, old_lexicon, old_index, c.model, c.lexicon, c.index, cases);
  // The text quotes the cases: no control character of theirs reaches a terminal.
  std::string out =
      format == "json" ? RenderDiffJson(report) + "\n" : VisibleControls(RenderDiff(report, options.lang));
  WriteOut(out);
  if (report.errors > 0) return kExitInput;
  return options.exit_code && report.changed > 0 ? kExitTestsFailed : kExitOk;
}
