#include "render_sheet.h"

#include <algorithm>
#include <cstdio>
#include <functional>

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
    if (c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '>' || c == '#' ||
        c == '|' || c == '\\')
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

std::vector<std::string> UnderstoodItems(const Model& model, const Understanding& u, Lang lang) {
  std::vector<std::string> items;
  for (const FactMention& m : u.mentions) {
    std::string item = model.facts[m.fact].label.in(lang);
    if (m.negated) item = lang == Lang::kJa ? item + "(否定)" : "not " + item;
    if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
  }
  return items;
}

// The sheet's structure, shared by Markdown and HTML: each writer gets
// plain text pieces and escapes them itself.
struct SheetWriter {
  std::function<void(const std::string&)> title;         // case heading
  std::function<void(const std::string&)> heading;       // section heading
  std::function<void(const std::string&)> quote;         // the case text
  std::function<void(const std::string&)> alert;         // one alert message
  // one crisis contact under its alert: name, number (never split), details
  std::function<void(const std::string&, const std::string&, const std::string&)> contact;
  std::function<void()> alert_end;                       // after an alert's contacts
  std::function<void(const std::string&, const std::string&)> item;  // label: value
  std::function<void(const std::string&)> agency;        // agency heading
  std::function<void(const std::string&)> note;          // a small line
};

void WriteSheet(const Model& model, const CaseResult& result, const RecordIdentity& record,
                const RenderOptions& options, const SheetWriter& out) {
  const Lang lang = options.lang;
  const Words w{lang == Lang::kJa};
  const Understanding& u = result.understanding;
  const Ranking& ranking = result.ranking;
  out.title(std::string(w("紹介シート", "Referral sheet")) + " — " + record.id);
  out.quote(u.input);
  for (const Firing& f : result.alerts) {
    const AlertRule& a = model.alerts[f.index];
    std::string line = std::string(w("【緊急】", "[URGENT] ")) + AlertKindLabel(a.kind).in(lang) + ": " +
                       a.message.in(lang);
    std::vector<const FactMention*> said = AlertMentions(model, u, f);
    std::string words;
    for (const FactMention* m : said)
      if (m->origin == FactMention::kPhrase) words += (words.empty() ? "" : w("、", ", ")) + m->words;
    if (!words.empty()) line += std::string(w("(根拠: ", " (words: ")) + words + w(")", ")");
    if (a.first_contact >= 0)
      line += std::string(w("。最初の窓口: ", ". First contact: ")) + model.agencies[a.first_contact].name.in(lang);
    out.alert(line);
    for (int c : a.contacts)
      out.contact(model.crisis[c].name.in(lang), model.crisis[c].phone, CrisisDetails(model.crisis[c], lang));
    out.alert_end();
  }
  out.heading(w("チーム", "Team"));
  if (ranking.fallback) {
    out.item(w("最初の窓口", "First contact"),
             std::string(model.agencies[ranking.team.first_contact].name.in(lang)) +
                 w("(該当する規則がないため、総合相談窓口を案内)", " (no rule matched: a general window, as a fallback)"));
  } else {
    out.item(w("最初の窓口", "First contact"), model.agencies[ranking.team.first_contact].name.in(lang));
    if (ranking.team.convener >= 0)
      out.item(w("ケース会議の招集", "Case conference convened by"), model.agencies[ranking.team.convener].name.in(lang));
  }
  std::vector<std::string> items = UnderstoodItems(model, u, lang);
  out.item(w("読み取った内容", "Understood"), items.empty() ? w("(なし)", "(nothing)") : Joined(items, w("、", ", ")));
  if (!u.unrecognized.empty()) out.item(w("読み取れなかった語", "Not understood"), Joined(u.unrecognized, w("、", ", ")));

  out.heading(w("関係機関", "Agencies"));
  int shown = 0;
  for (const RankedAgency& r : ranking.agencies) {
    if (options.top > 0 && shown >= options.top) break;
    ++shown;
    const Agency& a = model.agencies[r.agency];
    out.agency(std::to_string(r.rank) + ". " + a.name.in(lang));
    std::vector<std::string> roles;
    for (int role : r.roles) roles.push_back(RoleLabel(a.roles[role], lang));
    out.item(w("この事例での役割", "Role in this case"), Joined(roles, w("/ ", "; ")));
    // The office serving where the family lives, when chosen: its phone,
    // address and hours stand for the agency's (place.h).
    const Office* office = r.office >= 0 ? &a.offices[static_cast<size_t>(r.office)] : nullptr;
    if (!r.office_reason.empty()) out.item(w("担当の事務所", "Local office"), r.office_reason.in(lang));
    const std::string& phone = ShownPhone(model, r);
    out.item(w("電話", "Phone"), phone.empty() ? w("ガイドラインに記載なし", "not in the guideline") : phone);
    const LocalText& address = office && !office->address.empty() ? office->address : a.address;
    if (!address.empty()) out.item(w("住所", "Address"), address.in(lang));
    if (ShownHours(model, r).present) out.item(w("受付時間", "Hours"), ShownHours(model, r).text.in(lang));
    std::vector<std::string> conditions;
    for (const AgencyCondition& c : r.conditions)
      if (c.kind != "office" && c.kind != "office-unknown") conditions.push_back(c.text.in(lang));
    if (!conditions.empty()) out.item(w("対象・条件", "Eligibility"), Joined(conditions, w("。", "; ")));
    if (a.source.name == "inferred")
      out.item(w("機関名", "Name"), w("推定(ガイドラインに記載なし)", "inferred (not given by the guideline)"));
    out.item(w("情報の確認", "Details"),
             a.LastChecked().empty()
                 ? w("ガイドラインのみ・未確認(連絡前に確認を)", "guideline only, not verified (check before calling)")
                 : ProvenanceLabel(a, lang) + w("(ほかの項目はガイドラインから)", " (other details from the guideline)"));
  }
  for (const Removal& r : ranking.removed)
    out.note(std::string(w("対象外: ", "Not eligible: ")) + model.agencies[r.agency].name.in(lang) + " — " + r.why.in(lang));
  out.note(std::string("tsunagu ") + TSUNAGU_VERSION +
           w(" で作成。個人情報を含みます。取り扱いに注意してください。",
             " — contains personal information; handle with care."));
}

std::string CsvField(const std::string& text) {
  const std::string s = Visible(text);
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
  std::string md;
  SheetWriter out;
  out.title = [&](const std::string& t) { md += "# " + MdEscape(t) + "\n\n"; };
  // Each line of the case quoted on its own: a line break inside the text
  // ends the Markdown line, and the quote would end with it.
  out.quote = [&](const std::string& t) {
    for (size_t start = 0;;) {
      const size_t end = t.find('\n', start);
      md += "> " + MdEscape(t.substr(start, end - start)) + "\n";
      if (end == std::string::npos) break;
      start = end + 1;
    }
    md += "\n";
  };
  out.alert = [&](const std::string& t) { md += "**" + MdEscape(t) + "**\n\n"; };
  out.contact = [&](const std::string& name, const std::string& phone, const std::string& details) {
    md += "- " + MdEscape(name) + " **" + MdEscape(phone) + "** — " + MdEscape(details) + "\n";
  };
  out.alert_end = [&] { md += "\n"; };
  // Headings stand after one blank line, whatever came before.
  auto blank_line = [&] {
    if (md.size() >= 2 && md.compare(md.size() - 2, 2, "\n\n") != 0) md += "\n";
  };
  out.heading = [&](const std::string& t) {
    blank_line();
    md += "## " + MdEscape(t) + "\n\n";
  };
  out.agency = [&](const std::string& t) {
    blank_line();
    md += "### " + MdEscape(t) + "\n\n";
  };
  out.item = [&](const std::string& k, const std::string& v) { md += "- **" + MdEscape(k) + "**: " + MdEscape(v) + "\n"; };
  out.note = [&](const std::string& t) { md += "\n_" + MdEscape(t) + "_\n"; };
  WriteSheet(model, result, record, options, out);
  return md;
}

std::string RenderSheetHtml(const Model& model, const CaseResult& result, const RecordIdentity& record,
                            const RenderOptions& options) {
  std::string html = "<section class=\"sheet\">\n";
  bool in_list = false;
  auto close_list = [&]() {
    if (in_list) html += "</dl>\n";
    in_list = false;
  };
  SheetWriter out;
  out.title = [&](const std::string& t) { html += "<h1>" + HtmlEscape(t) + "</h1>\n"; };
  // The case's line breaks are kept: the quote's CSS is white-space: pre-wrap.
  out.quote = [&](const std::string& t) {
    html += "<blockquote class=\"case\">" + HtmlEscape(t, true) + "</blockquote>\n";
  };
  out.alert = [&](const std::string& t) {
    html += "<div class=\"alert\">\n<p>" + HtmlEscape(t) + "</p>\n<ul class=\"contacts\">\n";
  };
  out.contact = [&](const std::string& name, const std::string& phone, const std::string& details) {
    html += "<li>" + HtmlEscape(name) + " <span class=\"phone\">" + HtmlEscape(phone) + "</span> — " +
            HtmlEscape(details) + "</li>\n";
  };
  out.alert_end = [&] { html += "</ul>\n</div>\n"; };
  out.heading = [&](const std::string& t) {
    close_list();
    html += "<h2>" + HtmlEscape(t) + "</h2>\n";
  };
  out.agency = [&](const std::string& t) {
    close_list();
    html += "<h3>" + HtmlEscape(t) + "</h3>\n";
  };
  out.item = [&](const std::string& k, const std::string& v) {
    if (!in_list) html += "<dl>\n";
    in_list = true;
    html += "<dt>" + HtmlEscape(k) + "</dt><dd>" + HtmlEscape(v) + "</dd>\n";
  };
  out.note = [&](const std::string& t) {
    close_list();
    html += "<p class=\"note\">" + HtmlEscape(t) + "</p>\n";
  };
  WriteSheet(model, result, record, options, out);
  close_list();
  return html + "</section>\n";
}

std::string RenderErrorMarkdown(const RecordIdentity& record, const std::string& error, Lang lang) {
  const Words w{lang == Lang::kJa};
  return "# " + std::string(w("紹介シート", "Referral sheet")) + " — " + MdEscape(record.id) + "\n\n**" +
         w("この記録は読めませんでした", "This record could not be read") + "** (" + w("記録 ", "record ") +
         std::to_string(record.number) + "): " + MdEscape(error) + "\n";
}

std::string RenderErrorHtml(const RecordIdentity& record, const std::string& error, Lang lang) {
  const Words w{lang == Lang::kJa};
  return "<section class=\"sheet\">\n<h1>" + std::string(w("紹介シート", "Referral sheet")) + " — " +
         HtmlEscape(record.id) + "</h1>\n<p class=\"alert\">" + w("この記録は読めませんでした", "This record could not be read") +
         " (" + w("記録 ", "record ") + std::to_string(record.number) + "): " + HtmlEscape(error) + "</p>\n</section>\n";
}

std::string HtmlDocumentStart(Lang lang) {
  const Words w{lang == Lang::kJa};
  return std::string("<!DOCTYPE html>\n<html lang=\"") + w("ja", "en") +
         "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + w("紹介シート", "Referral sheets") +
         "</title>\n<style>\n"
         "body { font-family: 'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', sans-serif; font-size: 11pt;"
         " line-height: 1.5; color: #111; max-width: 180mm; margin: 1em auto; }\n"
         "h1 { font-size: 16pt; border-bottom: 2px solid #333; padding-bottom: 2pt; }\n"
         "h2 { font-size: 13pt; margin: 10pt 0 4pt; }\n"
         "h3 { font-size: 12pt; margin: 8pt 0 2pt; }\n"
         "blockquote.case { border-left: 4px solid #888; margin: 0; padding: 4pt 8pt; background: #f4f4f4;"
         " white-space: pre-wrap; }\n"
         ".alert { border: 2px solid #b00; color: #b00; font-weight: bold; padding: 4pt 8pt; }\n"
         ".alert p { margin: 0; }\n"
         ".contacts { margin: 2pt 0 0 0; font-weight: normal; color: #000; }\n"
         ".phone { white-space: nowrap; font-weight: bold; }\n"
         "dl { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 10pt; margin: 0; }\n"
         "dt { font-weight: bold; } dd { margin: 0; }\n"
         ".note { font-size: 9pt; color: #555; }\n"
         "@page { size: A4; margin: 15mm; }\n"
         "@media print { body { margin: 0; max-width: none; } .sheet { break-after: page; }"
         " .sheet:last-child { break-after: auto; } h3, dl { break-inside: avoid; } }\n"
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
    rows += CsvField(record.id) + "," + std::to_string(record.number) + "," + std::to_string(r.rank) + "," + a.id +
            "," + CsvField(a.name.in(options.lang)) + "," + CsvField(Joined(roles, " / ")) + "," + ShownPhone(model, r) + "," +
            std::to_string(r.score) + "," + alerts + ",\n";
  }
  return rows;
}

std::string RenderCsvError(const RecordIdentity& record, const std::string& error) {
  return CsvField(record.id) + "," + std::to_string(record.number) + ",,,,,,,," + CsvField(error) + "\n";
}
