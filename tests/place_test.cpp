// Where the family lives and the local office serving it (src/place.cpp),
// on the fixture of fictional offices (tests/fixtures/offices) and on the
// shipped data (no office lists: the answer says whom to ask).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "embedded.h"
#include "load_model.h"
#include "place.h"
#include "render.h"
#include "scenario.h"
#include "test_analyzer.h"
#include "triage.h"

namespace {

struct Fixture {
  Model model;
  Lexicon lexicon;
  explicit Fixture(bool shipped) {
    Status s =
        shipped ? LoadEmbeddedModel(&model)
                : LoadModelFromDirs(TSUNAGU_SOURCE_DIR "/tests/fixtures/offices", TSUNAGU_SOURCE_DIR "/rules", &model);
    REQUIRE_MESSAGE(s.ok(), s.ToString());
    lexicon = Lexicon(model, TheAnalyzer());
  }
  CaseResult Run(const std::string& text) const {
    CaseResult r;
    Status s = Triage(model, lexicon, RuleIndex(model), text, &r);
    REQUIRE_MESSAGE(s.ok(), s.ToString());
    return r;
  }
  const RankedAgency* Ranked(const CaseResult& r, const char* id) const {
    for (const RankedAgency& a : r.ranking.agencies)
      if (model.agencies[a.agency].id == id) return &a;
    return nullptr;
  }
  // The office chosen for agency id: its id, "none", or "absent" when the
  // agency is not in the answer.
  std::string Office(const std::string& text, const char* id = "houkatsu") const {
    CaseResult r = Run(text);
    const RankedAgency* a = Ranked(r, id);
    if (!a) return "absent";
    return a->office < 0 ? "none" : model.agencies[a->agency].offices[static_cast<size_t>(a->office)].id;
  }
  std::string Place(const std::string& text) const {
    CaseResult r = Run(text);
    return r.understanding.places.empty() ? "none" : r.understanding.places[0].area;
  }
};

const Fixture& F() {
  static const Fixture* f = new Fixture(false);
  return *f;
}
const Fixture& Shipped() {
  static const Fixture* f = new Fixture(true);
  return *f;
}

const char kOld[] = "80代の母と50代の息子。息子はひきこもり。";

}  // namespace

TEST_CASE("AreaKey: case, hyphens, spaces and macrons do not count") {
  CHECK(AreaKey("Terao-Higashi") == "teraohigashi");
  CHECK(AreaKey("teraohigashi") == "teraohigashi");
  CHECK(AreaKey("SAKAI HIGASHI") == "sakaihigashi");
  CHECK(AreaKey("Shindōri") == "shindori");
  CHECK(AreaKey("寺尾東") == "寺尾東");
  CHECK(AreaKey("ｻｶｲ") == AreaKey("さかい"));  // katakana folds to hiragana, as a case does
  CHECK(AreaKey("- -").empty());
}

TEST_CASE("places: the area where they live, by kanji, romaji and address") {
  CHECK(F().Place(std::string(kOld) + "寺尾東に住んでいます。") == "寺尾東");
  CHECK(F().Place(std::string("西区寺尾東3丁目在住。") + kOld) == "寺尾東");
  CHECK(F().Place(std::string("寺尾東三丁目に住む。") + kOld) == "寺尾東");
  CHECK(F().Place(std::string("住所は新潟市西区坂井東5-12-3。") + kOld) == "坂井東");
  CHECK(F().Place(std::string("坂井東のアパートで暮らす。") + kOld) == "坂井東");
  CHECK(F().Place(std::string("実家は寺尾東です。") + kOld) == "寺尾東");
  CHECK(F().Place("we live in teraohigashi 2-chome. my father is 79.") == "寺尾東");
  CHECK(F().Place("They live in Terao-Higashi, Nishi-ku.") == "寺尾東");
  CHECK(F().Place("She lives in Sakai Higashi with her son.") == "坂井東");
  CHECK(F().Place("We live in Shindōri.") == "新通");
  CHECK(F().Place("We live in Shindoori.") == "新通");
  CHECK(F().Place("They live in 寺尾東.") == "寺尾東");
  CHECK(F().Place("They live in \u201cTeraohigashi\u201d now.") == "寺尾東");
  CHECK(F().Place(std::string("母と寺尾東で二人暮らし。") + kOld) == "寺尾東");
  CHECK(F().Place(std::string("寺尾東で母と暮らしている。") + kOld) == "寺尾東");
  CHECK(F().Place("Address: Teraohigashi 3-chome. Mother 80, son 50.") == "寺尾東");
  CHECK(F().Place("My mother, a resident of Sakai-higashi, is 80.") == "坂井東");
  // The longer name wins where two start at one place (坂井輪中学校の学区,
  // a reading of 坂井輪中学校区).
  CHECK(F().Place("坂井輪中学校の学区に住んでいます。") == "坂井輪中学校区");
}

TEST_CASE("places: a place word that is not where they live") {
  CHECK(F().Place(std::string("寺尾東の病院に通っている。") + kOld) == "none");
  CHECK(F().Place(std::string("父は寺尾東出身。") + kOld) == "none");
  CHECK(F().Place(std::string("寺尾東から引っ越してきた。") + kOld) == "none");
  CHECK(F().Place(std::string("寺尾東には住んでいない。") + kOld) == "none");
  CHECK(F().Place(std::string("以前は寺尾東に住んでいました。") + kOld) == "none");
  CHECK(F().Place(std::string("坂井東に住みたい。") + kOld) == "none");
  CHECK(F().Place(std::string("寺尾東で働いていた。") + kOld) == "none");
  CHECK(F().Place(std::string("寺尾東で暮らしていた母は今は施設。") + kOld) == "none");
  CHECK(F().Place("He goes to a clinic in Teraohigashi.") == "none");
  CHECK(F().Place("My father is from Teraohigashi.") == "none");
  CHECK(F().Place("We used to live in Sakai-higashi.") == "none");
  CHECK(F().Place("They don't live in Sakai-higashi.") == "none");
  CHECK(F().Place("We live in Sakai-higashimachi.") == "none");  // another word
  CHECK(F().Place(kOld) == "none");
}

TEST_CASE("places: the words are understood and shown as written") {
  CaseResult r = F().Run(std::string(kOld) + "寺尾東に住んでいます。");
  REQUIRE(r.understanding.places.size() == 1);
  CHECK(r.understanding.places[0].words == "寺尾東に住んでいます");
  CHECK(r.understanding.unrecognized.empty());
  r = F().Run("They live in Sakai-Higashi.");
  REQUIRE(r.understanding.places.size() == 1);
  CHECK(r.understanding.places[0].words == "live in sakai-higashi");
  // A place cue that is not a verb ends the words there.
  r = F().Run("寺尾東の自宅にこもっている息子(50)、母(80)");
  REQUIRE(r.understanding.places.size() == 1);
  CHECK(r.understanding.places[0].words == "寺尾東の自宅");
}

TEST_CASE("offices: the office serving the area is chosen, with its phone and hours") {
  const std::string text = std::string(kOld) + "寺尾東に住んでいます。";
  CHECK(F().Office(text) == "fict-minato");
  CHECK(F().Office(std::string("坂井東のアパートで。") + kOld) == "fict-sakai");
  CHECK(F().Office(std::string("寺尾西に住む。") + kOld) == "fict-kita");
  CaseResult r = F().Run(text);
  const RankedAgency* a = F().Ranked(r, "houkatsu");
  REQUIRE(a);
  CHECK(ShownPhone(F().model, *a) == "099-999-0001");
  CHECK(ShownHours(F().model, *a).opens_at == "08:30");
  CHECK(a->office_reason.ja ==
        "担当: 架空 "
        "みなと地域包括支援センター(テスト用)(099-999-0001)"
        "。事例の「寺尾東に住んでいます」から、寺尾東を担当する事務所です");
  CHECK(a->office_reason.en ==
        "Office: Fictional Minato Community Comprehensive Support Center (test) (099-999-0001), which serves "
        "Teraohigashi (寺尾東): the case says \"寺尾東に住んでいます\"");
  CHECK(a->conditions.back().kind == "office");
  // An office without a phone: the agency's own (none here) stays.
  r = F().Run(std::string("寺尾西に住む。") + kOld);
  a = F().Ranked(r, "houkatsu");
  REQUIRE(a);
  CHECK(ShownPhone(F().model, *a).empty());
}

TEST_CASE("offices: an area no office serves, and no place, say whom to ask") {
  CaseResult r = F().Run(std::string("内野に住む。") + kOld);
  const RankedAgency* a = F().Ranked(r, "houkatsu");
  REQUIRE(a);
  CHECK(a->office == -1);
  CHECK(a->conditions.back().kind == "office-unknown");
  CHECK(a->office_reason.ja ==
        "内野を担当する地域包括支援センターはデータにありません。西区役所 健康福祉課(025-268-1000)で確認してください");
  CHECK(a->office_reason.en ==
        "No Community Comprehensive Support Center in the data serves Uchino (内野); ask Nishi Ward Office, Health and "
        "Welfare Division (025-268-1000)");
  r = F().Run(kOld);
  a = F().Ranked(r, "houkatsu");
  REQUIRE(a);
  CHECK(a->office_reason.ja ==
        "お住まいの地区の地域包括支援センターを選べません(事例に住んでいる地区の記載がありません)。西区役所 "
        "健康福祉課(025-268-1000)で確認してください");
  CHECK(a->office_reason.en ==
        "Which local Community Comprehensive Support Center serves the family cannot be chosen (the case does not say "
        "where they live); ask Nishi Ward Office, Health and Welfare Division (025-268-1000)");
}

TEST_CASE("offices: the shipped data lists no offices; houkatsu and minsei-iin say whom to ask") {
  for (const char* id : {"houkatsu", "minsei-iin"}) {
    const Agency& a = Shipped().model.agencies[static_cast<size_t>(Shipped().model.FindAgency(id))];
    CHECK(a.local_offices);
    CHECK(a.offices.empty());
    CHECK(Shipped().model.agencies[static_cast<size_t>(a.ask)].id == "kenko-fukushi");
  }
  for (const Agency& a : Shipped().model.agencies) CHECK_MESSAGE(a.offices.empty(), a.id);  // none invented
  CaseResult r = Shipped().Run(std::string(kOld) + "寺尾東に住んでいます。");
  CHECK(r.understanding.places.empty());  // no area is known
  const RankedAgency* a = Shipped().Ranked(r, "houkatsu");
  REQUIRE(a);
  CHECK(a->office == -1);
  CHECK(a->office_reason.ja ==
        "お住まいの地区の地域包括支援センターを選べません(データに事務所の一覧がありません)。西区役所 "
        "健康福祉課(025-268-1000)で確認してください");
  CHECK(a->office_reason.en ==
        "Which local Community Comprehensive Support Center serves the family cannot be chosen (the data lists no "
        "offices); ask Nishi Ward Office, Health and Welfare Division (025-268-1000)");
  // An agency without local offices has no reason.
  const RankedAgency* center = Shipped().Ranked(r, "hikikomori-center");
  REQUIRE(center);
  CHECK(center->office_reason.empty());
}

TEST_CASE("offices: JSON has office and office_reason per agency") {
  RenderOptions options;
  nlohmann::json j =
      nlohmann::json::parse(RenderJson(F().model, F().Run(std::string(kOld) + "寺尾東に住む。"), options));
  bool seen = false;
  for (const nlohmann::json& a : j["agencies"]) {
    if (a["id"] == "houkatsu") {
      seen = true;
      CHECK(a["office"]["id"] == "fict-minato");
      CHECK(a["office"]["phone"] == "099-999-0001");
      CHECK(a["office"]["address"]["ja"] == "(架空)新潟市西区寺尾東9-99-1");
      CHECK(a["office"]["hours"]["opens_at"] == "08:30");
      CHECK(a["office"]["checked_on"].is_null());
      CHECK(a["office_reason"]["ja"].get<std::string>().rfind("担当: ", 0) == 0);
    } else if (a["id"] == "hikikomori-center") {
      CHECK(a["office"].is_null());
      CHECK(a["office_reason"].is_null());
    }
  }
  CHECK(seen);
  j = nlohmann::json::parse(RenderJson(F().model, F().Run(std::string(kOld) + "坂井東に住む。"), options));
  for (const nlohmann::json& a : j["agencies"])
    if (a["id"] == "houkatsu") CHECK(a["office"]["checked_on"] == "2026-12-03");
}

TEST_CASE("offices: a scenario expecting another office fails with what it got") {
  std::vector<Scenario> cases;
  Status s = LoadScenarios(
      "- text: 80代の母と50代の息子。息子はひきこもり。寺尾東に住んでいる\n"
      "  offices: {houkatsu: fict-sakai}\n",
      "cases.yaml", F().model, &cases);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  ScenarioReport report;
  RunScenarios(F().model, F().lexicon, RuleIndex(F().model), cases, &report);
  REQUIRE(report.failures.size() == 1);
  CHECK(report.failures[0].find("\n    expected houkatsu office fict-sakai, got fict-minato\n") != std::string::npos);
}
