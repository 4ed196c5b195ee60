#include "facts.h"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <unordered_set>

#include "household.h"
#include "numbers.h"
#include "reading.h"
#include "utf8.h"

namespace {

// English negations before the phrase ("no disability", "not in debt").
constexpr std::string_view kEnNegations[] = {"no", "not", "without", "never", "none", "nor", "neither", "cannot",
                                             "deny", "denies", "denied"};
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


// The tokens a stream match covers: [*from, *to) of tokens[first, last).
void HitTokens(const Matcher::Hit& hit, size_t first, size_t last, const std::vector<uint32_t>& token_start,
               const std::vector<Token>& tokens, size_t* from, size_t* to) {
  size_t i = first;
  while (i < last && (token_start[i] < hit.begin || IsFiller(tokens[i]) || tokens[i].pos == Token::kSymbol)) ++i;
  size_t j = i;
  while (j < last && token_start[j] < hit.end) ++j;
  *from = i;
  *to = j;
}

// A particle that ties the phrase to what follows ("から", "に", "は"),
// where a mention's words stop; て/で (and so on) do not.
bool EndsWords(const Token& t) {
  return t.pos == Token::kParticle && t.pos_name != "助詞,接続助詞";
}

// A fact some alert asks for: a hypothetical or a death told must not
// raise it ("死ぬ前に", "夫が亡くなり"). Few alerts and few danger facts.
bool RaisesAlert(const Model& model, int fact) {
  if (model.facts[fact].area != "crisis") return false;
  for (const AlertRule& a : model.alerts)
    for (const auto* refs : {&a.when.all, &a.when.any})
      for (const FactRef& r : *refs)
        if (r.fact == fact) return true;
  return false;
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
  tokens.clear();
  subjects.clear();
  mentions.clear();
  ages.clear();
  persons.clear();
  concern = -1;
  quoted.clear();
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

  const Analyzer* analyzer = nullptr;
  s = Analyzer::Get(&analyzer);
  if (!s.ok()) return s;
  thread_local std::string stream;
  thread_local std::vector<uint32_t> token_start;
  thread_local std::vector<size_t> clause_tokens;  // clause i's tokens: [clause_tokens[i], clause_tokens[i + 1])
  clause_tokens.assign(1, 0);
  for (const Clause& clause : out->clauses) {
    analyzer->Tokenize(display, clause.begin, clause.end, &out->tokens);
    clause_tokens.push_back(out->tokens.size());
  }
  for (size_t ci = 0; ci < out->clauses.size(); ++ci) {
    const Clause& clause = out->clauses[ci];
    const int c = static_cast<int>(ci);
    const size_t first = clause_tokens[ci], last = clause_tokens[ci + 1];
    // A quotation is a clause of its own, but what is said of it follows
    // the closing bracket: 「死にたい」と言ったことはない.
    const bool quoted = ci + 1 < out->clauses.size() && display.compare(clause.end, 3, "」") == 0;
    const size_t read_to = quoted ? clause_tokens[ci + 2] : last;
    stream.clear();
    token_start.assign(last + 1, 0);
    AppendStream(out->tokens, first, last, &stream, &token_start);
    token_start[last] = static_cast<uint32_t>(stream.size());
    lexicon.Find(stream, &hits);
    for (const Matcher::Hit& hit : hits) {
      size_t from = 0, to = 0;
      HitTokens(hit, first, last, token_start, out->tokens, &from, &to);
      if (from >= to) continue;
      const Token& head = out->tokens[from];
      const Token& tail = out->tokens[to - 1];
      const size_t begin = head.begin, end = tail.end;
      cover(begin, end);
      const bool english = head.pos == Token::kWord || (head.pos == Token::kNumber && tail.pos == Token::kWord);
      Polarity polarity;
      size_t neg_begin = 0;
      if (english) {
        polarity.negations = EnglishNegationBefore(match, clause.begin, begin, &neg_begin) ? 1 : 0;
      } else {
        polarity = ReadPolarity(display, out->tokens, to, read_to, tail.lemma);
      }
      for (const PhraseMeaning meaning : lexicon.MeaningsOf(hit)) {
        if (meaning.is_subject) {
          out->subjects.push_back({meaning.subject, c, begin, end, display.substr(begin, end - begin)});
          continue;
        }
        // A phrase that says its fact negated ("家から出ない") holds when
        // the text negates it too, and says nothing otherwise.
        // A hedge keeps a denied fact as a worry ("しないと思う"); a phrase
        // that is itself a negation stays one ("見かけないと心配").
        bool negated = polarity.negated();
        if (meaning.negative) {
          if (polarity.negations % 2 == 0) continue;
          negated = false;
        }
        FactMention m;
        m.fact = meaning.fact;
        m.clause = c;
        m.begin = begin;
        m.end = end;
        m.first_token = static_cast<int>(from);
        m.last_token = static_cast<int>(to);
        m.words = display.substr(begin, end - begin);
        m.phrase = lexicon.Phrase(hit) + (meaning.negative ? " (-)" : "");
        m.has_own_subject = lexicon.OwnSubject(hit, &m.subject);
        const bool danger = RaisesAlert(model, m.fact);
        if (danger && !negated && (polarity.hypothetical || polarity.died)) {
          negated = true;
          m.negation_kind = polarity.died ? "died" : "hypothetical";
        }
        if (negated && english) {
          m.negation = display.substr(neg_begin, begin - neg_begin);
          while (!m.negation.empty() && m.negation.back() == ' ') m.negation.pop_back();
          cover(neg_begin, begin);
        }
        if (!english && polarity.end > to) {
          // The grammar read after the phrase is understood, used or not:
          // it is the negation of a negated mention; else its verb endings
          // are part of its words ("取り上げた"), up to a particle that
          // begins what follows ("市外から転入").
          const size_t stop = out->tokens[polarity.end - 1].end;
          if (negated) {
            m.negation = display.substr(end, stop - end);
          } else {
            size_t k = to;
            while (k < polarity.end && !EndsWords(out->tokens[k])) ++k;
            if (k > to) {
              m.end = out->tokens[k - 1].end;
              m.words = display.substr(begin, m.end - begin);
            }
          }
          cover(end, stop);
        }
        m.negated = negated;
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
