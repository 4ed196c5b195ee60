// Tests for src/check.h: every finding with its exact file:line:column and
// message, from files given as strings (a small model written here), the
// recovery after a broken item, the lint warnings, and the shipped files.
#include "check.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "load_model.h"
#include "messages.h"
#include "small_model.h"
#include "yaml_doc.h"

namespace {

// The small model's files, edited per test.
using Files = SmallModel;

std::vector<std::string> Lines(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings)
    out.push_back(f.file + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + ": " +
                  (f.severity == Finding::kError ? "error: " : "warning: ") + f.message);
  return out;
}

// The findings, one per line, for a readable comparison.
std::string Check(const Files& f) {
  std::string out;
  for (const std::string& line : Lines(CheckFiles(f.Files()))) out += line + "\n";
  return out;
}

std::string Expect(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

// The small model with center's checked: block (its lines given).
Files CenterChecked(const std::string& lines) {
  Files f;
  f.Edit(0, "  source: {block: 1, name: stated}\n  verified: false\n",
         "  source: {block: 1, name: stated}\n  verified: false\n  checked:\n" + lines);
  return f;
}

// --stale 365 on 2026-12-03.
StaleCheck Stale365() {
  StaleCheck stale;
  stale.stale_days = 365;
  stale.today.year = 2026;
  stale.today.month = 12;
  stale.today.day = 3;
  return stale;
}

}  // namespace

TEST_CASE("check: a good model has no findings") { CHECK(Check(Files()) == ""); }

TEST_CASE("check: a broken rule file reports every broken rule, not just the first") {
  Files f;
  f.Edit(3, "any: [hikikomori]", "any: [hikikomor]").Edit(3, "agency: youth", "agency: yout");
  CHECK(Check(f) == Expect({
                        "rules/routing.yaml:2:16: error: unknown fact 'hikikomor'; did you mean 'hikikomori'? (facts "
                        "are defined in lexicon.yaml)",
                        "rules/routing.yaml:9:16: error: unknown agency 'yout'; did you mean 'youth'? (agencies are "
                        "defined in data/agencies.yaml)",
                    }));
}

TEST_CASE("check: unknown keys, wrong types and duplicate ids, one per item; references to them warn") {
  Files f;
  f.Edit(0, "max_age: 49}\n  source: {block: 2, name: stated}\n  verified: false",
         "max_age: 49}\n  source: {block: 2, name: stated}\n  verified: maybe")  // youth is set aside
      .Edit(1, "kinds: [violence]", "kind: [violence]")                          // police is set aside
      .Edit(3, "- id: work", "- id: general");
  CHECK(Check(f) == Expect({
                        "data/agencies.yaml:16:13: error: 'verified' must be true or false, found 'maybe'",
                        "data/crisis.yaml:4:3: error: unknown key 'kind' in a crisis contact; did you mean 'kinds'?",
                        "rules/routing.yaml:6:7: error: duplicate rule id 'general' (first defined at line 1)",
                        "rules/alerts.yaml:5:16: warning: refers to crisis contact 'police', which has an error "
                        "(data/crisis.yaml:4:3); this item is checked once that is fixed",
                    }));
  // The only alert was set aside; the team and fallback after it are still checked.
  f.Edit(4, "role: convene}", "role: conveen}");
  CHECK(Check(f).find("rules/alerts.yaml:8:36: error: agency 'center' has no role 'conveen'\n") != std::string::npos);
}

TEST_CASE("check: a YAML syntax error ends its file; references to it are not reported again") {
  Files f;
  f.Edit(2, "facts:\n", "facts: [\n");
  std::vector<std::string> got = Lines(CheckFiles(f.Files()));
  REQUIRE(got.size() == 3);
  CHECK(got[0].rfind("rules/lexicon.yaml:", 0) == 0);
  CHECK(got[0].find(": error: YAML syntax: ") != std::string::npos);
  CHECK(got[1] ==
        "rules/routing.yaml:0:0: warning: 2 item(s) refer to entries of rules/lexicon.yaml, which could not be "
        "read; they are checked once it loads");
  CHECK(got[2] ==
        "rules/alerts.yaml:0:0: warning: 1 item(s) refer to entries of rules/lexicon.yaml, which could not be "
        "read; they are checked once it loads");
}

TEST_CASE("check: many broken items are set aside one by one; the lints then read the rest at its lines") {
  // Issue 16: the file is parsed once and each broken item removed from
  // the parsed list, not re-parsed; every error and line must stay as before.
  Files f;
  std::string broken;
  for (int i = 0; i < 40; ++i)
    broken += "- id: bad-" + std::to_string(i) +
              "\n  when: {any: [zzzzzzzz]}\n  to:\n    - {agency: center, roles: [general], weight: 10}\n"
              "  reason: {ja: x, en: x}\n";
  f.texts[3] = broken + f.texts[3];
  f.Edit(3, "when: {any: [hikikomori]}", "when: {any: [hikikomori], none: [hikikomori]}");
  std::vector<std::string> got = Lines(CheckFiles(f.Files()));
  REQUIRE(got.size() == 41);
  for (int i = 0; i < 40; ++i)
    CHECK(got[i].rfind("rules/routing.yaml:" + std::to_string(2 + 5 * i) + ":16: error: unknown fact 'zzzzzzzz'", 0) ==
          0);
  CHECK(got[40] ==
        "rules/routing.yaml:202:35: warning: rule 'general' can never fire: every fact of its any list is also in "
        "none");
}

TEST_CASE("check: duplicate keys and bad bytes set their item aside; the rest is still checked") {
  Files f;
  f.Edit(2, "    area: work\n", "    area: work\n    area: work\n").Edit(3, "agency: youth", "agency: yuoth");
  f.texts[1] += "- id: bad\xff\n";
  CHECK(Check(f) == Expect({
                        "data/crisis.yaml:7:10: error: invalid UTF-8 or NUL byte at byte offset 165; save the file as "
                        "UTF-8",
                        "rules/lexicon.yaml:13:5: error: duplicate key 'area'; remove one of them",
                        "rules/routing.yaml:7:16: warning: refers to fact 'wants-work', which has an error "
                        "(rules/lexicon.yaml:13:5); this item is checked once that is fixed",
                    }));
}

TEST_CASE("check: phone and hours formats") {
  Files f;
  f.Edit(0, "  roles:\n    - {id: work", "  phone: \"025-12-X\"\n  roles:\n    - {id: work");
  f.Edit(0, "  source: {block: 1",
         "  hours: {byday: [MO], opens_at: \"9:00\", closes_at: \"18:00\", text: {ja: a, en: b}}\n  source: {block: 1");
  CHECK(Check(f) == Expect({
                        "data/agencies.yaml:7:34: error: opens_at must be a time like \"09:00\" (quote it)",
                        "data/agencies.yaml:13:10: error: phone '025-12-X' must be digits and single hyphens, like "
                        "025-278-8585",
                        "rules/routing.yaml:4:16: warning: refers to agency 'center', which has an error "
                        "(data/agencies.yaml:7:34); this item is checked once that is fixed",
                        "rules/routing.yaml:9:16: warning: refers to agency 'youth', which has an error "
                        "(data/agencies.yaml:13:10); this item is checked once that is fixed",
                        "rules/alerts.yaml:8:22: warning: refers to agency 'center', which has an error "
                        "(data/agencies.yaml:7:34); this item is checked once that is fixed",
                    }));
}

TEST_CASE("check: in Japanese, a reference to a broken item is still told apart from a new error") {
  // The loaders' messages are in the chosen language: check knows the id
  // an "unknown agency" error refers to from the Status, not its text.
  SetMessageLanguage(Lang::kJa);
  Files f;
  f.Edit(0, "  roles:\n    - {id: work", "  phone: \"025-12-X\"\n  roles:\n    - {id: work");
  const std::string found = Check(f);
  SetMessageLanguage(Lang::kEn);
  CHECK(found == Expect({
                     "data/agencies.yaml:12:10: error: 電話番号 '025-12-X' は 025-278-8585 のように数字と一つずつの"
                     "ハイフンで書いてください",
                     "rules/routing.yaml:9:16: warning: エラーのある機関 'youth'（data/agencies.yaml:12:10）を参照して"
                     "います。この項目は、そちらを直すと確認されます",
                 }));
}

TEST_CASE("check: lint warnings for what loads but cannot work") {
  Files f;
  f.Edit(2, "ja: [働きたい]", "ja: [働きたい, ひきこもり]")                   // claimed twice
      .Edit(2, "person: {ja: [本人, 息子]", "person: {ja: [本人, 息子, 親]")  // subject twice
      .Edit(3, "when: {all: [wants-work]}", "when: {all: [wants-work], none: [wants-work]}")
      .Edit(3, "when: {any: [hikikomori]}",
            "when:\n    any: [hikikomori]\n    age: [{subject: person, min: 50}, {subject: person, max: 40}]");
  CHECK(Check(f) == Expect({
                        "rules/lexicon.yaml:3:17: warning: phrase '親' of subject 'parent' reads as '親' (line 2) of "
                        "subject 'person'; a case that says it then means both: keep it in one place",
                        "rules/lexicon.yaml:14:24: warning: phrase 'ひきこもり' of fact 'wants-work' reads as "
                        "'ひきこもり' (line 9) of fact 'hikikomori'; a case that says it then means both: keep it in "
                        "one place",
                        "rules/routing.yaml:4:39: warning: rule 'general' can never fire: its age conditions on "
                        "person do not overlap",
                        "rules/routing.yaml:9:36: warning: rule 'work' can never fire: 'wants-work' is in both all "
                        "and none",
                    }));
}

TEST_CASE("check: phrases are checked as they read") {
  Files f;
  f.Edit(2, "ja: [働きたい]", "ja: [働きたい, 働きたいです, 家で, ないです]");
  CHECK(Check(f) == Expect({
                        "rules/lexicon.yaml:14:24: warning: phrase '働きたいです' reads as '働きたい' (line 14), which "
                        "already covers it (働く+たい): remove one",
                        "rules/lexicon.yaml:14:44: warning: phrase '家で' of fact 'wants-work' ends in the particle "
                        "'で', so it never matches (read alone, its words would match more than it says); write the "
                        "whole phrase, e.g. a noun or a verb in its dictionary form",
                        "rules/lexicon.yaml:14:52: warning: phrase 'ないです' of fact 'wants-work' has no content word "
                        "(only grammar), so it never matches",
                    }));
}

TEST_CASE("check: a phrase read one way alone and another in a sentence cannot match") {
  Files f;
  f.Edit(2, "ja: [働きたい]", "ja: [働きたい, 引き籠]");
  CHECK(Check(f) == Expect({
                        "rules/lexicon.yaml:14:24: warning: phrase '引き籠' of fact 'wants-work' reads as '引き+籠' "
                        "alone but differently inside a sentence, so it can no longer match: write whole words",
                    }));
}

TEST_CASE("check: an any list wholly in none can never fire") {
  Files f;
  f.Edit(3, "when: {any: [hikikomori]}", "when: {any: [hikikomori], none: [hikikomori]}");
  CHECK(Check(f) == Expect({
                        "rules/routing.yaml:2:35: warning: rule 'general' can never fire: every fact of its any list "
                        "is also in none",
                    }));
}

TEST_CASE("check: crisis contact facts without checked") {
  Files f;
  f.Edit(1, "  checked: {date: \"2026-12-03\", source: phone call, by: test}\n", "  note: {ja: a, en: b}\n");
  CHECK(Check(f) == Expect({
                        "data/crisis.yaml:1:3: warning: crisis contact 'police' gives hours, cost or who answers but "
                        "no checked: name the public page they come from, or leave them out",
                    }));
  Files bare;
  bare.Edit(1, "  checked: {date: \"2026-12-03\", source: phone call, by: test}\n  cost: free\n", "");
  CHECK(Check(bare) == "");  // nothing stated, nothing to source: shown as unchecked
}

TEST_CASE("check: agencies, crisis contacts and facts nothing reaches") {
  Files f;
  f.texts[0] +=
      "- id: lonely\n  name: {ja: 孤, en: Alone}\n  summary: {ja: 孤, en: Alone}\n  roles:\n"
      "    - {id: r, ja: 役, en: Role}\n  source: {block: 3, name: inferred}\n  verified: false\n";
  f.texts[1] += "- id: unused\n  name: {ja: 未使用, en: Unused}\n  phone: \"119\"\n  kinds: [x]\n";
  f.texts[2] +=
      "  - id: orphan\n    label: {ja: 孤児, en: orphan}\n    area: family\n    subject: person\n"
      "    ja: [孤児]\n";
  CHECK(Check(f) == Expect({
                        "data/agencies.yaml:17:3: warning: agency 'lonely' is named by no rule, alert, fallback or "
                        "team convener: no case can return it",
                        "data/crisis.yaml:7:3: warning: crisis contact 'unused' is used by no alert: it is never shown",
                        "rules/lexicon.yaml:20:5: warning: fact 'orphan' is used by no rule or alert: a case that says "
                        "it is shown as understood and counts as a problem area, but it routes nowhere",
                    }));
}

TEST_CASE("check: a fact with outside: acts through eligibility, and must name a required residence") {
  Files f;
  f.texts[2] +=
      "  - id: elsewhere\n    label: {ja: 市外, en: elsewhere}\n    area: admin\n    subject: household\n"
      "    outside: niigata-city\n    ja: [市外在住]\n";
  // No agency of the test data requires niigata-city: it removes nothing.
  CHECK(Check(f) == Expect({
                        "rules/lexicon.yaml:20:5: warning: fact 'elsewhere' is outside residence 'niigata-city', "
                        "which no agency's eligibility requires: it removes nothing",
                    }));
  // Once an agency requires it, the fact is in use though no rule names it.
  f.Edit(0, "  verified: false\n", "  eligibility: {residence: niigata-city}\n  verified: false\n");
  CHECK(Check(f) == Expect({}));
}

TEST_CASE("check --stale: fields and contacts not checked within DAYS, guideline-only agencies too") {
  Files f = CenterChecked(
      "    name: {date: \"2026-12-01\", source: \"https://example.org/c\", by: t}\n"
      "    roles: {date: \"2025-01-10\", source: \"phone call\", by: t}\n");
  StaleCheck stale = Stale365();
  std::string got;
  for (const std::string& line : Lines(CheckFiles(f.Files(), 2026, stale))) got += line + "\n";
  CHECK(got ==
        Expect({"data/agencies.yaml:1:3: warning: agency 'center': never checked: summary; checked more than 365 days "
                "ago: roles (2025-01-10); check them with a public page or a phone call and record it in checked",
                "data/agencies.yaml:12:3: warning: agency 'youth': never checked against a public source (guideline "
                "only); check them with a public page or a phone call and record it in checked"}));
  // A year later the crisis contact's check is stale too; without --stale, nothing.
  stale.today.year = 2027;
  stale.today.day = 4;
  std::vector<std::string> later = Lines(CheckFiles(f.Files(), 0, stale));
  REQUIRE(later.size() == 3);
  CHECK(later[2] ==
        "data/crisis.yaml:1:3: warning: crisis contact 'police': last checked 2026-12-03, more than 365 "
        "days ago; check it and record it in checked");
  CHECK(Lines(CheckFiles(f.Files(), 2026)).empty());
}

TEST_CASE("check --stale: local offices not checked within DAYS") {
  Files f = CenterChecked(
      "    name: {date: \"2026-12-01\", source: \"https://example.org/c\", by: t}\n"
      "    summary: {date: \"2026-12-01\", source: \"https://example.org/c\", by: t}\n"
      "    roles: {date: \"2026-12-01\", source: \"https://example.org/c\", by: t}\n"
      "    phone: {date: \"2026-12-01\", source: \"https://example.org/c\", by: t}\n"
      "  offices:\n"
      "    - {id: east, name: {ja: 東, en: East}, serves: [寺尾東]}\n"
      "    - id: west\n      name: {ja: 西, en: West}\n      serves: [寺尾西]\n"
      "      checked: {date: \"2025-01-10\", source: \"phone call\", by: t}\n");
  StaleCheck stale = Stale365();
  std::vector<std::string> got = Lines(CheckFiles(f.Files(), 0, stale));
  std::vector<std::string> offices;
  for (const std::string& line : got)
    if (line.find("office '") != std::string::npos) offices.push_back(line);
  CHECK(offices == std::vector<std::string>{
                       "data/agencies.yaml:15:7: warning: office 'east' of agency 'center': never checked against a "
                       "public source; check it and record it in checked",
                       "data/agencies.yaml:16:7: warning: office 'west' of agency 'center': last checked 2025-01-10, "
                       "more than 365 days ago; check it and record it in checked"});
}

TEST_CASE("check: a file that cannot be read is an error at line 0") {
  std::vector<SourceFile> files = Files().Files();
  files[4].text.clear();
  files[4].read = Status::Io("cannot open rules/alerts.yaml: No such file or directory");
  CHECK(Lines(CheckFiles(files)) ==
        std::vector<std::string>{
            "rules/alerts.yaml:0:0: error: cannot open rules/alerts.yaml: No such file or directory"});
}

TEST_CASE("check: text output shows the line and a caret under the column, then a summary") {
  Files f;
  f.Edit(3, "agency: youth", "agency: yout");
  std::vector<SourceFile> files = f.Files();
  std::vector<Finding> findings = CheckFiles(files);
  CHECK(RenderFindings(findings, files, false) ==
        "rules/routing.yaml:9:16: error: unknown agency 'yout'; did you mean 'youth'? (agencies are defined in "
        "data/agencies.yaml)\n"
        " 9 |     - {agency: yout, roles: [work], weight: 30}\n"
        "   |                ^\n"
        "1 error, 0 warnings in 6 files\n");
  CHECK(CountErrors(findings) == 1);
  // The caret counts display columns: a Japanese character is two wide.
  Files g;
  g.Edit(2, "ja: [働きたい]", "ja: [働きたい, ひきこもり]");
  files = g.Files();
  std::string text = RenderFindings(CheckFiles(files), files, false);
  CHECK(text.find(" 14 |     ja: [働きたい, ひきこもり]\n    |                    ^\n") != std::string::npos);
}

TEST_CASE("check: JSON for CI") {
  Files f;
  f.Edit(3, "agency: youth", "agency: yout")
      .Edit(3, "when: {any: [hikikomori]}", "when: {any: [hikikomori], none: [hikikomori]}");
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(RenderFindingsJson(CheckFiles(f.Files())));
  CHECK(j["errors"] == 1);
  CHECK(j["warnings"] == 1);
  REQUIRE(j["findings"].size() == 2);
  std::vector<std::string> keys;
  for (auto it = j["findings"][0].begin(); it != j["findings"][0].end(); ++it) keys.push_back(it.key());
  CHECK(keys == std::vector<std::string>{"file", "line", "column", "severity", "message"});
  CHECK(j["findings"][0]["severity"] == "warning");
  CHECK(j["findings"][1]["line"] == 9);
}

TEST_CASE("check: the shipped data and rules have no errors") {
  std::vector<SourceFile> files;
  for (const std::string& name : CheckedFileNames()) {
    bool data = name == "agencies.yaml" || name == "crisis.yaml" || name == "holidays.yaml";
    SourceFile f;
    f.name = std::string(data ? "data/" : "rules/") + name;
    f.read = ReadFile(std::string(TSUNAGU_SOURCE_DIR) + "/" + f.name, &f.text);
    files.push_back(f);
  }
  std::vector<Finding> findings = CheckFiles(files);
  for (const Finding& f : findings) MESSAGE(f.file << ":" << f.line << ": " << f.message);
  CHECK(CountErrors(findings) == 0);
}

TEST_CASE("check: holidays.yaml errors point into it; a calendar that ended is a warning") {
  Files f;
  CHECK(Lines(CheckFiles(f.Files(), 2026)).empty());
  CHECK(Lines(CheckFiles(f.Files(), 2027)) ==
        std::vector<std::string>{
            "data/holidays.yaml:2:26: warning: the holiday calendar covers 2026 to 2026 but it is 2027: open-now "
            "says \"holidays unknown\" for later dates; add the Cabinet Office's list for 2027 "
            "(https://www8.cao.go.jp/chosei/shukujitsu/gaiyou.html)"});
  f.Edit(5, "kind: national", "kind: nation");
  CHECK(Check(f) == Expect({"data/holidays.yaml:4:32: error: holiday kind must be national (国民の祝日), "
                            "substitute (振替休日) or citizens (国民の休日), found 'nation'"}));
}

// check sets broken items aside without parsing a file again when yaml-cpp
// has already rejected it, and takes the tree of a file with a duplicate key.
TEST_CASE("YamlDoc::reached: how far Parse got") {
  YamlDoc doc("f.yaml");
  CHECK(doc.Parse("- id: a\n").ok());
  CHECK(doc.reached() == YamlDoc::Reached::kTree);
  CHECK_FALSE(doc.Parse("a: 1\na: 2\n").ok());  // duplicate key: the tree is there
  CHECK(doc.reached() == YamlDoc::Reached::kTree);
  CHECK(doc.root().IsMap());
  CHECK_FALSE(doc.Parse("- id: [broken\n").ok());
  CHECK(doc.reached() == YamlDoc::Reached::kSyntax);
  CHECK_FALSE(doc.Parse("- id: \xff\n").ok());  // a bad byte: yaml-cpp never saw it
  CHECK(doc.reached() == YamlDoc::Reached::kChecks);
}
