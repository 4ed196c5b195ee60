// Step "words not understood". See unrecognized.h.
#include "unrecognized.h"

#include <algorithm>
#include <cstring>
#include <unordered_set>

#include "utf8.h"

namespace {

// English words that carry no case information: never "unrecognised".
constexpr std::string_view kEnStopwords[] = {
    "a",      "an",       "the",    "and",    "or",     "but",   "so",    "of",     "in",    "on",    "at",
    "to",     "for",      "from",   "with",   "by",     "about", "as",    "is",     "are",   "was",   "were",
    "be",     "been",     "being",  "am",     "has",    "have",  "had",   "do",     "does",  "did",   "he",
    "she",    "it",       "they",   "we",     "i",      "you",   "his",   "her",    "their", "our",   "my",
    "your",   "its",      "him",    "them",   "me",     "us",    "this",  "that",   "these", "those", "there",
    "here",   "who",      "which",  "what",   "when",   "where", "how",   "why",    "very",  "also",  "too",
    "still",  "just",     "only",   "now",    "then",   "some",  "any",   "all",    "much",  "many",  "more",
    "most",   "can",      "could",  "would",  "should", "will",  "may",   "might",  "must",  "not",   "no",
    "yes",    "since",    "than",   "into",   "out",    "up",    "down",  "over",   "under", "again", "because",
    "if",     "while",    "s",      "t",      "years",  "year",  "old",   "months", "month", "aged",  "age",
    "lately", "recently", "really", "please", "help",   "case",  "wants", "want",   "need",  "needs", "get",
    "got",    "living",   "lives",  "live",   "home",   "house", "time",  "day",    "days",  "mr",    "mrs",
    "ms",     "someone",  "anyone"};
// Japanese words that carry no case information: never "unrecognised".
constexpr std::string_view kJaStopwords[] = {"言っている",
                                             "言っています",
                                             "言って",
                                             "言う",
                                             "言います",
                                             "言った",
                                             "言われ",
                                             "思う",
                                             "思います",
                                             "思って",
                                             "思っている",
                                             "心配",
                                             "心配です",
                                             "相談",
                                             "相談したい",
                                             "様子",
                                             "状態",
                                             "最近",
                                             "今",
                                             "自分",
                                             "こと",
                                             "もの",
                                             "ため",
                                             "家",
                                             "方",
                                             "人",
                                             "話",
                                             "聞いて",
                                             "感じ",
                                             "状況",
                                             "場合",
                                             "知りたい",
                                             "教えて",
                                             "教えてほしい",
                                             "どうしたら",
                                             "どこに",
                                             "いい",
                                             "ことを知りたい",
                                             "ことが知りたい",
                                             "心配だ",
                                             "心配している",
                                             "心配しています"};
// Japanese particles trimmed from the edges of an unrecognised piece.
constexpr std::string_view kJaParticles[] = {"について", "として", "から", "まで", "より", "など", "って",
                                             "の",       "が",     "は",   "を",   "に",   "で",   "と",
                                             "も",       "へ",     "や",   "か",   "ね",   "よ",   "て"};

// Called for every word list at every hit, so it rejects on one byte before
// comparing the rest: the third byte, as kana share their first two.
inline bool StartsWith(std::string_view text, size_t at, std::string_view word) {
  if (at > text.size() || text.size() - at < word.size()) return false;
  const char* p = text.data() + at;
  if (word.size() >= 3 ? p[2] != word[2] : (!word.empty() && p[0] != word[0])) return false;
  return std::memcmp(p, word.data(), word.size()) == 0;
}

bool IsHiragana(int32_t cp) { return cp >= 0x3041 && cp <= 0x309F; }
bool IsJapaneseContent(int32_t cp) {
  return (cp >= 0x30A0 && cp <= 0x30FF) || (cp >= 0x4E00 && cp <= 0x9FFF) || cp == 0x3005 ||
         (cp >= 0x3400 && cp <= 0x4DBF);
}

inline bool EndsWith(std::string_view text, std::string_view word) {
  return text.size() >= word.size() && StartsWith(text, text.size() - word.size(), word);
}

// False when no particle can start or end piece: its first and last
// characters are not one a particle starts or ends with. Most pieces begin
// or end with a kanji, and then the list of particles is not walked.
bool ParticleMayEdge(std::string_view piece) {
  // Particles are hiragana (E3 81 xx, E3 82 xx): a character is told apart
  // by its last two bytes once the first is E3.
  struct Edges {
    bool first[64 * 64] = {}, last[64 * 64] = {};
    static size_t Key(const char* p) {
      return (static_cast<unsigned char>(p[1]) & 0x3F) * 64 + (static_cast<unsigned char>(p[2]) & 0x3F);
    }
    Edges() {
      for (std::string_view p : kJaParticles) {
        first[Key(p.data())] = true;
        last[Key(p.data() + p.size() - 3)] = true;
      }
    }
  };
  static const Edges edges;
  if (piece.size() < 3) return true;  // not a hiragana piece: let the list decide
  const char* head = piece.data();
  const char* tail = piece.data() + piece.size() - 3;
  return (head[0] == '\xE3' && edges.first[Edges::Key(head)]) || (tail[0] == '\xE3' && edges.last[Edges::Key(tail)]);
}

// seen holds what out already has: a case of thousands of distinct
// unknown words stays linear (a scan of out per word was quadratic).
void AddUnrecognized(const std::string& display, size_t begin, size_t end, bool keep_kana,
                     std::unordered_set<std::string>* seen, std::vector<std::string>* out) {
  auto add = [seen, out](std::string_view piece) {
    if (seen->emplace(piece).second) out->emplace_back(piece);
  };
  // A Japanese piece is a run of kana and kanji: [piece_begin, piece_end).
  size_t piece_begin = begin, piece_end = begin;
  auto flush_japanese = [&]() {
    std::string_view piece(display.data() + piece_begin, piece_end - piece_begin);
    // Trim particles at both edges; keep the piece when content remains.
    bool trimmed = true;
    while (trimmed && !piece.empty() && ParticleMayEdge(piece)) {
      trimmed = false;
      for (std::string_view p : kJaParticles) {
        if (StartsWith(piece, 0, p)) {
          piece.remove_prefix(p.size());
          trimmed = true;
        } else if (EndsWith(piece, p)) {
          piece.remove_suffix(p.size());
          trimmed = true;
        }
      }
    }
    if (piece.empty()) return;
    bool content = keep_kana && piece.size() >= 6;  // two kana or more
    for (size_t i = 0; i < piece.size() && !content;) content = IsJapaneseContent(DecodeUtf8(piece, &i));
    for (std::string_view stop : kJaStopwords) content = content && piece != stop;
    if (content) add(piece);
  };
  for (size_t i = begin; i < end;) {
    unsigned char c = static_cast<unsigned char>(display[i]);
    if (c < 0x80) {
      flush_japanese();
      if (IsAsciiLowerOrDigit(c)) {
        size_t s = i;
        while (i < end && (IsAsciiLowerOrDigit(static_cast<unsigned char>(display[i])) || display[i] == '\'')) ++i;
        std::string_view word(display.data() + s, i - s);
        static const std::unordered_set<std::string_view> stopwords(std::begin(kEnStopwords), std::end(kEnStopwords));
        bool number = std::all_of(word.begin(), word.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
        if (!number && stopwords.count(word) == 0) add(word);
      } else {
        ++i;
      }
      piece_begin = piece_end = i;
      continue;
    }
    int32_t cp = DecodeUtf8(display, &i);
    if (IsHiragana(cp) || IsJapaneseContent(cp) || cp == 0x30FC) {
      piece_end = i;  // pieces are contiguous: the run grows
    } else {
      flush_japanese();  // symbols and other scripts separate pieces
      piece_begin = piece_end = i;
    }
  }
  flush_japanese();
}

}  // namespace

void ListUnrecognized(const std::vector<char>& covered, Understanding* u) {
  const std::string& display = u->text.display;
  // What is left uncovered, clause by clause, is what we did not understand.
  // A clause with nothing understood at all is reported whole, kana
  // included ("ほげほげ"): there the kana are not just grammar.
  // (memchr finds the edges of the covered runs: covered is 0 or 1.)
  std::unordered_set<std::string> seen(u->unrecognized.begin(), u->unrecognized.end());
  const char* cov = covered.data();
  auto next = [cov](char value, size_t from, size_t to) {
    const void* at = from < to ? std::memchr(cov + from, value, to - from) : nullptr;
    return at ? static_cast<size_t>(static_cast<const char*>(at) - cov) : to;
  };
  for (const Clause& clause : u->clauses) {
    const bool any_covered = next(1, clause.begin, clause.end) < clause.end;
    size_t i = clause.begin;
    while (i < clause.end) {
      i = next(0, i, clause.end);
      size_t s = i;
      i = next(1, i, clause.end);
      if (i > s) AddUnrecognized(display, s, i, !any_covered, &seen, &u->unrecognized);
    }
  }
}
