// The small model the unit tests write themselves, so that their
// expectations do not move when the shipped data grows: two agencies
// (center, youth up to 49), one crisis contact (police), three facts
// (hikikomori, wants-work, violence), two rules (general, work), a
// violence alert, the team and fallback, and a holiday calendar. check
// tests the base exactly as written here (its findings name lines of these
// texts). A test that needs a variant edits its own copy (Edit, Drop,
// Append) and loads it through the real loaders (Load) or hands the files
// to check (Files); the pieces more than one variant adds are below.
#ifndef TSUNAGU_TESTS_SMALL_MODEL_H_
#define TSUNAGU_TESTS_SMALL_MODEL_H_

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "check.h"
#include "lexicon.h"
#include "load_data.h"
#include "load_rules.h"
#include "model.h"
#include "test_analyzer.h"

/// The files of a SmallModel, in the order the loaders need them.
enum SmallFile { kAgenciesFile, kCrisisFile, kLexiconFile, kRoutingFile, kAlertsFile, kHolidaysFile, kSmallFiles };

struct SmallModel {
  std::string texts[kSmallFiles] = {
      R"(- id: center
  name: {ja: センター, en: Center}
  summary: {ja: 相談, en: Consultation}
  roles:
    - {id: general, ja: 総合相談, en: General consultation}
    - {id: convene, ja: 会議の招集, en: Convening}
  source: {block: 1, name: stated}
  verified: false
- id: youth
  name: {ja: 若者, en: Youth}
  summary: {ja: 就労, en: Work}
  roles:
    - {id: work, ja: 就労相談, en: Work consultation}
  eligibility: {max_age: 49}
  source: {block: 2, name: stated}
  verified: false
)",
      R"(- id: police
  name: {ja: 警察, en: Police}
  phone: "110"
  kinds: [violence]
  checked: {date: "2026-12-03", source: phone call, by: test}
  cost: free
)",
      R"(subjects:
  person: {ja: [本人, 息子], en: [son]}
  parent: {ja: [親], en: [parent]}
facts:
  - id: hikikomori
    label: {ja: ひきこもり, en: withdrawal}
    area: withdrawal
    subject: person
    ja: [ひきこもり]
  - id: wants-work
    label: {ja: 働きたい, en: wants to work}
    area: work
    subject: person
    ja: [働きたい]
  - id: violence
    label: {ja: 暴力, en: violence}
    area: crisis
    subject: person
    ja: [暴力]
)",
      R"(- id: general
  when: {any: [hikikomori]}
  to:
    - {agency: center, roles: [general], weight: 40}
  reason: {ja: 相談, en: consult}
- id: work
  when: {all: [wants-work]}
  to:
    - {agency: youth, roles: [work], weight: 30}
  reason: {ja: 就労, en: work}
)",
      R"(alerts:
  - id: alert-violence
    kind: violence
    when: {any: [violence]}
    contacts: [police]
    message: {ja: 暴力, en: Violence}
team:
  convener: {agency: center, role: convene}
  multi_issue_areas: 2
fallback:
  - {agency: center, roles: [general]}
)",
      R"(source: ["https://www8.cao.go.jp/chosei/shukujitsu/gaiyou.html"]
covers: {from: 2026, to: 2026}
holidays:
  - {date: "2026-01-01", kind: national, name: {ja: 元日, en: "New Year's Day"}}
  - {date: "2026-01-12", kind: national, name: {ja: 成人の日, en: Coming of Age Day}}
)"};
  /// Filled by Load.
  Model model;
  Lexicon lexicon;

  /// Replaces the first `from` in file i; REQUIREs that it is there.
  SmallModel& Edit(int i, const std::string& from, const std::string& to) {
    size_t at = texts[i].find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    texts[i].replace(at, from.size(), to);
    return *this;
  }

  /// Removes the list item `- id: <id>` of file i, with all the lines
  /// indented under it; REQUIREs that it is there.
  SmallModel& Drop(int i, const std::string& id) {
    std::string& t = texts[i];
    size_t at = t.find("- id: " + id + "\n");
    REQUIRE_MESSAGE(at != std::string::npos, id);
    size_t begin = t.rfind('\n', at);
    begin = begin == std::string::npos ? 0 : begin + 1;
    size_t indent = at - begin, end = t.find('\n', at) + 1;
    while (end < t.size() && t.find_first_not_of(' ', end) - end > indent) end = t.find('\n', end) + 1;
    t.erase(begin, end - begin);
    return *this;
  }

  /// Adds text at the end of file i.
  SmallModel& Append(int i, const std::string& text) {
    texts[i] += text;
    return *this;
  }

  /// The files as `tsunagu check` reads them.
  std::vector<SourceFile> Files() const {
    static const char* const kNames[] = {"data/agencies.yaml", "data/crisis.yaml",  "rules/lexicon.yaml",
                                         "rules/routing.yaml", "rules/alerts.yaml", "data/holidays.yaml"};
    std::vector<SourceFile> files;
    for (int i = 0; i < kSmallFiles; ++i) files.push_back({kNames[i], texts[i], Status::Ok()});
    return files;
  }

  /// Loads the model (all but the holidays) through the real loaders and
  /// builds its lexicon; REQUIREs success.
  SmallModel& Load() {
    model = Model();
    Status s = LoadAgencies(texts[kAgenciesFile], "agencies.yaml", &model);
    if (s.ok()) s = LoadCrisis(texts[kCrisisFile], "crisis.yaml", &model);
    if (s.ok()) s = LoadLexicon(texts[kLexiconFile], "lexicon.yaml", &model);
    if (s.ok()) s = LoadRouting(texts[kRoutingFile], "routing.yaml", &model);
    if (s.ok()) s = LoadAlerts(texts[kAlertsFile], "alerts.yaml", &model);
    REQUIRE_MESSAGE(s.ok(), s.ToString());
    lexicon = Lexicon(model, TheAnalyzer());
    return *this;
  }
};

/// Pieces more than one variant adds.
namespace small_model {

/// An agency for money trouble, from the guideline's block `block`.
inline std::string MoneyAgency(int block) {
  return R"(- id: money
  name: {ja: 家計, en: Money}
  summary: {ja: 家計, en: Money}
  roles:
    - {id: hardship, ja: 困窮相談, en: Hardship consultation}
  source: {block: )" +
         std::to_string(block) + ", name: stated}\n  verified: false\n";
}

/// The police open day and night (in place of the base's `checked`).
inline const char kPoliceHours[] = "  hours: {always: true, text: {ja: 24時間, en: 24 hours}}\n";
inline const char kPoliceChecked[] = "  checked: {date: \"2026-12-03\", source: phone call, by: test}\n";

/// Two facts about a parent's care, one derived from the parent's age.
inline const char kCareFacts[] = R"(  - id: care-needed
    label: {ja: 要介護, en: needs care}
    area: care
    subject: parent
    ja: [要介護]
    en: [needs care]
  - id: elderly-parent
    label: {ja: 高齢の親, en: elderly parent}
    area: care
    subject: parent
    ja: [高齢の親]
    en: [elderly parent]
    from_age: {subject: parent, min: 65}
)";

}  // namespace small_model

#endif  // TSUNAGU_TESTS_SMALL_MODEL_H_
