#include "place.h"

#include <algorithm>
#include <cstring>

#include "normalize.h"

namespace {

bool At(std::string_view text, size_t pos, std::string_view word) {
  return pos <= text.size() && text.size() - pos >= word.size() && text.compare(pos, word.size(), word) == 0;
}

// A hiragana (U+3041..U+309F, as E3 81 81..E3 82 9F) at pos.
bool IsHiragana(std::string_view t, size_t pos) {
  if (pos + 3 > t.size() || static_cast<unsigned char>(t[pos]) != 0xE3) return false;
  const unsigned char b1 = static_cast<unsigned char>(t[pos + 1]), b2 = static_cast<unsigned char>(t[pos + 2]);
  return (b1 == 0x81 && b2 >= 0x81) || (b1 == 0x82 && b2 <= 0x9F);
}

bool IsLetter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A Latin letter with a macron or circumflex (ā ī ū ē ō, â î û ê ô, either
// case) at pos: its plain vowel, and its length in *len; 0 when none.
char FoldedVowel(std::string_view t, size_t pos, size_t* len) {
  struct Fold {
    const char* utf8;
    char plain;
  };
  static constexpr Fold kFolds[] = {{"\xC4\x81", 'a'}, {"\xC4\x80", 'a'}, {"\xC4\xAB", 'i'}, {"\xC4\xAA", 'i'},
                                    {"\xC5\xAB", 'u'}, {"\xC5\xAA", 'u'}, {"\xC4\x93", 'e'}, {"\xC4\x92", 'e'},
                                    {"\xC5\x8D", 'o'}, {"\xC5\x8C", 'o'}, {"\xC3\xA2", 'a'}, {"\xC3\xAE", 'i'},
                                    {"\xC3\xBB", 'u'}, {"\xC3\xAA", 'e'}, {"\xC3\xB4", 'o'}};
  for (const Fold& f : kFolds)
    if (At(t, pos, f.utf8)) {
      *len = 2;
      return f.plain;
    }
  return 0;
}

bool IsLatinKey(const std::string& key) {
  for (char c : key)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// One way of writing an area some office serves.
struct Entry {
  std::string key;
  const ServedArea* area;
};

// Every area key of the model, longest first (a longer name wins where two
// start at the same place: 坂井東 before 坂井).
std::vector<Entry> Entries(const Model& model) {
  std::vector<Entry> out;
  for (const Agency& a : model.agencies)
    for (const Office& o : a.offices)
      for (const ServedArea& area : o.serves) {
        out.push_back({AreaKey(area.name), &area});
        for (const std::string& r : area.readings) out.push_back({AreaKey(r), &area});
      }
  // A key with nothing in it would match everywhere (the loader refuses
  // one; a hand-built model might not).
  out.erase(std::remove_if(out.begin(), out.end(), [](const Entry& e) { return e.key.empty(); }), out.end());
  std::stable_sort(out.begin(), out.end(), [](const Entry& x, const Entry& y) { return x.key.size() > y.key.size(); });
  return out;
}

std::vector<std::string> Normalized(std::initializer_list<const char*> words) {
  std::vector<std::string> out;
  for (const char* w : words) out.push_back(NormalizePhrase(w));
  return out;
}

// What follows an area when the case says they live there: 寺尾東に住む,
// 寺尾東在住, 坂井東のアパートで. A place word alone (寺尾東の病院) is not.
const std::vector<std::string>& LivesAfter() {
  static const std::vector<std::string> k =
      Normalized({"に住",       "在住",       "で暮ら",       "に暮ら",    "に居住",   "で一人暮らし", "で独り暮らし",
                  "で生活し",   "のアパート", "のマンション", "のアパ-ト", "の団地",   "の自宅",       "の家で",
                  "の家に",     "の家は",     "の実家",       "の借家",    "の持ち家", "の市営住宅",   "の県営住宅",
                  "の公営住宅", "にある自宅", "にある実家",   "にある家",  "に家があ"});
  return k;
}

// A verb of living later in the clause after 「AREAで」.
const std::vector<std::string>& LivingVerbs() {
  static const std::vector<std::string> k = Normalized({"暮らし", "暮らす", "住ん", "住む", "生活し", "生活す"});
  return k;
}

// What comes before an area that is where they live: 実家は寺尾東.
const std::vector<std::string>& LivesBefore() {
  static const std::vector<std::string> k =
      Normalized({"実家は", "実家が", "住所は", "住所が", "住所:", "住所 ", "自宅は", "自宅が", "住まいは", "家は"});
  return k;
}

// Within the words that say it: not where they live now (住んでいた,
// 住んでいました, 住んでいない, 住みたい, 住む予定, ではない).
const std::vector<std::string>& NotNow() {
  static const std::vector<std::string> k =
      Normalized({"でいた", "ていた", "でいまし", "ていまし", "でおりまし", "ておりまし", "でた", "いない", "ない",
                  "おらず", "たい", "予定", "じゃな", "ではな"});
  return k;
}

// English: the words before a place lived in, and what makes them not so.
constexpr const char* kLivesIn[] = {"live in ",     "lives in ",    "living in ",   "reside in ", "resides in ",
                                    "residing in ", "home is in ",  "house is in ", "based in ",  "we're in ",
                                    "live at ",     "lives at ",    "living at ",   "address: ",  "address is ",
                                    "resident of ", "residents of "};
constexpr const char* kNotLivesIn[] = {"n't ",      "not ",     "no longer ", "used to ", "never ",   "want to ",
                                       "wants to ", "plan to ", "plans to ",  "like to ", "hope to ", "going to "};

// Skips an address after a town: 3丁目, 三丁目, 3-14-41, 14番地, 5号.
size_t SkipAddress(std::string_view t, size_t p) {
  static const char* const kParts[] = {"丁目", "番地", "番", "号", "一", "二", "三",
                                       "四",   "五",   "六", "七", "八", "九", "十"};
  for (;;) {
    if (p < t.size() && ((t[p] >= '0' && t[p] <= '9') || t[p] == '-' || t[p] == ' ')) {
      ++p;
      continue;
    }
    bool moved = false;
    for (const char* part : kParts)
      if (At(t, p, part)) {
        p += std::strlen(part);
        moved = true;
        break;
      }
    if (!moved) return p;
  }
}

// Skips back over 新潟市 / 西区 / a space before an area (実家は西区寺尾東).
size_t SkipWardBack(std::string_view t, size_t b) {
  for (bool moved = true; moved;) {
    moved = false;
    for (std::string_view w : {std::string_view("新潟市"), std::string_view("西区"), std::string_view(" ")})
      if (b >= w.size() && At(t, b - w.size(), w)) {
        b -= w.size();
        moved = true;
      }
  }
  return b;
}

size_t ClauseEnd(const Understanding& u, size_t pos) {
  for (const Clause& c : u.clauses)
    if (pos >= c.begin && pos < c.end) return c.end;
  return u.text.match.size();
}

int ClauseOf(const Understanding& u, size_t pos) {
  for (size_t c = 0; c < u.clauses.size(); ++c)
    if (pos >= u.clauses[c].begin && pos < u.clauses[c].end) return static_cast<int>(c);
  return 0;
}

bool Contains(std::string_view window, const std::vector<std::string>& words) {
  for (const std::string& w : words)
    if (window.find(w) != std::string_view::npos) return true;
  return false;
}

void AddPlace(const std::vector<Entry>& entries, const ServedArea& area, size_t b, size_t e, size_t words_end,
              Understanding* u, std::vector<char>* covered) {
  PlaceMention p;
  p.area = area.name;
  // Every key of every area of that name (several agencies may list it,
  // each with its own readings).
  for (const Entry& en : entries)
    if (en.area->name == area.name && std::find(p.keys.begin(), p.keys.end(), en.key) == p.keys.end())
      p.keys.push_back(en.key);
  p.begin = b;
  p.end = e;
  p.clause = ClauseOf(*u, b);
  const size_t from = std::min(b, words_end), to = std::max(e, words_end);
  p.words = u->text.display.substr(from, to - from);
  while (!p.words.empty() && p.words.back() == ' ') p.words.pop_back();
  MarkCovered(covered, from, to);
  u->places.push_back(std::move(p));
}

// Japanese: an area name followed (or preceded) by words saying they live there.
void FindJapanese(const std::vector<Entry>& entries, Understanding* u, std::vector<char>* covered) {
  const std::string& t = u->text.match;
  std::vector<char> taken(t.size(), 0);  // bytes of an area already read (a longer name first)
  for (const Entry& en : entries) {
    if (IsLatinKey(en.key)) continue;
    for (size_t b = t.find(en.key); b != std::string::npos; b = t.find(en.key, b + 1)) {
      const size_t e = b + en.key.size();
      if (std::find(taken.begin() + static_cast<long>(b), taken.begin() + static_cast<long>(e), 1) !=
          taken.begin() + static_cast<long>(e))
        continue;
      std::fill(taken.begin() + static_cast<long>(b), taken.begin() + static_cast<long>(e), 1);
      const size_t after = SkipAddress(t, e), clause_end = ClauseEnd(*u, b);
      size_t cue_end = std::string::npos;
      bool verb = false;  // the cue ends in a verb: its words run to the verb's end
      for (const std::string& cue : LivesAfter())
        if (At(t, after, cue)) {
          cue_end = after + cue.size();
          verb = cue.find("住") != std::string::npos && cue.find("在住") == std::string::npos;
          verb = verb || cue.find("暮ら") != std::string::npos || cue.find("生活") != std::string::npos;
        }
      // 寺尾東で母と暮らしている, 寺尾東で二人暮らし: で, then a verb of
      // living later in the clause.
      if (cue_end == std::string::npos && At(t, after, "で")) {
        const std::string_view rest = std::string_view(t).substr(after, clause_end > after ? clause_end - after : 0);
        for (const std::string& v : LivingVerbs())
          if (const size_t at = rest.find(v); at != std::string_view::npos) {
            cue_end = after + at + v.size();
            verb = true;
            break;
          }
      }
      const size_t before = SkipWardBack(t, b);
      bool cue_before = false;
      for (const std::string& cue : LivesBefore())
        cue_before = cue_before || (before >= cue.size() && At(t, before - cue.size(), cue));
      if (cue_end == std::string::npos && !cue_before) continue;
      if (At(t, after, "から") || At(t, after, "出身")) continue;
      const size_t window_end = std::min(clause_end, after + 30);
      if (window_end > after && Contains(std::string_view(t).substr(after, window_end - after), NotNow())) continue;
      // The words run to the end of the verb: 寺尾東に住んでいます.
      size_t words_end = cue_end == std::string::npos ? after : cue_end;
      while (verb && words_end + 3 <= clause_end && IsHiragana(t, words_end)) words_end += 3;
      AddPlace(entries, *en.area, b, e, words_end, u, covered);
    }
  }
}

// The first area in Latin letters in t[from, to) (a window after the cue
// at byte cue), matched on folded, squeezed letters at a word's start;
// false when there is none.
bool AddLatinArea(const std::vector<Entry>& entries, size_t from, size_t to, size_t cue, Understanding* u,
                  std::vector<char>* covered) {
  const std::string& t = u->text.match;
  // The window's letters, folded and squeezed, each with its byte.
  std::string letters;
  std::vector<size_t> at, next;  // byte of each letter, byte after it
  for (size_t i = from; i < to;) {
    size_t len = 1;
    char v = FoldedVowel(t, i, &len);
    if (v || IsLetter(static_cast<unsigned char>(t[i]))) {
      letters += v ? v : static_cast<char>(t[i] | 0x20);
      at.push_back(i);
      next.push_back(i + len);
    }
    i += len;
  }
  for (size_t s = 0; s < letters.size(); ++s) {
    const size_t byte = at[s];
    size_t len = 0;
    if (byte > from &&
        (IsLetter(static_cast<unsigned char>(t[byte - 1])) || (byte >= from + 2 && FoldedVowel(t, byte - 2, &len))))
      continue;  // not a word's start
    for (const Entry& en : entries) {
      if (!IsLatinKey(en.key) || letters.compare(s, en.key.size(), en.key) != 0) continue;
      const size_t end = next[s + en.key.size() - 1];
      size_t vowel_len = 1;
      if (end < t.size() && (IsLetter(static_cast<unsigned char>(t[end])) || FoldedVowel(t, end, &vowel_len))) continue;
      AddPlace(entries, *en.area, byte, end, cue, u, covered);
      return true;
    }
  }
  return false;
}

// English: "lives in" / "we live in" ... then an area before the sentence ends.
void FindEnglish(const std::vector<Entry>& entries, Understanding* u, std::vector<char>* covered) {
  const std::string& t = u->text.match;
  for (const char* cue : kLivesIn) {
    const size_t cue_len = std::strlen(cue);
    for (size_t c = t.find(cue); c != std::string::npos; c = t.find(cue, c + 1)) {
      if (c > 0 && IsLetter(static_cast<unsigned char>(t[c - 1]))) continue;  // "olive in"
      const size_t look = c >= 16 ? c - 16 : 0;
      bool not_now = false;
      for (const char* n : kNotLivesIn) not_now = not_now || t.substr(look, c - look).find(n) != std::string::npos;
      if (not_now || (c >= 6 && t.compare(c - 6, 6, "lived ") == 0)) continue;
      const size_t from = c + cue_len;
      size_t to = std::min(t.size(), from + 100);
      for (size_t i = from; i < to; ++i)
        if (t[i] == '.' || t[i] == '!' || t[i] == '?' || t[i] == ';' || t[i] == '\n') to = i;
      bool found = AddLatinArea(entries, from, to, c, u, covered);
      // An area written in kanji after an English cue ("lives in 寺尾東").
      for (const Entry& en : entries) {
        if (found || IsLatinKey(en.key)) continue;
        size_t b = t.find(en.key, from);
        if (b != std::string::npos && b + en.key.size() <= to) {
          AddPlace(entries, *en.area, b, b + en.key.size(), c, u, covered);
          found = true;
        }
      }
    }
  }
}

std::string Phone(const std::string& phone) { return phone.empty() ? "" : "(" + phone + ")"; }

// The area for a person: its name, with its first Latin reading in English.
std::string AreaLabel(const Model& model, const PlaceMention& p, Lang lang) {
  if (lang == Lang::kJa) return p.area;
  for (const Agency& a : model.agencies)
    for (const Office& o : a.offices)
      for (const ServedArea& area : o.serves)
        if (area.name == p.area)
          for (const std::string& r : area.readings)
            if (IsLatinKey(AreaKey(r))) return r + " (" + p.area + ")";
  return p.area;
}

}  // namespace

std::string AreaKey(std::string_view name) {
  const std::string n = NormalizePhrase(name);
  std::string out;
  for (size_t i = 0; i < n.size();) {
    size_t len = 1;
    if (char v = FoldedVowel(n, i, &len)) out += v;
    else if (n[i] != '-' && n[i] != ' ' && n[i] != '\'' && n[i] != '.')
      out += static_cast<char>(IsLetter(static_cast<unsigned char>(n[i])) ? n[i] | 0x20 : n[i]);
    i += len;
  }
  return out;
}

void FindPlaces(const Model& model, Understanding* u, std::vector<char>* covered) {
  bool any = false;
  for (const Agency& a : model.agencies) any = any || !a.offices.empty();
  if (!any) return;  // the shipped data: no office lists, nothing to find
  const std::vector<Entry> entries = Entries(model);
  FindJapanese(entries, u, covered);
  FindEnglish(entries, u, covered);
  std::stable_sort(u->places.begin(), u->places.end(),
                   [](const PlaceMention& x, const PlaceMention& y) { return x.begin < y.begin; });
}

void ChooseOffices(const Model& model, const Understanding& u, Ranking* ranking) {
  const PlaceMention* place = u.places.empty() ? nullptr : &u.places.front();
  for (RankedAgency& r : ranking->agencies) {
    r.office = -1;
    r.office_reason = LocalText();
    const Agency& a = model.agencies[r.agency];
    if (!a.local_offices) continue;
    for (size_t o = 0; place && r.office < 0 && o < a.offices.size(); ++o)
      for (const ServedArea& area : a.offices[o].serves)
        if (std::find(place->keys.begin(), place->keys.end(), AreaKey(area.name)) != place->keys.end())
          r.office = static_cast<int>(o);
    AgencyCondition c;
    if (r.office >= 0) {
      const Office& o = a.offices[static_cast<size_t>(r.office)];
      c.kind = "office";
      c.text.ja = "担当: " + o.name.ja + Phone(o.phone) + "。事例の「" + place->words + "」から、" + place->area +
                  "を担当する事務所です";
      c.text.en = "Office: " + o.name.in(Lang::kEn) + (o.phone.empty() ? "" : " (" + o.phone + ")") +
                  ", which serves " + AreaLabel(model, *place, Lang::kEn) + ": the case says \"" + place->words + "\"";
    } else {
      c.kind = "office-unknown";
      std::string ask_ja = "確認先はデータにありません", ask_en = "the data names no one to ask";
      if (a.ask >= 0) {
        const Agency& ask = model.agencies[static_cast<size_t>(a.ask)];
        ask_ja = ask.name.ja + Phone(ask.phone) + "で確認してください";
        ask_en = "ask " + ask.name.in(Lang::kEn) + (ask.phone.empty() ? "" : " (" + ask.phone + ")");
      }
      if (a.offices.empty()) {
        const std::string where_ja = place ? place->area + "を担当する" : "お住まいの地区の";
        c.text.ja = where_ja + a.name.ja + "を選べません(データに事務所の一覧がありません)。" + ask_ja;
        c.text.en = "Which local " + a.name.in(Lang::kEn) + " serves " +
                    (place ? AreaLabel(model, *place, Lang::kEn) : std::string("the family")) +
                    " cannot be chosen (the data lists no offices); " + ask_en;
      } else if (!place) {
        c.text.ja = "お住まいの地区の" + a.name.ja + "を選べません(事例に住んでいる地区の記載がありません)。" + ask_ja;
        c.text.en = "Which local " + a.name.in(Lang::kEn) +
                    " serves the family cannot be chosen (the case does not say where they live); " + ask_en;
      } else {
        c.text.ja = place->area + "を担当する" + a.name.ja + "はデータにありません。" + ask_ja;
        c.text.en =
            "No " + a.name.in(Lang::kEn) + " in the data serves " + AreaLabel(model, *place, Lang::kEn) + "; " + ask_en;
      }
    }
    r.office_reason = c.text;
    r.conditions.push_back(std::move(c));
  }
}

const std::string& ShownPhone(const Model& model, const RankedAgency& r) {
  const Agency& a = model.agencies[r.agency];
  if (r.office >= 0 && !a.offices[static_cast<size_t>(r.office)].phone.empty())
    return a.offices[static_cast<size_t>(r.office)].phone;
  return a.phone;
}

const Hours& ShownHours(const Model& model, const RankedAgency& r) {
  const Agency& a = model.agencies[r.agency];
  if (r.office >= 0 && a.offices[static_cast<size_t>(r.office)].hours.present)
    return a.offices[static_cast<size_t>(r.office)].hours;
  return a.hours;
}
