#include "normalize.h"

#include <utf8proc.h>

#include <cstdlib>
#include <cstring>
#include <vector>

#include "messages.h"
#include "utf8.h"

namespace {

size_t Utf8Length(int32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

// Both outputs start as copies of the text, folded in place.
void CopyToBoth(std::string_view text, NormalizedText* out) {
  out->display.assign(text.data(), text.size());
  out->match.assign(text.data(), text.size());
}

// Katakana U+30A1..U+30F6 at match[at]: writes the hiragana 0x60 below.
// Returns false (and writes nothing) for any other code point.
bool FoldKatakana(int32_t cp, char* match, size_t at) {
  if (cp < 0x30A1 || cp > 0x30F6) return false;
  const int32_t h = cp - 0x60;
  match[at] = static_cast<char>(0xE0 | (h >> 12));
  match[at + 1] = static_cast<char>(0x80 | ((h >> 6) & 0x3F));
  match[at + 2] = static_cast<char>(0x80 | (h & 0x3F));
  return true;
}

// Lower-cases and folds katakana (U+30A1..U+30F6) to hiragana (U+3041..
// U+3096); both are three bytes in UTF-8, so offsets are preserved. As
// every code point keeps its byte length, both outputs are sized once and
// written in place (a case is folded per batch record).
void Fold(std::string_view nfkc, NormalizedText* out) {
  const size_t n = nfkc.size();
  CopyToBoth(nfkc, out);
  char* display = out->display.data();
  char* match = out->match.data();
  for (size_t i = 0; i < n;) {
    unsigned char c = static_cast<unsigned char>(nfkc[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') display[i] = match[i] = static_cast<char>(c + 32);
      ++i;
      continue;
    }
    size_t start = i;
    int32_t cp = DecodeUtf8(nfkc, &i);
    if (FoldKatakana(cp, match, start)) continue;  // for matching only
    if (cp >= 0x3000 && cp <= 0x9FFF) continue;    // kana and kanji have no case
    // Elsewhere: lower case, keeping the byte length.
    int32_t lower = utf8proc_tolower(cp);
    if (lower == cp || Utf8Length(lower) != i - start) continue;
    std::string bytes;
    AppendUtf8(lower, &bytes);
    std::memcpy(display + start, bytes.data(), bytes.size());
    std::memcpy(match + start, bytes.data(), bytes.size());
  }
}

// True for code points NFKC leaves as they are and that need no case
// folding beyond ASCII: most query text (kana, kanji, ASCII) is all such,
// and skipping utf8proc for it makes normalising several times cheaper.
bool IsNfkcStable(int32_t cp) {
  return (cp < 0x80) || (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x309D && cp <= 0x309E) ||
         (cp >= 0x30A1 && cp <= 0x30FA) || (cp >= 0x30FC && cp <= 0x30FE) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
         cp == 0x3001 || cp == 0x3002 || cp == 0x300C || cp == 0x300D;
}

// Fold in one pass for the common case, checking as it goes that every
// code point is valid UTF-8 (no NUL), NFKC-stable and one or three bytes
// long (ASCII, kana, kanji): then the text needs nothing else. False when
// one is not (out is then to be rewritten by the general path). Validating,
// checking and folding separately read every case three times.
bool FoldIfStable(std::string_view input, NormalizedText* out) {
  const size_t n = input.size();
  CopyToBoth(input, out);
  char* display = out->display.data();
  char* match = out->match.data();
  const unsigned char* p = reinterpret_cast<const unsigned char*>(input.data());
  for (size_t i = 0; i < n;) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      if (c == 0) return false;
      if (c >= 'A' && c <= 'Z') display[i] = match[i] = static_cast<char>(c + 32);
      ++i;
      continue;
    }
    int32_t cp;
    if (!DecodeThreeBytes(p + i, n - i, &cp) || !IsNfkcStable(cp)) return false;
    FoldKatakana(cp, match, i);
    i += 3;
  }
  return true;
}

// NFKC of text that is not all stable.
std::string Nfkc(std::string_view input) {
  utf8proc_uint8_t* result = nullptr;
  utf8proc_ssize_t len =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(input.data()), static_cast<utf8proc_ssize_t>(input.size()),
                   &result, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
  if (len < 0 || result == nullptr) return std::string(input);
  std::string out(reinterpret_cast<char*>(result), static_cast<size_t>(len));
  std::free(result);
  return out;
}

// Contractions written without their apostrophe, as quick messages write
// them ("hasnt left her room", "shes 27", "dont"): each with the byte
// before which the apostrophe goes. Only words that are no English word
// without it ("its", "ill", "id" are left alone).
struct Contraction {
  std::string_view word;
  size_t apostrophe;
};
constexpr Contraction kContractions[] = {{"dont", 3},    {"doesnt", 5},  {"didnt", 4},    {"isnt", 3},   {"wasnt", 4},
                                         {"arent", 4},   {"werent", 5},  {"hasnt", 4},    {"havent", 5}, {"hadnt", 4},
                                         {"couldnt", 6}, {"wouldnt", 6}, {"shouldnt", 7}, {"wont", 3},   {"cant", 3},
                                         {"im", 1},      {"ive", 1},     {"hes", 2},      {"shes", 3}};

bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }

// Puts the apostrophe back into such words, in both forms alike (their
// ASCII bytes are the same, so offsets stay shared).
void RestoreApostrophes(NormalizedText* out) {
  const std::string& d = out->display;
  std::vector<size_t> at;  // display offsets where an apostrophe goes
  for (size_t i = 0; i < d.size();) {
    if (!IsAsciiLower(d[i]) || (i > 0 && (IsAsciiLower(d[i - 1]) || d[i - 1] == '\''))) {
      ++i;
      continue;
    }
    size_t e = i;
    while (e < d.size() && IsAsciiLower(d[e])) ++e;
    if (e == d.size() || d[e] != '\'') {
      const std::string_view word(d.data() + i, e - i);
      for (const Contraction& c : kContractions)
        if (word == c.word) at.push_back(i + c.apostrophe);
    }
    i = e;
  }
  if (at.empty()) return;
  for (std::string* s : {&out->display, &out->match}) {
    std::string r;
    r.reserve(s->size() + at.size());
    size_t from = 0;
    for (size_t a : at) {
      r.append(*s, from, a - from);
      r.push_back('\'');
      from = a;
    }
    r.append(*s, from, std::string::npos);
    *s = std::move(r);
  }
}

}  // namespace

Status Normalize(std::string_view input, NormalizedText* out) {
  if (FoldIfStable(input, out)) {  // most cases
    RestoreApostrophes(out);
    return Status::Ok();
  }
  size_t bad = 0;
  if (!IsValidUtf8(input, &bad)) {
    out->display.clear();
    out->match.clear();
    return Status::Input(
        TrF("the text is not valid UTF-8 (or holds a NUL byte) at byte offset {}; re-save it as UTF-8", bad));
  }
  Fold(Nfkc(input), out);
  RestoreApostrophes(out);
  return Status::Ok();
}

std::string NormalizePhrase(std::string_view phrase) {
  NormalizedText n;
  if (!FoldIfStable(phrase, &n)) Fold(Nfkc(phrase), &n);
  return n.match;
}

std::string NormalizePhraseForReading(std::string_view phrase) {
  NormalizedText n;
  if (!FoldIfStable(phrase, &n)) Fold(Nfkc(phrase), &n);
  return n.display;
}

std::vector<Clause> SplitClauses(std::string_view text) {
  std::vector<Clause> clauses;
  SplitClauses(text, &clauses);
  return clauses;
}

namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// The length of the clause separator at text[i], or 0. Separators, after
// NFKC (which turns ， ； ！ ？ into ASCII): 。、・「」『』… and / \n , ; ! ? : \t " \r.
size_t SeparatorAt(std::string_view text, size_t i) {
  switch (static_cast<unsigned char>(text[i])) {
    case '/':
    case '\n':
    case ',':
    case ';':
    case '!':
    case '?':
    case ':':
    case '\t':
    case '"':
    case '\r': return 1;
    case 0xE2:  // … U+2026
      return text.compare(i, 3, "\xE2\x80\xA6") == 0 ? 3 : 0;
    case 0xE3: {  // 、。「」『』 U+3001, U+3002, U+300C..U+300F; ・ U+30FB
      if (i + 2 >= text.size()) return 0;
      const unsigned char b1 = static_cast<unsigned char>(text[i + 1]), b2 = static_cast<unsigned char>(text[i + 2]);
      if (b1 == 0x80 && (b2 == 0x81 || b2 == 0x82 || (b2 >= 0x8C && b2 <= 0x8F))) return 3;
      return b1 == 0x83 && b2 == 0xBB ? 3 : 0;
    }
    default: return 0;
  }
}

}  // namespace

void SplitClauses(std::string_view text, std::vector<Clause>* out) {
  std::vector<Clause>& clauses = *out;
  clauses.clear();
  size_t start = 0;
  auto close = [&](size_t end) {
    if (end > start) clauses.push_back({start, end});
  };
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    const char lead = text[i];
    // Kanji (lead bytes from 0xE4), other multi-byte forms and letters
    // never start a separator: step over them at once.
    // So do hiragana and most katakana (E3 81 xx, E3 82 xx): the Japanese
    // separators are E3 80 xx and ・ (E3 83 BB).
    const unsigned char c = static_cast<unsigned char>(lead);
    const bool kana = c == 0xE3 && i + 1 < n && (text[i + 1] == '\x81' || text[i + 1] == '\x82');
    if (c >= 0xE4 || kana || (c >= 0xC0 && c < 0xE0) || (c >= 'a' && c <= 'z')) {
      i = NextCharacter(text, i, n);
      continue;
    }
    // English " but " starts a new clause: negation does not cross it.
    if (lead == ' ' && text.compare(i, 5, " but ") == 0) {
      close(i);
      i += 5;
      start = i;
      continue;
    }
    size_t sep_len = SeparatorAt(text, i);
    // A full stop, slash, colon or comma does not end a clause inside a
    // number ("3.5", "12/25", "10:30", "3,000"): the number is read whole.
    const bool in_number = i > 0 && i + 1 < n && IsAsciiDigit(text[i - 1]) && IsAsciiDigit(text[i + 1]);
    if (lead == '.') sep_len = in_number ? 0 : 1;
    if (in_number && (lead == '/' || lead == ':' || lead == ',')) sep_len = 0;
    // "son, 48, has..." keeps the age in the clause of the word it belongs to.
    if (sep_len == 1 && lead == ',') {
      size_t j = i + 1;
      while (j < n && text[j] == ' ') ++j;
      size_t digits = j;
      while (j < n && IsAsciiDigit(text[j])) ++j;
      size_t number_end = j;
      while (j < n && text[j] == ' ') ++j;
      if (number_end > digits && number_end - digits <= 3 && j < n && text[j] == ',') {
        i = j + 1;
        continue;
      }
    }
    if (sep_len > 0) {
      close(i);
      i += sep_len;
      start = i;
      continue;
    }
    i = NextCharacter(text, i, n);
  }
  close(n);
}
