#include "numbers.h"

#include <initializer_list>

#include "utf8.h"

namespace {

constexpr int kMaxAge = 120;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return c >= 'a' && c <= 'z'; }

// Cursor over text[.., end): helpers to consume literal words.
struct Cursor {
  std::string_view text;
  size_t pos;
  size_t end;

  bool Eat(std::string_view word) {
    if (pos + word.size() <= end && text.compare(pos, word.size(), word) == 0) {
      // An English word must end at a word edge.
      if (IsAlpha(word.back()) && pos + word.size() < end && IsAlpha(text[pos + word.size()]))
        return false;
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
  if (p < from + word.size()) return false;
  if (text.compare(p - word.size(), word.size(), word) != 0) return false;
  size_t s = p - word.size();
  if (s > from && IsAlpha(text[s - 1])) return false;
  *start = s;
  return true;
}

// "two" → 2 ... "twenty" → 20, "a"/"an" → 1, "several"/"many" → 3; else 0.
int NumberWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                       "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                                       "seventeen", "eighteen", "nineteen", "twenty"};
  if (word.size() > 9) return 0;  // longer than any number word
  for (int n = 1; n <= 20; ++n)
    if (word == kWords[n]) return n;
  if (word == "a" || word == "an") return 1;
  if (word == "several" || word == "many" || word == "some") return 3;
  if (word == "thirty") return 30;
  return 0;
}

AgeRange Range(int lo, int hi) {
  AgeRange r;
  r.lo = lo < 0 ? 0 : lo;
  r.hi = hi > kMaxAge ? kMaxAge : hi;
  return r;
}

}  // namespace

std::vector<NumberMention> FindNumbers(std::string_view text, size_t begin, size_t end) {
  std::vector<NumberMention> out;
  FindNumbers(text, begin, end, &out);
  return out;
}

void FindNumbers(std::string_view text, size_t begin, size_t end, std::vector<NumberMention>* found_numbers) {
  std::vector<NumberMention>& out = *found_numbers;
  for (size_t i = begin; i < end;) {
    // 半年 (half a year) is the one duration written without digits. Its
    // first byte starts a thousand other kanji: test the next ones inline.
    if (text[i] == '\xE5' && i + 6 <= end && text[i + 1] == '\x8D' && text[i + 2] == '\x8A' &&
        text.compare(i, 6, "半年") == 0) {
      NumberMention m;
      m.kind = NumberMention::kDuration;
      m.begin = i;
      m.end = i + 6;
      m.months = 6;
      out.push_back(m);
      i += 6;
      continue;
    }
    if (static_cast<unsigned char>(text[i]) >= 0x80) {
      // Kana, kanji and symbols hold no digit or letter: skip the whole
      // character, not byte by byte.
      i = NextCharacter(text, i, end);
      continue;
    }
    if (IsAlpha(text[i]) && (i == begin || !IsAlpha(text[i - 1]))) {
      // English number words before years/months: "two years", "a year".
      size_t word_end = i;
      while (word_end < end && IsAlpha(text[word_end])) ++word_end;
      Cursor c{text, word_end, end};
      c.SkipSpaces();
      // Only a word before "year(s)"/"month(s)" counts: look there before
      // comparing the word with the number words (every English word
      // passes here).
      const bool unit_follows = c.pos < end && (text[c.pos] == 'y' || text[c.pos] == 'm');
      int value = unit_follows ? NumberWord(text.substr(i, word_end - i)) : 0;
      bool years = value > 0 && c.EatAny({"years", "year"});
      bool months = value > 0 && !years && c.EatAny({"months", "month"});
      if (years || months) {
        NumberMention m;
        m.kind = NumberMention::kDuration;
        m.begin = i;
        m.end = c.pos;
        m.months = years ? value * 12 : value;
        out.push_back(m);
        i = c.pos;
        continue;
      }
      i = word_end;
      continue;
    }
    if (!IsDigit(text[i]) || (i > begin && (IsDigit(text[i - 1]) || IsAlpha(text[i - 1])))) {
      ++i;
      continue;
    }
    size_t digits_end = i;
    while (digits_end < end && IsDigit(text[digits_end])) ++digits_end;
    bool decimal = digits_end + 1 < end && (text[digits_end] == '.' || text[digits_end] == ',') &&
                   IsDigit(text[digits_end + 1]);  // "3.5", "1,000"
    if (digits_end - i > 4 || decimal) {
      // Not an age or a duration (money, decimals): skip all its digits.
      while (digits_end < end && (IsDigit(text[digits_end]) || text[digits_end] == '.' || text[digits_end] == ','))
        ++digits_end;
      i = digits_end;
      continue;
    }
    int n = 0;  // at most four digits
    for (size_t d = i; d < digits_end; ++d) n = n * 10 + (text[d] - '0');
    NumberMention m;
    m.begin = i;
    Cursor c{text, digits_end, end};
    c.SkipSpaces();
    bool found = true;
    if (c.Eat("代")) {  // 80代, 80代後半, 80代以上
      m.kind = NumberMention::kAge;
      m.age = Range(n, n + 9);
      if (c.Eat("前半")) m.age = Range(n, n + 4);
      else if (c.Eat("半ば")) m.age = Range(n + 3, n + 6);
      else if (c.Eat("後半")) m.age = Range(n + 5, n + 9);
      else if (c.Eat("以上")) m.age = Range(n, kMaxAge);
    } else if (c.EatAny({"歳", "才"})) {
      m.kind = NumberMention::kAge;
      m.age = Range(n, n);
      if (c.Eat("以上")) m.age = Range(n, kMaxAge);
      else if (c.Eat("以下")) m.age = Range(0, n);
      else if (c.Eat("未満")) m.age = Range(0, n - 1);
      else if (c.EatAny({"を超え", "超え", "超"})) m.age = Range(n + 1, kMaxAge);
      else if (c.EatAny({"くらい", "ぐらい", "位", "前後"})) m.age = Range(n - 2, n + 2);
    } else if (c.EatAny({"-year-old", "-years-old", "year-old", "years old", "year old", "yo"})) {
      m.kind = NumberMention::kAge;
      m.age = Range(n, n);
    } else if (c.Eat("年") && !c.EatAny({"代", "生", "度", "金"})) {  // 10年, 10年以上
      m.kind = NumberMention::kDuration;
      m.months = n * 12;
      c.EatAny({"以上", "間", "近く", "ほど", "くらい", "ぐらい", "も"});
    } else if (c.EatAny({"ヶ月", "ゖ月", "か月", "ヵ月", "ゕ月", "カ月", "ケ月", "け月"})) {
      m.kind = NumberMention::kDuration;
      m.months = n;
      c.EatAny({"以上", "間", "近く", "ほど", "くらい", "ぐらい"});
    } else if (c.EatAny({"years", "year", "yrs"})) {
      m.kind = NumberMention::kDuration;
      m.months = n * 12;
    } else if (c.EatAny({"months", "month"})) {
      m.kind = NumberMention::kDuration;
      m.months = n;
    } else if ((n % 10 == 0) && n >= 10 && n <= 100 && c.pos == digits_end &&
               (c.Eat("s") || c.Eat("'s"))) {  // 50s, in his 50s
      m.kind = NumberMention::kAge;
      m.age = Range(n, n + 9);
    } else if (c.pos == digits_end && c.Eat("+")) {
      m.kind = NumberMention::kAge;
      m.age = Range(n, kMaxAge);
    } else if (digits_end - i == 4 && text[i + 1] == '0' && text[i + 3] == '0' && text[i] >= '5' &&
               text[i + 2] >= '2' && text[i + 2] < text[i]) {  // 8050, 7040, 9060
      m.kind = NumberMention::kGenerations;
      int parent = (text[i] - '0') * 10, child = (text[i + 2] - '0') * 10;
      m.age = Range(parent, parent + 9);
      m.child_age = Range(child, child + 9);
      c.pos = digits_end;
    } else {
      found = false;
    }
    if (!found && n <= kMaxAge && digits_end - i <= 3) {
      // English words before the number: "over 80", "aged 52", "under 30".
      size_t start = i;
      c.pos = digits_end;
      if (Before(text, begin, i, "over", &start) || Before(text, begin, i, "above", &start) ||
          Before(text, begin, i, "older than", &start)) {
        m.kind = NumberMention::kAge;
        m.age = Range(n + 1, kMaxAge);
        found = true;
      } else if (Before(text, begin, i, "under", &start) || Before(text, begin, i, "below", &start) ||
                 Before(text, begin, i, "younger than", &start)) {
        m.kind = NumberMention::kAge;
        m.age = Range(0, n - 1);
        found = true;
      } else if (Before(text, begin, i, "aged", &start) || Before(text, begin, i, "age", &start) ||
                 Before(text, begin, i, "at least", &start)) {
        m.kind = NumberMention::kAge;
        m.age = Before(text, begin, i, "at least", &start) ? Range(n, kMaxAge) : Range(n, n);
        found = true;
      } else if (n >= 10 && (Before(text, begin, i, "he's", &start) || Before(text, begin, i, "she's", &start) ||
                             Before(text, begin, i, "he is", &start) || Before(text, begin, i, "she is", &start))) {
        m.kind = NumberMention::kAge;
        m.age = Range(n, n);
        m.after_pronoun = true;
        found = true;
      } else if (n >= 10) {
        m.kind = NumberMention::kBare;
        m.age = Range(n, n);
        found = true;
      }
      if (found) {
        m.begin = start;
        if (m.kind != NumberMention::kBare && c.Eat(" or older")) m.age = Range(n, kMaxAge);
      }
    }
    if (found) {
      m.end = c.pos;
      out.push_back(m);
    }
    i = found ? c.pos : digits_end;
    if (i <= m.begin) i = digits_end;
  }
}
