// Tests for src/diff.h: reading cases (scenario YAML or text lines) and
// comparing two versions of a small model written here, edited the way a
// data keeper would edit it.
#include "diff.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "load_data.h"
#include "load_rules.h"
#include "test_analyzer.h"

namespace {

const char kAgencies[] = R"(
- id: center
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
  eligibility: {max_age: 59}
  source: {block: 2, name: stated}
  verified: false
- id: money
  name: {ja: 家計, en: Money}
  summary: {ja: 家計, en: Money}
  roles:
    - {id: hardship, ja: 困窮相談, en: Hardship consultation}
  source: {block: 3, name: stated}
  verified: false
)";

const char kCrisis[] = R"(
- id: police
  name: {ja: 警察, en: Police}
  phone: "110"
  kinds: [violence]
  hours: {always: true, text: {ja: 24時間, en: 24 hours}}
  cost: free
)";

const char kLexicon[] = R"(
subjects:
  person: {ja: [本人, 息子], en: [son]}
  parent: {ja: [親], en: [parent]}
facts:
  - id: hikikomori
    label: {ja: ひきこもり, en: withdrawal}
    area: withdrawal
    subject: person
    ja: [ひきこもり]
  - id: debt
    label: {ja: 借金, en: debt}
    area: money
    subject: household
    ja: [借金]
  - id: violence
    label: {ja: 暴力, en: violence}
    area: crisis
    subject: person
    ja: [暴力]
)";

const char kRouting[] = R"(
- id: general
  when: {any: [hikikomori]}
  to:
    - {agency: center, roles: [general], weight: 40}
    - {agency: youth, roles: [work], weight: 10}
  reason: {ja: 相談, en: consult}
)";

const char kAlerts[] = R"(
alerts:
  - id: alert-violence
    kind: violence
    when: {any: [violence]}
    contacts: [police]
    message: {ja: 暴力, en: Violence}
team:
  convener: {agency: center, role: convene}
  multi_issue_areas: 3
fallback:
  - {agency: center, roles: [general]}
)";

struct Version {
  std::string texts[5] = {kAgencies, kCrisis, kLexicon, kRouting, kAlerts};
  Model model;
  Lexicon lexicon;
  Version& Edit(int i, const std::string& from, const std::string& to) {
    size_t at = texts[i].find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    texts[i].replace(at, from.size(), to);
    return *this;
  }
  Version& Load() {
    model = Model();
    Status s = LoadAgencies(texts[0], "agencies.yaml", &model);
    if (s.ok()) s = LoadCrisis(texts[1], "crisis.yaml", &model);
    if (s.ok()) s = LoadLexicon(texts[2], "lexicon.yaml", &model);
    if (s.ok()) s = LoadRouting(texts[3], "routing.yaml", &model);
    if (s.ok()) s = LoadAlerts(texts[4], "alerts.yaml", &model);
    REQUIRE_MESSAGE(s.ok(), s.ToString());
    lexicon = Lexicon(model, TheAnalyzer());
    return *this;
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
  DiffReport r = DiffCases(v.model, v.lexicon, v.model, v.lexicon, Cases({"息子がひきこもり", "借金", "ほげ"}));
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
  DiffReport r = DiffCases(old_version.model, old_version.lexicon, new_version.model, new_version.lexicon,
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
  DiffReport r = DiffCases(v.model, v.lexicon, v.model, v.lexicon, Cases({"ok", std::string("bad\xff")}));
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
