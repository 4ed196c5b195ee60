// Error paths of the data and rule loaders (src/yaml_doc.cpp,
// src/load_data.cpp, src/load_rules.cpp, src/load_model.cpp). Each test
// asserts the whole message, position included: a message is part of the
// interface, since people fix their files by it.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>

#include "load_data.h"
#include "load_model.h"
#include "load_rules.h"
#include "small_model.h"

namespace {

// The small model's (small_model.h) center alone, with a phone: a valid
// agency, to build broken files from. (Plain string edits: SmallModel's
// REQUIREs cannot run before the tests do.)
const std::string kAgency = [] {
  std::string text = SmallModel().texts[kAgenciesFile];
  text.erase(text.find("- id: youth"));
  return text.insert(text.find("  source:"), "  phone: \"025-278-8585\"\n");
}();

// A valid holiday calendar: a substitute holiday, a citizens' holiday and
// one of the second year.
const char kHolidays[] = R"(source: ["https://www8.cao.go.jp/chosei/shukujitsu/gaiyou.html"]
checked:
  - date: "2026-12-03"
    source: "https://www8.cao.go.jp/chosei/shukujitsu/syukujitsu.csv"
    by: tests
covers: {from: 2026, to: 2027}
holidays:
  - {date: "2026-05-06", kind: substitute, name: {ja: 振替休日, en: Substitute holiday}}
  - {date: "2026-09-22", kind: citizens, name: {ja: 国民の休日, en: "Citizens' holiday"}}
  - {date: "2027-03-21", kind: national, name: {ja: 春分の日, en: Vernal Equinox Day}}
)";

// Its police, open day and night.
const std::string kCrisis = [] {
  std::string text = SmallModel().texts[kCrisisFile];
  const std::string checked = small_model::kPoliceChecked;
  return text.replace(text.find(checked), checked.size(), small_model::kPoliceHours);
}();

// Its lexicon with two facts, violence read in English only.
const std::string& BaseLexicon() {
  static const std::string text =
      SmallModel()
          .Edit(kLexiconFile, "person: {ja: [本人, 息子], en: [son]}\n  parent: {ja: [親], en: [parent]}\n",
                "person: {ja: [息子], en: [son]}\n  parent: {ja: [母], en: [mother]}\n")
          .Drop(kLexiconFile, "wants-work")
          .Edit(kLexiconFile, "    ja: [暴力]\n", "    en: [violence]\n")
          .texts[kLexiconFile];
  return text;
}

const char kRule[] = R"(- id: general
  when: {any: [hikikomori]}
  to:
    - {agency: center, roles: [general], weight: 40}
  reason: {ja: 相談, en: consult}
)";

const char kAlertsTail[] = R"(team:
  convener: {agency: center, role: convene}
  multi_issue_areas: 2
fallback:
  - {agency: center, roles: [general]}
)";

std::string Agencies(const std::string& text) {
  Model m;
  Status s = LoadAgencies(text, "agencies.yaml", &m);
  if (s.ok()) return "OK";
  CHECK(s.kind() == ErrorKind::kData);
  return s.ToString();
}

std::string Crisis(const std::string& text) {
  Model m;
  Status s = LoadCrisis(text, "crisis.yaml", &m);
  return s.ok() ? "OK" : s.ToString();
}

// A model with the valid agencies and crisis contacts loaded (and the lexicon).
Model Base(bool with_lexicon) {
  Model m;
  Status s = LoadAgencies(kAgency, "agencies.yaml", &m);
  if (s.ok()) s = LoadCrisis(kCrisis, "crisis.yaml", &m);
  if (s.ok() && with_lexicon) s = LoadLexicon(BaseLexicon(), "lexicon.yaml", &m);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  return m;
}

std::string LexiconFile(const std::string& text) {
  Model m = Base(false);
  Status s = LoadLexicon(text, "lexicon.yaml", &m);
  return s.ok() ? "OK" : s.ToString();
}

std::string Routing(const std::string& text) {
  Model m = Base(true);
  Status s = LoadRouting(text, "routing.yaml", &m);
  return s.ok() ? "OK" : s.ToString();
}

std::string Alerts(const std::string& text) {
  Model m = Base(true);
  Status s = LoadAlerts(text, "alerts.yaml", &m);
  return s.ok() ? "OK" : s.ToString();
}

// kAgency with one line replaced.
std::string AgencyWith(const std::string& from, const std::string& to) {
  std::string text = kAgency;
  size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

std::string RuleWith(const std::string& from, const std::string& to) {
  std::string text = kRule;
  size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("the valid bases load") {
  CHECK(Agencies(kAgency) == "OK");
  CHECK(Crisis(kCrisis) == "OK");
  CHECK(LexiconFile(BaseLexicon()) == "OK");
  CHECK(Routing(kRule) == "OK");
  CHECK(Alerts(std::string("alerts: []\n") + kAlertsTail) == "OK");
}

// ---------------------------------------------------------------- YAML level

TEST_CASE("YAML syntax error: name:line:column: YAML syntax: ...") {
  CHECK(Agencies("- id: center\n  name: {ja: x, en: y\n") ==
        "agencies.yaml:3:1: YAML syntax: a '{' mapping is not closed; add the '}', or put a value holding , { } "
        "or : in double quotes [end of map flow not found]");
  CHECK(Agencies("- id: [center\n") ==
        "agencies.yaml:2:1: YAML syntax: a '[' list is not closed; add the ']', or put a value holding , [ ] or : "
        "in double quotes [end of sequence flow not found]");
  CHECK(LexiconFile("subjects:\n  person: {ja: [a]}\n facts: []\n") ==
        "lexicon.yaml:3:2: YAML syntax: this line is not indented like the lines around it (spaces, not tabs), or "
        "'-' has no space after it, or text follows a closing quote; indent like the lines above and quote the "
        "whole value [end of map not found]");
}

TEST_CASE("a full-width space in the indentation is named, on its own line") {
  CHECK(LexiconFile("subjects:\n  person:\n    ja:\n\xE3\x80\x80\xE3\x80\x80- a\n") ==
        "lexicon.yaml:4:1: a full-width space (全角スペース) in the indentation; indent with half-width spaces");
  CHECK(LexiconFile("subjects:\n  \xE3\x80\x80person:\n    ja: [a]\n") ==
        "lexicon.yaml:2:3: a full-width space (全角スペース) in the indentation; indent with half-width spaces");
  // Inside a value it is text, not indentation.
  CHECK(LexiconFile(std::string(BaseLexicon()).replace(BaseLexicon().find("ja: ["), 5, "ja: [\"\xE3\x80\x80x\", ")) ==
        "OK");
}

TEST_CASE("YAML syntax errors a data keeper makes are said as advice") {
  CHECK(LexiconFile("subjects:\n  person:\n    ja:\n      - a\n\t  - b\n") ==
        "lexicon.yaml:5:1: YAML syntax: a tab in the indentation; indent with spaces "
        "[illegal tab when looking for indentation]");
  CHECK(LexiconFile("subjects:\n  note: see: this\n") ==
        "lexicon.yaml:2:12: YAML syntax: a ': ' inside a value that is not quoted; put the whole value in double "
        "quotes (\"...\") [illegal map value]");
  CHECK(LexiconFile("subjects:\n  person:\n    ja:\n      - \"a\" b\n") ==
        "lexicon.yaml:4:13: YAML syntax: this line is not indented like the list around it (spaces, not tabs), or "
        "text follows a closing quote; indent like the items above and quote the whole value "
        "[end of sequence not found]");
  CHECK(LexiconFile("subjects:\n  person:\n    ja:\n      - @a\n") ==
        "lexicon.yaml:4:9: YAML syntax: a value cannot start with @ or `; put it in double quotes [unknown token]");
  CHECK(LexiconFile("subjects:\n  person:\n    ja:\n      - a: b\n") ==
        "lexicon.yaml:4:9: ja must be a plain value, found a mapping (a ': ' inside a value makes it a mapping: "
        "put the value in double quotes)");
  CHECK(LexiconFile("subjects:\n  person:\n    ja:\n      - #a\n") ==
        "lexicon.yaml:5:1: ja must be a plain value, found nothing (is the value missing? a '#' after a space "
        "starts a comment: quote a value holding '#')");
}

TEST_CASE("duplicate key: rejected although yaml-cpp accepts it") {
  CHECK(Agencies(AgencyWith("  phone: \"025-278-8585\"\n", "  id: other\n")) ==
        "agencies.yaml:7:3: duplicate key 'id'; remove one of them");
  CHECK(Agencies(AgencyWith("name: {ja: センター, en: Center}", "name: {ja: センター, ja: Center}")) ==
        "agencies.yaml:2:28: duplicate key 'ja'; remove one of them");
}

TEST_CASE("invalid UTF-8 in a file: line, column and byte offset") {
  CHECK(Agencies(AgencyWith("ja: センター", "ja: セン\xFFター")) ==
        "agencies.yaml:2:16: invalid UTF-8 or NUL byte at byte offset 32; save the file as UTF-8");
  CHECK(Agencies(std::string("- id: a\0b\n", 10)) ==
        "agencies.yaml:1:8: invalid UTF-8 or NUL byte at byte offset 7; save the file as UTF-8");
}

TEST_CASE("nesting deeper than 64 levels") {
  std::string deep = "- x: " + std::string(70, '[') + std::string(70, ']') + "\n";
  CHECK(Agencies(deep) == "agencies.yaml:1:69: nesting deeper than 64 levels");
  std::string ok = "- x: " + std::string(60, '[') + std::string(60, ']') + "\n";
  CHECK(Agencies(ok).find("nesting") == std::string::npos);
}

// Anchors and aliases are refused before yaml-cpp builds a tree: 436 bytes
// of nested aliases would otherwise expand into 10^9 nodes when walked.
TEST_CASE("an alias bomb fails fast") {
  std::string text = "- &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i <= 9; ++i) {
    text += "- &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) text += (k ? ", *a" : "*a") + std::to_string(i - 1);
    text += "]\n";
  }
  auto start = std::chrono::steady_clock::now();
  std::string message = Agencies(text);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(message ==
        "agencies.yaml:1:3: YAML anchors and aliases (&name, *name) are not supported; "
        "write the value out in full");
  CHECK(seconds < 5.0);  // a hang guard, not a speed target
}

// ------------------------------------------------------------ agencies.yaml

TEST_CASE("agencies: the file must be a non-empty list") {
  CHECK(Agencies("") == "agencies.yaml: the agencies file must be a list, found nothing");
  CHECK(Agencies("center: {}\n") == "agencies.yaml:1:1: the agencies file must be a list, found a mapping");
  CHECK(Agencies("[]\n") == "agencies.yaml:1:1: no agencies defined");
}

TEST_CASE("agencies: duplicate agency id") {
  CHECK(Agencies(kAgency + kAgency) == "agencies.yaml:10:7: duplicate agency id 'center'");
}

TEST_CASE("agencies: unknown key, with a did-you-mean") {
  CHECK(Agencies(AgencyWith("  verified: false\n", "  verified: false\n  summry: x\n")) ==
        "agencies.yaml:10:3: unknown key 'summry' in an agency; did you mean 'summary'?");
  CHECK(Agencies(AgencyWith("  verified: false\n", "  verified: false\n  adress: x\n")) ==
        "agencies.yaml:10:3: unknown key 'adress' in an agency; did you mean 'address'?");
}

TEST_CASE("agencies: unknown key with nothing close lists the allowed keys") {
  CHECK(Agencies(AgencyWith("  verified: false\n", "  verified: false\n  website: x\n")) ==
        "agencies.yaml:10:3: unknown key 'website' in an agency; allowed: id name summary roles address phone hours "
        "eligibility source verified "
        "checked local_offices ask offices");
}

TEST_CASE("agencies: checked fields and roles from the summary load") {
  Model m;
  REQUIRE(LoadAgencies(AgencyWith("  verified: false\n",
                                  "  verified: false\n  checked:\n"
                                  "    phone: {date: \"2026-12-03\", source: \"https://example.org/a\", by: me}\n"
                                  "    name:\n"
                                  "      - {date: \"2026-11-01\", source: \"phone call\", by: me}\n"
                                  "      - {date: \"2026-12-01\", source: \"https://example.org/b\", by: you}\n") +
                           "",
                       "agencies.yaml", &m)
              .ok());
  REQUIRE(m.agencies[0].checked.size() == 3);
  CHECK(m.agencies[0].checked[0].field == "phone");
  CHECK(m.agencies[0].checked[2].check.by == "you");
  CHECK(m.agencies[0].LastChecked() == "2026-12-03");
  Model n;
  REQUIRE(LoadAgencies(AgencyWith("en: Convening}", "en: Convening, from: summary}"), "agencies.yaml", &n).ok());
  CHECK_FALSE(n.agencies[0].roles[0].from_summary);
  CHECK(n.agencies[0].roles[1].from_summary);
  CHECK(RoleLabel(n.agencies[0].roles[1], Lang::kJa) == "会議の招集(紹介文より)");
  CHECK(RoleLabel(n.agencies[0].roles[1], Lang::kEn) == "Convening (from the agency's summary)");
  CHECK(RoleLabel(n.agencies[0].roles[0], Lang::kEn) == "General consultation");
  CHECK(n.agencies[0].LastChecked().empty());
}

TEST_CASE("agencies: bad checked fields and role origins point at the value") {
  CHECK(Agencies(AgencyWith("en: Convening}", "en: Convening, from: blurb}")) ==
        "agencies.yaml:6:63: a role's from must be 'bullet' (a bullet of the agency's block, the default) or "
        "'summary' (a sentence of its summary), found 'blurb'");
  CHECK(
      Agencies(AgencyWith("  verified: false\n",
                          "  verified: false\n  checked:\n    fax: {date: \"2026-12-03\", "
                          "source: \"phone call\", by: me}\n")) ==
      "agencies.yaml:11:5: unknown key 'fax' in checked; allowed: name summary roles address phone hours eligibility");
  CHECK(Agencies(AgencyWith("  verified: false\n", "  verified: false\n  checked: {}\n")) ==
        "agencies.yaml:10:12: checked is empty; leave it out when nothing was checked");
  CHECK(Agencies(AgencyWith("  verified: false\n",
                            "  verified: false\n  checked:\n    phone: {date: \"12/3\", "
                            "source: \"phone call\", by: me}\n")) ==
        "agencies.yaml:11:19: checked date must be a date like \"2026-12-03\" (quote it)");
  CHECK(Agencies(AgencyWith("  verified: false\n",
                            "  verified: false\n  checked:\n    phone: {date: \"2026-12-03\", "
                            "source: a leaflet, by: me}\n")) ==
        "agencies.yaml:11:41: checked source must be the page's address (http:// or https://) or \"phone call\"");
}

TEST_CASE("agencies: a transposed key gets a did-you-mean") {
  CHECK(Agencies(AgencyWith("  name: {ja: センター, en: Center}\n", "  nmae: {ja: センター, en: Center}\n")) ==
        "agencies.yaml:2:3: unknown key 'nmae' in an agency; did you mean 'name'?");
}

TEST_CASE("agencies: missing required keys") {
  CHECK(Agencies(AgencyWith("  name: {ja: センター, en: Center}\n", "")) ==
        "agencies.yaml:1:3: missing required key 'name'");
  CHECK(Agencies(AgencyWith("  source: {block: 1, name: stated}\n", "")) ==
        "agencies.yaml:1:3: missing required key 'source' (where the facts come from)");
  CHECK(Agencies(AgencyWith("  verified: false\n", "")) == "agencies.yaml:1:3: missing required key 'verified'");
  CHECK(Agencies(AgencyWith("name: {ja: センター, en: Center}", "name: {ja: センター}")) ==
        "agencies.yaml:2:9: missing required key 'en'");
  CHECK(Agencies("- id: center\n  name: {ja: a, en: b}\n  summary: {ja: a, en: b}\n  source: {block: 1, name: "
                 "stated}\n  verified: false\n") == "agencies.yaml:1:3: missing required key 'roles'");
}

TEST_CASE("agencies: wrong types") {
  CHECK(Agencies(AgencyWith("- id: center", "- id: [center]")) ==
        "agencies.yaml:1:7: id must be a plain value, found a list");
  CHECK(Agencies(AgencyWith("name: {ja: センター, en: Center}", "name: [センター, Center]")) ==
        "agencies.yaml:2:9: name must be a mapping (key: value), found a list");
  CHECK(Agencies(AgencyWith("name: {ja: センター, en: Center}", "name: Center")) ==
        "agencies.yaml:2:9: name must be a mapping (key: value), found a scalar");
  CHECK(Agencies(AgencyWith("verified: false", "verified: maybe")) ==
        "agencies.yaml:9:13: 'verified' must be true or false, found 'maybe'");
  CHECK(Agencies(AgencyWith("block: 1", "block: first")) ==
        "agencies.yaml:8:19: 'block' must be a whole number, found 'first'");
  CHECK(Agencies(AgencyWith("block: 1", "block: 1.5")) ==
        "agencies.yaml:8:19: 'block' must be a whole number, found '1.5'");
  CHECK(Agencies(AgencyWith("  roles:\n    - {id: general, ja: 総合相談, en: General consultation}\n    - {id: "
                            "convene, ja: 会議の招集, en: Convening}\n",
                            "  roles: general\n")) == "agencies.yaml:4:10: roles must be a list, found a scalar");
  CHECK(Agencies("- center\n") == "agencies.yaml:1:3: an agency must be a mapping (key: value), found a scalar");
}

TEST_CASE("agencies: bad ids") {
  CHECK(Agencies(AgencyWith("- id: center", "- id: Center")) ==
        "agencies.yaml:1:7: id 'Center' must use only a-z, 0-9, '-' and '_'");
  CHECK(Agencies(AgencyWith("- id: center", "- id: \"\"")) == "agencies.yaml:1:7: 'id' is empty");
}

TEST_CASE("agencies: roles") {
  CHECK(Agencies(AgencyWith("{id: convene, ja: 会議の招集, en: Convening}",
                            "{id: general, ja: 会議の招集, en: Convening}")) ==
        "agencies.yaml:6:12: duplicate role id 'general' in this agency");
  CHECK(Agencies(AgencyWith("  roles:\n    - {id: general, ja: 総合相談, en: General consultation}\n    - {id: "
                            "convene, ja: 会議の招集, en: Convening}\n",
                            "  roles: []\n")) == "agencies.yaml:4:10: an agency needs at least one role");
}

TEST_CASE("agencies: bad phone format") {
  CHECK(Agencies(AgencyWith("\"025-278-8585\"", "\"025 278 8585\"")) ==
        "agencies.yaml:7:10: phone '025 278 8585' must be digits and single hyphens, like 025-278-8585");
  CHECK(Agencies(AgencyWith("\"025-278-8585\"", "\"025--278-8585\"")) ==
        "agencies.yaml:7:10: phone '025--278-8585' must be digits and single hyphens, like 025-278-8585");
  CHECK(Agencies(AgencyWith("\"025-278-8585\"", "\"025-278-8585-\"")) ==
        "agencies.yaml:7:10: phone '025-278-8585-' must be digits and single hyphens, like 025-278-8585");
  CHECK(Agencies(AgencyWith("\"025-278-8585\"", "\"#8008\"")) == "OK");
}

TEST_CASE("agencies: bad hours") {
  auto hours = [](const std::string& body) {
    return AgencyWith("  verified: false\n", "  verified: false\n  hours:\n" + body);
  };
  const std::string text = "    text: {ja: 平日, en: Weekdays}\n";
  CHECK(Agencies(hours("    byday: [MO]\n    opens_at: \"9:00\"\n    closes_at: \"18:00\"\n" + text)) ==
        "agencies.yaml:12:15: opens_at must be a time like \"09:00\" (quote it)");
  CHECK(Agencies(hours("    byday: [MO]\n    opens_at: \"09:00\"\n    closes_at: \"24:00\"\n" + text)) ==
        "agencies.yaml:13:16: closes_at must be a time like \"18:00\" (quote it)");
  CHECK(Agencies(hours("    byday: [MO]\n    opens_at: \"18:00\"\n    closes_at: \"09:00\"\n" + text)) ==
        "agencies.yaml:13:16: closes_at must be later than opens_at");
  CHECK(Agencies(hours("    byday: [MO, XX]\n    opens_at: \"09:00\"\n    closes_at: \"18:00\"\n" + text)) ==
        "agencies.yaml:11:17: day 'XX' must be one of MO TU WE TH FR SA SU");
  CHECK(Agencies(hours("    byday: [MO]\n    opens_at: \"09:00\"\n    closes_at: \"18:00\"\n    closed: [sundays]\n" +
                       text)) == "agencies.yaml:14:14: closed must list only 'holidays' and 'new-year'");
  CHECK(Agencies(hours("    byday: [MO]\n    opens_at: \"09:00\"\n    closes_at: \"18:00\"\n    opens: x\n" + text)) ==
        "agencies.yaml:14:5: unknown key 'opens' in hours; allowed: byday opens_at closes_at closed appointment text");
  CHECK(Agencies(hours("    byday: [MO]\n    opens_at: \"09:00\"\n    closes_at: \"18:00\"\n" + text)) == "OK");
}

TEST_CASE("agencies: eligibility and source") {
  auto with = [](const std::string& extra) { return AgencyWith("  verified: false\n", "  verified: false\n" + extra); };
  CHECK(Agencies(with("  eligibility: {min_age: 50, max_age: 49}\n")) ==
        "agencies.yaml:10:16: min_age is greater than max_age");
  CHECK(Agencies(with("  eligibility: {max_age: old}\n")) ==
        "agencies.yaml:10:26: 'max_age' must be a whole number, found 'old'");
  CHECK(Agencies(AgencyWith("name: stated", "name: guessed")) ==
        "agencies.yaml:8:28: source name must be 'stated' or 'inferred'");
}

// --------------------------------------------------------------- crisis.yaml

TEST_CASE("crisis: missing phone and duplicate id") {
  std::string no_phone = kCrisis;
  no_phone.replace(no_phone.find("  phone: \"110\"\n"), 15, "");
  CHECK(Crisis(no_phone) == "crisis.yaml:1:3: missing required key 'phone'");
  CHECK(Crisis(kCrisis + kCrisis) == "crisis.yaml:7:7: duplicate crisis contact id 'police'");
  std::string bad_phone = kCrisis;
  bad_phone.replace(bad_phone.find("\"110\""), 5, "\"1l0\"");
  CHECK(Crisis(bad_phone) == "crisis.yaml:3:10: phone '1l0' must be digits and single hyphens, like 025-278-8585");
}

// The shared contact with its `hours:` and `cost:` lines replaced by extra.
std::string CrisisWith(const std::string& extra) {
  return "- id: police\n  name: {ja: 警察, en: Police}\n  phone: \"110\"\n  kinds: [violence]\n" + extra;
}

TEST_CASE("crisis: hours, cost, answers and checked that load") {
  Model m;
  Status s =
      LoadCrisis(CrisisWith("  hours:\n    byday: [MO, FR]\n    opens_at: \"08:30\"\n"
                            "    closes_at: \"17:00\"\n    closed: [holidays]\n"
                            "    text: {ja: 平日, en: weekdays}\n"
                            "  cost: charged\n  answers: {ja: 相談員, en: counsellors}\n"
                            "  checked:\n    - {date: \"2026-12-03\", source: \"https://example.org/a\", by: me}\n"
                            "    - {date: \"2026-12-01\", source: phone call, by: you}\n"),
                 "crisis.yaml", &m);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  const CrisisContact& c = m.crisis[0];
  CHECK_FALSE(c.always);
  CHECK(c.hours.present);
  CHECK(c.hours.byday == std::vector<std::string>{"MO", "FR"});
  CHECK(c.hours.closes_at == "17:00");
  CHECK(c.cost == "charged");
  CHECK(c.answers.en == "counsellors");
  REQUIRE(c.checked.size() == 2);
  CHECK(c.checked[1].source == "phone call");
  CHECK(c.checked[1].by == "you");

  Model bare;
  REQUIRE(LoadCrisis(CrisisWith(""), "crisis.yaml", &bare).ok());
  CHECK_FALSE(bare.crisis[0].hours.present);  // nothing stated: shown as not checked
  CHECK(bare.crisis[0].cost.empty());
  CHECK(bare.crisis[0].checked.empty());

  Model text_only;
  REQUIRE(
      LoadCrisis(CrisisWith("  hours: {text: {ja: 都道府県による, en: by prefecture}}\n"), "crisis.yaml", &text_only)
          .ok());
  CHECK(text_only.crisis[0].hours.present);
  CHECK(text_only.crisis[0].hours.byday.empty());
}

TEST_CASE("crisis: source and verified are replaced by checked") {
  CHECK(Crisis(CrisisWith("  source: \"DESIGN.md\"\n")) ==
        "crisis.yaml:5:11: crisis contacts record checked: {date, source, by} instead of source and verified");
  CHECK(Crisis(CrisisWith("  verified: false\n")) ==
        "crisis.yaml:5:13: crisis contacts record checked: {date, source, by} instead of source and verified");
}

TEST_CASE("crisis: hours") {
  CHECK(Crisis(CrisisWith("  hours: {always: false, text: {ja: a, en: b}}\n")) ==
        "crisis.yaml:5:19: always: false says nothing; leave it out, or give byday, opens_at and closes_at");
  CHECK(Crisis(CrisisWith("  hours: {always: maybe, text: {ja: a, en: b}}\n")) ==
        "crisis.yaml:5:19: 'always' must be true or false, found 'maybe'");
  CHECK(Crisis(CrisisWith("  hours: {always: true, byday: [MO], text: {ja: a, en: b}}\n")) ==
        "crisis.yaml:5:10: hours with always: true take no byday, opens_at, closes_at, closed or appointment");
  CHECK(Crisis(CrisisWith("  hours: {closed: [holidays], text: {ja: a, en: b}}\n")) ==
        "crisis.yaml:5:10: closed and appointment need byday, opens_at and closes_at");
  CHECK(Crisis(CrisisWith("  hours: {always: true}\n")) == "crisis.yaml:5:10: missing required key 'text'");
  CHECK(
      Crisis(CrisisWith("  hours: {byday: [MO], opens_at: \"17:00\", closes_at: \"08:30\", text: {ja: a, en: b}}\n")) ==
      "crisis.yaml:5:54: closes_at must be later than opens_at");
  CHECK(Crisis(CrisisWith("  hours: {opens_at: \"17:00\", closes_at: \"22:00\", text: {ja: a, en: b}}\n")) ==
        "crisis.yaml:5:10: missing required key 'byday'");
  CHECK(Crisis(CrisisWith("  hours: {always: true, text: {ja: a, en: b}, open: yes}\n")) ==
        "crisis.yaml:5:47: unknown key 'open' in hours; allowed: always byday opens_at closes_at closed appointment "
        "text");
}

TEST_CASE("crisis: cost and answers") {
  CHECK(Crisis(CrisisWith("  cost: gratis\n")) == "crisis.yaml:5:9: cost must be 'free' or 'charged', found 'gratis'");
  CHECK(Crisis(CrisisWith("  cost: [free]\n")) == "crisis.yaml:5:9: cost must be a plain value, found a list");
  CHECK(Crisis(CrisisWith("  answers: {ja: 相談員}\n")) == "crisis.yaml:5:12: missing required key 'en'");
}

TEST_CASE("crisis: checked") {
  const std::string ok_source = "source: \"https://example.org/\", by: me}\n";
  CHECK(Crisis(CrisisWith("  checked: {date: 2026-12-03, " + ok_source)) == "OK");
  CHECK(Crisis(CrisisWith("  checked: {date: \"2026-13-03\", " + ok_source)) ==
        "crisis.yaml:5:19: checked date must be a date like \"2026-12-03\" (quote it)");
  CHECK(Crisis(CrisisWith("  checked: {date: \"3 Dec 2026\", " + ok_source)) ==
        "crisis.yaml:5:19: checked date must be a date like \"2026-12-03\" (quote it)");
  CHECK(Crisis(CrisisWith("  checked: {date: \"2026-12-03\", source: DESIGN.md, by: me}\n")) ==
        "crisis.yaml:5:41: checked source must be the page's address (http:// or https://) or \"phone call\"");
  CHECK(Crisis(CrisisWith("  checked: {date: \"2026-12-03\", source: phone call}\n")) ==
        "crisis.yaml:5:12: missing required key 'by'");
  CHECK(Crisis(CrisisWith("  checked: []\n")) ==
        "crisis.yaml:5:12: checked is an empty list; leave it out when nothing was checked");
  CHECK(Crisis(CrisisWith("  checked:\n    - {date: \"2026-12-03\", " + ok_source +
                          "    - {date: \"2026-12-03\", source: x, by: me}\n")) ==
        "crisis.yaml:7:36: checked source must be the page's address (http:// or https://) or \"phone call\"");
  CHECK(Crisis(CrisisWith("  checked: {date: \"2026-12-03\", url: \"https://example.org/\", by: me}\n")) ==
        "crisis.yaml:5:33: unknown key 'url' in checked; allowed: date source by");
}

// -------------------------------------------------------------- lexicon.yaml

TEST_CASE("lexicon: structure") {
  CHECK(LexiconFile("facts: []\n") == "lexicon.yaml:1:1: missing required key 'subjects'");
  CHECK(LexiconFile("subjects: {}\n") == "lexicon.yaml:1:1: missing required key 'facts'");
  CHECK(LexiconFile("subjects: {}\nfacts: []\nextra: 1\n") ==
        "lexicon.yaml:3:1: unknown key 'extra' in the lexicon file; allowed: words subjects facts");
  CHECK(LexiconFile("subjects:\n  persn: {ja: [息子]}\nfacts: []\n") ==
        "lexicon.yaml:2:3: unknown key 'persn' in subjects; did you mean 'person'?");
}

TEST_CASE("lexicon: a fact with no phrases") {
  CHECK(
      LexiconFile(
          "subjects: {}\nfacts:\n  - id: lonely\n    label: {ja: a, en: b}\n    area: family\n    subject: person\n") ==
      "lexicon.yaml:3:5: fact 'lonely' has no phrases (ja/en) and no from_age: it can never be found");
}

TEST_CASE("lexicon: unknown area and subject, duplicate fact") {
  const std::string head = "subjects: {}\nfacts:\n";
  const std::string fact =
      "  - id: f\n    label: {ja: a, en: b}\n    area: family\n    subject: person\n    ja: [あ]\n";
  auto with = [&](const std::string& from, const std::string& to) {
    std::string f = fact;
    return head + f.replace(f.find(from), from.size(), to);
  };
  CHECK(LexiconFile(with("area: family", "area: withdrawl")) ==
        "lexicon.yaml:5:11: unknown area 'withdrawl'; did you mean 'withdrawal'?");
  CHECK(LexiconFile(with("area: family", "area: housing")) == "lexicon.yaml:5:11: unknown area 'housing'");
  CHECK(LexiconFile(with("subject: person", "subject: cousin")) ==
        "lexicon.yaml:6:14: unknown subject 'cousin'; use person, parent, family, household or neighbour");
  CHECK(LexiconFile(head + fact + fact) == "lexicon.yaml:8:9: duplicate fact id 'f' (first defined at line 3)");
  CHECK(LexiconFile(with("    ja: [あ]\n", "    ja: [あ, \"\"]\n")) == "lexicon.yaml:7:15: empty entry in 'ja'");
  CHECK(LexiconFile(with("    ja: [あ]\n", "    ja: あ\n")) ==
        "lexicon.yaml:7:9: 'ja' must be a list like [a, b], found a scalar");
  CHECK(LexiconFile(with("    ja: [あ]\n", "    from_age: {subject: parent}\n")) ==
        "lexicon.yaml:7:15: from_age needs min or max");
  CHECK(
      LexiconFile(with("    ja: [あ]\n", "    ja: [あ]\n    from_age: {subject: parent, min: 65, anyone: maybe}\n")) ==
      "lexicon.yaml:8:50: 'anyone' must be true or false, found 'maybe'");
  CHECK(LexiconFile(with("    ja: [あ]\n", "    ja: [あ]\n    from_age: {subject: parent, min: 65, who: all}\n")) ==
        "lexicon.yaml:8:42: unknown key 'who' in from_age; allowed: subject min max anyone");
  CHECK(LexiconFile(with("    ja: [あ]\n", "    from_duration: {min_months: -1}\n")) ==
        "lexicon.yaml:7:20: min_months must be 0 or more");
}

// -------------------------------------------------------------- routing.yaml

TEST_CASE("routing: unknown agency, with a did-you-mean") {
  CHECK(Routing(RuleWith("agency: center", "agency: centre")) ==
        "routing.yaml:4:16: unknown agency 'centre'; did you mean 'center'? (agencies are defined in "
        "data/agencies.yaml)");
  CHECK(Routing(RuleWith("agency: center", "agency: hospital")) ==
        "routing.yaml:4:16: unknown agency 'hospital' (agencies are defined in data/agencies.yaml)");
}

TEST_CASE("routing: unknown role, with a did-you-mean") {
  CHECK(Routing(RuleWith("roles: [general]", "roles: [genral]")) ==
        "routing.yaml:4:32: agency 'center' has no role 'genral'; did you mean 'general'?");
  CHECK(Routing(RuleWith("roles: [general]", "roles: []")) == "routing.yaml:4:31: a target needs at least one role");
}

TEST_CASE("routing: unknown fact, with a did-you-mean") {
  CHECK(Routing(RuleWith("any: [hikikomori]", "any: [hikikomri]")) ==
        "routing.yaml:2:16: unknown fact 'hikikomri'; did you mean 'hikikomori'? (facts are defined in lexicon.yaml)");
  CHECK(Routing(RuleWith("any: [hikikomori]", "all: [hikikomori, debt]")) ==
        "routing.yaml:2:28: unknown fact 'debt' (facts are defined in lexicon.yaml)");
  CHECK(Routing(RuleWith("any: [hikikomori]", "any: [hikikomori@mom]")) ==
        "routing.yaml:2:16: unknown subject in 'hikikomori@mom'; use person, parent, family, household or neighbour");
}

TEST_CASE("routing: weight") {
  CHECK(Routing(RuleWith("weight: 40", "weight: heavy")) ==
        "routing.yaml:4:50: 'weight' must be a whole number, found 'heavy'");
  CHECK(Routing(RuleWith("weight: 40", "weight: 0")) == "routing.yaml:4:50: weight must be between 1 and 1000");
  CHECK(Routing(RuleWith("weight: 40", "weight: [40]")) ==
        "routing.yaml:4:50: weight must be a plain value, found a list");
  CHECK(Routing(RuleWith(", weight: 40", "")) == "routing.yaml:4:7: missing required key 'weight'");
}

TEST_CASE("routing: conditions") {
  CHECK(Routing(RuleWith("when: {any: [hikikomori]}", "when: {none: [hikikomori]}")) ==
        "routing.yaml:2:9: 'when' needs at least one of all, any or age (none alone always holds)");
  CHECK(Routing(RuleWith("when: {any: [hikikomori]}", "when: {age: {subject: person, min: 50, max: 40}}")) ==
        "routing.yaml:2:15: min is greater than max");
  CHECK(Routing(RuleWith("when: {any: [hikikomori]}", "when: {age: {subject: person}}")) ==
        "routing.yaml:2:15: an age condition needs min or max");
  CHECK(Routing(RuleWith("when: {any: [hikikomori]}", "when: {anny: [hikikomori]}")) ==
        "routing.yaml:2:10: unknown key 'anny' in when; did you mean 'any'?");
  CHECK(Routing(RuleWith("  when: {any: [hikikomori]}\n", "")) == "routing.yaml:1:3: missing required key 'when'");
  CHECK(Routing(RuleWith("when: {any: [hikikomori]}", "when: {any: hikikomori}")) == "OK");
}

TEST_CASE("routing: duplicate rule id and empty targets") {
  CHECK(Routing(std::string(kRule) + kRule) ==
        "routing.yaml:6:7: duplicate rule id 'general' (first defined at line 1)");
  CHECK(Routing(RuleWith("  to:\n    - {agency: center, roles: [general], weight: 40}\n", "  to: []\n")) ==
        "routing.yaml:3:7: 'to' is empty");
}

// --------------------------------------------------------------- alerts.yaml

TEST_CASE("alerts: unknown crisis contact") {
  const std::string alert =
      "alerts:\n  - id: alert-violence\n    kind: violence\n    when: {any: [violence]}\n"
      "    contacts: [police, polise]\n    message: {ja: 暴力, en: Violence}\n";
  CHECK(Alerts(alert + kAlertsTail) == "alerts.yaml:5:24: unknown crisis contact 'polise' (see data/crisis.yaml)");
}

TEST_CASE("alerts: first_contact names an agency; the kind is a known kind") {
  const std::string head = "alerts:\n  - id: alert-violence\n";
  const std::string body = "    when: {any: [violence]}\n    contacts: [police]\n";
  const std::string message = "    message: {ja: 暴力, en: Violence}\n";
  CHECK(Alerts(head + "    kind: violence\n" + body + "    first_contact: centre\n" + message + kAlertsTail) ==
        "alerts.yaml:6:20: unknown agency 'centre'; did you mean 'center'?");
  CHECK(Alerts(head + "    kind: violence\n" + body + "    first_contact: center\n" + message + kAlertsTail) ==
        "alerts.yaml:6:20: first_contact 'center' is not in the alert's 'to': add it there, so that the alert "
        "brings it in");
  CHECK(Alerts(head + "    kind: violence\n" + body + "    first_contact: center\n" +
               "    to:\n      - {agency: center, roles: [general], weight: 30}\n" + message + kAlertsTail) == "OK");
  CHECK(Alerts(head + "    kind: elder-abuses\n" + body + message + kAlertsTail) ==
        "alerts.yaml:3:11: unknown alert kind 'elder-abuses'; did you mean 'elder-abuse'?; kinds: suicide, self-harm, "
        "threat, violence, elder-abuse, child-abuse, dv, urgent-physical");
  CHECK(Alerts(head + "    kind: abuse\n" + body + message + kAlertsTail) ==
        "alerts.yaml:3:11: unknown alert kind 'abuse'; kinds: suicide, self-harm, threat, violence, elder-abuse, "
        "child-abuse, dv, urgent-physical");
}

TEST_CASE("alerts: team and fallback") {
  CHECK(Alerts("alerts: []\n") == "alerts.yaml:1:1: missing required key 'team'");
  CHECK(Alerts("alerts: []\nteam:\n  convener: {agency: centr, role: convene}\n  multi_issue_areas: 2\n") ==
        "alerts.yaml:3:22: unknown agency 'centr'; did you mean 'center'?");
  CHECK(Alerts("alerts: []\nteam:\n  convener: {agency: center, role: chair}\n  multi_issue_areas: 2\n") ==
        "alerts.yaml:3:36: agency 'center' has no role 'chair'");
  CHECK(Alerts(
            "alerts: []\nteam:\n  convener: {agency: center, role: convene}\n  multi_issue_areas: 0\nfallback: []\n") ==
        "alerts.yaml:4:22: multi_issue_areas must be 1 or more");
  CHECK(Alerts(
            "alerts: []\nteam:\n  convener: {agency: center, role: convene}\n  multi_issue_areas: 2\nfallback: []\n") ==
        "alerts.yaml:5:11: fallback needs at least one agency: an answer is never empty");
}

// ------------------------------------------------------------- holidays.yaml

std::string Holidays(const std::string& from, const std::string& to) {
  std::string text = kHolidays;
  if (!from.empty()) {
    size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    text.replace(at, from.size(), to);
  }
  Model m;
  Status s = LoadHolidays(text, "holidays.yaml", &m);
  return s.ok() ? "OK" : s.ToString();
}

TEST_CASE("holidays: a good calendar loads, sorted by date") {
  Model m;
  std::string text = kHolidays;
  text += "  - {date: \"2026-01-01\", kind: national, name: {ja: 元日, en: \"New Year's Day\"}}\n";
  REQUIRE(LoadHolidays(text, "holidays.yaml", &m).ok());
  CHECK(m.holidays.from == 2026);
  CHECK(m.holidays.to == 2027);
  REQUIRE(m.holidays.days.size() == 4);
  CHECK(m.holidays.days[0].date == "2026-01-01");
  CHECK(m.holidays.days[1].date == "2026-05-06");
  CHECK(m.holidays.days[1].kind == "substitute");
  CHECK(m.holidays.sources.size() == 1);
  CHECK(m.holidays.checked.size() == 1);
  CHECK(m.holidays.covers_to.line == 6);
}

TEST_CASE("holidays: every error points at its place") {
  CHECK(Holidays("", "") == "OK");
  CHECK(Holidays("source:", "sources:") ==
        "holidays.yaml:1:1: unknown key 'sources' in the holidays file; did you mean 'source'?");
  CHECK(Holidays("source: [\"https://www8.cao.go.jp/chosei/shukujitsu/gaiyou.html\"]", "source: []") ==
        "holidays.yaml:1:9: source is empty; give the official list's address (the Cabinet Office's)");
  CHECK(Holidays("\"https://www8.cao.go.jp/chosei/shukujitsu/gaiyou.html\"", "cabinet office") ==
        "holidays.yaml:1:10: source must be the official list's address (http:// or https://)");
  CHECK(Holidays("source: [\"https://www8.cao.go.jp/chosei/shukujitsu/gaiyou.html\"]\n", "") ==
        "holidays.yaml:1:1: missing required key 'source'");
  CHECK(Holidays("covers: {from: 2026, to: 2027}", "covers: 2026") ==
        "holidays.yaml:6:9: covers must be a mapping (key: value), found a scalar");
  Model none;
  CHECK(LoadHolidays("source: [\"https://www8.cao.go.jp/\"]\ncovers: {from: 2026, to: 2026}\n", "holidays.yaml", &none)
            .ToString() == "holidays.yaml:1:1: missing required key 'holidays'");
  CHECK(Holidays("covers: {from: 2026, to: 2027}\n", "") ==
        "holidays.yaml:1:1: missing required key 'covers' (the years listed: {from: 2026, to: 2027})");
  CHECK(Holidays("to: 2027", "until: 2027") == "holidays.yaml:6:22: unknown key 'until' in covers; allowed: from to");
  CHECK(Holidays("from: 2026", "from: next") == "holidays.yaml:6:16: 'from' must be a whole number, found 'next'");
  CHECK(Holidays("from: 2026", "from: 26") == "holidays.yaml:6:16: covers from must be a year like 2026");
  CHECK(Holidays("to: 2027", "to: 2025") == "holidays.yaml:6:26: covers to must be a year no earlier than from");
  CHECK(Holidays("to: 2027", "to: 2028") ==
        "holidays.yaml:6:9: covers 2028, but no holiday of that year is listed; add them (or narrow covers)");
  CHECK(Holidays("holidays:\n", "days:\n") ==
        "holidays.yaml:7:1: unknown key 'days' in the holidays file; allowed: source checked covers holidays");
  CHECK(Holidays("\"2026-05-06\"", "\"2026-02-30\"") ==
        "holidays.yaml:8:12: holiday date '2026-02-30' must be a date like \"2026-01-01\" (quote it)");
  CHECK(Holidays("\"2026-05-06\"", "\"2028-05-06\"") ==
        "holidays.yaml:8:12: holiday 2028-05-06 is outside covers (2026 to 2027); widen covers or remove it");
  CHECK(Holidays("\"2026-05-06\"", "\"2026-09-22\"") == "holidays.yaml:9:12: duplicate holiday date '2026-09-22'");
  CHECK(Holidays("kind: substitute", "kind: furikae") ==
        "holidays.yaml:8:32: holiday kind must be national (国民の祝日), substitute (振替休日) or citizens "
        "(国民の休日), found 'furikae'");
  CHECK(Holidays("en: Substitute holiday", "en_: Substitute holiday") ==
        "holidays.yaml:8:69: unknown key 'en_' in name; did you mean 'en'?");
  CHECK(Holidays("kind: substitute, ", "") == "holidays.yaml:8:5: missing required key 'kind'");
  CHECK(Holidays("date: \"2026-05-06\"", "day: \"2026-05-06\"") ==
        "holidays.yaml:8:6: unknown key 'day' in a holiday; allowed: date kind name");
  CHECK(Holidays("- date: \"2026-12-03\"", "- date: \"03/12/2026\"") ==
        "holidays.yaml:3:11: checked date must be a date like \"2026-12-03\" (quote it)");
  Model m;
  CHECK(LoadHolidays("source: [\"https://www8.cao.go.jp/\"]\ncovers: {from: 2026, to: 2026}\nholidays: 3\n",
                     "holidays.yaml", &m)
            .ToString() == "holidays.yaml:3:11: holidays must be a list, found a scalar");
  CHECK(LoadHolidays("- 2026-01-01\n", "holidays.yaml", &m).ToString() ==
        "holidays.yaml:1:1: the holidays file must be a mapping (key: value), found a list");
}

// ------------------------------------------------------------ whole models

namespace {
// A whole model's files: the small test files, with these agencies,
// lexicon and routing.
FileSource ModelFiles(const std::string& agencies, const std::string& lexicon, const std::string& routing = kRule) {
  return [=](bool data, const std::string& file, std::string* text, std::string* name) {
    *name = std::string(data ? "data/" : "rules/") + file;
    if (file == "agencies.yaml") *text = agencies;
    else if (file == "crisis.yaml") *text = kCrisis;
    else if (file == "lexicon.yaml") *text = lexicon;
    else if (file == "routing.yaml") *text = routing;
    else if (file == "holidays.yaml") *text = kHolidays;
    else *text = std::string("alerts: []\n") + kAlertsTail;
    return Status::Ok();
  };
}
}  // namespace

TEST_CASE("LoadModel: the first file with an error is reported") {
  Model m;
  CHECK(LoadModel(ModelFiles(kAgency, BaseLexicon()), &m).ok());
  CHECK(m.rules.size() == 1);
  // An error in the agencies is found before a syntax error in the lexicon.
  Status s = LoadModel(ModelFiles(AgencyWith("verified: false", "verified: yes"), "facts: [\n"), &m);
  CHECK(s.ToString() == "data/agencies.yaml:9:13: 'verified' must be true or false, found 'yes'");
  Status lex = LoadModel(ModelFiles(kAgency, "facts: [\n"), &m);
  CHECK(lex.ToString() ==
        "rules/lexicon.yaml:2:1: YAML syntax: a '[' list is not closed; add the ']', or put a value holding , [ ] "
        "or : in double quotes [end of sequence flow not found]");
}

TEST_CASE("LoadModel: lexicon_loaded sees the lexicon, runs only when it loads, and what it throws is thrown") {
  Model m;
  std::atomic<int> calls{0};
  size_t facts_seen = 0;
  auto count = [&](const Model& loaded) {
    ++calls;
    facts_seen = loaded.facts.size();
  };
  CHECK(LoadModel(ModelFiles(kAgency, BaseLexicon(), kRule), &m, count).ok());
  CHECK(calls == 1);
  CHECK(facts_seen == m.facts.size());
  CHECK(facts_seen > 0);
  // A broken lexicon: no call, the lexicon's error.
  calls = 0;
  Status lex = LoadModel(ModelFiles(kAgency, "facts: [\n", kRule), &m, count);
  CHECK(calls == 0);
  CHECK(lex.file() == "rules/lexicon.yaml");
  // A broken file after it: called, and that file's error; one before it
  // is still the error reported.
  calls = 0;
  Status routing = LoadModel(ModelFiles(kAgency, BaseLexicon(), "- id: [\n"), &m, count);
  CHECK(calls == 1);
  CHECK(routing.file() == "rules/routing.yaml");
  Status agencies =
      LoadModel(ModelFiles(AgencyWith("verified: false", "verified: yes"), BaseLexicon(), kRule), &m, count);
  CHECK(agencies.ToString() == "data/agencies.yaml:9:13: 'verified' must be true or false, found 'yes'");
  CHECK_THROWS_AS(LoadModel(ModelFiles(kAgency, BaseLexicon(), kRule), &m,
                            [](const Model&) { throw std::runtime_error("from the hook"); }),
                  std::runtime_error);
}

TEST_CASE("LoadModelFromDirs: a missing directory is an I/O error") {
  Model m;
  Status s = LoadModelFromDirs("/nonexistent", "/nonexistent-rules", &m);
  CHECK(s.kind() == ErrorKind::kIo);
  CHECK(s.ToString() == "cannot open /nonexistent/agencies.yaml: No such file or directory");
}

TEST_CASE("Status::ToString with and without a position") {
  CHECK(Status::Data("f.yaml", 3, 7, "bad").ToString() == "f.yaml:3:7: bad");
  CHECK(Status::Data("f.yaml", 3, 0, "bad").ToString() == "f.yaml:3: bad");
  CHECK(Status::Data("f.yaml", 0, 0, "bad").ToString() == "f.yaml: bad");
  CHECK(Status::Io("no").ToString() == "no");
  CHECK(ExitCodeFor(Status::Data("f", 1, 1, "x")) == kExitData);
  CHECK(ExitCodeFor(Status::Io("x")) == kExitIo);
  CHECK(ExitCodeFor(Status::Input("x")) == kExitInput);
  CHECK(ExitCodeFor(Status::Usage("x")) == kExitUsage);
  CHECK(ExitCodeFor(Status::Ok()) == kExitOk);
}

TEST_CASE("lexicon: words for the analyser's user dictionary") {
  CHECK(LexiconFile("words: [引きこもり, サポステ]\nsubjects: {}\nfacts: []\n") == "OK");
  CHECK(LexiconFile("words: [\"a,b\"]\nsubjects: {}\nfacts: []\n") ==
        "lexicon.yaml:1:9: word 'a,b' must be one word without commas, quotes or spaces");
  CHECK(LexiconFile("words: [\"two words\"]\nsubjects: {}\nfacts: []\n") ==
        "lexicon.yaml:1:9: word 'two words' must be one word without commas, quotes or spaces");
  CHECK(LexiconFile("words: 引きこもり\nsubjects: {}\nfacts: []\n").find("lexicon.yaml:1:8:") == 0);
}

// ---------------------------------------------------------------- local offices

namespace {

// kAgency followed by a second agency (the one to ask), with `extra`
// appended to the first agency's block.
std::string WithOffices(const std::string& extra) {
  std::string text = kAgency;
  text += extra;
  text +=
      "- id: ward\n  name: {ja: 区役所, en: Ward office}\n  summary: {ja: 相談, en: Consultation}\n"
      "  roles:\n    - {id: general, ja: 総合相談, en: General consultation}\n"
      "  phone: \"025-268-1000\"\n  source: {block: 9, name: stated}\n  verified: false\n";
  return text;
}

// One office serving 寺尾東, for building broken ones (lines 12 to 18).
const char kOffice[] = R"(  offices:
    - id: east
      name: {ja: 東事務所, en: East office}
      phone: "099-999-0001"
      serves:
        - town: 寺尾東
          readings: [Teraohigashi]
)";

std::string OfficeWith(const std::string& from, const std::string& to) {
  std::string text = kOffice;
  size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return WithOffices(text.replace(at, from.size(), to));
}

}  // namespace

TEST_CASE("agencies: local offices load, ask resolved to an agency further down") {
  Model m;
  std::string text =
      WithOffices(std::string("  ask: ward\n") + kOffice +
                  "    - id: west\n      name: {ja: 西, en: West}\n      serves: [寺尾西]\n"
                  "    - id: school\n      name: {ja: 学区, en: District}\n"
                  "      checked: {date: \"2026-12-03\", source: \"phone call\", by: you}\n"
                  "      serves:\n        - {school_district: 寺尾中学校区, readings: [寺尾中の学区]}\n");
  Status s = LoadAgencies(text, "agencies.yaml", &m);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  const Agency& a = m.agencies[0];
  CHECK(a.local_offices);
  CHECK(a.ask == 1);
  REQUIRE(a.offices.size() == 3);
  CHECK(a.offices[0].serves[0].name == "寺尾東");
  CHECK(a.offices[0].serves[0].readings == std::vector<std::string>{"Teraohigashi"});
  CHECK(a.offices[1].serves[0].kind == ServedArea::kTown);
  CHECK(a.offices[2].serves[0].kind == ServedArea::kSchoolDistrict);
  CHECK(a.offices[2].checked.size() == 1);
  CHECK(Agencies(WithOffices("  local_offices: true\n  ask: ward\n")) == "OK");
}

TEST_CASE("agencies: local_offices and ask errors say what to write") {
  CHECK(Agencies(WithOffices("  local_offices: true\n")) ==
        "agencies.yaml:10:18: local_offices: true needs ask: the id of the agency that tells which office serves an "
        "address (like ask: kenko-fukushi)");
  CHECK(Agencies(WithOffices("  local_offices: false\n")) ==
        "agencies.yaml:10:18: local_offices: false says nothing; leave it out");
  CHECK(Agencies(WithOffices(std::string("  local_offices: false\n") + kOffice)) ==
        "agencies.yaml:10:18: local_offices: false, but offices are listed; remove local_offices");
  CHECK(Agencies(WithOffices("  ask: ward\n")) ==
        "agencies.yaml:10:8: ask names whom to ask which local office serves an address; it needs local_offices: "
        "true or offices");
  CHECK(Agencies(WithOffices("  local_offices: true\n  ask: center\n")) ==
        "agencies.yaml:11:8: ask must name another agency (the one that tells which office serves an address), not "
        "this one");
  CHECK(Agencies(WithOffices("  local_offices: true\n  ask: wardd\n")) ==
        "agencies.yaml:11:8: ask names an unknown agency 'wardd'; give the id of an agency in this file");
  CHECK(Agencies(WithOffices("  offices: []\n")) ==
        "agencies.yaml:10:12: offices is an empty list; leave it out (with local_offices: true and ask:) when the "
        "offices are not known");
  CHECK(Agencies(WithOffices("  offices: {id: east}\n")) ==
        "agencies.yaml:10:12: offices must be a list, found a mapping");
}

TEST_CASE("agencies: office errors point at the office's line") {
  CHECK(Agencies(OfficeWith("      phone:", "      fax: \"1\"\n      phone:")) ==
        "agencies.yaml:13:7: unknown key 'fax' in an office; allowed: id name phone address hours checked serves");
  CHECK(Agencies(OfficeWith("    - id: east\n", "    - id: East\n")) ==
        "agencies.yaml:11:11: id 'East' must use only a-z, 0-9, '-' and '_'");
  CHECK(Agencies(OfficeWith("      name: {ja: 東事務所, en: East office}\n", "")) ==
        "agencies.yaml:11:7: missing required key 'name'");
  CHECK(Agencies(OfficeWith("\"099-999-0001\"", "\"099 999\"")) ==
        "agencies.yaml:13:14: phone '099 999' must be digits and single hyphens, like 025-278-8585");
  CHECK(Agencies(OfficeWith("      serves:\n        - town: 寺尾東\n          readings: [Teraohigashi]\n", "")) ==
        "agencies.yaml:11:7: missing required key 'serves' (the towns or school districts this office covers)");
  CHECK(Agencies(OfficeWith("      serves:\n        - town: 寺尾東\n          readings: [Teraohigashi]\n",
                            "      serves: []\n")) ==
        "agencies.yaml:14:15: serves is empty; list the towns (town: 寺尾東) or school districts (school_district: "
        "寺尾中学校区) this office covers");
  CHECK(Agencies(OfficeWith(
            "      phone: \"099-999-0001\"\n",
            "      phone: \"099-999-0001\"\n      checked: {date: today, source: \"phone call\", by: me}\n")) ==
        "agencies.yaml:14:23: checked date must be a date like \"2026-12-03\" (quote it)");
  CHECK(Agencies(OfficeWith("    - id: east\n",
                            "    - id: east\n      hours: {byday: [XX], opens_at: \"09:00\", "
                            "closes_at: \"17:00\", text: {ja: a, en: b}}\n")) ==
        "agencies.yaml:12:23: day 'XX' must be one of MO TU WE TH FR SA SU");
  std::string two = std::string(kOffice) + "    - id: east\n      name: {ja: 二, en: Two}\n      serves: [寺尾西]\n";
  CHECK(Agencies(WithOffices(two)) == "agencies.yaml:17:11: duplicate office id 'east' in this agency");
}

TEST_CASE("agencies: area errors say how to write an area") {
  CHECK(Agencies(OfficeWith("          readings: [Teraohigashi]\n", "          chome: [1]\n")) ==
        "agencies.yaml:16:11: unknown key 'chome' in an area; allowed: town school_district readings");
  CHECK(Agencies(OfficeWith("        - town: 寺尾東\n",
                            "        - school_district: 寺尾中学校区\n          town: 寺尾東\n")) ==
        "agencies.yaml:15:11: an area is one town or one school district; write two areas");
  CHECK(Agencies(OfficeWith("        - town: 寺尾東\n", "        - readings_only: x\n")) ==
        "agencies.yaml:15:11: unknown key 'readings_only' in an area; allowed: town school_district readings");
  CHECK(Agencies(OfficeWith("        - town: 寺尾東\n          readings: [Teraohigashi]\n",
                            "        - readings: [Teraohigashi]\n")) ==
        "agencies.yaml:15:11: an area needs town: (a town name, like 寺尾東) or school_district: (like 寺尾中学校区)");
  CHECK(Agencies(OfficeWith("town: 寺尾東", "town: 寺尾東3丁目")) ==
        "agencies.yaml:15:17: town '寺尾東3丁目' must be the town name alone, without 丁目 or numbers (an address with "
        "them still matches it)");
  CHECK(Agencies(OfficeWith("[Teraohigashi]", "[Teraohigashi, \"-\"]")) ==
        "agencies.yaml:16:36: reading '-' has no letters; write the name as a case would, like Teraohigashi");
  CHECK(Agencies(OfficeWith("        - town: 寺尾東\n          readings: [Teraohigashi]\n", "        - [寺尾東]\n")) ==
        "agencies.yaml:15:11: an area must be a mapping (key: value), found a list");
}

TEST_CASE("agencies: an area served by two offices of one agency") {
  std::string more = std::string(kOffice) + "    - id: west\n      name: {ja: 西, en: West}\n      serves:\n";
  CHECK(Agencies(WithOffices(more + "        - town: 寺尾東\n")) ==
        "agencies.yaml:20:17: '寺尾東' is already served by office 'east' (area 寺尾東, line 15); give each area to "
        "one office");
  // A reading counts as the area: the same key, whatever its hyphens and case.
  CHECK(Agencies(WithOffices(more + "        - town: 寺尾西\n          readings: [Terao-Higashi]\n")) ==
        "agencies.yaml:21:22: 'Terao-Higashi' is already served by office 'east' (area 寺尾東, line 15); give each "
        "area to one office");
  // Within one office too.
  CHECK(Agencies(OfficeWith("          readings: [Teraohigashi]\n",
                            "          readings: [Teraohigashi]\n        - 寺尾東\n")) ==
        "agencies.yaml:17:11: '寺尾東' is already served by office 'east' (area 寺尾東, line 15); give each area to "
        "one office");
  // Two agencies may serve the same area (each its own offices).
  std::string other = std::string(kAgency) + kOffice;
  other += std::string(kAgency).replace(std::string(kAgency).find("id: center"), 10, "id: other2") + kOffice;
  CHECK(Agencies(other) == "OK");
}
