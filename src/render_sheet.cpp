#include "render_sheet.h"

#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

#include "household.h"
#include "open_hours.h"

#include "place.h"

namespace {

// Text for either language, chosen once per sheet.
struct Words {
  bool ja;
  const char* operator()(const char* j, const char* e) const { return ja ? j : e; }
};

// A control character starts at s[i]: C0 but tab (and but a line break
// when keep_newline), DEL, or C1 (U+0080-U+009F, 0xC2 0x80-0x9F in UTF-8).
// Returns its length in bytes, else 0.
size_t ControlAt(const std::string& s, size_t i, bool keep_newline) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x20) return c == '\t' || (c == '\n' && keep_newline) ? 0 : 1;
  if (c == 0x7F) return 1;
  if (c == 0xC2 && i + 1 < s.size()) {
    const unsigned char next = static_cast<unsigned char>(s[i + 1]);
    if (next >= 0x80 && next <= 0x9F) return 2;
  }
  return 0;
}

// Ids, case texts and messages come from the input: a control character in
// them is shown as \u00XX (the notation of the JSON output), so that none
// reaches a terminal, a Markdown line or a CSV cell raw: no escape
// sequence, no line end where the format has none.
std::string Visible(const std::string& s, bool keep_newline = false) {
  size_t i = 0;
  while (i < s.size() && !ControlAt(s, i, keep_newline)) ++i;
  if (i == s.size()) return s;
  std::string out = s.substr(0, i);
  while (i < s.size()) {
    const size_t n = ControlAt(s, i, keep_newline);
    if (n == 0) {
      out += s[i++];
      continue;
    }
    const unsigned code = n == 1 ? static_cast<unsigned char>(s[i]) : static_cast<unsigned char>(s[i + 1]);
    char hex[8];
    std::snprintf(hex, sizeof hex, "\\u%04x", code);
    out += hex;
    i += n;
  }
  return out;
}

std::string HtmlEscape(const std::string& text, bool keep_newline = false) {
  const std::string s = Visible(text, keep_newline);
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// Markdown: escape the characters that would start markup mid-line.
std::string MdEscape(const std::string& text) {
  const std::string s = Visible(text);
  std::string out;
  for (char c : s) {
    if (c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '>' || c == '#' || c == '|' ||
        c == '\\')
      out += '\\';
    out += c;
  }
  return out;
}

std::string Joined(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : separator) + s;
  return out;
}

// The date and time of issue, "2026-12-03 10:00"; empty when not set.
std::string IssuedAt(const LocalTime& t) {
  if (!t.set()) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", t.year, t.month, t.day, t.hour, t.minute);
  return buf;
}

// One case's sheet as plain text pieces, built once and written by the
// Markdown and the HTML writer alike (each escapes the pieces itself), so
// both carry the same content in the same order.
struct SheetContact {
  std::string name, phone, details;
};
struct SheetAlert {
  std::string text;
  std::vector<SheetContact> contacts;
};
struct SheetPerson {
  std::string who, age, facts;
};
struct SheetAgency {
  std::string rank, name, roles, office, phone, checked, hours, open, address, eligibility;
};
struct Sheet {
  std::string id, issued, text;
  std::vector<SheetAlert> alerts;
  std::vector<SheetPerson> persons;                       // the person of concern first
  std::string unrecognized;                               // words not understood, joined
  std::vector<std::pair<std::string, std::string>> team;  // label, agency
  std::vector<SheetAgency> agencies;
  std::vector<std::string> removed;  // agencies left out, and why
  std::vector<std::string> notes;    // below them: where the details come from
};

// What was said of each person ("本人 息子", "48歳", "ひきこもり、無職"),
// the person of concern first, then what was said of no one in particular.
std::vector<SheetPerson> Persons(const Model& model, const Understanding& u, Lang lang) {
  const Words w{lang == Lang::kJa};
  std::vector<SheetPerson> rows;
  auto add = [&](std::string who, int person, int subject) {
    std::vector<std::string> items;
    for (const FactMention& m : u.mentions) {
      if (m.person != person || (person < 0 && static_cast<int>(m.subject) != subject)) continue;
      std::string item = model.facts[m.fact].label.in(lang);
      if (m.negated) item = lang == Lang::kJa ? item + "(否定)" : "not " + item;
      if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
    }
    const AgeRange age = person >= 0 ? u.persons[person].age : AgeRange();
    if (items.empty() && !age.known()) return;
    rows.push_back({who, AgeLabel(age, lang), Joined(items, w("、", ", "))});
  };
  for (size_t k = 0; k < u.persons.size(); ++k) {
    const Person& p = u.persons[static_cast<size_t>(PersonShownAt(u, k))];
    add(PersonLabel(p, lang), p.id, -1);
  }
  for (int s = 0; s < kSubjectCount; ++s) add(SubjectLabel(static_cast<Subject>(s), lang), -1, s);
  return rows;
}

Sheet BuildSheet(const Model& model, const CaseResult& result, const RecordIdentity& record,
                 const RenderOptions& options) {
  const Lang lang = options.lang;
  const Words w{lang == Lang::kJa};
  const Understanding& u = result.understanding;
  const Ranking& ranking = result.ranking;
  Sheet sheet;
  sheet.id = record.id;
  sheet.issued = IssuedAt(options.at);
  sheet.text = u.input;
  for (const Firing& f : result.alerts) {
    const AlertRule& a = model.alerts[f.index];
    std::string line =
        std::string(w("【緊急】", "[URGENT] ")) + AlertKindLabel(a.kind).in(lang) + ": " + a.message.in(lang);
    std::string words;
    for (const FactMention* m : AlertMentions(model, u, f))
      if (m->origin == FactMention::kPhrase) words += (words.empty() ? "" : w("、", ", ")) + m->words;
    if (!words.empty()) line += std::string(w("(根拠: ", " (words: ")) + words + w(")", ")");
    if (a.first_contact >= 0)
      line += std::string(w("。最初の窓口: ", ". First contact: ")) + model.agencies[a.first_contact].name.in(lang);
    SheetAlert alert{line, {}};
    for (int c : a.contacts)
      alert.contacts.push_back(
          {model.crisis[c].name.in(lang), model.crisis[c].phone, CrisisDetails(model.crisis[c], lang)});
    sheet.alerts.push_back(alert);
  }
  sheet.persons = Persons(model, u, lang);
  sheet.unrecognized = Joined(u.unrecognized, w("、", ", "));
  const std::string first = model.agencies[ranking.team.first_contact].name.in(lang);
  if (ranking.fallback) {
    sheet.team.push_back(
        {w("最初の窓口", "First contact"), first + w("(該当する規則がないため、総合相談窓口を案内)",
                                                     " (no rule matched: a general window, as a fallback)")});
  } else {
    sheet.team.push_back({w("最初の窓口", "First contact"), first});
    if (ranking.team.convener >= 0)
      sheet.team.push_back(
          {w("ケース会議の招集", "Case conference convened by"), model.agencies[ranking.team.convener].name.in(lang)});
  }

  bool unverified = false;
  std::vector<std::string> inferred;
  for (const RankedAgency& r : ranking.agencies) {
    if (options.top > 0 && static_cast<int>(sheet.agencies.size()) >= options.top) break;
    const Agency& a = model.agencies[r.agency];
    SheetAgency row;
    row.rank = std::to_string(r.rank);
    row.name = a.name.in(lang);
    std::vector<std::string> roles;
    for (int role : r.roles) roles.push_back(RoleLabel(a.roles[role], lang));
    row.roles = Joined(roles, w("/ ", "; "));
    // The office serving where the family lives, when chosen: its phone,
    // address and hours stand for the agency's (place.h).
    const Office* office = r.office >= 0 ? &a.offices[static_cast<size_t>(r.office)] : nullptr;
    row.office = r.office_reason.in(lang);
    const std::string& phone = ShownPhone(model, r);
    const Hours& hours = ShownHours(model, r);
    row.phone = phone.empty() ? w("記載なし", "not listed") : phone;
    if (!a.LastChecked().empty()) row.checked = std::string(w("確認 ", "checked ")) + a.LastChecked();
    // Days and times in short ("火〜土 9:00-18:00 要予約") when known: the
    // open state at issue says what the closures mean for today.
    row.hours = !hours.present        ? std::string(w("記載なし", "not listed"))
                : hours.byday.empty() ? hours.text.in(lang)
                                      : HoursShort(hours, lang);
    if (hours.present && options.at.set()) {
      const std::string open = OpenLabel(OpenAt(hours, false, model.holidays, options.at), lang);
      if (!open.empty()) row.open = std::string(w("発行時: ", "at issue: ")) + open;
    }
    const LocalText& address = office && !office->address.empty() ? office->address : a.address;
    row.address = address.in(lang);
    std::vector<std::string> conditions;
    for (const AgencyCondition& c : r.conditions)
      if (c.kind != "office" && c.kind != "office-unknown") conditions.push_back(c.text.in(lang));
    row.eligibility = Joined(conditions, w("。", "; "));
    sheet.agencies.push_back(row);
    unverified = unverified || !a.verified;
    if (a.source.name == "inferred") inferred.push_back(row.rank);
  }
  for (const Removal& r : ranking.removed)
    sheet.removed.push_back(std::string(w("対象外: ", "Not eligible: ")) + model.agencies[r.agency].name.in(lang) +
                            " — " + r.why.in(lang));
  // One notice for the whole sheet, with the latest check of the data.
  if (unverified) {
    std::string last;
    for (const Agency& a : model.agencies) last = std::max(last, a.LastChecked());
    sheet.notes.push_back(
        last.empty() ? w("連絡先はガイドラインからの転記で、公開情報では未確認です。電話の前にご確認ください。",
                         "Contact details are transcribed from the guideline and not verified against public sources; "
                         "check before calling.")
                     : std::string(w(
                           "連絡先はガイドラインからの転記です。「確認」の日付がない機関は未確認です(データの最終確認 ",
                           "Contact details are transcribed from the guideline, not verified unless 'checked' gives a "
                           "date (data last checked ")) +
                           last + w(")。電話の前にご確認ください。", "); check before calling."));
  }
  if (!inferred.empty())
    sheet.notes.push_back(std::string(w("機関名はガイドラインに記載がなく推定です(順位 ",
                                        "Agency names not given by the guideline are inferred (ranks ")) +
                          Joined(inferred, ", ") + w(")。", ")."));
  return sheet;
}

// The privacy line of every sheet, under the header.
const char* PrivacyLine(const Words& w) {
  return w(
      "個人情報を含みます。この事例に関わる機関の担当者以外に見せず、用が済んだらシュレッダー等で廃棄してください。",
      "Contains personal information: show it only to the agencies involved, and shred it when done.");
}

// A CSV field: control characters shown (see Visible), a field that would
// start with = + - @, a tab or a CR prefixed with ' so that a spreadsheet
// takes it as text, not a formula (OWASP's rule for CSV injection: "-2+3"
// or "+81 25..." are formulas to Excel too), then quoted when it holds a
// comma or a quote.
std::string CsvField(const std::string& text) {
  std::string s = Visible(text);
  if (!s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos) s.insert(0, 1, '\'');
  if (s.find_first_of(",\"") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string RenderSheetMarkdown(const Model& model, const CaseResult& result, const RecordIdentity& record,
                                const RenderOptions& options) {
  const Words w{options.lang == Lang::kJa};
  const Sheet sheet = BuildSheet(model, result, record, options);
  std::string md = "# " + std::string(w("紹介シート", "Referral sheet")) + " — " + MdEscape(sheet.id) + "\n\n";
  // The header fields: the case, the date of issue, and blanks to fill in.
  md += std::string("| ") + w("事例 ID", "Case ID") + " | " + w("発行日時", "Issued") + " | " + w("担当者", "Worker") +
        " | " + w("所属", "Section") + " | " + w("連絡先", "Contact") + " |\n|---|---|---|---|---|\n| " +
        MdEscape(sheet.id) + " | " + sheet.issued + " |  |  |  |\n\n";
  md += std::string("**") + w("情報提供の同意", "Consent to share") + "**: ☐ " + w("本人同意", "the person") + " ☐ " +
        w("家族同意", "the family") + " ☐ " + w("未確認", "not yet asked") + "\n\n";
  md += std::string("**") + w("備考", "Notes") + "**:\n\n";
  md += "_" + MdEscape(PrivacyLine(w)) + "_\n\n";
  md += std::string("## ") + w("事例", "Case") + "\n\n";
  // Each line of the case quoted on its own: a line break inside the text
  // ends the Markdown line, and the quote would end with it.
  for (size_t start = 0;;) {
    const size_t end = sheet.text.find('\n', start);
    md += "> " + MdEscape(sheet.text.substr(start, end - start)) + "\n";
    if (end == std::string::npos) break;
    start = end + 1;
  }
  md += "\n";
  for (const SheetAlert& a : sheet.alerts) {
    md += "**" + MdEscape(a.text) + "**\n\n";
    for (const SheetContact& c : a.contacts)
      md += "- " + MdEscape(c.name) + " **" + MdEscape(c.phone) + "** — " + MdEscape(c.details) + "\n";
    if (!a.contacts.empty()) md += "\n";
  }
  md += std::string("## ") + w("読み取った内容", "Understood") + "\n\n";
  if (sheet.persons.empty()) md += std::string("- ") + w("(なし)", "(nothing)") + "\n";
  for (const SheetPerson& p : sheet.persons) {
    const std::string who = p.who + (p.age.empty() ? "" : " " + p.age);
    md += "- **" + MdEscape(who) + "**" + (p.facts.empty() ? "" : ": " + MdEscape(p.facts)) + "\n";
  }
  if (!sheet.unrecognized.empty())
    md +=
        std::string("- **") + w("読み取れなかった語", "Not understood") + "**: " + MdEscape(sheet.unrecognized) + "\n";
  md += std::string("\n## ") + w("チーム", "Team") + "\n\n";
  for (const auto& [label, value] : sheet.team) md += "- **" + MdEscape(label) + "**: " + MdEscape(value) + "\n";
  md += std::string("\n## ") + w("関係機関", "Agencies") + "\n";
  auto item = [&](const char* label, const std::string& value) {
    if (!value.empty()) md += std::string("- **") + label + "**: " + MdEscape(value) + "\n";
  };
  for (const SheetAgency& a : sheet.agencies) {
    md += "\n### " + a.rank + ". " + MdEscape(a.name) + "\n\n";
    item(w("この事例での役割", "Role in this case"), a.roles);
    item(w("担当の事務所", "Local office"), a.office);
    item(w("電話", "Phone"), a.phone + (a.checked.empty() ? "" : " (" + a.checked + ")"));
    item(w("受付時間", "Hours"), a.hours + (a.open.empty() ? "" : " — " + a.open));
    item(w("住所", "Address"), a.address);
    item(w("対象・条件", "Eligibility"), a.eligibility);
  }
  md += "\n";
  for (const std::string& n : sheet.removed) md += "_" + MdEscape(n) + "_\n\n";
  for (const std::string& n : sheet.notes) md += "_" + MdEscape(n) + "_\n\n";
  md += std::string("_") + w("tsunagu ", "Made with tsunagu ") + TSUNAGU_VERSION + w(" で作成_", "_") + "\n\n";
  return md + "---\n\n";
}

std::string RenderSheetHtml(const Model& model, const CaseResult& result, const RecordIdentity& record,
                            const RenderOptions& options) {
  const Words w{options.lang == Lang::kJa};
  const Sheet sheet = BuildSheet(model, result, record, options);
  const std::string id = HtmlEscape(sheet.id);
  // The sheet is one table: its <thead> and <tfoot> are printed again on
  // every page the case runs to, so a loose page still names its case and
  // date (Chromium repeats them; the page numbers are in @page).
  std::string html = "<section class=\"sheet\">\n<table class=\"page\">\n<thead><tr><td><div class=\"running\"><h1>" +
                     std::string(w("紹介シート", "Referral sheet")) + "</h1><span>" + w("事例 ID", "Case ID") +
                     " <b class=\"id\">" + id + "</b></span><span>" + w("発行日時", "Issued") + " <b>" + sheet.issued +
                     "</b></span></div></td></tr></thead>\n<tfoot><tr><td><div class=\"foot\">" +
                     w("事例 ID ", "Case ID ") + id + " · " + w("発行 ", "issued ") + sheet.issued + " · " +
                     w("個人情報 — 取扱注意", "personal information — handle with care") + " · tsunagu " +
                     TSUNAGU_VERSION + "</div></td></tr></tfoot>\n<tbody><tr><td>\n";
  html += std::string("<table class=\"fields\">\n<tr><th>") + w("担当者", "Worker") + "</th><td></td><th>" +
          w("所属", "Section") + "</th><td></td><th>" + w("連絡先", "Contact") + "</th><td></td></tr>\n<tr><th>" +
          w("情報提供の同意", "Consent to share") + "</th><td colspan=\"5\"><span class=\"box\"></span>" +
          w("本人同意", "the person") + "<span class=\"box\"></span>" + w("家族同意", "the family") +
          "<span class=\"box\"></span>" + w("未確認", "not yet asked") + "</td></tr>\n<tr><th>" + w("備考", "Notes") +
          "</th><td colspan=\"5\" class=\"notes\"></td></tr>\n</table>\n";
  html += "<p class=\"privacy\">" + std::string(PrivacyLine(w)) + "</p>\n";
  // The case's line breaks are kept: the quote's CSS is white-space: pre-wrap.
  html += std::string("<h2>") + w("事例", "Case") + "</h2>\n<blockquote class=\"case\">" +
          HtmlEscape(sheet.text, true) + "</blockquote>\n";
  for (const SheetAlert& a : sheet.alerts) {
    // One row a contact: the name, the number (never split), what to know.
    html += "<div class=\"alert\">\n<p>" + HtmlEscape(a.text) + "</p>\n<table class=\"contacts\">\n";
    for (const SheetContact& c : a.contacts)
      html += "<tr><td class=\"who\">" + HtmlEscape(c.name) + "</td><td class=\"phone\">" + HtmlEscape(c.phone) +
              "</td><td class=\"small\">" + HtmlEscape(c.details) + "</td></tr>\n";
    html += "</table>\n</div>\n";
  }
  // Who is who and the team side by side: the agencies keep the room.
  html += std::string("<div class=\"two\">\n<div>\n<h2>") + w("読み取った内容", "Understood") +
          "</h2>\n<table class=\"list persons\">\n<tr><th>" + w("人", "Who") + "</th><th>" + w("年齢", "Age") +
          "</th><th>" + w("読み取った内容", "What the case says") + "</th></tr>\n";
  if (sheet.persons.empty()) html += std::string("<tr><td colspan=\"3\">") + w("(なし)", "(nothing)") + "</td></tr>\n";
  for (const SheetPerson& p : sheet.persons)
    html += "<tr><td>" + HtmlEscape(p.who) + "</td><td>" + HtmlEscape(p.age) + "</td><td>" + HtmlEscape(p.facts) +
            "</td></tr>\n";
  if (!sheet.unrecognized.empty())
    html += std::string("<tr><td>") + w("読み取れなかった語", "Not understood") + "</td><td></td><td>" +
            HtmlEscape(sheet.unrecognized) + "</td></tr>\n";
  html += std::string("</table>\n</div>\n<div>\n<h2>") + w("チーム", "Team") + "</h2>\n<dl>\n";
  for (const auto& [label, value] : sheet.team)
    html += "<dt>" + HtmlEscape(label) + "</dt><dd>" + HtmlEscape(value) + "</dd>\n";
  html += std::string("</dl>\n</div>\n</div>\n<h2>") + w("関係機関", "Agencies") +
          "</h2>\n<table class=\"list agencies\">\n<thead><tr><th>" + w("順位", "#") + "</th><th>" +
          w("機関・この事例での役割", "Agency and its role in this case") + "</th><th>" +
          w("電話・受付時間", "Phone and hours") + "</th></tr></thead>\n<tbody>\n";
  for (const SheetAgency& a : sheet.agencies) {
    html += "<tr><td class=\"rank\">" + a.rank + "</td><td><div class=\"name\">" + HtmlEscape(a.name) + "</div><div>" +
            HtmlEscape(a.roles) + "</div>";
    if (!a.office.empty()) html += "<div class=\"small\">" + HtmlEscape(a.office) + "</div>";
    if (!a.address.empty())
      html += std::string("<div class=\"small\">") + w("住所: ", "Address: ") + HtmlEscape(a.address) + "</div>";
    if (!a.eligibility.empty())
      html += std::string("<div class=\"small\">") + w("対象・条件: ", "Eligibility: ") + HtmlEscape(a.eligibility) +
              "</div>";
    html += "</td><td><span class=\"phone\">" + HtmlEscape(a.phone) + "</span>";
    if (!a.checked.empty()) html += "<div class=\"small\">" + HtmlEscape(a.checked) + "</div>";
    html += std::string("<div>") + w("受付: ", "Hours: ") + HtmlEscape(a.hours) + "</div>";
    if (!a.open.empty()) html += "<div class=\"open\">" + HtmlEscape(a.open) + "</div>";
    html += "</td></tr>\n";
  }
  html += "</tbody>\n</table>\n";
  for (const std::string& n : sheet.removed) html += "<p class=\"note\">" + HtmlEscape(n) + "</p>\n";
  // The notes as one paragraph: a line saved, so a typical case keeps to one page.
  if (!sheet.notes.empty()) html += "<p class=\"note\">" + HtmlEscape(Joined(sheet.notes, " ")) + "</p>\n";
  return html + "</td></tr></tbody>\n</table>\n</section>\n";
}

std::string SheetTitle(const RecordIdentity* record, const RenderOptions& options) {
  const Words w{options.lang == Lang::kJa};
  std::string title = record ? std::string(w("紹介シート ", "Referral sheet ")) + Visible(record->id)
                             : std::string(w("紹介シート", "Referral sheets"));
  const std::string issued = IssuedAt(options.at);
  if (!issued.empty()) title += std::string(w("(発行 ", " (issued ")) + issued + w(")", ")");
  return title;
}

std::string RenderErrorMarkdown(const RecordIdentity& record, const std::string& error, Lang lang) {
  const Words w{lang == Lang::kJa};
  return "# " + std::string(w("紹介シート", "Referral sheet")) + " — " + MdEscape(record.id) + "\n\n**" +
         w("この記録は読めませんでした", "This record could not be read") + "** (" + w("記録 ", "record ") +
         std::to_string(record.number) + "): " + MdEscape(error) + "\n\n---\n\n";
}

std::string RenderErrorHtml(const RecordIdentity& record, const std::string& error, Lang lang) {
  const Words w{lang == Lang::kJa};
  return "<section class=\"sheet\">\n<h1>" + std::string(w("紹介シート", "Referral sheet")) + " — " +
         HtmlEscape(record.id) + "</h1>\n<p class=\"alert\">" +
         w("この記録は読めませんでした", "This record could not be read") + " (" + w("記録 ", "record ") +
         std::to_string(record.number) + "): " + HtmlEscape(error) + "</p>\n</section>\n";
}

std::string HtmlDocumentStart(Lang lang, const std::string& title) {
  const Words w{lang == Lang::kJa};
  return std::string("<!DOCTYPE html>\n<html lang=\"") + w("ja", "en") +
         "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
         HtmlEscape(title.empty() ? w("紹介シート", "Referral sheets") : title) +
         "</title>\n<style>\n"
         "@page { size: A4; margin: 10mm 12mm 10mm;"
         " @bottom-right { content: counter(page) \" / \" counter(pages); font-size: 8pt; } }\n"
         "body { font-family: 'Noto Sans CJK JP', 'IPAexGothic', 'IPAPGothic', 'Hiragino Sans', 'Yu Gothic',"
         " sans-serif; font-size: 9pt; line-height: 1.28; color: #111; max-width: 186mm; margin: 1em auto; }\n"
         ".sheet + .sheet { break-before: page; }\n"
         "table { border-collapse: collapse; width: 100%; }\n"
         "table.page > thead > tr > td, table.page > tfoot > tr > td { padding: 0; }\n"
         ".running { display: flex; gap: 12pt; align-items: baseline; border-bottom: 2px solid #222;"
         " padding-bottom: 2pt; margin-bottom: 4pt; }\n"
         ".running h1 { font-size: 15pt; margin: 0 auto 0 0; }\n"
         ".running span { white-space: nowrap; }\n"
         ".foot { border-top: 1px solid #888; font-size: 8pt; color: #444; margin-top: 6pt; padding-top: 2pt; }\n"
         "h1 { font-size: 15pt; }\n"
         "h2 { font-size: 10.5pt; margin: 5pt 0 2pt; padding-left: 4pt; border-left: 4px solid #444;"
         " break-after: avoid; }\n"
         "table.fields th, table.fields td { border: 1px solid #444; padding: 2pt 5pt; text-align: left; }\n"
         "table.fields th { background: #eee; font-weight: normal; white-space: nowrap; width: 1%; }\n"
         "table.fields td { height: 13pt; }\n"
         "table.fields td.notes { height: 18pt; }\n"
         ".box { display: inline-block; width: 9pt; height: 9pt; border: 1px solid #000; vertical-align: -1pt;"
         " margin: 0 3pt 0 10pt; }\n"
         ".box:first-child { margin-left: 0; }\n"
         ".privacy { font-size: 8.5pt; margin: 3pt 0 0; }\n"
         "blockquote.case { border-left: 4px solid #888; margin: 0; padding: 3pt 8pt; background: #f4f4f4;"
         " white-space: pre-wrap; }\n"
         ".alert { border: 2px solid #b00; padding: 4pt 8pt; margin: 6pt 0 0; break-inside: avoid; }\n"
         ".alert p { margin: 0; color: #b00; font-weight: bold; }\n"
         "table.contacts { margin: 2pt 0 0; }\n"
         "table.contacts td { padding: 0.5pt 8pt 0.5pt 0; vertical-align: baseline; }\n"
         "table.contacts td.who { width: 28%; }\n"
         "table.contacts td.phone { white-space: nowrap; width: 1%; }\n"
         ".phone { white-space: nowrap; font-weight: bold; }\n"
         "table.list th, table.list td { border: 1px solid #999; padding: 1.5pt 4pt; text-align: left;"
         " vertical-align: top; }\n"
         "table.list th { background: #eee; font-weight: normal; font-size: 8.5pt; white-space: nowrap; }\n"
         "table.list tr { break-inside: avoid; }\n"
         "table.persons td:first-child, table.persons td:nth-child(2) { white-space: nowrap; width: 1%; }\n"
         "table.agencies td.rank { width: 1%; text-align: right; }\n"
         "table.agencies td:nth-child(3) { width: 27%; }\n"
         ".name { font-weight: bold; }\n"
         ".small { font-size: 8pt; color: #444; }\n"
         ".open { font-weight: bold; }\n"
         ".two { display: grid; grid-template-columns: 3fr 2fr; gap: 0 10pt; break-inside: avoid; }\n"
         "dl { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 10pt; margin: 0; }\n"
         "dt { font-weight: bold; } dd { margin: 0; }\n"
         ".two dl { grid-template-columns: 1fr; } .two dd { margin-left: 1em; }\n"
         ".note { font-size: 8pt; color: #333; margin: 2pt 0 0; }\n"
         "@media print { body { margin: 0; max-width: none; } }\n"
         "</style>\n</head>\n<body>\n";
}

std::string HtmlDocumentEnd() { return "</body>\n</html>\n"; }

std::string CsvHeader() { return "case_id,record,rank,agency_id,agency_name,roles,phone,score,alerts,error\n"; }

std::string RenderCsvRows(const Model& model, const CaseResult& result, const RecordIdentity& record,
                          const RenderOptions& options) {
  std::string alerts;
  for (const Firing& f : result.alerts) alerts += (alerts.empty() ? "" : ";") + model.alerts[f.index].kind;
  std::string rows;
  int shown = 0;
  for (const RankedAgency& r : result.ranking.agencies) {
    if (options.top > 0 && shown >= options.top) break;
    ++shown;
    const Agency& a = model.agencies[r.agency];
    std::vector<std::string> roles;
    for (int role : r.roles) roles.push_back(RoleLabel(a.roles[role], options.lang));
    // Every text through CsvField, the data's too: a phone or an id is
    // data a ward edits. The numbers are written as numbers.
    rows += CsvField(record.id) + "," + std::to_string(record.number) + "," + std::to_string(r.rank) + "," +
            CsvField(a.id) + "," + CsvField(a.name.in(options.lang)) + "," + CsvField(Joined(roles, " / ")) + "," +
            CsvField(ShownPhone(model, r)) + "," + std::to_string(r.score) + "," + CsvField(alerts) + ",\n";
  }
  return rows;
}

std::string RenderCsvError(const RecordIdentity& record, const std::string& error) {
  return CsvField(record.id) + "," + std::to_string(record.number) + ",,,,,,,," + CsvField(error) + "\n";
}
