// `tsunagu check [--data DIR] [--rules DIR]`: every problem in the data and
// rule files, with file:line:column. Runs without loading the model first,
// since the point is to report what would stop it from loading.

#include "check.h"
#include "commands.h"
#include "embedded.h"
#include "load_model.h"
#include "messages.h"
#include "model_cache.h"

int RunCheck(const CliOptions& options) {
  std::string format = options.format.empty() ? "text" : options.format;
  if (format != "text" && format != "json")
    return Fail(Status::Usage(TrF("check --format must be text or json, not '{}'", format)));
  std::vector<SourceFile> files;
  for (const std::string& name : CheckedFileNames()) {
    bool data = name == "agencies.yaml" || name == "crisis.yaml" || name == "holidays.yaml";
    const std::string& dir = data ? options.data_dir : options.rules_dir;
    SourceFile f;
    if (dir.empty() || (name == "holidays.yaml" && !HasHolidaysFile(dir))) {
      f.name = std::string("(built-in) ") + (data ? "data/" : "rules/") + name;
      f.text = std::string(EmbeddedFile(name));
    } else {
      f.name = dir + "/" + name;
      f.read = ReadFile(f.name, &f.text);
    }
    files.push_back(f);
  }
  StaleCheck stale;
  stale.stale_days = options.stale_days;
  stale.today = Moment(options);
  std::vector<Finding> findings = CheckFiles(files, stale.today.year, stale);
  // With --data/--rules, a cache a query would ignore is reported too (one
  // warning on stderr, see model_cache.h).
  if (!options.data_dir.empty() || !options.rules_dir.empty()) {
    std::vector<std::pair<std::string, std::string>> texts;
    for (const SourceFile& f : files) texts.emplace_back(f.name, f.text);
    CheckModelCache(texts);
  }
  std::string out =
      format == "json" ? RenderFindingsJson(findings) + "\n" : RenderFindings(findings, files, UseColor());
  WriteOut(out);
  return CountErrors(findings) > 0 ? kExitData : kExitOk;
}
