// `tsunagu check [--data DIR] [--rules DIR]`: every problem in the data and
// rule files, with file:line:column. Runs without loading the model first,
// since the point is to report what would stop it from loading.

#include "check.h"
#include "check_cache.h"
#include "commands.h"
#include "embedded.h"
#include "load_model.h"
#include "messages.h"
#include "model_cache.h"
#include "reading_cache.h"

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
  // Files unchanged since a check of them: its output again, without
  // parsing them (check_cache.h). The key holds all the output depends on.
  const bool color = UseColor();
  std::vector<std::string> settings = {std::string("lang=") + (MessageLanguage() == Lang::kEn ? "en" : "ja"),
                                       "format=" + format, std::string("color=") + (color ? "1" : "0"),
                                       "year=" + std::to_string(stale.today.year),
                                       "stale=" + std::to_string(stale.stale_days)};
  if (stale.stale_days >= 0)
    settings.push_back("today=" + std::to_string(stale.today.month) + "-" + std::to_string(stale.today.day));
  const std::string key = CheckResultKey(files, settings);
  CheckResult result;
  if (!ReadCheckResult(key, &result)) {
    // Phrases read by an earlier run are not read again (reading_cache.h).
    const std::unique_ptr<KnownReadings> known = LoadKnownReadings();
    std::vector<Finding> findings = CheckFiles(files, stale.today.year, stale, known.get(), /*keep_work=*/true);
    SaveKnownReadings(known.get());
    result.out = format == "json" ? RenderFindingsJson(findings) + "\n" : RenderFindings(findings, files, color);
    result.exit_code = CountErrors(findings) > 0 ? kExitData : kExitOk;
    WriteCheckResult(key, result);
  }
  // With --data/--rules, a cache a query would ignore is reported too (one
  // warning on stderr, see model_cache.h), on a replay as well.
  if (!options.data_dir.empty() || !options.rules_dir.empty()) {
    std::vector<std::pair<std::string, std::string>> texts;
    for (const SourceFile& f : files) texts.emplace_back(f.name, f.text);
    CheckModelCache(texts);
  }
  WriteOut(result.out);
  return result.exit_code;
}
