// Tests for src/diff.h: reading cases (scenario YAML or text lines) and
// comparing two versions of the small test model (small_model.h), edited
// the way a data keeper would edit it.
#include "diff.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "small_model.h"

namespace {

// The small model (small_model.h) with youth up to 59 and sent every
// withdrawn person, a money agency and a debt fact, and three problem
// areas for a team.
struct Version : SmallModel {
  Version() {
    Edit(kAgenciesFile, "max_age: 49", "max_age: 59").Append(kAgenciesFile, small_model::MoneyAgency(3));
    Edit(kCrisisFile, small_model::kPoliceChecked, small_model::kPoliceHours);
    Edit(kLexiconFile, "  - id: violence\n",
         "  - id: debt\n    label: {ja: 借金, en: debt}\n    area: money\n    subject: household\n"
         "    ja: [借金]\n  - id: violence\n")
        .Drop(kLexiconFile, "wants-work");
    Edit(kRoutingFile, "weight: 40}\n", "weight: 40}\n    - {agency: youth, roles: [work], weight: 10}\n")
        .Drop(kRoutingFile, "work");
    Edit(kAlertsFile, "multi_issue_areas: 2", "multi_issue_areas: 3");
  }
};

std::vector<DiffCase> Cases(const std::vector<std::string>& texts) {
  std::vector<DiffCase> out;
  int line = 0;
  for (const std::string& t : texts) out.push_back({t, "", "cases.txt", ++line});
  return out;
}

}  // namespace

TEST_CASE("diff: cases from scenario YAML keep their names and lines; other keys are ignored") {
  std::vector<DiffCase> cases;
  Status s = ReadDiffCases("- name: one\n  text: 息子がひきこもり\n  include: [center]\n- text: 借金がある\n",
                           "cases.yaml", &cases);
  REQUIRE(s.ok());
  REQUIRE(cases.size() == 2);
  CHECK(cases[0].name == "one");
  CHECK(cases[0].text == "息子がひきこもり");
  CHECK(cases[0].line == 1);
  CHECK(cases[1].name == "");
  CHECK(cases[1].line == 4);
  CHECK(cases[1].file == "cases.yaml");
}

TEST_CASE("diff: cases from a text file, one per line, skipping blanks and comments") {
  std::vector<DiffCase> cases;
  REQUIRE(ReadDiffCases("# header\r\n息子がひきこもり\r\n\n   \n借金がある", "cases.txt", &cases).ok());
  REQUIRE(cases.size() == 2);
  CHECK(cases[0].text == "息子がひきこもり");
  CHECK(cases[0].line == 2);
  CHECK(cases[1].text == "借金がある");
  CHECK(cases[1].line == 5);
}

TEST_CASE("diff: a scenario without text is an error that points at it") {
  std::vector<DiffCase> cases;
  Status s = ReadDiffCases("- text: a\n- name: b\n", "cases.yaml", &cases);
  CHECK(s.ToString() == "cases.yaml:2:3: missing required key 'text'");
}

TEST_CASE("diff: the same version changes nothing") {
  Version v;
  v.Load();
  DiffReport r = DiffCases(v.model, v.lexicon, RuleIndex(v.model), v.model, v.lexicon, RuleIndex(v.model),
                           Cases({"息子がひきこもり", "借金", "ほげ"}));
  CHECK(r.changed == 0);
  CHECK(r.cases.size() == 3);
  CHECK(RenderDiff(r, Lang::kEn) == "3 cases, 0 changed\n");
}

TEST_CASE("diff: agencies in, out (with the eligibility that removed them) and moved; alerts") {
  Version old_version, new_version;
  old_version.Load();
  new_version
      .Edit(0, "max_age: 59", "max_age: 49")  // youth: out for a 52-year-old
      .Edit(3, "weight: 10}", "weight: 50}")  // youth: moves up
      .Edit(3, "  reason: {ja: 相談, en: consult}\n",
            "  reason: {ja: 相談, en: consult}\n- id: money\n  when: {any: [debt]}\n  to:\n"
            "    - {agency: money, roles: [hardship], weight: 20}\n  reason: {ja: 家計, en: money}\n")
      .Edit(4, "when: {any: [violence]}", "when: {any: [violence, debt]}")
      .Load();
  DiffReport r = DiffCases(old_version.model, old_version.lexicon, RuleIndex(old_version.model), new_version.model,
                           new_version.lexicon, RuleIndex(new_version.model),
                           Cases({"30歳の息子がひきこもり", "52歳の息子がひきこもり", "借金がある", "ほげ"}));
  CHECK(r.changed == 3);
  REQUIRE(r.cases.size() == 4);
  const CaseDiff& young = r.cases[0];
  REQUIRE(young.moved.size() == 2);
  CHECK(young.moved[0].id == "youth");
  CHECK(young.moved[0].old_rank == 2);
  CHECK(young.moved[0].new_rank == 1);
  const CaseDiff& older = r.cases[1];
  REQUIRE(older.out.size() == 1);
  CHECK(older.out[0].id == "youth");
  CHECK(older.out[0].removed.en == "serves up to age 49; the person is 52");
  const CaseDiff& debt = r.cases[2];
  REQUIRE(debt.in.size() == 1);
  CHECK(debt.in[0].id == "money");
  CHECK(debt.out.size() == 1);  // the fallback window is no longer needed
  CHECK(debt.alerts_in == std::vector<std::string>{"alert-violence"});
  CHECK_FALSE(r.cases[3].changed());

  CHECK(RenderDiff(r, Lang::kEn) ==
        "cases.txt:1  \"30歳の息子がひきこもり\"\n"
        "  ~ youth   rank 2 → 1 (score 10 → 50)\n"
        "  ~ center  rank 1 → 2 (score 40 → 40)\n"
        "cases.txt:2  \"52歳の息子がひきこもり\"\n"
        "  - youth   out (was rank 2) removed: serves up to age 49; the person is 52\n"
        "cases.txt:3  \"借金がある\"\n"
        "  + money   in, rank 1 (score 20)\n"
        "  - center  out (was rank 1)\n"
        "  ! alert-violence  alert now shown\n"
        "4 cases, 3 changed\n");

  nlohmann::ordered_json j = nlohmann::ordered_json::parse(RenderDiffJson(r));
  CHECK(j["schema"] == "tsunagu.diff/1");
  CHECK(j["total"] == 4);
  CHECK(j["changed"] == 3);
  CHECK(j["cases"][1]["out"][0]["removed"]["ja"] == "対象は49歳まで、本人は52歳");
  CHECK(j["cases"][2]["in"][0]["old_rank"].is_null());
  CHECK(j["cases"][3]["changed"] == false);
}

TEST_CASE("diff: a case that cannot be read is reported, not dropped") {
  Version v;
  v.Load();
  DiffReport r = DiffCases(v.model, v.lexicon, RuleIndex(v.model), v.model, v.lexicon, RuleIndex(v.model),
                           Cases({"ok", std::string("bad\xff")}));
  CHECK(r.errors == 1);
  CHECK(r.cases.size() == 2);
  CHECK(r.cases[1].error.find("not valid UTF-8") != std::string::npos);
  std::string text = RenderDiff(r, Lang::kEn);
  CHECK(text.find("cases.txt:2  \"bad\\xff\"\n  error: ") == 0);
  CHECK(text.find("2 cases, 0 changed, 1 not readable\n") != std::string::npos);
  nlohmann::json j = nlohmann::json::parse(RenderDiffJson(r));
  CHECK(j["cases"][1]["text"] == "bad\\xff");
  CHECK(j["errors"] == 1);
}
