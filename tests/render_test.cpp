// Tests for src/render.h: the JSON contract (key order, determinism,
// --top) and the terminal table (columns aligned by display width).
#include "render.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "render_sheet.h"
#include "shipped_model.h"
#include "triage.h"
#include "utf8.h"

using OrderedJson = nlohmann::ordered_json;

namespace {

// The shipped model's result for text.
CaseResult Run(const std::string& text) {
  CaseResult r;
  Status s = Triage(Shipped().model, Shipped().lexicon, Shipped().index, text, &r);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  return r;
}

const char kCase[] = "80代の母が要介護、52歳の息子が10年ひきこもり、生活が苦しい";

std::vector<std::string> Keys(const OrderedJson& object) {
  std::vector<std::string> keys;
  for (auto it = object.begin(); it != object.end(); ++it) keys.push_back(it.key());
  return keys;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Display column where each character of line starts; the last entry is
// the line's width.
std::vector<int> CharStarts(const std::string& line, std::vector<size_t>* byte_at) {
  std::vector<int> starts;
  int column = 0;
  for (size_t i = 0; i < line.size();) {
    size_t b = i;
    DecodeUtf8(line, &i);
    starts.push_back(column);
    byte_at->push_back(b);
    column += DisplayWidth(std::string_view(line).substr(b, i - b));
  }
  starts.push_back(column);
  byte_at->push_back(line.size());
  return starts;
}

// The character at a display column of line, "" when the column is inside
// a wide character or beyond the end, " " for padding.
bool StartsAt(const std::string& line, int column, std::string* ch) {
  std::vector<size_t> byte_at;
  std::vector<int> starts = CharStarts(line, &byte_at);
  for (size_t k = 0; k + 1 < starts.size(); ++k) {
    if (starts[k] == column) {
      *ch = line.substr(byte_at[k], byte_at[k + 1] - byte_at[k]);
      return true;
    }
    if (starts[k] > column) return false;
  }
  *ch = "";
  return column >= starts.back();  // past the end: trailing cells are empty
}

// Checks that every line of the agency table has its columns aligned with
// the header's, measured in display columns.
void CheckTableAligned(const std::string& table, const std::string& header_start) {
  std::vector<std::string> lines = Lines(table);
  size_t h = 0;
  while (h < lines.size() && lines[h].rfind(header_start, 0) != 0) ++h;
  REQUIRE_MESSAGE(h < lines.size(), "no table header in:\n" << table);
  const std::string& header = lines[h];
  // Column starts: after a run of two or more spaces in the header.
  std::vector<int> columns = {0};
  {
    std::vector<size_t> byte_at;
    std::vector<int> starts = CharStarts(header, &byte_at);
    for (size_t k = 2; k + 1 < starts.size(); ++k)
      if (header[byte_at[k - 1]] == ' ' && header[byte_at[k - 2]] == ' ' && header[byte_at[k]] != ' ')
        columns.push_back(starts[k]);
  }
  REQUIRE(columns.size() >= 4);
  size_t rows = 0;
  for (size_t l = h + 1; l < lines.size() && !lines[l].empty(); ++l, ++rows) {
    const std::string& line = lines[l];
    INFO("line: '" << line << "'");
    for (size_t c = 1; c < columns.size(); ++c) {
      std::string ch, before;
      // A cell starts exactly at the column, after at least one space.
      CHECK(StartsAt(line, columns[c], &ch));
      if (!ch.empty()) {
        CHECK(StartsAt(line, columns[c] - 1, &before));
        CHECK(before == " ");
      }
    }
  }
  CHECK(rows > 0);
}

}  // namespace

TEST_CASE("RenderJson: top-level keys in the documented order") {
  const ShippedModel& s = Shipped();
  OrderedJson j = OrderedJson::parse(RenderJson(s.model, Run(kCase), RenderOptions()));
  CHECK(Keys(j) == std::vector<std::string>{"schema", "data_version", "input", "normalized", "facts", "persons", "ages",
                                            "unrecognized", "alerts", "team", "fallback", "agencies", "removed"});
  CHECK(j["schema"] == "tsunagu.result/2");
  CHECK(j["schema"] == kResultSchema);
  CHECK(j["input"] == kCase);
  CHECK(j["fallback"] == false);
}

TEST_CASE("RenderJson: nested objects keep their order too") {
  const ShippedModel& s = Shipped();
  OrderedJson j = OrderedJson::parse(RenderJson(s.model, Run(kCase), RenderOptions()));
  REQUIRE_FALSE(j["agencies"].empty());
  CHECK(Keys(j["agencies"][0]) == std::vector<std::string>{"id", "rank", "score", "name", "phone", "address", "hours",
                                                           "open_now", "next_open", "roles", "reasons", "score_parts",
                                                           "conditions", "office", "office_reason", "verified",
                                                           "checked_on"});
  REQUIRE_FALSE(j["facts"].empty());
  CHECK(Keys(j["facts"][0]) ==
        std::vector<std::string>{"id", "label", "area", "subject", "person", "negated", "age", "from", "words"});
  CHECK(Keys(j["team"]) == std::vector<std::string>{"multi_issue", "areas", "first_contact", "convener"});
  REQUIRE_FALSE(j["ages"].empty());
  CHECK(Keys(j["ages"][0]) == std::vector<std::string>{"subject", "min", "max", "words"});
}

TEST_CASE("RenderJson: the case's content") {
  const ShippedModel& s = Shipped();
  OrderedJson j = OrderedJson::parse(RenderJson(s.model, Run(kCase), RenderOptions()));
  // Ranks are 1..n and scores do not increase.
  int rank = 0, last_score = 1 << 30;
  for (const auto& a : j["agencies"]) {
    CHECK(a["rank"] == ++rank);
    CHECK(a["score"].get<int>() <= last_score);
    last_score = a["score"].get<int>();
    int sum = 0;
    for (const auto& p : a["score_parts"]) sum += p["weight"].get<int>();
    CHECK(sum == a["score"].get<int>());
  }
  // 52 is over saposute's limit of 49.
  bool saposute_removed = false;
  for (const auto& r : j["removed"]) saposute_removed = saposute_removed || r["id"] == "saposute";
  CHECK(saposute_removed);
  CHECK(j["team"]["multi_issue"] == true);
  CHECK(j["team"]["convener"] == "nishi-shakyo");
}

TEST_CASE("RenderJson: same input, same bytes") {
  const ShippedModel& s = Shipped();
  std::string a = RenderJson(s.model, Run(kCase), RenderOptions());
  std::string b = RenderJson(s.model, Run(kCase), RenderOptions());
  CHECK(a == b);
}

TEST_CASE("RenderJson: pretty and compact forms hold the same JSON") {
  const ShippedModel& s = Shipped();
  RenderOptions compact;
  compact.pretty = false;
  std::string one_line = RenderJson(s.model, Run(kCase), compact);
  CHECK(one_line.find('\n') == std::string::npos);
  CHECK(OrderedJson::parse(one_line) == OrderedJson::parse(RenderJson(s.model, Run(kCase), RenderOptions())));
  // The pretty form is indented by two spaces, like `jq .`.
  CHECK(RenderJson(s.model, Run(kCase), RenderOptions()).rfind("{\n  \"schema\": ", 0) == 0);
}

TEST_CASE("RenderJson: --top limits the agencies") {
  const ShippedModel& s = Shipped();
  CaseResult r = Run(kCase);
  REQUIRE(r.ranking.agencies.size() > 2);
  RenderOptions top;
  top.top = 2;
  OrderedJson j = OrderedJson::parse(RenderJson(s.model, r, top));
  REQUIRE(j["agencies"].size() == 2);
  CHECK(j["agencies"][0]["rank"] == 1);
  CHECK(j["agencies"][1]["rank"] == 2);
  top.top = 100;
  CHECK(OrderedJson::parse(RenderJson(s.model, r, top))["agencies"].size() == r.ranking.agencies.size());
}

TEST_CASE("RenderJson: escapes quotes, backslashes and control characters") {
  const ShippedModel& s = Shipped();
  const std::string text = "息子が\"ひきこもり\"\\\ttab\x01\x1f\r\n";
  std::string json = RenderJson(s.model, Run(text), RenderOptions());
  OrderedJson j = OrderedJson::parse(json);
  CHECK(j["input"] == text);
  CHECK(json.find("\\u0001") != std::string::npos);
  CHECK(json.find("\\u001f") != std::string::npos);
  CHECK(json.find('\x01') == std::string::npos);
}

TEST_CASE("RenderJson: the fallback answer") {
  const ShippedModel& s = Shipped();
  OrderedJson j = OrderedJson::parse(RenderJson(s.model, Run("qwerty"), RenderOptions()));
  CHECK(j["fallback"] == true);
  CHECK(j["unrecognized"] == OrderedJson::array({"qwerty"}));
  CHECK(j["agencies"].size() == s.model.fallback.size());
  CHECK(j["team"]["convener"].is_null());
  CHECK(j["facts"].empty());
}

TEST_CASE("RenderTable: the agency table's columns line up by display width") {
  const ShippedModel& s = Shipped();
  for (const char* text : {kCase, "qwerty", "息子が「死にたい」と言っている", "son 25 is withdrawn and wants work"}) {
    INFO("case: " << text);
    RenderOptions ja;
    CheckTableAligned(RenderTable(s.model, Run(text), ja), "順位");
    RenderOptions en;
    en.lang = Lang::kEn;
    CheckTableAligned(RenderTable(s.model, Run(text), en), "#");
  }
}

TEST_CASE("RenderTable: with a terminal width, the agency table fits and stays aligned") {
  const ShippedModel& s = Shipped();
  for (int width : {120, 140, 200}) {
    for (Lang lang : {Lang::kJa, Lang::kEn}) {
      RenderOptions options;
      options.width = width;
      options.lang = lang;
      std::string table = RenderTable(s.model, Run(kCase), options);
      INFO("width " << width << ":\n" << table);
      CheckTableAligned(table, lang == Lang::kJa ? "順位" : "#");
      std::vector<std::string> lines = Lines(table);
      size_t h = 0;
      while (h < lines.size() && lines[h].rfind(lang == Lang::kJa ? "順位" : "#", 0) != 0) ++h;
      for (size_t l = h; l < lines.size() && !lines[l].empty(); ++l) CHECK(DisplayWidth(lines[l]) <= width);
    }
  }
  // Without a width (a pipe), role labels are kept whole.
  std::string piped = RenderTable(s.model, Run(kCase), RenderOptions());
  RenderOptions narrow;
  narrow.width = 120;
  std::string cut = RenderTable(s.model, Run(kCase), narrow);
  CHECK(cut.find("…") != std::string::npos);
  CHECK(piped.size() >= cut.size());
}

TEST_CASE("RenderTable: headings in the chosen language") {
  const ShippedModel& s = Shipped();
  CaseResult r = Run(kCase);
  std::string ja = RenderTable(s.model, r, RenderOptions());
  CHECK(ja.find("読み取った内容") != std::string::npos);
  CHECK(ja.find("チーム") != std::string::npos);
  RenderOptions en_options;
  en_options.lang = Lang::kEn;
  std::string en = RenderTable(s.model, r, en_options);
  CHECK(en.find("Understood") != std::string::npos);
  CHECK(en.find("First contact:") != std::string::npos);
  CHECK(en.find("Left out (not eligible):") != std::string::npos);
  CHECK(en.find("serves up to age 49; the person is 52") != std::string::npos);
}

TEST_CASE("RenderTable: --top limits the rows") {
  const ShippedModel& s = Shipped();
  RenderOptions top;
  top.top = 2;
  std::string table = RenderTable(s.model, Run(kCase), top);
  int ranked = 0;
  for (const std::string& line : Lines(table))
    if (!line.empty() && line[0] >= '1' && line[0] <= '9') ++ranked;
  CHECK(ranked == 2);
}

TEST_CASE("RenderTable: colour only when asked for") {
  const ShippedModel& s = Shipped();
  CaseResult r = Run("息子が「死にたい」と言っている");
  RenderOptions plain;
  CHECK(RenderTable(s.model, r, plain).find('\033') == std::string::npos);
  RenderOptions color;
  color.color = true;
  CHECK(RenderTable(s.model, r, color).find("\033[") != std::string::npos);
}

TEST_CASE("RenderTable: an alert comes first with its contacts") {
  const ShippedModel& s = Shipped();
  std::string table = RenderTable(s.model, Run("息子が「死にたい」と言っている"), RenderOptions());
  CHECK(table.rfind("【緊急】", 0) == 0);
}

// The lines of text that mention phone.
std::vector<std::string> LinesWith(const std::string& text, const std::string& phone) {
  std::vector<std::string> found;
  for (const std::string& line : Lines(text))
    if (line.find(phone) != std::string::npos) found.push_back(line);
  return found;
}

TEST_CASE("RenderTable: each crisis contact on its own line with number, hours, cost and check") {
  const ShippedModel& s = Shipped();
  CaseResult r = Run("息子が「死にたい」と言っている");
  std::string table = RenderTable(s.model, r, RenderOptions());
  std::vector<std::string> yorisoi = LinesWith(table, "0120-279-338");
  REQUIRE(yorisoi.size() == 1);
  CHECK(yorisoi[0].find("よりそいホットライン") != std::string::npos);
  CHECK(yorisoi[0].find("24時間・年中無休 · 無料") != std::string::npos);
  CHECK(yorisoi[0].find("確認 2026-12-03") != std::string::npos);
  std::vector<std::string> dial = LinesWith(table, "0570-064-556");
  REQUIRE(dial.size() == 1);
  CHECK(dial[0].find("通話料がかかります") != std::string::npos);
  CHECK(dial[0].find("都道府県・政令市") != std::string::npos);
  std::vector<std::string> center = LinesWith(table, "025-232-5560");
  REQUIRE(center.size() == 1);
  CHECK(center[0].find("月〜金 8:30〜17:00") != std::string::npos);
  CHECK(LinesWith(table, "025-248-1010").size() == 1);
  std::vector<std::string> ambulance = LinesWith(table, " 119 ");
  REQUIRE(ambulance.size() == 1);
  CHECK(ambulance[0].find("受付時間・通話料は未確認 · 未確認") != std::string::npos);

  RenderOptions en;
  en.lang = Lang::kEn;
  std::string english = RenderTable(s.model, r, en);
  std::vector<std::string> yorisoi_en = LinesWith(english, "0120-279-338");
  REQUIRE(yorisoi_en.size() == 1);
  CHECK(yorisoi_en[0].find("24 hours, every day · free call") != std::string::npos);
  CHECK(yorisoi_en[0].find("checked 2026-12-03") != std::string::npos);
  CHECK(LinesWith(english, "0570-064-556")[0].find("call charges apply") != std::string::npos);
  CHECK(LinesWith(english, " 119 ")[0].find("hours and cost not checked · unchecked") != std::string::npos);
}

TEST_CASE("RenderTable: the violence alert lists DV相談+ as free and 24 hours") {
  const ShippedModel& s = Shipped();
  std::string table = RenderTable(s.model, Run("息子が暴力をふるう"), RenderOptions());
  std::vector<std::string> plus = LinesWith(table, "0120-279-889");
  REQUIRE(plus.size() == 1);
  CHECK(plus[0].find("24時間 · 無料") != std::string::npos);
  CHECK(LinesWith(table, "#8008")[0].find("通話料がかかります") != std::string::npos);
}

TEST_CASE("CrisisDetails: what is known, and what is not checked") {
  CrisisContact c;
  CHECK(CrisisDetails(c, Lang::kJa) == "受付時間・通話料は未確認 · 未確認");
  CHECK(CrisisDetails(c, Lang::kEn) == "hours and cost not checked · unchecked");
  c.hours.present = true;
  c.hours.text = {"平日 9:00〜16:30", "weekdays 9:00-16:30"};
  CHECK(CrisisDetails(c, Lang::kJa) == "平日 9:00〜16:30 · 通話料は未確認 · 未確認");
  c.hours = Hours();
  c.cost = "free";
  CHECK(CrisisDetails(c, Lang::kEn) == "hours not checked · free call · unchecked");
  c.always = true;
  c.hours.present = true;
  c.hours.text = {"24時間", "24 hours"};
  c.cost = "charged";
  c.answers = {"相談員", "counsellors"};
  c.checked.push_back({"2026-12-03", "https://example.org/", "me"});
  CHECK(CrisisDetails(c, Lang::kJa) == "24時間 · 通話料がかかります · 応対: 相談員 · 確認 2026-12-03");
  CHECK(CrisisDetails(c, Lang::kEn) == "24 hours · call charges apply · answered by: counsellors · checked 2026-12-03");
}

TEST_CASE("RenderJson: alert contacts carry hours, cost, answers and checked") {
  const ShippedModel& s = Shipped();
  OrderedJson j = OrderedJson::parse(RenderJson(s.model, Run("息子が「死にたい」と言っている"), RenderOptions()));
  REQUIRE(j["alerts"].size() == 1);
  const OrderedJson& contacts = j["alerts"][0]["contacts"];
  REQUIRE(contacts.size() == 6);
  for (const OrderedJson& c : contacts)
    CHECK(Keys(c) == std::vector<std::string>{"id", "name", "phone", "hours", "open_now", "next_open", "cost",
                                              "answers", "checked"});
  const OrderedJson& yorisoi = contacts[1];
  CHECK(yorisoi["id"] == "yorisoi");
  CHECK(Keys(yorisoi["hours"]) ==
        std::vector<std::string>{"always", "byday", "opens_at", "closes_at", "closed", "text"});
  CHECK(yorisoi["hours"]["always"] == true);
  CHECK(yorisoi["hours"]["opens_at"].is_null());
  CHECK(yorisoi["cost"] == "free");
  CHECK(yorisoi["answers"]["en"] == "Counsellors of the Social Inclusion Support Center");
  REQUIRE(yorisoi["checked"].size() == 1);
  CHECK(Keys(yorisoi["checked"][0]) == std::vector<std::string>{"date", "source", "by"});
  CHECK(yorisoi["checked"][0]["date"] == "2026-12-03");
  const OrderedJson& center = contacts[3];
  CHECK(center["id"] == "niigata-kokoro-center");
  CHECK(center["hours"]["always"] == false);
  CHECK(center["hours"]["byday"] == OrderedJson::array({"MO", "TU", "WE", "TH", "FR"}));
  CHECK(center["hours"]["opens_at"] == "08:30");
  CHECK(center["hours"]["closed"] == OrderedJson::array({"holidays", "new-year"}));
  CHECK(center["cost"].is_null());
  const OrderedJson& ambulance = contacts[5];
  CHECK(ambulance["id"] == "ambulance");
  CHECK(ambulance["hours"].is_null());
  CHECK(ambulance["cost"].is_null());
  CHECK(ambulance["answers"].is_null());
  CHECK(ambulance["checked"].empty());
}

TEST_CASE("Referral sheets: each crisis contact on its own line, the number kept whole") {
  const ShippedModel& s = Shipped();
  CaseResult r = Run("息子が「死にたい」と言っている");
  RecordIdentity id{"c1", 1};
  std::string md = RenderSheetMarkdown(s.model, r, id, RenderOptions());
  std::vector<std::string> line = LinesWith(md, "0120-279-338");
  REQUIRE(line.size() == 1);
  CHECK(line[0] ==
        "- よりそいホットライン **0120-279-338** — 24時間・年中無休 · 無料 · 応対: "
        "社会的包摂サポートセンターの相談員 · 確認 2026-12-03");
  CHECK(LinesWith(md, "**119**")[0] == "- 救急車 **119** — 受付時間・通話料は未確認 · 未確認");
  std::string html = RenderSheetHtml(s.model, r, id, RenderOptions());
  std::vector<std::string> item = LinesWith(html, "0570-064-556");
  REQUIRE(item.size() == 1);
  CHECK(item[0].rfind("<tr><td class=\"who\">こころの健康相談統一ダイヤル</td><td class=\"phone\">0570-064-556</td>"
                      "<td class=\"small\">",
                      0) == 0);
  CHECK(item[0].find("通話料がかかります") != std::string::npos);
  CHECK(HtmlDocumentStart(Lang::kJa).find(".phone { white-space: nowrap;") != std::string::npos);
}

// Counts the times needle is in text.
size_t Count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++n;
  return n;
}

TEST_CASE("Referral sheets are forms: header fields, consent, who is who, open at issue, one notice") {
  const ShippedModel& s = Shipped();
  CaseResult r = Run("48歳の息子が何年も部屋から出てこない。母は76歳");
  RecordIdentity id{"c-9", 9};
  RenderOptions options;
  REQUIRE(ParseMoment("2026-12-03 10:00", &options.at).ok());  // a Thursday: the centre is open
  std::string md = RenderSheetMarkdown(s.model, r, id, options);
  CHECK(md.rfind("# 紹介シート — c-9\n\n| 事例 ID | 発行日時 | 担当者 | 所属 | 連絡先 |\n|---|---|---|---|---|\n"
                 "| c-9 | 2026-12-03 10:00 |  |  |  |\n\n**情報提供の同意**: ☐ 本人同意 ☐ 家族同意 ☐ 未確認\n\n"
                 "**備考**:\n\n_個人情報を含みます。",
                 0) == 0);
  CHECK(md.find("- **本人 息子 48歳**: 長期のひきこもり、ひきこもり\n- **親 母 76歳**: 高齢の親\n") !=
        std::string::npos);
  CHECK(md.find("- **受付時間**: 火〜土 9:00-18:00 要予約 — 発行時: 受付中\n") != std::string::npos);
  CHECK(md.find("- **電話**: 025-278-8585 (確認 2026-12-03)\n") != std::string::npos);
  // One notice on unverified contacts, with the data's last check.
  CHECK(Count(md, "未確認です") == 1);
  CHECK(md.find("(データの最終確認 2026-12-03)") != std::string::npos);
  REQUIRE(md.size() > 6);
  CHECK(md.compare(md.size() - 6, 6, "\n---\n\n") == 0);  // a rule between cases
  std::string html = RenderSheetHtml(s.model, r, id, options);
  CHECK(
      html.find("<thead><tr><td><div class=\"running\"><h1>紹介シート</h1><span>事例 ID <b class=\"id\">c-9</b></span>"
                "<span>発行日時 <b>2026-12-03 10:00</b></span></div></td></tr></thead>") != std::string::npos);
  CHECK(html.find("<tfoot><tr><td><div class=\"foot\">事例 ID c-9 · 発行 2026-12-03 10:00 · ") != std::string::npos);
  CHECK(html.find("<th>担当者</th><td></td><th>所属</th><td></td><th>連絡先</th><td></td>") != std::string::npos);
  CHECK(html.find("<span class=\"box\"></span>本人同意<span class=\"box\"></span>家族同意") != std::string::npos);
  CHECK(html.find("<tr><td>本人 息子</td><td>48歳</td><td>長期のひきこもり、ひきこもり</td></tr>") !=
        std::string::npos);
  CHECK(html.find("<div class=\"open\">発行時: 受付中</div>") != std::string::npos);
  CHECK(Count(html, "未確認です") == 1);
  CHECK(Count(html, "<tr><td class=\"rank\">") == r.ranking.agencies.size());

  // English: every label, and a Sunday: the centre is closed at issue.
  RenderOptions en;
  en.lang = Lang::kEn;
  REQUIRE(ParseMoment("2026-12-06 10:00", &en.at).ok());
  std::string md_en = RenderSheetMarkdown(s.model, r, id, en);
  CHECK(md_en.rfind("# Referral sheet — c-9\n\n| Case ID | Issued | Worker | Section | Contact |\n", 0) == 0);
  CHECK(
      md_en.find("**Consent to share**: ☐ the person ☐ the family ☐ not yet asked\n\n**Notes**:\n\n_Contains personal "
                 "information: ") != std::string::npos);
  CHECK(md_en.find("## Understood\n\n- **person son 48**: ") != std::string::npos);
  CHECK(md_en.find("— at issue: closed today; next ") != std::string::npos);
  CHECK(md_en.find("(data last checked 2026-12-03)") != std::string::npos);
  CHECK(md_en.find("受付") == std::string::npos);
  CHECK(RenderSheetHtml(s.model, r, id, en).find("<th>Worker</th><td></td><th>Section</th>") != std::string::npos);

  // No moment: the date of issue is a blank to fill in, and no open state.
  std::string undated = RenderSheetMarkdown(s.model, r, id, RenderOptions());
  CHECK(undated.find("| c-9 |  |  |  |  |\n") != std::string::npos);
  CHECK(undated.find("発行時") == std::string::npos);

  // A <title> of its own for each case's file.
  CHECK(SheetTitle(&id, options) == "紹介シート c-9(発行 2026-12-03 10:00)");
  CHECK(SheetTitle(nullptr, en) == "Referral sheets (issued 2026-12-06 10:00)");
  CHECK(HtmlDocumentStart(Lang::kJa, SheetTitle(&id, options))
            .find("<title>紹介シート c-9(発行 2026-12-03 10:00)</title>") != std::string::npos);
  CHECK(HtmlDocumentStart(Lang::kEn, "<x>").find("<title>&lt;x&gt;</title>") != std::string::npos);
  CHECK(HtmlDocumentStart(Lang::kJa).find("<title>紹介シート</title>") != std::string::npos);
  // Print CSS: a case a page, rows and headings kept whole, page numbers.
  const std::string css = HtmlDocumentStart(Lang::kJa);
  for (const char* rule : {".sheet + .sheet { break-before: page; }", "table.list tr { break-inside: avoid; }",
                           "break-after: avoid;", "counter(page) \" / \" counter(pages)"})
    CHECK_MESSAGE(css.find(rule) != std::string::npos, rule);
}

TEST_CASE("Alerts say the kind, who is at risk, the words and the first contact") {
  const ShippedModel& s = Shipped();
  const CaseResult r = Run("息子が八十代の母親に手を上げ、母の通帳を取り上げた");
  std::string table = RenderTable(s.model, r, RenderOptions());
  CHECK(table.rfind("【緊急】高齢者虐待", 0) == 0);
  CHECK(table.find("  種類: 高齢者虐待  危険にあるのは: 親\n  根拠の語: 「手を上げ」、「通帳を取り上げた」\n"
                   "  最初の窓口: 地域包括支援センター\n  警察") != std::string::npos);
  RenderOptions en;
  en.lang = Lang::kEn;
  CHECK(RenderTable(s.model, r, en)
            .find("  Kind: elder abuse  at risk: parent\n  Words: \"手を上げ\", \"通帳を取り上げた\"\n"
                  "  First contact: ") != std::string::npos);
  OrderedJson j = OrderedJson::parse(RenderJson(s.model, r, RenderOptions()));
  REQUIRE(j["alerts"].size() == 2);
  CHECK(Keys(j["alerts"][0]) ==
        std::vector<std::string>{"id", "kind", "message", "facts", "at_risk", "words", "first_contact", "contacts"});
  CHECK(j["alerts"][0]["kind"] == "elder-abuse");
  CHECK(j["alerts"][0]["at_risk"] == "parent");
  CHECK(j["alerts"][0]["words"] == std::vector<std::string>{"手を上げ", "通帳を取り上げた"});
  CHECK(j["alerts"][0]["first_contact"] == "houkatsu");
  CHECK(j["alerts"][1]["kind"] == "violence");
  CHECK(j["alerts"][1]["first_contact"] == nullptr);
  CHECK(j["team"]["first_contact"] == "houkatsu");
  CHECK(j["agencies"][0]["id"] == "houkatsu");
  std::string md = RenderSheetMarkdown(s.model, r, RecordIdentity{"c1", 1}, RenderOptions());
  CHECK(md.find("**【緊急】高齢者虐待: ") != std::string::npos);
  CHECK(md.find("(根拠: 手を上げ、通帳を取り上げた)。最初の窓口: 地域包括支援センター") != std::string::npos);
}

TEST_CASE("RenderAgencies: one row per agency, aligned") {
  const ShippedModel& s = Shipped();
  std::string list = RenderAgencies(s.model, -1, RenderOptions());
  std::vector<std::string> lines = Lines(list);
  CHECK(lines.size() == 14);  // header + 13
  for (const Agency& a : s.model.agencies) CHECK(list.find(a.id) != std::string::npos);
  CheckTableAligned(list, "id");
  std::string one = RenderAgencies(s.model, s.model.FindAgency("saposute"), RenderOptions());
  CHECK(one.find("025-255-0099") != std::string::npos);
  CHECK(one.find("(saposute)") != std::string::npos);
}

TEST_CASE("RenderAgenciesJson: a list, or one object") {
  const ShippedModel& s = Shipped();
  OrderedJson all = OrderedJson::parse(RenderAgenciesJson(s.model, -1));
  REQUIRE(all.is_array());
  CHECK(all.size() == 13);
  OrderedJson one = OrderedJson::parse(RenderAgenciesJson(s.model, s.model.FindAgency("saposute")));
  CHECK(one["id"] == "saposute");
  CHECK(one["eligibility"]["max_age"] == 49);
  CHECK(one["phone"] == "025-255-0099");
}

TEST_CASE("HoursShort in both languages") {
  Hours h;
  h.present = true;
  h.byday = {"TU", "WE", "TH", "FR", "SA"};
  h.opens_at = "09:00";
  h.closes_at = "18:00";
  h.appointment = true;
  CHECK(HoursShort(h, Lang::kJa) == "火〜土 9:00-18:00 要予約");
  CHECK(HoursShort(h, Lang::kEn) == "Tue-Sat 9:00-18:00, by appointment");
  h.appointment = false;
  h.byday = {"MO"};
  h.opens_at = "10:30";
  CHECK(HoursShort(h, Lang::kEn) == "Mon 10:30-18:00");
  CHECK(HoursShort(Hours(), Lang::kJa) == "");
}

// ------------------------------------------------------------- open now

namespace {
RenderOptions AtTime(const std::string& when, Lang lang = Lang::kJa, int width = 0) {
  RenderOptions options;
  options.lang = lang;
  options.width = width;
  REQUIRE(ParseMoment(when, &options.at).ok());
  return options;
}

std::string LineWith(const std::string& text, const std::string& part) {
  for (const std::string& line : Lines(text))
    if (line.find(part) != std::string::npos) return line;
  return "";
}
}  // namespace

TEST_CASE("RenderTable: open now under the hours, in both languages") {
  const ShippedModel& s = Shipped();
  CaseResult r = Run(kCase);
  std::string ja = RenderTable(s.model, r, AtTime("2026-12-29 10:00"));
  CheckTableAligned(ja, "順位");
  // The hikikomori centre's hours, then the line under them.
  CHECK(LineWith(ja, "火〜土 9:00-18:00 要予約") != "");
  std::string next = LineWith(ja, "本日休み、次は 1/5(火) 9:00");
  CHECK(next.find("点数") != std::string::npos);  // the row's second line
  std::string en = RenderTable(s.model, r, AtTime("2026-12-01 10:00", Lang::kEn));
  CheckTableAligned(en, "#");
  CHECK(LineWith(en, "Tue-Sat 9:00-18:00, by appointment") != "");  // no longer cut
  CHECK(LineWith(en, "open now") != "");
  std::string monday = RenderTable(s.model, r, AtTime("2026-11-30T10:00+09:00", Lang::kEn));
  CHECK(LineWith(monday, "closed today; next 1 Dec (Tue) 9:00") != "");
  // Without a moment (as in the other tests), no line.
  CHECK(LineWith(RenderTable(s.model, r, RenderOptions()), "受付中") == "");
}

TEST_CASE("RenderTable: in a narrow terminal the open-now line breaks, never cuts its time") {
  const ShippedModel& s = Shipped();
  for (Lang lang : {Lang::kJa, Lang::kEn}) {
    std::string table = RenderTable(s.model, Run(kCase), AtTime("2026-12-29 10:00", lang, 120));
    INFO(table);
    CheckTableAligned(table, lang == Lang::kJa ? "順位" : "#");
    std::vector<std::string> lines = Lines(table);
    size_t h = 0;
    while (h < lines.size() && lines[h].rfind(lang == Lang::kJa ? "順位" : "#", 0) != 0) ++h;
    for (size_t l = h; l < lines.size() && !lines[l].empty(); ++l) CHECK(DisplayWidth(lines[l]) <= 120);
    if (lang == Lang::kJa) {
      CHECK(LineWith(table, "本日休み、") != "");
      CHECK(LineWith(table, "次は 1/5(火) 9:00") != "");
    } else {
      CHECK(LineWith(table, "closed today;") != "");
      CHECK(LineWith(table, "next 5 Jan (Tue) 9:00") != "");
    }
  }
}

TEST_CASE("RenderTable: a crisis line with a schedule says whether it answers now") {
  const ShippedModel& s = Shipped();
  CaseResult r = Run("息子が「死にたい」と言っている");
  std::string table = RenderTable(s.model, r, AtTime("2026-12-05 10:00"));  // a Saturday
  CHECK(LineWith(table, "025-232-5560").find("025-232-5560 本日休み、次は 12/7(月) 8:30 · 月〜金 8:30〜17:00") !=
        std::string::npos);
  // 24-hour lines say so in their hours; no open-now word is added.
  CHECK(LineWith(table, "0120-279-338").find("0120-279-338 24時間・年中無休") != std::string::npos);
  std::string en = RenderTable(s.model, r, AtTime("2026-12-07 09:00", Lang::kEn));
  CHECK(LineWith(en, "025-232-5560").find("025-232-5560 open now · Mon-Fri") != std::string::npos);
}

TEST_CASE("RenderJson: open_now and next_open per agency and crisis contact") {
  const ShippedModel& s = Shipped();
  OrderedJson j = OrderedJson::parse(RenderJson(s.model, Run(kCase), AtTime("2026-12-29 10:00")));
  bool centre = false;
  for (const OrderedJson& a : j["agencies"]) {
    INFO(a["id"]);
    if (a["id"] == "hikikomori-center") {
      centre = true;
      CHECK(a["open_now"] == false);
      CHECK(a["next_open"] == "2027-01-05T09:00:00+09:00");
    } else if (a["hours"].is_null()) {
      CHECK(a["open_now"].is_null());
      CHECK(a["next_open"].is_null());
    }
  }
  CHECK(centre);
  OrderedJson open = OrderedJson::parse(RenderJson(s.model, Run(kCase), AtTime("2026-12-01 10:00")));
  for (const OrderedJson& a : open["agencies"])
    if (a["id"] == "hikikomori-center") {
      CHECK(a["open_now"] == true);
      CHECK(a["next_open"].is_null());
    }
  OrderedJson alert =
      OrderedJson::parse(RenderJson(s.model, Run("息子が「死にたい」と言っている"), AtTime("2026-12-05 10:00")));
  for (const OrderedJson& c : alert["alerts"][0]["contacts"]) {
    INFO(c["id"]);
    if (c["id"] == "yorisoi") CHECK(c["open_now"] == true);
    if (c["id"] == "kokoro-dial") CHECK(c["open_now"].is_null());
    if (c["id"] == "niigata-kokoro-center") {
      CHECK(c["open_now"] == false);
      CHECK(c["next_open"] == "2026-12-07T08:30:00+09:00");
    }
  }
  // Batch fragments carry the same members.
  JsonFragments f = BuildJsonFragments(s.model, AtTime("2026-12-29 10:00").at);
  int at = s.model.FindAgency("hikikomori-center");
  CHECK(f.agency_members[at].find(",\"open_now\":false,\"next_open\":\"2027-01-05T09:00:00+09:00\"") !=
        std::string::npos);
}

TEST_CASE("RenderAgenciesJson: open_now and next_open, null without a moment") {
  const ShippedModel& s = Shipped();
  int at = s.model.FindAgency("hikikomori-center");
  OrderedJson none = OrderedJson::parse(RenderAgenciesJson(s.model, at));
  CHECK(none["open_now"].is_null());
  OrderedJson j = OrderedJson::parse(RenderAgenciesJson(s.model, at, AtTime("2026-09-22 10:00").at));
  CHECK(j["open_now"] == false);
  CHECK(j["next_open"] == "2026-09-24T09:00:00+09:00");
}

TEST_CASE("RenderAgencies: the open-now line in the list and in one agency's view") {
  const ShippedModel& s = Shipped();
  std::string list = RenderAgencies(s.model, -1, AtTime("2026-05-06 10:00"));  // 振替休日
  CheckTableAligned(list, "id");
  CHECK(LineWith(list, "本日休み、次は 5/7(木) 9:00") != "");
  int at = s.model.FindAgency("hikikomori-center");
  CHECK(LineWith(RenderAgencies(s.model, at, AtTime("2026-12-01 08:00", Lang::kEn)), "  Now: ") ==
        "  Now: opens today 9:00");
  CHECK(LineWith(RenderAgencies(s.model, at, RenderOptions()), "現在") == "");
}
