#include "normalize.h"

#include <utf8proc.h>

#include <cctype>
#include <cstdlib>
#include <cstring>

#include "utf8.h"

namespace {

size_t Utf8Length(int32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

// Lower-cases and folds katakana (U+30A1..U+30F6) to hiragana (U+3041..
// U+3096); both are three bytes in UTF-8, so offsets are preserved. As
// every code point keeps its byte length, both outputs are sized once and
// written in place (a case is folded per batch record).
void Fold(std::string_view nfkc, NormalizedText* out) {
  const size_t n = nfkc.size();
  out->display.assign(nfkc.data(), n);
  out->match.assign(nfkc.data(), n);
  char* display = out->display.data();
  char* match = out->match.data();
  for (size_t i = 0; i < n;) {
    unsigned char c = static_cast<unsigned char>(nfkc[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') display[i] = match[i] = static_cast<char>(c + 32);
      ++i;
      continue;
    }
    if (c >= 0xE3 && c <= 0xE9 && i + 2 < n) {
      // U+3000..U+9FFF (kana, kanji; most of a Japanese case): no case;
      // katakana folds to hiragana for matching.
      int32_t cp = ((c & 0x0F) << 12) | ((nfkc[i + 1] & 0x3F) << 6) | (nfkc[i + 2] & 0x3F);
      if (cp >= 0x30A1 && cp <= 0x30F6) {
        int32_t h = cp - 0x60;
        match[i] = static_cast<char>(0xE0 | (h >> 12));
        match[i + 1] = static_cast<char>(0x80 | ((h >> 6) & 0x3F));
        match[i + 2] = static_cast<char>(0x80 | (h & 0x3F));
      }
      i += 3;
      continue;
    }
    // Elsewhere: lower case, keeping the byte length.
    size_t start = i;
    int32_t cp = DecodeUtf8(nfkc, &i);
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
         (cp >= 0x30A1 && cp <= 0x30FA) || (cp >= 0x30FC && cp <= 0x30FE) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || cp == 0x3001 || cp == 0x3002 || cp == 0x300C ||
         cp == 0x300D;
}

bool IsAllNfkcStable(std::string_view input) {
  for (size_t i = 0; i < input.size();) {
    if (static_cast<unsigned char>(input[i]) < 0x80) {
      ++i;
      continue;
    }
    if (!IsNfkcStable(DecodeUtf8(input, &i))) return false;
  }
  return true;
}

// NFKC of text that is not all stable.
std::string Nfkc(std::string_view input) {
  utf8proc_uint8_t* result = nullptr;
  utf8proc_ssize_t len = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(input.data()),
                                      static_cast<utf8proc_ssize_t>(input.size()), &result,
                                      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                                     UTF8PROC_COMPAT));
  if (len < 0 || result == nullptr) return std::string(input);
  std::string out(reinterpret_cast<char*>(result), static_cast<size_t>(len));
  std::free(result);
  return out;
}

}  // namespace

Status Normalize(std::string_view input, NormalizedText* out) {
  size_t bad = 0;
  if (!IsValidUtf8(input, &bad))
    return Status::Input("the text is not valid UTF-8 (or holds a NUL byte) at byte offset " +
                         std::to_string(bad) + "; re-save it as UTF-8");
  if (IsAllNfkcStable(input)) Fold(input, out);  // most cases: no copy
  else Fold(Nfkc(input), out);
  return Status::Ok();
}

std::string NormalizePhrase(std::string_view phrase) {
  NormalizedText n;
  if (IsAllNfkcStable(phrase)) Fold(phrase, &n);
  else Fold(Nfkc(phrase), &n);
  return n.match;
}

std::vector<Clause> SplitClauses(std::string_view text) {
  std::vector<Clause> clauses;
  SplitClauses(text, &clauses);
  return clauses;
}

void SplitClauses(std::string_view text, std::vector<Clause>* out) {
  // Multi-byte separators, after NFKC (which turns ， ； ！ ？ into ASCII).
  static const char* const kSeparators[] = {"。", "、", "・", "「", "」", "『", "』", "…",
                                            "/", "\n", ",", ";", "!", "?",
                                            ":", "\t", "\"", "\r"};
  std::vector<Clause>& clauses = *out;
  clauses.clear();
  size_t start = 0;
  auto close = [&](size_t end) {
    if (end > start) clauses.push_back({start, end});
  };
  for (size_t i = 0; i < text.size();) {
    // Separators start with an ASCII punctuation byte or with E2/E3 (…, 。、「」
    // and friends); any other byte cannot start one.
    unsigned char lead = static_cast<unsigned char>(text[i]);
    // For E3, only E3 80 xx (。、「」『』) and E3 83 BB (・): kana and most
    // text start with E3 too, and most of a Japanese case is kana.
    bool e3_other = lead == 0xE3 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) != 0x80 &&
                    !(static_cast<unsigned char>(text[i + 1]) == 0x83 && static_cast<unsigned char>(text[i + 2]) == 0xBB);
    if ((lead >= 0x80 && lead != 0xE2 && lead != 0xE3) || e3_other || std::isalnum(lead) || lead == ' ') {
      // English " but " starts a new clause: negation does not cross it.
      if (lead == ' ' && text.compare(i, 5, " but ") == 0) {
        close(i);
        i += 5;
        start = i;
        continue;
      }
      ++i;
      while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
      continue;
    }
    size_t sep_len = 0;
    for (const char* sep : kSeparators) {
      std::string_view s(sep);
      if (text.compare(i, s.size(), s) == 0) {
        sep_len = s.size();
        break;
      }
    }
    // A full stop ends a clause unless it sits inside a number ("3.5").
    if (sep_len == 0 && text[i] == '.') {
      bool in_number = i > 0 && i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i - 1])) &&
                       std::isdigit(static_cast<unsigned char>(text[i + 1]));
      if (!in_number) sep_len = 1;
    }
    // "son, 48, has..." keeps the age in the clause of the word it belongs to.
    if (sep_len == 1 && text[i] == ',') {
      size_t j = i + 1;
      while (j < text.size() && text[j] == ' ') ++j;
      size_t digits = j;
      while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
      size_t number_end = j;
      while (j < text.size() && text[j] == ' ') ++j;
      if (number_end > digits && number_end - digits <= 3 && j < text.size() && text[j] == ',') {
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
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  close(text.size());
}
