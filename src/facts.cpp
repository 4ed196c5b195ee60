#include "facts.h"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <unordered_set>

#include "household.h"
#include "numbers.h"
#include "utf8.h"

namespace {

// Japanese: words between a phrase and its negation ("障害は特にない").
constexpr std::string_view kJaGap[] = {"にも", "は", "が", "も", "を", "について", "に関しては", "とか", "なども", "など", "特に", "とくに",
                              "全く", "まったく", "別に", "べつに", "一切", "いっさい", "あまり",
                              "今のところ", "今は", "まだ", "現在", "今"};
// Japanese negations that follow the phrase.
constexpr std::string_view kJaNegations[] = {
    "ではない", "ではなく", "じゃなく", "ではありません", "じゃない", "でない", "ありません", "ないです", "なかった", "ない",
    "無い", "なし", "無し", "いない", "いません", "持っていない", "もっていない", "持ってない",
    "持っていません", "していない", "してない", "しない", "しません", "必要ない", "必要ありません",
    "必要としていない", "必要なし", "不要", "受けていない", "受けていません", "もらっていない",
    "もらっていません", "行っていない", "行っていません", "通っていない", "通っていません", "取っていない", "取っていません", "取ってない", "とっていない", "ありませんでした",
    "ゼロ"};
// Words after a negation that make it uncertain.
constexpr std::string_view kJaHedges[] = {"と思", "とは思", "はず", "だろう", "でしょう", "かも", "か心配", "か不安"};
// English negations before the phrase ("no disability", "not in debt").
constexpr std::string_view kEnNegations[] = {"no", "not", "without", "never", "none", "nor", "neither", "cannot"};
// English words that end a negation's reach ("not violent and has a disability").
constexpr std::string_view kEnScopeEnds[] = {"and", "or", "but", "so", "because", "although", "though"};

// English words that carry no case information: never "unrecognised".
constexpr std::string_view kEnStopwords[] = {
    "a", "an", "the", "and", "or", "but", "so", "of", "in", "on", "at", "to", "for", "from", "with",
    "by", "about", "as", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have",
    "had", "do", "does", "did", "he", "she", "it", "they", "we", "i", "you", "his", "her", "their",
    "our", "my", "your", "its", "him", "them", "me", "us", "this", "that", "these", "those", "there",
    "here", "who", "which", "what", "when", "where", "how", "why", "very", "also", "too", "still",
    "just", "only", "now", "then", "some", "any", "all", "much", "many", "more", "most", "can",
    "could", "would", "should", "will", "may", "might", "must", "not", "no", "yes", "since", "than",
    "into", "out", "up", "down", "over", "under", "again", "because", "if", "while", "s", "t",
    "years", "year", "old", "months", "month", "aged", "age", "lately", "recently", "really",
    "please", "help", "case", "wants", "want", "need", "needs", "get", "got", "living", "lives",
    "live", "home", "house", "time", "day", "days", "mr", "mrs", "ms", "someone", "anyone"};
// Japanese words that carry no case information: never "unrecognised".
constexpr std::string_view kJaStopwords[] = {"言っている", "言っています", "言って", "言う", "言います", "言った",
                                    "言われ", "思う", "思います", "思って", "思っている", "心配", "心配です",
                                    "相談", "相談したい", "様子", "状態", "最近", "今", "自分", "こと", "もの",
                                    "ため", "家", "方", "人", "話", "聞いて", "感じ", "状況", "場合", "知りたい",
                                    "教えて", "教えてほしい", "どうしたら", "どこに", "いい", "ことを知りたい",
                                    "ことが知りたい", "心配だ", "心配している", "心配しています"};
// Japanese particles trimmed from the edges of an unrecognised piece.
constexpr std::string_view kJaParticles[] = {"について", "として", "から", "まで", "より", "など", "って", "の", "が", "は", "を",
                                    "に", "で", "と", "も", "へ", "や", "か", "ね", "よ", "て"};

// Called for every word list at every hit, so it rejects on one byte before
// comparing the rest: the third byte, as kana share their first two.
inline bool StartsWith(std::string_view text, size_t at, std::string_view word) {
  if (at > text.size() || text.size() - at < word.size()) return false;
  const char* p = text.data() + at;
  if (word.size() >= 3 ? p[2] != word[2] : (!word.empty() && p[0] != word[0])) return false;
  return std::memcmp(p, word.data(), word.size()) == 0;
}

bool IsAsciiAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool IsHiragana(int32_t cp) { return cp >= 0x3041 && cp <= 0x309F; }
bool IsJapaneseContent(int32_t cp) {
  return (cp >= 0x30A0 && cp <= 0x30FF) || (cp >= 0x4E00 && cp <= 0x9FFF) || cp == 0x3005 ||
         (cp >= 0x3400 && cp <= 0x4DBF);
}

// A list of Japanese words (three bytes or more each) indexed by the third
// byte of the text, which tells most kana apart (their first two bytes are
// shared): finding the words at a position tests a few candidates, not
// the whole list. Candidates keep the list's order.
class JaWordIndex {
 public:
  template <size_t N>
  explicit JaWordIndex(const std::string_view (&words)[N]) : words_(words) {
    static_assert(N < 256, "indexes are bytes");
    for (size_t i = 0; i < N; ++i) {
      assert(words[i].size() >= 3);
      buckets_[static_cast<unsigned char>(words[i][2])].push_back(static_cast<uint8_t>(i));
    }
  }
  /// The first word of the list that text has at pos and that ends by
  /// limit, or an empty view.
  std::string_view At(std::string_view text, size_t pos, size_t limit) const {
    if (pos + 3 > text.size()) return {};
    for (uint8_t i : buckets_[static_cast<unsigned char>(text[pos + 2])]) {
      std::string_view w = words_[i];
      if (pos + w.size() <= limit && StartsWith(text, pos, w)) return w;
    }
    return {};
  }

 private:
  const std::string_view* words_;
  std::vector<uint8_t> buckets_[256];
};

// Japanese negation after [pos, clause_end): returns its end, or 0.
size_t JapaneseNegationEnd(std::string_view text, size_t pos, size_t clause_end) {
  static const JaWordIndex gaps(kJaGap), negations(kJaNegations), hedges(kJaHedges);
  for (int guard = 0; guard < 4; ++guard) {
    std::string_view gap = gaps.At(text, pos, clause_end);
    // Do not treat the negation itself as a gap word.
    if (gap.empty() || !negations.At(text, pos, text.size()).empty()) break;
    pos += gap.size();
  }
  std::string_view neg = negations.At(text, pos, clause_end);
  if (neg.empty()) return 0;
  // A hedged negation ("自殺はしないと思う") is a worry, not a denial.
  if (!hedges.At(text, pos + neg.size(), text.size()).empty()) return 0;
  return pos + neg.size();
}

bool IsEnNegation(std::string_view word) {
  for (std::string_view n : kEnNegations)
    if (word == n) return true;
  return word.size() > 3 && word.substr(word.size() - 3) == "n't";
}

// English negation among the three words before `at`: returns its start.
// Walks back word by word (no list of the clause's words is built).
bool EnglishNegationBefore(std::string_view text, size_t clause_begin, size_t at, size_t* neg_begin) {
  auto is_word_byte = [&](size_t i) { return IsAsciiAlnum(static_cast<unsigned char>(text[i])) || text[i] == '\''; };
  size_t end = at;
  for (int looked = 0; looked < 3; ++looked) {
    while (end > clause_begin && !is_word_byte(end - 1)) --end;
    if (end == clause_begin) return false;
    size_t start = end;
    while (start > clause_begin && is_word_byte(start - 1)) --start;
    std::string_view w = text.substr(start, end - start);
    for (std::string_view scope_end : kEnScopeEnds)
      if (w == scope_end) return false;
    if (IsEnNegation(w)) {
      *neg_begin = start;
      return true;
    }
    end = start;
  }
  return false;
}

bool IsLatinPhrase(std::string_view phrase) {
  return !phrase.empty() && IsAsciiAlnum(static_cast<unsigned char>(phrase[0]));
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

void AddUnrecognized(const std::string& display, size_t begin, size_t end, bool keep_kana,
                     std::vector<std::string>* out) {
  auto add = [out](std::string_view piece) {
    if (std::find(out->begin(), out->end(), piece) == out->end()) out->emplace_back(piece);
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
      if (IsAsciiAlnum(c)) {
        size_t s = i;
        while (i < end && (IsAsciiAlnum(static_cast<unsigned char>(display[i])) || display[i] == '\'')) ++i;
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

std::string MentionWords(const FactMention& m) {
  if (!m.negated) return m.words;
  if (!m.words.empty() && IsAsciiAlnum(static_cast<unsigned char>(m.words[0])))
    return m.negation + " " + m.words;
  return m.words + m.negation;
}

void Understanding::Clear() {
  input.clear();
  text.display.clear();
  text.match.clear();
  clauses.clear();
  subjects.clear();
  mentions.clear();
  ages.clear();
  persons.clear();
  concern = -1;
  durations.clear();
  ignored_numbers.clear();
  unrecognized.clear();
  for (AgeRange& r : age_of) r = AgeRange();
}

bool Understanding::Has(int fact, bool any_subject, Subject subject) const {
  for (const FactMention& m : mentions)
    if (m.fact == fact && !m.negated && (any_subject || m.subject == subject)) return true;
  return false;
}

Status Understand(const Model& model, const Lexicon& lexicon, std::string_view input,
                  Understanding* out, const GivenAges* given) {
  out->Clear();
  if (input.size() > kMaxQueryBytes)
    return Status::Input("the text is " + std::to_string(input.size()) + " bytes; the limit is " +
                         std::to_string(kMaxQueryBytes) + " bytes per case");
  Status s = Normalize(input, &out->text);
  if (!s.ok()) return s;
  out->input.assign(input);
  const std::string& match = out->text.match;
  const std::string& display = out->text.display;
  SplitClauses(match, &out->clauses);
  // Working storage, kept per thread from case to case (batch understands
  // every case on the same few threads): no allocation once warm.
  thread_local std::vector<char> covered;  // char: vector<bool> is slow here
  thread_local std::vector<NumberMention> numbers;
  thread_local std::vector<int> number_clause;
  thread_local std::vector<Matcher::Hit> hits;
  covered.assign(match.size(), 0);
  numbers.clear();
  number_clause.clear();
  auto cover = [&](size_t b, size_t e) {
    e = std::min(e, covered.size());
    if (b < e) std::memset(covered.data() + b, 1, e - b);
  };

  for (size_t ci = 0; ci < out->clauses.size(); ++ci) {
    const Clause& clause = out->clauses[ci];
    const int c = static_cast<int>(ci);
    std::string_view part(match.data() + clause.begin, clause.end - clause.begin);
    lexicon.Find(part, &hits);
    for (Matcher::Hit hit : hits) {
      hit.begin += clause.begin;
      hit.end += clause.begin;
      cover(hit.begin, hit.end);
      for (const PhraseMeaning meaning : lexicon.MeaningsOf(hit)) {
        if (meaning.is_subject) {
          out->subjects.push_back({meaning.subject, c, hit.begin, hit.end,
                                   display.substr(hit.begin, hit.end - hit.begin)});
          continue;
        }
        FactMention m;
        m.fact = meaning.fact;
        m.clause = c;
        m.begin = hit.begin;
        m.end = hit.end;
        m.words = display.substr(hit.begin, hit.end - hit.begin);
        m.has_own_subject = lexicon.OwnSubject(hit, &m.subject);
        if (IsLatinPhrase(lexicon.Phrase(hit))) {
          size_t neg = 0;
          if (EnglishNegationBefore(match, clause.begin, hit.begin, &neg)) {
            m.negated = true;
            m.negation = display.substr(neg, hit.begin - neg);
            while (!m.negation.empty() && m.negation.back() == ' ') m.negation.pop_back();
            cover(neg, hit.begin);
          }
        } else if (size_t neg_end = JapaneseNegationEnd(match, hit.end, clause.end)) {
          m.negated = true;
          m.negation = display.substr(hit.end, neg_end - hit.end);
          cover(hit.end, neg_end);
        }
        out->mentions.push_back(std::move(m));
      }
    }
    FindNumbers(match, clause.begin, clause.end, &numbers);
    number_clause.resize(numbers.size(), c);
  }

  // Who is who: persons, their ages, the facts about them, the person of
  // concern and where each lives (household.h).
  BuildHousehold(model, numbers, number_clause, given, out, &covered);

  // Facts implied by ages ("80代の母" → elderly parent).
  for (size_t f = 0; f < model.facts.size(); ++f) {
    const FactDef& def = model.facts[f];
    if (!def.from_age) continue;
    AgeRange r = out->AgeOf(def.age_subject);
    if (!r.known() || (def.age_min >= 0 && r.lo < def.age_min) || (def.age_max >= 0 && r.hi > def.age_max))
      continue;
    FactMention m;
    m.fact = static_cast<int>(f);
    m.subject = def.age_subject;
    m.origin = FactMention::kAge;
    m.person = def.age_subject == Subject::kPerson ? out->concern : -1;
    m.because = Because::kDefault;
    for (const AgeMention& a : out->ages) {
      // Current ages only, of the person of concern for the person's facts.
      if (a.subject != def.age_subject || a.person < 0 || a.when == NumberMention::kPast ||
          a.when == NumberMention::kRelative || (a.subject == Subject::kPerson && a.person != out->concern))
        continue;
      // Of the one person whose age it is; of no one when several.
      if (a.subject != Subject::kPerson) m.person = m.words.empty() || m.person == a.person ? a.person : -1;
      if (!m.words.empty()) m.words += " ";
      m.words += a.words;
      m.clause = a.clause;
    }
    if (m.person >= 0) out->persons[m.person].mentions.push_back(static_cast<int>(out->mentions.size()));
    out->mentions.push_back(std::move(m));
  }

  // Facts implied by durations ("10年ひきこもっている" → long withdrawal):
  // the duration must sit in a clause that states a fact of the same area,
  // or in a clause of its own ("ひきこもり、10年以上").
  for (size_t i = 0; i < numbers.size(); ++i) {
    const NumberMention& n = numbers[i];
    if (n.kind != NumberMention::kDuration) continue;
    const int c = number_clause[i];
    bool clause_has_facts = false;
    for (const FactMention& m : out->mentions) clause_has_facts = clause_has_facts || m.clause == c;
    for (size_t f = 0; f < model.facts.size(); ++f) {
      const FactDef& def = model.facts[f];
      if (def.from_duration_months < 0 || n.months < def.from_duration_months) continue;
      bool related = false;
      for (const FactMention& m : out->mentions)
        if (!m.negated && m.fact != static_cast<int>(f) && model.facts[m.fact].area == def.area &&
            (m.clause == c || !clause_has_facts))
          related = true;
      if (!related) continue;
      FactMention m;
      m.fact = static_cast<int>(f);
      m.subject = def.subject;
      m.clause = c;
      m.begin = n.begin;
      m.end = n.end;
      m.origin = FactMention::kDuration;
      m.words = display.substr(n.begin, n.end - n.begin);
      // The duration's fact is about whom the clause's fact of that area is.
      for (const FactMention& other : out->mentions)
        if (!other.negated && other.origin == FactMention::kPhrase && model.facts[other.fact].area == def.area &&
            (other.clause == c || !clause_has_facts) && other.person >= 0) {
          m.person = other.person;
          m.subject = other.subject;
          m.because = Because::kTopic;
          break;
        }
      if (m.person >= 0) out->persons[m.person].mentions.push_back(static_cast<int>(out->mentions.size()));
      out->mentions.push_back(std::move(m));
      cover(n.begin, n.end);
    }
  }

  // What is left uncovered, clause by clause, is what we did not understand.
  // A clause with nothing understood at all is reported whole, kana
  // included ("ほげほげ"): there the kana are not just grammar.
  // (memchr finds the edges of the covered runs: covered is 0 or 1.)
  const char* cov = covered.data();
  auto next = [cov](char value, size_t from, size_t to) {
    const void* at = from < to ? std::memchr(cov + from, value, to - from) : nullptr;
    return at ? static_cast<size_t>(static_cast<const char*>(at) - cov) : to;
  };
  for (const Clause& clause : out->clauses) {
    const bool any_covered = next(1, clause.begin, clause.end) < clause.end;
    size_t i = clause.begin;
    while (i < clause.end) {
      i = next(0, i, clause.end);
      size_t s = i;
      i = next(1, i, clause.end);
      if (i > s) AddUnrecognized(display, s, i, !any_covered, &out->unrecognized);
    }
  }
  return Status::Ok();
}
