// Terminal rendering. Column widths count display columns (CJK = 2), so
// the table lines up in a Japanese terminal. Colour only when asked for
// (main asks when stdout is a TTY and NO_COLOR is unset). Words taken from
// the case go through VisibleControls: only the table's own colour codes
// reach the terminal.
#include <algorithm>

#include "household.h"
#include "place.h"
#include "render.h"
#include "text_wrap.h"
#include "utf8.h"

namespace {

struct Style {
  bool on;
  std::string Bold(const std::string& s) const { return on ? "\033[1m" + s + "\033[0m" : s; }
  std::string Red(const std::string& s) const { return on ? "\033[1;31m" + s + "\033[0m" : s; }
  std::string Dim(const std::string& s) const { return on ? "\033[2m" + s + "\033[0m" : s; }
};

// Cuts s to at most width columns, ending with "…" when cut.
std::string Fit(const std::string& s, int width) {
  if (DisplayWidth(s) <= width) return s;
  std::string out;
  int used = 0;
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    std::string one;
    DecodeUtf8(s, &i);
    one = s.substr(start, i - start);
    int w = DisplayWidth(one);
    if (used + w > width - 1) break;
    out += one;
    used += w;
  }
  return out + "…";
}

// Each line of text wider than width wrapped, its continuation indented two
// more than the line. A line with colour codes is left as it is (they are
// only on short titles).
std::string WrapLines(const std::string& text, int width) {
  std::string out;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    if (DisplayWidth(line) <= width || line.find('\033') != std::string::npos) {
      out += line;
    } else {
      const size_t indent = line.find_first_not_of(' ') == std::string::npos ? 0 : line.find_first_not_of(' ');
      const std::vector<std::string> parts = Wrap(line.substr(indent), width - static_cast<int>(indent) - 2);
      for (size_t k = 0; k < parts.size(); ++k)
        out += std::string(indent + (k > 0 ? 2 : 0), ' ') + parts[k] + (k + 1 < parts.size() ? "\n" : "");
    }
    if (end < text.size()) out += '\n';
    start = end + 1;
  }
  return out;
}

std::string Pad(const std::string& s, int width) {
  int w = DisplayWidth(s);
  return s + std::string(w < width ? static_cast<size_t>(width - w) : 0, ' ');
}

// A table whose rows are lists of cells; a cell may hold several lines.
class Table {
 public:
  explicit Table(std::vector<int> max_widths) : max_(std::move(max_widths)), width_(max_.size(), 0) {}
  void Row(std::vector<std::vector<std::string>> cells) {
    for (size_t c = 0; c < cells.size(); ++c)
      for (std::string& line : cells[c]) {
        line = Fit(line, max_[c]);
        width_[c] = std::max(width_[c], DisplayWidth(line));
      }
    rows_.push_back(std::move(cells));
  }
  std::string Render(const Style& style) const {
    std::string out;
    for (size_t r = 0; r < rows_.size(); ++r) {
      size_t lines = 1;
      for (const auto& cell : rows_[r]) lines = std::max(lines, cell.size());
      for (size_t l = 0; l < lines; ++l) {
        std::string line;
        for (size_t c = 0; c < rows_[r].size(); ++c) {
          std::string text = l < rows_[r][c].size() ? rows_[r][c][l] : "";
          line += c + 1 == rows_[r].size() ? text : Pad(text, width_[c]) + "  ";
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += (r == 0 ? style.Bold(line) : line) + "\n";
      }
    }
    return out;
  }

 private:
  std::vector<int> max_;
  std::vector<int> width_;
  std::vector<std::vector<std::vector<std::string>>> rows_;
};

}  // namespace

std::string AgeLabel(const AgeRange& r, Lang lang) {
  if (!r.known()) return "";
  bool ja = lang == Lang::kJa;
  if (r.lo == r.hi) return std::to_string(r.lo) + (ja ? "歳" : "");
  if (r.hi >= 120) return std::to_string(r.lo) + (ja ? "歳以上" : "+");
  if (r.lo == 0) return (ja ? "" : "under ") + std::to_string(r.hi + 1) + (ja ? "歳未満" : "");
  if (r.lo % 10 == 0 && r.hi == r.lo + 9) return std::to_string(r.lo) + (ja ? "代" : "s");
  return std::to_string(r.lo) + "-" + std::to_string(r.hi) + (ja ? "歳" : "");
}

int PersonShownAt(const Understanding& u, size_t k) {
  const int i = static_cast<int>(k);
  if (u.concern < 0) return i;
  if (k == 0) return u.concern;
  return i <= u.concern ? i - 1 : i;
}

std::string PersonLabel(const Person& p, Lang lang) {
  std::string who = SubjectLabel(p.role, lang);
  const std::string relation = RelationLabel(p.relation, lang);
  if (relation != who && p.relation != "self" && p.relation != "person") who += " " + relation;
  if (p.caller && p.role != Subject::kCaller) who += lang == Lang::kJa ? "(相談者)" : " (caller)";
  return who;
}

const char* SubjectLabel(Subject s, Lang lang) {
  static const char* const ja[] = {"本人", "親", "家族", "世帯", "近所", "相談者"};
  static const char* const en[] = {"person", "parent", "family", "household", "neighbour", "caller"};
  return (lang == Lang::kJa ? ja : en)[static_cast<int>(s)];
}

namespace {

// 「受付中」 / "closed today; next 2 Dec (Tue) 9:00"; empty when the
// moment is not set or the hours have no schedule.
std::string OpenNowLine(const Hours& hours, const Model& model, const RenderOptions& options) {
  if (!options.at.set()) return "";
  return OpenLabel(OpenAt(hours, false, model.holidays, options.at), options.lang);
}

}  // namespace

std::string VisibleControls(std::string_view text) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool c0 = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f;
    // U+0080-U+009F is 0xC2 0x80-0x9F in UTF-8.
    bool c1 = c == 0xc2 && i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xe0) == 0x80;
    if (!c0 && !c1) {
      out += text[i];
      continue;
    }
    if (c1) c = static_cast<unsigned char>(text[++i]);
    out += "\\u00";
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

std::string HoursShort(const Hours& h, Lang lang) {
  if (!h.present) return "";
  static const char* const kCodes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  static const char* const kJa[] = {"月", "火", "水", "木", "金", "土", "日"};
  static const char* const kEn[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  auto day = [&](const std::string& code) -> std::string {
    for (int i = 0; i < 7; ++i)
      if (code == kCodes[i]) return lang == Lang::kJa ? kJa[i] : kEn[i];
    return code;
  };
  std::string days = h.byday.empty() ? "" : day(h.byday.front());
  if (h.byday.size() > 1) days += (lang == Lang::kJa ? "〜" : "-") + day(h.byday.back());
  auto hhmm = [](const std::string& t) { return t[0] == '0' ? t.substr(1) : t; };
  std::string out = days + " " + hhmm(h.opens_at) + "-" + hhmm(h.closes_at);
  if (h.appointment) out += lang == Lang::kJa ? " 要予約" : ", by appointment";
  return out;
}

std::string CrisisDetails(const CrisisContact& c, Lang lang) {
  const bool ja = lang == Lang::kJa;
  std::vector<std::string> parts;
  if (!c.hours.present && c.cost.empty())
    parts.push_back(ja ? "受付時間・通話料は未確認" : "hours and cost not checked");
  else if (!c.hours.present) parts.push_back(ja ? "受付時間は未確認" : "hours not checked");
  else parts.push_back(c.hours.text.in(lang));
  if (c.cost == "free") parts.push_back(ja ? "無料" : "free call");
  else if (c.cost == "charged") parts.push_back(ja ? "通話料がかかります" : "call charges apply");
  else if (c.hours.present) parts.push_back(ja ? "通話料は未確認" : "cost not checked");
  if (!c.answers.empty()) parts.push_back((ja ? "応対: " : "answered by: ") + c.answers.in(lang));
  if (c.checked.empty()) parts.push_back(ja ? "未確認" : "unchecked");
  else parts.push_back((ja ? "確認 " : "checked ") + c.checked.back().date);
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : " · ") + p;
  return out;
}

namespace {

// How many ranked agencies are shown: the first --top (all when top is 0).
size_t Shown(const Ranking& ranking, int top) {
  return top > 0 ? std::min(ranking.agencies.size(), static_cast<size_t>(top)) : ranking.agencies.size();
}

// Below the agencies: those left out, and where the details come from.
std::string Footer(const Model& model, const Ranking& ranking, const RenderOptions& options, const Style& style) {
  const Lang lang = options.lang;
  const bool ja = lang == Lang::kJa;
  std::string out;
  // A note wrapped to the terminal (never past it: the cards' footer too).
  auto note = [&](const std::string& text) {
    for (const std::string& line : Wrap(text, options.width > 0 ? options.width - 1 : 100000))
      out += style.Dim(line) + "\n";
  };
  if (!ranking.removed.empty()) {
    out += "\n";
    note(ja ? "対象外として除いた機関:" : "Left out (not eligible):");
    for (const Removal& r : ranking.removed)
      note("  " + model.agencies[r.agency].name.in(lang) + " — " + r.why.in(lang));
  }
  bool unverified = false;
  for (const RankedAgency& r : ranking.agencies) unverified = unverified || !model.agencies[r.agency].verified;
  // The guideline's blocks mostly do not name their agency: say which
  // names shown are inferred.
  std::vector<std::string> inferred;
  for (size_t k = 0; k < Shown(ranking, options.top); ++k) {
    const RankedAgency& r = ranking.agencies[k];
    if (model.agencies[r.agency].source.name == "inferred") inferred.push_back(std::to_string(r.rank));
  }
  if (unverified || !inferred.empty()) out += "\n";
  if (unverified)
    note(ja ? "連絡先はガイドラインからの転記です(「公開情報で確認」の日付がない機関は未確認)"
              "。電話の前にご確認ください。"
            : "Contact details are transcribed from the guideline (not verified unless 'checked' gives a date); "
              "check before calling.");
  if (!inferred.empty()) {
    std::string ranks;
    for (const std::string& k : inferred) ranks += (ranks.empty() ? "" : ", ") + k;
    note(ja ? "機関名はガイドラインに記載がなく推定です(順位 " + ranks + ")。"
            : "Agency names not given by the guideline are inferred (ranks " + ranks + ").");
  }
  return out;
}

// Narrower than this (a terminal of 80 columns, a split screen), the
// agencies are stacked cards instead of a table: the table needs ~110.
constexpr int kCardsBelow = 110;

}  // namespace

namespace {

// The alerts first, red, each with its kind, words and whom to call.
std::string AlertsText(const Model& model, const CaseResult& result, const RenderOptions& options, const Style& style) {
  const Understanding& u = result.understanding;
  const Lang lang = options.lang;
  const bool ja = lang == Lang::kJa;
  std::string out;
  for (const Firing& f : result.alerts) {
    const AlertRule& a = model.alerts[f.index];
    out += style.Red((ja ? "【緊急】" : "[URGENT] ") + a.message.in(lang)) + "\n";
    // What kind, who is at risk, the words that raised it, who acts first.
    std::vector<const FactMention*> said = AlertMentions(model, u, f);
    out += std::string(ja ? "  種類: " : "  Kind: ") + AlertKindLabel(a.kind).in(lang);
    if (!said.empty())
      out += std::string(ja ? "  危険にあるのは: " : "  at risk: ") + SubjectLabel(said[0]->subject, lang);
    out += "\n";
    std::string words;
    for (const FactMention* m : said)
      if (m->origin == FactMention::kPhrase) {
        std::string w = VisibleControls(m->words);
        words += (words.empty() ? "" : ja ? "、" : ", ") + (ja ? "「" + w + "」" : "\"" + w + "\"");
      }
    if (!words.empty()) out += std::string(ja ? "  根拠の語: " : "  Words: ") + words + "\n";
    if (a.first_contact >= 0)
      out += std::string(ja ? "  最初の窓口: " : "  First contact: ") + model.agencies[a.first_contact].name.in(lang) +
             "\n";
    for (int c : a.contacts) {
      const CrisisContact& cc = model.crisis[c];
      // One line a contact, the number early in it, so a terminal that
      // wraps the line never splits the number; a line with a schedule
      // says first whether it answers now (24-hour lines say so already).
      std::string open = cc.hours.byday.empty() ? "" : OpenNowLine(cc.hours, model, options);
      out += "  " + Pad(cc.name.in(lang), 34) + " " + style.Bold(cc.phone) +
             std::string(cc.phone.size() < 13 ? 13 - cc.phone.size() : 1, ' ') + (open.empty() ? "" : open + " · ") +
             CrisisDetails(cc, lang) + "\n";
    }
    out += "\n";
  }
  return out;
}

// One line of what was understood: who, age, what was said of them; empty
// when nothing was.
std::string UnderstoodLine(const Model& model, const Understanding& u, Lang lang, std::string who, int person,
                           int subject) {
  const bool ja = lang == Lang::kJa;
  std::vector<std::string> items;
  for (const FactMention& m : u.mentions) {
    if (m.person != person || (person < 0 && static_cast<int>(m.subject) != subject)) continue;
    std::string item = model.facts[m.fact].label.in(lang);
    if (m.negated) item = ja ? item + "(否定)" : "not " + item;
    if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
  }
  AgeRange age = person >= 0 ? u.persons[person].age : AgeRange();
  if (items.empty() && !age.known()) return "";
  if (age.known()) who += " " + AgeLabel(age, lang);
  std::string joined;
  for (const std::string& i : items) joined += (joined.empty() ? "" : ja ? "、" : ", ") + i;
  return "  " + who + (joined.empty() ? "" : ": " + joined) + "\n";
}

// What was understood, as a list of people ("本人 息子 54歳: ひきこもり、
// 無職"), then what was said of no one in particular, by subject; then the
// words not understood.
std::string UnderstoodText(const Model& model, const Understanding& u, Lang lang, const Style& style) {
  const bool ja = lang == Lang::kJa;
  std::string understood;
  for (size_t k = 0; k < u.persons.size(); ++k) {
    const Person& p = u.persons[static_cast<size_t>(PersonShownAt(u, k))];
    understood += UnderstoodLine(model, u, lang, PersonLabel(p, lang), p.id, -1);
  }
  for (int s = 0; s < kSubjectCount; ++s)
    understood += UnderstoodLine(model, u, lang, SubjectLabel(static_cast<Subject>(s), lang), -1, s);
  std::string out = style.Bold(ja ? "読み取った内容" : "Understood") + "\n";
  out += understood.empty() ? (ja ? "  (なし)\n" : "  (nothing)\n") : understood;
  if (!u.unrecognized.empty()) {
    std::string words;
    for (const std::string& w : u.unrecognized) words += (words.empty() ? "" : ja ? "、" : ", ") + VisibleControls(w);
    out += style.Bold(ja ? "読み取れなかった語" : "Not understood") + "\n  " + words + "\n";
  }
  return out + "\n";
}

// The team (first contact, convener), or the fallback notice.
std::string TeamText(const Model& model, const Ranking& ranking, Lang lang, const Style& style) {
  const bool ja = lang == Lang::kJa;
  if (ranking.fallback)
    return ja ? "該当する規則がありません。まず総合相談窓口へ(一般的な窓口の案内です):\n"
              : "No rule matched. Start with a general consultation window (a fallback, not a match):\n";
  const Team& t = ranking.team;
  std::string out = style.Bold(ja ? "チーム" : "Team") + "\n";
  out +=
      std::string(ja ? "  最初の窓口: " : "  First contact: ") + model.agencies[t.first_contact].name.in(lang) + "\n";
  if (t.convener >= 0)
    out += std::string(ja ? "  ケース会議の招集: " : "  Case conference convened by: ") +
           model.agencies[t.convener].name.in(lang) + (ja ? "(複数の課題があるため)" : " (several problem areas)") +
           "\n";
  return out + "\n";
}

// Stacked cards: each agency on its own lines, wrapped to the terminal.
std::string AgencyCards(const Model& model, const Ranking& ranking, const RenderOptions& options, const Style& style) {
  const Lang lang = options.lang;
  const bool ja = lang == Lang::kJa;
  std::string out;
  const int room = std::max(20, options.width - 5);  // 4 of indent, 1 to spare
  for (size_t k = 0; k < Shown(ranking, options.top); ++k) {
    const RankedAgency& r = ranking.agencies[k];
    const Agency& a = model.agencies[r.agency];
    const std::string rank = std::to_string(r.rank);
    out += style.Bold(rank + std::string(rank.size() < 4 ? 4 - rank.size() : 1, ' ') + a.name.in(lang)) + "\n";
    // A line of the card: indented 4, after its lead (・, ※), wrapped
    // to the room left.
    auto add = [&](const std::string& text, const std::string& lead) {
      const int lead_width = DisplayWidth(lead);
      bool first = true;
      for (const std::string& line : Wrap(text, room - lead_width)) {
        out += "    " + (first ? lead : std::string(static_cast<size_t>(lead_width), ' ')) + line + "\n";
        first = false;
      }
    };
    // The chosen local office's phone and hours stand for the agency's.
    if (r.office >= 0) add(a.offices[static_cast<size_t>(r.office)].name.in(lang), ja ? "→ " : "-> ");
    const std::string& phone = ShownPhone(model, r);
    add(std::string(ja ? "電話 " : "Phone ") + (phone.empty() ? (ja ? "(記載なし)" : "(not listed)") : phone), "");
    const std::string hours_text = HoursShort(ShownHours(model, r), lang);
    if (!hours_text.empty()) add(std::string(ja ? "受付 " : "Hours ") + hours_text, "");
    const std::string open = OpenNowLine(ShownHours(model, r), model, options);
    if (!open.empty()) add(open, "");
    add((ja ? "点数 " : "score ") + std::to_string(r.score) + "  " + ProvenanceLabel(a, lang), "");
    for (int role : r.roles) add(RoleLabel(a.roles[role], lang), ja ? "・" : "- ");
    for (const AgencyCondition& c : r.conditions) add(c.text.in(lang), ja ? "※ " : "* ");
  }
  return out;
}

// The hours cell of each ranked agency (by agency index): the hours, then
// whether it is open now. The column is as wide as that needs, within what
// a terminal leaves (26 at least); when the open-now line does not fit, it
// breaks after 「、」/";" so that its date and time are never cut.
std::vector<std::vector<std::string>> HoursCells(const Model& model, const Ranking& ranking,
                                                 const RenderOptions& options, int* hours_width) {
  const bool ja = options.lang == Lang::kJa;
  const int hours_room = options.width > 0 ? std::max(26, options.width - (4 + 38 + 30 + 14 + 8)) : 40;
  std::vector<std::vector<std::string>> hours(model.agencies.size());
  *hours_width = 5;
  for (const RankedAgency& r : ranking.agencies) {
    std::vector<std::string>& cell = hours[r.agency];
    cell = {HoursShort(ShownHours(model, r), options.lang)};
    std::string open = OpenNowLine(ShownHours(model, r), model, options);
    size_t cut = open.find(ja ? "、" : "; ");
    if (DisplayWidth(open) > hours_room && cut != std::string::npos) {
      cell.push_back(open.substr(0, cut + (ja ? 3 : 1)));
      cell.push_back(open.substr(cut + (ja ? 3 : 2)));
    } else if (!open.empty()) {
      cell.push_back(open);
    }
    for (const std::string& line : cell) *hours_width = std::max(*hours_width, DisplayWidth(line));
  }
  *hours_width = std::min(*hours_width, hours_room);
  return hours;
}

// The agencies as table rows: rank, name, roles, phone, hours.
std::string AgencyRows(const Model& model, const Ranking& ranking, const RenderOptions& options, const Style& style) {
  const Lang lang = options.lang;
  const bool ja = lang == Lang::kJa;
  int hours_width = 0;
  std::vector<std::vector<std::string>> hours = HoursCells(model, ranking, options, &hours_width);
  // Long role labels are cut to fit a terminal; piped output keeps them whole.
  int roles_width = options.width > 0 ? std::max(30, options.width - (4 + 38 + 14 + hours_width + 8)) : 400;
  Table table({4, 38, roles_width, 14, hours_width});
  table.Row({{ja ? "順位" : "#"},
             {ja ? "機関" : "Agency"},
             {ja ? "この事例での役割" : "Role in this case"},
             {ja ? "電話" : "Phone"},
             {ja ? "受付" : "Hours"}});
  for (size_t k = 0; k < Shown(ranking, options.top); ++k) {
    const RankedAgency& r = ranking.agencies[k];
    const Agency& a = model.agencies[r.agency];
    std::vector<std::string> roles;
    for (int role : r.roles) roles.push_back(RoleLabel(a.roles[role], lang));
    std::vector<std::string> name = {
        a.name.in(lang), (ja ? "点数 " : "score ") + std::to_string(r.score) + "  " + ProvenanceLabel(a, lang)};
    for (const AgencyCondition& c : r.conditions) roles.push_back((ja ? "※ " : "* ") + c.text.in(lang));
    if (r.office >= 0)
      name.insert(name.begin() + 1, (ja ? "→ " : "-> ") + a.offices[static_cast<size_t>(r.office)].name.in(lang));
    std::string phone = ShownPhone(model, r).empty() ? (ja ? "(記載なし)" : "(not listed)") : ShownPhone(model, r);
    table.Row({{std::to_string(r.rank)}, name, roles, {phone}, hours[r.agency]});
  }
  return table.Render(style);
}

}  // namespace

std::string RenderTable(const Model& model, const CaseResult& result, const RenderOptions& options) {
  const Ranking& ranking = result.ranking;
  Style style{options.color};
  std::string out = AlertsText(model, result, options, style);
  out += UnderstoodText(model, result.understanding, options.lang, style);
  out += TeamText(model, ranking, options.lang, style);
  if (options.width > 0 && options.width < kCardsBelow) {
    out = WrapLines(out, options.width - 1);  // what was read and the team
    out += AgencyCards(model, ranking, options, style);
  } else {
    out += AgencyRows(model, ranking, options, style);
  }
  return out + Footer(model, ranking, options, style);
}

namespace {

// Every agency, one table row each.
std::string AgencyListTable(const Model& model, const RenderOptions& options, const Style& style) {
  const Lang lang = options.lang;
  const bool ja = lang == Lang::kJa;
  Table table({18, 40, 14, 40});
  table.Row({{"id"}, {ja ? "機関" : "Agency"}, {ja ? "電話" : "Phone"}, {ja ? "受付" : "Hours"}});
  for (const Agency& a : model.agencies) {
    std::vector<std::string> hours = {HoursShort(a.hours, lang)};
    std::string open = OpenNowLine(a.hours, model, options);
    if (!open.empty()) hours.push_back(open);
    table.Row({{a.id}, {a.name.in(lang)}, {a.phone.empty() ? "-" : a.phone}, hours});
  }
  return table.Render(style);
}

// Several local offices: which serve which areas, and whom to ask.
std::string LocalOfficesText(const Model& model, const Agency& a, Lang lang) {
  const bool ja = lang == Lang::kJa;
  std::string out;
  const std::string ask = a.ask < 0 ? "" : model.agencies[static_cast<size_t>(a.ask)].name.in(lang);
  if (a.offices.empty())
    out += std::string(ja ? "  地域の事務所: 地区ごとに複数あり、データに一覧なし"
                          : "  Local offices: several, one per area; none listed in the data") +
           (ask.empty() ? ""
            : ja        ? "(" + ask + "で確認)"
                        : " (ask " + ask + ")") +
           "\n";
  else
    out += std::string(ja ? "  地域の事務所:" : "  Local offices:") +
           (ask.empty() ? ""
            : ja        ? "(ほかの地区は" + ask + "で確認)"
                        : " (for other areas, ask " + ask + ")") +
           "\n";
  for (const Office& o : a.offices) {
    std::string served;
    for (const ServedArea& s : o.serves) served += (served.empty() ? "" : ja ? "、" : ", ") + s.name;
    out += "    - " + o.name.in(lang) + "  [" + o.id + "]" + (o.phone.empty() ? "" : "  " + o.phone) + "\n      " +
           (ja ? "担当: " : "serves: ") + served + "\n";
  }
  return out;
}

// Where the agency comes from: guideline block, name stated or inferred,
// and each check against public sources.
std::string SourcesText(const Agency& a, Lang lang) {
  const bool ja = lang == Lang::kJa;
  std::string out;
  out += std::string(ja ? "  出典: ガイドラインの第" : "  Source: guideline block ") + std::to_string(a.source.block) +
         (ja ? "ブロック、名称は" : ", name ") +
         (a.source.name == "stated" ? (ja ? "記載あり" : "stated") : (ja ? "推定" : "inferred")) +
         (a.verified ? (ja ? "、確認済み" : ", verified") : (ja ? "、未確認" : ", not verified")) + "\n";
  if (!a.source.note.empty()) out += "  " + a.source.note + "\n";
  if (a.checked.empty()) {
    out += ja ? "  公開情報での確認: なし(ガイドラインのみ)\n"
              : "  Checked against public sources: none (guideline only)\n";
  } else {
    out += ja ? "  公開情報での確認:\n" : "  Checked against public sources:\n";
    for (const FieldCheck& c : a.checked)
      out += "    - " + c.field + ": " + c.check.date + "  " + c.check.source + "  (" + c.check.by + ")\n";
  }
  return out;
}

}  // namespace

std::string RenderAgencies(const Model& model, int only, const RenderOptions& options) {
  const Lang lang = options.lang;
  const bool ja = lang == Lang::kJa;
  Style style{options.color};
  if (only < 0) return AgencyListTable(model, options, style);
  const Agency& a = model.agencies[only];
  std::string out = style.Bold(a.name.in(lang)) + "  (" + a.id + ")\n";
  out += "  " + a.summary.in(lang) + "\n";
  out += std::string(ja ? "  電話: " : "  Phone: ") +
         (a.phone.empty() ? (ja ? "ガイドラインに記載なし" : "not in the guideline") : a.phone) + "\n";
  if (!a.address.empty()) out += std::string(ja ? "  住所: " : "  Address: ") + a.address.in(lang) + "\n";
  if (a.hours.present) out += std::string(ja ? "  受付: " : "  Hours: ") + a.hours.text.in(lang) + "\n";
  if (std::string open = OpenNowLine(a.hours, model, options); !open.empty())
    out += std::string(ja ? "  現在: " : "  Now: ") + open + "\n";
  if (!a.eligibility.note.empty())
    out += std::string(ja ? "  対象: " : "  Serves: ") + a.eligibility.note.in(lang) + "\n";
  if (a.eligibility.max_age >= 0)
    out += std::string(ja ? "  年齢: " : "  Age: ") +
           (ja ? std::to_string(a.eligibility.max_age) + "歳まで" : "up to " + std::to_string(a.eligibility.max_age)) +
           "\n";
  if (a.local_offices) out += LocalOfficesText(model, a, lang);
  out += std::string(ja ? "  役割:\n" : "  Roles:\n");
  for (const Role& r : a.roles) out += "    - " + RoleLabel(r, lang) + "  [" + r.id + "]\n";
  out += SourcesText(a, lang);
  return out;
}
