#include "numbers.h"

#include <cstdint>
#include <initializer_list>
#include <utility>

#include "utf8.h"

namespace {

constexpr int kMaxAge = 120;
using When = NumberMention::When;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return c >= 'a' && c <= 'z'; }

// Cursor over text[.., end): helpers to consume literal words.
struct Cursor {
  std::string_view text;
  size_t pos;
  size_t end;

  bool Eat(std::string_view word) {
    // The first byte alone rules out most words, before a full compare.
    if (pos + word.size() <= end && text[pos] == word[0] && text.compare(pos, word.size(), word) == 0) {
      // An English word must end at a word edge.
      if (IsAlpha(word.back()) && pos + word.size() < end && IsAlpha(text[pos + word.size()])) return false;
      pos += word.size();
      return true;
    }
    return false;
  }
  bool EatAny(std::initializer_list<std::string_view> words) {
    for (std::string_view w : words)
      if (Eat(w)) return true;
    return false;
  }
  void SkipSpaces() {
    while (pos < end && text[pos] == ' ') ++pos;
  }
};

// True when the text just before `at` ends with word (after spaces).
bool Before(std::string_view text, size_t from, size_t at, std::string_view word, size_t* start) {
  size_t p = at;
  while (p > from && text[p - 1] == ' ') --p;
  if (p < from + word.size() || text[p - 1] != word.back()) return false;
  if (text.compare(p - word.size(), word.size(), word) != 0) return false;
  size_t s = p - word.size();
  if (s > from && IsAlpha(text[s - 1])) return false;
  *start = s;
  return true;
}

// Before() for any of words.
bool BeforeAny(std::string_view text, size_t from, size_t at, std::initializer_list<std::string_view> words,
               size_t* start) {
  for (std::string_view w : words)
    if (Before(text, from, at, w, start)) return true;
  return false;
}

// "two" → 2 ... "twenty" → 20, "a"/"an" → 1, "several"/"many" → 3; else 0.
int NumberWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {"",         "one",      "two",      "three",   "four",    "five",
                                                "six",      "seven",    "eight",    "nine",    "ten",     "eleven",
                                                "twelve",   "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                                                "eighteen", "nineteen", "twenty"};
  if (word.size() > 9) return 0;  // longer than any number word
  for (int n = 1; n <= 20; ++n)
    if (word == kWords[n]) return n;
  if (word == "a" || word == "an") return 1;
  if (word == "several" || word == "many" || word == "some") return 3;
  if (word == "thirty") return 30;
  return 0;
}

// "twenty" → 20 … "ninety" → 90 (tens); "twenties" … "nineties" the
// same with *decade set; else 0.
int TensWord(std::string_view word, bool* decade) {
  static constexpr std::string_view kTens[] = {"twenty", "thirty",  "forty",  "fifty",
                                               "sixty",  "seventy", "eighty", "ninety"};
  static constexpr std::string_view kDecades[] = {"twenties", "thirties",  "forties",  "fifties",
                                                  "sixties",  "seventies", "eighties", "nineties"};
  for (int k = 0; k < 8; ++k) {
    if (word == kTens[k]) return 20 + 10 * k;
    if (word == kDecades[k]) {
      *decade = true;
      return 20 + 10 * k;
    }
  }
  return 0;
}

AgeRange Range(int lo, int hi) {
  AgeRange r;
  r.lo = lo < 0 ? 0 : lo;
  r.hi = hi > kMaxAge ? kMaxAge : hi;
  return r;
}

// ---- Kanji numerals -------------------------------------------------

// The value of the kanji numeral at text[i]: 〇 零 一…九 give 0–9, 十 10,
// 百 100; -1 for any other character. All of them are three bytes long.
int KanjiNumeral(std::string_view text, size_t i, size_t end) {
  if (i + 3 > end) return -1;
  if (text[i] == '\xE3' && text[i + 1] != '\x80') return -1;  // kana, the commonest: only 〇 starts E3 80
  const uint32_t key = static_cast<uint32_t>(static_cast<unsigned char>(text[i])) << 16 |
                       static_cast<uint32_t>(static_cast<unsigned char>(text[i + 1])) << 8 |
                       static_cast<unsigned char>(text[i + 2]);
  switch (key) {
    case 0xE38087: return 0;    // 〇
    case 0xE99BB6: return 0;    // 零
    case 0xE4B880: return 1;    // 一
    case 0xE4BA8C: return 2;    // 二
    case 0xE4B889: return 3;    // 三
    case 0xE59B9B: return 4;    // 四
    case 0xE4BA94: return 5;    // 五
    case 0xE585AD: return 6;    // 六
    case 0xE4B883: return 7;    // 七
    case 0xE585AB: return 8;    // 八
    case 0xE4B99D: return 9;    // 九
    case 0xE58D81: return 10;   // 十
    case 0xE799BE: return 100;  // 百
    default: return -1;
  }
}

// Reads the run of kanji numerals at text[i] into *value (五十 → 50,
// 七十八 → 78, 百 → 100, 二〇 → 20) and returns where the run ends.
size_t ReadKanjiNumber(std::string_view text, size_t i, size_t end, int* value) {
  int total = 0;
  int digits = -1;  // digits read since the last 十 or 百; -1: none
  size_t p = i;
  for (int k; p < end && (k = KanjiNumeral(text, p, end)) >= 0; p += 3) {
    if (k >= 10) {
      total += (digits < 0 ? 1 : digits) * k;
      digits = -1;
    } else {
      digits = digits < 0 ? k : digits * 10 + k;
    }
    if (total > 1000 || digits > 1000) total = 1000;  // a long run is no age or duration
  }
  *value = total + (digits < 0 ? 0 : digits);
  return p;
}

// ---- Units after a number -------------------------------------------

// After 代: 80代, 80代前半, 80代半ば, 80代後半, 80代以上.
void ReadDecade(Cursor* c, int n, NumberMention* m) {
  m->kind = NumberMention::kAge;
  m->age = Range(n, n + 9);
  if (c->Eat("前半")) m->age = Range(n, n + 4);
  else if (c->Eat("半ば")) m->age = Range(n + 3, n + 6);
  else if (c->Eat("後半")) m->age = Range(n + 5, n + 9);
  else if (c->Eat("以上")) m->age = Range(n, kMaxAge);
}

// 年上/上 (older), 年下/下 (younger), 違い/差 (apart): sets m->sign.
bool ReadDifferenceWord(Cursor* c, NumberMention* m) {
  if (c->EatAny({"年上", "上"})) m->sign = 1;
  else if (c->EatAny({"年下", "下"})) m->sign = -1;
  else if (c->EatAny({"違い", "差"})) m->sign = 0;
  else return false;
  return true;
}

// After 歳/才: limits (以上, 超え), approximations (前後), an age about to
// be reached (目前, 近い) and age differences (2歳上, 5歳年下).
void ReadYearsOfAge(Cursor* c, int n, NumberMention* m) {
  m->kind = NumberMention::kAge;
  m->age = Range(n, n);
  if (c->Eat("以上")) {
    m->age = Range(n, kMaxAge);
  } else if (c->Eat("以下")) {
    m->age = Range(0, n);
  } else if (c->Eat("未満")) {
    m->age = Range(0, n - 1);
  } else if (c->EatAny({"を超え", "超え", "超"})) {
    m->age = Range(n + 1, kMaxAge);
  } else if (c->EatAny({"を過ぎたばかり", "になったばかり"})) {
    m->age = Range(n, n + 1);  // just past: n, at most n + 1
  } else if (c->EatAny({"を過ぎ", "過ぎ"})) {
    m->age = Range(n, kMaxAge);
  } else if (c->EatAny({"くらい", "ぐらい", "位", "前後"})) {
    m->age = Range(n - 2, n + 2);
  } else if (c->EatAny({"を目前に", "を目前", "が目前", "目前", "を前に"})) {
    m->age = Range(n - 1, n - 1);
    m->when = NumberMention::kApproaching;
  } else if (c->EatAny({"近い", "近く", "手前"})) {
    m->age = Range(n - 3, n - 1);
    m->when = NumberMention::kApproaching;
  } else if (ReadDifferenceWord(c, m)) {
    m->when = NumberMention::kRelative;
  }
}

// After つ: only an age difference (3つ上, 二つ違い) is an age; "3つ" alone
// counts things.
bool ReadAgeDifference(Cursor* c, int n, NumberMention* m) {
  if (!ReadDifferenceWord(c, m)) return false;
  m->kind = NumberMention::kAge;
  m->age = Range(n, n);
  m->when = NumberMention::kRelative;
  return true;
}

// After 年: a duration in years (10年, 10年以上, 1年半); not 年代, 年生,
// 年度, 年金, and not a calendar year (2020年).
bool ReadYears(Cursor* c, int n, NumberMention* m) {
  if (c->EatAny({"代", "生", "度", "金"}) || n > 100) return false;
  m->kind = NumberMention::kDuration;
  m->months = n * 12;
  if (c->Eat("半")) m->months += 6;
  c->EatAny({"以上", "間", "近く", "ほど", "くらい", "ぐらい", "も"});
  return true;
}

// A Japanese unit after the number n (digits or kanji): 代, 歳/才, つ上,
// 年, ヶ月. False when none follows (c may have moved).
bool ReadJapaneseUnit(Cursor* c, int n, NumberMention* m) {
  if (c->Eat("代")) {
    ReadDecade(c, n, m);
    return true;
  }
  if (c->EatAny({"歳", "才"})) {
    ReadYearsOfAge(c, n, m);
    return true;
  }
  if (c->Eat("つ")) return ReadAgeDifference(c, n, m);
  if (c->Eat("年")) return ReadYears(c, n, m);
  // ヶ folds to ゖ and カ/ケ to か/け in the match form; both are listed
  // for callers that pass other text.
  if (c->EatAny({"ヶ月", "ゖ月", "か月", "ヵ月", "ゕ月", "カ月", "ケ月", "け月"})) {
    m->kind = NumberMention::kDuration;
    m->months = n;
    c->EatAny({"以上", "間", "近く", "ほど", "くらい", "ぐらい"});
    return true;
  }
  return false;
}

// "3 years older", "two years younger": after "years", an age difference.
bool ReadOlderOrYounger(Cursor* c, NumberMention* m) {
  Cursor after = *c;
  after.SkipSpaces();
  if (after.Eat("older")) m->sign = 1;
  else if (after.Eat("younger")) m->sign = -1;
  else if (after.Eat("apart")) m->sign = 0;
  else return false;
  c->pos = after.pos;
  return true;
}

// An English unit right after the digits of n: "-year-old", "years",
// "months", "50s", "65+". *decade is set for "50s" ("in his 50s").
bool ReadEnglishUnit(Cursor* c, size_t digits_end, int n, NumberMention* m, bool* decade) {
  if (c->EatAny({"-year-old", "-years-old", "year-old", "years old", "year old", "yo"})) {
    m->kind = NumberMention::kAge;
    m->age = Range(n, n);
  } else if (c->text.compare(c->pos, 3, "y/o") == 0 &&
             (c->pos + 3 >= c->text.size() || !IsAlpha(c->text[c->pos + 3]))) {
    // "45 y/o": the slash ends the clause, so the unit runs past its end.
    m->kind = NumberMention::kAge;
    m->age = Range(n, n);
    m->of_case = true;
    c->pos += 3;
  } else if (c->EatAny({"years", "year", "yrs"})) {
    m->kind = NumberMention::kDuration;
    m->months = n * 12;
    if (ReadOlderOrYounger(c, m)) {
      m->kind = NumberMention::kAge;
      m->age = Range(n, n);
      m->when = NumberMention::kRelative;
    }
  } else if (c->EatAny({"months", "month"})) {
    m->kind = NumberMention::kDuration;
    m->months = n;
  } else if ((n % 10 == 0) && n >= 10 && n <= 100 && c->pos == digits_end && (c->Eat("s") || c->Eat("'s"))) {
    m->kind = NumberMention::kAge;
    m->age = Range(n, n + 9);
    *decade = true;
  } else if (c->pos == digits_end && c->Eat("+")) {
    m->kind = NumberMention::kAge;
    m->age = Range(n, kMaxAge);
    // "20+ yrs", "10+ years": that many years or more, a duration.
    Cursor unit = *c;
    unit.SkipSpaces();
    if (unit.EatAny({"years", "year", "yrs", "yr"})) {
      m->kind = NumberMention::kDuration;
      m->months = n * 12;
      c->pos = unit.pos;
    } else if (unit.EatAny({"months", "month"})) {
      m->kind = NumberMention::kDuration;
      m->months = n;
      c->pos = unit.pos;
    }
  } else {
    return false;
  }
  return true;
}

// 年 after an era name is a date, not a duration: 平成20年, 令和2年.
bool IsEraYear(std::string_view text, size_t begin, size_t number_begin, size_t number_end, size_t end) {
  size_t start = 0;
  return number_end + 3 <= end && text.compare(number_end, 3, "年") == 0 &&
         BeforeAny(text, begin, number_begin, {"昭和", "平成", "令和", "大正", "西暦"}, &start);
}

// ---- 8050-style pairs -------------------------------------------------

// Digits of the form x0y0 with x >= 5 and y < x: 8050, 7040, 9060.
bool LooksLikePair(std::string_view text, size_t i, size_t digits_end) {
  return digits_end - i == 4 && text[i + 1] == '0' && text[i + 3] == '0' && text[i] >= '5' && text[i + 2] >= '2' &&
         text[i + 2] < text[i];
}

// A sign before the digits that makes them money or a code: "¥8050",
// "950-8050", "#8050".
bool AmountOrCodeBefore(std::string_view text, size_t begin, size_t i) {
  if (i == begin) return false;
  const char p = text[i - 1];
  if (p == '-' || p == '$' || p == '#' || p == '+' || p == '/') return true;
  return i - begin >= 2 && text.compare(i - 2, 2, "\xC2\xA5") == 0;  // ¥
}

// What may follow a pair: nothing, punctuation, a particle, or a word
// naming the problem ("8050問題", "the 8050 problem"); not a unit or
// counter ("8050円", "5020件", "7040人", "8050 yen").
bool PairMayEndBefore(std::string_view text, size_t digits_end, size_t end) {
  Cursor c{text, digits_end, end};
  c.SkipSpaces();
  if (c.pos == end) return true;
  const unsigned char ch = static_cast<unsigned char>(text[c.pos]);
  if (IsAlpha(ch))
    return c.pos > digits_end && c.EatAny({"problems", "problem", "issues", "issue", "households", "household",
                                           "families", "family", "crisis"});
  if (ch < 0x80) return ch != '-' && ch != '%' && ch != '/' && ch != '+';
  if (ch == 0xE3 && c.pos + 1 < end) {
    // CJK punctuation (E3 80) and hiragana (E3 81, E3 82): 「8050」, 8050の.
    const unsigned char second = static_cast<unsigned char>(text[c.pos + 1]);
    return second == 0x80 || second == 0x81 || second == 0x82;
  }
  return c.EatAny({"問題", "世帯", "家庭", "家族", "状態", "世代", "現象", "予備軍"});
}

bool IsGenerationsPair(std::string_view text, size_t begin, size_t i, size_t digits_end, size_t end) {
  return LooksLikePair(text, i, digits_end) && !AmountOrCodeBefore(text, begin, i) &&
         PairMayEndBefore(text, digits_end, end);
}

// ---- Form fields ---------------------------------------------------------

// What a form's field label says of the number at text[i] (intake forms
// pasted from a spreadsheet).
enum class AgeField { kNone, kNow, kPast };

// A form's age field before the number at text[i]: "年齢：45", "年齢 45",
// "本人年齢：52", "Age: 44", "Client age: 50", "DOB/age: 1979 (45)" are
// the age now; a label naming an event, 発症年齢 or 退職時年齢, an age in
// the past. "Age of onset: 20", "onset age", 母の年齢 are no field of
// this kind. The label may lie before the clause: a colon ends one.
AgeField AgeFieldBefore(std::string_view text, size_t i) {
  size_t p = i;
  auto skip_spaces = [&] {
    while (p > 0 && text[p - 1] == ' ') --p;
  };
  skip_spaces();
  if (p > 0 && text[p - 1] == '(') {  // "DOB/age: 1979 (45)": the age after the year of birth
    --p;
    skip_spaces();
    size_t d = p;
    while (d > 0 && IsDigit(text[d - 1])) --d;
    if (p - d != 4) return AgeField::kNone;
    p = d;
    skip_spaces();
  }
  const bool colon = p > 0 && text[p - 1] == ':';
  if (colon) {
    --p;
    skip_spaces();
  }
  static constexpr std::string_view kNenrei = "年齢";
  if (p >= kNenrei.size() && text.compare(p - kNenrei.size(), kNenrei.size(), kNenrei) == 0) {
    const size_t s = p - kNenrei.size();
    size_t start = 0;
    if (BeforeAny(text, 0, s, {"本人の", "本人", "現在の", "現在"}, &start)) return AgeField::kNow;
    if (s < 3) return AgeField::kNow;
    size_t q = s - 3;
    const int32_t cp = DecodeUtf8(text, &q);
    if (cp == 0x306E) return AgeField::kNone;                  // の: 母の年齢, whose it is
    if (cp >= 0x4E00 && cp <= 0x9FFF) return AgeField::kPast;  // 発症年齢, 退職時年齢
    if (cp >= 0x3041 && cp <= 0x30FA) return AgeField::kNone;  // kana: some other word
    return AgeField::kNow;
  }
  static constexpr std::string_view kAge = "age";
  if (!colon || p < kAge.size() || text.compare(p - kAge.size(), kAge.size(), kAge) != 0) return AgeField::kNone;
  const size_t s = p - kAge.size();
  if (s > 0 && IsAlpha(text[s - 1])) return AgeField::kNone;  // "stage: 3"
  size_t start = 0;
  if (BeforeAny(text, 0, s, {"client", "client's", "current", "person's", "patient's", "dob/"}, &start))
    return AgeField::kNow;
  size_t w = s;
  while (w > 0 && text[w - 1] == ' ') --w;
  // Another word before it ("onset age", "mother's age"): not the person's now.
  return w > 0 && (IsAlpha(text[w - 1]) || text[w - 1] == '\'') ? AgeField::kNone : AgeField::kNow;
}

// "52M", "(84F)": an age with the sex after it, at the start of its
// clause or in brackets; "m/52", "F, 38": the sex before it, the sex
// opening its sentence (or "client m/52"). Not "30m" in running text,
// nor "50m from the station".
bool SexNextToAge(std::string_view text, size_t begin, size_t i, size_t digits_end, size_t end, size_t* sex_end) {
  *sex_end = digits_end;
  // The letter ends the field: "52M, lives", "(84F)"; not "50m from".
  static constexpr std::string_view kFieldEnds = ",).;:/\n";
  if (digits_end < end && (text[digits_end] == 'm' || text[digits_end] == 'f') &&
      (digits_end + 1 >= text.size() || kFieldEnds.find(text[digits_end + 1]) != std::string_view::npos)) {
    size_t p = i;
    while (p > begin && text[p - 1] == ' ') --p;
    if (p == begin || text[p - 1] == '(') {
      *sex_end = digits_end + 1;
      return true;
    }
  }
  // The sex before: text[.. i) ends with "m/", "f, ", "male, ".
  size_t p = i;
  while (p > 0 && text[p - 1] == ' ') --p;
  if (p == 0 || (text[p - 1] != '/' && text[p - 1] != ',')) return false;
  const bool slash = text[p - 1] == '/';
  --p;
  while (p > 0 && text[p - 1] == ' ') --p;
  size_t w = p;
  while (w > 0 && IsAlpha(text[w - 1])) --w;
  const std::string_view word = text.substr(w, p - w);
  if (word != "m" && word != "f" && word != "male" && word != "female") return false;
  if (slash) return true;
  while (w > 0 && text[w - 1] == ' ') --w;
  return w == 0 || text[w - 1] == '\n' || text[w - 1] == '.' || text[w - 1] == '-' || text[w - 1] == '*';
}

// ---- Words around an age ----------------------------------------------

// "two years ago", "twenty-two years ago" at pos.
bool YearsAgoAt(std::string_view text, size_t pos, size_t end) {
  size_t w = pos;
  while (w < end && (IsAlpha(text[w]) || text[w] == '-')) ++w;
  bool decade = false;
  const std::string_view word = text.substr(pos, w - pos);
  const size_t dash = word.find('-');
  const std::string_view head = dash == std::string_view::npos ? word : word.substr(0, dash);
  if (NumberWord(head) == 0 && TensWord(head, &decade) == 0) return false;
  Cursor c{text, w, end};
  c.SkipSpaces();
  if (!c.EatAny({"years", "year"})) return false;
  c.SkipSpaces();
  return c.Eat("ago");
}

// False when an English noun follows the number ("about 50 people"):
// then the number counts things.
bool NoNounAfter(std::string_view text, size_t pos, size_t end) {
  Cursor c{text, pos, end};
  c.SkipSpaces();
  if (c.pos == end) return true;
  if (!IsAlpha(text[c.pos])) return text[c.pos] != '%';
  if (YearsAgoAt(text, c.pos, end)) return true;  // "turned 30 two years ago"
  return c.EatAny({"now",  "soon",  "this", "next",   "and",  "but", "or",   "so",    "who",      "in",
                   "with", "when",  "he",   "she",    "i",    "we",  "they", "my",    "our",      "his",
                   "her",  "their", "like", "myself", "last", "on",  "at",   "today", "recently", "already"});
}

// Words before an exact age n that make it approximate: "もうすぐ80歳",
// "nearly 80", "turning 80" (79, approaching), "close to 80" (77–79,
// approaching), "about 50" (48–52, now). Moves m->begin to the word.
bool ReadApproximation(std::string_view text, size_t begin, int n, NumberMention* m) {
  size_t start = m->begin;
  if (BeforeAny(text, begin, m->begin,
                {"もうすぐ", "もうじき", "まもなく", "間もなく", "来月", "来年", "来週", "nearly", "almost", "turning",
                 "turns", "turn", "will be"},
                &start)) {
    m->age = Range(n - 1, n - 1);
    m->when = NumberMention::kApproaching;
  } else if (BeforeAny(text, begin, m->begin, {"pushing", "shy of", "coming up on", "coming up to"}, &start)) {
    // Just under a round age: the two years before it.
    m->age = Range(n - 2, n - 1);
    m->when = NumberMention::kApproaching;
  } else if (Before(text, begin, m->begin, "close to", &start)) {
    m->age = Range(n - 3, n - 1);
    m->when = NumberMention::kApproaching;
  } else if (BeforeAny(text, begin, m->begin, {"about", "around", "approximately", "roughly"}, &start)) {
    m->age = Range(n - 2, n + 2);
  } else {
    return false;
  }
  m->begin = start;
  return true;
}

// English words right before a unitless number that make it an age:
// "I'm 79", "is 57", "who's 51", "now 41", "turned 85", "of 91".
bool EnglishAgeVerbBefore(std::string_view text, size_t begin, size_t at, size_t* start) {
  return BeforeAny(text, begin, at,
                   {"i'm", "i am", "is", "am", "are", "was", "were", "who's", "now", "turned", "of", "at", "both"},
                   start);
}

// Japanese after a unitless number that makes it an age: 54になる,
// 54になりました, 三十を過ぎ (becoming or passing a number is an age).
// Where the age verb after pos ends, or pos when none follows.
size_t AfterJapaneseAgeVerb(std::string_view text, size_t pos, size_t end) {
  Cursor c{text, pos, end};
  c.EatAny({"になりました", "になります", "になった", "になる", "になり", "になっ", "を過ぎ", "を超え"});
  return c.pos;
}
bool JapaneseAgeVerbAfter(std::string_view text, size_t pos, size_t end) {
  const size_t after = AfterJapaneseAgeVerb(text, pos, end);
  // 50になる前に, 50になるまでに: a goal ahead, not an age.
  return after != pos && text.compare(after, 3, "前") != 0 && text.compare(after, 6, "まで") != 0;
}

// The number at text[i, after) starts its sentence and a comma or "and"
// follows, before words, not another number ("Thirty-one, no work
// history", "Eighty-two and caring for a son"; not "20, 30 years ago",
// "twenty and thirty"). The comma may be text[end]: a clause ends before
// its comma.
bool AloneBeforeComma(std::string_view text, size_t i, size_t after, size_t end) {
  size_t p = i;
  while (p > 0 && text[p - 1] == ' ') --p;
  if (p > 0 && text[p - 1] != '.' && text[p - 1] != '!' && text[p - 1] != '?' && text[p - 1] != '\n') return false;
  while (after < end && text[after] == ' ') ++after;
  size_t w = after + 1;
  if (text.compare(after, 4, "and ") == 0) w = after + 4;  // "Eighty-two and caring for a son"
  else if (after >= text.size() || text[after] != ',') return false;
  while (w < text.size() && text[w] == ' ') ++w;
  size_t w_end = w;
  while (w_end < text.size() && IsAlpha(text[w_end])) ++w_end;
  bool decade = false;
  const std::string_view word = text.substr(w, w_end - w);
  const bool counts = word != "a" && word != "an" && word != "some" && word != "several" && word != "many";
  return w_end > w && !(counts && NumberWord(word) > 0) && TensWord(word, &decade) == 0;
}

// Whether the number text[i, after) stands alone in brackets right after a
// word ("長男(8)", "parents (both 68)") or in a bracketed list of numbers
// after one ("kids (5 and 7)", "子ども(5、7)"): ages, even under 10.
// *first is where the bracket's words begin when this number is the
// first of them ("both 68": the age stands right after the word).
bool InBracketsAfterWord(std::string_view text, size_t begin, size_t i, size_t after, size_t end, size_t* first) {
  static constexpr std::string_view kJoins[] = {" and ", " & ", ", ", ",", "、", "・", "と"};
  auto digits_before = [&](size_t at) {  // start of the digits ending at `at`
    while (at > begin && text[at - 1] >= '0' && text[at - 1] <= '9') --at;
    return at;
  };
  // A list of ages is short: a few numbers each way, so that a long run of
  // numbers is not walked again for each of them.
  constexpr int kMaxListed = 4;
  size_t open = i;  // back over "N and " to the bracket
  int listed = 0;
  for (bool more = true; more && open > begin && listed++ < kMaxListed;) {
    more = false;
    for (std::string_view join : kJoins) {
      if (open >= begin + join.size() && text.compare(open - join.size(), join.size(), join) == 0) {
        const size_t number = digits_before(open - join.size());
        if (number < open - join.size()) {
          open = number;
          more = true;
          break;
        }
      }
    }
  }
  size_t close = after;  // on over " and N" to the bracket
  listed = 0;
  for (bool more = true; more && close < end && listed++ < kMaxListed;) {
    more = false;
    for (std::string_view join : kJoins) {
      if (text.compare(close, join.size(), join) == 0) {
        size_t number = close + join.size();
        while (number < end && text[number] >= '0' && text[number] <= '9') ++number;
        if (number > close + join.size()) {
          close = number;
          more = true;
          break;
        }
      }
    }
  }
  // "parents (both 68)", 両親(ともに80): one age for all they name.
  for (std::string_view all : {"both ", "ともに", "共に", "二人とも", "ふたりとも"})
    if (open >= begin + all.size() && text.compare(open - all.size(), all.size(), all) == 0) {
      open -= all.size();
      break;
    }
  *first = open < i && open > begin && text[open - 1] == '(' && (text[open] < '0' || text[open] > '9') ? open : i;
  // A lone number after a space may number a point ("see (2)"); a list
  // of numbers in brackets is ages after a word written either way.
  const bool list = open < i || close > after;
  return open > begin + 1 && text[open - 1] == '(' && (list || text[open - 2] != ' ') && close < end &&
         text[close] == ')';
}

// A number with no unit (n <= 120): English words before it make it an
// age ("over 80", "aged 52", "nearly 80"); otherwise a bare number of 10
// or more, or in brackets after a word ("長男(8)"), is kBare. c is just
// after the digits.
bool ReadBareNumber(std::string_view text, size_t begin, size_t i, size_t end, int n, Cursor* c, NumberMention* m) {
  size_t start = i;
  size_t bracket_first = i;
  const bool bracketed = InBracketsAfterWord(text, begin, i, c->pos, end, &bracket_first);
  m->kind = NumberMention::kAge;
  m->begin = i;
  if (const AgeField field = AgeFieldBefore(text, i); field != AgeField::kNone) {
    // "年齢：45", "Age: 44": a form's age field.
    m->age = Range(n, n);
    if (field == AgeField::kPast) m->when = NumberMention::kPast;
    m->of_case = field == AgeField::kNow;
    return true;
  }
  if (BeforeAny(text, begin, i, {"over", "above", "older than"}, &start)) {
    m->age = Range(n + 1, kMaxAge);
  } else if (BeforeAny(text, begin, i, {"under", "below", "younger than"}, &start)) {
    m->age = Range(0, n - 1);
  } else if (Before(text, begin, i, "at least", &start)) {
    m->age = Range(n, kMaxAge);
  } else if (BeforeAny(text, begin, i, {"aged", "age"}, &start)) {
    m->age = Range(n, n);
  } else if ((n >= 10 || NoNounAfter(text, c->pos, end)) &&
             BeforeAny(text, begin, i, {"he's", "she's", "he is", "she is"}, &start)) {
    m->age = Range(n, n);
    m->after_pronoun = true;
  } else if (NoNounAfter(text, c->pos, end) && ReadApproximation(text, begin, n, m)) {
    return true;
  } else if (NoNounAfter(text, c->pos, end) &&
             (n >= 10 ? EnglishAgeVerbBefore(text, begin, i, &start)
                      : BeforeAny(text, begin, i, {"who is", "who's", "is", "turned"}, &start))) {
    // "I'm 79 this year", "who is 44", "now 41", "turned 85", "a woman of
    // 91": the grammar makes it an age (of the word before it); "she
    // turned 81": of the one the pronoun names. Under 10 only after "is"
    // or "turned" ("my daughter, who is 5"): "at 5", "we are 4" are not.
    m->age = Range(n, n);
    m->begin = i;
    size_t pronoun = 0;
    m->after_pronoun = BeforeAny(text, begin, start, {"he", "she", "he just", "she just"}, &pronoun);
    return true;
  } else if (n >= 10 && JapaneseAgeVerbAfter(text, c->pos, end)) {
    // 今年で54になりました, 五十六になる: becoming a number is an age.
    m->age = Range(n, n);
    c->pos = AfterJapaneseAgeVerb(text, c->pos, end);
    if (text.compare(c->pos - 6, 6, "過ぎ") == 0 || text.compare(c->pos - 6, 6, "超え") == 0)
      m->age = Range(n, kMaxAge);  // 三十を過ぎ: over thirty
    return true;
  } else if (n >= 10 &&
             BeforeAny(text, begin, i, {"今は", "いまは", "今年で", "今年", "現在は", "現在", "もう"}, &start)) {
    // 今は二十六, 現在57: a number said of now is an age.
    m->age = Range(n, n);
    m->begin = i;
    return true;
  } else if (n >= 10 && AloneBeforeComma(text, i, c->pos, end)) {
    // "Thirty-one, no work history, …": a number standing for the first
    // clause of its sentence describes whom the case is about.
    m->age = Range(n, n);
  } else if (n >= 10 || (n >= 1 && bracketed)) {
    m->kind = NumberMention::kBare;
    m->age = Range(n, n);
    if (bracketed) start = bracket_first;
  } else {
    return false;
  }
  m->begin = start;
  if (m->kind != NumberMention::kBare && c->Eat(" or older")) m->age = Range(n, kMaxAge);
  return true;
}

// 〜歳で is past only when a past event follows in the clause ("5歳で
// 診断され", "19歳で中退し", "35歳で辞めてから"); before a noun or a
// state ("55歳でひきこもり", "40歳で無職", "46歳で、") it is "is 55 and".
// What one FindNumbers call learnt from PastEventIn: [from, stop) of its
// clause holds no 、 and no event, and the answer at stop is past (false at
// end). Ages of one long clause ("…で…で…で") each read on to its end; a
// later age inside [from, stop] reuses the answer, so the clause is read
// once, not once per age. Only set while FindNumbers runs (the text and
// its clauses do not change then).
struct PastEventScan {
  size_t end = 0, from = 1, stop = 0;  // from > stop: nothing known yet
  bool past = false;
};
thread_local PastEventScan* past_event_scan = nullptr;

bool PastEventIn(std::string_view text, size_t pos, size_t end) {
  PastEventScan* known = past_event_scan;
  if (known && known->end == end && known->from <= pos && pos <= known->stop) return known->past;
  auto answer = [&](size_t stop, bool past) {
    if (known) *known = PastEventScan{end, pos, stop, past};
    return past;
  };
  static constexpr std::string_view kEvents[] = {
      "辞め", "やめ",   "退職",   "中退", "退学", "診断", "倒れ",     "倒産", "発症", "入院",  "卒業", "就職",
      "離婚", "亡くな", "亡くし", "失業", "失職", "解雇", "リストラ", "出産", "産ん", "上京",  "帰郷", "戻っ",
      "戻り", "帰っ",   "転職",   "退社", "休職", "定年", "結婚した", "継い", "始め", "家を出"};
  size_t p = pos;
  for (; p < end;) {
    if (text.compare(p, 3, "、") == 0) return answer(p, false);  // 46歳で、…: a description goes on
    for (std::string_view e : kEvents)
      if (text.compare(p, e.size(), e) == 0) return answer(p, true);
    p = NextCharacter(text, p, end);
  }
  return answer(p, false);
}

// Japanese after an age that puts it in the past: 14歳のとき, 20代の頃,
// 30歳まで, 15歳から, 30歳を境に, 25歳で辞め, 三十代の半ばに辞め. "50歳で、"
// and "40歳で無職" join a description (copula で) and stay now.
bool JapanesePastAfter(std::string_view text, size_t pos, size_t end) {
  Cursor c{text, pos, end};
  // part of a decade first: 30代の半ばに, 40代前半で
  if (c.EatAny({"の半ば", "半ば", "の前半", "前半", "の後半", "後半"}) && c.Eat("に"))
    return PastEventIn(text, c.pos, end);
  if (c.EatAny({"のとき", "の時", "のころ", "の頃", "頃", "ころ", "ごろ", "当時", "から", "を境に"})) return true;
  if (c.Eat("まで")) return !c.Eat("に");  // 30歳までに: a goal ahead
  if (!c.Eat("で")) return false;
  return PastEventIn(text, c.pos, end);
}

bool IsPresentWord(std::string_view w) {
  // has/have/does: "has not left home since…" is a state now, though
  // "left" alone would be past.
  return w == "is" || w == "are" || w == "am" || w == "now" || w == "currently" || w == "still" || w == "has" ||
         w == "have" || w == "hasn" || w == "haven" || w == "does" || w == "doesn";
}

bool IsPastWord(std::string_view w) {
  for (std::string_view past : {"lost", "quit", "left", "stopped", "dropped", "was", "were", "got", "became", "started",
                                "began", "went", "had", "moved", "fell", "took", "came", "gave", "did"})
    if (w == past) return true;
  if (w.size() < 5 || w.substr(w.size() - 2) != "ed") return false;
  // -ed words that describe a state today, not an event.
  for (std::string_view state : {"unemployed", "isolated", "married", "divorced", "worried", "concerned", "depressed",
                                 "retired", "tired", "interested", "called", "named", "indeed", "hundred", "speed"})
    if (w == state) return false;
  return true;
}

// The tense of the English word at text[i, word_end): 1 past ("lost",
// "quit", "dropped"), -1 present ("is", "now", the "s" of "he's"), 0 none.
int Tense(std::string_view text, size_t begin, size_t i, size_t word_end) {
  std::string_view word = text.substr(i, word_end - i);
  if (IsPresentWord(word) || (word == "s" && i > begin + 1 && text[i - 1] == '\'' && !IsDigit(text[i - 2]))) return -1;
  return IsPastWord(word) ? 1 : 0;
}

// The tense that decides [from, to): the last tense word of the range
// (last = true) or its first; 0 when it has none.
int TenseIn(std::string_view text, size_t begin, size_t from, size_t to, bool last) {
  int found = 0;
  for (size_t i = from; i < to;) {
    if (!IsAlpha(text[i])) {
      ++i;
      continue;
    }
    size_t word_end = i;
    while (word_end < to && IsAlpha(text[word_end])) ++word_end;
    const int tense = Tense(text, begin, i, word_end);
    if (tense != 0) {
      found = tense;
      if (!last) return found;
    }
    i = word_end;
  }
  return found;
}

// "lost his job in his 40s", "in his 40s he quit": the verb before the
// age phrase in its clause (else the first after it) is past; "he is in
// his 40s", "now in his 40s" stay now.
bool ClauseIsPast(std::string_view text, size_t begin, size_t end, const NumberMention& m) {
  int tense = TenseIn(text, begin, begin, m.begin, true);
  if (tense == 0) tense = TenseIn(text, begin, m.end, end, false);
  return tense > 0;
}

// Words before an age that put it in the past: 当時30歳, "at 35",
// "at age 14", "when he was 14".
bool PastWordBefore(std::string_view text, size_t begin, size_t at) {
  size_t start = 0;
  if (BeforeAny(text, begin, at, {"当時", "was", "were"}, &start)) return true;
  if (!BeforeAny(text, begin, at, {"at age", "at"}, &start)) return false;
  // "at 35" is past after a past verb ("retired at 60", "quit school at
  // 15"), else by the tense of its clause: "At 16 he dropped out" is past,
  // "Now, at 36, he spends" and "at 46 he has no job" are now.
  size_t w = start;
  while (w > begin && text[w - 1] == ' ') --w;
  size_t word_start = w;
  while (word_start > begin && IsAlpha(text[word_start - 1])) --word_start;
  std::string_view verb = text.substr(word_start, w - word_start);
  if (IsPastWord(verb) || (verb.size() > 3 && verb.substr(verb.size() - 2) == "ed") ||
      (verb.size() > 4 && verb.substr(verb.size() - 4) == "ised"))
    return true;
  // A comma may have cut the clause ("Now, at 36, he spends"): read the
  // whole sentence around it.
  size_t from = start;
  while (from > 0 && text[from - 1] != '.' && text[from - 1] != '!' && text[from - 1] != '?') --from;
  size_t to = at;
  while (to < text.size() && text[to] != '.' && text[to] != '!' && text[to] != '?' && text[to] != ';') ++to;
  int tense = TenseIn(text, from, from, start, true);
  if (tense == 0) tense = TenseIn(text, from, at, to, false);
  return tense >= 0;  // a bare "at 35" with no tense is a past event
}

// Sets m->when to kPast for an age at some past event; relative and
// approaching ages were set by their unit.
void SetWhen(std::string_view text, size_t begin, size_t end, bool english_decade, NumberMention* m) {
  if (m->kind != NumberMention::kAge && m->kind != NumberMention::kBare) return;
  if (m->when != NumberMention::kNow) return;
  size_t since = 0;  // "withdrawn since her 20s": the start, in the past
  if (JapanesePastAfter(text, m->end, end) || PastWordBefore(text, begin, m->begin) ||
      (english_decade &&
       (ClauseIsPast(text, begin, end, *m) ||
        BeforeAny(text, begin, m->begin, {"since his", "since her", "since their", "since"}, &since))))
    m->when = NumberMention::kPast;
}

// An exact age read with its unit may still have a word before it
// ("もうすぐ80歳", "about 50 years old").
void ReadWordsBeforeUnit(std::string_view text, size_t begin, int n, NumberMention* m) {
  if (m->kind == NumberMention::kAge && m->when == NumberMention::kNow && m->age.lo == n && m->age.hi == n)
    ReadApproximation(text, begin, n, m);
}

// ---- One mention at text[i] ---------------------------------------------

// 半年 (half a year): the one duration written without any numeral.
bool ReadHalfYear(std::string_view text, size_t i, size_t end, NumberMention* m, size_t* next) {
  // Its first byte starts a thousand other kanji: test the next ones first.
  if (!(text[i] == '\xE5' && i + 6 <= end && text[i + 1] == '\x8D' && text[i + 2] == '\x8A' &&
        text.compare(i, 6, "半年") == 0))
    return false;
  *m = NumberMention();
  m->kind = NumberMention::kDuration;
  m->begin = i;
  m->end = i + 6;
  m->months = 6;
  *next = i + 6;
  return true;
}

// What may follow a unitless kanji number that is an age: an age verb
// (になる), a particle or the end of a phrase (で, の, だ, 。), the spoken
// copula (三十五なんです, なのに), a bracket, と and another (八十二と七十九).
bool KanjiAgeMayEnd(std::string_view text, size_t i, size_t number_end, size_t end) {
  if (JapaneseAgeVerbAfter(text, number_end, end)) return true;
  Cursor c{text, number_end, end};
  if (c.pos == end) return true;
  if (i >= 1 && text[i - 1] == '(' && c.Eat(")")) return true;
  if (c.Eat("と") && KanjiNumeral(text, c.pos, end) >= 0) return true;  // 両親は八十二と七十九で
  return c.EatAny({"で", "の", "だ", "です", "。", "、", "なので", "なのに", "なんです", "なんだ", "よ"});
}

// Ages with names: 還暦 (60), 古希 (70), 喜寿 (77), 傘寿 (80), 米寿 (88),
// 卒寿 (90), 白寿 (99). "あと少しで還暦", "もうすぐ還暦": approaching
// (the three years before); "還暦を過ぎ": that age or over.
bool ReadNamedAge(std::string_view text, size_t begin, size_t i, size_t end, NumberMention* m, size_t* next) {
  static constexpr std::pair<std::string_view, int> kNamed[] = {{"還暦", 60}, {"古希", 70}, {"古稀", 70}, {"喜寿", 77},
                                                                {"傘寿", 80}, {"米寿", 88}, {"卒寿", 90}, {"白寿", 99}};
  for (const auto& [word, n] : kNamed) {
    if (i + word.size() > end || text.compare(i, word.size(), word) != 0) continue;
    *m = NumberMention();
    m->kind = NumberMention::kAge;
    m->begin = i;
    m->age = Range(n, n);
    Cursor c{text, i + word.size(), end};
    size_t start = i;
    if (BeforeAny(text, begin, i, {"あと少しで", "もう少しで", "もうすぐ", "もうじき", "まもなく", "間もなく"},
                  &start)) {
      m->age = Range(n - 3, n - 1);
      m->when = NumberMention::kApproaching;
      m->begin = start;
    } else if (c.EatAny({"を過ぎ", "過ぎ", "を超え"})) {
      m->age = Range(n, kMaxAge);
    }
    m->end = c.pos;
    SetWhen(text, begin, end, false, m);
    *next = c.pos;
    return true;
  }
  return false;
}

// A kanji numeral counts only before a Japanese unit: 五十代, 七十八歳,
// 三年; not 一人, 十分, 一度, 統一 (no unit), nor 二代目 (代 below ten).
bool ReadKanjiMention(std::string_view text, size_t begin, size_t i, size_t end, NumberMention* m, size_t* next) {
  *m = NumberMention();
  int n = 0;
  const size_t number_end = ReadKanjiNumber(text, i, end, &n);
  *next = number_end;
  if (IsEraYear(text, begin, i, number_end, end)) return false;
  if (n < 10 && text.compare(number_end, 3, "代") == 0) return false;
  Cursor c{text, number_end, end};
  m->begin = i;
  if (!ReadJapaneseUnit(&c, n, m)) {
    // No unit: an age only by its grammar (四十三の息子, 二十八で辞め,
    // 今年五十一になります, 母(九十)); never a count (一人, 十分).
    c.pos = number_end;
    if (n < 10 || n > kMaxAge || !KanjiAgeMayEnd(text, i, number_end, end) ||
        !ReadBareNumber(text, begin, i, end, n, &c, m))
      return false;
  }
  m->end = c.pos;
  ReadWordsBeforeUnit(text, begin, n, m);
  SetWhen(text, begin, end, false, m);
  *next = c.pos;
  return true;
}

// "early", "mid" or "late" before a decade ("in her late sixties", "mid-
// 30s") narrows it: n..n+3, n+3..n+7, n+7..n+9. Moves m->begin there.
void NarrowDecade(std::string_view text, size_t begin, int n, NumberMention* m) {
  size_t start = m->begin;
  if (Before(text, begin, m->begin, "early", &start) || Before(text, begin, m->begin, "early-", &start)) {
    m->age = Range(n, n + 3);
  } else if (Before(text, begin, m->begin, "mid", &start) || Before(text, begin, m->begin, "mid-", &start)) {
    m->age = Range(n + 3, n + 7);
  } else if (Before(text, begin, m->begin, "late", &start) || Before(text, begin, m->begin, "late-", &start)) {
    m->age = Range(n + 7, n + 9);
  } else {
    return;
  }
  m->begin = start;
}

// "in his forties", "in her late 60s": the decade is of the one the
// pronoun names ("my uncle, in his forties, lives with my grandmother,
// who is in her seventies").
bool DecadeOfPronoun(std::string_view text, size_t begin, size_t at) {
  size_t start = 0;
  return BeforeAny(text, begin, at, {"his", "her"}, &start);
}

// An English number word: before years or months ("two years", "a year",
// "two years younger"), or an age as digits would be ("forty", "fifty-
// three-year-old", "in his forties", "forty-something", "of fifty-eight").
bool ReadNumberWordMention(std::string_view text, size_t begin, size_t i, size_t end, NumberMention* m, size_t* next) {
  size_t word_end = i;
  while (word_end < end && IsAlpha(text[word_end])) ++word_end;
  *next = word_end;
  if (word_end - i < 1 || word_end - i > 9) return false;  // longer than any number word
  bool decade = false;
  int value = TensWord(text.substr(i, word_end - i), &decade);
  if (value > 0 && !decade && word_end + 1 < end && (text[word_end] == '-' || text[word_end] == ' ')) {
    // fifty-three, twenty two
    size_t unit_end = word_end + 1;
    while (unit_end < end && IsAlpha(text[unit_end])) ++unit_end;
    const int unit = NumberWord(text.substr(word_end + 1, unit_end - word_end - 1));
    if (unit >= 1 && unit <= 9 && text.compare(word_end + 1, 1, "a") != 0) {
      value += unit;
      word_end = unit_end;
    }
  }
  if (value == 0) value = NumberWord(text.substr(i, word_end - i));
  if (value == 0) return false;
  *m = NumberMention();
  m->begin = i;
  Cursor c{text, word_end, end};
  bool english_decade = false;
  if (decade) {
    m->kind = NumberMention::kAge;
    m->age = Range(value, value + 9);
    NarrowDecade(text, begin, value, m);
    m->after_pronoun = DecadeOfPronoun(text, begin, m->begin);
    english_decade = true;
  } else if (value >= 20 && value % 10 == 0 && c.Eat("-something")) {
    m->kind = NumberMention::kAge;
    m->age = Range(value, value + 9);
    size_t start = 0;  // "he's forty-something": of the one "he" names
    m->after_pronoun = BeforeAny(text, begin, i, {"he's", "she's", "he is", "she is"}, &start);
  } else {
    c.SkipSpaces();
    const size_t unit_at = c.pos;
    if (c.EatAny({"years", "year"})) {
      m->kind = NumberMention::kDuration;
      m->months = value * 12;
      if (ReadOlderOrYounger(&c, m)) {
        m->kind = NumberMention::kAge;
        m->age = Range(value, value);
        m->when = NumberMention::kRelative;
      }
    } else if (c.EatAny({"months", "month"})) {
      m->kind = NumberMention::kDuration;
      m->months = value;
    } else {
      c.pos = word_end;
      if (c.EatAny({"-year-old", "-years-old"}) || (c.pos = unit_at, c.EatAny({"year-old", "years old", "year old"}))) {
        m->kind = NumberMention::kAge;
        m->age = Range(value, value);
      } else {
        c.pos = word_end;
        // "a", "one", "several": too common as words to be ages alone.
        if (value < 10 || !ReadBareNumber(text, begin, i, end, value, &c, m)) return false;
      }
      ReadWordsBeforeUnit(text, begin, value, m);
    }
  }
  m->end = c.pos;
  SetWhen(text, begin, end, english_decade, m);
  *next = c.pos;
  return true;
}

// Digits joined to other digits by a date, time or ratio sign ("12/25",
// "10:30", "1/3") or followed by a percent sign are not an age.
bool PartOfLongerNumber(std::string_view text, size_t begin, size_t i, size_t digits_end, size_t end) {
  auto joins = [](char c) { return c == '/' || c == ':'; };
  if (digits_end < end && text[digits_end] == '%') return true;
  if (digits_end + 1 < end && joins(text[digits_end]) && IsDigit(text[digits_end + 1])) return true;
  return i >= begin + 2 && joins(text[i - 1]) && IsDigit(text[i - 2]);
}

// Digits: an age or duration by its unit, an 8050-style pair, or a number
// that English words before it make an age, else a bare number.
bool ReadDigitMention(std::string_view text, size_t begin, size_t i, size_t end, NumberMention* m, size_t* next) {
  size_t digits_end = i;
  while (digits_end < end && IsDigit(text[digits_end])) ++digits_end;
  const bool decimal = digits_end + 1 < end && (text[digits_end] == '.' || text[digits_end] == ',') &&
                       IsDigit(text[digits_end + 1]);  // "3.5", "1,000"
  if (digits_end - i > 4 || decimal || PartOfLongerNumber(text, begin, i, digits_end, end)) {
    // Not an age or a duration (money, decimals): skip all its digits.
    while (digits_end < end && (IsDigit(text[digits_end]) || text[digits_end] == '.' || text[digits_end] == ',' ||
                                text[digits_end] == '/' || text[digits_end] == ':'))
      ++digits_end;
    *next = digits_end;
    return false;
  }
  *next = digits_end;
  *m = NumberMention();
  int n = 0;  // at most four digits
  for (size_t d = i; d < digits_end; ++d) n = n * 10 + (text[d] - '0');
  if (IsEraYear(text, begin, i, digits_end, end)) return false;
  m->begin = i;
  Cursor c{text, digits_end, end};
  c.SkipSpaces();
  const size_t unit_at = c.pos;
  bool english_decade = false;
  bool found = ReadJapaneseUnit(&c, n, m);
  if (!found) {
    c.pos = unit_at;
    found = ReadEnglishUnit(&c, digits_end, n, m, &english_decade);
  }
  size_t sex_end = 0;
  if (found) {
    ReadWordsBeforeUnit(text, begin, n, m);
    // 年齢: 45歳 is a form's age field; 発症年齢：20歳 the age at the onset.
    if (m->kind == NumberMention::kAge && m->when == NumberMention::kNow) {
      const AgeField field = AgeFieldBefore(text, i);
      if (field == AgeField::kPast) m->when = NumberMention::kPast;
      if (field == AgeField::kNow) m->of_case = true;
    }
    if (english_decade) {
      NarrowDecade(text, begin, n, m);
      m->after_pronoun = DecadeOfPronoun(text, begin, m->begin);
    }
  } else if (IsGenerationsPair(text, begin, i, digits_end, end)) {
    m->kind = NumberMention::kGenerations;
    const int parent = (text[i] - '0') * 10, child = (text[i + 2] - '0') * 10;
    m->age = Range(parent, parent + 9);
    m->child_age = Range(child, child + 9);
    c.pos = digits_end;
    found = true;
  } else if (n <= kMaxAge && digits_end - i <= 3 && SexNextToAge(text, begin, i, digits_end, end, &sex_end)) {
    // "52M", "(84F)", "m/52": an age with the sex beside it.
    m->kind = NumberMention::kAge;
    m->age = Range(n, n);
    m->of_case = true;
    c.pos = sex_end;
    found = true;
  } else if (n <= kMaxAge && digits_end - i <= 3) {
    c.pos = digits_end;
    found = ReadBareNumber(text, begin, i, end, n, &c, m);
  }
  if (!found) return false;
  m->end = c.pos;
  SetWhen(text, begin, end, english_decade, m);
  if (c.pos > i) *next = c.pos;
  return true;
}

// Sets m->since for a duration in years that runs from a past event up
// to now: "それからもう15年", "辞めてから十年以上", "20年になります", "that
// was 22 years ago", "eleven years now", "it's been 20 years". A past
// point ("15年前に", "20 years ago he") or a spell ("10年ひきこもり",
// "for 10 years") is not.
void ReadSince(std::string_view text, size_t begin, size_t end, NumberMention* m) {
  if (m->kind != NumberMention::kDuration || m->months < 12) return;
  size_t start = 0;
  Cursor c{text, m->end, end};
  if (BeforeAny(text, begin, m->begin, {"から", "からもう", "以来", "以来もう"}, &start) ||
      c.EatAny({"になります", "になる", "になり", "になった", "が経ち", "が経つ", "が経った", "経ち", "経ちます",
                "が過ぎ", "がたち", "がたつ", "たちます"})) {
    m->since = true;
    return;
  }
  c.SkipSpaces();
  if (c.Eat("now") ||
      (c.Eat("ago") && BeforeAny(text, begin, m->begin, {"that was", "this was", "it was", "which was"}, &start)) ||
      BeforeAny(text, begin, m->begin, {"it's been", "it has been", "that's been", "that's", "it's now"}, &start))
    m->since = true;
}

// "since she turned 30 two years ago": a duration "ago" right after an
// age makes that age past and the duration the time since.
void AgoAfterAge(std::string_view text, NumberMention* m, std::vector<NumberMention>* out) {
  if (m->kind != NumberMention::kDuration || m->months < 12 || out->empty()) return;
  NumberMention& age = out->back();
  if (age.kind != NumberMention::kAge || age.when != NumberMention::kNow || age.end > m->begin) return;
  for (size_t p = age.end; p < m->begin; ++p)
    if (text[p] != ' ') return;
  Cursor c{text, m->end, text.size()};
  c.SkipSpaces();
  if (!c.Eat("ago")) return;
  age.when = NumberMention::kPast;
  m->since = true;
}

}  // namespace

std::vector<NumberMention> FindNumbers(std::string_view text, size_t begin, size_t end) {
  std::vector<NumberMention> out;
  FindNumbers(text, begin, end, &out);
  return out;
}

void FindNumbers(std::string_view text, size_t begin, size_t end, std::vector<NumberMention>* out) {
  PastEventScan scan;
  past_event_scan = &scan;
  struct Forget {
    ~Forget() { past_event_scan = nullptr; }
  } forget;
  NumberMention m;  // each Read* starts it afresh: not built per character
  for (size_t i = begin; i < end;) {
    size_t next = i + 1;
    bool found = false;
    if (static_cast<unsigned char>(text[i]) >= 0x80) {
      // Kana, kanji and symbols hold no digit or letter: skip the whole
      // character, not byte by byte, unless a kanji numeral or 半年
      // starts a mention here.
      next = NextCharacter(text, i, end);
      if (KanjiNumeral(text, i, end) >= 0) found = ReadKanjiMention(text, begin, i, end, &m, &next);
      else found = ReadHalfYear(text, i, end, &m, &next) || ReadNamedAge(text, begin, i, end, &m, &next);
    } else if (IsAlpha(text[i]) && (i == begin || !IsAlpha(text[i - 1]))) {
      found = ReadNumberWordMention(text, begin, i, end, &m, &next);
    } else if (IsDigit(text[i]) && (i == begin || (!IsDigit(text[i - 1]) && !IsAlpha(text[i - 1])))) {
      found = ReadDigitMention(text, begin, i, end, &m, &next);
    }
    if (found) {
      ReadSince(text, begin, end, &m);
      AgoAfterAge(text, &m, out);
      out->push_back(m);
    }
    i = next;
  }
}

void ForgetCountedNumbers(const Analyzer& analyzer, std::string_view text, size_t first,
                          std::vector<NumberMention>* numbers) {
  constexpr int kCharactersAfter = 4;  // enough for the longest counter, キロ or ドル, and more
  size_t kept = first;
  for (size_t k = first; k < numbers->size(); ++k) {
    const NumberMention& m = (*numbers)[k];
    bool counted = false;
    if (m.kind == NumberMention::kBare && m.end > m.begin && IsDigit(text[m.end - 1])) {
      size_t digits = m.end;
      while (digits > m.begin && IsDigit(text[digits - 1])) --digits;
      size_t after = m.end;
      for (int n = 0; n < kCharactersAfter && after < text.size(); ++n) after = NextCharacter(text, after, text.size());
      counted = analyzer.CounterFollowsNumber(text.substr(digits, after - digits));
    }
    if (!counted) (*numbers)[kept++] = m;
  }
  numbers->resize(kept);
}
